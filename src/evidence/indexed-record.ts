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
 * A record read back from the index. Its dates, lists and notice values are set at once; its id
 * and evidence text are decoded only when something reads them (the covering record's id goes to
 * clean.csv; most records' never do).
 */
export class IndexedRecord implements ConsentRecord {
  readonly line: number;
  readonly givenAt: number;
  readonly withdrawnAt: number | undefined;
  readonly expiresAt: number | undefined;
  readonly channels: string[];
  readonly purposes: string[];
  readonly notice: Partial<Record<NoticeField, string>>;
  readonly noticeGivenAt: number | undefined;
  readonly noticeExempt: string | undefined;
  readonly separateDocument: boolean | undefined;
  readonly kinds: readonly ConsentKind[] | undefined;
  readonly origin: Origin | undefined;
  readonly optOutOffered: boolean | undefined;
  private id: string | undefined;

  /** `i` is the record's place in the index (the unstated-consent counts tell records apart by it). */
  constructor(private readonly index: ConsentIndex, readonly i: number, readonly e164: string) {
    const f = index.fields(i);
    this.line = f.line;
    this.givenAt = f.givenAt;
    this.withdrawnAt = f.withdrawnAt;
    this.expiresAt = f.expiresAt;
    this.channels = f.channels;
    this.purposes = f.purposes;
    this.notice = f.tuple.notice;
    this.noticeGivenAt = f.tuple.noticeGivenAt;
    this.noticeExempt = f.tuple.noticeExempt;
    this.origin = f.tuple.origin;
    const separate = f.facts & SEPARATE_MASK;
    this.separateDocument = separate === 0 ? undefined : separate === SEPARATE_YES;
    this.kinds = KIND_LISTS[f.facts & KIND_MASK];
    const optOut = f.facts & OPT_OUT_MASK;
    this.optOutOffered = optOut === 0 ? undefined : optOut === OPT_OUT_YES;
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

