/**
 * An incremental CSV tokenizer that knows physical line numbers and never loses a record.
 *
 * Why not csv-parse: the contract defines what happens to a record that can't be read
 * (SPEC "ROW_MALFORMED"): the record becomes its first physical line alone, its fields fill the
 * columns as far as they go, and reading resumes on the next line, so one stray quote costs one
 * line, not the rest of the file. csv-parse can skip a bad record but cannot go back to the
 * record's first line and resume after it; doing that on top of it would mean parsing twice.
 *
 * Dialect: RFC 4180 with the delimiter given; a quote opens a quoted field only at the start of a
 * field (elsewhere it is text: `ООО "Ромашка"`); line ends are CRLF, LF or CR; a line that is
 * empty or only white space is not a record (counted in `blankLines`).
 *
 * Memory is bounded: a field over `maxField` or a record over `maxRecord` characters is
 * malformed, and a first line longer than `maxRecord` is skipped through without being buffered.
 */
import { t } from '../i18n/index.js';

export interface CsvRecord {
  /** Physical line (1-based) where the record starts. */
  line: number;
  fields: string[];
  malformed?: { problem: string; raw: string };
  /**
   * With the `lines` option, a record read from one plain line (no quote, no CR inside) also
   * carries that line: `text.slice(from, to)`, without its line end. The output copies it where it
   * is provably what re-encoding the fields would give (src/core/row-copy.ts, issue #16 item 4).
   * A reference into the decoded chunk, not a copy: nothing is made per row for it.
   */
  text?: string;
  from?: number;
  to?: number;
}

export interface TokenizerOptions {
  delimiter: string;
  /** Characters; default 1 MiB. */
  maxField?: number;
  /** Characters; default 4 MiB. */
  maxRecord?: number;
  /** Line number of the first character fed in (default 1). */
  firstLine?: number;
  /** The first record is a header: every later record must have as many fields. */
  header?: boolean;
  /** Plain one-line records carry their line (CsvRecord `text`, `from`, `to`). */
  lines?: boolean;
}

const QUOTE = 34, CR = 13, LF = 10, SPACE = 32, TAB = 9;
/** The limits every input is read with: a field over 1 MiB or a record over 4 MiB characters is malformed. */
export const DEFAULT_MAX_FIELD = 1 << 20;
export const DEFAULT_MAX_RECORD = 4 << 20;
/** How much of a malformed line goes into audit_details. */
export const RAW_SHOWN = 2000;
const NEED_MORE = -1;

export class CsvTokenizer {
  /** Fields a record must have; unset until the header has been read. */
  expectedFields: number | undefined;
  blankLines = 0;
  private buf = '';
  private pos = 0;
  private line: number;
  private final = false;
  /** Inside an over-long first line being skipped (see malformed()). */
  private skipping = false;
  /** White space already let go at the start of the current line (an over-long blank line). */
  private blankRun = 0;
  /** Where the next quote and the next CR are at or after pos (-1: not looked for since the last push). */
  private nextQuote = -1;
  private nextCR = -1;
  /** Its first maxRecord characters, should text follow after all. */
  private blankHead = '';
  private readonly delim: number;
  private readonly delimiter: string;
  private readonly maxField: number;
  private readonly maxRecord: number;
  private readonly header: boolean;
  private readonly lines: boolean;

  constructor(opts: TokenizerOptions) {
    if (opts.delimiter.length !== 1) throw new Error('delimiter must be one character');
    this.delim = opts.delimiter.charCodeAt(0);
    this.delimiter = opts.delimiter;
    this.maxField = opts.maxField ?? DEFAULT_MAX_FIELD;
    this.maxRecord = opts.maxRecord ?? DEFAULT_MAX_RECORD;
    this.line = opts.firstLine ?? 1;
    this.header = opts.header ?? false;
    this.lines = opts.lines ?? false;
  }

