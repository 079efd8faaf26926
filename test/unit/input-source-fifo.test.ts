/**
 * A FIFO no one writes to, opened by a run that is then stopped (issue #12 item 4). The open() waits
 * in libuv's thread pool, and libuv joins those threads at exit: if the open is left blocked, the
 * process prints its message and then never exits (CI saw it once in a full run). openInput must
 * not give up until that open has returned, whenever the signal comes.
 */
import { describe, expect, it } from 'vitest';
import { closeSync, constants, mkdtempSync, openSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openInput } from '../../src/io/input-source.js';

/** Whether some reader is blocked opening the FIFO (a non-blocking open for writing then succeeds). */
function readerWaiting(path: string): boolean {
  try {
    closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK));
    return true;
  } catch {
    return false; // ENXIO: no reader
  }
}

describe('openInput on a FIFO no one writes to', () => {
  it('leaves no open() blocked behind it when stopped, however soon the signal comes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fifo-'));
    let leaked = 0;
    for (let i = 0; i < 40; i++) {
      const path = join(dir, `never-${i}`);
      execFileSync('mkfifo', [path]);
      const controller = new AbortController();
      const opening = openInput(path, path, { signal: controller.signal });
      // Sooner or later than the thread pool takes the open, by turns.
      if (i % 2) await new Promise((r) => setTimeout(r, i % 4 === 1 ? 0 : 2));
      controller.abort(new Error('stopped'));
      await expect(opening).rejects.toThrow('stopped');
      // Time for an open still queued in the pool to reach the kernel and block there.
      await new Promise((r) => setTimeout(r, 20));
      if (readerWaiting(path)) leaked++;
    }
    expect(leaked).toBe(0);
  });
});
