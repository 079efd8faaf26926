/**
 * SUPPRESSED: the number is on a `--suppress` list. Per number (issue #11 will run it for every
 * number of a row), after the consent rule: a hit on registry lists only (TPS, CTPS, the US National
 * Do Not Call Registry) is overridden by consent that covers the campaign, where the policy allows
 * it (PECR reg. 21(4): the subscriber told this caller they do not object; 47 CFR 64.1200(c)(2)(ii):
 * a signed written agreement). Objections (152-FZ Art. 15 part 2, GDPR Art. 21(3), PECR reg.
 * 21(1)(a)), internal lists (47 CFR 64.1200(d)) and refusals through the operator (126-FZ Art. 44.1
 * item 1.1) are never overridden.
 */
import { NO_FINDINGS, type Finding } from '../reasons.js';
import type { AuditContext, RowFacts } from './context.js';
import type { ListSet } from '../evidence/suppression.js';

export function checkSuppression(row: RowFacts, ctx: AuditContext): readonly Finding[] {
  if (!row.e164) return NO_FINDINGS;
  const lists = ctx.suppression.find(row.e164, row.key);
  if (lists === undefined) return NO_FINDINGS;
  return suppressionFindings(row, ctx, lists, row.e164);
}

/** SUPPRESSED for a key on these lists, unless consent overrides them: a number's, or an email address's (issue #15). */
export function suppressionFindings(row: RowFacts, ctx: AuditContext, lists: ListSet, key: string): readonly Finding[] {
  const covering = row.consent?.covering;
  const overridable = lists.registryOnly && ctx.campaign.consentOverridesRegistry;
  if (overridable && covering) {
    row.suppression = { lists, overriddenBy: covering };
    return NO_FINDINGS;
  }
  row.suppression = { lists, overriddenBy: undefined };
  const why = !lists.registryOnly ? undefined : overridable ? 'no-consent' : 'not-overridable';
  return [{ code: 'SUPPRESSED', args: { e164: key, lists: lists.label, why } }];
}
