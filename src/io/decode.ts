/**
 * Text encodings of input files: sniffed from the first bytes, or forced with `--encoding`.
 * UTF-8 (with or without BOM), UTF-16 LE/BE (by BOM, or by the zero bytes of mostly-ASCII text),
 * and Windows-1251, the usual Russian spreadsheet export, when the bytes are not valid UTF-8.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import { InputError } from '../errors.js';
import { t } from '../i18n/index.js';

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

export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1251'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** Accepts the usual spellings: `utf8`, `UTF-16LE`, `cp1251`, `win-1251`. */
export function encodingName(text: string): Encoding | undefined {
  const t = text.trim().toLowerCase().replace(/[_\s]/g, '-');
  if (t === 'utf8' || t === 'utf-8') return 'utf-8';
  if (t === 'utf16le' || t === 'utf-16le' || t === 'utf-16') return 'utf-16le';
  if (t === 'utf16be' || t === 'utf-16be') return 'utf-16be';
  if (['windows-1251', 'cp1251', 'win-1251', 'win1251', 'windows1251'].includes(t)) return 'windows-1251';
  return undefined;
}

/** How many bytes to look at before deciding. */
export const SNIFF_BYTES = 64 * 1024;

export function sniffEncoding(head: Buffer): Encoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const sample = head.subarray(0, Math.min(head.length, SNIFF_BYTES));
  const utf16 = sniffUtf16(sample);
  if (utf16) return utf16;
  const trimmed = trimPartialUtf8(sample);
  if (isUtf8(trimmed)) return 'utf-8';
  // Mostly UTF-8 with a bad byte or two is a damaged UTF-8 file (the decoder will say where), not
  // Windows-1251, whose Cyrillic letters rarely form valid multi-byte UTF-8 sequences.
  const { multibyte, invalid } = utf8Census(trimmed);
  return multibyte > invalid ? 'utf-8' : 'windows-1251';
}

/** Valid multi-byte UTF-8 sequences and invalid bytes in a buffer, and where the first bad one is. */
function utf8Census(b: Buffer): { multibyte: number; invalid: number; firstInvalid: number } {
  let multibyte = 0, invalid = 0, firstInvalid = -1;
  for (let i = 0; i < b.length;) {
    const c = b[i]!;
    if (c < 0x80) { i++; continue; }
    const need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    let ok = need > 0;
    for (let k = 1; ok && k <= need; k++) ok = i + k < b.length && (b[i + k]! & 0xc0) === 0x80;
    if (ok) { multibyte++; i += need + 1; } else { if (firstInvalid < 0) firstInvalid = i; invalid++; i++; }
  }
  return { multibyte, invalid, firstInvalid };
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

/** Whether a chunk ends inside a multi-byte UTF-8 sequence. */
function endsInPartial(b: Buffer): boolean {
  return trimPartialUtf8(b).length !== b.length;
}

/** Drops an incomplete UTF-8 sequence cut off at the end of a sample. */
function trimPartialUtf8(b: Buffer): Buffer {
  let i = b.length - 1;
  let back = 0;
  while (i >= 0 && back < 4 && (b[i]! & 0xc0) === 0x80) { i--; back++; }
  if (i < 0) return b;
  const lead = b[i]!;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return need > back + 1 ? b.subarray(0, i) : b;
}

export interface TextDecoderLike {
  write(chunk: Buffer): string;
  end(): string;
  /** The encoding in use: an `auto` UTF-8 decoder may have switched to Windows-1251. */
  readonly encoding: Encoding;
}

/**
 * A streaming decoder. A leading BOM is dropped. UTF-8 is decoded strictly: a byte sequence that is
 * not UTF-8 is never turned into replacement characters that would go on to the outputs unnoticed.
 *
 * With `auto` (the encoding was sniffed, not forced), a UTF-8 guess made from a pure-ASCII start is
 * revised when the first non-UTF-8 byte shows up before any multi-byte UTF-8 character: the text
 * so far was ASCII, which Windows-1251 decodes the same way, so the rest is decoded as
 * Windows-1251 and nothing read so far changes. Otherwise the run stops with a message naming the
 * file and the byte.
 */
export function createDecoder(encoding: Encoding, label: string, auto = false): TextDecoderLike {
  if (encoding !== 'utf-8') {
    const d = iconv().getDecoder(encoding, { stripBOM: true });
    return { encoding, write: (chunk) => d.write(chunk), end: () => d.end() ?? '' };
  }
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let fallback: ReturnType<IconvLite['getDecoder']> | undefined;
  let offset = 0;
  let sawMultibyte = false;
  /** The last chunk ended inside a multi-byte character (the decoder holds its first bytes). */
  let partial = false;
  let tail: Buffer = Buffer.alloc(0);
  const fail = (chunk?: Buffer): never => {
    const at = offset + Math.max(0, chunk ? utf8Census(chunk).firstInvalid : 0);
    throw new InputError(t('input.notUtf8', { label, at: String(at) }));
  };
  return {
    get encoding(): Encoding {
      return fallback ? 'windows-1251' : 'utf-8';
    },
    write(chunk) {
      if (fallback) return fallback.write(chunk);
      // ASCII is the same in UTF-8 and Latin-1, and Latin-1 strings are made at memcpy speed:
      // safe whenever the decoder holds no half of a character from the previous chunk.
      if (!partial && isAscii(chunk)) {
        offset += chunk.length;
        return chunk.toString('latin1');
      }
      try {
        // Whether the decoder is left holding part of a character: look at the last bytes seen
        // (a character is at most 4 bytes, and a small chunk may only finish one begun earlier).
        const end = Buffer.concat([tail, chunk.subarray(Math.max(0, chunk.length - 4))]);
        partial = endsInPartial(end);
        tail = end.subarray(Math.max(0, end.length - 3));
        const s = utf8.decode(chunk, { stream: true });
        if (!sawMultibyte && !isAscii(chunk)) sawMultibyte = true;
        offset += chunk.length;
        return s;
      } catch {
        // Windows-1251 Cyrillic next to «» or ё is valid UTF-8 by chance now and then: decide by
        // the majority of the chunk, as sniffEncoding does.
        if (!auto || sawMultibyte) return fail(chunk);
        const census = utf8Census(chunk);
        if (census.multibyte > census.invalid) return fail(chunk);
        fallback = iconv().getDecoder('windows-1251', { stripBOM: true });
        offset += chunk.length;
        return fallback.write(chunk);
      }
    },
    end() {
      if (fallback) return fallback.end() ?? '';
      try { return utf8.decode(); } catch { return fail(); }
    },
  };
}
