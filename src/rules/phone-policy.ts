/**
 * PHONE_TYPE_BLOCKED and PHONE_COUNTRY_BLOCKED: what kind of number it is and where it belongs
 * (issue #4). Premium-rate and shared-cost numbers are never called; an SMS goes to a mobile
 * number only; a policy may restrict the countries.
 */
import { NO_FINDINGS, type Finding } from '../reasons.js';
import type { AuditContext, RowFacts } from './context.js';

export function checkNumberType(row: RowFacts, ctx: AuditContext): readonly Finding[] {
  const p = row.phone;
  if (!row.e164 || p?.kind !== 'valid') return NO_FINDINGS;
  const c = ctx.campaign;
  if (c.blockedNumberTypes.includes(p.type)) return [{ code: 'PHONE_TYPE_BLOCKED', args: { e164: row.e164, type: p.type, why: 'type' } }];
  if (c.channel === 'sms' && !c.smsNumberTypes.includes(p.type)) return [{ code: 'PHONE_TYPE_BLOCKED', args: { e164: row.e164, type: p.type, why: 'sms' } }];
  return NO_FINDINGS;
}

export function checkCountry(row: RowFacts, ctx: AuditContext): readonly Finding[] {
  const p = row.phone;
  const allowed = ctx.campaign.allowedCountries;
  if (!row.e164 || p?.kind !== 'valid' || !allowed) return NO_FINDINGS;
  if (p.country !== undefined && allowed.includes(p.country)) return NO_FINDINGS;
  return [{ code: 'PHONE_COUNTRY_BLOCKED', args: { e164: row.e164, country: p.country, allowed: allowed.join(', ') } }];
}
