/**
 * Suppression (do-not-call) lists: a CSV whose phone column is found as for contacts, or one number
 * per line with no header. Numbers normalize with the campaign's region; a line that is not a
 * valid number is reported in report.json and ignored.
 */
import { resolve } from 'node:path';
import { TableReader } from '../io/table-reader.js';
import type { Encoding } from '../io/decode.js';
import type { PhoneNormalizer } from '../phone/normalize.js';
import { findPhoneColumn } from '../io/columns.js';
import { NumberTable, e164Key } from './number-table.js';

export interface SuppressionStats {
  path: string;
  sha256: string;
  format: 'csv' | 'lines';
  encoding: Encoding;
  /** Distinct valid numbers on the list. */
  numbers: number;
  invalid: { line: number; value: string; problem: string }[];
}

export class SuppressionLists {
  /** number -> index of the first list it is on. */
  readonly table = new NumberTable();
  readonly lists: SuppressionStats[] = [];
  readonly labels: string[] = [];

  /** The label of the list the number is on, or undefined. */
  find(e164: string): string | undefined {
    const i = this.table.get(e164Key(e164));
    return i === undefined ? undefined : this.labels[i];
  }
}

export async function loadSuppression(
  paths: readonly string[],
  phones: PhoneNormalizer,
  opts: { encoding?: Encoding | undefined; signal?: AbortSignal | undefined } = {},
): Promise<SuppressionLists> {
  const lists = new SuppressionLists();
  for (const path of paths) {
    const listIndex = lists.lists.length;
    const reader = await TableReader.open({ path, label: path, encoding: opts.encoding });
    const phoneColumn = findPhoneColumn(reader.header.names);
    const stats: SuppressionStats = {
      path: resolve(path), sha256: '', format: phoneColumn ? 'csv' : 'lines', encoding: reader.encoding, numbers: 0, invalid: [],
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
    stats.sha256 = reader.sha256();
    lists.lists.push(stats);
    lists.labels.push(path);
  }
  return lists;
}
