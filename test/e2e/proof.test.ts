/**
 * Issue #14, items 1-3 through the binary, beyond the fixture cases' verdicts: evidence files hashed
 * once and recorded in the trail for every clean row; the reassigned list read from .xlsx and gzip
 * like any input, dated, checked by verify; line types and the warning without them; bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parse } from 'csv-parse/sync';
import { leadaudit, ROOT } from '../helpers/exec.js';
import { workbook } from '../../scripts/fixtures/xlsx-writer.mjs';

const FIXTURES = join(ROOT, 'fixtures');
let work: string;
beforeAll(() => { work = mkdtempSync(join(tmpdir(), 'leadaudit-proof-')); });
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const args = (name: string) => readFileSync(join(FIXTURES, name, 'args'), 'utf8').split(/\s+/).filter(Boolean);
const json = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
/** The trail's rows, each with `row`: its cells by the header's names (the first line is the header, issue #12). */
const trail = (out: string) => {
  const [header, ...rows] = readFileSync(join(out, 'trail.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  return rows.map((t) => ({ ...t, row: Object.fromEntries(header.columns.map((c: string, i: number) => [c, t.cells[i]])) }));
};
/** id -> verdict, as expected.tsv writes it. */
function verdicts(out: string): Record<string, string> {
  const table = (f: string) => parse(readFileSync(join(out, f)), { columns: true, bom: true }) as Record<string, string>[];
  return Object.fromEntries([
    ...table('clean.csv').map((r) => [r.id, 'CLEAN']),
    ...table('rejects.csv').map((r) => [r.id, r.audit_reasons!.split('|').sort().join('|')]),
  ]);
}
function audit(name: string, out: string, extra: string[] = [], argv = args(name)) {
  const r = leadaudit(['audit', 'contacts.csv', ...argv, '--trail', '--out-dir', out, ...extra], { cwd: join(FIXTURES, name) });
  return r;
}

describe('--evidence-dir (item 1)', () => {
  const dir = join(FIXTURES, 'evidence-files', 'evidence');
  let out: string;
  beforeAll(() => {
    out = join(work, 'evidence');
    expect(audit('evidence-files', out).status).toBe(0);
  });

  /** The regular files inside the folder (links are not files of their own). */
  function files(d: string): string[] {
    return readdirSync(d).flatMap((n) => {
      const p = join(d, n);
      const st = lstatSync(p);
      return st.isDirectory() ? files(p) : st.isFile() ? [p] : [];
    });
  }

  it('hashes each file once, however many records name it and however they name it', () => {
    const inside = files(dir);
    const report = json(join(out, 'report.json'));
    expect(report.inputs.evidence.hashed).toEqual({ files: inside.length, bytes: inside.reduce((n, f) => n + statSync(f).size, 0) });
    expect(report.inputs.evidence.files).toEqual({ found: 5, missing: 4, mismatched: 1, outside: 4 });
  });

  it('records the evidence file and its true SHA-256 for every clean row in the trail', () => {
    const clean = trail(out).filter((t) => t.verdict === 'clean');
    expect(clean).toHaveLength(6);
    for (const t of clean) {
      expect(t.consent.evidence, `line ${t.line}`).toEqual({ file: expect.any(String), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(t.consent.evidence.sha256).toBe(sha256(join(dir, t.consent.evidence.file)));
    }
    // The record whose file is missing is shown with what was found, and the older one covers.
    const row11 = trail(out).find((t) => t.row.id === '11');
    expect(row11.consent.records.map((r: { consent_id: string; fate: string; evidence: { state: string } }) => [r.consent_id, r.fate, r.evidence.state]))
      .toEqual([['E11-old', 'covers', 'found'], ['E11-new', 'does-not-cover', 'missing']]);
  });

  it('explain shows the file and its hash, or why the evidence does not prove the consent', () => {
    const found = leadaudit(['explain', out, '--id', '1']).stdout;
    expect(found).toContain(`evidence: rec/0001.mp3 (file rec/0001.mp3 in the evidence folder, SHA-256 ${sha256(join(dir, 'rec', '0001.mp3'))})`);
    const escaped = leadaudit(['explain', out, '--id', '7']).stdout;
    expect(escaped).toContain('its evidence_ref "link-out.txt" is a symbolic link that leads out of the evidence folder');
  });

  it('refuses a folder that is not there: exit 2, one line, nothing written', () => {
    const r = audit('evidence-files', join(work, 'no-dir'), ['--evidence-dir', 'no-such-folder']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('leadaudit: --evidence-dir "no-such-folder": no such folder\n');
  });
});

describe('--reassigned (item 2)', () => {
  const name = 'reassigned-numbers';
  const expected = Object.fromEntries(readFileSync(join(FIXTURES, name, 'expected.tsv'), 'utf8').trim().split('\n').map((l) => l.split('\t')));

  it('reads the list from gzip and .xlsx like every input, with the same verdicts', () => {
    const copy = join(work, 'reassigned-copy');
    cpSync(join(FIXTURES, name), copy, { recursive: true });
    writeFileSync(join(copy, 'reassigned.csv.gz'), gzipSync(readFileSync(join(copy, 'reassigned.csv'))));
    const rows = parse(readFileSync(join(copy, 'reassigned.csv')), { relax_column_count: true }) as string[][];
    // In the workbook the dates are date cells (Excel serials, days since 1899-12-30), the header text.
    const serial = (d: string) => {
      const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(d);
      const ms = m ? Date.UTC(+m[3]!, +m[2]! - 1, +m[1]!) : Date.parse(`${d}T00:00:00Z`);
      return Number.isNaN(ms) ? undefined : ms / 86_400_000 + 25569;
    };
    writeFileSync(join(copy, 'reassigned.xlsx'), workbook({ sheets: [{ name: 'Номера', rows: rows.map((r, i) => (i === 0 ? r
      : [r[0]!, serial(r[1]!) === undefined ? r[1]! : { date: serial(r[1]!) }, r[2] ? r[2] : null])) }] }));
    for (const file of ['reassigned.csv.gz', 'reassigned.xlsx']) {
      const out = join(work, `re-${file}`);
      const argv = args(name).map((a) => (a === 'reassigned.csv' ? file : a));
      const r = leadaudit(['audit', 'contacts.csv', ...argv, '--out-dir', out, '--quiet'], { cwd: copy });
      expect(r.status, r.stderr).toBe(0);
      expect(verdicts(out), file).toEqual(expected);
      const report = json(join(out, 'report.json'));
      expect(report.inputs.reassigned).toMatchObject({ numbers: 10, after_as_of: 1, format: file.endsWith('.xlsx') ? 'xlsx' : 'csv' });
    }
  });

  it('records the list\'s date: --list-date reassigned=DATE, else the file\'s time, and says so', () => {
    const dated = join(work, 'dated');
    expect(audit(name, dated).status).toBe(0);
    expect(json(join(dated, 'report.json')).inputs.reassigned).toMatchObject({ date: '2026-10-25T00:00:00.000Z', date_source: 'list-date' });
    const undated = join(work, 'undated');
    const r = audit(name, undated, [], args(name).filter((a) => a !== '--list-date' && a !== 'reassigned=2026-10-25'));
    expect(r.status).toBe(0);
    const mtime = new Date(Math.floor(statSync(join(FIXTURES, name, 'reassigned.csv')).mtimeMs)).toISOString();
    expect(json(join(undated, 'report.json')).inputs.reassigned).toMatchObject({ date: mtime, date_source: 'file-mtime' });
    expect(r.stderr).toContain("from the file's modification time (say --list-date reassigned=DATE)");
  });

  it('explain says when the number changed hands and whose the consent was', () => {
    const out = join(work, 'dated');
    const text = leadaudit(['explain', out, '--id', '1']).stdout;
    expect(text).toContain('fate: ended by the disconnection of the number of 2026-01-15');
    expect(text).toContain('The number was disconnected at 2026-01-15 (reassigned.csv:2, МТС: список возвращённых номеров)');
  });

  it('verify checks the list like every other input', () => {
    const copy = join(work, 'reassigned-verify');
    cpSync(join(FIXTURES, name), copy, { recursive: true });
    const out = join(copy, 'out');
    expect(leadaudit(['audit', 'contacts.csv', ...args(name), '--out-dir', out, '--quiet'], { cwd: copy }).status).toBe(0);
    expect(leadaudit(['verify', out]).stdout).toMatch(/matches\s+input\s+reassigned\s/);
    writeFileSync(join(copy, 'reassigned.csv'), `${readFileSync(join(copy, 'reassigned.csv'), 'utf8')}+79163000099,2026-01-01,\n`);
    const r = leadaudit(['verify', out]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/DIFFERS\s+input\s+reassigned\s/);
  });

  it('stops on a list without its columns, naming them and the --map that fixes it', () => {
    const copy = join(work, 'reassigned-bad');
    cpSync(join(FIXTURES, name), copy, { recursive: true });
    writeFileSync(join(copy, 'reassigned.csv'), 'Номер,Когда\n+79163000001,2026-01-15\n');
    const r = leadaudit(['audit', 'contacts.csv', ...args(name), '--out-dir', join(copy, 'out')], { cwd: copy });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('leadaudit: reassigned.csv:1: the header lacks the required column disconnected_at (columns: Номер, Когда); name it with --map reassigned.disconnected_at=COLUMN\n');
    const misdated = leadaudit(['audit', 'contacts.csv', '--consent', 'consent.csv', '--list-date', 'reassigned=2026-10-25', '--out-dir', join(copy, 'o2')], { cwd: copy });
    expect(misdated.status).toBe(2);
    expect(misdated.stderr).toContain('--list-date reassigned=DATE dates the --reassigned list, and none was given');
  });
});

describe('--line-types (item 3)', () => {
  const name = 'line-types-us-tcpa-auto';
  const withoutLookup = () => args(name).filter((a, i, all) => a !== '--line-types' && all[i - 1] !== '--line-types');

  it('under us-tcpa, an auto run without line types warns in the summary and report.json, and every number needs consent', () => {
    const out = join(work, 'no-lookup');
    const r = audit(name, out, [], withoutLookup());
    expect(r.status).toBe(0);
    const report = json(join(out, 'report.json'));
    expect(report.warnings).toEqual([{ code: 'line_types_missing', detail: expect.stringContaining('every auto call needs consent, landlines too') }]);
    expect(r.stderr).toContain('warning: no --line-types: libphonenumber can\'t tell this region\'s mobile numbers from landlines');
    expect(verdicts(out)['1']).toBe('CONSENT_MISSING');
  });

  it('with them, an autodialled call to a landline needs no consent; a prerecorded one does', () => {
    const auto = join(work, 'lookup-auto');
    expect(audit(name, auto).status).toBe(0);
    expect(json(join(auto, 'report.json')).warnings).toEqual([]);
    const row1 = trail(auto).find((t) => t.row.id === '1');
    expect(row1.phone).toMatchObject({ type: 'FIXED_LINE', type_source: 'line-types' });
    expect(row1.consent.required).toBe(false);
    const told = leadaudit(['explain', auto, '--id', '1']).stdout;
    expect(told).toContain('Type                FIXED_LINE (from the --line-types file)');
    expect(told).toContain('Consent is not required for this number: the --line-types file gives it as a landline');
    // A mobile in the same run needs it: per number, not per run.
    expect(trail(auto).find((t) => t.row.id === '2').consent.required).toBe(true);
    const prerecorded = join(work, 'lookup-prerecorded');
    expect(audit(name, prerecorded, [], args(name).map((a) => (a === 'auto' ? 'prerecorded' : a))).status).toBe(0);
    expect(verdicts(prerecorded)['1']).toBe('CONSENT_MISSING');
  });

  it('an SMS run under us-tcpa without line types warns too; ru-152fz never does', () => {
    const sms = join(work, 'sms-no-lookup');
    const argv = readFileSync(join(FIXTURES, 'line-types-sms', 'args'), 'utf8').split(/\s+/).filter(Boolean);
    const r = leadaudit(['audit', 'contacts.csv', ...argv.slice(0, argv.indexOf('--line-types')), '--out-dir', sms, '--quiet'], { cwd: join(FIXTURES, 'line-types-sms') });
    expect(r.status).toBe(0);
    expect(json(join(sms, 'report.json')).warnings.map((w: { code: string }) => w.code)).toEqual(['line_types_missing']);
    const ru = join(work, 'ru-sms');
    expect(leadaudit(['audit', 'contacts.csv', ...args('code-phone-type-sms'), '--out-dir', ru, '--quiet'], { cwd: join(FIXTURES, 'code-phone-type-sms') }).status).toBe(0);
    expect(json(join(ru, 'report.json')).warnings).toEqual([]);
  });
});
