/**
 * Suppression (do-not-call) lists: a CSV whose phone column is found as for contacts, or one number
 * per line with no header. Numbers normalize with the campaign's region; a line that is not a
 * valid number is reported in report.json and ignored. Each list has a name (`--suppress
 * NAME=FILE`, else its file name), a date (`--list-date`, else the file's modification time), so a
 * policy can require a list and its freshness (LIST_STALE), and a kind (issue #10: objection,
 * internal, registry, refusal), which decides whether consent may override a hit.
 */
import { resolve } from 'node:path';
import { statSync } from 'node:fs';
import { TableReader, delimiterName } from '../io/table-reader.js';
import type { Encoding } from '../io/decode.js';
import type { PhoneNormalizer } from '../phone/normalize.js';
import { SUPPRESS_ALIASES, missingColumnsError, resolveColumns } from '../io/column-map.js';
import type { InputOptions } from '../io/input-source.js';
import type { SuppressSpec } from '../core/settings.js';
import type { ListKind } from '../policy/schema.js';
import { NumberTable, e164Key } from './number-table.js';
import { t } from '../i18n/index.js';
import { tallyInvalid } from './invalid-records.js';
import type { EmailSuppression } from '../email/email-suppression.js';
import { normalizeSuppressEntry } from '../email/normalize.js';
import { emailProblemWords } from '../email/problem-words.js';

export interface SuppressionStats {
  name: string;
  path: string;
  sha256: string;
  format: 'csv' | 'lines';
  compression?: 'gzip';
  sheet?: string;
  encoding: Encoding;
  /** A doubt about the encoding worth telling people (issue #12 item 14). */
  encodingWarning?: string | undefined;
  delimiter: string | undefined;
  /** When the list was downloaded (epoch ms). */
  date: number;
  dateSource: 'list-date' | 'file-mtime';
  /** Distinct valid numbers on the list. */
  numbers: number;
  /** Lines that are not a valid number: the first few kept, every one counted (issue #12 item 5). */
  invalid: { line: number; value: string; problem: string }[];
  invalidCount: number;
  invalidByField: Record<string, number>;
  kind: ListKind;
  /** Where the kind came from: the --suppress flag, the policy's list of that name, or the default. */
  kindSource: SuppressSpec['kindSource'];
  /** The key its entries were read as (issue #15): a phone run's numbers, an email run's addresses; a list with only the other key's column gives this run nothing. */
  key: 'phone' | 'email';
  /** An email run's distinct addresses and whole domains (`@example.ru`) on the list. */
  addresses?: number;
  domains?: number;
}

/** The lists one number is on (interned: few numbers are on more than one list). */
export interface ListSet {
  /** Indices into `lists`, in the order the lists were given. */
  readonly lists: readonly number[];
  /** `name:kind` of each list, `|`-joined: the SUPPRESSED finding's args. */
  readonly label: string;
  /** Whether every list is a registry, the only kind consent may override. */
  readonly registryOnly: boolean;
}

/** How much of a line that is not a number report.json shows. */
const VALUE_SHOWN = 200;

export class SuppressionLists {
  /** number -> the set of lists it is on (an index into `sets`). */
  readonly table = new NumberTable();
  readonly lists: SuppressionStats[] = [];
  private readonly sets: ListSet[] = [];
  private readonly setIds = new Map<string, number>();

  /** The lists the number is on, or undefined. */
  find(e164: string, key = e164Key(e164)): ListSet | undefined {
    const i = this.table.get(key);
    return i === undefined ? undefined : this.sets[i];
  }

  /** The names of the lists the number is on (empty when none). */
  names(e164: string): string[] {
    return this.find(e164)?.lists.map((i) => this.lists[i]!.name) ?? [];
  }

  /** Puts the number on list `index` (named and of the kind given); false when it was on it already. */
  add(key: number, index: number, specs: readonly SuppressSpec[]): boolean {
    const current = this.table.get(key);
    const before = current === undefined ? [] : this.sets[current]!.lists;
    if (before.includes(index)) return false;
    const id = this.setId([...before, index], specs);
    if (current === undefined) this.table.add(key, id);
    else this.table.set(key, id);
    return true;
  }

  private setId(lists: number[], specs: readonly SuppressSpec[]): number {
    return internListSet(this.sets, this.setIds, lists, specs);
  }
}

/** The id of a set of lists (indices in list order), made the first time it is seen (shared with src/email/email-suppression.ts). */
export function internListSet(sets: ListSet[], ids: Map<string, number>, lists: number[], specs: readonly SuppressSpec[]): number {
  const key = lists.join(',');
  let id = ids.get(key);
  if (id === undefined) {
    id = sets.length;
    sets.push({
      lists,
      label: lists.map((i) => `${specs[i]!.name}:${specs[i]!.kind}`).join('|'),
      registryOnly: lists.every((i) => specs[i]!.kind === 'registry'),
    });
    ids.set(key, id);
  }
  return id;
}

