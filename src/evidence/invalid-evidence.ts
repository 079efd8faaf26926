/**
 * Consent records that failed the schema but name a valid number (issue #11): never consent, but
 * a number whose only records were these is rejected CONSENT_MISSING with the details naming them,
 * so a user sees that the evidence was there and why it could not be used. Bounded: a file of
 * nothing but broken records must not grow memory without end (issue #12).
 */
import { e164Key } from './number-table.js';

export const MAX_INVALID_NUMBERS = 100_000;
const PER_NUMBER = 3;

export class InvalidEvidence {
  private readonly byNumber = new Map<string, string[]>();
  /**
   * The same numbers as e164Key() keys: every contact row asks (src/rules/consent.ts), and a set of
   * numbers answers "none" for a fresh E.164 string far cheaper than hashing it (issue #16 item 4).
   * An email address's key is NaN, which a Set holds and finds (SameValueZero): the map answers.
   */
  private readonly keys = new Set<number>();
  /** Invalid records whose number was not kept (over the bound). */
  dropped = 0;

  add(e164: string, where: string): void {
    const list = this.byNumber.get(e164);
    if (list) {
      if (list.length < PER_NUMBER) list.push(where);
      else list[PER_NUMBER] = String(Number(list[PER_NUMBER] ?? 0) + 1);
      return;
    }
    if (this.byNumber.size >= MAX_INVALID_NUMBERS) { this.dropped++; return; }
    this.byNumber.set(e164, [where]);
    this.keys.add(e164Key(e164));
  }

  /** Up to three `file:line: problem` texts, and how many more there were. */
  for(e164: string, key = e164Key(e164)): { first: readonly string[]; more: number } | undefined {
    if (!this.keys.has(key)) return undefined;
    const list = this.byNumber.get(e164);
    if (!list) return undefined;
    return { first: list.slice(0, PER_NUMBER), more: Number(list[PER_NUMBER] ?? 0) };
  }

  /** Everything kept, as JSON-able data (for the consent index snapshot). */
  toData(): { numbers: [string, string[]][]; dropped: number } {
    return { numbers: [...this.byNumber], dropped: this.dropped };
  }

  static fromData(d: { numbers: [string, string[]][]; dropped: number }): InvalidEvidence {
    const x = new InvalidEvidence();
    for (const [e164, list] of d.numbers) {
      x.byNumber.set(e164, list);
      x.keys.add(e164Key(e164));
    }
    x.dropped = d.dropped;
    return x;
  }

  get size(): number {
    return this.byNumber.size;
  }
}
