import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isJsonLines, loadConsent } from '../../src/evidence/consent-loader.js';
import { PhoneNormalizer } from '../../src/phone/normalize.js';
import { InputError } from '../../src/errors.js';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'leadaudit-consent-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

const phones = () => new PhoneNormalizer('RU');
const HEADER = 'phone,consent_id,given_at,withdrawn_at,expires_at,channels,purposes,evidence_ref';

describe('isJsonLines', () => {
  it('knows JSON Lines by the file name', () => {
    expect(isJsonLines('a.jsonl')).toBe(true);
    expect(isJsonLines('a.ndjson')).toBe(true);
    expect(isJsonLines('A.JSONL')).toBe(true);
    expect(isJsonLines('a.csv')).toBe(false);
    expect(isJsonLines('a.json')).toBe(false);
    expect(isJsonLines('jsonl.csv')).toBe(false);
  });
});

describe('loadConsent: CSV', () => {
  it('reads valid records into the index and counts them', async () => {
    const path = await file('consent.csv', [
      HEADER,
      '+7 916 111-22-33,C-1,2026-01-15,,,call|sms,marketing|service,form-1',
      '8 912 345-67-89,,2026-02-01T10:00:00+03:00,2026-03-01,2027-01-01,,marketing,form-2',
      '',
    ].join('\n'));
    const { index, files } = await loadConsent([path], phones(), { keepText: true });
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ path, format: 'csv', encoding: 'utf-8', delimiter: ',', records: 2, valid: 2, invalid: [] });
    expect(index.size).toBe(2);
    const [c1] = index.lookup('+79161112233');
    expect(c1).toMatchObject({ consentId: 'C-1', channels: ['call', 'sms'], purposes: ['marketing', 'service'], evidenceRef: 'form-1', file: 'consent.csv', line: 2 });
    // Without keepText (no trail) only the presence of the evidence is kept.
    const { index: lean } = await loadConsent([path], phones());
    expect(lean.lookup('+79161112233')[0]!.evidenceRef).toBe('(present)');
    const [c2] = index.lookup('+79123456789');
    expect(c2).toMatchObject({ consentId: 'consent.csv:3', givenAt: Date.parse('2026-02-01T07:00:00Z'), withdrawnAt: Date.parse('2026-03-01T00:00:00Z'), channels: [] });
    expect(index.lookup('+447400123456')).toEqual([]);
  });

  it('keeps every consent id and list as written however it is stored (issue #16: ids by hand, lists by reference)', async () => {
    const path = await file('ids.csv', [
      HEADER,
      // An id equal to the one the file and line would give, one that only looks like it, one
      // that is the file name, one beyond ASCII, one longer than the short-text path.
      '+7 916 111-22-31,ids.csv:2,2026-01-15,,,call|sms,marketing|service,form-1',
      '+7 916 111-22-32,ids.csv:9,2026-01-15,,,SMS | Call,Marketing ; Service,form-1',
      '+7 916 111-22-33,ids.csv,2026-01-15,,,call|sms,marketing|service,form-1',
      '+7 916 111-22-34,Согласие №1,2026-01-15,,,call|sms,marketing,form-1',
      `+7 916 111-22-35,${'Z'.repeat(40)}é,2026-01-15,,,,service,form-1`,
      '',
    ].join('\n'));
    const { index } = await loadConsent([path], phones());
    const [a, b, c, d, e] = ['1', '2', '3', '4', '5'].map((k) => index.lookup(`+7916111223${k}`)[0]!);
    expect([a, b, c, d, e].map((r) => r.consentId)).toEqual(['ids.csv:2', 'ids.csv:9', 'ids.csv', 'Согласие №1', `${'Z'.repeat(40)}é`]);
    // One list for each text that splits alike, shared, and never to be written to.
    expect(a.purposes).toEqual(['marketing', 'service']);
    expect(b.purposes).toBe(a.purposes);
    expect(c.purposes).toBe(a.purposes);
    expect(b.channels).toEqual(['sms', 'call']);
    expect(a.channels).toEqual(['call', 'sms']);
    expect(Object.isFrozen(a.purposes)).toBe(true);
    expect(e.channels).toEqual([]);
    expect(a.notice).toEqual({});
  });

  it('names a record without consent_id by the file name alone, not the path', async () => {
    const path = await file('vendor-consents.csv', `${HEADER}\n\n+7 916 111-22-33,,2026-01-15,,,,marketing,form-1\n`);
    const { index } = await loadConsent([path], phones());
    expect(index.lookup('+79161112233')[0]!.consentId).toBe('vendor-consents.csv:3');
  });

  it('reads a semicolon CSV with header names in any case and spacing, and columns in any order', async () => {
    const path = await file('semi.csv', ' Purposes ;GIVEN_AT; Phone \nmarketing|service;2026-01-15;+7 916 111-22-33\n');
    const { index, files } = await loadConsent([path], phones());
    expect(files[0]).toMatchObject({ delimiter: ';', valid: 1 });
    expect(index.lookup('+79161112233')[0]).toMatchObject({ purposes: ['marketing', 'service'], evidenceRef: '' });
  });

  it('lists invalid records with line, field and problem, and does not index them', async () => {
    const path = await file('bad.csv', [
      HEADER,
      '+7 916 111-22-33,ok,2026-01-15,,,,marketing,form-1',
      '+7 912 345-67-89,bad-date,yesterday,,,,marketing,form-2',
      '+7 912 345-67-89,no-purpose,2026-01-15,,,,,form-3',
      '12345,bad-phone,2026-01-15,,,,marketing,form-4',
      ',no-phone,2026-01-15,,,,marketing,form-5',
      '+7 912 345-67-89,too,many,fields,,,,,,',
      '+7 912 345-67-89,bad-expiry,2026-01-15,,2026-02-30,,marketing,form-6',
    ].join('\n'));
    const { index, files } = await loadConsent([path], phones());
    const stats = files[0]!;
    expect(stats.records).toBe(7);
    expect(stats.valid).toBe(1);
    expect(stats.invalid.map((i) => [i.line, i.field])).toEqual([
      [3, 'given_at'], [4, 'purposes'], [5, 'phone'], [6, 'phone'], [7, undefined], [8, 'expires_at'],
    ]);
    expect(stats.invalid[0]!.problem).toMatch(/"yesterday" is not a date/);
    expect(stats.invalid[1]!.problem).toMatch(/purposes is empty/);
    expect(stats.invalid[2]!.problem).toMatch(/"12345" is not a valid phone number/);
    expect(stats.invalid[4]!.problem).toMatch(/CSV/);
    expect(stats.invalid[5]!.problem).toMatch(/2026-02-30/);
    expect(index.size).toBe(1);
    expect(index.lookup('+79123456789')).toEqual([]);
  });

  it.each(['phone', 'given_at', 'purposes'])('stops with an InputError naming the missing required column %s', async (missing) => {
    const columns = ['phone', 'given_at', 'purposes', 'evidence_ref'].filter((c) => c !== missing);
    const path = await file(`no-${missing}.csv`, `${columns.join(',')}\n${columns.map(() => 'x').join(',')}\n`);
    const load = loadConsent([path], phones());
    await expect(load).rejects.toThrow(InputError);
    await expect(load).rejects.toThrow(new RegExp(`the header lacks the required column ${missing} \\(columns: ${columns.join(', ')}\\); name it with --map consent\\.${missing}=`));
  });

  it('stops with an InputError when a file cannot be read', async () => {
    await expect(loadConsent([join(dir, 'missing.csv')], phones())).rejects.toThrow(InputError);
    await expect(loadConsent([join(dir, 'missing.jsonl')], phones())).rejects.toThrow(InputError);
  });

  it('records the SHA-256 of the file', async () => {
    const text = `${HEADER}\n+7 916 111-22-33,C-1,2026-01-15,,,,marketing,form-1\n`;
    const path = await file('hash.csv', text);
    const { files } = await loadConsent([path], phones());
    expect(files[0]!.sha256).toBe(createHash('sha256').update(text).digest('hex'));
  });
});

