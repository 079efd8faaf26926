/**
 * --xlsx and --csv-excel (issue #13) through the binary: clean.xlsx read back with exceljs holds the
 * same cells as clean.csv (phones and ids exact, every cell text, formulas not run), rejects.xlsx
 * the rows of rejects.csv as read; the header is bold and frozen, widths set, long columns wrapped;
 * report.json lists both with their hashes and verify checks them; --csv-excel writes clean.csv in
 * the dialect of the run's language and records it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { leadaudit } from '../helpers/exec.js';

const work = mkdtempSync(join(tmpdir(), 'leadaudit-xlsx-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const NOTICE = join(work, 'notice.json');
writeFileSync(NOTICE, JSON.stringify({
  operator: { name: 'ООО «Ромашка»', address: '125009, Москва, ул. Тверская, 1' }, purpose: 'Звонки с предложениями услуг',
  legal_basis: 'Согласие субъекта', pdn_list: ['ФИО', 'телефон'], recipients: ['ООО «Ромашка»'], rights: 'https://romashka.example/privacy', source: 'ООО «Лиды»',
}));

// Cells a spreadsheet would spoil: a long number (7.9E+10), ids with leading zeros, a date-like
// text, formulas and a phone with a plus, Cyrillic and a line break.
const CONTACTS = [
  'id,ФИО,phone,note,code',
  '007,Анна Смирнова,79161112233,=1+1,00123',
  '008,"Борис ""Бо"" Иванов",+7 916 111-22-34,"=HYPERLINK(""http://x"",""y"")",1.5E+3',
  '009,Вера,8 (916) 111-22-35,"две\nстроки",01.02.2026',
  '010,Глеб,79161112236,+1+cmd|\' /C calc\'!A0,-2+3',
  '011,Дина,not a phone,@SUM(A1),0',
].join('\n');
const CONSENT = [
  'phone,consent_id,given_at,channels,purposes,evidence_ref',
  '79161112233,C-0001,2026-01-10,call,marketing,form:1',
  '79161112234,C-0002,2026-01-10,call,marketing,form:2',
  '79161112235,C-0003,2026-01-10,call,marketing,form:3',
].join('\n');

async function sheetRows(file: string): Promise<{ rows: string[][]; sheet: ExcelJS.Worksheet; types: Set<number> }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.worksheets).toHaveLength(1);
  const sheet = wb.worksheets[0]!;
  const rows: string[][] = [];
  const types = new Set<number>();
  const width = sheet.getRow(1).cellCount;
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      if (cell.value !== null && cell.value !== undefined) types.add(cell.type);
      cells.push(cell.value === null || cell.value === undefined ? '' : String(cell.value));
    }
    rows.push(cells);
  });
  return { rows, sheet, types };
}

const csvRows = (file: string, delimiter = ',') => parse(readFileSync(file), { bom: true, delimiter, relax_quotes: false }) as string[][];
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('--xlsx', () => {
  const out = join(work, 'out');
  let status: number | null = null;
  beforeAll(() => {
    writeFileSync(join(work, 'contacts.csv'), CONTACTS);
    writeFileSync(join(work, 'consent.csv'), CONSENT);
    status = leadaudit(['audit', join(work, 'contacts.csv'), '--consent', join(work, 'consent.csv'), '--notice', NOTICE,
      '--as-of', '2026-11-01', '--out-dir', out, '--xlsx', '--quiet']).status;
  });

  it('clean.xlsx read back with exceljs holds exactly the cells of clean.csv, every one as text', async () => {
    expect(status).toBe(0);
    const { rows, types } = await sheetRows(join(out, 'clean.xlsx'));
    const csv = csvRows(join(out, 'clean.csv'));
    expect(csv.length).toBe(4); // the header and three clean rows
    expect(rows).toEqual(csv);
    expect([...types]).toEqual([ExcelJS.ValueType.String]);
    // The cells a spreadsheet spoils, exact.
    expect(rows[1]!.slice(0, 5)).toEqual(['007', 'Анна Смирнова', '79161112233', '=1+1', '00123']);
    expect(rows[2]![4]).toBe('1.5E+3');
    expect(rows[3]![3]).toBe('две\nстроки');
  });

  it('rejects.xlsx holds the rows of rejects.csv as read: no formula runs, so no leading quote is needed', async () => {
    const { rows, types } = await sheetRows(join(out, 'rejects.xlsx'));
    const csv = csvRows(join(out, 'rejects.csv')).map((r) => r.map((c) => (/^'[=+\-@\t\r＝＋－＠﹦]/.test(c) ? c.slice(1) : c)));
    expect(rows).toEqual(csv);
    expect([...types]).toEqual([ExcelJS.ValueType.String]);
    expect(rows.find((r) => r[0] === '010')!.slice(3, 5)).toEqual(["+1+cmd|' /C calc'!A0", '-2+3']);
    expect(rows.find((r) => r[0] === '011')![3]).toBe('@SUM(A1)');
  });

  it('has a bold, frozen header, set widths, text format, and the long columns wrapped', async () => {
    for (const name of ['clean.xlsx', 'rejects.xlsx']) {
      const { sheet } = await sheetRows(join(out, name));
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getRow(1).font?.bold, name).toBe(true);
      const widths = sheet.columns.map((c) => c.width);
      expect(widths.every((w) => typeof w === 'number' && w >= 6 && w <= 80), `${name}: ${widths}`).toBe(true);
      expect(sheet.getColumn(3).numFmt).toBe('@');
    }
    const { sheet } = await sheetRows(join(out, 'rejects.xlsx'));
    const details = sheet.getRow(1).values as unknown[];
    const col = details.indexOf('audit_details');
    expect(sheet.getColumn(col).alignment?.wrapText).toBe(true);
    expect(sheet.getColumn(col).width).toBe(80);
  });

  it('lists both in report.json with their hashes, and verify checks them', () => {
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.outputs.clean_xlsx).toEqual({ path: join(out, 'clean.xlsx'), sha256: sha256(join(out, 'clean.xlsx')), rows: 3 });
    expect(report.outputs.rejects_xlsx).toEqual({ path: join(out, 'rejects.xlsx'), sha256: sha256(join(out, 'rejects.xlsx')), rows: 2 });
    const ok = leadaudit(['verify', out]);
    expect(ok.status, ok.stdout).toBe(0);
    expect(ok.stdout).toMatch(/^matches +output +clean_xlsx /m);
    const copy = join(work, 'tampered');
    leadaudit(['audit', join(work, 'contacts.csv'), '--consent', join(work, 'consent.csv'), '--notice', NOTICE, '--as-of', '2026-11-01', '--out-dir', copy, '--xlsx', '--quiet']);
    const bytes = readFileSync(join(copy, 'clean.xlsx'));
    bytes[bytes.length - 30] ^= 1;
    writeFileSync(join(copy, 'clean.xlsx'), bytes);
    const bad = leadaudit(['verify', copy]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/^DIFFERS +output +clean_xlsx /m);
  });

  it('a run without --xlsx takes away the workbooks of an earlier run in the same out-dir', () => {
    const again = leadaudit(['audit', join(work, 'contacts.csv'), '--consent', join(work, 'consent.csv'), '--notice', NOTICE, '--as-of', '2026-11-01', '--out-dir', out, '--quiet']);
    expect(again.status).toBe(0);
    expect([existsSync(join(out, 'clean.xlsx')), existsSync(join(out, 'rejects.xlsx'))]).toEqual([false, false]);
  });
});

describe('--csv-excel', () => {
  const run = (dir: string, extra: string[]) => leadaudit(['audit', join(work, 'contacts.csv'), '--consent', join(work, 'consent.csv'),
    '--notice', NOTICE, '--as-of', '2026-11-01', '--out-dir', join(work, dir), '--quiet', ...extra]);

  beforeAll(() => {
    writeFileSync(join(work, 'contacts.csv'), CONTACTS);
    writeFileSync(join(work, 'consent.csv'), CONSENT);
  });

  it('ru: clean.csv with a BOM and ";", the same cells, the dialect in report.json', () => {
    expect(run('plain', []).status).toBe(0);
    expect(run('excel-ru', ['--csv-excel', '--lang', 'ru']).status).toBe(0);
    const bytes = readFileSync(join(work, 'excel-ru/clean.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8', 3).split('\n')[0]).toBe('id;ФИО;phone;note;code;phone_e164;consent_id;audit_removed');
    expect(csvRows(join(work, 'excel-ru/clean.csv'), ';')).toEqual(csvRows(join(work, 'plain/clean.csv')));
    const report = JSON.parse(readFileSync(join(work, 'excel-ru/report.json'), 'utf8'));
    expect(report.outputs.clean.dialect).toEqual({ name: 'excel-ru', delimiter: ';', bom: true });
    expect(JSON.parse(readFileSync(join(work, 'plain/report.json'), 'utf8')).outputs.clean.dialect).toBeUndefined();
    // Without the flag clean.csv stays as the contract says: comma, no BOM.
    expect(readFileSync(join(work, 'plain/clean.csv')).subarray(0, 3).toString()).toBe('id,');
  });

  it('en: a "," and a BOM', () => {
    expect(run('excel-en', ['--csv-excel', '--lang', 'en']).status).toBe(0);
    const bytes = readFileSync(join(work, 'excel-en/clean.csv'));
    expect(bytes.subarray(3)).toEqual(readFileSync(join(work, 'plain/clean.csv')));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(JSON.parse(readFileSync(join(work, 'excel-en/report.json'), 'utf8')).outputs.clean.dialect).toEqual({ name: 'excel-en', delimiter: ',', bom: true });
  });
});
