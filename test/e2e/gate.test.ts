/**
 * Gates that say why (issue #14), through the real binary: the one line a failed gate prints under
 * --quiet, report.json's conditions, --fail-on, and a missing required list rejecting every row.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parse } from 'csv-parse/sync';
import { ROOT, leadaudit } from '../helpers/exec.js';

const DEMO = join(ROOT, 'fixtures', 'demo');
const demo = (out: string, ...extra: string[]) => [
  'audit', join(DEMO, 'contacts.csv'), '--as-of', '2026-11-01', '--consent', join(DEMO, 'consent.csv'),
  '--consent', join(DEMO, 'consent-web.jsonl'), '--notice', join(DEMO, 'notice.json'), '--suppress', join(DEMO, 'suppress.txt'),
  '--reassigned', join(DEMO, 'reassigned.csv'), '--list-date', 'reassigned=2026-10-28',
  '--out-dir', out, ...extra,
];
let work: string;
beforeAll(() => { work = mkdtempSync(join(tmpdir(), 'leadaudit-gate-')); });
afterAll(() => rmSync(work, { recursive: true, force: true }));
const report = (out: string) => JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));

describe('a failed gate under --quiet', () => {
  it('prints exactly one line on stderr saying why, and stdout stays exactly report.json', () => {
    const out = join(work, 'quiet');
    const r = leadaudit(demo(out, '--max-reject-rate', '0.05', '--quiet', '--json'));
    expect(r.status).toBe(1);
    // 25 of 34 rows are rejected in the demo: 73.53%.
    expect(r.stderr).toBe('leadaudit: gate failed: 73.5% rejected > 5% (--max-reject-rate)\n');
    expect(r.stdout).toBe(readFileSync(join(out, 'report.json'), 'utf8'));
  });

  it('puts every failed condition on that one line, in the order they were set', () => {
    const r = leadaudit(demo(join(work, 'quiet-all'), '--max-reject-rate', '0.5', '--fail-on-reject', '--fail-on', 'DUPLICATE,CONSENT_UNPROVEN,SOURCE_BLOCKED', '--quiet'));
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('leadaudit: gate failed: 73.5% rejected > 50% (--max-reject-rate); 25 rows rejected (--fail-on-reject); 2 rows with DUPLICATE, 2 with CONSENT_UNPROVEN (--fail-on)\n');
  });

  it('prints nothing when the gate passes', () => {
    const r = leadaudit(demo(join(work, 'quiet-pass'), '--max-reject-rate', '0.8', '--fail-on', 'SOURCE_BLOCKED', '--quiet'));
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe("report.json's gate", () => {
  it('lists each condition with its result, and keeps passed, failures and reject_rate', () => {
    const out = join(work, 'conditions');
    const r = leadaudit(demo(out, '--max-reject-rate', '0.8', '--fail-on', 'suppressed', '--quiet'));
    expect(r.status).toBe(1);
    const g = report(out).gate;
    expect(g).toEqual({
      passed: false,
      reject_rate: 25 / 34,
      max_reject_rate: 0.8,
      fail_on: ['SUPPRESSED'],
      conditions: [
        { condition: 'max_reject_rate', set_by: '--max-reject-rate', limit: 0.8, reject_rate: 25 / 34, passed: true },
        { condition: 'fail_on', set_by: '--fail-on', codes: ['SUPPRESSED'], rows: { SUPPRESSED: 2 }, passed: false },
      ],
      failures: ['2 rows with SUPPRESSED (--fail-on)'],
    });
  });

  it('with no gate set: no conditions, and the summary, report.html and JUnit say "none", not passed', () => {
    const out = join(work, 'none');
    const r = leadaudit(demo(out, '--junit', join(work, 'none.xml')));
    expect(r.status).toBe(0);
    expect(report(out).gate).toEqual({ passed: true, reject_rate: 25 / 34, conditions: [], failures: [] });
    expect(r.stderr).toMatch(/^gate: none set$/m);
    expect(readFileSync(join(work, 'none.xml'), 'utf8')).toContain('<property name="gate" value="none"/>');
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('data-state="none"');
    expect(html).toContain('No gate set');
  });

  it('the summary of a passed gate names each condition it met', () => {
    const r = leadaudit(demo(join(work, 'passed'), '--max-reject-rate', '0.8'));
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^gate: passed: 73\.5% rejected <= 80% \(--max-reject-rate\)$/m);
  });
});

describe('a required suppression list that is missing', () => {
  it('rejects every row with LIST_STALE naming it (a malformed record keeps its one code), and fails the gate', () => {
    const out = join(work, 'us-tcpa');
    const r = leadaudit(['audit', join(DEMO, 'contacts.csv'), '--as-of', '2026-11-01', '--consent', join(DEMO, 'consent.csv'),
      '--policy', 'us-tcpa', '--out-dir', out, '--quiet']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('leadaudit: gate failed: required list national-dnc missing (policy us-tcpa)\n');
    expect(readFileSync(join(out, 'clean.csv'), 'utf8').trim().split('\n')).toHaveLength(1);
    const rejects = parse(readFileSync(join(out, 'rejects.csv')), { columns: true, bom: true }) as Record<string, string>[];
    expect(rejects).toHaveLength(34);
    for (const row of rejects) {
      const codes = row.audit_reasons!.split('|');
      if (codes.includes('ROW_MALFORMED')) {
        expect(codes).toEqual(['ROW_MALFORMED']);
        continue;
      }
      expect(codes.at(-1)).toBe('LIST_STALE');
      expect(row.audit_details).toContain('LIST_STALE: the policy requires the suppression list national-dnc, and none was given');
    }
    const rep = report(out);
    expect(rep.reasons.LIST_STALE).toBe(33);
    expect(rep.run_findings).toEqual([{ code: 'LIST_STALE', list: 'national-dnc', detail: 'LIST_STALE: the policy requires the suppression list national-dnc, and none was given' }]);
    expect(rep.gate.conditions).toEqual([{ condition: 'required_list', set_by: 'policy', list: 'national-dnc', max_age_days: 31, date: null, state: 'missing', passed: false }]);
  });
});
