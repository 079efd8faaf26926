/**
 * DUPLICATE: the same normalized number on an earlier row. The first row with a number is the one
 * audited; later ones are rejected and name its line. Malformed rows never get here, so their
 * numbers are not remembered (SPEC "Reason codes").
 */
import { NO_FINDINGS, type Finding } from '../reasons.js';
import { e164Key } from '../evidence/number-table.js';
import type { AuditContext, RowFacts } from './context.js';

export function checkDuplicate(row: RowFacts, ctx: AuditContext): readonly Finding[] {
  if (!row.e164) return NO_FINDINGS;
  const key = row.key ?? e164Key(row.e164);
  const first = ctx.seen.firstOf(key, row.line);
  if (first === undefined) return NO_FINDINGS;
  return ctx.campaign.rejectDuplicates ? [{ code: 'DUPLICATE', args: { e164: row.e164, firstLine: first } }] : [];
}
