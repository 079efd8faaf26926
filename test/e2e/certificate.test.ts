/**
 * The scrub certificate through the real binary (issue #14): `audit --certificate` and
 * `leadaudit certificate` make the same bytes from the same report.json; `verify` makes it again
 * and compares; a certificate left from an earlier run goes. The page itself is tested in the
 * browser (test/browser/certificate.test.ts).
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ROOT, leadaudit } from '../helpers/exec.js';

const DEMO = join(ROOT, 'fixtures', 'demo');
let work: string;
let out: string;
const audit = (dir: string, ...extra: string[]) => leadaudit(['audit', join(DEMO, 'contacts.csv'), '--as-of', '2026-11-01', '--consent', join(DEMO, 'consent.csv'),
  '--notice', join(DEMO, 'notice.json'), '--out-dir', dir, '--quiet', ...extra]);
const last = (stdout: string) => stdout.trimEnd().split('\n').at(-1);

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'leadaudit-certificate-'));
  out = join(work, 'out');
  const r = audit(out, '--certificate');
  expect(r.status, r.stderr).toBe(0);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the certificate', () => {
  it('is written by audit --certificate, not listed in report.json, and names report.json by its hash', () => {
    const html = readFileSync(join(out, 'certificate.html'), 'utf8');
    const bytes = readFileSync(join(out, 'report.json'));
    const report = JSON.parse(bytes.toString('utf8'));
    expect(Object.keys(report.outputs)).not.toContain('certificate');
    expect(JSON.stringify(report)).not.toContain('certificate.html');
    expect(html).toContain(`<meta name="leadaudit-report-sha256" content="${createHash('sha256').update(bytes).digest('hex')}">`);
    expect(html).not.toMatch(/<script|<link|<img|url\(|@import/i);
  });

  it('leadaudit certificate makes the same bytes later, in the out-dir or where --out says', () => {
    const again = join(work, 'again.html');
    const r = leadaudit(['certificate', out, '--out', again]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`wrote ${again}`);
    expect(r.stderr).toContain('the report is not signed');
    expect(readFileSync(again)).toEqual(readFileSync(join(out, 'certificate.html')));
  });

  it('verify makes it again and compares: a changed certificate fails, as does one for another report', () => {
    const ok = leadaudit(['verify', out]);
    expect(ok.status, ok.stdout).toBe(0);
    expect(ok.stdout).toMatch(/^matches +output +certificate +.*certificate\.html \(made again from report\.json: the same\)$/m);

    const edited = join(work, 'edited');
    cpSync(out, edited, { recursive: true });
    const file = join(edited, 'certificate.html');
    writeFileSync(file, readFileSync(file, 'utf8').replace('data-total="rejected">', 'data-total="rejected">1'));
    const r = leadaudit(['verify', edited]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^DIFFERS +output +certificate +.* \(not what report\.json makes\)$/m);
    expect(last(r.stdout)).toBe('verify: FAILED: 1 file differs from report.json');

    // A certificate of an earlier run, put back after a later run replaced report.json.
    const other = join(work, 'other');
    expect(audit(other, '--as-of', '2026-11-02').status).toBe(0);
    cpSync(join(out, 'certificate.html'), join(other, 'certificate.html'));
    expect(leadaudit(['verify', other]).stdout).toMatch(/^DIFFERS +output +certificate /m);
  });

  it('one made by another version is not taken on trust: verify says which version can check it (exit 1)', () => {
    const dir = join(work, 'old-version');
    cpSync(out, dir, { recursive: true });
    const file = join(dir, 'certificate.html');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/<meta name="generator" content="leadaudit [^"]+">/, '<meta name="generator" content="leadaudit 0.0.9">'));
    const r = leadaudit(['verify', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^UNCHECKED +output +certificate +.* \(made by leadaudit 0\.0\.9, this is \d+\.\d+\.\d+: npx leadaudit@0\.0\.9 verify checks it\)$/m);
    expect(last(r.stdout)).toBe('verify: FAILED: 1 output could not be checked');
  });

  it('a later run without --certificate removes the one that certified the report it replaced', () => {
    const dir = join(work, 'rerun');
    cpSync(out, dir, { recursive: true });
    expect(audit(dir).status).toBe(0);
    expect(existsSync(join(dir, 'certificate.html'))).toBe(false);
  });

  it('is exit 2 with one line for a folder without report.json, or with one that is not an audit\'s', () => {
    const none = leadaudit(['certificate', join(work, 'nowhere')]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/nowhere: no such folder/);
    const dir = join(work, 'not-an-audit');
    cpSync(out, dir, { recursive: true });
    writeFileSync(join(dir, 'report.json'), '{"tool":{"name":"something else"}}\n');
    const r = leadaudit(['certificate', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/report\.json: not the report\.json of a leadaudit audit$/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
