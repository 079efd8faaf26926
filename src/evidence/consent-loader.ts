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
import { readJsonLines } from './jsonl-reader.js';

export interface ConsentFileStats {
  path: string;
  sha256: string;
  format: 'csv' | 'jsonl';
  encoding: Encoding;
  delimiter?: string;
  /** Records read (valid and invalid). */
  records: number;
  valid: number;
  invalid: InvalidRecord[];
}

export function isJsonLines(path: string): boolean {
  return /\.(jsonl|ndjson)$/i.test(path);
}

export async function loadConsent(
  paths: readonly string[],
  phones: PhoneNormalizer,
  opts: { encoding?: Encoding | undefined; signal?: AbortSignal | undefined; keepText?: boolean } = {},
): Promise<{ index: ConsentIndex; files: ConsentFileStats[] }> {
  const index = new ConsentIndex(opts.keepText ?? false);
  const files: ConsentFileStats[] = [];
  for (const path of paths) {
    files.push(isJsonLines(path) ? await loadJsonl(path, index, phones, opts) : await loadCsv(path, index, phones, opts));
  }
  index.seal();
  return { index, files };
}

function addRecord(
  index: ConsentIndex, stats: ConsentFileStats, phones: PhoneNormalizer,
  get: (field: string) => RawValue, line: number, file: string,
): void {
  stats.records++;
  try {
    index.add(toConsentRecord(get, { file, line }, phones));
    stats.valid++;
  } catch (e) {
    if (!(e instanceof SchemaProblem)) throw e;
    stats.invalid.push(e.field ? { line, field: e.field, problem: e.problem } : { line, problem: e.problem });
  }
}

async function loadCsv(path: string, index: ConsentIndex, phones: PhoneNormalizer, opts: { encoding?: Encoding | undefined; signal?: AbortSignal | undefined }): Promise<ConsentFileStats> {
  const reader = await TableReader.open({ path, label: path, encoding: opts.encoding });
  const names = reader.header.names.map((n) => n.trim().toLowerCase());
  for (const required of REQUIRED_CONSENT_FIELDS) {
    if (!names.includes(required)) {
      reader.destroy();
      throw new InputError(`${path}:${reader.header.line}: the header has no "${required}" column (columns: ${reader.header.names.join(', ')})`);
    }
  }
  // Field name -> column, as a plain object: looked up ~20 times a record, millions of records.
  const column: Record<string, number> = Object.create(null);
  names.forEach((n, i) => { if (!(n in column)) column[n] = i; });
  const stats: ConsentFileStats = {
    path: resolve(path), sha256: '', format: 'csv', encoding: reader.encoding,
    delimiter: delimiterName(reader.delimiter), records: 0, valid: 0, invalid: [],
  };
  const file = basename(path);
  let sized = false;
  for await (const batch of reader.batches()) {
    if (opts.signal?.aborted) { reader.destroy(); throw opts.signal.reason; }
    if (!sized && reader.size !== undefined && batch.length > 0) {
      // Size the index's columns once from the first batch, instead of doubling them ten times.
      sized = true;
      index.reserve(Math.ceil((reader.size / Math.max(reader.bytesRead, 1)) * batch.length * 1.05));
    }
    for (const rec of batch) {
      if (rec.malformed) {
        stats.records++;
        stats.invalid.push({ line: rec.line, problem: `the record can't be read as CSV: ${rec.malformed.problem}` });
        continue;
      }
      const fields = rec.fields;
      addRecord(index, stats, phones, (f) => { const i = column[f]; return i === undefined ? undefined : fields[i]; }, rec.line, file);
    }
  }
  stats.sha256 = await reader.sha256();
  return stats;
}

async function loadJsonl(path: string, index: ConsentIndex, phones: PhoneNormalizer, opts: { encoding?: Encoding | undefined; signal?: AbortSignal | undefined }): Promise<ConsentFileStats> {
  const stats: ConsentFileStats = { path: resolve(path), sha256: '', format: 'jsonl', encoding: 'utf-8', records: 0, valid: 0, invalid: [] };
  const file = basename(path);
  const result = await readJsonLines(path, opts, (line, value) => {
    if (value instanceof Error) {
      stats.records++;
      stats.invalid.push({ line, problem: `not valid JSON: ${value.message}` });
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      stats.records++;
      stats.invalid.push({ line, problem: 'not a JSON object' });
      return;
    }
    const obj = value as Record<string, RawValue>;
    const keys = new Map<string, string>();
    for (const k of Object.keys(obj)) {
      const n = k.trim().toLowerCase();
      if (!keys.has(n)) keys.set(n, k);
    }
    addRecord(index, stats, phones, (f) => { const k = keys.get(f); return k === undefined ? undefined : obj[k]; }, line, file);
  });
  stats.sha256 = result.sha256;
  stats.encoding = result.encoding;
  return stats;
}
