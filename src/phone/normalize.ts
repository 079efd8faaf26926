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

export type PhoneResult =
  | { kind: 'missing' }
  | { kind: 'invalid'; problem?: string }
  | { kind: 'valid'; e164: string; country: string | undefined; type: string; ext: string | undefined };

const SCIENTIFIC = /^([+-]?)(\d+)(?:[.,](\d+))?[eE]\+?(\d{1,2})$/;
const TEXT_FORCED = /^="(.*)"$/s;
/** A whole number exported as a decimal: `79161234567.0`, `79161234567,00` (issue #11). */
const DECIMAL_ZERO = /^(\d+)[.,]0+$/;
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
    if (sign === '-' || frac.length > shift) return { problem: 'spreadsheet scientific notation that is not a whole number' };
    // Zero padding means the spreadsheet rounded the number: its last digits are gone.
    const lost = shift - frac.length;
    if (lost > 0) return { problem: `spreadsheet scientific notation that lost the last ${lost} digit${lost === 1 ? '' : 's'} of the number` };
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
  if (whole.kind === 'valid' || !SEVERAL.test(cleaned.text)) return whole;
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

/**
 * A bounded memo in front of normalizePhone: bought lists repeat numbers, and parsing is the
 * costliest step of an audit. Cleared wholesale when full, so memory stays bounded.
 */
export class PhoneNormalizer {
  private readonly memo = new Map<string, PhoneResult>();
  constructor(readonly region: CountryCode | undefined, private readonly capacity = 50_000) {}

  normalize(cell: string): PhoneResult {
    // The common shapes first: a fast path that gives exactly what libphonenumber gives (checked
    // against it by test/unit/phone-fast-path.test.ts), else the memo and libphonenumber itself.
    const fast = fastNormalize(cell, this.region);
    if (fast !== undefined) return fast;
    let r = this.memo.get(cell);
    if (r === undefined) {
      r = normalizePhone(cell, this.region);
      if (this.memo.size >= this.capacity) this.memo.clear();
      // The cell is a view into its input chunk: a key of its own lets the chunk go.
      this.memo.set(ownCopy(cell), r);
    }
    return r;
  }
}
