/**
 * Evidence a lawyer can check: `verify` after tampering with each output and with an input, and the
 * JUnit file parsed back.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, unlinkSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ROOT, leadaudit } from '../helpers/exec.js';

const DEMO = join(ROOT, 'fixtures', 'demo');
let work: string;
let base: string;
let inputs: string;
const junitPath = () => join(work, 'audit.junit.xml');

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'leadaudit-evidence-'));
  inputs = join(work, 'inputs');
  cpSync(DEMO, inputs, { recursive: true });
  base = join(work, 'base');
  const r = leadaudit(['audit', join(inputs, 'contacts.csv'), '--as-of', '2026-11-01', '--consent', join(inputs, 'consent.csv'),
    '--consent', join(inputs, 'consent-web.jsonl'), '--notice', join(inputs, 'notice.json'), '--suppress', `dnc=${join(inputs, 'suppress.txt')}`, '--reassigned', join(inputs, 'reassigned.csv'),
    '--list-date', 'dnc=2026-10-30', '--out-dir', base, '--trail', '--junit', junitPath(), '--quiet']);
  expect(r.status, r.stderr).toBe(0);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function flipByte(file: string, at = 10): void {
  const b = readFileSync(file);
  b[at] = b[at]! ^ 0x01;
  writeFileSync(file, b);
}

describe('leadaudit verify', () => {
  it('passes an untouched audit, listing every input and output', () => {
    const r = leadaudit(['verify', base]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    for (const label of ['contacts', 'consent:1', 'consent:2', 'notice', 'suppress:dnc', 'clean', 'rejects', 'trail', 'html', 'junit']) {
      expect(r.stdout).toMatch(new RegExp(`^matches +(input|output) +${label} `, 'm'));
    }
    expect(r.stdout).not.toMatch(/DIFFERS|MISSING/);
    expect(r.stdout).toMatch(/^none +signature +report\.sig +\(no report\.sig\)$/m);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('verify: passed: every input and output matches report.json (not signed)');
  });

  it.each(['clean.csv', 'rejects.csv', 'trail.jsonl', 'report.html'])('finds one flipped byte in %s', (name) => {
    const dir = join(work, `tamper-${name}`);
    cpSync(base, dir, { recursive: true });
    flipByte(join(dir, name));
    const r = leadaudit(['verify', dir]);
    expect(r.status).toBe(1);
    const differs = r.stdout.split('\n').filter((l) => l.startsWith('DIFFERS'));
    expect(differs).toHaveLength(1);
    expect(differs[0]).toContain(join(dir, name));
  });

  it('finds a flipped byte in the JUnit file and in an input, and a deleted output', () => {
    const junitCopy = readFileSync(junitPath());
    flipByte(junitPath());
    let r = leadaudit(['verify', base]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^DIFFERS +output +junit/m);
    writeFileSync(junitPath(), junitCopy);

    const consent = join(inputs, 'consent.csv');
    const original = readFileSync(consent);
    flipByte(consent, 40);
    r = leadaudit(['verify', base]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^DIFFERS +input +consent:1 +${consent.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    writeFileSync(consent, original);

    const dir = join(work, 'deleted');
    cpSync(base, dir, { recursive: true });
    unlinkSync(join(dir, 'rejects.csv'));
    r = leadaudit(['verify', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^MISSING +output +rejects/m);
  });

  it('exit 2 when the out-dir has no readable report.json', () => {
    expect(leadaudit(['verify', join(work, 'nowhere')]).status).toBe(2);
    const dir = join(work, 'broken-report');
    cpSync(base, dir, { recursive: true });
    writeFileSync(join(dir, 'report.json'), '{ not json');
    const r = leadaudit(['verify', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/report\.json: cannot be read/);
  });

  it('reads only regular files: a report naming /dev/zero or a FIFO finishes, calling them unreachable (issue #12 item 15)', () => {
    const dir = join(work, 'devices');
    cpSync(base, dir, { recursive: true });
    const fifo = join(work, 'verify.fifo');
    execFileSync('mkfifo', [fifo]);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    report.inputs.contacts.path = '/dev/zero';
    report.inputs.consent[0].path = fifo;
    report.outputs.junit.path = '/dev/zero';
    writeFileSync(join(dir, 'report.json'), JSON.stringify(report));
    const r = leadaudit(['verify', dir], { timeout: 30_000 });
    expect(r.signal).toBe(null);
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^UNREACHABLE +input +contacts +\/dev\/zero \(not a regular file\)$/m);
    expect(r.stdout).toMatch(new RegExp(`^UNREACHABLE +input +consent:1 +${fifo.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(not a regular file\\)$`, 'm'));
    expect(r.stdout).toMatch(/^MISSING +output +junit +\/dev\/zero \(not a regular file\)$/m);
    expect(r.stdout).toMatch(/^matches +output +clean /m);
    // report.json itself: a FIFO in its place is not read.
    const fifoDir = join(work, 'fifo-report');
    cpSync(base, fifoDir, { recursive: true });
    rmSync(join(fifoDir, 'report.json'));
    execFileSync('mkfifo', [join(fifoDir, 'report.json')]);
    const f = leadaudit(['verify', fifoDir], { timeout: 30_000 });
    expect(f.signal).toBe(null);
    expect(f.status).toBe(2);
    expect(f.stderr).toBe(`leadaudit: ${join(fifoDir, 'report.json')}: cannot be read: not a regular file\n`);
  });
});

describe('--junit', () => {
  it('writes valid JUnit XML: one test case per reason code, failing with the rows and first lines', () => {
    const xml = readFileSync(junitPath(), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    const suite = doc.testsuites.testsuite;
    const cases = suite.testcase as { name: string; failure?: { message: string; type: string; '#text': string } }[];
    const report = JSON.parse(readFileSync(join(base, 'report.json'), 'utf8'));
    const failing = cases.filter((c) => c.failure);
    expect(Number(suite.failures)).toBe(failing.length);
    expect(Number(suite.tests)).toBe(cases.length);
    expect(failing.map((c) => c.failure!.type).sort()).toEqual(Object.keys(report.reasons).sort());
    for (const c of failing) {
      const n = report.reasons[c.failure!.type];
      expect(c.failure!.message).toMatch(new RegExp(`^${n} rows? rejected; first on lines? \\d+`));
    }
    const dup = failing.find((c) => c.failure!.type === 'DUPLICATE')!;
    expect(dup.failure!['#text']).toContain('What to do:');
    expect(dup.failure!['#text']).toContain('Law: 152-FZ Art. 5 part 5');
    // ru-152fz does not apply retention: no test case for it.
    expect(cases.some((c) => c.name.startsWith('NOTICE_RETENTION_MISSING'))).toBe(false);
    expect(readdirSync(work).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('fails the LIST_STALE test case when a required list is missing', () => {
    const out = join(work, 'us');
    const junit = join(work, 'us.xml');
    const r = leadaudit(['audit', join(inputs, 'contacts.csv'), '--as-of', '2026-11-01', '--consent', join(inputs, 'consent.csv'), '--policy', 'us-tcpa', '--out-dir', out, '--junit', junit, '--quiet']);
    expect(r.status).toBe(1);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(readFileSync(junit, 'utf8'));
    const stale = (doc.testsuites.testsuite.testcase as { name: string; failure?: { message: string } }[]).find((c) => c.name.startsWith('LIST_STALE'))!;
    expect(stale.failure!.message).toContain('national-dnc');
    // Every row but the malformed one is rejected with it (issue #14).
    expect(stale.failure!.message).toMatch(/; 33 rows rejected; first on lines 2, 3, /);
  });

  it('escapes a policy name with markup in it (`R&D <calls>`): the XML parses and says the name', () => {
    const policy = join(work, 'rd-policy.json');
    writeFileSync(policy, JSON.stringify({ extends: 'ru-152fz', name: 'R&D <calls> "q"' }));
    const junit = join(work, 'rd.xml');
    const r = leadaudit(['audit', join(inputs, 'contacts.csv'), '--as-of', '2026-11-01', '--consent', join(inputs, 'consent.csv'), '--policy', policy, '--out-dir', join(work, 'rd'), '--junit', junit, '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    const xml = readFileSync(junit, 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain('R&D <calls>');
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', htmlEntities: true }).parse(xml);
    const cases = doc.testsuites.testsuite.testcase as { classname: string }[];
    expect(new Set(cases.map((c) => c.classname))).toEqual(new Set(['leadaudit.R&D <calls> "q"']));
  });

  it('is exit 2 before anything is written when its folder does not exist', () => {
    const out = join(work, 'nojunit');
    const r = leadaudit(['audit', join(inputs, 'contacts.csv'), '--consent', join(inputs, 'consent.csv'), '--out-dir', out, '--junit', join(work, 'no', 'such', 'dir', 'x.xml')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--junit/);
  });
});
