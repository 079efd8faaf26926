/**
 * Streams a JSON Lines file: one JSON value per line; blank lines are skipped. A line that is not
 * JSON is handed on as an Error, so the caller can list it and go on.
 *
 * Lines are split in one pass, holding at most one line of DEFAULT_MAX_RECORD characters (issue
 * #12 item 3: a 100 MB line took 94 s and 1 GB, the text read so far being joined and split again
 * on every chunk); a longer line is handed on as an Error of its own and skipped through.
 */
import { InputError } from '../errors.js';
import { ByteSource } from '../io/byte-source.js';
import { createDecoder, sniffEncoding, SNIFF_BYTES, type Encoding, type TextDecoderLike } from '../io/decode.js';
import { DEFAULT_MAX_RECORD } from '../io/csv-tokenizer.js';
import type { InputOptions } from '../io/input-source.js';
import { t } from '../i18n/index.js';

export interface JsonLinesResult {
  sha256: string;
  /** The file's own bytes, when it was unpacked (gzip). */
  bytes: number | undefined;
  compression: 'gzip' | undefined;
  encoding: Encoding;
  encodingWarning: string | undefined;
}

const LF = 10, CR = 13;

/** The messages of this module, from the catalogue (src/i18n, inputs part). */
const say = {
  tooLong: (length: number, max: number) => t('jsonl.tooLong', { max, length }),
};

/** A line too long to read: handed on instead of its value. */
export class LineTooLong extends Error {}

export async function readJsonLines(
  path: string,
  opts: { encoding?: Encoding | undefined; signal?: AbortSignal | undefined; input?: InputOptions | undefined; chunkSize?: number | undefined; maxLine?: number },
  onValue: (line: number, value: unknown, text: string) => void,
): Promise<JsonLinesResult> {
  // gzip is recognised by its first bytes (issue #11); a workbook is no JSON Lines file.
  const bytes = await ByteSource.open({ path, label: path, signal: opts.signal, chunkSize: opts.chunkSize, input: opts.input });
  if (bytes.input.format === 'xlsx') {
    bytes.destroy();
    throw new InputError(t('jsonl.isXlsx', { path }));
  }
  const lines = new LineSplitter(opts.maxLine ?? DEFAULT_MAX_RECORD, (lineNo, text, length) => {
    if (text === undefined) { onValue(lineNo, new LineTooLong(say.tooLong(length, opts.maxLine ?? DEFAULT_MAX_RECORD)), ''); return; }
    if (!text.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      value = e instanceof Error ? e : new Error(String(e));
    }
    onValue(lineNo, value, text);
  });
  let decoder: TextDecoderLike | undefined;
  try {
    const head: Buffer[] = [];
    let headBytes = 0;
    for (let c = await bytes.next(); c; c = await bytes.next()) {
      if (!decoder) {
        // Sniff from as many as SNIFF_BYTES, whatever the chunk size (issue #12 item 2).
        head.push(c);
        headBytes += c.length;
        if (headBytes < SNIFF_BYTES) continue;
        decoder = decoderFor(Buffer.concat(head), path, opts.encoding);
        lines.push(decoder.write(Buffer.concat(head)));
        continue;
      }
      lines.push(decoder.write(c));
    }
    if (!decoder && headBytes > 0) {
      decoder = decoderFor(Buffer.concat(head), path, opts.encoding);
      lines.push(decoder.write(Buffer.concat(head)));
    }
    if (decoder) lines.push(decoder.end());
    lines.end();
  } catch (e) {
    bytes.destroy();
    if (e instanceof InputError || e === opts.signal?.reason) throw e;
    throw new InputError(t('input.cannotRead', { label: path, why: (e as Error).message }));
  }
  return {
    sha256: await bytes.sha256(), bytes: bytes.input.raw?.bytes(), compression: bytes.input.compression,
    encoding: decoder?.encoding ?? opts.encoding ?? 'utf-8', encodingWarning: decoder?.warning,
  };
}

function decoderFor(head: Buffer, label: string, forced: Encoding | undefined): TextDecoderLike {
  const sniffed = sniffEncoding(head);
  return createDecoder(forced ?? sniffed.encoding, label, forced === undefined && sniffed.auto);
}

/**
 * Splits text into lines (LF, CRLF or CR) in one pass. `emit` gets each line's number and text, or
 * undefined text and the length seen for a line over `maxLine` characters (not kept).
 */
export class LineSplitter {
  private lineNo = 0;
  private parts: string[] = [];
  private length = 0;
  private tooLong = false;
  private afterCR = false;

  constructor(private readonly maxLine: number, private readonly emit: (lineNo: number, text: string | undefined, length: number) => void) {}

  push(text: string): void {
    let start = 0;
    if (this.afterCR && text.length) {
      if (text.charCodeAt(0) === LF) start = 1;
      this.afterCR = false;
    }
    // The next CR is looked for again only once passed: most files have none, and a search from
    // every line to the end of the text would be quadratic.
    let cr = text.indexOf('\r', start);
    for (;;) {
      if (cr >= 0 && cr < start) cr = text.indexOf('\r', start);
      const lf = text.indexOf('\n', start);
      const end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
      if (end < 0) break;
      this.take(text.slice(start, end));
      this.finish();
      if (end === cr) {
        if (end + 1 === text.length) { this.afterCR = true; start = end + 1; break; }
        start = text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
      } else {
        start = end + 1;
      }
    }
    if (start < text.length) this.take(text.slice(start));
  }

  end(): void {
    if (this.length > 0 || this.tooLong) this.finish();
  }

  private take(piece: string): void {
    this.length += piece.length;
    if (this.tooLong) return;
    if (this.length > this.maxLine) { this.tooLong = true; this.parts = []; return; }
    if (piece.length) this.parts.push(piece);
  }

  private finish(): void {
    this.lineNo++;
    this.emit(this.lineNo, this.tooLong ? undefined : this.parts.join(''), this.length);
    this.parts = [];
    this.length = 0;
    this.tooLong = false;
  }
}
