/**
 * One run at a time in an out-dir (issue #12 item 6: two runs into one out-dir left rejects.csv and
 * trail.jsonl from different runs). The lock is a file created exclusively in the out-dir, holding
 * the holder's pid, host and a token. A lock whose holder is dead (same host, no such process) is
 * taken over; any other is refused with a message that says whose it is.
 *
 * The holder of the lock is the only run writing there, so it also removes what dead runs left
 * (issue #12 item 15: kill -9 left ~0.56 GB of temporaries that no later run removed).
 */
import { closeSync, constants, linkSync, lstatSync, openSync, readFileSync, readdirSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { fmtDate, t } from '../i18n/index.js';

export const LOCK_NAME = '.leadaudit.lock';

/** Temporaries and set-aside files of this program: `.leadaudit-<pid>-<random>.<name>.<tmp|old>`. */
export const TEMP_PATTERN = /^\.leadaudit-(\d+)-[0-9a-f]+\..+\.(?:tmp|old)$/;
/** Temporaries of versions before the lock (`.clean.csv.<pid>.tmp`). */
const OLD_TEMP_PATTERN = /^\.(?:clean\.csv|rejects\.csv|report\.json|report\.html|trail\.jsonl)\.(\d+)\.tmp$/;

interface LockContent { pid: number; host: string; started: string; token: string }

/** The messages of this module, from the catalogue (src/i18n, outdir part). */
const say = {
  held: (label: string, l: LockContent, path: string) => t('lock.held', { label, pid: String(l.pid), host: l.host, started: fmtDate(l.started), path }),
  unreadable: (label: string, path: string) => t('lock.unreadable', { label, path }),
  cannot: (label: string, code: string) => t('lock.cannot', { label, code }),
};

/** Whether a process with this pid runs on this machine (EPERM: it does, as someone else). */
export function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class OutDirLock {
  private released = false;

  private constructor(readonly path: string, private readonly token: string) {}

  /** Takes the lock of `dir`, or throws an InputError saying who holds it. */
  static acquire(dir: string, label: string): OutDirLock {
    const path = join(dir, LOCK_NAME);
    const token = randomBytes(12).toString('hex');
    const content: LockContent = { pid: process.pid, host: hostname(), started: new Date().toISOString(), token };
    // The lock is written whole under a name of its own, then linked to its place: link() fails
    // when the name is taken, and no one ever reads a lock half written.
    const own = `${path}.${process.pid}-${token}.tmp`;
    try {
      const fd = openSync(own, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
      try { writeSync(fd, `${JSON.stringify(content)}\n`); } finally { closeSync(fd); }
    } catch (e) {
      throw new InputError(say.cannot(label, (e as NodeJS.ErrnoException).code ?? String(e)));
    }
    try {
      return OutDirLock.take(path, own, token, label);
    } finally {
      try { unlinkSync(own); } catch { /* linked and gone, or never made */ }
    }
  }

  private static take(path: string, own: string, token: string, label: string): OutDirLock {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(own, path);
        return new OutDirLock(path, token);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? String(e);
        // A file system without hard links: the lock is created in place, exclusively.
        if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP') {
          let made: boolean;
          try { made = createInPlace(path, readFileSync(own)); } catch (e2) { throw new InputError(say.cannot(label, (e2 as NodeJS.ErrnoException).code ?? String(e2))); }
          if (made) return new OutDirLock(path, token);
        } else if (code !== 'EEXIST') {
          throw new InputError(say.cannot(label, code));
        }
      }
      const held = readLock(path);
      if (held === 'gone') continue;
      if (held === undefined) throw new InputError(say.unreadable(label, path));
      if (held.host !== hostname() || isAlive(held.pid)) throw new InputError(say.held(label, held, path));
      takeOver(path, held.token);
    }
    throw new InputError(say.cannot(label, 'EEXIST'));
  }

  /** Gives the lock back, if it is still ours. */
  release(): void {
    if (this.released) return;
    this.released = true;
    const held = readLock(this.path);
    if (held !== 'gone' && held?.token === this.token) unlinkSync(this.path);
  }
}

/** Creates the lock in place; false when it exists. */
function createInPlace(path: string, content: Buffer): boolean {
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try { writeSync(fd, content); } finally { closeSync(fd); }
  return true;
}

function readLock(path: string): LockContent | 'gone' | undefined {
  let text: string;
  try {
    if (!lstatSync(path).isFile()) return undefined;
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'gone' : undefined;
  }
  try {
    const v = JSON.parse(text) as LockContent;
    return typeof v.pid === 'number' && typeof v.token === 'string' && typeof v.host === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Removes a dead holder's lock. It is renamed away first (two runs taking over at once can't both
 * succeed in that); should the file renamed turn out to be a newer lock, not the dead one read
 * before, it is put back.
 */
function takeOver(path: string, deadToken: string): void {
  const aside = `${path}.${process.pid}-${randomBytes(6).toString('hex')}.old`;
  try {
    renameSync(path, aside);
  } catch {
    return; // someone else took it over first: try again from the start
  }
  const moved = readLock(aside);
  if (moved === 'gone' || moved === undefined || moved.token === deadToken) {
    unlinkSync(aside);
    return;
  }
  try { renameSync(aside, path); } catch { /* the newer holder's lock is lost: it notices on release */ }
}

/**
 * Removes what dead runs left in `dir`: their temporaries and set-aside files. Called by the lock's
 * holder only, so nothing found belongs to a live run writing here (a live pid is left alone all
 * the same: a run of an older version takes no lock).
 */
export function removeDeadRunsLeftovers(dir: string): string[] {
  const removed: string[] = [];
  let names: string[];
  try { names = readdirSync(dir); } catch { return removed; }
  for (const name of names) {
    const m = TEMP_PATTERN.exec(name) ?? OLD_TEMP_PATTERN.exec(name) ?? /^\.leadaudit\.lock\.(\d+)-[0-9a-f]+\.(?:old|tmp)$/.exec(name);
    if (!m || isAlive(Number(m[1]))) continue;
    const path = join(dir, name);
    try {
      if (lstatSync(path).isDirectory()) continue;
      unlinkSync(path);
      removed.push(name);
    } catch { /* gone already, or not ours to remove */ }
  }
  return removed;
}