describe('loadConsent: JSON Lines', () => {
  it('reads objects, numbers as text, lists as arrays or |-joined text, and reports bad lines', async () => {
    const lines = [
      JSON.stringify({ phone: '+7 916 111-22-33', consent_id: 'J-1', given_at: '2026-01-15', purposes: ['Marketing', 'service'], channels: 'call|sms', evidence_ref: 'rec-1' }),
      '',
      JSON.stringify({ phone: 79123456789, given_at: '2026-02-01', purposes: 'marketing|service', consent_id: 17, evidence_ref: 99 }),
      '{not json',
      '[1, 2]',
      '42',
      'null',
      JSON.stringify({ phone: '+7 916 111-22-33', given_at: '2026-13-01', purposes: 'marketing' }),
      JSON.stringify({ phone: '+7 916 111-22-33', given_at: '2026-01-15', purposes: [] }),
      JSON.stringify({ ' Phone ': '+44 7400 123456', GIVEN_AT: '2026-03-01', Purposes: 'marketing' }),
    ];
    const path = await file('consent.jsonl', `${lines.join('\n')}\n`);
    const { index, files } = await loadConsent([path], phones(), { keepText: true });
    const stats = files[0]!;
    expect(stats).toMatchObject({ path, format: 'jsonl', records: 9, valid: 3 });
    expect(stats.invalid.map((i) => [i.line, i.field])).toEqual([
      [4, undefined], [5, undefined], [6, undefined], [7, undefined], [8, 'given_at'], [9, 'purposes'],
    ]);
    expect(stats.invalid[0]!.problem).toMatch(/not valid JSON/);
    expect(stats.invalid[1]!.problem).toMatch(/not a JSON object/);
    expect(stats.invalid[2]!.problem).toMatch(/not a JSON object/);
    expect(stats.invalid[3]!.problem).toMatch(/not a JSON object/);
    expect(index.lookup('+79161112233')[0]).toMatchObject({ consentId: 'J-1', purposes: ['marketing', 'service'], channels: ['call', 'sms'], line: 1 });
    expect(index.lookup('+79123456789')[0]).toMatchObject({ consentId: '17', evidenceRef: '99', purposes: ['marketing', 'service'], line: 3 });
    expect(index.lookup('+447400123456')[0]).toMatchObject({ consentId: 'consent.jsonl:10', purposes: ['marketing'] });
  });

  it('reads .ndjson and CRLF line ends', async () => {
    const path = await file('c.ndjson', `${JSON.stringify({ phone: '+7 916 111-22-33', given_at: '2026-01-15', purposes: 'marketing' })}\r\n\r\n${JSON.stringify({ phone: '+7 912 345-67-89', given_at: '2026-01-15', purposes: 'marketing' })}`);
    const { index, files } = await loadConsent([path], phones());
    expect(files[0]).toMatchObject({ format: 'jsonl', records: 2, valid: 2 });
    expect(index.lookup('+79123456789')[0]!.consentId).toBe('c.ndjson:3');
  });
});

