/**
 * Evidence files (issue #14): with `--evidence-dir DIR` a consent's `evidence_ref` must name a file
 * in DIR, by its path under DIR or as `sha256:<hex>` (the file in DIR with that SHA-256), and the
 * file must have the record's `evidence_sha256` when the record gives one. A reference that would
 * leave DIR (an absolute path, a `..` step, a symbolic link that leads out) is never followed. What
 * a check finds is data (an EvidenceCheck); the words for it are made in src/reasons.ts.
 *
 * Each file is hashed once per run, however many records name it: hashes are kept by the file's
 * real path, and the index by hash (for `sha256:` references) is built once, on the first such
 * reference, from the same cache. Reading is synchronous: the rules are, and only counting records
 * of numbers on the list are checked.
 */
import { closeSync, lstatSync, openSync, readSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, resolve, sep } from 'node:path';
import { InputError } from '../errors.js';
import { t } from '../i18n/index.js';

export type EvidenceState = 'found' | 'missing' | 'mismatched' | 'outside';

/** Why a reference did not prove the record (for the words in src/reasons.ts). */
export type EvidenceWhy =
  | 'no-file' | 'not-file' | 'unreadable' | 'url' | 'bad-hash' | 'no-hash-match' // missing
  | 'absolute' | 'dotdot' | 'symlink' // outside
  | 'hash-differs'; // mismatched

export interface EvidenceCheck {
  state: EvidenceState;
  why?: EvidenceWhy;
  /** The file under DIR, `/`-separated, when one was found. */
  file?: string;
  /** That file's SHA-256. */
  sha256?: string;
  /** The SHA-256 the record says it must have, when it does not. */
  expected?: string;
}

export interface EvidenceStats {
  dir: string;
  /** Distinct files that proved a record. */
  found: number;
  /** Distinct references that named no file in DIR. */
  missing: number;
  /** Distinct files whose SHA-256 differed from a record's evidence_sha256. */
  mismatched: number;
  /** Distinct references that would have left DIR. */
  outside: number;
  hashedFiles: number;
  hashedBytes: number;
}

const SHA256 = /^[0-9a-f]{64}$/;
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;
const CHUNK = 1 << 20;

export class EvidenceDir {
  /** DIR's real path. */
  readonly root: string;
  private readonly hashes = new Map<string, string>();
  private byHash: Map<string, string[]> | undefined;
  private readonly checks = new Map<string, EvidenceCheck>();
  private readonly seen = { found: new Set<string>(), missing: new Set<string>(), mismatched: new Set<string>(), outside: new Set<string>() };
  private hashedFiles = 0;
  private hashedBytes = 0;
  private buffer: Buffer | undefined;

  /** Checks that DIR is a folder that can be read; InputError (exit 2) otherwise. */
  constructor(dir: string) {
    let real: string;
    try {
      real = realpathSync(resolve(dir));
    } catch (e) {
      throw new InputError(t('opt.bad', { flag: '--evidence-dir', value: JSON.stringify(dir), problem: (e as NodeJS.ErrnoException).code === 'ENOENT' ? t('evidenceDir.noFolder') : (e as Error).message }));
    }
    if (!statSync(real).isDirectory()) throw new InputError(t('opt.bad', { flag: '--evidence-dir', value: JSON.stringify(dir), problem: t('evidenceDir.notFolder') }));
    this.root = real;
  }

  /** The evidence a record names, and whether it proves the record (cached per reference and hash). */
  check(ref: string, expected: string | undefined): EvidenceCheck {
    const key = `${ref}\u0000${expected ?? ''}`;
    let c = this.checks.get(key);
    if (c === undefined) {
      c = this.resolve(ref.trim(), expected);
      this.checks.set(key, c);
      if (c.state === 'found' || c.state === 'mismatched') this.seen[c.state].add(c.file!);
      else this.seen[c.state].add(ref);
    }
    return c;
  }

