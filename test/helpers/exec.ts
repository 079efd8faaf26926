/**
 * Runs the built CLI the way a user's script does: a child process, no colour, and English unless a
 * test says otherwise (issue #13: the suite must not depend on the machine's locale).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'leadaudit.js');

export interface RunResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function leadaudit(args: string[], opts: { cwd?: string; input?: string | Buffer; env?: Record<string, string>; timeout?: number } = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', LEADAUDIT_LANG: 'en', ...opts.env },
    maxBuffer: 1 << 28,
    timeout: opts.timeout ?? 120_000,
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}
