/**
 * Issue #10's consent rules: separate-document consent (152-FZ Art. 9 part 1 as amended by 156-FZ of
 * 24.06.2025, from 1 September 2025) and consent to advertising (38-FZ Art. 18 part 1), as a
 * consent record states them (separate_document, kind) and as judgeConsent applies them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { judgeConsent, unstatedOf, UNSTATED_KIND, UNSTATED_SEPARATE } from '../../src/rules/consent.js';
import { SchemaProblem, toConsentRecord, type ConsentRecord, type RawValue } from '../../src/evidence/consent-record.js';
import { loadConsent } from '../../src/evidence/consent-loader.js';
import { campaignFrom } from '../../src/policy/campaign.js';
import { PRESETS } from '../../src/policy/presets.js';
import { PhoneNormalizer } from '../../src/phone/normalize.js';
import type { Campaign } from '../../src/rules/context.js';

const E164 = '+79161112233';
const t = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const phones = new PhoneNormalizer('RU');

function rec(id: string, given: string, facts: Partial<Pick<ConsentRecord, 'separateDocument' | 'kinds'>> = {}): ConsentRecord {
  return {
    e164: E164, consentId: id, file: 'consent.csv', line: 2, givenAt: t(given), withdrawnAt: undefined, expiresAt: undefined,
    channels: ['call'], purposes: ['marketing'], evidenceRef: `log-${id}`, notice: {}, noticeGivenAt: undefined, noticeExempt: undefined,
    separateDocument: facts.separateDocument, kinds: facts.kinds, origin: undefined,
  };
}

const ru = (over: Partial<Campaign> = {}): Campaign => ({ ...campaignFrom(PRESETS['ru-152fz'], { asOf: t('2026-11-01') }), ...over });
const judge = (records: ConsentRecord[], c = ru()) => judgeConsent(records, c, E164);
const codes = (records: ConsentRecord[], c = ru()) => judge(records, c).findings.map((f) => f.code).sort();

describe('separate-document consent (152-FZ Art. 9 part 1 from 1 September 2025)', () => {
  it('does not count a consent given on or after 2025-09-01 that says it is not a separate document', () => {
    expect(codes([rec('A', '2025-09-01', { separateDocument: false })])).toEqual(['CONSENT_NOT_SEPARATE']);
    expect(codes([rec('B', '2026-03-01', { separateDocument: false })])).toEqual(['CONSENT_NOT_SEPARATE']);
  });

  it('names the record, its date and the date the rule applies from', () => {
    expect(judge([rec('A', '2026-03-01', { separateDocument: false })]).findings[0]).toEqual({
      code: 'CONSENT_NOT_SEPARATE',
      args: { consentId: 'A', givenAt: '2026-03-01T00:00:00.000Z', from: '2025-09-01T00:00:00.000Z', why: 'no' },
    });
  });

  it('lets an older consent that was a clause of a contract count, as the law then allowed', () => {
    const d = judge([rec('old', '2025-08-31', { separateDocument: false })]);
    expect(d.findings).toEqual([]);
    expect(d.covering?.consentId).toBe('old');
  });

  it('counts a separate consent, and one that does not say, unless the policy requires it to say', () => {
    expect(codes([rec('yes', '2026-03-01', { separateDocument: true })])).toEqual([]);
    expect(codes([rec('silent', '2026-03-01')])).toEqual([]);
    expect(codes([rec('silent', '2026-03-01')], ru({ separateConsentRequired: true }))).toEqual(['CONSENT_NOT_SEPARATE']);
    expect(judge([rec('silent', '2026-03-01')], ru({ separateConsentRequired: true })).findings[0]!.args!.why).toBe('unstated');
  });

  it('is not checked where the policy sets no date (every other preset)', () => {
    const gdpr = campaignFrom(PRESETS['eu-gdpr'], { asOf: t('2026-11-01') });
    expect(gdpr.separateConsentFrom).toBeUndefined();
    expect(codes([rec('A', '2026-03-01', { separateDocument: false })], gdpr)).toEqual([]);
  });

  it('covers with any record that covers, and otherwise reports the most recent counting record, as for every consent code', () => {
    const d = judge([rec('separate', '2026-01-10', { separateDocument: true }), rec('clause', '2026-05-01', { separateDocument: false })]);
    expect(d.findings).toEqual([]);
    expect(d.covering?.consentId).toBe('separate');
    const only = judge([rec('clause1', '2026-01-10', { separateDocument: false }), rec('clause2', '2026-05-01', { separateDocument: false, kinds: ['processing'] })]);
    expect(only.findings.map((f) => f.code).sort()).toEqual(['CONSENT_KIND_MISMATCH', 'CONSENT_NOT_SEPARATE']);
    expect(only.reported?.consentId).toBe('clause2');
  });
});

describe('consent to advertising (38-FZ Art. 18 part 1)', () => {
  it('does not let a consent to processing only cover an advertising campaign', () => {
    expect(judge([rec('P', '2026-03-01', { kinds: ['processing'] })]).findings).toEqual([
      { code: 'CONSENT_KIND_MISMATCH', args: { consentId: 'P', kinds: 'processing', purpose: 'marketing' } },
    ]);
  });

  it('covers with advertising consent, with both kinds, and with a record that does not say', () => {
    expect(codes([rec('A', '2026-03-01', { kinds: ['advertising'] })])).toEqual([]);
    expect(codes([rec('AP', '2026-03-01', { kinds: ['advertising', 'processing'] })])).toEqual([]);
    expect(codes([rec('S', '2026-03-01')])).toEqual([]);
  });

  it('does not ask for advertising consent when the purpose is not advertising', () => {
    const service = ru({ purpose: 'service', advertising: false });
    expect(codes([{ ...rec('P', '2026-03-01', { kinds: ['processing'] }), purposes: ['service'] }], service)).toEqual([]);
  });

  it('applies under every preset: a consent that says it is not to advertising is not consent to marketing calls', () => {
    for (const name of ['eu-gdpr', 'uk-pecr', 'us-tcpa'] as const) {
      const c = campaignFrom(PRESETS[name], { asOf: t('2026-11-01') });
      expect(c.advertising, name).toBe(true);
      expect(codes([rec('P', '2026-03-01', { kinds: ['processing'] })], c), name).toEqual(['CONSENT_KIND_MISMATCH']);
    }
  });
});

describe('records that do not say (counted in report.json)', () => {
  it('marks what the covering record leaves unsaid', () => {
    const c = ru();
    expect(unstatedOf(rec('S', '2026-03-01'), c)).toBe(UNSTATED_SEPARATE | UNSTATED_KIND);
    expect(unstatedOf(rec('old', '2025-08-01'), c)).toBe(UNSTATED_KIND);
    expect(unstatedOf(rec('full', '2026-03-01', { separateDocument: true, kinds: ['advertising'] }), c)).toBe(0);
    expect(unstatedOf(rec('S', '2026-03-01'), campaignFrom(PRESETS['us-tcpa'], { asOf: t('2026-11-01') }))).toBe(UNSTATED_KIND);
  });
});

describe('reading separate_document, kind and origin', () => {
  const BASE = { phone: '+7 916 111-22-33', given_at: '2026-01-15', purposes: 'marketing' };
  const build = (fields: Record<string, RawValue>) => toConsentRecord((f) => ({ ...BASE, ...fields } as Record<string, RawValue>)[f], { file: 'c.csv', line: 3 }, phones);
  const problem = (fields: Record<string, RawValue>) => {
    try { build(fields); } catch (e) { if (e instanceof SchemaProblem) return e; throw e; }
    throw new Error('expected a schema problem');
  };

  it.each([
    ['true', true], ['FALSE', false], ['yes', true], ['No', false], ['да', true], ['Нет', false], ['1', true], ['0', false], [true, true], [false, false], [1, true],
  ] as [RawValue, boolean][])('reads separate_document %j as %j', (value, want) => {
    expect(build({ separate_document: value }).separateDocument).toBe(want);
  });

  it('leaves an empty or absent separate_document unsaid', () => {
    expect(build({ separate_document: ' ' }).separateDocument).toBeUndefined();
    expect(build({ separate_document: null }).separateDocument).toBeUndefined();
    expect(build({}).separateDocument).toBeUndefined();
  });

  it('reads kinds in English and Russian, joined or as a list', () => {
    expect(build({ kind: 'advertising' }).kinds).toEqual(['advertising']);
    expect(build({ kind: 'Processing|ADVERTISING' }).kinds).toEqual(['processing', 'advertising']);
    expect(build({ kind: ['реклама', 'обработка'] }).kinds).toEqual(['advertising', 'processing']);
    expect(build({ kind: '' }).kinds).toBeUndefined();
  });

  it('reads origin in English and Russian', () => {
    expect(build({ origin: 'subject' }).origin).toBe('subject');
    expect(build({ origin: 'Третье лицо' }).origin).toBe('third_party');
    expect(build({}).origin).toBeUndefined();
  });

  it.each([
    [{ separate_document: 'maybe' }, 'separate_document', /separate_document "maybe" is not true or false/],
    [{ kind: 'marketing' }, 'kind', /kind "marketing" is not advertising or processing/],
    [{ origin: 'vendor' }, 'origin', /origin "vendor" is not subject or third_party/],
  ] as [Record<string, RawValue>, string, RegExp][])('fails the schema on %j, naming the field and the value', (fields, field, message) => {
    const p = problem(fields);
    expect(p.field).toBe(field);
    expect(p.problem).toMatch(message);
  });
});

describe('the consent loader: Russian column names and the compact index', () => {
  let dir: string;
  beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'leadaudit-consent-2025-')); });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  it('reads отдельный документ, вид and происхождение from a CSV, and keeps them through the index', async () => {
    const path = join(dir, 'consent.csv');
    await writeFile(path, 'phone;given_at;purposes;Отдельный документ;Вид;Происхождение\n+79161112233;2026-03-01;marketing;нет;обработка;субъект\n+79161112234;2026-03-01;marketing;да;реклама|обработка;\n+79161112235;2026-03-01;marketing;;;\n');
    const { index, files } = await loadConsent([path], phones);
    expect(files[0]).toMatchObject({ records: 3, valid: 3 });
    const [a] = index.lookup('+79161112233');
    expect([a!.separateDocument, a!.kinds, a!.origin]).toEqual([false, ['processing'], 'subject']);
    const [b] = index.lookup('+79161112234');
    expect([b!.separateDocument, b!.kinds, b!.origin]).toEqual([true, ['advertising', 'processing'], undefined]);
    const [c] = index.lookup('+79161112235');
    expect([c!.separateDocument, c!.kinds, c!.origin]).toEqual([undefined, undefined, undefined]);
  });

  it('reads them from JSON Lines under English or Russian keys, and lists a bad value as an invalid record', async () => {
    const path = join(dir, 'consent.jsonl');
    await writeFile(path, [
      JSON.stringify({ phone: '+79161112233', given_at: '2026-03-01', purposes: 'marketing', separate_document: true, kind: ['advertising'] }),
      JSON.stringify({ phone: '+79161112234', given_at: '2026-03-01', purposes: 'marketing', 'отдельный документ': 'нет', вид: 'реклама' }),
      JSON.stringify({ phone: '+79161112235', given_at: '2026-03-01', purposes: 'marketing', kind: 'newsletter' }),
    ].join('\n'));
    const { index, files } = await loadConsent([path], phones);
    expect(files[0]!.invalid).toEqual([{ line: 3, field: 'kind', problem: 'kind "newsletter" is not advertising or processing' }]);
    expect(index.lookup('+79161112233')[0]).toMatchObject({ separateDocument: true, kinds: ['advertising'] });
    expect(index.lookup('+79161112234')[0]).toMatchObject({ separateDocument: false, kinds: ['advertising'] });
    expect(index.lookup('+79161112235')).toEqual([]);
  });
});

describe('the soft opt-in by channel (issue #15; SMS since the phone index keeps opt_out_offered)', () => {
  const soft = (optOutOffered: boolean | undefined, origin: ConsentRecord['origin'] = 'subject'): ConsentRecord => ({
    ...rec('S', '2026-03-01', { kinds: ['soft_opt_in'] }), channels: [], optOutOffered, origin,
  });
  for (const preset of ['uk-pecr', 'eu-gdpr'] as const) {
    const c = (channel: Campaign['channel']) => ({ ...campaignFrom(PRESETS[preset], { asOf: t('2026-11-01') }), channel, advertising: true });
    it(`${preset}: stands in for consent on email and sms, under its conditions; never on a call`, () => {
      for (const channel of ['email', 'sms'] as const) {
        expect(codes([soft(true)], c(channel)), channel).toEqual([]);
        expect(judge([soft(true)], c(channel)).covering?.consentId).toBe('S');
        expect(judge([soft(false)], c(channel)).findings[0]!.args!.why, channel).toBe('optOut');
        expect(judge([soft(undefined)], c(channel)).findings[0]!.args!.why, channel).toBe('optOut');
        expect(judge([soft(true, 'third_party')], c(channel)).findings[0]!.args!.why, channel).toBe('origin');
      }
      const call = judge([soft(true)], c('call')).findings[0]!;
      expect(call.code).toBe('CONSENT_KIND_MISMATCH');
      expect(call.args).toMatchObject({ why: 'channel', channel: 'call', channels: 'email, sms' });
    });
  }

  it('gives the same verdict whether or not each record\'s fate is kept for the trail', () => {
    const c = { ...campaignFrom(PRESETS['uk-pecr'], { asOf: t('2026-11-01') }), channel: 'sms' as const, advertising: true };
    const records = [soft(false), soft(true), rec('later', '2026-12-01')];
    const kept = judgeConsent(records, c, E164);
    const not = judgeConsent(records, c, E164, undefined, false);
    expect(kept.considered.map((f) => f.fate)).toEqual(['does-not-cover', 'covers', 'not-yet-given']);
    expect(not.considered).toEqual([]);
    expect({ ...not, considered: kept.considered }).toEqual(kept);
  });
});
