import { describe, expect, it } from 'vitest';
import { judgeConsent, uncovered, type ConsentDecision } from '../../src/rules/consent.js';
import type { ConsentRecord } from '../../src/evidence/consent-record.js';
import type { Campaign } from '../../src/rules/context.js';
import { NOTICE_FIELDS } from '../../src/notice-fields.js';
import { explain } from '../../src/reasons.js';
import { withLang } from '../../src/i18n/index.js';

const E164 = '+79161112233';
const t = (iso: string) => Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
const DAY = 86_400_000;

interface RecordSpec {
  id: string;
  given: string;
  withdrawn?: string;
  expires?: string;
  purposes?: string[];
  channels?: string[];
  evidence?: string;
}

/** A consent record as the loader makes it: lists lower-cased, evidence present unless given. */
function rec(s: RecordSpec): ConsentRecord {
  return {
    e164: E164,
    consentId: s.id,
    file: 'consent.csv',
    line: 2,
    givenAt: t(s.given),
    withdrawnAt: s.withdrawn === undefined ? undefined : t(s.withdrawn),
    expiresAt: s.expires === undefined ? undefined : t(s.expires),
    channels: s.channels ?? ['call'],
    purposes: s.purposes ?? ['marketing'],
    evidenceRef: s.evidence ?? `form-log-${s.id}`,
    notice: {},
  };
}

function campaign(over: Partial<Campaign> = {}): Campaign {
  return {
    asOf: t('2026-11-01'),
    purpose: 'marketing',
    channel: 'call',
    region: 'RU',
    proofRequired: true,
    consentMaxAgeDays: undefined,
    requiredNotice: NOTICE_FIELDS,
    rejectDuplicates: true,
    ...over,
  };
}

const codes = (d: ConsentDecision) => d.findings.map((f) => f.code).sort();
const judge = (records: ConsentRecord[], over: Partial<Campaign> = {}) => judgeConsent(records, campaign(over), E164);
const fates = (d: ConsentDecision) => d.considered.map((c) => [c.record.consentId, c.fate]);

describe('judgeConsent: no records', () => {
  it('is CONSENT_MISSING, naming the number', () => {
    const d = judge([]);
    expect(d.findings).toEqual([{ code: 'CONSENT_MISSING', args: { e164: E164 } }]);
    expect(d.covering).toBeUndefined();
    expect(d.reported).toBeUndefined();
    expect(d.considered).toEqual([]);
  });
});

describe('judgeConsent rule 1: records given after --as-of do not exist yet', () => {
  it('ignores a record given after --as-of', () => {
    const d = judge([rec({ id: 'future', given: '2026-11-02' })]);
    expect(codes(d)).toEqual(['CONSENT_MISSING']);
    expect(d.covering).toBeUndefined();
    expect(fates(d)).toEqual([['future', 'not-yet-given']]);
  });

  it('ignores a record given one millisecond after --as-of', () => {
    const d = judge([rec({ id: 'future', given: '2026-11-01T00:00:00.001Z' })]);
    expect(codes(d)).toEqual(['CONSENT_MISSING']);
  });

  it('counts a record given exactly at --as-of', () => {
    const d = judge([rec({ id: 'now', given: '2026-11-01' })]);
    expect(d.findings).toEqual([]);
    expect(d.covering?.consentId).toBe('now');
  });

  it("ignores a not-yet-given record's withdrawal too", () => {
    const old = rec({ id: 'old', given: '2026-01-01' });
    const future = rec({ id: 'future', given: '2026-12-01', withdrawn: '2026-06-01' });
    const d = judge([old, future]);
    expect(d.findings).toEqual([]);
    expect(d.covering?.consentId).toBe('old');
    expect(fates(d)).toEqual([['old', 'covers'], ['future', 'not-yet-given']]);
  });

  it('does not pick a not-yet-given record as the most recent one', () => {
    const d = judge([rec({ id: 'old', given: '2026-01-01', purposes: ['service'] }), rec({ id: 'future', given: '2026-12-01' })]);
    expect(codes(d)).toEqual(['CONSENT_PURPOSE_MISMATCH']);
    expect(d.reported?.consentId).toBe('old');
  });
});

