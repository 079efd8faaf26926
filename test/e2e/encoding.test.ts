/**
 * Encodings beyond what a fixture shows: a Windows-1251 export whose first 64 KiB are plain ASCII,
 * a UTF-8 file that goes bad half way, --encoding, and suppression lists in other encodings.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

describe('encodings, hardened (issue #12)', () => {
  const asciiTo = (n: number) => {
    let t = 'id;name;phone;source\n';
    for (let i = 0; t.length < n; i++) t += `${i + 100};Ivan Petrov ${i};n/a;vendor\n`;
    return t.slice(0, n);
  };

  it('item 2: a Windows-1251 list whose first Cyrillic byte is on either side of the 256 KiB read: the same verdict', () => {
    const seen = new Set<string>();
    for (const at of [262142, 262143, 262144]) {
      // ASCII up to `at`, then a row whose name is Cyrillic; the last ASCII row is cut into a name.
      const text = `${asciiTo(at - 3)}\n1;Иван Петров;+7 916 111-22-33;Лиды\n`;
      const bytes = iconv.encode(text, 'win1251');
      expect(bytes.indexOf(0xc8)).toBe(at);
      const file = join(work, `boundary-${at}.csv`);
      writeFileSync(file, bytes);
      const out = join(work, `boundary-out-${at}`);
      const r = leadaudit(['audit', file, '--consent', consent, '--out-dir', out, '--quiet', '--json']);
      expect(r.status, `${at}: ${r.stderr}`).toBe(0);
      const report = JSON.parse(r.stdout);
      expect(report.inputs.contacts.encoding).toBe('windows-1251');
      expect(table(join(out, 'rejects.csv')).find((x) => x.id === '1')!.name).toBe('Иван Петров');
      seen.add(JSON.stringify(report.totals));
    }
    expect(seen.size).toBe(1);
  });

  it('item 1: a UTF-8 list with one stray byte early on and Cyrillic later: exit 2 naming both offsets, never mojibake', () => {
    const head = asciiTo(100_000);
    const middle = asciiTo(200_000).slice('id;name;phone;source\n'.length);
    const bytes = Buffer.concat([Buffer.from(head), Buffer.from([0xff]), Buffer.from(`\n${middle}\n1;Иван Петров;+7 916 111-22-33;Лиды\n`)]);
    const utf8At = bytes.indexOf(Buffer.from('Иван'));
    const file = join(work, 'stray.csv');
    writeFileSync(file, bytes);
    const out = join(work, 'stray-out');
    const r = leadaudit(['audit', file, '--consent', consent, '--out-dir', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`leadaudit: ${file}: not UTF-8 at byte 100000, so read as Windows-1251 from there, but it holds UTF-8 text from byte ${utf8At}: the file mixes encodings; fix the byte at 100000, or pass --encoding utf-8 or --encoding windows-1251\n`);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('item 9: a UTF-16 list cut in its last character: exit 2 like truncated UTF-8', () => {
    for (const enc of ['utf16le', 'utf16be'] as const) {
      const bytes = iconv.encode('id\tphone\tname\r\n1\t+7 916 111-22-33\txyz', enc, { addBOM: true });
      const file = join(work, `cut-${enc}.csv`);
      writeFileSync(file, bytes.subarray(0, bytes.length - 1));
      const r = leadaudit(['audit', file, '--consent', consent, '--out-dir', join(work, `cut-out-${enc}`)]);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toContain(`${file}: not valid ${enc === 'utf16le' ? 'UTF-16LE' : 'UTF-16BE'} near byte ${bytes.length - 2} (a character cut off or broken)`);
    }
  });

  it('item 14: a Latin-1 list read as Windows-1251 says so in the summary and report.json; --encoding latin1 reads it', () => {
    const file = join(work, 'latin.csv');
    writeFileSync(file, Buffer.from('id;name;phone\n1;Histórico Müller;+7 916 111-22-33\n', 'latin1'));
    const r = leadaudit(['audit', file, '--consent', consent, '--out-dir', join(work, 'latin-out'), '--json']);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.inputs.contacts.encoding).toBe('windows-1251');
    const warning = 'read as windows-1251, but it looks unlike Russian (0 of 2 non-ASCII characters are Cyrillic letters in Cyrillic words); if it is Latin-1 or Windows-1252, pass --encoding windows-1252';
    expect(report.inputs.contacts.encoding_warning).toBe(warning);
    expect(r.stderr).toContain(`warning: ${file}: ${warning}`);
    expect(report.inputs.consent[0].encoding_warning).toBeUndefined();
    const forced = leadaudit(['audit', file, '--consent', consent, '--out-dir', join(work, 'latin-forced'), '--quiet', '--json', '--encoding', 'latin1']);
    expect(forced.status, forced.stderr).toBe(0);
    expect(JSON.parse(forced.stdout).inputs.contacts).toMatchObject({ encoding: 'latin1' });
    expect(JSON.parse(forced.stdout).inputs.contacts.encoding_warning).toBeUndefined();
    expect(table(join(work, 'latin-forced', 'rejects.csv'))[0]!.name).toBe('Histórico Müller');
  });
});
