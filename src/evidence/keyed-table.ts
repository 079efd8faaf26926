/**
 * A table keyed by phone number with a header (issue #14: the reassigned-numbers list and the line
 * types of a carrier lookup), read like every other input: CSV in any of the accepted encodings and
 * delimiters, .xlsx, either gzip-compressed; columns found by their names or named with
 * `--map KIND.FIELD=COLUMN`. A header without the required columns stops the run (exit 2) with one
 * message naming them all.
 */
import { resolve } from 'node:path';
import { TableReader, delimiterName } from '../io/table-reader.js';
import { missingColumnsError, resolveColumns, type InputKind } from '../io/column-map.js';
import type { Encoding } from '../io/decode.js';
import type { InputOptions } from '../io/input-source.js';
import type { PhoneNormalizer } from '../phone/normalize.js';
import { t } from '../i18n/index.js';

/** A line of such a file that could not be used: listed in report.json, warned about, never dropped silently. */
export interface InvalidLine { line: number; field?: string; value: string; problem: string }
export type Bad = (line: number, field: string | undefined, value: string, problem: string) => void;

export interface KeyedTableOptions {
  encoding?: Encoding | undefined;
  signal?: AbortSignal | undefined;
  /** Columns named by --map or the policy: field -> [column]. */
  columns?: Record<string, string[]> | undefined;
  input?: InputOptions | undefined;
}

/** What report.json says of such a file. */
export interface KeyedTableFile {
  path: string;
  sha256: string;
  format: 'csv' | 'xlsx';
  compression?: 'gzip';
  sheet?: string;
  encoding: Encoding;
  delimiter?: string;
  /** Data rows read. */
  records: number;
}

/**
 * Reads `path` and calls `row(e164, get, line, bad)` for every data row whose `phone` is a valid
 * number (normalized with the campaign's region); `get(field)` is the trimmed cell of that field's
 * column ('' when the file has no such column), `bad` lists a line that can't be used in `invalid`.
 * A number that is not valid, and a record that can't be read as CSV, go there too.
 */
export async function readKeyedTable(
  path: string, kind: InputKind, aliases: Record<string, readonly string[]>, required: readonly string[], phones: PhoneNormalizer,
  opts: KeyedTableOptions, invalid: InvalidLine[], row: (e164: string, get: (field: string) => string, line: number, bad: Bad) => void,
): Promise<KeyedTableFile> {
  const bad: Bad = (line, field, value, problem) => invalid.push({ line, ...(field ? { field } : {}), value, problem });
  const reader = await TableReader.open({ path, label: path, encoding: opts.encoding, input: opts.input });
  const names = reader.header.names;
  const { columns, unknownMapped } = resolveColumns(names, aliases, opts.columns ?? {});
  const missing = required.filter((f) => columns[f] === undefined);
  if (missing.length || unknownMapped.length) {
    reader.destroy();
    throw missingColumnsError(`${path}:${reader.header.line}`, kind, names, missing, unknownMapped, columns);
  }
  let records = 0;
  for await (const batch of reader.batches()) {
    if (opts.signal?.aborted) { reader.destroy(); throw opts.signal.reason; }
    for (const rec of batch) {
      records++;
      if (rec.malformed) { bad(rec.line, undefined, '', t('consent.malformed', { problem: rec.malformed.problem })); continue; }
      const fields = rec.fields;
      const get = (f: string) => { const i = columns[f]; return i === undefined ? '' : (fields[i] ?? '').trim(); };
      const phoneText = get('phone');
      const phone = phones.normalize(phoneText);
      if (phone.kind !== 'valid') {
        bad(rec.line, 'phone', phoneText, phone.kind === 'missing' ? t('opt.empty') : t('table.phoneInvalid', { problem: phone.problem ? ` (${phone.problem})` : '' }));
        continue;
      }
      row(phone.e164, get, rec.line, bad);
    }
  }
  return {
    path: resolve(path),
    sha256: await reader.sha256(),
    format: reader.input.format === 'xlsx' ? 'xlsx' : 'csv',
    ...(reader.input.compression ? { compression: reader.input.compression } : {}),
    ...(reader.input.sheet !== undefined ? { sheet: reader.input.sheet } : {}),
    encoding: reader.encoding,
    delimiter: delimiterName(reader.delimiter),
    records,
  };
}
