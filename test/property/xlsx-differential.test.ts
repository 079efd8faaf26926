/**
 * Our .xlsx reader (src/io/xlsx, chosen by measurement in issue #11: the fastest and leanest of
 * those tried, and the only one whose limits hold while bytes are unpacked) against a maintained
 * library: random workbooks written by exceljs, read back by exceljs's own streaming reader and by
 * ours, must give the same cells. The brief: whatever is written by hand is proven equal to a
 * maintained library in a test.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { openInput } from '../../src/io/input-source.js';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'xlsx-diff-')); });

type Cell =
  | { kind: 'text'; v: string }
  | { kind: 'int'; v: number }
  | { kind: 'decimal'; v: number }
  | { kind: 'date'; v: Date }
  | { kind: 'bool'; v: boolean }
  | { kind: 'rich'; v: string[] }
  | { kind: 'empty' };

// Text as people type it, Cyrillic, separators and quotes included; no control characters (Excel
// stores them as _xHHHH_ escapes, which exceljs does not write).
const textChar = fc.constantFrom(...'abcXYZ 019,;|"\'+-=@.()АБВгдеЁё№«»'.split(''));
const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.array(textChar, { minLength: 1, maxLength: 12 }).map((cs) => ({ kind: 'text' as const, v: cs.join('') }))
    .filter((c) => c.v.trim() !== ''),
  // Phone numbers stored as numbers: up to 15 digits, every digit must survive.
  fc.integer({ min: 0, max: 999_999_999_999_999 }).map((v) => ({ kind: 'int' as const, v })),
  fc.integer({ min: -99_999, max: 99_999 }).map((n) => ({ kind: 'decimal' as const, v: n / 100 })),
  // Dates at midnight UTC and with a time of day, whole seconds.
  fc.integer({ min: Date.UTC(1950, 0, 1) / 1000, max: Date.UTC(2090, 0, 1) / 1000 })
    .map((s) => ({ kind: 'date' as const, v: new Date(s % 3 === 0 ? Math.floor(s / 86_400) * 86_400_000 : s * 1000) })),
  fc.boolean().map((v) => ({ kind: 'bool' as const, v })),
  fc.array(fc.array(textChar, { minLength: 1, maxLength: 5 }).map((cs) => cs.join('')), { minLength: 2, maxLength: 3 })
    .map((v) => ({ kind: 'rich' as const, v })),
  fc.constant({ kind: 'empty' as const }),
);

/** A sheet: a header of distinct names, then rows (some left out entirely). */
const sheet = fc.record({
  width: fc.integer({ min: 1, max: 5 }),
  rows: fc.array(fc.option(fc.array(cell, { minLength: 1, maxLength: 5 }), { nil: undefined, freq: 6 }), { minLength: 1, maxLength: 12 }),
  sharedStrings: fc.boolean(),
});

async function write(path: string, s: fc.RecordValue<{ width: number; rows: (Cell[] | undefined)[]; sharedStrings: boolean }>): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: s.sharedStrings, useStyles: true });
  const ws = wb.addWorksheet('Лист1');
  ws.getRow(1).values = Array.from({ length: s.width }, (_, i) => `col${i + 1}`);
  ws.getRow(1).commit();
  s.rows.forEach((cells, r) => {
    if (!cells) return;
    const row = ws.getRow(r + 2);
    cells.slice(0, s.width).forEach((c, i) => {
      const target = row.getCell(i + 1);
      switch (c.kind) {
        case 'text': target.value = c.v; break;
        case 'int': case 'decimal': target.value = c.v; break;
        case 'date': target.value = c.v; target.numFmt = 'dd.mm.yyyy hh:mm:ss'; break;
        case 'bool': target.value = c.v; break;
        case 'rich': target.value = { richText: c.v.map((text, k) => ({ text, font: { bold: k % 2 === 0 } })) }; break;
        case 'empty': break;
      }
    });
    row.commit();
  });
  ws.commit();
  await wb.commit();
}

/** A cell as exceljs's streaming reader gives it, in the words our reader uses for it. */
function asText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'object' && 'richText' in v) return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'sharedString' in v) return String((v as { sharedString: unknown }).sharedString);
  return String(v);
}

/**
 * Rows by sheet row number, trailing empty cells dropped, as exceljs reads them. Its whole-workbook
 * reader is the oracle: its streaming reader keeps only the last run of an inline rich-text cell
 * (`<is><r><t>a</t></r><r><t>b</t></r></is>` reads as "b"), which Excel shows as "ab".
 */
async function readWithExceljs(path: string): Promise<Map<number, string[]>> {
  const rows = new Map<number, string[]>();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  wb.worksheets[0]!.eachRow((row, number) => {
    const values = Array.from(row.values as unknown[]).slice(1).map(asText);
    while (values.length && values[values.length - 1] === '') values.pop();
    if (values.length) rows.set(number, values);
  });
  return rows;
}

/** Rows by line number (= sheet row number), trailing empty cells dropped, as ours reads them. */
async function readWithOurs(path: string): Promise<Map<number, string[]>> {
  const input = await openInput(path, path);
  let text = '';
  for await (const c of input.stream) text += (c as Buffer).toString('utf8');
  const records = parse(text, { relax_column_count: true, skip_empty_lines: false, info: true }) as { record: string[]; info: { lines: number } }[];
  const rows = new Map<number, string[]>();
  for (const { record, info } of records) {
    const values = [...record];
    while (values.length && values[values.length - 1] === '') values.pop();
    if (values.length) rows.set(info.lines, values);
  }
  return rows;
}

describe('our .xlsx reader equals exceljs on workbooks exceljs writes', () => {
  it('gives the same cells for random sheets (text, 15-digit numbers, decimals, dates, booleans, rich text, gaps)', async () => {
    let n = 0;
    await fc.assert(fc.asyncProperty(sheet, async (s) => {
      const path = join(dir, `w${n++}.xlsx`);
      await write(path, s);
      expect(await readWithOurs(path)).toEqual(await readWithExceljs(path));
    }), { numRuns: 60, seed: 20261202 });
  });
});
