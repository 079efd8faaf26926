/**
 * The out-dir through the real binary (issue #12 items 6, 7, 8, 15): a commit that can't finish is
 * exit 2 with one line and the previous run intact; two runs at once never mix their files; the
 * out-dir may be a symlink the user made; dead runs' temporaries and a failed run's folders go.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT, leadaudit } from '../helpers/exec.js';

const DEMO = join(ROOT, 'fixtures', 'demo');
const demoArgs = (out: string, extra: string[] = []) => [
  'audit', join(DEMO, 'contacts.csv'), '--as-of', '2026-11-01', '--consent', join(DEMO, 'consent.csv'),
  '--notice', join(DEMO, 'notice.json'), '--out-dir', out, '--quiet', ...extra,
];
const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

let work: string;
beforeAll(() => { work = mkdtempSync(join(tmpdir(), 'leadaudit-outdir-')); });
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the commit (item 7)', () => {
  it('report.html made a non-empty folder: exit 2 with one line, the previous run untouched', () => {
    const out = join(work, 'folder-in-place');
    expect(leadaudit(demoArgs(out, ['--trail'])).status).toBe(0);
    rmSync(join(out, 'report.html'));
    mkdirSync(join(out, 'report.html'));
    writeFileSync(join(out, 'report.html', 'index.html'), 'mine');
    const files = ['clean.csv', 'rejects.csv', 'report.json', 'trail.jsonl'];
    const before = Object.fromEntries(files.map((f) => [f, readFileSync(join(out, f), 'utf8')]));
    const r = leadaudit(demoArgs(out, ['--as-of', '2026-11-02']));
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`leadaudit: ${join(out, 'report.html')}: there is a folder in its place; move it away\n`);
    expect(r.stdout).toBe('');
    expect(Object.fromEntries(files.map((f) => [f, readFileSync(join(out, f), 'utf8')]))).toEqual(before);
    expect(readdirSync(out).sort()).toEqual([...files, 'report.html'].sort());
    // The old run's files still match its report; only report.html is now the user's folder.
    const verify = leadaudit(['verify', out]);
    expect(verify.stdout.split('\n').filter((l) => /^(MISSING|DIFFERS)/.test(l))).toEqual([`MISSING     output    html             ${join(out, 'report.html')} (not a regular file)`]);
  });
});

describe('the out-dir lock (item 6)', () => {
  it('a run holding the out-dir: the second run is exit 2 and says whose it is', () => {
    const out = join(work, 'held');
    expect(leadaudit(demoArgs(out)).status).toBe(0);
    const before = snapshot(out);
    // This test's own process holds it: a live pid on this host.
    writeFileSync(join(out, '.leadaudit.lock'), JSON.stringify({ pid: process.pid, host: hostname(), started: '2026-12-01T10:00:00.000Z', token: 't' }));
    const r = leadaudit(demoArgs(out));
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`leadaudit: --out-dir ${out}: another leadaudit run (pid ${process.pid} on ${hostname()}, since 2026-12-01T10:00:00.000Z) is writing there; wait for it to end or choose another --out-dir (if no run is going, remove ${join(out, '.leadaudit.lock')})\n`);
    expect(snapshot(out)).toEqual({ ...before, '.leadaudit.lock': readFileSync(join(out, '.leadaudit.lock'), 'utf8') });
  });

  it("a dead run's lock is taken over", () => {
    const out = join(work, 'dead-lock');
    mkdirSync(out);
    writeFileSync(join(out, '.leadaudit.lock'), JSON.stringify({ pid: deadPid(), host: hostname(), started: '2026-12-01T10:00:00.000Z', token: 't' }));
    const r = leadaudit(demoArgs(out));
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['clean.csv', 'rejects.csv', 'report.html', 'report.json']);
  });

  it('two runs into one out-dir at once never leave files of both: each pair, every file matches report.json', async () => {
    const out = join(work, 'race');
    for (let round = 0; round < 6; round++) {
      // Different as-of dates: the two runs' files differ, so a mix would show in verify.
      const runs = ['2026-11-01', '2026-11-02'].map((asOf, k) => {
        const child = spawn(process.execPath, [BIN, ...demoArgs(out, ['--as-of', asOf, ...(k ? ['--trail'] : [])])], { env: { ...process.env, NO_COLOR: '1' } });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => { stderr += d; });
        return once(child, 'exit').then(([code]) => ({ code: code as number, stderr }));
      });
      const results = await Promise.all(runs);
      for (const r of results) {
        expect([0, 2], r.stderr).toContain(r.code);
        if (r.code === 2) expect(r.stderr).toMatch(/another leadaudit run \(pid \d+/);
      }
      expect(results.some((r) => r.code === 0)).toBe(true);
      const verify = leadaudit(['verify', out]);
      expect(verify.status, verify.stdout).toBe(0);
      const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
      // Only the run that wrote report.json left its files: trail.jsonl exactly when it had --trail.
      expect(existsSync(join(out, 'trail.jsonl'))).toBe(report.outputs.trail !== undefined);
      expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
    }
  });
});

describe('symlinks and leftovers (items 8, 15)', () => {
  it('the out-dir may be a symlink the user made: the files land where it points', () => {
    const real = join(work, 'real-out');
    mkdirSync(real);
    const link = join(work, 'link-out');
    symlinkSync(real, link);
    const r = leadaudit(demoArgs(link));
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(real).sort()).toEqual(['clean.csv', 'rejects.csv', 'report.html', 'report.json']);
  });

  it("a later run removes the temporaries of runs killed before they could (kill -9)", () => {
    const out = join(work, 'killed');
    expect(leadaudit(demoArgs(out)).status).toBe(0);
    const dead = deadPid();
    const left = [`.clean.csv.${dead}.tmp`, `.rejects.csv.${dead}.tmp`, `.leadaudit-${dead}-0123456789ab.trail.jsonl.tmp`];
    for (const f of left) writeFileSync(join(out, f), 'z'.repeat(100_000));
    expect(leadaudit(demoArgs(out)).status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['clean.csv', 'rejects.csv', 'report.html', 'report.json']);
  });

  it('a failed run removes the folders it created, parents included', () => {
    const top = join(work, 'made');
    const bad = join(work, 'late-bad.csv');
    // The failure comes once the outputs are open: a bad UTF-8 byte deep in the list.
    const rows = Array.from({ length: 20000 }, (_, i) => `${i},+7 916 ${String(1000000 + i).slice(1, 4)}-${String(i % 100).padStart(2, '0')}-11`);
    writeFileSync(bad, Buffer.concat([Buffer.from(`id,phone\n0,Анна\n${rows.join('\n')}\n`), Buffer.from([0x31, 0x2c, 0xff, 0xfe, 0x0a])]));
    const r = leadaudit(['audit', bad, '--consent', join(DEMO, 'consent.csv'), '--out-dir', join(top, 'a', 'b', 'out')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('not valid UTF-8');
    expect(existsSync(top)).toBe(false);
  });
});
