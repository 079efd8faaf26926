/**
 * Encodings beyond what a fixture shows: a Windows-1251 export whose first 64 KiB are plain ASCII,
 * a UTF-8 file that goes bad half way, --encoding, and suppression lists in other encodings.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { leadaudit } from '../helpers/exec.js';

let work: string;
let consent: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'leadaudit-enc-'));
  consent = join(work, 'consent.csv');
  writeFileSync(consent, 'phone,given_at,purposes,evidence_ref\n+79161112233,2025-01-01,marketing,log-1\n+79161112244,2025-01-01,marketing,log-2\n');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const asciiRows = (n: number) => Array.from({ length: n }, (_, i) => `${i + 10};Ivan Petrov ${i};n/a;vendor`).join('\r\n');
const table = (file: string) => parse(readFileSync(file), { columns: true, bom: true }) as Record<string, string>[];

describe('encoding detection', () => {
  it('reads a Windows-1251 export whose Cyrillic starts after 64 KiB of ASCII', () => {
    const text = `id;name;phone;source\r\n${asciiRows(3000)}\r\n1;Анна Ёлкина;+7 916 111-22-33;Лиды\r\n`;
    expect(Buffer.byteLength(text.split('Анна')[0]!)).toBeGreaterThan(64 * 1024);
    const file = join(work, 'late-1251.csv');
    writeFileSync(file, iconv.encode(text, 'win1251'));
    const out = join(work, 'late-out');
    const r = leadaudit(['audit', file, '--consent', consent, '--out-dir', out, '--quiet', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).inputs.contacts.encoding).toBe('windows-1251');
    const rows = table(join(out, 'rejects.csv'));
    const anna = rows.find((x) => x.id === '1')!;
    expect(anna.name).toBe('Анна Ёлкина');
    expect(anna.source).toBe('Лиды');
    expect(rows).toHaveLength(3001);
  });

  it('stops with the byte offset when UTF-8 text turns invalid later on', () => {
    const good = `id,name,phone\n1,Анна,+7 916 111-22-33\n${Array.from({ length: 5000 }, (_, i) => `${i + 2},Ivan,n/a`).join('\n')}\n`;
    const file = join(work, 'broken-utf8.csv');
    writeFileSync(file, Buffer.concat([Buffer.from(good), Buffer.from([0x39, 0x2c, 0xc0, 0xc1, 0x2c, 0x0a])]));
    const r = leadaudit(['audit', file, '--consent', consent, '--out-dir', join(work, 'broken-out')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/broken-utf8\.csv: not valid UTF-8 near byte \d+; .*--encoding windows-1251/);
    expect(r.stdout).toBe('');
  });

  it('--encoding forces the decoding of every input', () => {
    const file = join(work, 'forced.csv');
    writeFileSync(file, iconv.encode('id;имя;телефон\n1;Анна;+7 916 111-22-33\n', 'win1251'));
    const out = join(work, 'forced-out');
    const r = leadaudit(['audit', file, '--consent', consent, '--out-dir', out, '--quiet', '--json', '--encoding', 'cp1251']);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.inputs.contacts.encoding).toBe('windows-1251');
    expect(report.inputs.consent[0].encoding).toBe('windows-1251');
    expect(report.inputs.contacts.phone_column).toBe('телефон');
  });

  it('suppression lists and consent files are sniffed like the contacts', () => {
    const list = join(work, 'dnc-utf16.txt');
    writeFileSync(list, iconv.encode('Телефон\r\n+7 916 111-22-44\r\nне звонить\r\n', 'utf16le', { addBOM: true }));
    const consent1251 = join(work, 'consent-1251.csv');
    writeFileSync(consent1251, iconv.encode('phone;given_at;purposes;evidence_ref;source\n+79161112233;2025-01-01;marketing;запись-1;Вебформа\n+79161112244;2025-01-01;marketing;запись-2;Вебформа\n', 'win1251'));
    const contacts = join(work, 'two.csv');
    writeFileSync(contacts, 'id,phone\n1,+7 916 111-22-33\n2,+7 916 111-22-44\n');
    const out = join(work, 'sniff-out');
    const r = leadaudit(['audit', contacts, '--consent', consent1251, '--suppress', list, '--out-dir', out, '--quiet', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.inputs.suppress[0]).toMatchObject({ encoding: 'utf-16le', format: 'csv', numbers: 1 });
    expect(report.inputs.suppress[0].invalid).toEqual([{ line: 3, value: 'не звонить', problem: 'not a valid phone number' }]);
    expect(report.inputs.consent[0]).toMatchObject({ encoding: 'windows-1251', delimiter: ';', valid: 2 });
    const rejected = table(join(out, 'rejects.csv'));
    expect(rejected.find((x) => x.id === '2')!.audit_reasons).toContain('SUPPRESSED');
    // Notice source came from the Windows-1251 consent record, decoded.
    expect(rejected.find((x) => x.id === '1')!.audit_reasons).not.toContain('NOTICE_SOURCE_MISSING');
  });
});
