/**
 * SIGINT and SIGTERM stop a run in every phase (issue #12 item 4): while a notice manifest, the
 * header of a consent file, a suppression list or the contact list is read from a FIFO or a pipe
 * that never ends, and while an open() waits for a FIFO no one writes to. Exit 130 / 143, one
 * line, the out-dir as it was. The deadline given to each process is for a run that never stops,
 * not a timing: nothing here measures speed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT, leadaudit } from '../helpers/exec.js';
import { audit } from '../../src/core/audit.js';
import { toSettings } from '../../src/cli/audit-command.js';
import { InterruptedError } from '../../src/errors.js';
import { constants, openSync, closeSync } from 'node:fs';

const DEMO = join(ROOT, 'fixtures', 'demo');
let work: string;
let n = 0;
beforeAll(() => { work = mkdtempSync(join(tmpdir(), 'leadaudit-signals-')); });
afterAll(() => rmSync(work, { recursive: true, force: true }));

function fifo(): string {
  const path = join(work, `f${n++}.fifo`);
  execFileSync('mkfifo', [path]);
  return path;
}

/** An out-dir holding a previous run's file, to find untouched afterwards. */
function previousOut(): string {
  const out = join(work, `out${n++}`);
  mkdirSync(out);
  writeFileSync(join(out, 'clean.csv'), 'previous run\n');
  return out;
}

function start(args: string[]): { child: ChildProcess; result: Promise<{ code: number | null; signal: string | null; stderr: string; stdout: string }> } {
  const child = spawn(process.execPath, [BIN, 'audit', ...args], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  child.stderr!.on('data', (d: Buffer) => { stderr += d; });
  child.stdout!.on('data', (d: Buffer) => { stdout += d; });
  const deadline = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const result = once(child, 'exit').then(([code, signal]) => {
    clearTimeout(deadline);
    return { code: code as number | null, signal: signal as string | null, stderr, stdout };
  });
  return { child, result };
}

/** Opens a FIFO for writing: resolves once the run has opened it for reading. */
async function writer(path: string, text: string): Promise<WriteStream> {
  const ws = createWriteStream(path);
  ws.on('error', () => {});
  await once(ws, 'open');
  ws.write(text);
  return ws;
}

function expectInterrupted(r: { code: number | null; stderr: string; stdout: string }, signal: 'SIGINT' | 'SIGTERM', out: string): void {
  expect(r.code, r.stderr).toBe(signal === 'SIGINT' ? 130 : 143);
  expect(r.stderr).toBe(`leadaudit: interrupted by ${signal}; the out-dir was left as it was\n`);
  expect(r.stdout).toBe('');
  expect(readdirSync(out)).toEqual(['clean.csv']);
  expect(readFileSync(join(out, 'clean.csv'), 'utf8')).toBe('previous run\n');
}

const consent = join(DEMO, 'consent.csv');
const contacts = join(DEMO, 'contacts.csv');

describe('interrupted while an input is read', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('%s while the header of a consent file that never ends is read (a FIFO)', async (signal) => {
    const path = fifo();
    const out = previousOut();
    const { child, result } = start([contacts, '--consent', path, '--out-dir', out]);
    const ws = await writer(path, 'phone,given_at,purposes,evidence_');
    child.kill(signal);
    const r = await result;
    ws.destroy();
    expectInterrupted(r, signal, out);
  });

  it('SIGTERM while a notice manifest is read from a FIFO', async () => {
    const path = fifo();
    const out = previousOut();
    const { child, result } = start([contacts, '--consent', consent, '--notice', path, '--out-dir', out]);
    const ws = await writer(path, '{ "purpose": "calls", ');
    child.kill('SIGTERM');
    const r = await result;
    ws.destroy();
    expectInterrupted(r, 'SIGTERM', out);
  });

  it('SIGINT while a suppression list is read from a FIFO, records already in', async () => {
    const path = fifo();
    const out = previousOut();
    const { child, result } = start([contacts, '--consent', consent, '--suppress', path, '--out-dir', out]);
    const ws = await writer(path, 'phone\n+7 916 111-22-33\n+7 916 111-22-');
    child.kill('SIGINT');
    const r = await result;
    ws.destroy();
    expectInterrupted(r, 'SIGINT', out);
  });

  it.each([
    ['its header', 'id,ph'],
    ['its rows', 'id,phone\n1,+7 916 111-22-33\n2,+7 916 111-22-44\n3,+7 9'],
  ])('SIGTERM while the contact list on standard input stalls in %s', async (_what, text) => {
    const out = previousOut();
    const first = fifo();
    const { child, result } = start(['-', '--consent', first, '--out-dir', out]);
    child.stdin!.write(text);
    // The consent file is read before the contacts: once the run is through with it, it reads
    // standard input, which stalls.
    await feedAndWaitClosed(child.pid!, first, readFileSync(consent, 'utf8'));
    child.kill('SIGTERM');
    const r = await result;
    expectInterrupted(r, 'SIGTERM', out);
  });

  it('SIGINT while a consent FIFO no one writes to is being opened', async () => {
    const first = fifo();
    const never = fifo();
    const out = previousOut();
    const { child, result } = start([contacts, '--consent', first, '--consent', never, '--out-dir', out]);
    // Once the run is through with the first consent file, it opens the second, which blocks.
    await feedAndWaitClosed(child.pid!, first, readFileSync(consent, 'utf8'));
    child.kill('SIGINT');
    const r = await result;
    expectInterrupted(r, 'SIGINT', out);
  });
});

