/**
 * Masking that covers the personal data (issue #14, item 6): with --mask, no cell of a column of
 * personal data (phones, emails, names, addresses, birth dates, documents, and --mask-column) of
 * fixtures/masking appears as it is in report.html, the summary, `explain` or the spot-audit sheet,
 * nor a phone number in its E.164 form. The same check over the unmasked outputs finds them: it can
 * fail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parse } from 'csv-parse/sync';
import { leadaudit, ROOT } from '../helpers/exec.js';
import { maskValue } from '../../src/report/mask.js';
import { normalizePhone, splitNumbers } from '../../src/phone/normalize.js';
import type { PersonalKind } from '../../src/io/personal-columns.js';

const CASE = join(ROOT, 'fixtures', 'masking');
const ARGS = readFileSync(join(CASE, 'args'), 'utf8').split(/\s+/).filter(Boolean);
let work: string;
let out: string;
let summary: string;
let report: { inputs: { contacts: { personal_data_columns: { column: string; index: number; kind: PersonalKind }[] } } };

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'leadaudit-mask-'));
  out = join(work, 'out');
  const r = leadaudit(['audit', 'contacts.csv', ...ARGS, '--trail', '--out-dir', out], { cwd: CASE });
  expect(r.status, r.stderr).toBe(0);
  summary = r.stderr;
  report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every cell of a personal-data column, with its kind; for phone cells each number and its E.164 too. */
function personalValues(): { value: string; kind: PersonalKind }[] {
  const [header, ...rows] = parse(readFileSync(join(CASE, 'contacts.csv')), { delimiter: ';', relax_column_count: true }) as string[][];
  const values: { value: string; kind: PersonalKind }[] = [];
  for (const { index, kind } of report.inputs.contacts.personal_data_columns) {
    for (const row of rows) {
      const cell = (row[index] ?? '').trim();
      if (cell === '') continue;
      values.push({ value: cell, kind });
      if (kind !== 'phone') continue;
      for (const part of splitNumbers(cell) ?? [cell]) {
        values.push({ value: part.trim(), kind });
        const n = normalizePhone(part, 'RU');
        // A malformed record is not judged: its number is never normalized, so no E.164 form of it exists.
        if (n.kind === 'valid' && row.length === header!.length) values.push({ value: n.e164, kind }, { value: n.e164.slice(1), kind });
      }
    }
  }
  return values;
}

/** What a person reads: HTML entities and Markdown escapes undone. */
function plain(text: string): string {
  return text
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\\([\\`*_[\]<>|#~&])/g, '$1');
}

/** The personal values an output shows as they are. */
function leaks(output: string): string[] {
  const text = plain(output);
  return [...new Set(personalValues().filter((v) => text.includes(v.value)).map((v) => v.value))];
}

function explainAll(mask: boolean): string {
  let text = '';
  for (let line = 2; line <= 8; line++) {
    const r = leadaudit(['explain', out, '--line', String(line), ...(mask ? ['--mask'] : [])]);
    expect(r.status, r.stderr).toBe(0);
    text += r.stdout;
  }
  const byPhone = leadaudit(['explain', out, '--phone', '+7 916 500-00-01', ...(mask ? ['--mask'] : [])]);
  expect(byPhone.status, byPhone.stderr).toBe(0);
  return text + byPhone.stdout;
}

function sheets(name: string, ...extra: string[]): string {
  const r = leadaudit(['sample', out, '--size', '100', '--seed', '7', '--out', join(work, name), ...extra]);
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(join(work, name, 'spot-audit-7.html'), 'utf8') + readFileSync(join(work, name, 'spot-audit-7.md'), 'utf8');
}

describe('--mask covers every column of personal data (issue #14)', () => {
  it('finds the columns by name, English and Russian, and the one named with --mask-column', () => {
    expect(report.inputs.contacts.personal_data_columns.map((p) => [p.column, p.kind])).toEqual([
      ['ФИО', 'name'], ['Телефон', 'phone'], ['E-mail', 'email'], ['Адрес', 'address'], ['Дата рождения', 'birth_date'],
      ['Паспорт', 'document'], ['Заметки', 'named'],
    ]);
  });

  it('changes every value it masks (so that a value left as it is could not hide a leak)', () => {
    for (const { value, kind } of personalValues()) expect(maskValue(kind, value), value).not.toBe(value);
  });

  it('shows none of them in report.html, the summary, explain --mask or the spot-audit sheet', () => {
    expect(leaks(readFileSync(join(out, 'report.html'), 'utf8'))).toEqual([]);
    expect(leaks(summary)).toEqual([]);
    expect(leaks(explainAll(true))).toEqual([]);
    expect(leaks(sheets('masked'))).toEqual([]);
  }, 180_000); // ten runs of the CLI

  it('masks each kind keeping its shape', () => {
    const text = plain(leadaudit(['explain', out, '--line', '2', '--mask']).stdout);
    for (const masked of ['А*** С*******', '+7 916 ***-**-01', 'a***.********@e******.ru', '******, М*****, у*. Т*******, д. *', '**.**.****', '**** ******', 'з****** п**** о**** А***']) {
      expect(text).toContain(masked);
    }
    // A column no name marks stays readable.
    expect(text).toMatch(/Город\s+Москва/);
  });

  it('the same check finds the values in the unmasked outputs: it can fail', () => {
    const all = [...new Set(personalValues().map((v) => v.value))].sort();
    expect(leaks(explainAll(false)).sort()).toEqual(all);
    expect(leaks(sheets('unmasked', '--unmask')).sort()).toEqual(all);
  }, 180_000); // ten runs of the CLI

  it('explain and sample take more columns with --mask-column, and refuse one the list does not have', () => {
    const city = leadaudit(['explain', out, '--line', '2', '--mask-column', 'Город']).stdout;
    expect(city).toMatch(/Город\s+М\*\*\*\*\*/);
    const r = leadaudit(['sample', out, '--size', '1', '--seed', '1', '--mask-column', 'Region', '--out', join(work, 'bad')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--mask-column "Region": no such column in the audited list');
  });

  it('the audit refuses a --mask-column the header does not have, before writing anything', () => {
    const r = leadaudit(['audit', 'contacts.csv', ...ARGS, '--mask-column', 'Region', '--out-dir', join(work, 'refused')], { cwd: CASE });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`leadaudit: contacts.csv:1: --mask-column "Region" is not in the header (columns: id, ФИО, Телефон, E-mail, Адрес, Дата рождения, Паспорт, Заметки, Город)\n`);
  });
});