  stats(): EvidenceStats {
    const s = this.seen;
    return {
      dir: this.root, found: s.found.size, missing: s.missing.size, mismatched: s.mismatched.size, outside: s.outside.size,
      hashedFiles: this.hashedFiles, hashedBytes: this.hashedBytes,
    };
  }

  private resolve(ref: string, expected: string | undefined): EvidenceCheck {
    const byHash = /^sha256:(.*)$/i.exec(ref);
    if (byHash) {
      const hex = byHash[1]!.trim().toLowerCase();
      if (!SHA256.test(hex)) return { state: 'missing', why: 'bad-hash' };
      const file = this.index().get(hex)?.[0];
      if (file === undefined) return { state: 'missing', why: 'no-hash-match' };
      return this.judged(file, hex, expected);
    }
    if (URL_LIKE.test(ref)) return { state: 'missing', why: 'url' };
    if (ref.startsWith('/') || ref.startsWith('\\') || /^[a-z]:/i.test(ref)) return { state: 'outside', why: 'absolute' };
    const steps = ref.split(/[\\/]/);
    if (steps.includes('..')) return { state: 'outside', why: 'dotdot' };
    if (ref.includes('\u0000')) return { state: 'missing', why: 'no-file' };
    const named = join(this.root, ...steps);
    let real: string;
    try {
      real = realpathSync(named);
    } catch {
      return { state: 'missing', why: 'no-file' };
    }
    // A link (the file, or a folder on the way) that leads out of DIR is not followed.
    if (!this.inside(real)) return { state: 'outside', why: 'symlink' };
    if (!statSync(real).isFile()) return { state: 'missing', why: 'not-file' };
    const sha256 = this.hash(real);
    if (sha256 === undefined) return { state: 'missing', why: 'unreadable' };
    return this.judged(relative(this.root, named).split(sep).join('/'), sha256, expected);
  }

  private judged(file: string, sha256: string, expected: string | undefined): EvidenceCheck {
    if (expected !== undefined && expected !== sha256) return { state: 'mismatched', why: 'hash-differs', file, sha256, expected };
    return { state: 'found', file, sha256 };
  }

  private inside(real: string): boolean {
    return real === this.root || real.startsWith(this.root.endsWith(sep) ? this.root : this.root + sep);
  }

  /** SHA-256 of a file by its real path, read in 1 MiB chunks: once per run; undefined when it can't be read. */
  private hash(real: string): string | undefined {
    let h = this.hashes.get(real);
    if (h !== undefined) return h;
    const hash = createHash('sha256');
    const buf = (this.buffer ??= Buffer.allocUnsafe(CHUNK));
    let fd: number;
    try {
      fd = openSync(real, 'r');
    } catch {
      return undefined;
    }
    try {
      for (let n = readSync(fd, buf, 0, CHUNK, null); n > 0; n = readSync(fd, buf, 0, CHUNK, null)) {
        hash.update(buf.subarray(0, n));
        this.hashedBytes += n;
      }
    } finally {
      closeSync(fd);
    }
    h = hash.digest('hex');
    this.hashes.set(real, h);
    this.hashedFiles++;
    return h;
  }

  /** Every file in DIR by SHA-256 (paths sorted, so the first is always the same), built once. */
  private index(): Map<string, string[]> {
    if (this.byHash) return this.byHash;
    const byHash = new Map<string, string[]>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) { walk(path); continue; }
        let real = path;
        if (entry.isSymbolicLink()) {
          try { real = realpathSync(path); } catch { continue; }
          // Links out of DIR, and links to folders (which could loop), are not followed.
          if (!this.inside(real) || !lstatSync(real).isFile()) continue;
        } else if (!entry.isFile()) continue;
        const sha = this.hash(real);
        if (sha === undefined) continue;
        const list = byHash.get(sha);
        const rel = relative(this.root, path).split(sep).join('/');
        if (list) list.push(rel);
        else byHash.set(sha, [rel]);
      }
    };
    walk(this.root);
    this.byHash = byHash;
    return byHash;
  }
}
