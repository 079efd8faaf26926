/**
 * CSV output: UTF-8, comma, `\n` line ends, RFC 4180 quoting (a field is quoted when it holds a
 * comma, a quote or a line break, or begins or ends with white space a reader could trim).
 */
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A line in another delimiter (`;` for --csv-excel in Russian): quoted when a field holds it. */
export function csvLineWith(fields: readonly string[], delimiter: string): string {
  if (delimiter === ',') return csvLine(fields);
  let s = '';
  for (let i = 0; i < fields.length; i++) {
    if (i) s += delimiter;
    const v = fields[i]!;
    s += NEEDS_QUOTES.test(v) || v.includes(delimiter) ? `"${v.replace(/"/g, '""')}"` : v;
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
const NUMBER_CELL = /^[+\-＋－][\d \u00a0().-]*\d[\d \u00a0().-]*(?:\s*(?:доб\.?|ext\.?|x|#)\s*\d+)?$/i;

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
  if (c === PLUS || c === MINUS || c === FULL_PLUS || c === FULL_MINUS) return NUMBER_CELL.test(cell) ? cell : `'${cell}`;
  if (c === EQUALS || c === AT || c === TAB || c === CR || c === FULL_EQUALS || c === FULL_AT || c === SMALL_EQUALS) return `'${cell}`;
  return cell;
}
