/**
 * Reads a delimited text file (or standard input) as a header plus batches of records, streaming:
 * bytes (hashed) -> decoder -> header search -> tokenizer. The header is read before anything else
 * happens, so a file with no header, or no phone column, stops the run before any output is
 * written. Memory is bounded by the tokenizer's field and record limits, whatever the input holds
 * (issue #12 item 3), and an abort signal stops it in every phase (issue #12 item 4).
 */
import { InputError } from '../errors.js';
import { CsvTokenizer, DEFAULT_MAX_RECORD, type CsvRecord } from './csv-tokenizer.js';
import { createDecoder, sniffEncoding, SNIFF_BYTES, type Encoding, type TextDecoderLike } from './decode.js';
import { ByteSource, describeFsError } from './byte-source.js';
import { HeaderFinder } from './header-finder.js';
import { notAccepted, type InputOptions, type OpenedInput } from './input-source.js';

export { describeFsError };
import { t } from '../i18n/index.js';

export const DELIMITERS = [',', ';', '\t', '|'] as const;

export interface TableSource {
  /** A path, or `-` for standard input. */
  path: string;
  /** How messages name the file (its name as given). */
  label: string;
  encoding?: Encoding | undefined;
  /** Limits and the sheet, for gzip and .xlsx inputs. */
  input?: InputOptions | undefined;
  signal?: AbortSignal | undefined;
  /** Bytes a read asks for; tests move chunk boundaries with it (issue #12 item 2). */
  chunkSize?: number | undefined;
  /** Plain one-line records carry their line, for the output to copy (CsvRecord `text`). */
  lines?: boolean | undefined;
}

export interface Header {
  names: string[];
  /** Physical line of the header (1 unless blank lines come first). */
  line: number;
}

/** Name of a delimiter for people and report.json. */
export function delimiterName(d: string): string {
  return d === '\t' ? 'tab' : d;
}

/**
 * The delimiter of a header line: the most frequent of `,` `;` TAB `|` outside quotes; on a tie,
 * the earlier in that list. A header with none of them is one column (comma).
 */
export function detectDelimiter(line: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: string = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const n = counts.get(d)!;
    if (n > bestCount) { best = d; bestCount = n; }
  }
  return best;
}

/** The messages of this module, from the catalogue (src/i18n). */
const say = {
  empty: (label: string) => t('input.empty', { label }),
  onlyBlank: (label: string) => t('input.onlyBlank', { label }),
  tooLong: (label: string, line: number, max: number) => t('input.headerTooLong', { where: `${label}:${line}`, max }),
  binary: (label: string, line: number) => notAccepted(`${label}:${line}`, t('input.controlChars')),
  unreadable: (label: string, line: number, problem: string) => t('input.badHeader', { where: `${label}:${line}`, problem }),
};

export class TableReader {
  delimiter!: string;
  header!: Header;
  private bytes!: ByteSource;
  private tokenizer!: CsvTokenizer;
  private decoder!: TextDecoderLike;
  /** Records read along with the header, handed out first. */
  private pending: CsvRecord[] = [];
  private done = false;

  private constructor(readonly source: TableSource) {}

  static async open(source: TableSource): Promise<TableReader> {
    return TableReader.read(source, await ByteSource.open(source));
  }

  /** Reads a table from bytes someone else opened (issue #11: a decompressing stream). */
  static async read(source: TableSource, bytes: ByteSource): Promise<TableReader> {
    const r = new TableReader(source);
    r.bytes = bytes;
    try {
      await r.start();
    } catch (e) {
      r.destroy();
      throw e;
    }
    return r;
  }

  get bytesRead(): number {
    return this.bytes.bytesRead;
  }

  /** What the input turned out to be (text, gzip, a workbook's sheet). */
  get input(): OpenedInput {
    return this.bytes.input;
  }

  /** Bytes of the file itself (a packed input's own size, not what it unpacks to). */
  get fileBytes(): number {
    return this.bytes.fileBytes;
  }

  /** File size in bytes, when known (not for standard input). */
  get size(): number | undefined {
    return this.bytes.size;
  }

