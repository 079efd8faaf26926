/** PHONE_MISSING / PHONE_INVALID: the row's phone cell (SPEC "Reason codes"). */
import type { Finding } from '../reasons.js';
import type { AuditContext, RowFacts } from './context.js';

export function checkPhone(row: RowFacts, ctx: AuditContext): Finding[] {
  const cell = row.cells[ctx.columns.phone] ?? '';
  const phone = ctx.phones.normalize(cell);
  row.phone = phone;
  if (phone.kind === 'valid') {
    row.e164 = phone.e164;
    return [];
  }
  if (phone.kind === 'missing') return [{ code: 'PHONE_MISSING' }];
  return [{ code: 'PHONE_INVALID', args: { value: JSON.stringify(cell.trim().slice(0, 80)), region: ctx.campaign.region, problem: phone.problem } }];
}
