/**
 * A deliberately simple, slow REFERENCE reader of the contract's CSV dialect (SPEC "Contacts",
 * "ROW_MALFORMED"), written for the property tests only. It works on the whole text at once,
 * one character at a time, and shares no code with src/io/csv-tokenizer.ts.
 *
 * The dialect, as the reference reads it:
 * - physical lines end in CRLF, LF or CR; a final line end does not start another (empty) line;
 * - a record starts at the start of a physical line;
 * - a line that is empty or only white space is not a record and is counted. White space is what
 *   the implementation treats as such: space, tab, NO-BREAK SPACE, vertical tab, form feed, but
 *   never the delimiter itself (a line of tabs in a TSV is a row of empty cells);
 * - a quote opens a quoted field only at the start of a field; inside it `""` is one quote and
 *   line ends are text; after the closing quote must come the delimiter, a line end or the end of
 *   the input;
 * - the first record read is the header, and every later record must have its field count;
 * - a record that can't be read (wrong field count, a quoted field still open at the end of the
 *   input, a closing quote followed by something else) is its FIRST PHYSICAL LINE ALONE, marked
 *   malformed, with the fields of a lenient split of that line; reading resumes on the next line.
 */

export interface RefRecord {
  /** 1-based physical line where the record starts. */
  line: number;
  fields: string[];
  /** Set for a record that can't be read: the text of its first physical line. */
  malformedRaw?: string;
}

export interface RefResult {
  records: RefRecord[];
  blankLines: number;
}

/** White space for blank lines, as src/io/csv-tokenizer.ts has it (read from the source). */
export const BLANK_WHITE_SPACE = [' ', '\t', '\u00a0', '\u000b', '\u000c'] as const;

interface PhysicalLine {
  /** Offset of the first character. */
  start: number;
  /** Offset just after the last character of the content (before the line end). */
  end: number;
}

/** Physical lines of `text`, CRLF / LF / CR, one character at a time. */
export function physicalLines(text: string): PhysicalLine[] {
  const lines: PhysicalLine[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\r' || c === '\n') {
      lines.push({ start, end: i });
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      start = i;
    } else {
      i++;
    }
  }
  if (start < text.length) lines.push({ start, end: text.length });
  return lines;
}

function isBlank(content: string, delimiter: string): boolean {
  for (const ch of content) {
    if (ch === delimiter) return false;
    if (!(BLANK_WHITE_SPACE as readonly string[]).includes(ch)) return false;
  }
  return true;
}

type Parsed = { ok: true; fields: string[]; end: number; next: number } | { ok: false };

/**
 * Reads one record starting at `start`: its fields, the offset of its line end (or the end of the
 * text) and the offset after that line end, or not ok when it can't be read as CSV.
 */
function parseRecord(text: string, start: number, delimiter: string): Parsed {
  const fields: string[] = [];
  let field = '';
  let state: 'fieldStart' | 'unquoted' | 'quoted' | 'afterClosingQuote' = 'fieldStart';
  let i = start;
  for (;;) {
    const c = i < text.length ? text[i] : undefined; // undefined: end of input
    switch (state) {
      case 'fieldStart':
        if (c === '"') { state = 'quoted'; i++; } else state = 'unquoted';
        break;
      case 'unquoted':
        if (c === undefined || c === '\r' || c === '\n') {
          fields.push(field);
          return { ok: true, fields, end: i, next: afterLineEnd(text, i) };
        }
        if (c === delimiter) { fields.push(field); field = ''; state = 'fieldStart'; i++; break; }
        field += c;
        i++;
        break;
      case 'quoted':
        if (c === undefined) return { ok: false }; // still open at the end of the input
        if (c === '"') {
          if (text[i + 1] === '"') { field += '"'; i += 2; } else { state = 'afterClosingQuote'; i++; }
          break;
        }
        field += c;
        i++;
        break;
      case 'afterClosingQuote':
        if (c === undefined || c === '\r' || c === '\n') {
          fields.push(field);
          return { ok: true, fields, end: i, next: afterLineEnd(text, i) };
        }
        if (c === delimiter) { fields.push(field); field = ''; state = 'fieldStart'; i++; break; }
        return { ok: false }; // closed where no delimiter or line end follows
    }
  }
}

function afterLineEnd(text: string, i: number): number {
  if (i >= text.length) return i;
  if (text[i] === '\r' && text[i + 1] === '\n') return i + 2;
  return i + 1;
}

/**
 * The lenient split of one physical line, for a malformed record: a field that starts with a quote
 * reads up to its closing quote (`""` is a quote), or to the end of the line when there is none;
 * text after the closing quote, up to the next delimiter, is kept as it stands.
 */
export function lenientSplit(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let state: 'fieldStart' | 'plain' | 'quoted' = 'fieldStart';
  let i = 0;
  for (;;) {
    const c = i < line.length ? line[i] : undefined;
    if (state === 'fieldStart') {
      if (c === '"') { state = 'quoted'; i++; } else state = 'plain';
      continue;
    }
    if (state === 'quoted') {
      if (c === undefined) { fields.push(field); return fields; }
      if (c === '"') {
        if (line[i + 1] === '"') { field += '"'; i += 2; } else { state = 'plain'; i++; }
        continue;
      }
      field += c;
      i++;
      continue;
    }
    // plain
    if (c === undefined) { fields.push(field); return fields; }
    if (c === delimiter) { fields.push(field); field = ''; state = 'fieldStart'; i++; continue; }
    field += c;
    i++;
  }
}

export interface RefLimits {
  /** A field (its value, after unquoting) longer than this is malformed. */
  maxField: number;
  /** A record (its text from its first character to its line end) longer than this is malformed. */
  maxRecord: number;
}

/** Reads `text` (header mode) the slow way. */
export function referenceRead(text: string, delimiter: string, limits: RefLimits = { maxField: Infinity, maxRecord: Infinity }): RefResult {
  const lines = physicalLines(text);
  const lineIndexAt = new Map<number, number>(lines.map((l, idx) => [l.start, idx]));
  const records: RefRecord[] = [];
  let blankLines = 0;
  let expected: number | undefined;
  let idx = 0;
  while (idx < lines.length) {
    const { start, end } = lines[idx]!;
    const content = text.slice(start, end);
    if (isBlank(content, delimiter)) {
      blankLines++;
      idx++;
      continue;
    }
    const parsed = parseRecord(text, start, delimiter);
    const readable = parsed.ok
      && parsed.fields.every((f) => f.length <= limits.maxField)
      && parsed.end - start <= limits.maxRecord
      && (expected === undefined || parsed.fields.length === expected);
    if (parsed.ok && readable) {
      records.push({ line: idx + 1, fields: parsed.fields });
      if (expected === undefined) expected = parsed.fields.length;
      const nextIdx = parsed.next >= text.length ? lines.length : lineIndexAt.get(parsed.next);
      if (nextIdx === undefined) throw new Error('reference: a record ended mid-line');
      idx = nextIdx;
      continue;
    }
    // Within the limits: the split sees at most maxRecord characters, and keeps at most maxField of each field.
    const fields = lenientSplit(content.slice(0, limits.maxRecord), delimiter).map((f) => f.slice(0, limits.maxField));
    records.push({ line: idx + 1, fields, malformedRaw: content });
    idx++;
  }
  return { records, blankLines };
}

/** Number of line breaks (CRLF once) in `text`. */
export function countLineBreaks(text: string): number {
  return physicalLines(text + 'x').length - 1;
}