  /** The encoding used (final once the file is read: a sniffed UTF-8 may turn out Windows-1251). */
  get encoding(): Encoding {
    return this.decoder.encoding;
  }

  /** A doubt about the encoding worth telling people, once the file is read (issue #12 item 14). */
  get encodingWarning(): string | undefined {
    return this.decoder.warning;
  }

  get blankLines(): number {
    return this.tokenizer.blankLines;
  }

  /** The SHA-256 of every byte read; call once, after the last batch. */
  sha256(): Promise<string> {
    return this.bytes.sha256();
  }

  /** Stops reading (on interruption). */
  destroy(): void {
    this.bytes?.destroy();
  }

  private async start(): Promise<void> {
    const { label } = this.source;
    // Sniff the encoding from the first bytes (as many as SNIFF_BYTES, whatever the chunk size).
    const head: Buffer[] = [];
    let headBytes = 0;
    while (headBytes < SNIFF_BYTES) {
      const c = await this.bytes.next();
      if (!c) break;
      head.push(c);
      headBytes += c.length;
    }
    const first = Buffer.concat(head);
    if (first.length === 0) throw new InputError(say.empty(label));
    const sniffed = sniffEncoding(first);
    // A workbook's sheet comes as UTF-8 whatever --encoding says: it is our own text.
    const forced = this.input.format === 'xlsx' ? 'utf-8' : this.source.encoding;
    this.decoder = createDecoder(forced ?? sniffed.encoding, label, forced === undefined && sniffed.auto);

    // The delimiter comes from the first line that is not blank, found in one pass.
    const finder = new HeaderFinder(DEFAULT_MAX_RECORD);
    let search = finder.push(this.decoder.write(first));
    while (search.kind === 'more') {
      const c = await this.bytes.next();
      if (!c) {
        search = finder.push(this.decoder.end());
        if (search.kind === 'more') search = finder.end();
        this.done = true;
        break;
      }
      search = finder.push(this.decoder.write(c));
    }
    if (search.kind === 'none') throw new InputError(say.onlyBlank(label));
    if (search.kind === 'too-long') throw new InputError(say.tooLong(label, search.lineNo, DEFAULT_MAX_RECORD));
    if (search.kind === 'binary') throw say.binary(label, search.lineNo);
    if (search.kind !== 'found') throw new Error('unreachable');
    this.delimiter = detectDelimiter(search.line);
    this.tokenizer = new CsvTokenizer({ delimiter: this.delimiter, header: true, firstLine: search.lineNo, lines: this.source.lines ?? false });
    this.tokenizer.blankLines = search.blankLines;

    // Feed text until the header record is complete.
    const out: CsvRecord[] = [];
    this.tokenizer.push(search.text, out);
    while (out.length === 0 && !this.done) {
      const c = await this.bytes.next();
      if (!c) { this.tokenizer.push(this.decoder.end(), out); this.done = true; break; }
      this.tokenizer.push(this.decoder.write(c), out);
    }
    if (this.done) this.tokenizer.end(out);
    const h = out.shift();
    if (!h) throw new InputError(say.onlyBlank(label));
    if (h.malformed) throw new InputError(say.unreadable(label, h.line, h.malformed.problem));
    this.header = { names: h.fields, line: h.line };
    this.pending = out;
  }

  /** Batches of records in file order, one batch per chunk read. Leaving early closes the file. */
  async *batches(): AsyncGenerator<CsvRecord[]> {
    try {
      yield* this.read();
    } finally {
      if (!this.done) this.destroy();
    }
  }

  private async *read(): AsyncGenerator<CsvRecord[]> {
    if (this.pending.length) {
      yield this.pending;
      this.pending = [];
    }
    while (!this.done) {
      const c = await this.bytes.next();
      const out: CsvRecord[] = [];
      if (!c) {
        this.tokenizer.push(this.decoder.end(), out);
        this.tokenizer.end(out);
        this.done = true;
      } else {
        this.tokenizer.push(this.decoder.write(c), out);
      }
      if (out.length) yield out;
    }
  }
}
