/**
 * Phone-cell normalization: one cell of text -> an E.164 number (or why not). Parsing is
 * libphonenumber's default (punctuation and surrounding words such as `тел.:` are ignored) with its
 * full ("max") metadata, which checks the number against each country's real number plan, not just
 * its length. Spreadsheet damage is undone first (SPEC; issue 3): a leading apostrophe, `="..."`
 * text-forcing, and scientific notation.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { fastNormalize } from './fast-path.js';
import { ownCopy } from '../io/string-copy.js';
import { t } from '../i18n/index.js';

export type PhoneResult =
  | { kind: 'missing' }
  | { kind: 'invalid'; problem?: string }
  | { kind: 'valid'; e164: string; country: string | undefined; type: string; ext: string | undefined };

/**
 * A cell that holds several numbers (issue #11, item 4): each part as written, read on its own.
 * `single` is what the cell reads as one number (normalizePhone: the whole, else the first valid
 * part), which evidence files still use.
 */
export interface SeveralNumbers {
  kind: 'several';
  parts: { raw: string; result: PhoneResult }[];
  single: PhoneResult;
}

export type CellReading = PhoneResult | SeveralNumbers;

const SCIENTIFIC = /^([+-]?)(\d+)(?:[.,](\d+))?[eE]\+?(\d{1,2})$/;
const TEXT_FORCED = /^="(.*)"$/s;
/** A whole number exported as a decimal: `79161234567.0`, `79161234567,00` (issue #11). */
const DECIMAL_ZERO = /^(\d+)[.,]0+$/;
/**
 * The same inside other text (`79161234567.0 тел.:`, `79161234567,0 (моб)`): seven or more bare
 * digits, a decimal zero, and no digit or decimal part on either side. Tried only when the text
 * as written is not a valid number, so a number that is valid with its `0` keeps that reading.
 */
const DECIMAL_ZERO_INSIDE = /(?<![\d.,])(\d{7,})[.,]0+(?!\d|[.,]\d)/g;
/** Spaces that are not U+0020 inside a number: no-break, figure, thin, narrow no-break (issue #11). */
const ODD_SPACES = /[\u00a0\u2007\u2009\u202f]/g;
/** Separators between several numbers in one cell: `+7 916 ..., 8 (495) ...`. */
const SEVERAL = /[,;/\n]|\s(?:или|or)\s/i;

/** Undo what spreadsheets do to numbers; returns the text to parse, or a problem. */
function unspreadsheet(cell: string): { text: string } | { problem: string } {
  let text = cell.replace(ODD_SPACES, ' ').trim();
  if (text.startsWith("'")) text = text.slice(1).trim();
  const forced = TEXT_FORCED.exec(text);
  if (forced) text = forced[1]!.trim();
  const decimal = DECIMAL_ZERO.exec(text);
  if (decimal) return { text: decimal[1]! };
  const sci = SCIENTIFIC.exec(text);
  if (sci) {
    const [, sign, int, frac = '', exp] = sci;
    const shift = Number(exp);
    if (sign === '-' || frac.length > shift) return { problem: t('phone.sciNotWhole') };
    // Zero padding means the spreadsheet rounded the number: its last digits are gone.
    const lost = shift - frac.length;
    if (lost > 0) return { problem: t('phone.sciLost', { count: lost }) };
    text = `${int}${frac}`.replace(/^0+(?=\d)/, '');
  }
  return { text };
}

function parseOne(text: string, region: CountryCode | undefined): PhoneResult {
  const n = parsePhoneNumberFromString(text, region ? { defaultCountry: region } : undefined);
  if (!n || !n.isValid()) return { kind: 'invalid' };
  return { kind: 'valid', e164: n.number, country: n.country, type: n.getType() ?? 'UNKNOWN', ext: n.ext };
}

export function normalizePhone(cell: string, region: CountryCode | undefined): PhoneResult {
  if (cell.trim() === '') return { kind: 'missing' };
  const cleaned = unspreadsheet(cell);
  if ('problem' in cleaned) return { kind: 'invalid', problem: cleaned.problem };
  const whole = parseOne(cleaned.text, region);
  if (whole.kind === 'valid') return whole;
  // A spreadsheet's decimal beside a label or note: the number without its `.0` (issue #11).
  const undecimal = cleaned.text.replace(DECIMAL_ZERO_INSIDE, '$1');
  if (undecimal !== cleaned.text) {
    const r = parseOne(undecimal, region);
    if (r.kind === 'valid') return r;
  }
  if (!SEVERAL.test(cleaned.text)) return whole;
  // Several numbers in one cell: the row is audited on the first valid one (issue 3).
  for (const part of cleaned.text.split(SEVERAL)) {
    if (!part || !part.trim()) continue;
    const one = unspreadsheet(part);
    if ('problem' in one) continue;
    const r = parseOne(one.text, region);
    if (r.kind === 'valid') return r;
  }
  return whole;
}

/** Digits a piece of a cell needs to be a number of its own (fewer: an extension, a note). */
export const MIN_NUMBER_DIGITS = 7;
const SEPARATORS = /[,;/\n]|\s(?:или|or)\s/gi;
/** A run of a number's characters: from a `+` or digit to a digit (issue #11's phone-like text). */
export const PHONE_RUN = /\+?\d[\d \t().\-\u00a0\u2007\u2009\u202f]*\d/g;

function digitCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) { const c = text.charCodeAt(i); if (c >= 48 && c <= 57) n++; }
  return n;
}

