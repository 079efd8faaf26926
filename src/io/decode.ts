/**
 * Text encodings of input files: sniffed from the first bytes, or forced with `--encoding`.
 * UTF-8 (with or without BOM), UTF-16 LE/BE (by BOM, or by the zero bytes of mostly-ASCII text),
 * and, when the bytes are not UTF-8, Windows-1251, the usual Russian spreadsheet export. Forced
 * only: Windows-1252 and Latin-1 (issue #12 item 14).
 *
 * Every verdict is made from the bytes alone, never from where a read chunk ends (issue #12 item
 * 2): the decoders carry their state from chunk to chunk, and a test moves the first non-ASCII
 * byte across every position of a small chunk.
 */
import { isAscii } from 'node:buffer';
import { createRequire } from 'node:module';
import { InputError } from '../errors.js';
import { t } from '../i18n/index.js';
import { Cp1251Watch, partialUtf8Tail, utf8Census } from './byte-census.js';

type IconvLite = typeof import('iconv-lite');
let iconvLite: IconvLite | undefined;

/**
 * iconv-lite, loaded the first time a file is not UTF-8. Most lists are, and its tables are the
 * largest code a run would otherwise load at start-up (issue #5: a 10-row audit in under 0.3 s);
 * a plain require() also keeps it out of the bundle (scripts/bundle.mjs).
 */
function iconv(): IconvLite {
  iconvLite ??= createRequire(import.meta.url)('iconv-lite') as IconvLite;
  return iconvLite;
}

export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1251', 'windows-1252', 'latin1'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** Accepts the usual spellings: `utf8`, `UTF-16LE`, `cp1251`, `win-1251`, `cp1252`, `ISO-8859-1`. */
export function encodingName(text: string): Encoding | undefined {
  const t = text.trim().toLowerCase().replace(/[_\s]/g, '-');
  if (t === 'utf8' || t === 'utf-8') return 'utf-8';
  if (t === 'utf16le' || t === 'utf-16le' || t === 'utf-16') return 'utf-16le';
  if (t === 'utf16be' || t === 'utf-16be') return 'utf-16be';
  if (['windows-1251', 'cp1251', 'win-1251', 'win1251', 'windows1251'].includes(t)) return 'windows-1251';
  if (['windows-1252', 'cp1252', 'win-1252', 'win1252', 'windows1252'].includes(t)) return 'windows-1252';
  if (['latin1', 'latin-1', 'iso-8859-1', 'iso8859-1', 'l1'].includes(t)) return 'latin1';
  return undefined;
}

/** How many bytes the sniff looks at, and how far past the first non-ASCII byte the UTF-8 / Windows-1251 choice looks. */
export const SNIFF_BYTES = 64 * 1024;

/** The messages of this module, from the catalogue (src/i18n). */
const say = {
  notUtf8: (label: string, at: number) => t('input.notUtf8', { label, at: String(at) }),
  mixed: (label: string, switchedAt: number, utf8At: number) => t('input.mixedEncodings', { label, switchedAt: String(switchedAt), utf8At: String(utf8At) }),
  notUtf16: (label: string, encoding: Encoding, at: number) => t('input.notUtf16', { label, encoding: encoding.toUpperCase(), at: String(at) }),
  unlikeRussian: (w: Cp1251Watch) => t('input.unlikeRussian', { cyrillic: w.cyrillic, high: w.high }),
};

/** What the first bytes say: the encoding, and whether UTF-8 is only a guess that Windows-1251 may revise. */
export function sniffEncoding(head: Buffer): { encoding: Encoding; auto: boolean } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', auto: false };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', auto: false };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', auto: false };
  const utf16 = sniffUtf16(head.subarray(0, Math.min(head.length, SNIFF_BYTES)));
  return utf16 ? { encoding: utf16, auto: false } : { encoding: 'utf-8', auto: true };
}

/** Text without a BOM: many NUL bytes, all on odd (LE) or all on even (BE) positions. */
function sniffUtf16(sample: Buffer): Encoding | undefined {
  if (sample.length < 4) return undefined;
  let even = 0, odd = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) (i & 1 ? odd++ : even++);
  const half = sample.length / 2;
  if (odd > half * 0.3 && even === 0) return 'utf-16le';
  if (even > half * 0.3 && odd === 0) return 'utf-16be';
  return undefined;
}

export interface TextDecoderLike {
  write(chunk: Buffer): string;
  end(): string;
  /** The encoding in use: an `auto` UTF-8 decoder may have switched to Windows-1251. */
  readonly encoding: Encoding;
  /** A doubt about the encoding worth telling people (issue #12 item 14), once the input has ended. */
  readonly warning: string | undefined;
}