describe('judgeConsent rule 2: withdrawal', () => {
  it('is CONSENT_WITHDRAWN when the only record was withdrawn before --as-of', () => {
    const d = judge([rec({ id: 'c1', given: '2026-01-01', withdrawn: '2026-03-01' })]);
    expect(d.findings).toEqual([{ code: 'CONSENT_WITHDRAWN', args: { consentId: 'c1', at: '2026-03-01T00:00:00.000Z' } }]);
    expect(d.covering).toBeUndefined();
    expect(d.reported).toBeUndefined();
    expect(d.considered[0]).toMatchObject({ fate: 'withdrawn', withdrawnAt: t('2026-03-01') });
  });

  it('counts a withdrawal exactly at --as-of', () => {
    const d = judge([rec({ id: 'c1', given: '2026-01-01', withdrawn: '2026-11-01' })]);
    expect(codes(d)).toEqual(['CONSENT_WITHDRAWN']);
  });

  it('does not count a withdrawal after --as-of', () => {
    const d = judge([rec({ id: 'c1', given: '2026-01-01', withdrawn: '2026-11-01T00:00:00.001Z' })]);
    expect(d.findings).toEqual([]);
    expect(d.covering?.consentId).toBe('c1');
  });

  it('ends every consent given at or before the withdrawal, on any record of the number', () => {
    const a = rec({ id: 'a', given: '2026-01-01' });
    const b = rec({ id: 'b', given: '2026-02-01', withdrawn: '2026-04-01' });
    const c = rec({ id: 'c', given: '2026-04-01' }); // given exactly at the withdrawal: ended too
    const d = judge([a, b, c]);
    expect(codes(d)).toEqual(['CONSENT_WITHDRAWN']);
    expect(fates(d)).toEqual([['a', 'withdrawn'], ['b', 'withdrawn'], ['c', 'withdrawn']]);
  });

  it('ends a record read after the withdrawing one as well', () => {
    const d = judge([rec({ id: 'w', given: '2026-05-01', withdrawn: '2026-06-01' }), rec({ id: 'x', given: '2026-03-01' })]);
    expect(codes(d)).toEqual(['CONSENT_WITHDRAWN']);
  });

  it('counts a record given after the withdrawal again', () => {
    const a = rec({ id: 'a', given: '2026-01-01', withdrawn: '2026-04-01' });
    const b = rec({ id: 'b', given: '2026-04-01T00:00:00.001Z' });
    const d = judge([a, b]);
    expect(d.findings).toEqual([]);
    expect(d.covering?.consentId).toBe('b');
    expect(fates(d)).toEqual([['a', 'withdrawn'], ['b', 'covers']]);
  });

  it('uses the latest withdrawal at or before --as-of', () => {
    const a = rec({ id: 'a', given: '2026-01-01', withdrawn: '2026-02-01' });
    const b = rec({ id: 'b', given: '2026-03-01', withdrawn: '2026-05-01' });
    const c = rec({ id: 'c', given: '2026-04-01' }); // after a's withdrawal, before b's
    const d = judge([a, b, c]);
    expect(d.findings).toEqual([{ code: 'CONSENT_WITHDRAWN', args: { consentId: 'b', at: '2026-05-01T00:00:00.000Z' } }]);
    expect(fates(d)).toEqual([['a', 'withdrawn'], ['b', 'withdrawn'], ['c', 'withdrawn']]);
  });

  it('uses the latest withdrawal whatever order the records are read in', () => {
    const b = rec({ id: 'b', given: '2026-03-01', withdrawn: '2026-05-01' });
    const a = rec({ id: 'a', given: '2026-01-01', withdrawn: '2026-02-01' });
    const c = rec({ id: 'c', given: '2026-04-01' });
    expect(codes(judge([b, a, c]))).toEqual(['CONSENT_WITHDRAWN']);
    expect(codes(judge([c, a, b]))).toEqual(['CONSENT_WITHDRAWN']);
  });

  it('lets a withdrawal after --as-of end nothing, even when an earlier one does', () => {
    const a = rec({ id: 'a', given: '2026-01-01', withdrawn: '2026-02-01' });
    const b = rec({ id: 'b', given: '2026-03-01', withdrawn: '2026-12-01' });
    const d = judge([a, b]);
    expect(d.findings).toEqual([]);
    expect(d.covering?.consentId).toBe('b');
  });

  it('reports the reasons of a record given after the withdrawal, not CONSENT_WITHDRAWN, when it counts but does not cover', () => {
    const a = rec({ id: 'a', given: '2026-01-01', withdrawn: '2026-02-01' });
    const b = rec({ id: 'b', given: '2026-03-01', channels: ['sms'] });
    const d = judge([a, b]);
    expect(codes(d)).toEqual(['CONSENT_CHANNEL_MISMATCH']);
    expect(d.reported?.consentId).toBe('b');
  });

  it('is CONSENT_MISSING, not CONSENT_WITHDRAWN, when nothing was ended and nothing counts', () => {
    const d = judge([rec({ id: 'f', given: '2026-12-01', withdrawn: '2026-12-02' })]);
    expect(codes(d)).toEqual(['CONSENT_MISSING']);
  });

  it('is CONSENT_WITHDRAWN when one record was ended and the others are not given yet', () => {
    const d = judge([rec({ id: 'a', given: '2026-01-01', withdrawn: '2026-02-01' }), rec({ id: 'f', given: '2026-12-01' })]);
    expect(codes(d)).toEqual(['CONSENT_WITHDRAWN']);
  });
});

