/**
 * Reads a delimited text file (or standard input) as a header plus batches of records, streaming:
 * bytes -> SHA-256 -> decoder -> tokenizer. The header is read before anything else happens, so a
 * file with no header, or no phone column, stops the run before any output is written.
 *
 * Why async iteration instead of pipeline(): the header must be read and validated first, then the
 * same stream continues (standard input can't be opened twice); pulling chunks from the stream's
 * async iterator gives that, with backpressure, in one place.
 */
import { createSha256 } from './hash.js';
import type { Readable } from 'node:stream';
import { InputError } from '../errors.js';
import { CsvTokenizer, isBlankChar, type CsvRecord } from './csv-tokenizer.js';
import { createDecoder, sniffEncoding, SNIFF_BYTES, type Encoding, type TextDecoderLike } from './decode.js';
import { notAccepted, openInput, type InputOptions, type OpenedInput } from './input-source.js';
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

export class TableReader {
  private readonly hash = createSha256();
  bytesRead = 0;
  /** File size in bytes, when known (not for standard input). */
  size: number | undefined;
  delimiter!: string;
  header!: Header;
  private tokenizer!: CsvTokenizer;
  private decoder!: TextDecoderLike;
  private chunks!: AsyncIterator<Buffer>;
  private stream!: Readable;
  /** What the input turned out to be (text, gzip, a workbook's sheet). */
  input!: OpenedInput;
  /** Records read along with the header, handed out first. */
  private pending: CsvRecord[] = [];
  private done = false;

  private constructor(readonly source: TableSource) {}

  static async open(source: TableSource): Promise<TableReader> {
    const r = new TableReader(source);
    try {
      await r.start();
    } catch (e) {
      r.destroy();
      throw e;
    }
    return r;
  }

  /** The encoding used (final once the file is read: a sniffed UTF-8 may turn out Windows-1251). */
  get encoding(): Encoding {
    return this.decoder.encoding;
  }

  get blankLines(): number {
    return this.tokenizer.blankLines;
  }

  /** The SHA-256 of every byte read; call once, after the last batch. */
  sha256(): Promise<string> {
    return this.input.raw ? this.input.raw.sha256() : this.hash.digest();
  }

  /** Bytes of the file itself (a packed input's own size, not what it unpacks to). */
  get fileBytes(): number {
    return this.input.raw ? this.input.raw.bytes() : this.bytesRead;
  }

  /** Stops reading (on interruption). */
  destroy(): void {
    this.stream?.destroy();
  }

  private async start(): Promise<void> {
    const { path, label } = this.source;
    // gzip, .xlsx and refused binary formats are recognised in front of the reader (issue #11).
    const input = await openInput(path, label, this.source.input);
    this.input = input;
    this.stream = input.stream;
    this.size = input.size;
    this.chunks = this.stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;

    // Sniff the encoding from the first bytes.
    const head: Buffer[] = [];
    let headBytes = 0;
    while (headBytes < SNIFF_BYTES) {
      const c = await this.nextChunk();
      if (!c) break;
      head.push(c);
      headBytes += c.length;
    }
    const first = Buffer.concat(head);
    if (first.length === 0) throw new InputError(t('input.empty', { label }));
    // A workbook's sheet comes as UTF-8 whatever --encoding says: it is our own text.
    const forced = this.input.format === 'xlsx' ? 'utf-8' : this.source.encoding;
    this.decoder = createDecoder(forced ?? sniffEncoding(first), label, forced === undefined);
    let text = this.decoder.write(first);

    // The delimiter comes from the first line that is not blank; read until we have it.
    let firstLine = findFirstContentLine(text);
    while (firstLine === undefined) {
      const c = await this.nextChunk();
      if (!c) {
        text += this.decoder.end();
        this.done = true;
        firstLine = findFirstContentLine(text, true);
        break;
      }
      text += this.decoder.write(c);
      firstLine = findFirstContentLine(text);
    }
    if (firstLine === undefined || firstLine === null) throw new InputError(t('input.onlyBlank', { label }));
    if (/[\u0000-\u0008\u000e-\u001f]/.test(firstLine)) {
      throw notAccepted(`${label}:1`, t('input.controlChars'));
    }
    this.delimiter = detectDelimiter(firstLine);
    this.tokenizer = new CsvTokenizer({ delimiter: this.delimiter, header: true });

    // Feed text until the header record is complete.
    const out: CsvRecord[] = [];
    this.tokenizer.push(text, out);
    while (out.length === 0 && !this.done) {
      const c = await this.nextChunk();
      if (!c) { this.tokenizer.end(out); this.done = true; break; }
      this.tokenizer.push(this.decoder.write(c), out);
    }
    if (this.done) this.tokenizer.end(out);
    const h = out.shift();
    if (!h) throw new InputError(t('input.noHeader', { label }));
    if (h.malformed) throw new InputError(t('input.badHeader', { where: `${label}:${h.line}`, problem: h.malformed.problem }));
    this.header = { names: h.fields, line: h.line };
    this.pending = out;
  }

  private async nextChunk(): Promise<Buffer | undefined> {
    let r: IteratorResult<Buffer>;
    try {
      r = await this.chunks.next();
    } catch (e) {
      // A packed input's own problems (a limit, a damaged archive) are already one-line messages.
      if (e instanceof InputError) throw e;
      throw new InputError(t('input.cannotRead', { label: this.source.label, why: describeFsError(e) }));
    }
    if (r.done) return undefined;
    const chunk = typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
    if (!this.input.raw) this.hash.update(chunk);
    this.bytesRead += chunk.length;
    return chunk;
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
      const c = await this.nextChunk();
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

/**
 * The first line of `text` that is not blank: a string, undefined when more text is needed, null
 * when `final` and there is none.
 */
function findFirstContentLine(text: string, final = false): string | undefined | null {
  let start = 0;
  for (;;) {
    const m = /\r\n|\n|\r/g;
    m.lastIndex = start;
    const hit = m.exec(text);
    if (!hit) {
      if (!final) return undefined;
      const rest = text.slice(start);
      return isBlankText(rest) ? null : rest;
    }
    const line = text.slice(start, hit.index);
    if (!isBlankText(line)) return line;
    start = hit.index + hit[0].length;
  }
}

/** A line of only the tokenizer's white space (the header search and the tokenizer must agree). */
function isBlankText(line: string): boolean {
  for (let i = 0; i < line.length; i++) if (!isBlankChar(line.charCodeAt(i))) return false;
  return true;
}

export function describeFsError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT': return t('fs.ENOENT');
    case 'EACCES': case 'EPERM': return t('fs.EACCES');
    case 'EISDIR': return t('fs.EISDIR');
    default: return err?.message ?? String(e);
  }
}