/**
 * The numbers of a cell as written, when it holds two or more; undefined for one (or none).
 * Split at `,` `;` `/` line breaks and `или`/`or`; a piece with fewer than 7 digits belongs to the
 * number before it (`+7 916 ..., доб. 12`). Without separators, two runs of number characters with
 * 7 digits each (`+7 916 ... +7 495 ...`) are two numbers. Spreadsheet repairs come first, so
 * `79161234567,0` stays one number.
 */
export function splitNumbers(cell: string): string[] | undefined {
  const cleaned = unspreadsheet(cell);
  if ('problem' in cleaned || DECIMAL_ZERO.test(cleaned.text)) return undefined;
  const text = cleaned.text;
  const cuts: number[] = [0];
  const pieces: [number, number][] = [];
  SEPARATORS.lastIndex = 0;
  for (let m = SEPARATORS.exec(text); m; m = SEPARATORS.exec(text)) { pieces.push([cuts[cuts.length - 1]!, m.index]); cuts.push(m.index + m[0].length); }
  pieces.push([cuts[cuts.length - 1]!, text.length]);
  let parts: string[] = [];
  if (pieces.length > 1) {
    // Glue short pieces to the number before them; the first keeps what precedes the first number.
    let start = 0, end = 0, seen = false;
    for (const [from, to] of pieces) {
      if (digitCount(text.slice(from, to)) >= MIN_NUMBER_DIGITS) {
        if (seen) { parts.push(text.slice(start, end)); start = from; }
        seen = true;
      }
      end = to;
    }
    parts.push(text.slice(start, end));
    parts = parts.map((p) => p.trim()).filter(Boolean);
  } else {
    parts = splitRuns(text);
  }
  // A piece between separators may itself hold two runs (`+7 916 ... +7 495 ... n/a`: the `/` of
  // `n/a` is a separator, and the two numbers before it are one piece).
  if (pieces.length > 1) parts = parts.flatMap(splitRuns);
  return parts.length >= 2 ? parts : undefined;
}

/** Two or more runs of number characters with 7 digits each are that many numbers; else the text. */
function splitRuns(text: string): string[] {
  const starts: number[] = [];
  PHONE_RUN.lastIndex = 0;
  for (let m = PHONE_RUN.exec(text); m; m = PHONE_RUN.exec(text)) if (digitCount(m[0]) >= MIN_NUMBER_DIGITS) starts.push(m.index);
  if (starts.length < 2) return [text];
  return starts.map((s, i) => text.slice(i === 0 ? 0 : s, starts[i + 1] ?? text.length).trim());
}

/** A cell as one number or several (issue #11); see splitNumbers. */
export function readCell(cell: string, region: CountryCode | undefined): CellReading {
  if (cell.trim() === '') return { kind: 'missing' };
  const parts = splitNumbers(cell);
  if (!parts) return normalizePhone(cell, region);
  // Copies: a reading is memoized (PhoneNormalizer), and a part cut from the cell would keep the
  // cell's whole input chunk alive (a 1M-row list held 715 chunks, about 180 MB, through them).
  // Each part through the fast path first: it answers exactly as normalizePhone does (issue #16).
  // `single` is for evidence files only (PhoneNormalizer.normalize): read when asked, once.
  return new Several(
    parts.map((raw) => ({ raw: ownCopy(raw), result: fastNormalize(raw, region) ?? normalizePhone(raw, region) })),
    ownCopy(cell), region);
}

/**
 * A cell read as several numbers. `single` is computed on first use and kept; a class, not an
 * object literal with a getter: that made a closure, a context and an accessor pair for every
 * reading, and the memo below keeps thousands of readings (issue #16, RSS a number).
 */
class Several implements SeveralNumbers {
  readonly kind = 'several' as const;
  private one: PhoneResult | undefined;
  constructor(readonly parts: SeveralNumbers['parts'], private readonly own: string, private readonly region: CountryCode | undefined) {}
  get single(): PhoneResult { return (this.one ??= normalizePhone(this.own, this.region)); }
}

/**
 * A bounded memo in front of normalizePhone for the cells the fast path does not answer: bought
 * lists repeat them (`0`, numbers a spreadsheet rounded). Cleared wholesale when full. Small on
 * purpose (issue #16): with 50,000 readings, about 1 KB each, the live heap of the benchmark's
 * 4M-row audit grew from 13 to 64 MB and V8 let the heap reach 280 MB before collecting it (peak
 * RSS 511 -> 347 MiB with 4,096, same CPU time); a miss costs a few microseconds.
 */
export class PhoneNormalizer {
  private readonly memo = new Map<string, CellReading>();
  constructor(readonly region: CountryCode | undefined, private readonly capacity = 4096) {}

  /** The cell as one number: for evidence files, which are keyed by one number a record. */
  normalize(cell: string): PhoneResult {
    const r = this.read(cell);
    return r.kind === 'several' ? r.single : r;
  }

  /** The cell as one number or several (a contact list's phone cell, issue #11). */
  read(cell: string): CellReading {
    // The common shapes first: a fast path that gives exactly what libphonenumber gives (checked
    // against it by test/unit/phone-fast-path.test.ts), else the memo and libphonenumber itself.
    // The fast path never answers a cell with separators or a second `+`: one number only.
    const fast = fastNormalize(cell, this.region);
    if (fast !== undefined) return fast;
    let r = this.memo.get(cell);
    if (r === undefined) {
      r = readCell(cell, this.region);
      if (this.memo.size >= this.capacity) this.memo.clear();
      // The cell is a view into its input chunk: a key of its own lets the chunk go.
      this.memo.set(ownCopy(cell), r);
    }
    return r;
  }
}
