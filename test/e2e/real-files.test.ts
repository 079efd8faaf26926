/**
 * Real files as people hold them (issue #11), through the real binary: what the fixtures' verdict
 * files cannot show (the summary's words, explain, names and standard input).
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { leadaudit, ROOT } from '../helpers/exec.js';
import { readTrail } from '../helpers/trail.js';

const fx = (name: string) => join(ROOT, 'fixtures', name);
const out = () => mkdtempSync(join(tmpdir(), 'real-files-'));

describe('invalid consent evidence is visible (item 3)', () => {
  it('the summary counts the invalid records per file with the first three problems; explain names them', () => {
    const dir = out();
    const r = leadaudit(['audit', 'contacts.csv', '--as-of', '01.11.2026', '--consent', 'crm.csv', '--notice', 'notice.json', '--out-dir', dir, '--trail'], { cwd: fx('crm-consent-cp1251') });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('crm.csv: 2 of 7 consent records invalid, not used (line 4: given_at "15.03.2026x" is not a date; line 5: given_at "31.02.2026" is not a date (February 2026 has no day 31); see report.json inputs.consent)');
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(report.campaign.date_order).toBe('dmy');
    expect(report.as_of).toBe('2026-11-01T00:00:00.000Z');
    expect(report.inputs.consent[0].encoding).toBe('windows-1251');
    const e = leadaudit(['explain', dir, '--line', '4']);
    expect(e.status).toBe(0);
    expect(e.stdout).toContain('No usable consent record for this number: its records failed the schema and are not evidence: crm.csv:4: given_at "15.03.2026x" is not a date.');
  });
});

describe('hints (item 7)', () => {
  it('without --notice, one hint names --notice and leadaudit init', () => {
    const r = leadaudit(['audit', 'contacts.csv', '--as-of', '2026-11-01', '--consent', 'consent.csv', '--out-dir', out()], { cwd: fx('excel-artefacts') });
    expect(r.status).toBe(0);
    expect(r.stderr.match(/^hint: /gm)).toHaveLength(1);
    expect(r.stderr).toMatch(/^hint: every row lacks notice items and no --notice manifest was given: .*--notice notice\.json; `leadaudit init` writes a starter$/m);
  });

  it('names the one fix that would clear most rejected rows', () => {
    const r = leadaudit(['audit', 'contacts.csv', '--as-of', '2026-11-01', '--consent', 'consent.csv', '--notice', 'notice.json', '--purpose', 'service', '--out-dir', out()], { cwd: fx('excel-artefacts') });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^hint: one fix would clear 6 of the 7 rejected rows: CONSENT_PURPOSE_MISMATCH: /m);
  });
});

describe('workbooks and gzip (item 6)', () => {
  it('reads an .xlsx by its bytes under any name, and --sheet picks another sheet', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xlsx-name-'));
    copyFileSync(join(fx('xlsx-list'), 'contacts.csv'), join(dir, 'base.xlsx'));
    const a = leadaudit(['audit', 'base.xlsx', '--as-of', '2026-11-01', '--consent', join(fx('xlsx-list'), 'consent.xlsx'), '--out-dir', join(dir, 'a'), '--json', '--quiet'], { cwd: dir });
    expect(a.status).toBe(0);
    const report = JSON.parse(a.stdout);
    expect(report.inputs.contacts).toMatchObject({ format: 'xlsx', sheet: 'Лист1', rows: 7, encoding: 'utf-8' });
    expect(report.inputs.consent[0]).toMatchObject({ format: 'xlsx', sheet: 'Согласия', records: 6, valid: 6 });
    const b = leadaudit(['audit', 'base.xlsx', '--sheet', 'Архив', '--as-of', '2026-11-01', '--consent', join(fx('xlsx-list'), 'consent.xlsx'), '--out-dir', join(dir, 'b')], { cwd: dir });
    expect(b.status).toBe(2);
    expect(b.stderr).toMatch(/^leadaudit: base\.xlsx:1: no phone column in the header \(columns: не список\)/);
  });

  it('reads a gzip list from standard input', () => {
    const r = leadaudit(['audit', '-', '--as-of', '2026-11-01', '--consent', 'consent.jsonl.gz', '--notice', 'notice.json', '--suppress', 'suppress.txt.gz', '--out-dir', out(), '--json', '--quiet'],
      { cwd: fx('gzip-list'), input: readFileSync(join(fx('gzip-list'), 'contacts.csv')) });
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.totals).toEqual({ rows: 3, clean: 1, rejected: 2 });
    expect(report.inputs.contacts.compression).toBe('gzip');
    expect(report.inputs.consent[0]).toMatchObject({ format: 'jsonl', compression: 'gzip', valid: 2 });
  });

  it('refuses an .xlsx on standard input, naming what to do', () => {
    const r = leadaudit(['audit', '-', '--consent', 'consent.xlsx', '--out-dir', out()], { cwd: fx('xlsx-list'), input: readFileSync(join(fx('xlsx-list'), 'contacts.csv')) });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('leadaudit: standard input: an .xlsx workbook can\'t be read from standard input: give its path\n');
  });
});

describe('every number audited (item 4)', () => {
  it('the trail, explain and the summary show each number\'s verdict', () => {
    const dir = out();
    const r = leadaudit(['audit', 'contacts.csv', '--as-of', '2026-11-01', '--consent', 'consent.csv', '--notice', 'notice.json', '--suppress', 'suppress.txt', '--out-dir', dir, '--trail'], { cwd: fx('multi-number-cells') });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('7 row(s) with several numbers: 14 numbers audited, 7 passed, 5 taken out of clean rows (clean.csv audit_removed)');
    const trail = readTrail(join(dir, 'trail.jsonl')).rows;
    expect(trail[0].numbers.map((n: { raw: string; verdict: string; reasons: string[] }) => [n.raw, n.verdict, n.reasons])).toEqual([
      ['8(916)123-45-79 (моб)', 'passed', []],
      ['8(495)765-43-21 (раб)', 'removed', ['CONSENT_MISSING']],
    ]);
    const e = leadaudit(['explain', dir, '--line', '2']);
    expect(e.stdout).toMatch(/^ {2}Number 1 \(phone\) +8\(916\)123-45-79 \(моб\) = \+79161234579: passed \(consent N1\)$/m);
    expect(e.stdout).toMatch(/^ {2}Number 2 \(phone\) +8\(495\)765-43-21 \(раб\) = \+74957654321: taken out of the clean row: CONSENT_MISSING: no usable consent record for \+74957654321$/m);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(report.numbers).toEqual({ rows: 7, audited: 14, passed: 7, removed: 5, removed_reasons: { PHONE_INVALID: 1, DUPLICATE: 1, SUPPRESSED: 1, CONSENT_MISSING: 2 } });
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('7 rows with several numbers: 14 numbers audited, 7 passed, 5 taken out of clean rows');
  });
});