export async function loadSuppression(
  specs: readonly SuppressSpec[],
  phones: PhoneNormalizer,
  opts: {
    encoding?: Encoding | undefined; signal?: AbortSignal | undefined; columns?: Record<string, string[]> | undefined; input?: InputOptions | undefined;
    /** An email run (issue #15): entries are addresses and `@domain`s, kept here. */
    emails?: EmailSuppression | undefined;
  } = {},
): Promise<SuppressionLists> {
  const lists = new SuppressionLists();
  for (const spec of specs) {
    const listIndex = lists.lists.length;
    const reader = await TableReader.open({ path: spec.path, label: spec.path, encoding: opts.encoding, input: opts.input, signal: opts.signal });
    const resolved = resolveColumns(reader.header.names, SUPPRESS_ALIASES, opts.columns ?? {});
    if (resolved.unknownMapped.length) {
      reader.destroy();
      throw missingColumnsError(`${spec.path}:${reader.header.line}`, 'suppress', reader.header.names, [], resolved.unknownMapped, resolved.columns);
    }
    // The column of this run's key; a header naming only the other key's column (a phone list on an
    // email run) is still a header, and the list gives this run nothing (issue #15).
    const emails = opts.emails;
    const keyIndex = emails ? resolved.columns.email : resolved.columns.phone;
    const otherIndex = emails ? resolved.columns.phone : resolved.columns.email;
    const phoneColumn = keyIndex === undefined && otherIndex === undefined ? undefined : { index: keyIndex ?? -1 };
    const mtime = statSync(spec.path).mtimeMs;
    const stats: SuppressionStats = {
      name: spec.name, path: resolve(spec.path), sha256: '', format: phoneColumn ? 'csv' : 'lines', encoding: reader.encoding,
      delimiter: phoneColumn ? delimiterName(reader.delimiter) : undefined,
      date: spec.date ?? Math.floor(mtime), dateSource: spec.date === undefined ? 'file-mtime' : 'list-date',
      numbers: 0, invalid: [], invalidCount: 0, invalidByField: {}, kind: spec.kind, kindSource: spec.kindSource,
      key: keyIndex === undefined && otherIndex !== undefined ? (emails ? 'phone' : 'email') : emails ? 'email' : 'phone',
      ...(emails ? { addresses: 0, domains: 0 } : {}),
      ...(reader.input.compression ? { compression: reader.input.compression } : {}),
      ...(reader.input.sheet !== undefined ? { sheet: reader.input.sheet } : {}),
    };
    const take = emails ? (cell: string, line: number) => takeEmail(emails, stats, cell, line, listIndex, specs) : (cell: string, line: number) => {
      const r = phones.normalize(cell);
      if (r.kind !== 'valid') {
        const value = cell.length > VALUE_SHOWN ? t('suppress.longValue', { value: cell.slice(0, VALUE_SHOWN), length: cell.length }) : cell;
        tallyInvalid(stats, { line, value, problem: r.kind === 'missing' ? t('suppress.noNumber') : r.problem ?? t('suppress.invalid') });
        return;
      }
      if (lists.add(e164Key(r.e164), listIndex, specs)) stats.numbers++;
    };
    // Without a phone header the first line is itself a number (one number per line).
    const column = phoneColumn?.index;
    if (column === undefined) take(reader.header.names.join(reader.delimiter), reader.header.line);
    for await (const batch of reader.batches()) {
      if (opts.signal?.aborted) { reader.destroy(); throw opts.signal.reason; }
      for (const rec of batch) {
        if (column === undefined) take(rec.malformed ? rec.malformed.raw : rec.fields.join(reader.delimiter), rec.line);
        else if (column >= 0) take(rec.fields[column] ?? '', rec.line);
      }
    }
    stats.sha256 = await reader.sha256();
    stats.encoding = reader.encoding;
    stats.encodingWarning = reader.encodingWarning;
    lists.lists.push(stats);
  }
  return lists;
}

/** One entry of an email run's list: an address or `@domain`, or a line reported as invalid. */
function takeEmail(emails: EmailSuppression, stats: SuppressionStats, cell: string, line: number, listIndex: number, specs: readonly SuppressSpec[]): void {
  const r = normalizeSuppressEntry(cell);
  if (r.kind !== 'valid') {
    const value = cell.length > VALUE_SHOWN ? t('suppress.longValue', { value: cell.slice(0, VALUE_SHOWN), length: cell.length }) : cell;
    tallyInvalid(stats, { line, value, problem: r.kind === 'missing' ? t('suppress.noEmail') : t('suppress.invalidEmail', { problem: emailProblemWords(r.problem) }) });
    return;
  }
  if (!emails.add(r.address, listIndex, specs)) return;
  stats.numbers++;
  if (r.address.startsWith('@')) stats.domains!++;
  else stats.addresses!++;
}