  /** Feeds decoded text; complete records are appended to `out`. */
  push(text: string, out: CsvRecord[]): void {
    if (this.pos < this.buf.length && text.length > 0) {
      // A line left over from the last text: finish it with this text's first line alone, so the
      // rest of the text is read as it is. `rest + text` would be a rope that the first search
      // copies into a new flat string (each chunk copied once more, issue #16 item 4). Two pushes
      // are a chunk boundary more, which the tokenizer reads the same wherever it falls.
      const nl = text.indexOf('\n');
      if (nl >= 0 && nl + 1 < text.length) {
        this.feed(text.slice(0, nl + 1), out);
        this.feed(text.slice(nl + 1), out);
        return;
      }
    }
    this.feed(text, out);
  }

  private feed(text: string, out: CsvRecord[]): void {
    this.buf = this.pos < this.buf.length ? this.buf.slice(this.pos) + text : text;
    this.pos = 0;
    this.nextQuote = -1;
    this.nextCR = -1;
    this.run(out);
  }

  /** Signals the end of input; the last records are appended to `out`. */
  end(out: CsvRecord[]): void {
    this.final = true;
    this.run(out);
    // An over-long white-space run let go at the very end of the input was a blank last line.
    if (this.blankRun > 0) {
      this.blankLines++;
      this.blankRun = 0;
      this.blankHead = '';
    }
    this.buf = '';
    this.pos = 0;
  }

  private run(out: CsvRecord[]): void {
    while (this.pos < this.buf.length) {
      if (this.skipping && !this.skipLine()) return;
      if (this.pos >= this.buf.length) return;
      // Only a line that starts with white space or ends at once can be blank.
      const c = this.buf.charCodeAt(this.pos);
      if (this.blankRun > 0 || c === LF || c === CR || isBlankChar(c)) {
        const blank = this.blankLine(out);
        if (blank === NEED_MORE) return;
        if (blank > 0) continue;
      }
      if (this.plainLine(out)) continue;
      if (this.record(out) === NEED_MORE) return;
    }
  }

  /**
   * The common case, quickly: a record on one LF- or CRLF-ended line with no quote and no lone CR
   * in it is its fields between delimiters. Native indexOf finds them far faster than a loop over
   * every character. Anything else (quotes, CR line ends, the end of the buffer, limits) is left to
   * record(), which reads the dialect in full; both give the same records.
   */
  private plainLine(out: CsvRecord[]): boolean {
    const { buf } = this;
    const start = this.pos;
    const nl = buf.indexOf('\n', start);
    if (nl < 0) return false;
    let end = nl;
    if (end > start && buf.charCodeAt(end - 1) === CR) end--;
    if (end - start > this.maxRecord) return false;
    if (this.nextQuote < start) {
      const q = buf.indexOf('"', start);
      this.nextQuote = q < 0 ? buf.length : q;
    }
    if (this.nextQuote < end) return false;
    if (this.nextCR < start) {
      const r = buf.indexOf('\r', start);
      this.nextCR = r < 0 ? buf.length : r;
    }
    if (this.nextCR < end) return false;
    // split() makes the array at its size (pushing grew each row's to 17 slots) and is native.
    const fields = (start === 0 && end === buf.length ? buf : buf.slice(start, end)).split(this.delimiter);
    if (end - start > this.maxField) {
      for (let i = 0; i < fields.length; i++) if (fields[i]!.length > this.maxField) return false;
    }
    const want = this.expectedFields;
    if (want !== undefined && fields.length !== want) return false;
    out.push(this.lines ? { line: this.line, fields, text: buf, from: start, to: end } : { line: this.line, fields });
    if (want === undefined && this.header) this.expectedFields = fields.length;
    this.line++;
    this.pos = nl + 1;
    return true;
  }

  /** Skips to the start of the next line; false when the buffer ends first. */
  private skipLine(): boolean {
    const { buf } = this;
    for (let i = this.pos; i < buf.length; i++) {
      const c = buf.charCodeAt(i);
      if (c === LF || c === CR) {
        const next = this.afterLineEnd(i);
        if (next === NEED_MORE) { this.pos = i; return false; }
        this.pos = next;
        this.line++;
        this.skipping = false;
        return true;
      }
    }
    this.pos = buf.length;
    return false;
  }

