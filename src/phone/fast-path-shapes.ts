/**
 * The text shapes the phone fast path (src/phone/fast-path.ts) answers besides plain numbers
 * (issue #16 item 3): spreadsheet numbers and extensions, about 4% of a bought list's phone cells,
 * which cost as much through libphonenumber as the fast path over all the others. Text only: the
 * fast path parses what these functions cut out, and answers only when that is a number it reads.
 */

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * A number a spreadsheet exported as a decimal (`79161234567.0`, `79161234567,00`) or in exact
 * scientific notation (`7.9161234567E+10`, `7,9161234567E+10`), with nothing else in the cell but
 * ASCII spaces around it. normalizePhone's spreadsheet repair (normalize.ts unspreadsheet(): its
 * DECIMAL_ZERO, then SCIENTIFIC) turns such a cell into a string of digits D and then returns
 * libphonenumber's reading of D, which is normalizePhone(D) (D holds nothing to repair and no
 * separator); so the answer is the fast path's reading of D. Scientific notation that lost digits
 * or is not a whole number is left to normalizePhone, which names the problem. splitNumbers()
 * reads these cells as one number (the decimal by DECIMAL_ZERO, the other as one run of digits).
 */
export function spreadsheetDigits(cell: string): string | undefined {
  let i = 0;
  let end = cell.length;
  while (i < end && cell.charCodeAt(i) === 32) i++;
  while (end > i && cell.charCodeAt(end - 1) === 32) end--;
  let c = cell.charCodeAt(i);
  const sign = c === 43 ? 1 : c === 45 ? -1 : 0;
  if (sign !== 0) i++;
  const intStart = i;
  while (i < end && isDigit(cell.charCodeAt(i))) i++;
  const intEnd = i;
  if (intEnd === intStart || intEnd - intStart > 30) return undefined;
  c = cell.charCodeAt(i);
  let fracStart = i;
  let fracEnd = i;
  if (c === 46 || c === 44) {
    fracStart = ++i;
    while (i < end && isDigit(cell.charCodeAt(i))) i++;
    fracEnd = i;
    if (fracEnd === fracStart) return undefined;
  }
  if (i === end) {
    // DECIMAL_ZERO: `^(\d+)[.,]0+$`, unsigned; the digits are kept as written (leading zeros too).
    if (sign !== 0 || fracEnd === fracStart) return undefined;
    for (let k = fracStart; k < fracEnd; k++) if (cell.charCodeAt(k) !== 48) return undefined;
    return cell.slice(intStart, intEnd);
  }
  // SCIENTIFIC: `^([+-]?)(\d+)(?:[.,](\d+))?[eE]\+?(\d{1,2})$`.
  c = cell.charCodeAt(i);
  if (c !== 69 && c !== 101) return undefined;
  i++;
  if (cell.charCodeAt(i) === 43) i++;
  const expStart = i;
  while (i < end && isDigit(cell.charCodeAt(i))) i++;
  if (i !== end || i === expStart || i - expStart > 2) return undefined;
  const shift = Number(cell.slice(expStart, end));
  // Exact only: a negative number, a fraction or lost digits are normalizePhone's problems to name.
  if (sign < 0 || fracEnd - fracStart !== shift) return undefined;
  let digits = cell.slice(intStart, intEnd) + cell.slice(fracStart, fracEnd);
  // unspreadsheet() drops leading zeros but keeps the last digit (`/^0+(?=\d)/`).
  let z = 0;
  while (z < digits.length - 1 && digits.charCodeAt(z) === 48) z++;
  return z > 0 ? digits.slice(z) : digits;
}

/** Extension labels answered, as libphonenumber's extension pattern reads them (lowercase only). */
const EXT_LABELS = ['доб', 'ext', 'x'];
/** Extension digits answered: fewer than MIN_NUMBER_DIGITS (normalize.ts), so never a second number. */
const MAX_EXT_DIGITS = 6;

/**
 * A valid number with an extension at the end: `+7 916 123 45 67 доб. 123`, `... ext 12`,
 * `... x12`. The number starts the cell (`+`, `(` or a digit after ASCII spaces), so the text
 * before the label is plain phone punctuation and digits (no separator, no word); then ASCII
 * spaces, a label of EXT_LABELS, an optional `.`, optional spaces, and 1-6 ASCII digits ending the
 * cell. libphonenumber's extractExtension (helpers/extension/createExtensionPattern.js: the
 * explicit label `доб`/`ext` and the ambiguous `x`, each followed by `[:.．]?[ \u00a0\t,-]*`
 * and up to 20 or 9 digits at the end) cuts the extension off and parses what comes before it,
 * so the answer is the number's own reading with `ext` set. The fast path answers only when that
 * number is valid: an invalid one is left to normalizePhone (it then looks for several numbers in
 * the cell). splitNumbers() reads the cell as one number: no separator, and the extension has too
 * few digits to be a number of its own.
 */
export function splitExtension(cell: string): { number: string; ext: string } | undefined {
  let end = cell.length;
  while (end > 0 && cell.charCodeAt(end - 1) === 32) end--;
  let i = end;
  while (i > 0 && isDigit(cell.charCodeAt(i - 1))) i--;
  const extStart = i;
  if (extStart === end || end - extStart > MAX_EXT_DIGITS) return undefined;
  while (i > 0 && cell.charCodeAt(i - 1) === 32) i--;
  if (i > 0 && cell.charCodeAt(i - 1) === 46) i--;
  let labelStart = -1;
  for (const label of EXT_LABELS) {
    if (i >= label.length && cell.startsWith(label, i - label.length)) { labelStart = i - label.length; break; }
  }
  // At least one space between the number and the label.
  if (labelStart <= 0 || cell.charCodeAt(labelStart - 1) !== 32) return undefined;
  let start = 0;
  while (start < labelStart && cell.charCodeAt(start) === 32) start++;
  const first = cell.charCodeAt(start);
  if (first !== 43 && first !== 40 && !isDigit(first)) return undefined;
  let numberEnd = labelStart;
  while (numberEnd > start && cell.charCodeAt(numberEnd - 1) === 32) numberEnd--;
  if (!isDigit(cell.charCodeAt(numberEnd - 1))) return undefined;
  return { number: cell.slice(start, numberEnd), ext: cell.slice(extStart, end) };
}
