/**
 * CSV output: UTF-8, comma, `\n` line ends, RFC 4180 quoting (a field is quoted when it holds a
 * comma, a quote or a line break, or begins or ends with white space a reader could trim).
 */
import type { LineBuffer } from './line-buffer.js';

/**
 * Whether a character is white space as a regular expression's `\s` is (ECMAScript WhiteSpace and
 * LineTerminator): what a reader could trim.
 */
export function isRegExpSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Up to this many characters a field is searched character by character; a longer one (a reject's
 * `audit_details`, a long comment) with native indexOf, which costs about the same at 16 and a
 * third as much at 64 (2M calls: 200-250 ms against 55-86, one- and two-byte strings alike).
 */
const LOOP_MAX = 16;

/**
 * Whether a field must be quoted: it holds a quote, a comma, CR or LF, or begins or ends with white
 * space (`/[",\r\n]|^\s|\s$/`, by hand: this runs for every output cell, issue #16 item 4).
 */
export function needsQuotes(value: string, delimiter = 44): boolean {
  const n = value.length;
  if (n === 0) return false;
  if (isRegExpSpace(value.charCodeAt(0)) || isRegExpSpace(value.charCodeAt(n - 1))) return true;
  if (n > LOOP_MAX) {
    return value.indexOf('"') >= 0 || value.indexOf(',') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0
      || (delimiter !== 44 && value.indexOf(String.fromCharCode(delimiter)) >= 0);
  }
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c === 34 || c === 44 || c === 13 || c === 10 || c === delimiter) return true;
  }
  return false;
}

export function csvField(value: string): string {
  return needsQuotes(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** csvField(value) appended to `out`, without making the field's text first when it needs no quotes. */
export function writeCsvField(out: LineBuffer, value: string): void {
  if (needsQuotes(value)) out.append(`"${value.replaceAll('"', '""')}"`);
  else out.text(value);
}

/** A line in another delimiter (`;` for --csv-excel in Russian): quoted when a field holds it. */
export function csvLineWith(fields: readonly string[], delimiter: string): string {
  if (delimiter === ',') return csvLine(fields);
  let s = '';
  for (let i = 0; i < fields.length; i++) {
    if (i) s += delimiter;
    const v = fields[i]!;
    s += needsQuotes(v, delimiter.charCodeAt(0)) ? `"${v.replaceAll('"', '""')}"` : v;
  }
  return s + '\n';
}

export function csvLine(fields: readonly string[]): string {
  let s = '';
  for (let i = 0; i < fields.length; i++) {
    if (i) s += ',';
    s += csvField(fields[i]!);
  }
  return s + '\n';
}

/** The characters a spreadsheet starts a formula with, ASCII and full-width (issue #12 item 11). */
const EQUALS = 0x3d, PLUS = 0x2b, MINUS = 0x2d, AT = 0x40, TAB = 9, CR = 13;
const FULL_EQUALS = 0xff1d, FULL_PLUS = 0xff0b, FULL_MINUS = 0xff0d, FULL_AT = 0xff20, SMALL_EQUALS = 0xfe66;

/**
 * A phone number or a plain number, signed: digits, spaces, `( ) - .`, and an extension at the
 * end (`доб. 123`, `ext. 12`, `x12`, `#12`). Nothing in it can make a formula do anything.
 */
export const NUMBER_CELL = /^[+\-＋－][\d \u00a0().-]*\d[\d \u00a0().-]*(?:\s*(?:доб\.?|ext\.?|x|#)\s*\d+)?$/i;

const isAsciiDigit = (c: number) => c >= 48 && c <= 57;
/** NUMBER_CELL's `[\d \u00a0().-]`. */
const isNumberChar = (c: number) => isAsciiDigit(c) || c === 32 || c === 0xa0 || c === 40 || c === 41 || c === 46 || c === 45;

/**
 * NUMBER_CELL.test(cell) by hand (issue #16 item 4: no regular expression per row; a property test
 * holds the two equal). The body is the longest run of number characters after the sign (none of
 * the extension's labels or white space other than ` ` and no-break space can be in it, so giving
 * characters back never helps the rest match); it needs a digit, and what follows it is nothing,
 * or white space, a label, white space and digits to the end.
 */
export function isNumberCell(cell: string): boolean {
  const n = cell.length;
  let i = 1;
  let digit = false;
  for (; i < n; i++) {
    const c = cell.charCodeAt(i);
    if (!isNumberChar(c)) break;
    if (isAsciiDigit(c)) digit = true;
  }
  if (!digit) return false;
  if (i === n) return true;
  while (i < n && isRegExpSpace(cell.charCodeAt(i))) i++;
  const c = cell.charCodeAt(i) | 0x20;
  if (c === 0x78 /* x */ || cell.charCodeAt(i) === 35 /* # */) i++;
  else if (c === 0x65 /* e */ && (cell.charCodeAt(i + 1) | 0x20) === 0x78 && (cell.charCodeAt(i + 2) | 0x20) === 0x74) {
    i += 3;
    if (cell.charCodeAt(i) === 46) i++;
  } else if (isDob(cell, i)) {
    i += 3;
    if (cell.charCodeAt(i) === 46) i++;
  } else return false;
  while (i < n && isRegExpSpace(cell.charCodeAt(i))) i++;
  if (i === n) return false;
  for (; i < n; i++) if (!isAsciiDigit(cell.charCodeAt(i))) return false;
  return true;
}

/** `доб` in any case at i (the regular expression's `i` flag). */
function isDob(cell: string, i: number): boolean {
  const a = cell.charCodeAt(i), b = cell.charCodeAt(i + 1), c = cell.charCodeAt(i + 2);
  return (a === 0x434 || a === 0x414) && (b === 0x43e || b === 0x41e) && (c === 0x431 || c === 0x411);
}

/**
 * A cell a spreadsheet would run as a formula gets a leading `'` (OWASP "CSV Injection"): one that
 * begins with `=`, `+`, `-`, `@`, a tab or a carriage return, or their full-width forms (`＝`,
 * `＋`, `－`, `＠`, `﹦`), unless the whole cell is a phone number or a plain number, so
 * `+7 916 ...` stays readable but `+1+cmd|...` does not (SPEC, rejects.csv). Spreadsheets read any
 * leading `+` or `-` as a formula, whatever follows it (issue #12 item 11).
 */
export function neutralizeFormula(cell: string): string {
  if (cell.length === 0) return cell;
  const c = cell.charCodeAt(0);
  if (c === PLUS || c === MINUS || c === FULL_PLUS || c === FULL_MINUS) return isNumberCell(cell) ? cell : `'${cell}`;
  if (c === EQUALS || c === AT || c === TAB || c === CR || c === FULL_EQUALS || c === FULL_AT || c === SMALL_EQUALS) return `'${cell}`;
  return cell;
}
