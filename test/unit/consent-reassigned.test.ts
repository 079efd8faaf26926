/**
 * Issue #14, item 2: a consent given at or before the number was disconnected is the previous
 * subscriber's. Rule 2 of "How a row is judged" with the disconnection, against hand-worked cases.
 */
import { describe, expect, it } from 'vitest';
import { judgeConsent, type ConsentDecision } from '../../src/rules/consent.js';
import type { ConsentRecord } from '../../src/evidence/consent-record.js';
import type { Campaign } from '../../src/rules/context.js';
import { explain } from '../../src/reasons.js';

const E164 = '+12015550123';
const t = (iso: string) => Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);

function rec(id: string, given: string, over: Partial<ConsentRecord> = {}): ConsentRecord {
  return {
    e164: E164, consentId: id, file: 'consent.csv', line: 2, givenAt: t(given), withdrawnAt: undefined, expiresAt: undefined,
    channels: ['call'], purposes: ['marketing'], evidenceRef: `log-${id}`, notice: {}, noticeGivenAt: undefined, noticeExempt: undefined,
    separateDocument: undefined, kinds: undefined, origin: undefined, ...over,
  };
}

const campaign = { asOf: t('2026-11-01'), purpose: 'marketing', channel: 'call', proofRequired: true, consentMaxAgeDays: undefined } as unknown as Campaign;
const cut = (at: string) => ({ disconnected: { at: t(at), line: 3, source: 'operator list', onOrAfter: false, where: 'reassigned.csv:3' } });
const judge = (records: ConsentRecord[], at?: string) => judgeConsent(records, campaign, E164, at === undefined ? {} : cut(at));
const codes = (d: ConsentDecision) => d.findings.map((f) => f.code);
const fates = (d: ConsentDecision) => d.considered.map((c) => [c.record.consentId, c.fate]);

describe('a disconnection ends the consent given at or before it', () => {
  it('takes a consent given before the disconnection as the previous subscriber\'s: CONSENT_NUMBER_REASSIGNED, not CONSENT_MISSING', () => {
    const d = judge([rec('old', '2025-05-01')], '2026-01-15');
    expect(codes(d)).toEqual(['CONSENT_NUMBER_REASSIGNED']);
    expect(fates(d)).toEqual([['old', 'reassigned']]);
    expect(d.covering).toBeUndefined();
    // No record counts, so none lends its notice values to the row.
    expect(d.reported).toBeUndefined();
    expect(explain(d.findings[0]!)).toBe('CONSENT_NUMBER_REASSIGNED: consent old given at 2025-05-01T00:00:00.000Z, at or before +12015550123 was'
      + ' disconnected at 2026-01-15T00:00:00.000Z (reassigned.csv:3, operator list): the previous subscriber\'s');
  });

  it('lets a consent given after the disconnection count: the new subscriber\'s', () => {
    const d = judge([rec('old', '2025-05-01'), rec('new', '2026-03-01')], '2026-01-15');
    expect(codes(d)).toEqual([]);
    expect(d.covering?.consentId).toBe('new');
    expect(fates(d)).toEqual([['old', 'reassigned'], ['new', 'covers']]);
  });

  it('ends a consent given at the very instant of the disconnection (at or before, equality included)', () => {
    expect(codes(judge([rec('same', '2026-01-15')], '2026-01-15'))).toEqual(['CONSENT_NUMBER_REASSIGNED']);
    expect(codes(judge([rec('after', '2026-01-15T00:00:01Z')], '2026-01-15'))).toEqual([]);
  });

  it('names the most recently given of several reassigned records and counts the rest', () => {
    const d = judge([rec('a', '2024-01-01'), rec('b', '2025-02-02')], '2026-01-15');
    expect(d.findings[0]!.args).toMatchObject({ consentId: 'b', records: 2 });
    expect(explain(d.findings[0]!)).toContain('consent b and 1 more given at 2025-02-02');
  });

  it('reports the reasons of a newer counting record that does not cover, not the reassignment', () => {
    const d = judge([rec('old', '2025-05-01'), rec('new', '2026-03-01', { purposes: ['service'] })], '2026-01-15');
    expect(codes(d)).toEqual(['CONSENT_PURPOSE_MISMATCH']);
    expect(d.reported?.consentId).toBe('new');
  });
});

describe('withdrawals and the change of hands', () => {
  it('takes a withdrawal made at or before the disconnection as the previous subscriber\'s: reassigned, not withdrawn', () => {
    const d = judge([rec('old', '2025-05-01', { withdrawnAt: t('2025-09-01') })], '2026-01-15');
    expect(codes(d)).toEqual(['CONSENT_NUMBER_REASSIGNED']);
  });

  it('keeps a withdrawal made after the disconnection: the current subscriber objected', () => {
    const d = judge([rec('old', '2025-05-01', { withdrawnAt: t('2026-02-01') })], '2026-01-15');
    expect(codes(d)).toEqual(['CONSENT_WITHDRAWN']);
    const later = judge([rec('old', '2025-05-01'), rec('new', '2026-03-01', { withdrawnAt: t('2026-04-01') })], '2026-01-15');
    expect(codes(later)).toEqual(['CONSENT_WITHDRAWN']);
    expect(fates(later)).toEqual([['old', 'reassigned'], ['new', 'withdrawn']]);
  });
});

describe('without a disconnection', () => {
  it('judges as before: the same records are covered', () => {
    const d = judge([rec('old', '2025-05-01')]);
    expect(codes(d)).toEqual([]);
    expect(d.covering?.consentId).toBe('old');
  });
});

describe('one shape for every decision (issue #16)', () => {
  // Fields added to some decisions after they were made gave the router and the rules objects of
  // several shapes, and V8 threw their optimized code away and compiled it again (--trace-deopt).
  it('gives every way a number can be decided the same fields in the same order', () => {
    const decisions = [
      judge([rec('covers', '2026-03-01')]),
      judge([rec('narrow', '2026-03-01', { purposes: ['service'] })]),
      judge([rec('ended', '2026-03-01', { withdrawnAt: t('2026-04-01') })]),
      judge([rec('old', '2025-05-01')], '2026-01-15'),
      judge([]),
      judge([rec('later', '2026-12-01')]),
    ];
    expect(decisions.map((d) => codes(d)[0] ?? 'covers')).toEqual([
      'covers', 'CONSENT_PURPOSE_MISMATCH', 'CONSENT_WITHDRAWN', 'CONSENT_NUMBER_REASSIGNED', 'CONSENT_MISSING', 'CONSENT_MISSING',
    ]);
    const keys = decisions.map((d) => Object.keys(d).join(','));
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toBe('findings,covering,reported,considered,invalid,unstated,required,disconnected');
  });
});
