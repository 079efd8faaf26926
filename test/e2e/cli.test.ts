/**
 * The command line as users and their scripts meet it: streams, colour, the out-dir's atomicity,
 * usage errors, interruption.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { BIN, ROOT, leadaudit } from '../helpers/exec.js';

const DEMO = join(ROOT, 'fixtures', 'demo');
const demoArgs = (out: string) => [
  'audit', join(DEMO, 'contacts.csv'), '--as-of', '2026-11-01',
  '--consent', join(DEMO, 'consent.csv'), '--consent', join(DEMO, 'consent-web.jsonl'),
  '--notice', join(DEMO, 'notice.json'), '--suppress', join(DEMO, 'suppress.txt'), '--reassigned', join(DEMO, 'reassigned.csv'), '--out-dir', out,
];

let work: string;
beforeAll(() => { work = mkdtempSync(join(tmpdir(), 'leadaudit-cli-')); });
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('standard streams', () => {
  it('prints the summary on stderr and nothing on stdout by default', () => {
    const r = leadaudit(demoArgs(join(work, 'plain')));
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('rows      34');
    expect(r.stderr).toMatch(/clean\s+9/);
    expect(r.stderr).toMatch(/rejected\s+25/);
    expect(r.stderr).toMatch(/NOTICE_OPERATOR_MISSING\s+10/);
    expect(r.stderr).toContain(join(work, 'plain', 'rejects.csv'));
    expect(r.stderr).toContain('gate: none set');
    // Reasons are listed largest first.
    const counts = [...r.stderr.matchAll(/^ {2}[A-Z_]+ +(\d+) /gm)].map((m) => Number(m[1]));
    expect(counts.length).toBeGreaterThan(10);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('--quiet prints nothing; --json prints exactly report.json on stdout', () => {
    const out = join(work, 'json');
    const r = leadaudit([...demoArgs(out), '--quiet', '--json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(readFileSync(join(out, 'report.json'), 'utf8'));
  });

  it('colours the summary on a terminal only, and never with NO_COLOR', () => {
    const run = (noColor: boolean) => spawnSync('script', ['-qec', [process.execPath, BIN, ...demoArgs(join(work, 'tty'))].map((a) => `'${a}'`).join(' '), '/dev/null'], {
      encoding: 'utf8',
      env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !['NO_COLOR', 'FORCE_COLOR', 'CI'].includes(k))), TERM: 'xterm-256color', ...(noColor ? { NO_COLOR: '1' } : {}) },
    });
    const coloured = run(false);
    expect(coloured.status).toBe(0);
    expect(coloured.stdout).toMatch(/\u001b\[\d+m/);
    const plain = run(true);
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain('rows');
    expect(plain.stdout).not.toMatch(/\u001b\[/);
  });

  it('never colours a summary that goes to a file or a pipe', () => {
    const r = spawnSync(process.execPath, [BIN, ...demoArgs(join(work, 'pipe'))], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/\u001b\[/);
  });
});

describe('the progress line', () => {
  const big = () => {
    const file = join(work, 'progress.csv');
    if (!existsSync(file)) {
      const lines = ['id,phone'];
      for (let i = 0; i < 200_000; i++) lines.push(`${i},+7 916 ${String(i).padStart(7, '0').replace(/^(\d{3})(\d{2})(\d{2})$/, '$1-$2-$3')}`);
      writeFileSync(file, `${lines.join('\n')}\n`);
    }
    return file;
  };
  const onTerminal = (extra: string[], env: Record<string, string> = {}) => spawnSync('script', ['-qec', [process.execPath, BIN, 'audit', big(), '--consent', join(DEMO, 'consent.csv'), '--out-dir', join(work, 'progress-out'), ...extra].map((a) => `'${a}'`).join(' '), '/dev/null'], {
    encoding: 'utf8',
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !['CI', 'NO_COLOR'].includes(k))), TERM: 'xterm', ...env },
  });

  it('shows rows, rows/s, the share of the file and the time left on a terminal, for runs over a second', () => {
    const r = onTerminal([]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\d[\d,]* rows, [\d,]+ rows\/s, \d+% of the file, [\d a-z]+ left/);
  });

  it('stays silent under --quiet, in CI, and off a terminal', () => {
    expect(onTerminal(['--quiet']).stdout).not.toMatch(/rows\/s/);
    expect(onTerminal([], { CI: 'true' }).stdout).not.toMatch(/rows\/s/);
    const piped = leadaudit(['audit', big(), '--consent', join(DEMO, 'consent.csv'), '--out-dir', join(work, 'progress-out')], { env: { CI: '' } });
    expect(piped.status).toBe(0);
    expect(piped.stderr + piped.stdout).not.toMatch(/rows\/s/);
  });
});

describe('the out-dir', () => {
  it('is created when missing and holds exactly the outputs, no temporaries', () => {
    const out = join(work, 'deep', 'er', 'out');
    const r = leadaudit(demoArgs(out));
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['clean.csv', 'rejects.csv', 'report.html', 'report.json']);
  });

  it("keeps the previous run's files untouched when a later run fails", () => {
    const out = join(work, 'keep');
    expect(leadaudit(demoArgs(out)).status).toBe(0);
    const before = Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]));
    // A run whose UTF-8 contacts file (Cyrillic up front) has invalid bytes deep inside fails while streaming.
    const bad = join(work, 'bad-utf8.csv');
    const rows = Array.from({ length: 20000 }, (_, i) => `${i},+7 916 ${String(1000000 + i).slice(1, 4)}-${String(i % 100).padStart(2, '0')}-11`);
    writeFileSync(bad, Buffer.concat([Buffer.from(`id,phone\n0,Анна\n${rows.join('\n')}\n`), Buffer.from([0x31, 0x2c, 0xff, 0xfe, 0x0a])]));
    const r = leadaudit(['audit', bad, '--consent', join(DEMO, 'consent.csv'), '--out-dir', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('bad-utf8.csv');
    expect(r.stdout).toBe('');
    const after = Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]));
    expect(after).toEqual(before);
  });

  it('is removed again when the run that created it fails', () => {
    const out = join(work, 'never');
    const r = leadaudit(['audit', join(DEMO, 'notice.json'), '--consent', join(DEMO, 'consent.csv'), '--out-dir', out]);
    expect(r.status).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it('that cannot be created is exit 2 naming it', () => {
    const file = join(work, 'a-file');
    writeFileSync(file, 'x');
    const r = leadaudit(demoArgs(join(file, 'out')));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--out-dir');
    expect(r.stderr).toContain(join(file, 'out'));
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('usage errors are exit 2 with one line and no stack trace', () => {
  const cases: [string, string[], RegExp][] = [
    ['no --consent', ['audit', join(DEMO, 'contacts.csv')], /--consent is required/],
    ['no contacts argument', ['audit'], /missing required argument/],
    ['an unknown option', ['audit', join(DEMO, 'contacts.csv'), '--consent', 'x', '--frobnicate'], /unknown option/],
    ['an unknown command', ['frobnicate'], /unknown command/],
    ['a bad --region', ['audit', join(DEMO, 'contacts.csv'), '--consent', join(DEMO, 'consent.csv'), '--region', 'XX'], /--region "XX"/],
    ['a bad --encoding', ['audit', join(DEMO, 'contacts.csv'), '--consent', join(DEMO, 'consent.csv'), '--encoding', 'koi9'], /--encoding "koi9"/],
    ['an empty --purpose', ['audit', join(DEMO, 'contacts.csv'), '--consent', join(DEMO, 'consent.csv'), '--purpose', ' '], /--purpose/],
    ['a non-number --max-reject-rate', ['audit', join(DEMO, 'contacts.csv'), '--consent', join(DEMO, 'consent.csv'), '--max-reject-rate', 'lots'], /--max-reject-rate "lots"/],
  ];
  it.each(cases)('%s', (_name, args, message) => {
    const r = leadaudit([...args, '--out-dir', join(work, 'usage')]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--help and --version exit 0', () => {
    expect(leadaudit(['--help']).status).toBe(0);
    const v = leadaudit(['--version']);
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    const help = leadaudit(['audit', '--help']);
    expect(help.status).toBe(0);
    for (const flag of ['--consent', '--notice', '--out-dir', '--policy', '--as-of', '--purpose', '--channel', '--region', '--suppress', '--phone-column', '--max-reject-rate', '--fail-on-reject', '--json', '--quiet']) {
      expect(help.stdout).toContain(flag);
    }
  });
});

describe('interruption', () => {
  it.each([['SIGINT', 130], ['SIGTERM', 143]] as const)('%s mid-run exits %i and leaves the out-dir as it was, with no temporaries', async (signal, exitCode) => {
    const dir = join(work, 'big');
    mkdirSync(dir, { recursive: true });
    const big = join(dir, 'contacts.csv');
    if (!existsSync(big)) {
      const lines = ['id,phone,source'];
      for (let i = 0; i < 300_000; i++) lines.push(`${i},+7 916 ${String(i).padStart(7, '0').replace(/^(\d{3})(\d{2})(\d{2})$/, '$1-$2-$3')},vendor`);
      writeFileSync(big, `${lines.join('\n')}\n`);
    }
    const out = join(work, `interrupted-${signal}`);
    mkdirSync(out);
    writeFileSync(join(out, 'clean.csv'), 'previous run\n');
    const child = spawn(process.execPath, [BIN, 'audit', big, '--consent', join(DEMO, 'consent.csv'), '--out-dir', out], { env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    // Wait until the run has started writing clean.csv's temporary, then interrupt it. (Not any
    // `.tmp`: the out-dir lock's own temporary lives for a moment while the lock is taken, and a
    // poll that saw it could find it gone at the next look.)
    const writing = () => readdirSync(out).some((f) => f.endsWith('.clean.csv.tmp'));
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && !writing()) await new Promise((r) => setTimeout(r, 5));
    expect(writing()).toBe(true);
    child.kill(signal);
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(code).toBe(exitCode);
    expect(stderr).toContain(signal);
    expect(readdirSync(out)).toEqual(['clean.csv']);
    expect(readFileSync(join(out, 'clean.csv'), 'utf8')).toBe('previous run\n');
  });
});