describe('judgeConsent rule 3: covering the campaign', () => {
  it('covers with the default record', () => {
    const d = judge([rec({ id: 'ok', given: '2026-01-01' })]);
    expect(d.findings).toEqual([]);
    expect(d.covering?.consentId).toBe('ok');
    expect(d.reported).toBeUndefined();
  });

  it('is CONSENT_EXPIRED when expires_at is exactly --as-of', () => {
    const d = judge([rec({ id: 'e', given: '2026-01-01', expires: '2026-11-01' })]);
    expect(d.findings).toEqual([{ code: 'CONSENT_EXPIRED', args: { consentId: 'e', why: 'expired', at: '2026-11-01T00:00:00.000Z' } }]);
    expect(explain(d.findings[0]!)).toBe('CONSENT_EXPIRED: consent e expired at 2026-11-01T00:00:00.000Z');
    expect(withLang('ru', () => explain(d.findings[0]!))).toBe('CONSENT_EXPIRED: срок действия согласия e истёк 01.11.2026');
    expect(d.reported?.consentId).toBe('e');
  });

  it('is CONSENT_EXPIRED when expires_at is before --as-of', () => {
    expect(codes(judge([rec({ id: 'e', given: '2026-01-01', expires: '2026-06-01' })]))).toEqual(['CONSENT_EXPIRED']);
  });

  it('covers when expires_at is after --as-of', () => {
    expect(judge([rec({ id: 'e', given: '2026-01-01', expires: '2026-11-01T00:00:00.001Z' })]).findings).toEqual([]);
  });

  it('applies consentMaxAgeDays: exactly that old is expired', () => {
    const asOf = t('2026-11-01');
    const r = rec({ id: 'm', given: new Date(asOf - 30 * DAY).toISOString() });
    const d = judge([r], { consentMaxAgeDays: 30 });
    expect(codes(d)).toEqual(['CONSENT_EXPIRED']);
    expect(d.findings[0]!.args).toMatchObject({ consentId: 'm' });
  });

  it('applies consentMaxAgeDays: younger than that covers', () => {
    const asOf = t('2026-11-01');
    const r = rec({ id: 'm', given: new Date(asOf - 30 * DAY + 1).toISOString() });
    expect(judge([r], { consentMaxAgeDays: 30 }).findings).toEqual([]);
  });

  it('applies no maximum age when consentMaxAgeDays is undefined', () => {
    expect(judge([rec({ id: 'old', given: '1990-01-01' })]).findings).toEqual([]);
  });

  it('reports CONSENT_EXPIRED once when both expires_at and the maximum age apply', () => {
    const d = judge([rec({ id: 'e', given: '2020-01-01', expires: '2021-01-01' })], { consentMaxAgeDays: 30 });
    expect(codes(d)).toEqual(['CONSENT_EXPIRED']);
  });

  it('is CONSENT_PURPOSE_MISMATCH when the purposes do not include the campaign purpose', () => {
    const d = judge([rec({ id: 'p', given: '2026-01-01', purposes: ['service', 'billing'] })]);
    expect(d.findings).toEqual([{ code: 'CONSENT_PURPOSE_MISMATCH', args: { consentId: 'p', purposes: 'service|billing', purpose: 'marketing' } }]);
  });

  it('covers when one of several purposes is the campaign purpose', () => {
    expect(judge([rec({ id: 'p', given: '2026-01-01', purposes: ['service', 'marketing'] })]).findings).toEqual([]);
  });

  it('matches the campaign purpose it is given', () => {
    const r = rec({ id: 'p', given: '2026-01-01', purposes: ['service'] });
    expect(judge([r], { purpose: 'service' }).findings).toEqual([]);
    expect(codes(judge([r], { purpose: 'marketing' }))).toEqual(['CONSENT_PURPOSE_MISMATCH']);
  });

  it('does not match a purpose that only contains the campaign purpose', () => {
    expect(codes(judge([rec({ id: 'p', given: '2026-01-01', purposes: ['marketing-sms'] })]))).toEqual(['CONSENT_PURPOSE_MISMATCH']);
  });

  it('is CONSENT_CHANNEL_MISMATCH when the channels do not include the campaign channel', () => {
    const d = judge([rec({ id: 'c', given: '2026-01-01', channels: ['sms', 'email'] })]);
    expect(d.findings).toEqual([{ code: 'CONSENT_CHANNEL_MISMATCH', args: { consentId: 'c', channels: 'sms|email', channel: 'call' } }]);
  });

  it('covers any channel when the channels are empty', () => {
    const r = rec({ id: 'c', given: '2026-01-01', channels: [] });
    for (const channel of ['call', 'sms', 'email'] as const) expect(judge([r], { channel }).findings).toEqual([]);
  });

  it('matches the campaign channel it is given', () => {
    const r = rec({ id: 'c', given: '2026-01-01', channels: ['sms'] });
    expect(judge([r], { channel: 'sms' }).findings).toEqual([]);
    expect(codes(judge([r], { channel: 'email' }))).toEqual(['CONSENT_CHANNEL_MISMATCH']);
  });

  it('is CONSENT_UNPROVEN without evidence_ref when proof is required', () => {
    const d = judge([rec({ id: 'u', given: '2026-01-01', evidence: '' })]);
    expect(d.findings).toEqual([{ code: 'CONSENT_UNPROVEN', args: { consentId: 'u' } }]);
  });

  it('covers without evidence_ref when proof is not required', () => {
    expect(judge([rec({ id: 'u', given: '2026-01-01', evidence: '' })], { proofRequired: false }).findings).toEqual([]);
  });

  it('reports every reason that applies to the record', () => {
    const r = rec({ id: 'all', given: '2026-01-01', expires: '2026-02-01', purposes: ['service'], channels: ['email'], evidence: '' });
    expect(codes(judge([r]))).toEqual(['CONSENT_CHANNEL_MISMATCH', 'CONSENT_EXPIRED', 'CONSENT_PURPOSE_MISMATCH', 'CONSENT_UNPROVEN']);
    expect(uncovered(r, campaign()).map((f) => f.code)).toHaveLength(4);
  });
});

