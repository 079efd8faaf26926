import { describe, expect, it } from 'vitest';
import { SchemaProblem, toConsentRecord, type RawValue } from '../../src/evidence/consent-record.js';
import { PhoneNormalizer } from '../../src/phone/normalize.js';

const phones = new PhoneNormalizer('RU');
const where = { file: 'consent.csv', line: 7 };
const BASE = { phone: '+7 916 111-22-33', given_at: '2026-01-15', purposes: 'marketing' };

const build = (fields: Record<string, RawValue>) => toConsentRecord((f) => fields[f], where, phones);

/** The SchemaProblem a record fails with. */
function problem(fields: Record<string, RawValue>): SchemaProblem {
  try {
    build(fields);
  } catch (e) {
    if (e instanceof SchemaProblem) return e;
    throw e;
  }
  throw new Error('expected the record to fail the schema');
}

describe('toConsentRecord: a valid record', () => {
  it('reads every field', () => {
    const r = build({
      phone: '8 (916) 111-22-33',
      consent_id: ' C-1 ',
      given_at: '2026-01-15T10:00:00+03:00',
      withdrawn_at: '2026-06-01',
      expires_at: '2027-01-15 00:00',
      channels: 'call|SMS',
      purposes: 'Marketing; Service',
      evidence_ref: ' form-log-77 ',
      operator: ' ООО «Ромашка», Москва ',
      source: 'vendor',
    });
    expect(r).toEqual({
      e164: '+79161112233',
      consentId: 'C-1',
      file: 'consent.csv',
      line: 7,
      givenAt: Date.parse('2026-01-15T07:00:00Z'),
      withdrawnAt: Date.parse('2026-06-01T00:00:00Z'),
      expiresAt: Date.parse('2027-01-15T00:00:00Z'),
      channels: ['call', 'sms'],
      purposes: ['marketing', 'service'],
      evidenceRef: 'form-log-77',
      notice: { operator: 'ООО «Ромашка», Москва', source: 'vendor' },
    });
  });

  it('leaves optional fields out when they are empty or absent', () => {
    const r = build({ ...BASE, withdrawn_at: '', expires_at: '  ', channels: '', evidence_ref: '', purpose: '   ', rights: null });
    expect(r.withdrawnAt).toBeUndefined();
    expect(r.expiresAt).toBeUndefined();
    expect(r.channels).toEqual([]);
    expect(r.evidenceRef).toBe('');
    expect(r.notice).toEqual({});
  });

  it('names a record without consent_id by file name and line', () => {
    expect(build(BASE).consentId).toBe('consent.csv:7');
    expect(build({ ...BASE, consent_id: '   ' }).consentId).toBe('consent.csv:7');
    expect(build({ ...BASE, consent_id: null }).consentId).toBe('consent.csv:7');
  });

  it('splits lists on | and ;, trims, lower-cases and drops empty items', () => {
    const r = build({ ...BASE, purposes: ' Marketing | | SERVICE;billing ;', channels: ' Call ;; Email ' });
    expect(r.purposes).toEqual(['marketing', 'service', 'billing']);
    expect(r.channels).toEqual(['call', 'email']);
  });

  it('takes lists as arrays', () => {
    const r = build({ ...BASE, purposes: [' Marketing ', 'service', ''], channels: ['SMS'] });
    expect(r.purposes).toEqual(['marketing', 'service']);
    expect(r.channels).toEqual(['sms']);
    expect(build({ ...BASE, channels: [] }).channels).toEqual([]);
  });

  it('takes numbers where text is expected as their decimal text', () => {
    const r = build({ ...BASE, phone: 79161112233, consent_id: 42, evidence_ref: 1007 });
    expect(r.e164).toBe('+79161112233');
    expect(r.consentId).toBe('42');
    expect(r.evidenceRef).toBe('1007');
  });

  it('joins a notice value given as a list', () => {
    const r = build({ ...BASE, pdn_list: ['full name', ' ', 'phone number'], recipients: [] });
    expect(r.notice).toEqual({ pdn_list: 'full name; phone number' });
  });

  it('normalizes foreign numbers and spreadsheet damage', () => {
    expect(build({ ...BASE, phone: '+44 7400 123456' }).e164).toBe('+447400123456');
    expect(build({ ...BASE, phone: '7.9161112233E+10' }).e164).toBe('+79161112233');
  });
});

describe('toConsentRecord: records that fail the schema', () => {
  it.each([
    ['no phone', { given_at: '2026-01-15', purposes: 'marketing' }, 'phone', /phone is empty/],
    ['a blank phone', { ...BASE, phone: '  ' }, 'phone', /phone is empty/],
    ['an invalid phone', { ...BASE, phone: '12345' }, 'phone', /"12345" is not a valid phone number/],
    ['a phone that lost digits', { ...BASE, phone: '7.91611E+10' }, 'phone', /lost/],
    ['a phone that is not text', { ...BASE, phone: { n: 1 } }, 'phone', /phone must be text/],
    ['a phone that is true', { ...BASE, phone: true }, 'phone', /phone must be text/],
    ['no given_at', { phone: '+7 916 111-22-33', purposes: 'marketing' }, 'given_at', /given_at is empty/],
    ['a bad given_at', { ...BASE, given_at: 'yesterday' }, 'given_at', /given_at "yesterday" is not a date/],
    ['an impossible given_at', { ...BASE, given_at: '2026-02-30' }, 'given_at', /given_at "2026-02-30" is not a date/],
    ['a bad withdrawn_at', { ...BASE, withdrawn_at: '2026-13-01' }, 'withdrawn_at', /withdrawn_at "2026-13-01" is not a date/],
    ['a bad expires_at', { ...BASE, expires_at: 'never' }, 'expires_at', /expires_at "never"/],
    ['no purposes', { phone: '+7 916 111-22-33', given_at: '2026-01-15' }, 'purposes', /purposes is empty/],
    ['empty purposes', { ...BASE, purposes: '' }, 'purposes', /purposes is empty/],
    ['purposes of separators only', { ...BASE, purposes: ' | ; ' }, 'purposes', /purposes is empty/],
    ['an empty purposes array', { ...BASE, purposes: [] }, 'purposes', /purposes is empty/],
    ['a purposes array of objects', { ...BASE, purposes: [{}] }, 'purposes', /must be text/],
  ] as [string, Record<string, RawValue>, string, RegExp][])('rejects %s', (_name, fields, field, message) => {
    const p = problem(fields);
    expect(p.field).toBe(field);
    expect(p.problem).toMatch(message);
  });

  it('reads the phone through the region of its normalizer', () => {
    const noRegion = new PhoneNormalizer(undefined);
    expect(() => toConsentRecord((f) => ({ ...BASE, phone: '8 916 111-22-33' } as Record<string, RawValue>)[f], where, noRegion)).toThrow(SchemaProblem);
  });
});
