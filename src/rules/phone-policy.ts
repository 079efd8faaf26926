/**
 * PHONE_TYPE_BLOCKED and PHONE_COUNTRY_BLOCKED: what kind of number it is and where it belongs
 * (issue #4). Premium-rate and shared-cost numbers are never called; an SMS goes to a mobile
 * number only; a policy may restrict the countries.
 */
import { NO_FINDINGS, type Finding } from '../reasons.js';
import { e164Key } from '../evidence/number-table.js';
import { LINE_TYPE_NUMBER_TYPE } from '../evidence/line-types.js';
import type { AuditContext, RowFacts } from './context.js';

/**
 * The number's type: a --line-types file's, where it lists the number (issue #14: a carrier lookup
 * knows a ported number and a US mobile from a landline), else libphonenumber's. Records the line
 * type on the row for the consent rule (the policy's landline_exempt_dial_modes).
 */
export function checkNumberType(row: RowFacts, ctx: AuditContext): readonly Finding[] {
  const p = row.phone;
  if (!row.e164 || p?.kind !== 'valid') return NO_FINDINGS;
  const c = ctx.campaign;
  let type = p.type;
  const line = ctx.lineTypes?.find(row.key ?? e164Key(row.e164));
  if (line !== undefined) {
    row.lineType = line;
    type = LINE_TYPE_NUMBER_TYPE[line];
  }
  const from = line === undefined ? undefined : 'line-types';
  if (c.blockedNumberTypes.includes(type)) return [{ code: 'PHONE_TYPE_BLOCKED', args: { e164: row.e164, type, why: 'type', from } }];
  if (c.channel === 'sms' && !c.smsNumberTypes.includes(type)) return [{ code: 'PHONE_TYPE_BLOCKED', args: { e164: row.e164, type, why: 'sms', from } }];
  return NO_FINDINGS;
}

export function checkCountry(row: RowFacts, ctx: AuditContext): readonly Finding[] {
  const p = row.phone;
  const allowed = ctx.campaign.allowedCountries;
  if (!row.e164 || p?.kind !== 'valid' || !allowed) return NO_FINDINGS;
  if (p.country !== undefined && allowed.includes(p.country)) return NO_FINDINGS;
  return [{ code: 'PHONE_COUNTRY_BLOCKED', args: { e164: row.e164, country: p.country, allowed: allowed.join(', ') } }];
}
