/**
 * Suppression (do-not-call) lists: a CSV whose phone column is found as for contacts, or one number
 * per line with no header. Numbers normalize with the campaign's region; a line that is not a
 * valid number is reported in report.json and ignored. Each list has a name (`--suppress
 * NAME=FILE`, else its file name) and a date (`--list-date`, else the file's modification time),
 * so a policy can require a list and its freshness (LIST_STALE).
 */
import { resolve } from 'node:path';
import { statSync } from 'node:fs';
import { TableReader, delimiterName } from '../io/table-reader.js';
import type { Encoding } from '../io/decode.js';
import type { PhoneNormalizer } from '../phone/normalize.js';
import { SUPPRESS_ALIASES, missingColumnsError, resolveColumns } from '../io/column-map.js';
import type { InputOptions } from '../io/input-source.js';
import type { SuppressSpec } from '../core/settings.js';
import { NumberTable, e164Key } from './number-table.js';

export interface SuppressionStats {
  name: string;
  path: string;
  sha256: string;
  format: 'csv' | 'lines';
  compression?: 'gzip';
  sheet?: string;
  encoding: Encoding;
  delimiter: string | undefined;
  /** When the list was downloaded (epoch ms). */
  date: number;
  dateSource: 'list-date' | 'file-mtime';
  /** Distinct valid numbers on the list. */
  numbers: number;
  invalid: { line: number; value: string; problem: string }[];
}

export class SuppressionLists {
  /** number -> index of the first list it is on. */
  readonly table = new NumberTable();
  readonly lists: SuppressionStats[] = [];

  /** The name of the (first) list the number is on, or undefined. */
  find(e164: string, key = e164Key(e164)): string | undefined {
    const i = this.table.get(key);
    return i === undefined ? undefined : this.lists[i]!.name;
  }
}

export async function loadSuppression(
  specs: readonly SuppressSpec[],
  phones: PhoneNormalizer,
  opts: { encoding?: Encoding | undefined; signal?: AbortSignal | undefined; columns?: Record<string, string[]> | undefined; input?: InputOptions | undefined } = {},
): Promise<SuppressionLists> {
  const lists = new SuppressionLists();
  for (const spec of specs) {
    const listIndex = lists.lists.length;
    const reader = await TableReader.open({ path: spec.path, label: spec.path, encoding: opts.encoding, input: opts.input });
    const resolved = resolveColumns(reader.header.names, SUPPRESS_ALIASES, opts.columns ?? {});
    if (resolved.unknownMapped.length) {
      reader.destroy();
      throw missingColumnsError(`${spec.path}:${reader.header.line}`, 'suppress', reader.header.names, [], resolved.unknownMapped, resolved.columns);
    }
    const phoneColumn = resolved.columns.phone === undefined ? undefined : { index: resolved.columns.phone };
    const mtime = statSync(spec.path).mtimeMs;
    const stats: SuppressionStats = {
      name: spec.name, path: resolve(spec.path), sha256: '', format: phoneColumn ? 'csv' : 'lines', encoding: reader.encoding,
      delimiter: phoneColumn ? delimiterName(reader.delimiter) : undefined,
      date: spec.date ?? Math.floor(mtime), dateSource: spec.date === undefined ? 'file-mtime' : 'list-date',
      numbers: 0, invalid: [],
      ...(reader.input.compression ? { compression: reader.input.compression } : {}),
      ...(reader.input.sheet !== undefined ? { sheet: reader.input.sheet } : {}),
    };
    const distinct = new NumberTable();
    const take = (cell: string, line: number) => {
      const r = phones.normalize(cell);
      if (r.kind !== 'valid') {
        stats.invalid.push({ line, value: cell, problem: r.kind === 'missing' ? 'no number' : r.problem ?? 'not a valid phone number' });
        return;
      }
      const key = e164Key(r.e164);
      if (distinct.add(key, 1)) stats.numbers++;
      lists.table.add(key, listIndex);
    };
    // Without a phone header the first line is itself a number (one number per line).
    const column = phoneColumn?.index;
    if (column === undefined) take(reader.header.names.join(reader.delimiter), reader.header.line);
    for await (const batch of reader.batches()) {
      if (opts.signal?.aborted) { reader.destroy(); throw opts.signal.reason; }
      for (const rec of batch) {
        if (column === undefined) take(rec.malformed ? rec.malformed.raw : rec.fields.join(reader.delimiter), rec.line);
        else take(rec.fields[column] ?? '', rec.line);
      }
    }
    stats.sha256 = await reader.sha256();
    stats.encoding = reader.encoding;
    lists.lists.push(stats);
  }
  return lists;
}
