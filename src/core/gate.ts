/**
 * The gate: turns the totals into pass or fail (exit 1); the CLI only reads the verdict.
 * Each condition is kept with its result (issue #14), so report.json, the summary and the one line
 * printed under --quiet can say why; the words are made in src/report/gate-text.ts.
 */
import { isoString } from '../dates.js';
import { lang } from '../i18n/lang.js';
import type { ReasonCode } from '../reasons.js';
import type { GateSettings } from './settings.js';
import type { RequiredListState } from './lists.js';

/** Who set a condition: its command-line flag, or the policy. */
export type SetBy = '--max-reject-rate' | '--fail-on-reject' | '--fail-on' | 'policy';

export type GateCondition =
  | { condition: 'max_reject_rate'; set_by: SetBy; limit: number; reject_rate: number; passed: boolean }
  | { condition: 'fail_on_reject'; set_by: SetBy; rejected: number; passed: boolean }
  | { condition: 'fail_on'; set_by: SetBy; codes: ReasonCode[]; rows: Partial<Record<ReasonCode, number>>; passed: boolean }
  | { condition: 'required_list'; set_by: 'policy'; list: string; max_age_days: number; date: string | null; state: RequiredListState['state']; passed: boolean };

export interface GateVerdict {
  passed: boolean;
  reject_rate: number;
  max_reject_rate?: number;
  fail_on_reject?: boolean;
  fail_on?: ReasonCode[];
  /** Every condition that was set, with its result; none: no gate was set. */
  conditions: GateCondition[];
}

export interface GateTotals {
  rows: number;
  rejected: number;
  /** Rows per reason code. */
  reasons: ReadonlyMap<ReasonCode, number>;
}

/** A required suppression list that is missing or stale fails the gate whatever else is set. */
export function evaluateGate(t: GateTotals, gate: GateSettings, lists: readonly RequiredListState[] = []): GateVerdict {
  // The reject rate of an empty list is 0 (SPEC "Outputs").
  const rate = t.rows === 0 ? 0 : t.rejected / t.rows;
  const conditions: GateCondition[] = [];
  const verdict: GateVerdict = { passed: true, reject_rate: rate, conditions };
  if (gate.maxRejectRate !== undefined) {
    verdict.max_reject_rate = gate.maxRejectRate;
    conditions.push({ condition: 'max_reject_rate', set_by: gate.setBy.maxRejectRate, limit: gate.maxRejectRate, reject_rate: rate, passed: rate <= gate.maxRejectRate });
  }
  if (gate.failOnReject) {
    verdict.fail_on_reject = true;
    conditions.push({ condition: 'fail_on_reject', set_by: gate.setBy.failOnReject, rejected: t.rejected, passed: t.rejected === 0 });
  }
  if (gate.failOn.length) {
    verdict.fail_on = [...gate.failOn];
    const rows: Partial<Record<ReasonCode, number>> = {};
    for (const code of gate.failOn) rows[code] = t.reasons.get(code) ?? 0;
    conditions.push({ condition: 'fail_on', set_by: gate.setBy.failOn, codes: [...gate.failOn], rows, passed: gate.failOn.every((c) => !rows[c]) });
  }
  for (const l of lists) {
    conditions.push({
      condition: 'required_list', set_by: 'policy', list: l.name, max_age_days: l.maxAgeDays,
      date: l.date === undefined ? null : isoString(l.date), state: l.state, passed: l.state === 'fresh',
    });
  }
  verdict.passed = conditions.every((c) => c.passed);
  return verdict;
}

export function formatRate(rate: number): string {
  return percentText((rate * 100).toFixed(rate === 0 || rate === 1 ? 0 : 1));
}

/** Digits of a percentage as people of the run's language write them: `72.7%`, `72,7 %` (issue #13). */
export function percentText(digits: string): string {
  return lang() === 'ru' ? `${digits.replace('.', ',')}\u00a0%` : `${digits}%`;
}
