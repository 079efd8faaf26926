/**
 * A consent record read back from the compact ConsentIndex (src/evidence/consent-index.ts), and
 * the one byte the index keeps per record for issue #10's facts (separate_document and kind).
 */
import type { ConsentRecord } from './consent-record.js';
import type { ConsentKind } from './consent-words.js';
import type { NoticeField } from '../notice-fields.js';
import type { Origin } from '../policy/campaign.js';
import type { ConsentIndex } from './consent-index.js';

/**
 * The issue #10 facts of a record in one byte: bits 0-1 separate_document (0 unknown, 1 yes, 2 no),
 * bit 2 advertising, bit 3 processing, bit 4 soft_opt_in (issue #15) (none: kind unknown), bits 5-6
 * opt_out_offered (0 unknown, 1 yes, 2 no: a soft opt-in on an SMS run needs it, issue #15).
 */
export const SEPARATE_YES = 1, SEPARATE_NO = 2, SEPARATE_MASK = 3, KIND_ADVERTISING = 4, KIND_PROCESSING = 8, KIND_SOFT_OPT_IN = 16;
export const OPT_OUT_YES = 32, OPT_OUT_NO = 64, OPT_OUT_MASK = 96;
const KIND_BITS: readonly [number, ConsentKind][] = [[KIND_ADVERTISING, 'advertising'], [KIND_PROCESSING, 'processing'], [KIND_SOFT_OPT_IN, 'soft_opt_in']];
const KIND_MASK = KIND_ADVERTISING | KIND_PROCESSING | KIND_SOFT_OPT_IN;
/** Every combination of kinds, by its bits (0: undefined, the record does not say). */
const KIND_LISTS: readonly (readonly ConsentKind[] | undefined)[] = Array.from({ length: KIND_MASK + 1 }, (_, b) => {
  const kinds = KIND_BITS.filter(([bit]) => (b & bit) !== 0).map(([, k]) => k);
  return kinds.length === 0 ? undefined : Object.freeze(kinds);
});

export function factsByte(r: ConsentRecord): number {
  let b = r.separateDocument === undefined ? 0 : r.separateDocument ? SEPARATE_YES : SEPARATE_NO;
  if (r.kinds?.includes('advertising')) b |= KIND_ADVERTISING;
  if (r.kinds?.includes('processing')) b |= KIND_PROCESSING;
  if (r.kinds?.includes('soft_opt_in')) b |= KIND_SOFT_OPT_IN;
  if (r.optOutOffered !== undefined) b |= r.optOutOffered ? OPT_OUT_YES : OPT_OUT_NO;
  return b;
}

/**
 * A record read back from the index: a view of its place there, each field read from the index's
 * columns when asked for (a lookup made an object of fifteen fields a record, most never read:
 * issue #16, fewer short-lived objects). Its id is decoded once, when first read (the covering
 * record's goes to clean.csv; most records' never do).
 */
export class IndexedRecord implements ConsentRecord {
  private id: string | undefined;

  /** `i` is the record's place in the index (the unstated-consent counts tell records apart by it). */
  constructor(private readonly index: ConsentIndex, readonly i: number, readonly e164: string) {}

  get line(): number {
    return this.index.lineOf(this.i);
  }

  get givenAt(): number {
    return this.index.givenAtOf(this.i);
  }

  get withdrawnAt(): number | undefined {
    const w = this.index.withdrawnAtOf(this.i);
    return Number.isNaN(w) ? undefined : w;
  }

  get expiresAt(): number | undefined {
    const x = this.index.expiresAtOf(this.i);
    return Number.isNaN(x) ? undefined : x;
  }

  get channels(): string[] {
    return this.index.channelsOf(this.i);
  }

  get purposes(): string[] {
    return this.index.purposesOf(this.i);
  }

  get notice(): Partial<Record<NoticeField, string>> {
    return this.index.tupleOf(this.i).notice;
  }

  get noticeGivenAt(): number | undefined {
    return this.index.tupleOf(this.i).noticeGivenAt;
  }

  get noticeExempt(): string | undefined {
    return this.index.tupleOf(this.i).noticeExempt;
  }

  get origin(): Origin | undefined {
    return this.index.tupleOf(this.i).origin;
  }

  get separateDocument(): boolean | undefined {
    const separate = this.index.factsOf(this.i) & SEPARATE_MASK;
    return separate === 0 ? undefined : separate === SEPARATE_YES;
  }

  get kinds(): readonly ConsentKind[] | undefined {
    return KIND_LISTS[this.index.factsOf(this.i) & KIND_MASK];
  }

  get optOutOffered(): boolean | undefined {
    const optOut = this.index.factsOf(this.i) & OPT_OUT_MASK;
    return optOut === 0 ? undefined : optOut === OPT_OUT_YES;
  }

  get consentId(): string {
    return (this.id ??= this.index.idOf(this.i));
  }

  get file(): string {
    return this.index.fileName(this.i);
  }

  get evidenceRef(): string {
    return this.index.evidenceOf(this.i);
  }

  get evidenceSha256(): string | undefined {
    return this.index.evidenceShaOf(this.i);
  }
}