  /** Index after the line end at `i` (CRLF, LF or CR), or NEED_MORE when a CR ends the buffer. */
  private afterLineEnd(i: number): number {
    const { buf } = this;
    if (buf.charCodeAt(i) === CR) {
      if (i + 1 < buf.length) return buf.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
      return this.final ? i + 1 : NEED_MORE;
    }
    return i + 1;
  }

  /** Consumes a blank line at pos: >0 when one was consumed, 0 when the line has content. */
  private blankLine(out: CsvRecord[]): number {
    const { buf } = this;
    let i = this.pos;
    for (; i < buf.length; i++) {
      const c = buf.charCodeAt(i);
      if (c === LF || c === CR) break;
      // White space, but never the delimiter itself: a line of tabs in a TSV is bare delimiters.
      if (c === this.delim || !isBlankChar(c)) {
        if (this.blankRun === 0) return 0;
        // Text after more white space than a record may hold: a record too long to read. Its
        // fields, as far as they go, come from its first characters (kept in blankHead).
        const run = this.blankRun + (i - this.pos);
        const head = (this.blankHead + buf.slice(this.pos, i)).slice(0, this.maxRecord);
        this.blankRun = 0;
        this.blankHead = '';
        out.push({ line: this.line, fields: splitLenient(head, this.delim, this.maxField), malformed: { problem: t('csv.tooLong', { max: String(this.maxRecord) }), raw: t('csv.blankRun', { count: String(run) }) } });
        this.skipping = true;
        this.pos = i;
        return 1;
      }
    }
    if (i >= buf.length) {
      if (!this.final) {
        // An over-long white-space run: let it go rather than buffer it; its line is blank unless
        // text follows.
        if (this.blankRun > 0 || i - this.pos > this.maxRecord) {
          if (this.blankHead.length < this.maxRecord) this.blankHead += buf.slice(this.pos, Math.min(i, this.pos + this.maxRecord - this.blankHead.length));
          this.blankRun += i - this.pos;
          this.pos = i;
        }
        return NEED_MORE;
      }
      if (i > this.pos || this.blankRun > 0) this.blankLines++;
      this.blankRun = 0;
      this.blankHead = '';
      this.pos = i;
      return 1;
    }
    const next = this.afterLineEnd(i);
    if (next === NEED_MORE) return NEED_MORE;
    this.blankLines++;
    this.blankRun = 0;
    this.blankHead = '';
    this.line++;
    this.pos = next;
    return 1;
  }

  /** Reads one record at pos. */
  private record(out: CsvRecord[]): number {
    const { buf, delim } = this;
    const start = this.pos;
    const len = buf.length;
    const fields: string[] = [];
    let i = start;
    let breaks = 0;
    for (;;) {
      let value: string;
      let end: number; // index of the character after the field
      if (buf.charCodeAt(i) === QUOTE) {
        value = '';
        let j = i + 1;
        for (;;) {
          const k = buf.indexOf('"', j);
          if (k < 0) {
            if (!this.final) return this.needMore(start, out);
            return this.malformed(start, t('csv.openQuote'), out);
          }
          value += buf.slice(j, k);
          if (k + 1 >= len && !this.final) return this.needMore(start, out);
          if (buf.charCodeAt(k + 1) === QUOTE) {
            value += '"';
            j = k + 2;
            continue;
          }
          end = k + 1;
          break;
        }
        breaks += countBreaks(value);
        if (end < len) {
          const c = buf.charCodeAt(end);
          if (c !== delim && c !== CR && c !== LF) {
            return this.malformed(start, t('csv.closedQuote'), out);
          }
        }
      } else {
        let k = i;
        for (; k < len; k++) {
          const c = buf.charCodeAt(k);
          if (c === delim || c === LF || c === CR) break;
        }
        if (k >= len && !this.final) return this.needMore(start, out);
        value = buf.slice(i, k);
        end = k;
      }
      if (value.length > this.maxField) {
        return this.malformed(start, t('csv.fieldTooLong', { max: String(this.maxField) }), out);
      }
      fields.push(value);
      if (end < len && buf.charCodeAt(end) === delim) {
        i = end + 1;
        continue;
      }
      // End of the record: a line end, or the end of the input.
      let next = end;
      if (end < len) {
        next = this.afterLineEnd(end);
        // A CR ends the buffer: wait for a possible LF. The record itself is complete (its length
        // is checked below), so this can't grow the buffer beyond one more character.
        if (next === NEED_MORE) return NEED_MORE;
      }
      if (end - start > this.maxRecord) {
        return this.malformed(start, t('csv.tooLong', { max: String(this.maxRecord) }), out);
      }
      const want = this.expectedFields;
      if (want !== undefined && fields.length !== want) {
        return this.malformed(start, t('csv.fieldCount', { count: fields.length, want: String(want) }), out);
      }
      out.push({ line: this.line, fields });
      if (want === undefined && this.header) this.expectedFields = fields.length;
      this.line += 1 + breaks;
      this.pos = next;
      return next;
    }
  }

