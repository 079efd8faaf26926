/**
 * The invalid records of one input, kept within bounds (issue #12 item 5: a 100 MB consent file of
 * junk took 1.8 GB and wrote a 317 MB report.json; 1 GB of junk ran out of heap). Every one is
 * counted, by field; the first INVALID_KEPT are kept with their line and problem for report.json.
 */
export const INVALID_KEPT = 100;

/** With this many records read and none of them usable, a file is not a consent file. */
export const NOT_CONSENT_AFTER = 1000;

export interface InvalidTally<T> {
  /** The first INVALID_KEPT, in file order. */
  invalid: T[];
  invalidCount: number;
  /** Every invalid record by the field that failed; `record` when the record as a whole did. */
  invalidByField: Record<string, number>;
}

export function tallyInvalid<T extends { line: number; field?: string }>(t: InvalidTally<T>, r: T): void {
  t.invalidCount++;
  const field = r.field ?? 'record';
  t.invalidByField[field] = (t.invalidByField[field] ?? 0) + 1;
  if (t.invalid.length < INVALID_KEPT) t.invalid.push(r);
}
