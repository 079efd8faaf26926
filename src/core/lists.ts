/**
 * LIST_STALE: the suppression lists a policy requires must be given and fresh at --as-of (UK TPS:
 * 28 days, PECR reg. 21(3); US National DNC: 31 days, 16 CFR 310.4(b)(3)(iv)). A list that is
 * missing or stale fails the gate, and screens no row: every row is rejected with LIST_STALE
 * (issue #14), so that no unscreened clean list is written.
 */
import { isoString } from '../dates.js';
import type { Finding } from '../reasons.js';
import type { Policy } from '../policy/schema.js';
import type { SuppressionStats } from '../evidence/suppression.js';

const DAY_MS = 86_400_000;

/** One required list as the run found it. */
export interface RequiredListState {
  name: string;
  maxAgeDays: number;
  /** When the list given under that name was downloaded (epoch ms); undefined: none was given. */
  date: number | undefined;
  state: 'fresh' | 'stale' | 'missing';
}

export function requiredListStates(required: Policy['required_lists'], lists: readonly SuppressionStats[], asOf: number): RequiredListState[] {
  return required.map((req) => {
    const list = lists.find((l) => l.name === req.name);
    const state = !list ? 'missing' : asOf - list.date > req.max_age_days * DAY_MS ? 'stale' : 'fresh';
    return { name: req.name, maxAgeDays: req.max_age_days, date: list?.date, state };
  });
}

/** The run findings: one LIST_STALE per required list that is missing or stale. */
export function staleLists(required: Policy['required_lists'], lists: readonly SuppressionStats[], asOf: number): Finding[] {
  return requiredListStates(required, lists, asOf).flatMap((s): Finding[] => {
    if (s.state === 'missing') return [{ code: 'LIST_STALE', args: { list: s.name, problem: 'missing', maxAge: s.maxAgeDays } }];
    if (s.state === 'stale') return [{ code: 'LIST_STALE', args: { list: s.name, problem: 'stale', date: isoString(s.date!), maxAge: s.maxAgeDays, asOf: isoString(asOf) } }];
    return [];
  });
}

/**
 * The LIST_STALE finding every row gets: the run finding itself when one list is at fault, one
 * finding naming them all when several are (a row's codes name each code once).
 */
export function rowListFindings(runFindings: readonly Finding[]): readonly Finding[] {
  const stale = runFindings.filter((f) => f.code === 'LIST_STALE');
  if (stale.length <= 1) return Object.freeze(stale.map((f) => ({ code: f.code, args: { ...f.args } })));
  return Object.freeze([{ code: 'LIST_STALE', args: { list: stale.map((f) => f.args?.list).join(', '), problem: 'several' } }]);
}
