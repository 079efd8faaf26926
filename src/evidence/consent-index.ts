/**
 * Consent records by E.164 number, each number's records in read order (the later `--consent`
 * file, then the later line, comes last: rule 4's tie-break depends on it).
 */
import type { ConsentRecord } from './consent-record.js';

const NONE: readonly ConsentRecord[] = Object.freeze([]);

export class ConsentIndex {
  private readonly byNumber = new Map<string, ConsentRecord[]>();
  private count = 0;

  add(record: ConsentRecord): void {
    const list = this.byNumber.get(record.e164);
    if (list) list.push(record);
    else this.byNumber.set(record.e164, [record]);
    this.count++;
  }

  /** Called once every file is loaded. */
  seal(): void {}

  get size(): number {
    return this.count;
  }

  lookup(e164: string): readonly ConsentRecord[] {
    return this.byNumber.get(e164) ?? NONE;
  }
}
