/** The gate: each condition with its result (issue #14), and the words for it. */
import { describe, expect, it } from 'vitest';
import { evaluateGate, type GateCondition } from '../../src/core/gate.js';
import type { GateSettings } from '../../src/core/settings.js';
import { conditionText, gateFailures, gateState, percent } from '../../src/report/gate-text.js';
import { requiredListStates, rowListFindings, staleLists } from '../../src/core/lists.js';
import type { SuppressionStats } from '../../src/evidence/suppression.js';
import type { ReasonCode } from '../../src/reasons.js';

const NONE: GateSettings = { maxRejectRate: undefined, failOnReject: false, failOn: [], setBy: { maxRejectRate: 'policy', failOnReject: 'policy', failOn: 'policy' } };
const totals = (rows: number, rejected: number, reasons: [ReasonCode, number][] = []) => ({ rows, rejected, reasons: new Map(reasons) });
const CTX = { policy: 'ru-152fz', asOf: '2026-07-15T00:00:00.000Z' };
const DAY = 86_400_000;
const AS_OF = Date.parse(CTX.asOf);
const list = (name: string, daysOld: number) => ({ name, date: AS_OF - daysOld * DAY }) as SuppressionStats;

describe('evaluateGate', () => {
  it('no condition set: passes with no conditions (report.html then says "no gate set")', () => {
    const g = evaluateGate(totals(10, 10), NONE);
    expect(g).toEqual({ passed: true, reject_rate: 1, conditions: [] });
    expect(gateState(g)).toBe('none');
  });

  it('max reject rate: above fails, equal passes; an empty list has rate 0', () => {
    const gate = { ...NONE, maxRejectRate: 0.25, setBy: { ...NONE.setBy, maxRejectRate: '--max-reject-rate' as const } };
    const above = evaluateGate(totals(8, 3), gate);
    expect(above.passed).toBe(false);
    expect(above.conditions).toEqual([{ condition: 'max_reject_rate', set_by: '--max-reject-rate', limit: 0.25, reject_rate: 0.375, passed: false }]);
    expect(evaluateGate(totals(8, 2), gate).passed).toBe(true);
    expect(evaluateGate(totals(0, 0), gate)).toMatchObject({ passed: true, reject_rate: 0 });
  });

  it('--fail-on fails on any row with a listed code, and counts each code', () => {
    const gate = { ...NONE, failOn: ['SUPPRESSED', 'CONSENT_MISSING'] as ReasonCode[], setBy: { ...NONE.setBy, failOn: '--fail-on' as const } };
    const failed = evaluateGate(totals(5, 4, [['CONSENT_MISSING', 2], ['DUPLICATE', 2]]), gate);
    expect(failed).toMatchObject({ passed: false, fail_on: ['SUPPRESSED', 'CONSENT_MISSING'] });
    expect(failed.conditions[0]).toEqual({ condition: 'fail_on', set_by: '--fail-on', codes: ['SUPPRESSED', 'CONSENT_MISSING'], rows: { SUPPRESSED: 0, CONSENT_MISSING: 2 }, passed: false });
    expect(evaluateGate(totals(5, 4, [['DUPLICATE', 4]]), gate).passed).toBe(true);
  });

  it('a required list that is missing or stale fails the gate even with no other condition', () => {
    const states = requiredListStates([{ name: 'tps', max_age_days: 28 }, { name: 'dnc', max_age_days: 31 }, { name: 'in-house', max_age_days: 7 }],
      [list('tps', 28), list('in-house', 8)], AS_OF);
    expect(states.map((s) => s.state)).toEqual(['fresh', 'missing', 'stale']);
    const g = evaluateGate(totals(3, 0), NONE, states);
    expect(g.passed).toBe(false);
    expect(g.conditions.map((c) => [c.condition, c.passed])).toEqual([['required_list', true], ['required_list', false], ['required_list', false]]);
    expect(gateFailures(g, CTX)).toEqual([
      'required list dnc missing (policy ru-152fz)',
      'required list in-house stale: dated 2026-07-07, more than 7 days before 2026-07-15 (policy ru-152fz)',
    ]);
    expect(conditionText(g.conditions[0]!, CTX)).toBe('required list tps fresh: dated 2026-06-17, at most 28 days before 2026-07-15 (policy ru-152fz)');
  });
});

describe('the words for each condition', () => {
  const c = (x: Partial<GateCondition> & Pick<GateCondition, 'condition'>) => x as GateCondition;
  it.each([
    [c({ condition: 'max_reject_rate', set_by: '--max-reject-rate', limit: 0.05, reject_rate: 0.435, passed: false }), '43.5% rejected > 5% (--max-reject-rate)'],
    // Enough decimals that the numbers shown compare as the real ones do.
    [c({ condition: 'max_reject_rate', set_by: '--max-reject-rate', limit: 0.05, reject_rate: 0.05004, passed: false }), '5.004% rejected > 5% (--max-reject-rate)'],
    [c({ condition: 'max_reject_rate', set_by: 'policy', limit: 0.2, reject_rate: 0.19996, passed: true }), '20.0% rejected <= 20% (gate.max_reject_rate of policy ru-152fz)'],
    [c({ condition: 'max_reject_rate', set_by: 'policy', limit: 0.0004, reject_rate: 0.00044, passed: false }), '0.044% rejected > 0.04% (gate.max_reject_rate of policy ru-152fz)'],
    [c({ condition: 'max_reject_rate', set_by: '--max-reject-rate', limit: 0.5, reject_rate: 1, passed: false }), '100% rejected > 50% (--max-reject-rate)'],
    [c({ condition: 'fail_on_reject', set_by: '--fail-on-reject', rejected: 1, passed: false }), '1 row rejected (--fail-on-reject)'],
    [c({ condition: 'fail_on_reject', set_by: 'policy', rejected: 0, passed: true }), 'no row rejected (gate.fail_on_reject of policy ru-152fz)'],
    [c({ condition: 'fail_on', set_by: '--fail-on', codes: ['SUPPRESSED', 'DUPLICATE', 'CONSENT_MISSING'], rows: { SUPPRESSED: 3, DUPLICATE: 0, CONSENT_MISSING: 1 }, passed: false }), '3 rows with SUPPRESSED, 1 with CONSENT_MISSING (--fail-on)'],
    [c({ condition: 'fail_on', set_by: '--fail-on', codes: ['SUPPRESSED', 'DUPLICATE'], rows: { SUPPRESSED: 0, DUPLICATE: 0 }, passed: true }), 'no row with SUPPRESSED or DUPLICATE (--fail-on)'],
  ])('%#: %s', (condition, text) => {
    expect(conditionText(condition, CTX)).toBe(text);
  });

  it('writes shares as people do', () => {
    expect([0.05, 0.125, 0.33, 1, 0].map(percent)).toEqual(['5%', '12.5%', '33%', '100%', '0%']);
  });
});

describe('LIST_STALE on rows', () => {
  it('is the run finding itself when one list is at fault, one finding naming all when several are', () => {
    const one = staleLists([{ name: 'tps', max_age_days: 28 }], [], AS_OF);
    expect(rowListFindings(one)).toEqual(one);
    const two = staleLists([{ name: 'tps', max_age_days: 28 }, { name: 'dnc', max_age_days: 31 }], [list('dnc', 40)], AS_OF);
    expect(two).toHaveLength(2);
    expect(rowListFindings(two)).toEqual([{ code: 'LIST_STALE', args: { list: 'tps, dnc', problem: 'several' } }]);
    expect(rowListFindings([])).toEqual([]);
  });
});
