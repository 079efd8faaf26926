/** Which reason codes a policy can produce: the basis of `leadaudit reasons` and its tests. */
import { REASON_CODES, type ReasonCode } from '../reasons.js';
import { NOTICE_CODE } from '../notice-fields.js';
import type { Policy } from './schema.js';

export function codesUsedBy(p: Policy): Set<ReasonCode> {
  const used = new Set<ReasonCode>(REASON_CODES);
  const drop = (code: ReasonCode) => used.delete(code);
  for (const [field, code] of Object.entries(NOTICE_CODE)) if (!p.required_notice.includes(field as never)) drop(code);
  if (p.required_notice.length === 0) drop('NOTICE_LATE');
  if (!p.proof_required) drop('CONSENT_UNPROVEN');
  if (p.duplicates === 'allow') drop('DUPLICATE');
  if (p.blocked_sources.length === 0) drop('SOURCE_BLOCKED');
  if (p.allowed_countries === null) drop('PHONE_COUNTRY_BLOCKED');
  if (p.required_lists.length === 0) drop('LIST_STALE');
  const advertising = p.advertising_purposes.some((x) => x.trim().toLowerCase() === p.purpose.trim().toLowerCase());
  if (!advertising) drop('CONSENT_KIND_MISMATCH');
  if (!advertising || p.banned_dial_modes.length === 0) drop('DIAL_MODE_BANNED');
  if (p.separate_consent_from === null) drop('CONSENT_NOT_SEPARATE');
  return used;
}
