import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openInput } from '../../src/io/input-source.js';
import { columnOf, serialToIso } from '../../src/io/xlsx/sheet.js';
import { isDateFormat, unescapeOoxml } from '../../src/io/xlsx/workbook.js';
import { DEFAULT_LIMITS, MIB } from '../../src/io/xlsx/limits.js';
// A plain .mjs helper (no types): it also writes the committed fixture workbooks.
import { workbook } from '../../scripts/fixtures/xlsx-writer.mjs';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'xlsx-')); });

async function text(path: string, opts = {}): Promise<string> {
  const input = await openInput(path, path, opts);
  let s = '';
  for await (const c of input.stream) s += (c as Buffer).toString('utf8');
  return s;
}

function put(name: string, bytes: Buffer | string): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

describe('cells of a workbook', () => {
  it('turns date serials into ISO dates (1900 and 1904 systems, with a time of day)', () => {
    expect(serialToIso(45658, false)).toBe('2025-01-01');
    expect(serialToIso(46023.5, false)).toBe('2026-01-01T12:00:00');
    expect(serialToIso(1, false)).toBe('1900-01-01');
    expect(serialToIso(61, false)).toBe('1900-03-01');
    expect(serialToIso(0, true)).toBe('1904-01-01');
    expect(serialToIso(-1, false)).toBeUndefined();
  });

  it('tells date formats from number formats', () => {
    for (const f of ['dd.mm.yyyy', 'dd\\.mm\\.yyyy', 'yyyy-mm-dd hh:mm', '[$-419]d mmmm yyyy', 'm/d/yy', '[h]:mm']) expect(isDateFormat(f), f).toBe(true);
    for (const f of ['General', '0', '0.00', '#,##0', '"phone: "0', '[Red]0.00', '0.00E+00']) expect(isDateFormat(f), f).toBe(false);
  });

  it('reads cell references and OOXML escapes', () => {
    expect([columnOf('A1'), columnOf('Z9'), columnOf('AA10'), columnOf('XFD1')]).toEqual([0, 25, 26, 16383]);
    expect(unescapeOoxml('a_x000D_b_x005F_x')).toBe('a\rb_x');
  });
});

describe('openInput: an .xlsx workbook as CSV text', () => {
  it('reads the first sheet: numbers exact, dates as dates, skipped rows as blank lines, strings after the sheet', async () => {
    const p = put('a.xlsx', workbook({ sheets: [
      { name: 'Лист1', rows: [['id', 'phone', 'when', 'note'], [{ n: '1' }, { n: '79161234567' }, { date: 46023 }, 'a, "b"'], [], [{ n: '2' }, '8 916', { ddmmyyyy: 46388 }, { inline: 'x;y' }]] },
      { name: 'Второй', rows: [['other']] },
    ] }));
    expect(await text(p)).toBe('id,phone,when,note\n1,79161234567,2026-01-01,"a, ""b"""\n\n2,8 916,2027-01-01,"x;y"\n');
    expect(await text(p, { sheet: 'второй' })).toBe('other\n');
    await expect(text(p, { sheet: 'Нет' })).rejects.toThrow(/--sheet "Нет" is not in the workbook \(sheets: Лист1, Второй\)/);
  });

  it('pads short rows to the header and keeps values past it, which the table reader then rejects as malformed', async () => {
    const p = put('b.xlsx', workbook({ sheets: [{ name: 'S', rows: [['a', 'b', 'c'], ['1'], ['1', '2', '3', '4']] }] }));
    expect(await text(p)).toBe('a,b,c\n1,,\n1,2,3,4\n');
  });

  it('stops at each limit with the flag named', async () => {
    const many = put('c.xlsx', workbook({ sheets: [{ name: 'S', rows: [['phone'], ...Array.from({ length: 5 }, (_, i) => [`+7916000000${i}`])] }] }));
    await expect(text(many, { limits: { ...DEFAULT_LIMITS, maxSharedStrings: 5 } })).rejects.toThrow(/more than 5 entries \(limit --max-shared-strings 5\)/);
    await expect(text(many, { limits: { ...DEFAULT_LIMITS, maxRows: 5 } })).rejects.toThrow(/sheet "S" has more than 5 rows \(limit --max-rows 5\)/);
    await expect(text(many, { limits: { ...DEFAULT_LIMITS, maxUnpackedBytes: 1000 } })).rejects.toThrow(/unpacks to more than 0 MiB \(limit --max-unpacked-mb 0\)/);
  });

  it('refuses a ZIP archive that is not a workbook, and a cut-off one', async () => {
    const wb = workbook({ sheets: [{ name: 'S', rows: [['a']] }] });
    await expect(text(put('d.xlsx', wb.subarray(0, wb.length - 30)))).rejects.toThrow(/not a readable \.xlsx workbook \(no ZIP end-of-directory record/);
  });
});

describe('openInput: gzip and refused formats', () => {
  it('unpacks gzip and reports the packed file\'s hash and size', async () => {
    const packed = gzipSync(Buffer.from('phone\n+79161234567\n'));
    const p = put('e.csv.gz', packed);
    const input = await openInput(p, p);
    let s = '';
    for await (const c of input.stream) s += c;
    expect(s).toBe('phone\n+79161234567\n');
    expect(input.compression).toBe('gzip');
    expect(input.raw!.bytes()).toBe(packed.length);
    const { createHash } = await import('node:crypto');
    expect(await input.raw!.sha256()).toBe(createHash('sha256').update(packed).digest('hex'));
  });

  it('stops a gzip bomb at the unpacked limit', async () => {
    const p = put('f.gz', gzipSync(Buffer.alloc(3 * MIB, 0x31)));
    await expect(text(p, { limits: { ...DEFAULT_LIMITS, maxUnpackedBytes: 2 * MIB } })).rejects.toThrow(/unpacks to more than 2 MiB \(limit --max-unpacked-mb 2\)/);
  });

  it('names a known binary format and lists what is accepted', async () => {
    const p = put('g.csv', Buffer.from('%PDF-1.7\n%\xff\n'));
    await expect(text(p)).rejects.toThrow(/g\.csv: this is a PDF document; leadaudit reads CSV or TSV text .*\.xlsx workbooks, JSON Lines \(consent\), and any of them gzip-compressed/);
  });
});
