/**
 * Rows written as they were read (issue #16 item 4): a row whose cells need no quoting and no
 * formula guard is its input line again, with the delimiter made a comma, so the output copies the
 * line instead of writing each cell again. Only where that is provably the same text:
 *
 * - the record was read from one plain line (CsvTokenizer's `lines` option: no quote and no CR in
 *   it, as many fields as the header), so its fields are the text between delimiters and the line
 *   holds nothing else; the line end (LF or CRLF) is not part of it, the decoder has dropped a BOM,
 *   and the text is already decoded (any input encoding; the output is UTF-8 either way);
 * - no field begins or ends with white space (csvField would quote it), and with a delimiter other
 *   than a comma the line holds no comma (a field with one would be quoted);
 * - for rejects.csv, no field that neutralizeFormula() would change.
 *
 * Then csvLine(fields) without its line end equals the line with each delimiter replaced by a
 * comma: no field contains the delimiter, and none needs quotes. test/property/row-copy.test.ts
 * holds the router's output equal with and without copying over generated inputs.
 */
import { isRegExpSpace, neutralizeFormula } from '../io/csv-write.js';
import type { CsvRecord } from '../io/csv-tokenizer.js';

const COMMA = 44;

export class LineCopier {
  private readonly delimiter: number;
  /** The decoded text the last record came from, and where its next comma is at or after the last look. */
  private text: string | undefined;
  private nextComma = -1;

  constructor(delimiter: string) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** The delimiter, as a byte of the UTF-8 output (ASCII: `,` `;` TAB `|`). */
  get byte(): number {
    return this.delimiter;
  }

  /** The record's line, when writing its fields again would give it (delimiter aside); else undefined. */
  line(record: CsvRecord, formulas: boolean): string | undefined {
    const { text, from, to } = record;
    if (text === undefined || from === undefined || to === undefined) return undefined;
    const fields = record.fields;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i]!;
      const n = f.length;
      if (n === 0) continue;
      if (isRegExpSpace(f.charCodeAt(0)) || isRegExpSpace(f.charCodeAt(n - 1))) return undefined;
      if (formulas && neutralizeFormula(f) !== f) return undefined;
    }
    if (this.delimiter !== COMMA && this.commaWithin(text, from, to)) return undefined;
    return text.slice(from, to);
  }

  /** Whether text[from, to) holds a comma; records come in order, so each chunk is searched once. */
  private commaWithin(text: string, from: number, to: number): boolean {
    if (text !== this.text) {
      this.text = text;
      this.nextComma = -1;
    }
    if (this.nextComma < from) {
      const k = text.indexOf(',', from);
      this.nextComma = k < 0 ? text.length : k;
    }
    return this.nextComma < to;
  }
}
