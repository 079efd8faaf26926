/**
 * Outputs that appear only complete (SPEC "Outputs"): each file is written under a temporary name
 * beside its place and renamed into place when all of them are complete, `report.json` last. A run
 * that fails or is interrupted removes its temporaries and leaves the out-dir as it found it.
 *
 * Issue #12: one run at a time holds the out-dir (item 6, src/io/out-dir-lock.ts); the commit puts
 * the previous files aside first and rolls back on any failure, so the out-dir is wholly the old
 * run or wholly the new one (item 7); temporaries have random names and are created exclusively,
 * never through a symlink planted in a shared out-dir (item 8); folders a failed run created are
 * removed again, and dead runs' leftovers by the next run (item 15).
 */
import { closeSync, constants, lstatSync, mkdirSync, openSync, rmdirSync, unlinkSync, existsSync, statSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { createSha256 } from './hash.js';
import type { LineBuffer } from './line-buffer.js';
import { InputError } from '../errors.js';
import { t } from '../i18n/index.js';
import { OutDirLock, removeDeadRunsLeftovers } from './out-dir-lock.js';
import { commitFiles, realFs, type OutputFs } from './commit.js';
import { SIGNATURE_FILE } from '../report/signature.js';
import { CERTIFICATE_FILE } from '../report/certificate.js';
import { EXPORT_FILES } from '../export/platforms.js';

/**
 * Outputs a run may write into its out-dir; one the run does not write is removed at commit: it
 * belongs to the run being replaced (a trail, or a signature or certificate made from its report,
 * issue #14), and would match nothing once the new report.json is in place.
 */
export const KNOWN_OUTPUTS = ['clean.csv', 'rejects.csv', 'trail.jsonl', 'report.html', 'clean.xlsx', 'rejects.xlsx', ...EXPORT_FILES, SIGNATURE_FILE, CERTIFICATE_FILE, 'report.json'];

/** Why a file could not be made or written: the system's code, else its message. */
const why = (e: unknown) => String((e as NodeJS.ErrnoException).code ?? (e as Error).message ?? e);

/** `.leadaudit-<pid>-<random>.<name>.<suffix>`: unguessable, and the pid tells a dead run's. */
export function tempName(name: string, suffix: 'tmp' | 'old', random: () => string = () => randomBytes(6).toString('hex')): string {
  return `.leadaudit-${process.pid}-${random()}.${name}.${suffix}`;
}

/** Opens a new file for writing: it must not exist, and a symlink in its place is never followed. */
export function openExclusive(path: string): number {
  return openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o666);
}

/**
 * An output written under its temporary name. The writes are synchronous (issue #16): the file is
 * a new regular file of our own, whose writes go to the page cache, and a write stream handed each
 * of them to libuv's thread pool and its answer back through the event loop, which on this 2-core
 * machine cost more CPU time than the writes (the benchmark's 1M-row audit writes about 230 MB in
 * 1 MiB pieces: 0.39 CPU s less, median of 6 alternating pairs; with src/io/file-chunks.ts, see
 * there). A buffer is thus free again as soon as write() returns.
 */
export class AtomicFile {
  readonly path: string;
  readonly tempPath: string;
  /** -1 once closed. */
  private fd: number;
  private readonly hash = createSha256();
  private error: Error | undefined;

  constructor(dir: string, readonly name: string, random?: () => string) {
    this.path = join(dir, name);
    this.tempPath = join(dir, tempName(name, 'tmp', random));
    this.fd = openExclusive(this.tempPath);
  }

  /** Writes text or bytes (synchronously: the promise is settled when it returns). */
  write(data: string | Buffer): Promise<void> {
    return this.put(data);
  }

  /** Writes the lines gathered since the last call, and gives their memory back once written. */
  async writeLines(lines: LineBuffer): Promise<void> {
    for (const b of lines.take()) await this.put(b, () => lines.recycle(b));
  }

  /** `written` is called once the bytes are in the file: the caller may reuse their memory. */
  private async put(data: string | Buffer, written?: () => void): Promise<void> {
    if (this.error) throw this.fail(this.error);
    if (!data.length) return;
    // Encode once: the same bytes are hashed and written.
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    this.hash.update(bytes);
    try {
      // A write may take fewer bytes than it was given (a full disk takes the rest with an error).
      for (let at = 0; at < bytes.length;) at += writeSync(this.fd, bytes, at, bytes.length - at);
    } catch (e) {
      // On a write error the memory is not given back: the run is failing anyway.
      this.error = e as Error;
      throw this.fail(this.error);
    }
    written?.();
  }