/**
 * A streaming decoder. A leading BOM is dropped. UTF-8 and UTF-16 are decoded strictly: bytes that
 * are not text in them, or a character cut off at the end, stop the run naming the byte; nothing is
 * turned into replacement characters that would go on to the outputs unnoticed.
 *
 * With `auto` (UTF-8 was sniffed, not forced or marked by a BOM) the choice between UTF-8 and
 * Windows-1251 is made at the first non-ASCII byte, from the `window` bytes that start there (or
 * what there is of them): more valid multi-byte UTF-8 characters than bad bytes is UTF-8, else
 * Windows-1251. Everything before that byte was ASCII, which both read alike. A file read as
 * Windows-1251 that turns out to hold UTF-8 text further on stops the run (issue #12 item 1).
 */
export function createDecoder(encoding: Encoding, label: string, auto = false, opts: { window?: number } = {}): TextDecoderLike {
  if (encoding === 'utf-8') return auto ? new AutoDecoder(label, opts.window ?? SNIFF_BYTES) : new Utf8Decoder(label, 0);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return new Utf16Decoder(encoding, label);
  if (encoding === 'latin1') return { encoding, warning: undefined, write: (chunk) => chunk.toString('latin1'), end: () => '' };
  const d = iconv().getDecoder(encoding === 'windows-1251' ? 'win1251' : 'win1252');
  return { encoding, warning: undefined, write: (chunk) => (isAscii(chunk) ? chunk.toString('latin1') : d.write(chunk)), end: () => d.end() ?? '' };
}

/** Strict UTF-8 from byte `offset` of the file on. */
class Utf8Decoder implements TextDecoderLike {
  readonly encoding = 'utf-8' as const;
  readonly warning = undefined;
  private readonly utf8;
  /** The first bytes of a character the last chunk ended in (the decoder holds them). */
  private pending: Buffer = Buffer.alloc(0);

  /** A BOM is dropped only at the start of the file (offset 0). */
  constructor(private readonly label: string, private offset: number) {
    this.utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: offset > 0 });
  }

  write(chunk: Buffer): string {
    // ASCII is the same in UTF-8 and Latin-1, and Latin-1 strings are made at memcpy speed:
    // safe whenever the decoder holds no half of a character from the previous chunk.
    if (this.pending.length === 0 && isAscii(chunk)) {
      this.offset += chunk.length;
      return chunk.toString('latin1');
    }
    let text: string;
    try {
      text = this.utf8.decode(chunk, { stream: true });
    } catch {
      const bytes = Buffer.concat([this.pending, chunk]);
      throw new InputError(say.notUtf8(this.label, this.offset - this.pending.length + Math.max(0, utf8Census(bytes).firstInvalid)));
    }
    // A character is at most 4 bytes: what the decoder holds is in the last bytes seen.
    const tail = chunk.length >= 3 ? chunk.subarray(chunk.length - 3) : Buffer.concat([this.pending, chunk]).subarray(-3);
    this.pending = Buffer.from(tail.subarray(tail.length - partialUtf8Tail(tail)));
    this.offset += chunk.length;
    return text;
  }

  end(): string {
    try {
      return this.utf8.decode();
    } catch {
      throw new InputError(say.notUtf8(this.label, this.offset - this.pending.length));
    }
  }
}

/** Strict UTF-16: a lone surrogate, or an odd byte or half a pair at the end, stops the run. */
class Utf16Decoder implements TextDecoderLike {
  readonly warning = undefined;
  private readonly d;
  private offset = 0;
  /** The last bytes read (at most 3), to know what the decoder holds back. */
  private tail: Buffer = Buffer.alloc(0);

  constructor(readonly encoding: 'utf-16le' | 'utf-16be', private readonly label: string) {
    this.d = new TextDecoder(encoding, { fatal: true, ignoreBOM: false });
  }

