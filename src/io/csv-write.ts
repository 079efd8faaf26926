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

/**
 * A cell a spreadsheet would run as a formula gets a leading `'` (OWASP "CSV Injection"): one that
 * begins with `=`, `@`, a tab or a carriage return, or with `+` or `-` followed by anything but a
 * digit, a space or `(`, so phone numbers such as `+7 916 ...` stay readable (SPEC, rejects.csv).
 */
export function neutralizeFormula(cell: string): string {
  if (cell.length === 0) return cell;
  const c = cell.charCodeAt(0);
  if (c === 61 /* = */ || c === 64 /* @ */ || c === 9 || c === 13) return `'${cell}`;
  if ((c === 43 /* + */ || c === 45 /* - */) && cell.length > 1) {
    const n = cell.charCodeAt(1);
    const safe = (n >= 48 && n <= 57) || n === 32 || n === 40; /* digit, space, ( */
    if (!safe) return `'${cell}`;
  }
  return cell;
}
