/**
 * DIAL_MODE_BANNED: advertising by a dial mode the policy bans (38-FZ Art. 18 part 2: no
 * advertising over telecommunication networks by means that select or dial the number without a
 * person). The ban is about the campaign, so every row gets it; it is a row-level rule (not per
 * number) so that each row still shows all its other reasons.
 */
import { NO_FINDINGS, type Finding } from '../reasons.js';
import type { Campaign } from './context.js';
import type { AuditContext, RowFacts } from './context.js';

/** The one finding every row of a banned campaign gets, made once per campaign. */
const banned = new WeakMap<Campaign, readonly Finding[]>();

export function checkDialMode(_row: RowFacts, ctx: AuditContext): readonly Finding[] {
  const c = ctx.campaign;
  if (!c.dialModeBanned) return NO_FINDINGS;
  let found = banned.get(c);
  if (!found) {
    found = Object.freeze([{ code: 'DIAL_MODE_BANNED', args: { mode: c.dialMode, purpose: c.purpose } }]);
    banned.set(c, found);
  }
  return found;
}
