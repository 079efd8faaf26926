/**
 * Every fixture case, end to end through the real binary: exit code, the hand-written verdicts of
 * expected.tsv, audit_line, that every row lands in exactly one output, the report's totals and
 * hashes, and the byte-exact golden files in expected/.
 */
import { describe, expect, it, afterAll } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parse } from 'csv-parse/sync';
import { listCases, runCase } from '../helpers/fixture-case.js';
import { goldenView } from '../../scripts/golden-view.mjs';

const work = mkdtempSync(join(tmpdir(), 'leadaudit-e2e-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Reads an output with csv-parse: an independent reader checks our writer too. */
function table(file: string): Record<string, string>[] {
  return parse(readFileSync(file), { columns: true, bom: true, relax_column_count: false }) as Record<string, string>[];
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe.each(listCases())('fixture $name', (c) => {
  const out = join(work, c.name);
  const r = runCase(c, out, ['--json', '--trail']);

  it(`exits ${c.exit}`, () => {
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.status, r.stderr).toBe(c.exit);
  });

  if (c.exit === 2) {
    it('prints one line naming the problem, nothing on stdout, and writes nothing', () => {
      expect(r.stdout).toBe('');
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^leadaudit: /);
      if (c.error) expect(r.stderr).toContain(c.error);
      expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    });
    return;
  }

  it('puts every row in exactly one output, with the expected verdict', () => {
    const clean = table(join(out, 'clean.csv'));
    const rejects = table(join(out, 'rejects.csv'));
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    const got = new Map<string, string>();
    for (const row of clean) {
      expect(got.has(row.id!), `id ${row.id} twice`).toBe(false);
      got.set(row.id!, 'CLEAN');
      if ('email_normalized' in row) {
        // An email run (issue #15): the key is the address, lower-cased with its domain in ASCII, and
        // no phone that was not audited reaches a clean row.
        expect(row.email_normalized).toMatch(/^[^@\s]+@[a-z0-9.-]+$/);
        expect(row.email_normalized).toBe(row.email_normalized!.toLowerCase());
        expect(row.phone_e164).toBe('');
        for (const name of report.inputs.contacts.phone_columns) expect(row[name], name).toBe('');
      } else {
        expect(row.phone_e164).toMatch(/^\+[1-9]\d{6,14}$/);
      }
      // A clean row names the consent that covers it, unless the policy needed none (PECR screened
      // calls; a landline by --line-types, issue #14: the trail holds each row to it below).
      if (report.campaign.consent_required && report.campaign.consent_required_landline) expect(row.consent_id).not.toBe('');
    }
    for (const row of rejects) {
      expect(got.has(row.id!), `id ${row.id} twice`).toBe(false);
      got.set(row.id!, row.audit_reasons!.split('|').sort().join('|'));
      expect(row.audit_line).toMatch(/^\d+$/);
      expect(row.audit_details).not.toBe('');
    }
    if (c.expected) expect(Object.fromEntries(got)).toEqual(Object.fromEntries(c.expected));
    if (c.lines) {
      const byId = new Map(rejects.map((row) => [row.id!, row.audit_line!]));
      for (const [id, line] of c.lines) expect(byId.get(id), `audit_line of id ${id}`).toBe(line);
    }
  });

  it('reports totals and hashes that match the files, and --json prints report.json', () => {
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(JSON.parse(r.stdout)).toEqual(report);
    const t = report.totals;
    expect(t.rows).toBe(t.clean + t.rejected);
    expect(t.rows).toBe(c.expected?.size ?? t.rows);
    expect(report.outputs.clean.sha256).toBe(sha256(join(out, 'clean.csv')));
    expect(report.outputs.rejects.sha256).toBe(sha256(join(out, 'rejects.csv')));
    if (!c.stdin) expect(report.inputs.contacts.sha256).toBe(sha256(join(c.dir, 'contacts.csv')));
    expect(report.gate.passed).toBe(c.exit === 0);
  });

  it('writes a trail whose every line agrees with the verdict in clean.csv or rejects.csv', () => {
    const [header, ...trail] = readFileSync(join(out, 'trail.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    // The header once, then every row's cells by position, as clean.csv carries them through.
    const [cleanHeader, ...cleanCells] = parse(readFileSync(join(out, 'clean.csv'))) as string[][];
    expect(header.columns).toEqual(cleanHeader!.slice(0, header.columns.length));
    const rejects = new Map(table(join(out, 'rejects.csv')).map((row) => [row.audit_line!, row]));
    const clean = table(join(out, 'clean.csv'));
    expect(trail).toHaveLength(clean.length + rejects.size);
    expect(trail.map((t) => t.line)).toEqual([...trail.map((t) => t.line)].sort((a, b) => a - b));
    let cleanIndex = 0;
    for (const t of trail) {
      if (t.verdict === 'clean') {
        const cells = cleanCells[cleanIndex]!;
        const row = clean[cleanIndex++]!;
        expect(t.reasons).toEqual([]);
        if (t.email) {
          // An email run (issue #15): the trail holds the address, and no phone was judged.
          expect(t.phone).toBeNull();
          expect(t.email.normalized).toBe(row.email_normalized);
        } else {
          expect(t.phone.e164).toBe(row.phone_e164);
        }
        expect(t.consent.covering ?? '').toBe(row.consent_id);
        // Where this number needed consent, a record covers it (issue #14: per number, by its line type).
        if (t.consent.required) expect(t.consent.covering).not.toBeNull();
        // Phone cells in clean.csv keep only the numbers that passed (issue #11): the others as read.
        const keep = (_: unknown, i: number) => !header.phone_columns.includes(i);
        expect(t.cells.filter(keep)).toEqual(cells.slice(0, header.columns.length).filter(keep));
      } else {
        const row = rejects.get(String(t.line))!;
        expect(row, `line ${t.line}`).toBeDefined();
        expect(t.reasons.join('|')).toBe(row.audit_reasons);
      }
    }
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.outputs.trail.sha256).toBe(sha256(join(out, 'trail.jsonl')));
    expect(report.outputs.html.sha256).toBe(sha256(join(out, 'report.html')));
  });

  it('matches the golden files byte for byte', () => {
    const golden = join(c.dir, 'expected');
    expect(existsSync(golden), 'run npm run fixtures:golden and review the diff').toBe(true);
    expect(readFileSync(join(out, 'clean.csv'), 'utf8')).toBe(readFileSync(join(golden, 'clean.csv'), 'utf8'));
    expect(readFileSync(join(out, 'rejects.csv'), 'utf8')).toBe(readFileSync(join(golden, 'rejects.csv'), 'utf8'));
    // --export files (issue #15): the same set as the goldens, byte for byte.
    const exports = (dir: string) => readdirSync(dir).filter((n) => /^export-.*\.csv$/.test(n)).sort();
    expect(exports(out)).toEqual(exports(golden));
    for (const f of exports(golden)) expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join(golden, f), 'utf8'));
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(goldenView(report)).toEqual(JSON.parse(readFileSync(join(golden, 'totals.json'), 'utf8')));
  });
});