describe('loadConsent: byte order marks', () => {
  it('reads a CSV and a JSON Lines file that start with a UTF-8 BOM', async () => {
    const csv = await file('bom.csv', `\uFEFF${HEADER}\n+7 916 111-22-33,C-1,2026-01-15,,,,marketing,f\n`);
    const jsonl = await file('bom.jsonl', `\uFEFF${JSON.stringify({ phone: '+7 912 345-67-89', given_at: '2026-01-15', purposes: 'marketing' })}\n`);
    const { index, files } = await loadConsent([csv, jsonl], phones());
    expect(files.map((f) => [f.valid, f.invalid.length])).toEqual([[1, 0], [1, 0]]);
    expect(index.lookup('+79161112233')[0]!.consentId).toBe('C-1');
    expect(index.lookup('+79123456789')[0]!.consentId).toBe('bom.jsonl:1');
  });
});

describe('loadConsent: several files', () => {
  it('keeps each number\'s records in read order, the later file last', async () => {
    const a = await file('a.csv', `${HEADER}\n+7 916 111-22-33,A-1,2026-01-15,,,,marketing,f\n+7 916 111-22-33,A-2,2026-01-15,,,,marketing,f\n`);
    const b = await file('b.jsonl', `${JSON.stringify({ phone: '8 916 111-22-33', consent_id: 'B-1', given_at: '2026-01-15', purposes: 'marketing' })}\n`);
    const { index, files } = await loadConsent([a, b], phones());
    expect(files.map((f) => f.format)).toEqual(['csv', 'jsonl']);
    expect(index.lookup('+79161112233').map((r) => r.consentId)).toEqual(['A-1', 'A-2', 'B-1']);
    const { index: reversed } = await loadConsent([b, a], phones());
    expect(reversed.lookup('+79161112233').map((r) => r.consentId)).toEqual(['B-1', 'A-1', 'A-2']);
  });
});
