/**
 * Loads consent evidence files (CSV or JSON Lines) into a ConsentIndex. A file that can't be read,
 * or a CSV whose header lacks a required field, stops the run (exit 2); a record that fails the
 * schema is listed in the file's `invalid` entries and never used as consent.
 */
import { basename, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { TableReader, delimiterName } from '../io/table-reader.js';
import type { Encoding } from '../io/decode.js';
import type { PhoneNormalizer } from '../phone/normalize.js';
import { ConsentIndex } from './consent-index.js';
import { REQUIRED_CONSENT_FIELDS, SchemaProblem, toConsentRecord, type InvalidRecord, type RawValue } from './consent-record.js';
import { LineTooLong, readJsonLines } from './jsonl-reader.js';
import { InvalidEvidence } from './invalid-evidence.js';
import { CONSENT_ALIASES, missingColumnsError, resolveColumns } from '../io/column-map.js';
import { headerKey } from '../io/columns.js';
import type { InputOptions } from '../io/input-source.js';
import type { DateOrder } from '../dates.js';
import { t, jsonProblem } from '../i18n/index.js';
import { MAX_JSON_DEPTH, tooDeep } from '../io/json-depth.js';
import { NOT_CONSENT_AFTER, tallyInvalid } from './invalid-records.js';
import { numberAsWritten } from './json-number.js';
import { toEmailConsentRecord, type EmailConsent } from '../email/email-consent.js';

export interface ConsentLoadOptions {
  encoding?: Encoding | undefined;
  signal?: AbortSignal | undefined;
  keepText?: boolean;
  /** Consent columns named by --map or the policy: field -> [column]. */
  columns?: Record<string, string[]> | undefined;
  dateOrder?: DateOrder | undefined;
  input?: InputOptions | undefined;
  /** Bytes a read asks for (default CONSENT_READ_BYTES); a measurement compares sizes with it. */
  chunkSize?: number | undefined;
  /** An email run (issue #15): records are keyed by their `email` and kept here, not in the phone index. */
  emails?: EmailConsent | undefined;
}

/**
 * Bytes a consent file read asks for (issue #16 item 2), chosen by measurement: building the index
 * of 1M records (bench-data/r1000000-c1000000-s1/consent.csv, 101 MiB), median CPU seconds of 3
 * alternating rounds, each in a fresh process, on the 2-core project machine at load average 7-13
 * (`node scripts/measure/consent-load.mjs chunks FILE 8,16,32,64,256 3`, two runs):
 *   8 KiB 6.08 | 16 KiB 6.00, 5.82 | 32 KiB 5.58 | 64 KiB 8.32, 7.85 | 128 KiB 7.97 | 256 KiB 7.57, 7.36 | 1 MiB 8.50
 * (wall medians 11.7 s at 32 KiB, 22.5 s at 256 KiB). Every read's text is a fresh string the
 * tokenizer slices cells from; from 64 KiB on they cost a quarter more. The contact list's read
 * size is src/io/input-source.ts's READ_CHUNK_BYTES, measured for its own path.
 */
export const CONSENT_READ_BYTES = 32 * 1024;

export interface ConsentFileStats {
  path: string;
  sha256: string;
  format: 'csv' | 'jsonl' | 'xlsx';
  compression?: 'gzip';
  sheet?: string;
  encoding: Encoding;
  /** A doubt about the encoding worth telling people (issue #12 item 14). */
  encodingWarning?: string | undefined;
  delimiter?: string;
  /** How messages name the file (as given). */
  label: string;
  /** Records read (valid and invalid). */
  records: number;
  valid: number;
  /** The first INVALID_KEPT invalid records; every one counted, by field (issue #12 item 5). */
  invalid: InvalidRecord[];
  invalidCount: number;
  invalidByField: Record<string, number>;
}

/** The messages of this module, from the catalogue (src/i18n, inputs part). */
const say = {
  notConsent: (path: string, first: readonly InvalidRecord[]) => t('consent.notConsentFile', {
    path, count: NOT_CONSENT_AFTER, first: first.slice(0, 3).map((r) => t('summary.invalidLine', { line: String(r.line), problem: r.problem })).join('; '),
  }),
  unreadable: (problem: string) => t('consent.malformed', { problem }),
  notObject: () => t('consent.notObject'),
  tooDeep: (key: string) => t('consent.tooDeep', { key, max: String(MAX_JSON_DEPTH) }),
};

/** By name: `.jsonl` or `.ndjson`, also gzip-compressed (`consent.jsonl.gz`). */
export function isJsonLines(path: string): boolean {
  return /\.(jsonl|ndjson)(\.gz)?$/i.test(path);
}

export interface LoadedConsent {
  index: ConsentIndex;
  files: ConsentFileStats[];
  invalid: InvalidEvidence;
}

export async function loadConsent(paths: readonly string[], phones: PhoneNormalizer, opts: ConsentLoadOptions = {}): Promise<LoadedConsent> {
  const index = new ConsentIndex(opts.keepText ?? false);
  const files: ConsentFileStats[] = [];
  const invalid = new InvalidEvidence();
  for (const path of paths) {
    files.push(isJsonLines(path) ? await loadJsonl(path, index, invalid, phones, opts) : await loadCsv(path, index, invalid, phones, opts));
  }
  index.seal();
  return { index, files, invalid };
}

function addRecord(
  index: ConsentIndex, invalid: InvalidEvidence, stats: ConsentFileStats, phones: PhoneNormalizer,
  get: (field: string) => RawValue, line: number, file: string, order: DateOrder, emails?: EmailConsent,
): void {
  try {
    if (emails) {
      const { address, record } = toEmailConsentRecord(get, { file, line }, order);
      emails.add(address, record);
    } else {
      index.add(toConsentRecord(get, { file, line }, phones, order));
    }
    stats.records++;
    stats.valid++;
  } catch (e) {
    if (!(e instanceof SchemaProblem)) throw e;
    if (e.e164 !== undefined) invalid.add(e.e164, `${file}:${line}: ${e.problem}`);
    addInvalid(stats, e.field ? { line, field: e.field, problem: e.problem } : { line, problem: e.problem });
  }
}

/**
 * Counts an invalid record, and stops the run when the file's first NOT_CONSENT_AFTER records
 * are all invalid: a file of junk is not read to its end (issue #12 item 5).
 */
function addInvalid(stats: ConsentFileStats, r: InvalidRecord): void {
  stats.records++;
  tallyInvalid(stats, r);
  if (stats.records === NOT_CONSENT_AFTER && stats.valid === 0) throw new InputError(say.notConsent(stats.label, stats.invalid));
}

async function loadCsv(path: string, index: ConsentIndex, invalid: InvalidEvidence, phones: PhoneNormalizer, opts: ConsentLoadOptions): Promise<ConsentFileStats> {
  const reader = await TableReader.open({ path, label: path, encoding: opts.encoding, input: opts.input, signal: opts.signal, chunkSize: opts.chunkSize ?? CONSENT_READ_BYTES });
  const names = reader.header.names;
  // Field -> column, as a plain object: looked up ~20 times a record, millions of records.
  const { columns: column, unknownMapped } = resolveColumns(names, CONSENT_ALIASES, opts.columns ?? {});
  // An email run's records are keyed by the address (issue #15).
  const required = opts.emails ? REQUIRED_CONSENT_FIELDS.map((f) => (f === 'phone' ? 'email' : f)) : REQUIRED_CONSENT_FIELDS;
  const missing = required.filter((f) => column[f] === undefined);
  if (missing.length || unknownMapped.length) {
    reader.destroy();
    throw missingColumnsError(`${path}:${reader.header.line}`, 'consent', names, missing, unknownMapped, column);
  }
  const order = opts.dateOrder ?? 'dmy';
  const stats: ConsentFileStats = {
    path: resolve(path), sha256: '', format: reader.input.format === 'xlsx' ? 'xlsx' : 'csv', encoding: reader.encoding,
    delimiter: delimiterName(reader.delimiter), records: 0, valid: 0, invalid: [], invalidCount: 0, invalidByField: {}, label: path,
    ...(reader.input.compression ? { compression: reader.input.compression } : {}),
    ...(reader.input.sheet !== undefined ? { sheet: reader.input.sheet } : {}),
  };
  const file = basename(path);
  // One reader of the current record's cells for the whole file (a closure a record was a
  // million short-lived objects for a million records, issue #16).
  let fields: readonly string[] = [];
  const get = (f: string): RawValue => {
    const i = column[f];
    return i === undefined ? undefined : fields[i];
  };
  for await (const batch of reader.batches()) {
    if (opts.signal?.aborted) { reader.destroy(); throw opts.signal.reason; }
    if (reader.size !== undefined && batch.length > 0 && reader.bytesRead > 0) {
      // Size the index from the file's size and the bytes a record so far, batch by batch: the
      // first batch alone said 76,271 records for a 5M-record file (the reader reads ahead), and
      // the index then doubled seven times, copying every record each time.
      index.expect((reader.size / reader.bytesRead) * (index.size + batch.length) * 1.1);
    }
    for (const rec of batch) {
      if (rec.malformed) {
        addInvalid(stats, { line: rec.line, problem: say.unreadable(rec.malformed.problem) });
        continue;
      }
      fields = rec.fields;
      addRecord(index, invalid, stats, phones, get, rec.line, file, order, opts.emails);
    }
  }
  stats.sha256 = await reader.sha256();
  // Final only now: a sniffed UTF-8 may have turned out Windows-1251 further on.
  stats.encoding = reader.encoding;
  stats.encodingWarning = reader.encodingWarning;
  return stats;
}

async function loadJsonl(path: string, index: ConsentIndex, invalid: InvalidEvidence, phones: PhoneNormalizer, opts: ConsentLoadOptions): Promise<ConsentFileStats> {
  const order = opts.dateOrder ?? 'dmy';
  const fieldOf = jsonKeyFields(opts.columns ?? {});
  const stats: ConsentFileStats = { path: resolve(path), sha256: '', format: 'jsonl', encoding: 'utf-8', records: 0, valid: 0, invalid: [], invalidCount: 0, invalidByField: {}, label: path };
  const file = basename(path);
  const result = await readJsonLines(path, { ...opts, chunkSize: opts.chunkSize ?? CONSENT_READ_BYTES }, (line, value, text) => {
    if (value instanceof Error) {
      addInvalid(stats, { line, problem: value instanceof LineTooLong ? value.message : t('consent.badJson', { why: jsonProblem(value) }) });
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      addInvalid(stats, { line, problem: say.notObject() });
      return;
    }
    const obj = value as Record<string, RawValue>;
    // Field -> key: the best-ranked key naming each field (the field's own name before aliases).
    const keys = new Map<string, [string, number]>();
    for (const k of Object.keys(obj)) {
      const hit = fieldOf(k);
      if (!hit) continue;
      const had = keys.get(hit[0]);
      if (!had || hit[1] < had[1]) keys.set(hit[0], [k, hit[1]]);
    }
    // A field nested deeper than any consent value can be is one invalid record, not a RangeError
    // that ends the run (issue #12 item 13).
    for (const [k] of keys.values()) {
      const v = obj[k];
      if (v !== null && typeof v === 'object' && tooDeep(v, MAX_JSON_DEPTH - 1)) {
        addInvalid(stats, { line, field: k, problem: say.tooDeep(k) });
        return;
      }
    }
    const get = (f: string): RawValue => {
      const k = keys.get(f)?.[0];
      if (k === undefined) return undefined;
      const v = obj[k];
      // A number a double can't hold exactly (1e400, ids beyond 2^53) is taken as written.
      return typeof v === 'number' && !Number.isSafeInteger(v) ? numberAsWritten(text, k, v) : v;
    };
    addRecord(index, invalid, stats, phones, get, line, file, order, opts.emails);
  });
  stats.sha256 = result.sha256;
  if (result.compression) stats.compression = result.compression;
  stats.encoding = result.encoding;
  stats.encodingWarning = result.encodingWarning;
  return stats;
}

/**
 * A JSON key -> [field, rank] (rank 0 for a mapped key, then the alias's place), cached by key:
 * the same few keys repeat on every line of a file.
 */
function jsonKeyFields(mapped: Record<string, string[]>): (key: string) => [string, number] | undefined {
  const byName = new Map<string, [string, number]>();
  for (const [field, aliases] of Object.entries(CONSENT_ALIASES)) {
    const want = mapped[field]?.[0];
    if (want !== undefined) { byName.set(headerKey(want), [field, 0]); continue; }
    aliases.forEach((a, i) => { const had = byName.get(a); if (!had || i + 1 < had[1]) byName.set(a, [field, i + 1]); });
  }
  const cache = new Map<string, [string, number] | undefined>();
  return (key) => {
    if (cache.has(key)) return cache.get(key);
    const hit = byName.get(headerKey(key));
    if (cache.size < 1000) cache.set(key, hit);
    return hit;
  };
}