  /** The record is not complete in the buffer: wait for more text, unless it is already too long. */
  private needMore(start: number, out: CsvRecord[]): number {
    if (this.buf.length - start > this.maxRecord) {
      return this.malformed(start, t('csv.tooLong', { max: String(this.maxRecord) }), out);
    }
    return NEED_MORE;
  }

  /**
   * A record that can't be read is its first physical line alone; reading resumes on the next line
   * (SPEC "ROW_MALFORMED"). When that line itself does not end within the buffer, wait for it, or
   * when it is over-long, report what we have and skip the rest of it without buffering.
   */
  private malformed(start: number, problem: string, out: CsvRecord[]): number {
    const { buf } = this;
    let eol = start;
    while (eol < buf.length) {
      const c = buf.charCodeAt(eol);
      if (c === LF || c === CR) break;
      eol++;
    }
    let next: number;
    if (eol >= buf.length && !this.final) {
      if (eol - start <= this.maxRecord) return NEED_MORE;
      this.skipping = true;
      next = eol;
    } else {
      next = eol < buf.length ? this.afterLineEnd(eol) : eol;
      if (next === NEED_MORE) return NEED_MORE;
    }
    const rawFull = buf.slice(start, Math.min(eol, start + RAW_SHOWN + 1));
    const raw = eol - start > RAW_SHOWN ? t('csv.moreChars', { raw: rawFull.slice(0, RAW_SHOWN), count: String(eol - start - RAW_SHOWN) }) : rawFull;
    const fields = splitLenient(buf.slice(start, Math.min(eol, start + this.maxRecord)), this.delim, this.maxField);
    out.push({ line: this.line, fields, malformed: { problem, raw } });
    if (!this.skipping) this.line++;
    this.pos = next;
    return next;
  }
}

/** White space for blank lines: space, tab, no-break space, vertical tab, form feed. */
export function isBlankChar(c: number): boolean {
  return c === SPACE || c === TAB || c === 0xa0 || c === 0x0b || c === 0x0c;
}

/** Line breaks inside a quoted value: CRLF counts once. */
function countBreaks(value: string): number {
  let n = 0;
  for (let i = value.indexOf('\n'); i >= 0; i = value.indexOf('\n', i + 1)) n++;
  for (let i = value.indexOf('\r'); i >= 0; i = value.indexOf('\r', i + 1)) {
    if (value.charCodeAt(i + 1) !== LF) n++;
  }
  return n;
}

/**
 * Splits one physical line into fields as far as it goes, forgiving bad quoting: an unclosed quote
 * takes the rest of the line, text after a closing quote is kept as it stands.
 */
export function splitLenient(line: string, delim: number, maxField = Infinity): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let value = '';
    if (line.charCodeAt(i) === QUOTE) {
      let j = i + 1;
      for (;;) {
        const k = line.indexOf('"', j);
        if (k < 0) { value += line.slice(j); i = line.length; break; }
        value += line.slice(j, k);
        if (line.charCodeAt(k + 1) === QUOTE) { value += '"'; j = k + 2; continue; }
        i = k + 1;
        break;
      }
    }
    let k = i;
    while (k < line.length && line.charCodeAt(k) !== delim) k++;
    value += line.slice(i, k);
    fields.push(value.length > maxField ? value.slice(0, maxField) : value);
    if (k >= line.length) return fields;
    i = k + 1;
  }
}
