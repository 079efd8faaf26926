/**
 * Reassigned numbers (issue #14): `--reassigned FILE`, a table of `phone`, `disconnected_at` and
 * optionally `source`: an operator's list of numbers it took back and gave out again, or the
 * numbers a US Reassigned Numbers Database query answered `yes` for. A consent given at or before
 * the number was disconnected is the previous subscriber's (consent belongs to the person, not the
 * number: 152-FZ Art. 9 part 1, GDPR Art. 4(11); 47 CFR 64.1200(m)) and does not count.
 *
 * The Database itself answers a query (a number and a date) with `yes` (permanently disconnected
 * on or after that date), `no` or `no data`, not with a date of disconnection. A result file with
 * a `result` column is read so: a `yes` row says the number was disconnected at the earliest on its
 * date (the date of the query), which is what the rule needs, for a consent given on or before it;
 * `no` and `no data` rows say nothing of a disconnection and are counted, not used (the summary
 * warns of `no data`: the 64.1200(m) safe harbour attaches to a `no` only).
 *
 * Disconnections after --as-of have not happened yet and are ignored (counted). For each number the
 * latest disconnection at or before --as-of is kept: every consent given at or before it belonged to
 * someone else.
 */
import { statSync } from 'node:fs';
import { readDate, type DateOrder } from '../dates.js';
import { ownCopy } from '../io/string-copy.js';
import { REASSIGNED_ALIASES } from '../io/column-map.js';
import type { PhoneNormalizer } from '../phone/normalize.js';
import { NumberTable, e164Key } from './number-table.js';
import { readKeyedTable, type InvalidLine, type KeyedTableFile, type KeyedTableOptions } from './keyed-table.js';
import { t } from '../i18n/index.js';

/** The latest disconnection of a number at or before --as-of. */
export interface Disconnection {
  at: number;
  /** The line of the list that says so. */
  line: number;
  source: string | undefined;
  /** A Database result's `yes`: disconnected at `at` or later (`at` is the date the query asked about). */
  onOrAfter: boolean;
}

export interface ReassignedStats extends KeyedTableFile {
  /** When the list was made (epoch ms): --list-date reassigned=DATE, else the file's modification time. */
  date: number;
  dateSource: 'list-date' | 'file-mtime';
  /** Distinct numbers disconnected at or before --as-of. */
  numbers: number;
  /** Rows whose disconnection is after --as-of: ignored. */
  afterAsOf: number;
  /** Rows of a Database result file answering `no`: not disconnected since the date asked about. */
  answeredNo: number;
  /** Rows answering `no data`: the Database could not say (and its safe harbour attaches to a `no` only). */
  noData: number;
  invalid: InvalidLine[];
}

export interface ReassignedSpec {
  path: string;
  /** Epoch ms from --list-date reassigned=DATE; undefined: the file's modification time. */
  date: number | undefined;
}

/** Answers of a Reassigned Numbers Database result (and an operator's yes/no column). */
const ANSWERS = new Map<string, 'yes' | 'no' | 'no data'>([
  ['yes', 'yes'], ['y', 'yes'], ['true', 'yes'], ['1', 'yes'], ['да', 'yes'],
  ['no', 'no'], ['n', 'no'], ['false', 'no'], ['0', 'no'], ['нет', 'no'],
  ['no data', 'no data'], ['no_data', 'no data'], ['nodata', 'no data'], ['нет данных', 'no data'],
]);

export class ReassignedNumbers {
  private readonly table = new NumberTable();
  private readonly entries: Disconnection[] = [];

  constructor(readonly stats: ReassignedStats) {}

  /** The number's latest disconnection at or before --as-of, if any. */
  find(key: number): Disconnection | undefined {
    const i = this.table.get(key);
    return i === undefined ? undefined : this.entries[i];
  }

  /** @internal Keeps the later of two disconnections of a number. */
  put(key: number, d: Disconnection): void {
    const i = this.table.get(key);
    if (i === undefined) {
      this.table.add(key, this.entries.length);
      this.entries.push(d);
      this.stats.numbers++;
    } else if (d.at > this.entries[i]!.at) {
      this.entries[i] = d;
    }
  }
}

export async function loadReassigned(
  spec: ReassignedSpec, phones: PhoneNormalizer, asOf: number, order: DateOrder, opts: KeyedTableOptions = {},
): Promise<ReassignedNumbers> {
  const stats: ReassignedStats = {
    path: spec.path, sha256: '', format: 'csv', encoding: 'utf-8', records: 0,
    date: spec.date ?? 0, dateSource: spec.date === undefined ? 'file-mtime' : 'list-date',
    numbers: 0, afterAsOf: 0, answeredNo: 0, noData: 0, invalid: [],
  };
  const list = new ReassignedNumbers(stats);
  const file = await readKeyedTable(spec.path, 'reassigned', REASSIGNED_ALIASES, ['phone', 'disconnected_at'], phones, opts, stats.invalid, (e164, get, line, bad) => {
    const result = get('result');
    const answered = result !== '';
    if (answered) {
      const answer = ANSWERS.get(result.toLowerCase());
      if (answer === undefined) { bad(line, 'result', result, t('reassigned.badResult')); return; }
      if (answer === 'no') { stats.answeredNo++; return; }
      if (answer === 'no data') { stats.noData++; return; }
    }
    const dateText = get('disconnected_at');
    const date = readDate(dateText, order);
    if ('problem' in date) { bad(line, 'disconnected_at', dateText, dateText === '' ? t('opt.empty') : date.problem); return; }
    if (date.ms > asOf) { stats.afterAsOf++; return; }
    const source = get('source');
    list.put(e164Key(e164), { at: date.ms, line, source: source === '' ? undefined : ownCopy(source), onOrAfter: answered });
  });
  Object.assign(stats, file);
  // The file was opened, so it is there: its time stands for the list's date when none was given.
  if (spec.date === undefined) stats.date = Math.floor(statSync(spec.path).mtimeMs);
  return list;
}
