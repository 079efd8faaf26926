/**
 * LIST_STALE: the suppression lists a policy requires must be given and fresh at --as-of (UK TPS:
 * 28 days, PECR reg. 21(3); US National DNC: 31 days, 16 CFR 310.4(b)(3)(iv)). This is about the
 * run, not a row: the gate fails and report.json says why.
 */
import { isoString } from '../dates.js';
import type { Finding } from '../reasons.js';
import type { Policy } from '../policy/schema.js';
import type { SuppressionStats } from '../evidence/suppression.js';

const DAY_MS = 86_400_000;

export function staleLists(required: Policy['required_lists'], lists: readonly SuppressionStats[], asOf: number): Finding[] {
  const findings: Finding[] = [];
  for (const req of required) {
    const list = lists.find((l) => l.name === req.name);
    if (!list) {
      findings.push({ code: 'LIST_STALE', args: { list: req.name, problem: 'missing', maxAge: req.max_age_days } });
    } else if (asOf - list.date > req.max_age_days * DAY_MS) {
      findings.push({ code: 'LIST_STALE', args: { list: req.name, problem: 'stale', date: isoString(list.date), maxAge: req.max_age_days, asOf: isoString(asOf) } });
    }
  }
  return findings;
}
