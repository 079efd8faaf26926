/** PHONE_MISSING / PHONE_INVALID: the row's phone cell (SPEC "Reason codes"). */
import { NO_FINDINGS, type Finding } from '../reasons.js';
import type { AuditContext, RowFacts } from './context.js';
import { e164Key } from '../evidence/number-table.js';

export function checkPhone(row: RowFacts, ctx: AuditContext): readonly Finding[] {
  const cell = row.cells[ctx.columns.phone] ?? '';
  // judgeRow has read the cell already (one number: the common case, issue #11).
  const phone = row.phone ?? ctx.phones.normalize(cell);
  row.phone = phone;
  if (phone.kind === 'valid') {
    row.e164 = phone.e164;
    // judgeRow may have it from prefetchBatch.
    row.key ??= e164Key(phone.e164);
    return NO_FINDINGS;
  }
  if (phone.kind === 'missing') return [{ code: 'PHONE_MISSING' }];
  return [invalidPhone(cell, phone, ctx)];
}

export function invalidPhone(text: string, phone: { problem?: string }, ctx: AuditContext): Finding {
  return { code: 'PHONE_INVALID', args: { value: JSON.stringify(text.trim().slice(0, 80)), region: ctx.campaign.region, problem: phone.problem } };
}
