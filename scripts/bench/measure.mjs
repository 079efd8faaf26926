/**
 * Runs one child process and measures it (issue #16 item 6): wall time (taken around the child,
 * Node's start-up included), user + system CPU time and peak RSS (GNU time's `%U %S %M`, or the
 * --import hook where /usr/bin/time does not work), and the 1-minute load average sampled just
 * before and just after.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TIME_FORMAT, parseTimeOutput } from './stats.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '../..');
export const CLI = join(ROOT, 'bin/leadaudit.js');
const HOOK = pathToFileURL(join(HERE, 'maxrss-hook.mjs')).href;
export const TIME = '/usr/bin/time';

/** A path as people should read it: relative to the project when inside it. */
export function rel(p) {
  const r = relative(ROOT, p);
  return r.startsWith('..') ? p : r;
}

/** A command line as people can paste it (project paths made relative). */
export function showCommand(args) {
  return ['node', ...args.map((a) => {
    const r = a.startsWith(`${ROOT}/`) ? rel(a) : a;
    return /[\s"']/.test(r) ? JSON.stringify(r) : r;
  })].join(' ');
}

export const load1 = () => loadavg()[0];

/** Peak RSS and CPU time come from GNU time when it works here, else from the --import hook. */
export function rssMethod(forced) {
  if (forced === 'hook') return 'hook';
  const probe = spawnSync(TIME, ['-f', TIME_FORMAT, process.execPath, '-e', '0'], { encoding: 'utf8' });
  const ok = probe.status === 0 && parseTimeOutput(probe.stderr ?? '') !== undefined;
  if (forced === 'time' && !ok) throw new Error(`${TIME} -f '${TIME_FORMAT}' does not work here`);
  return ok ? 'time' : 'hook';
}

/**
 * Runs `node <args>`; resolves to { code, seconds, cpuSeconds, rssKiB, load: { before, after },
 * stdout, stderr }. `method` is rssMethod()'s answer.
 */
export async function runNode(args, { method, cwd = ROOT, env = process.env } = {}) {
  const tmp = await mkdtemp(join(tmpdir(), 'leadaudit-measure-'));
  const file = join(tmp, 'time');
  try {
    const [cmd, argv, childEnv] = method === 'time'
      ? [TIME, ['-f', TIME_FORMAT, '-o', file, process.execPath, ...args], env]
      : [process.execPath, ['--import', HOOK, ...args], { ...env, BENCH_MAXRSS_FILE: file }];
    const before = load1();
    const started = performance.now();
    const child = spawn(cmd, argv, { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => { if (stdout.length < 1 << 20) stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d) => { if (stderr.length < 64_000) stderr += d; });
    const code = await new Promise((res, rej) => { child.on('error', rej); child.on('close', (c, sig) => res(c ?? sig)); });
    const seconds = (performance.now() - started) / 1000;
    const after = load1();
    let timed;
    try { timed = parseTimeOutput(readFileSync(file, 'utf8')); } catch { /* reported as NaN */ }
    return {
      code, seconds, cpuSeconds: timed?.cpuSeconds ?? NaN, rssKiB: timed?.rssKiB ?? NaN,
      load: { before, after }, stdout, stderr,
    };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** The last line of a child's standard output, as JSON. */
export function lastJson(stdout) {
  return JSON.parse(stdout.trim().split('\n').pop());
}

/** Reads a file once so that the first timed run doesn't pay for the disk. */
export async function warmCache(path) {
  for await (const _ of createReadStream(path, { highWaterMark: 1 << 20 })) { /* read */ }
}

/** A temporary directory for the duration of `fn`. */
export async function withTmp(prefix, fn) {
  const tmp = await mkdtemp(join(tmpdir(), prefix));
  try {
    return await fn(tmp);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
