/**
 * Outputs that appear only complete (SPEC "Outputs"): each file is written under a temporary name
 * in the out-dir and renamed into place when all of them are complete, `report.json` last. A run
 * that fails or is interrupted removes its temporaries and leaves the out-dir as it found it.
 */
import { createWriteStream, mkdirSync, renameSync, rmSync, rmdirSync, existsSync, statSync, type WriteStream } from 'node:fs';
import { createSha256 } from './hash.js';
import type { LineBuffer } from './line-buffer.js';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { t } from '../i18n/index.js';

export class AtomicFile {
  readonly path: string;
  readonly tempPath: string;
  private readonly stream: WriteStream;
  private readonly hash = createSha256();
  private error: Error | undefined;

  constructor(dir: string, readonly name: string) {
    this.path = join(dir, name);
    this.tempPath = join(dir, `.${name}.${process.pid}.tmp`);
    this.stream = createWriteStream(this.tempPath, { flags: 'w' });
    this.stream.on('error', (e) => { this.error = e; });
  }

  /** Writes text or bytes; resolves at once unless the stream wants the caller to wait. */
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
    // On a write error the memory is not given back: the run is failing anyway.
    const ok = written ? this.stream.write(bytes, (e) => { if (!e) written(); }) : this.stream.write(bytes);
    if (!ok) {
      await this.until('drain');
      if (this.error) throw this.fail(this.error);
    }
  }

  /** Flushes and closes the temporary file; returns its SHA-256. */
  async close(): Promise<string> {
    if (this.error) throw this.fail(this.error);
    this.stream.end();
    await this.until('close');
    if (this.error) throw this.fail(this.error);
    return this.hash.digest();
  }

  commit(): void {
    renameSync(this.tempPath, this.path);
  }

  /** Waits for `event` or an error, and takes both listeners off again (no listener pile-up). */
  private until(event: 'drain' | 'close'): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.stream.off(event, done);
        this.stream.off('error', done);
        resolve();
      };
      this.stream.on(event, done);
      this.stream.on('error', done);
    });
  }

  abort(): void {
    this.stream.destroy();
    rmSync(this.tempPath, { force: true });
  }

  private fail(e: Error): InputError {
    return new InputError(t('out.cannotWrite', { path: this.path, why: (e as NodeJS.ErrnoException).code ?? e.message }));
  }
}

/** The out-dir and the files being written into it. */
export class OutputSet {
  readonly dir: string;
  private readonly created: boolean;
  private readonly files: AtomicFile[] = [];

  constructor(dir: string, label: string) {
    this.dir = resolve(dir);
    if (existsSync(this.dir)) {
      if (!statSync(this.dir).isDirectory()) throw new InputError(t('out.notFolder', { label }));
      this.created = false;
    } else {
      try {
        mkdirSync(this.dir, { recursive: true });
      } catch (e) {
        throw new InputError(t('out.cannotCreate', { label, why: String((e as NodeJS.ErrnoException).code ?? e) }));
      }
      this.created = true;
    }
  }

  file(name: string): AtomicFile {
    let f: AtomicFile;
    try {
      f = new AtomicFile(this.dir, name);
    } catch (e) {
      throw new InputError(t('out.cannotWrite', { path: join(this.dir, name), why: String((e as NodeJS.ErrnoException).code ?? e) }));
    }
    this.files.push(f);
    return f;
  }

  /** A file outside the out-dir (`--junit FILE`), written and committed with the others. */
  external(path: string, label: string): AtomicFile {
    const dir = dirname(resolve(path));
    if (!existsSync(dir)) throw new InputError(t('out.noFolder', { label, path, dir }));
    let f: AtomicFile;
    try {
      f = new AtomicFile(dir, basename(path));
    } catch (e) {
      throw new InputError(t('out.cannotWrite', { path: `${label} ${path}`, why: String((e as NodeJS.ErrnoException).code ?? e) }));
    }
    this.files.push(f);
    return f;
  }

  /** Renames every file into place, in the order they were opened (report.json last). */
  commit(): void {
    for (const f of this.files) f.commit();
  }

  /** Removes the temporaries, and the out-dir itself when this run created it. */
  abort(): void {
    for (const f of this.files) {
      try { f.abort(); } catch { /* best effort: the temp may never have been created */ }
    }
    if (this.created) {
      try { rmdirSync(this.dir); } catch { /* not empty: someone else wrote there */ }
    }
  }
}