describe('judgeConsent rule 4: which record decides', () => {
  it('names the most recently given covering record, whatever the read order', () => {
    const older = rec({ id: 'older', given: '2026-01-01' });
    const newer = rec({ id: 'newer', given: '2026-05-01' });
    expect(judge([older, newer]).covering?.consentId).toBe('newer');
    expect(judge([newer, older]).covering?.consentId).toBe('newer');
  });

  it('passes when some record covers, even if a more recent one does not', () => {
    const covers = rec({ id: 'covers', given: '2026-01-01' });
    const newer = rec({ id: 'newer', given: '2026-05-01', purposes: ['service'] });
    const d = judge([covers, newer]);
    expect(d.findings).toEqual([]);
    expect(d.covering?.consentId).toBe('covers');
    expect(fates(d)).toEqual([['covers', 'covers'], ['newer', 'does-not-cover']]);
    expect(d.considered[1]).toMatchObject({ reasons: ['CONSENT_PURPOSE_MISMATCH'] });
  });

  it('breaks a tie in "most recently given" for the record read last', () => {
    const first = rec({ id: 'first', given: '2026-05-01' });
    const second = rec({ id: 'second', given: '2026-05-01' });
    expect(judge([first, second]).covering?.consentId).toBe('second');
    expect(judge([second, first]).covering?.consentId).toBe('first');
  });

  it('breaks a tie for the record read last even with an older record between them', () => {
    const a = rec({ id: 'a', given: '2026-05-01' });
    const b = rec({ id: 'b', given: '2026-01-01' });
    const c = rec({ id: 'c', given: '2026-05-01' });
    expect(judge([a, b, c]).covering?.consentId).toBe('c');
  });

  it('reports the reasons of the most recently given counting record when none covers', () => {
    const older = rec({ id: 'older', given: '2026-01-01', purposes: ['service'] });
    const newer = rec({ id: 'newer', given: '2026-05-01', channels: ['sms'], evidence: '' });
    for (const order of [[older, newer], [newer, older]]) {
      const d = judge(order);
      expect(codes(d)).toEqual(['CONSENT_CHANNEL_MISMATCH', 'CONSENT_UNPROVEN']);
      expect(d.reported?.consentId).toBe('newer');
      expect(d.covering).toBeUndefined();
      expect(d.findings.every((f) => f.args?.consentId === 'newer')).toBe(true);
    }
  });

  it('breaks a tie among non-covering records for the record read last', () => {
    const first = rec({ id: 'first', given: '2026-05-01', purposes: ['service'] });
    const second = rec({ id: 'second', given: '2026-05-01', channels: ['sms'] });
    const d = judge([first, second]);
    expect(codes(d)).toEqual(['CONSENT_CHANNEL_MISMATCH']);
    expect(d.reported?.consentId).toBe('second');
    const d2 = judge([second, first]);
    expect(codes(d2)).toEqual(['CONSENT_PURPOSE_MISMATCH']);
    expect(d2.reported?.consentId).toBe('first');
  });

  it('does not report a withdrawn record as the most recent one', () => {
    const counting = rec({ id: 'counting', given: '2026-06-01', evidence: '' });
    const ended = rec({ id: 'ended', given: '2026-05-01', withdrawn: '2026-05-15' });
    const d = judge([counting, ended]);
    expect(codes(d)).toEqual(['CONSENT_UNPROVEN']);
    expect(d.reported?.consentId).toBe('counting');
  });

  it('lists every record in read order with its fate', () => {
    const d = judge([
      rec({ id: 'w', given: '2026-01-01', withdrawn: '2026-02-01' }),
      rec({ id: 'f', given: '2026-12-01' }),
      rec({ id: 'n', given: '2026-03-01', purposes: ['service'] }),
      rec({ id: 'y', given: '2026-04-01' }),
    ]);
    expect(fates(d)).toEqual([['w', 'withdrawn'], ['f', 'not-yet-given'], ['n', 'does-not-cover'], ['y', 'covers']]);
  });
});