describe('inputs that never end need no signal', () => {
  it('--consent /dev/zero stops by itself: exit 2, not a text table', async () => {
    const out = previousOut();
    const { result } = start([contacts, '--consent', '/dev/zero', '--out-dir', out]);
    const r = await result;
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^leadaudit: \/dev\/zero:1: the header holds control characters: this is not a text table \(wrong --encoding, or a binary file\?\); leadaudit reads [^\n]*\n$/);
    expect(readdirSync(out)).toEqual(['clean.csv']);
  });

  it.each([['--notice', 'larger than 1048576 bytes: not a notice manifest'], ['--policy', 'not a regular file; a policy file is read whole, from a file']])('%s /dev/zero stops by itself: exit 2', async (flag, message) => {
    const r = leadaudit(['audit', contacts, '--consent', consent, flag, '/dev/zero', '--out-dir', join(work, 'zero')], { timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`leadaudit: /dev/zero: ${message}\n`);
    expect(existsSync(join(work, 'zero'))).toBe(false);
  });
});

describe('audit() with an abort signal', () => {
  it('a FIFO no one writes to: the pending open gives way to the interruption at once', async () => {
    const path = fifo();
    const controller = new AbortController();
    const settings = toSettings(contacts, { consent: [path], outDir: join(work, 'in-process'), policy: 'ru-152fz' });
    const run = audit(settings, { signal: controller.signal });
    setImmediate(() => controller.abort(new InterruptedError('SIGTERM')));
    await expect(run).rejects.toBeInstanceOf(InterruptedError);
    // The run lets its own open() go (src/io/byte-source.ts); should one still wait, let it go.
    try { closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK)); } catch { /* ENXIO: no reader waits */ }
    expect(existsSync(join(work, 'in-process'))).toBe(false);
  });
});

/** The files a process holds open (Linux /proc). */
function openFiles(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/fd`).flatMap((fd) => { try { return [readlinkSync(`/proc/${pid}/fd/${fd}`)]; } catch { return []; } }).filter((p) => p.startsWith('/'));
  } catch {
    return [];
  }
}

/** Feeds a FIFO the run reads, then waits until the run has closed it (it has moved on). */
async function feedAndWaitClosed(pid: number, path: string, text: string): Promise<void> {
  const ws = await writer(path, text);
  ws.end();
  await once(ws, 'close');
  for (let i = 0; i < 3000 && openFiles(pid).includes(path); i++) await new Promise((r) => setTimeout(r, 10));
}