  write(chunk: Buffer): string {
    const bytes = Buffer.concat([this.tail, chunk]);
    const before = this.offset - this.held();
    let text: string;
    try {
      text = this.d.decode(chunk, { stream: true });
    } catch {
      throw new InputError(say.notUtf16(this.label, this.encoding, before + firstBadUnit(bytes.subarray(this.tail.length - (this.offset - before)), this.encoding)));
    }
    this.offset += chunk.length;
    this.tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 3)));
    return text;
  }

  end(): string {
    try {
      return this.d.decode();
    } catch {
      throw new InputError(say.notUtf16(this.label, this.encoding, this.offset - this.held()));
    }
  }

  /** Bytes read but not yet text: an odd byte, and a high surrogate waiting for its pair. */
  private held(): number {
    const odd = this.offset % 2;
    const t = this.tail.subarray(0, this.tail.length - odd);
    if (t.length < 2) return odd;
    const unit = this.encoding === 'utf-16le' ? t[t.length - 2]! | (t[t.length - 1]! << 8) : (t[t.length - 2]! << 8) | t[t.length - 1]!;
    return odd + (unit >= 0xd800 && unit <= 0xdbff ? 2 : 0);
  }
}

/** Where the first lone surrogate of a chunk is (its byte offset in the chunk), for the message. */
function firstBadUnit(chunk: Buffer, encoding: 'utf-16le' | 'utf-16be'): number {
  const unit = (i: number) => (encoding === 'utf-16le' ? chunk[i]! | (chunk[i + 1]! << 8) : (chunk[i]! << 8) | chunk[i + 1]!);
  for (let i = 0; i + 1 < chunk.length; i += 2) {
    const u = unit(i);
    if (u >= 0xdc00 && u <= 0xdfff) return i;
    if (u >= 0xd800 && u <= 0xdbff) {
      if (i + 3 >= chunk.length) return i;
      const next = unit(i + 2);
      if (next < 0xdc00 || next > 0xdfff) return i;
      i += 2;
    }
  }
  return 0;
}

/** UTF-8 or Windows-1251, decided at the first non-ASCII byte (see createDecoder). */
class AutoDecoder implements TextDecoderLike {
  private offset = 0;
  /** Bytes from the first non-ASCII one on, held until `window` of them are in. */
  private held: Buffer[] | undefined;
  private heldBytes = 0;
  private utf8: Utf8Decoder | undefined;
  private cp1251: { d: ReturnType<IconvLite['getDecoder']>; watch: Cp1251Watch; at: number } | undefined;

  constructor(private readonly label: string, private readonly window: number) {}

  get encoding(): Encoding {
    return this.cp1251 ? 'windows-1251' : 'utf-8';
  }

  get warning(): string | undefined {
    return this.cp1251?.watch.unlikeRussian ? say.unlikeRussian(this.cp1251.watch) : undefined;
  }

  write(chunk: Buffer): string {
    if (this.utf8) return this.utf8.write(chunk);
    if (this.cp1251) return this.windows1251(chunk);
    if (!this.held) {
      if (isAscii(chunk)) {
        this.offset += chunk.length;
        return chunk.toString('latin1');
      }
      let i = 0;
      while (chunk[i]! < 0x80) i++;
      this.held = [chunk.subarray(i)];
      this.heldBytes = chunk.length - i;
      this.offset += i;
      return chunk.toString('latin1', 0, i) + this.decideIfReady(false);
    }
    this.held.push(chunk);
    this.heldBytes += chunk.length;
    return this.decideIfReady(false);
  }

  end(): string {
    let text = this.held ? this.decideIfReady(true) : '';
    if (this.utf8) text += this.utf8.end();
    if (this.cp1251) {
      text += this.cp1251.d.end() ?? '';
      this.cp1251.watch.end();
      this.checkMixed();
    }
    return text;
  }

  /** Decides once `window` bytes from the first non-ASCII one are in (or the input ended). */
  private decideIfReady(final: boolean): string {
    if (!final && this.heldBytes < this.window) return '';
    const bytes = Buffer.concat(this.held!);
    this.held = undefined;
    const sample = bytes.subarray(0, this.window);
    const { multibyte, invalid } = utf8Census(sample.subarray(0, sample.length - (bytes.length > this.window ? partialUtf8Tail(sample) : 0)));
    if (multibyte > invalid) {
      this.utf8 = new Utf8Decoder(this.label, this.offset);
      return this.utf8.write(bytes);
    }
    this.cp1251 = { d: iconv().getDecoder('win1251'), watch: new Cp1251Watch(this.offset), at: this.offset };
    return this.windows1251(bytes);
  }

  private windows1251(chunk: Buffer): string {
    const c = this.cp1251!;
    c.watch.write(chunk);
    this.checkMixed();
    return isAscii(chunk) ? chunk.toString('latin1') : c.d.write(chunk);
  }

  private checkMixed(): void {
    const c = this.cp1251!;
    if (c.watch.utf8At >= 0) throw new InputError(say.mixed(this.label, c.at, c.watch.utf8At));
  }
}
