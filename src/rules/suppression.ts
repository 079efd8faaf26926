/** SUPPRESSED: the number is on a `--suppress` list (the subject refused contact: 152-FZ Art. 9 part 2). */
import { NO_FINDINGS, type Finding } from '../reasons.js';
import type { AuditContext, RowFacts } from './context.js';

export function checkSuppression(row: RowFacts, ctx: AuditContext): readonly Finding[] {
  if (!row.e164) return NO_FINDINGS;
  const list = ctx.suppression.find(row.e164, row.key);
  return list === undefined ? NO_FINDINGS : [{ code: 'SUPPRESSED', args: { e164: row.e164, list } }];
}
