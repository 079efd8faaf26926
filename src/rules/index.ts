/**
 * The ordered rule registry. A row is judged by each rule in turn; a rule returns findings and
 * may record what it learnt on the row for the rules after it (the number, the consent decision).
 * A ROW_MALFORMED record gets that code alone: no rule runs on it (SPEC "Reason codes").
 */
import { sortFindings, type Finding } from '../reasons.js';
import type { CsvRecord } from '../io/csv-tokenizer.js';
import { newRow, type AuditContext, type RowFacts } from './context.js';
import { checkPhone } from './phone.js';
import { checkDuplicate } from './duplicate.js';
import { checkSuppression } from './suppression.js';
import { checkConsent } from './consent.js';
import { checkNotice } from './notice.js';
import { checkCountry, checkNumberType } from './phone-policy.js';
import { checkSource } from './source.js';
import { checkRequiredLists } from './required-lists.js';
import { judgeNumbers } from './numbers.js';
import { checkDialMode } from './dial-mode.js';
import { judgeEmailRow } from '../email/judge-email.js';
import { e164Key } from '../evidence/number-table.js';
import type { CellReading } from '../phone/normalize.js';

export interface Rule {
  name: string;
  /** `number`: judged for each number of a row (issue #11); `row`: once per row. */
  scope: 'number' | 'row';
  check(row: RowFacts, ctx: AuditContext): readonly Finding[];
}

/**
 * In the order they run: later rules read what earlier ones found (the number, the consent
 * decision, the resolved notice). Number rules run for each number of a row (src/rules/numbers.ts),
 * row rules once. The order of codes in `audit_reasons` is the registry's, not this.
 */
export const RULES: readonly Rule[] = [
  { name: 'phone', scope: 'number', check: checkPhone },
  { name: 'number-type', scope: 'number', check: checkNumberType },
  { name: 'country', scope: 'number', check: checkCountry },
  { name: 'duplicate', scope: 'number', check: checkDuplicate },
  // Consent before suppression: covering consent may override a registry hit (issue #10).
  { name: 'consent', scope: 'number', check: checkConsent },
  { name: 'suppression', scope: 'number', check: checkSuppression },
  { name: 'required-lists', scope: 'row', check: checkRequiredLists },
  { name: 'dial-mode', scope: 'row', check: checkDialMode },
  { name: 'notice', scope: 'row', check: checkNotice },
  { name: 'source', scope: 'row', check: checkSource },
];

/** The number rules after the phone itself, and the row rules, for rows with several numbers. */
const NUMBER_RULES = RULES.filter((r) => r.scope === 'number' && r.name !== 'phone');
const ROW_RULES = RULES.filter((r) => r.scope === 'row');

/** prefetchBatch's arrays, reused from batch to batch. */
let readings: (CellReading | undefined)[] = [];
let keys = new Float64Array(0);
let slots = new Uint32Array(0);
/** Each record's number as a key (src/evidence/number-table.ts), 0 when it has no valid one. */
let rowKeys = new Float64Array(0);
/** What the read-ahead read, kept so that the reads are not left out as unused. */
let prefetched = 0;

/**
 * Reads a batch's phone cells (the common case: one phone column) and then, in tight loops, the
 * memory its consent look-ups and its duplicate check will read (src/evidence/consent-index.ts,
 * issue #16: the processor then waits for many of those reads at once instead of one at a time;
 * the 1M-row audit, 6 alternating pairs: 8.27 -> 7.94 CPU s). Gives each record's reading,
 * for judgeRow; undefined when the batch is judged otherwise (an email run, several phone columns).
 * The readings are what judgeRow would read itself: the phone memo answers the same in any order.
 */
export function prefetchBatch(batch: readonly CsvRecord[], ctx: AuditContext): readonly (CellReading | undefined)[] | undefined {
  if (ctx.email || ctx.columns.phones.length !== 1) return undefined;
  const col = ctx.columns.phones[0]!;
  const n = batch.length;
  readings.length = n;
  if (keys.length < n) {
    keys = new Float64Array(n * 2);
    slots = new Uint32Array(n * 2);
    rowKeys = new Float64Array(n * 2);
  }
  let m = 0;
  for (let k = 0; k < n; k++) {
    const record = batch[k]!;
    rowKeys[k] = 0;
    if (record.malformed) {
      readings[k] = undefined;
      continue;
    }
    const reading = ctx.phones.read(record.fields[col] ?? '');
    readings[k] = reading;
    if (reading.kind === 'valid') rowKeys[k] = keys[m++] = e164Key(reading.e164);
  }
  const index = ctx.consent, seen = ctx.seen;
  for (let j = 0; j < m; j++) slots[j] = index.prefetchSlot(keys[j]!);
  let sum = 0;
  for (let j = 0; j < m; j++) sum += index.prefetchRecord(slots[j]!) + seen.touch(keys[j]!);
  prefetched += sum;
  return readings;
}

/** Record k's number as prefetchBatch keyed it (0: none); valid until the next batch. */
export function prefetchedKey(k: number): number {
  return rowKeys[k]!;
}

/**
 * `reading`, `key`: the phone cell's reading and its number's key from prefetchBatch, when it read
 * them (a key of 0: none).
 */
export function judgeRow(record: CsvRecord, ctx: AuditContext, reading?: CellReading, key = 0): RowFacts {
  // Issue #15: on an email run the address is the contact key and the phone is not judged.
  if (ctx.email) return judgeEmailRow(record, ctx, ROW_RULES);
  const row = newRow(record);
  if (record.malformed) {
    row.findings.push({ code: 'ROW_MALFORMED', args: { problem: record.malformed.problem, raw: record.malformed.raw } });
    return row;
  }
  // The common case, one phone column and one number in it, stays on the path it always had.
  const phones = ctx.columns.phones;
  if (phones.length !== 1) return judgeNumbers(row, ctx, NUMBER_RULES, ROW_RULES);
  reading ??= ctx.phones.read(record.fields[phones[0]!] ?? '');
  if (reading.kind === 'several') return judgeNumbers(row, ctx, NUMBER_RULES, ROW_RULES);
  row.phone = reading;
  if (key !== 0) row.key = key;
  for (let r = 0; r < RULES.length; r++) {
    const found = RULES[r]!.check(row, ctx);
    const n = found.length;
    if (n === 0) continue;
    // A row's first finding gets an array of its size (a push would make room for 17), and no
    // spread: most rows have one finding or none (issue #16, fewer short-lived objects).
    if (n === 1 && row.findings.length === 0) row.findings = [found[0]!];
    else for (let i = 0; i < n; i++) row.findings.push(found[i]!);
  }
  sortFindings(row.findings);
  return row;
}
