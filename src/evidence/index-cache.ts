/**
 * The consent index cache (issue #16 item 1): the index built from the consent files is kept as a
 * snapshot (src/evidence/index-snapshot.ts), and a later run over the same files loads it instead
 * of reading them again (1M records: about 4 s to build, a fraction of a second to load).
 *
 * A snapshot is used only for exactly the inputs it was made from. Its file name comes from what
 * can be known without reading the consent files (their names and sizes, the settings that shape
 * the index, the run's language); inside, it records their SHA-256 as well, which every run
 * computes anyway for report.json, and the program that wrote it. Anything that differs, a failed
 * checksum, a short file: the snapshot is ignored, the index built from the files, and the
 * snapshot replaced. It is written to a temporary file renamed into place, so a concurrent run
 * sees the old file or the new one, never half of one; with owner-only permissions (0600 in a
 * 0700 folder), since it holds the phone numbers of the consent files.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PhoneNormalizer } from '../phone/normalize.js';
import { VERSION } from '../version.js';
import { lang } from '../i18n/index.js';
import { describeFsError } from '../io/byte-source.js';
import { hashRegularFile } from '../io/hash.js';
import { loadConsent, type ConsentLoadOptions, type LoadedConsent } from './consent-loader.js';
import { closeSnapshot, encodeSnapshot, openSnapshotFile, restoreSnapshot, type FileFacts } from './index-snapshot.js';
import { lazy } from '../lazy.js';

/**
 * An audit writes a snapshot of its own accord only for consent files at least this big together:
 * below it, building takes well under a tenth of a second, and a spot audit of a small file should
 * not leave a copy of its phone numbers behind. `leadaudit index` writes one whatever the size.
 */
export const AUTO_SNAPSHOT_BYTES = 1 << 20;

export interface IndexCache {
  /** The folder snapshots are kept in. */
  dir: string;
  /** Write a snapshot whatever the consent files' size (`leadaudit index`). */
  always?: boolean;
}

/** Why the index was built rather than loaded. */
export type RebuildReason = 'disabled' | 'email' | 'missing' | 'corrupt' | 'other-version' | 'other-input' | 'not-a-file' | 'unreadable';

export interface IndexOrigin {
  source: 'snapshot' | 'built';
  /** The snapshot's path: the one loaded, or the one written; undefined when neither. */
  path: string | undefined;
  reason: RebuildReason | undefined;
  written: boolean;
  /** The snapshot could not be written: where, and why (the run goes on without it). */
  writeError?: { dir: string; why: string };
}

/**
 * The cache folder: `$XDG_CACHE_HOME/leadaudit`, else `~/.cache/leadaudit` (the XDG Base Directory
 * specification ignores a relative XDG_CACHE_HOME, and so does this).
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.cache'), 'leadaudit');
}

/** This program, down to its build: a snapshot from any other is not trusted. */
const PROGRAM = lazy(() => {
  // The running code's own bytes (the bundle, in an installed program): a change of the loader
  // between two builds of the same version must not reuse what the older one wrote.
  let build = 'unknown';
  try {
    build = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url))).digest('hex').slice(0, 16);
  } catch { /* not read from a file: the version alone */ }
  return `${VERSION}+${build}`;
});

const sortedEntries = (o: Record<string, string[]>) => Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** What shapes the index besides the files' bytes: every setting the loader reads. */
function shapeOf(phones: PhoneNormalizer, opts: ConsentLoadOptions): string {
  const limits = opts.input?.limits;
  return JSON.stringify({
    format: 1, lang: lang(), region: phones.region ?? null, keepText: opts.keepText ?? false, dateOrder: opts.dateOrder ?? 'dmy',
    encoding: opts.encoding ?? null, columns: sortedEntries(opts.columns ?? {}),
    limits: limits ? [limits.maxUnpackedBytes, limits.maxRows, limits.maxSharedStrings] : null,
  });
}

interface FileId { name: string; size: number; mtimeMs: number }

/** Names and sizes of the consent files, or undefined when one is not a regular file. */
function identify(paths: readonly string[]): FileId[] | undefined {
  const out: FileId[] = [];
  for (const p of paths) {
    try {
      const st = statSync(p);
      if (!st.isFile()) return undefined;
      out.push({ name: basename(p), size: st.size, mtimeMs: st.mtimeMs });
    } catch {
      return undefined;
    }
  }
  return out;
}