  /** Closes the temporary file; returns its SHA-256. */
  async close(): Promise<string> {
    if (this.error) throw this.fail(this.error);
    try {
      this.closeFd();
    } catch (e) {
      this.error = e as Error;
      throw this.fail(this.error);
    }
    return this.hash.digest();
  }

  private closeFd(): void {
    if (this.fd < 0) return;
    const fd = this.fd;
    this.fd = -1;
    closeSync(fd);
  }

  abort(): void {
    try { this.closeFd(); } catch { /* closed already */ }
    try { unlinkSync(this.tempPath); } catch { /* never created, or committed */ }
  }

  private fail(e: Error): InputError {
    return new InputError(t('out.cannotWrite', { path: this.path, why: why(e) }));
  }
}

/** The out-dir and the files being written into it. */
export class OutputSet {
  readonly dir: string;
  /** The first folder this run created (the out-dir or an ancestor), to remove again on failure. */
  private readonly created: string | undefined;
  private readonly files: AtomicFile[] = [];
  private readonly lock: OutDirLock;
  private committed = false;

  constructor(dir: string, private readonly label: string, private readonly fs: OutputFs = realFs, private readonly random?: () => string) {
    this.dir = resolve(dir);
    if (existsSync(this.dir)) {
      if (!statSync(this.dir).isDirectory()) throw new InputError(t('out.notFolder', { label }));
      this.created = undefined;
    } else {
      try {
        this.created = mkdirSync(this.dir, { recursive: true }) ?? this.dir;
      } catch (e) {
        throw new InputError(t('out.cannotCreate', { label, why: String((e as NodeJS.ErrnoException).code ?? e) }));
      }
    }
    try {
      this.lock = OutDirLock.acquire(this.dir, label);
    } catch (e) {
      this.removeCreated();
      throw e;
    }
    removeDeadRunsLeftovers(this.dir);
  }

  file(name: string): AtomicFile {
    return this.open(this.dir, name, join(this.dir, name));
  }

  /** A file outside the out-dir (`--junit FILE`), written and committed with the others. */
  external(path: string, label: string): AtomicFile {
    const dir = dirname(resolve(path));
    if (!existsSync(dir)) throw new InputError(t('out.noFolder', { label, path, dir }));
    return this.open(dir, basename(path), `${label} ${path}`);
  }

  private open(dir: string, name: string, what: string): AtomicFile {
    // A folder where a file is to go would stop the commit half way: say so before any work.
    const target = join(dir, name);
    if (isFolder(target)) throw new InputError(t('out.folderInPlace', { path: what }));
    let f: AtomicFile;
    try {
      f = new AtomicFile(dir, name, this.random);
    } catch (e) {
      throw new InputError(t('out.cannotWrite', { path: what, why: why(e) }));
    }
    this.files.push(f);
    return f;
  }

  /**
   * Puts every file in place (report.json last) and removes the previous run's outputs this run
   * did not write, or, on any failure, leaves the out-dir as it was (see src/io/commit.ts).
   */
  commit(): void {
    const produced = new Set(this.files.map((f) => f.path));
    const stale = KNOWN_OUTPUTS.map((n) => join(this.dir, n)).filter((p) => !produced.has(p) && exists(p) && !isFolder(p));
    commitFiles(this.files.map((f) => ({ temp: f.tempPath, target: f.path })), stale, this.fs, this.label, (name, dir) => join(dir, tempName(name, 'old', this.random)));
    this.committed = true;
    this.lock.release();
  }

  /** Removes the temporaries, and the folders this run created; gives the lock back. */
  abort(): void {
    for (const f of this.files) f.abort();
    if (this.committed) return;
    this.lock.release();
    this.removeCreated();
  }

  /** Removes the folders this run created, deepest first, as long as they are empty. */
  private removeCreated(): void {
    if (!this.created) return;
    for (let d = this.dir; ; d = dirname(d)) {
      try { rmdirSync(d); } catch { return; /* not empty: someone else wrote there */ }
      if (d === this.created || dirname(d) === d) return;
    }
  }
}

function exists(path: string): boolean {
  try { lstatSync(path); return true; } catch { return false; }
}

function isFolder(path: string): boolean {
  try { return lstatSync(path).isDirectory(); } catch { return false; }
}