/** The SHA-256 of each file, read once (src/io/hash.ts); throws when one is not a readable regular file. */
export async function hashFiles(paths: readonly string[], signal?: AbortSignal): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const h = await hashRegularFile(p, signal);
    if (h.kind !== 'hashed') throw new Error(`${p}: ${h.kind}`);
    out.push(h.sha256);
  }
  return out;
}

/** Writes the pieces to a temporary file in `dir` and renames it to `name`: all or nothing. */
function writeAtomically(dir: string, name: string, pieces: readonly Buffer[]): { path: string } | { why: string } {
  const tmp = join(dir, `.${name}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    fd = openSync(tmp, 'wx', 0o600);
    for (const piece of pieces) {
      for (let at = 0; at < piece.length;) at += writeSync(fd, piece, at, piece.length - at);
    }
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, join(dir, name));
    return { path: join(dir, name) };
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    try { unlinkSync(tmp); } catch { /* never made */ }
    return { why: describeFsError(e) };
  }
}

/**
 * Loads the consent files' index: from its snapshot when there is a good one for exactly these
 * inputs, else from the files (and then writes the snapshot). `cache` undefined: --no-cache.
 */
export async function loadConsentIndex(
  paths: readonly string[],
  phones: PhoneNormalizer,
  opts: ConsentLoadOptions,
  cache: IndexCache | undefined,
  lookups = 0,
): Promise<LoadedConsent & { origin: IndexOrigin }> {
  // An email run's consent is keyed by address (issue #15), kept apart from this index: not in a
  // snapshot (yet; the format is versioned for it).
  const ids = cache && !opts.emails && identify(paths);
  if (!cache || !ids) {
    const built = await loadConsent(paths, phones, opts);
    return { ...built, origin: { source: 'built', path: undefined, reason: !cache ? 'disabled' : opts.emails ? 'email' : 'not-a-file', written: false } };
  }
  const shape = shapeOf(phones, opts);
  const name = `consent-${createHash('sha256').update(JSON.stringify([shape, ids.map((f) => [f.name, f.size])])).digest('hex').slice(0, 32)}.idx`;
  const file = join(cache.dir, name);
  const keyOf = (sha256: readonly string[]) => JSON.stringify([shape, ids.map((f, i) => [f.name, f.size, sha256[i]])]);

  let reason: RebuildReason = 'missing';
  if (existsSync(file)) {
    // The snapshot is checked and the consent files hashed at once: the reads run on libuv's
    // threads, the checksum and the hash on this one.
    // A consent file that can't be read is left to the build, which says so in its own words.
    const [opened, sha256] = await Promise.all([openSnapshotFile(file, PROGRAM(), lookups), hashFiles(paths, opts.signal).catch((e: unknown) => {
      if (opts.signal?.aborted) throw e;
      return undefined;
    })]);
    if (sha256 === undefined) {
      reason = 'not-a-file';
    } else if ('problem' in opened) {
      reason = opened.problem;
    } else if (opened.meta.key !== keyOf(sha256)) {
      reason = 'other-input';
    } else {
      try {
        const got = restoreSnapshot(opened);
        return {
          index: got.index, invalid: got.invalid,
          files: got.files.map((f, i) => ({ ...f, path: resolve(paths[i]!), label: paths[i]!, sha256: sha256[i]! })),
          origin: { source: 'snapshot', path: file, reason: undefined, written: false },
        };
      } catch {
        reason = 'corrupt';
      }
    }
    if (!('problem' in opened)) closeSnapshot(opened);
  }

  const built = await loadConsent(paths, phones, opts);
  const origin: IndexOrigin = { source: 'built', path: undefined, reason, written: false };
  const total = ids.reduce((s, f) => s + f.size, 0);
  if (!cache.always && total < AUTO_SNAPSHOT_BYTES) return { ...built, origin };
  // A file that changed while it was read is not what its hash says: no snapshot of it.
  const after = identify(paths);
  if (!after || after.some((f, i) => f.size !== ids[i]!.size || f.mtimeMs !== ids[i]!.mtimeMs)) return { ...built, origin };
  const facts: FileFacts[] = built.files.map(({ path: _p, label: _l, sha256: _s, ...f }) => f);
  const pieces = encodeSnapshot(built.index, { program: PROGRAM(), key: keyOf(built.files.map((f) => f.sha256)), files: facts, invalid: built.invalid.toData() });
  const w = writeAtomically(cache.dir, name, pieces);
  if ('why' in w) origin.writeError = { dir: cache.dir, why: w.why };
  else { origin.path = w.path; origin.written = true; }
  return { ...built, origin };
}
