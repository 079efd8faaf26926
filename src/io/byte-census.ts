import { isAscii } from 'node:buffer';

/**
 * What the bytes of an 8-bit text say about their encoding: counts over UTF-8 sequences, and a
 * watch kept over a file read as Windows-1251 (issue #12 items 1 and 14). Every count here goes
 * byte by byte and carries its state from one chunk to the next, so that a verdict never depends
 * on where a read chunk happens to end (issue #12 item 2).
 */

/** The bytes a UTF-8 sequence starting with `lead` needs after it; -1 when it can't start one. */
export function utf8Need(lead: number): number {
  return lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : -1;
}

/** Valid multi-byte UTF-8 sequences and invalid bytes in a buffer, and where the first bad one is. */
export function utf8Census(b: Uint8Array): { multibyte: number; invalid: number; firstInvalid: number } {
  let multibyte = 0, invalid = 0, firstInvalid = -1;
  for (let i = 0; i < b.length;) {
    const c = b[i]!;
    if (c < 0x80) { i++; continue; }
    const need = utf8Need(c);
    let ok = need > 0;
    for (let k = 1; ok && k <= need; k++) ok = i + k < b.length && (b[i + k]! & 0xc0) === 0x80;
    if (ok) { multibyte++; i += need + 1; } else { if (firstInvalid < 0) firstInvalid = i; invalid++; i++; }
  }
  return { multibyte, invalid, firstInvalid };
}

/** How many bytes at the end of `b` begin a UTF-8 sequence that is not complete yet (0 to 3). */
export function partialUtf8Tail(b: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, b.length); back++) {
    const c = b[b.length - back]!;
    if ((c & 0xc0) === 0x80) continue;
    const need = utf8Need(c);
    return need >= back ? back : 0;
  }
  return 0;
}

const isAsciiLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
/** Cyrillic letters in Windows-1251: А-я, Ё ё, and the Ukrainian and Belarusian І і Ї ї Є є Ґ ґ Ў ў. */
const isCp1251Letter = (c: number) => c >= 0xc0 || c === 0xa8 || c === 0xb8 || c === 0xb2 || c === 0xb3
  || c === 0xaf || c === 0xbf || c === 0xaa || c === 0xba || c === 0xa5 || c === 0xb4 || c === 0xa1 || c === 0xa2;

/** A run of this many valid multi-byte UTF-8 characters with no bad byte is UTF-8 text, not chance. */
const UTF8_RUN = 3;

/**
 * Watches bytes decoded as Windows-1251 after a switch from UTF-8 (issue #12 items 1 and 14):
 * - whether they hold UTF-8 text after all: a run of non-ASCII bytes that reads as three or more
 *   valid UTF-8 characters and nothing invalid (Windows-1251 Cyrillic almost never does: its
 *   letters are lead bytes followed by more lead bytes), or valid UTF-8 characters outnumbering the
 *   bad bytes four to one once there are sixteen of them (Latin text with one accent a word);
 * - whether they look like Russian: a Cyrillic letter counts when neither neighbour is an ASCII
 *   letter (`Histórico` in Latin-1 reads `Histуrico`: its `у` sits between Latin letters).
 */
export class Cp1251Watch {
  /** Offset of the UTF-8 text found, once found. */
  utf8At = -1;
  /** Non-ASCII bytes, and those of them that are Cyrillic letters in Cyrillic words. */
  high = 0;
  cyrillic = 0;
  private offset: number;
  private prev = 0x20;
  /** The previous byte was a letter waiting for its right-hand neighbour. */
  private pendingLetter = false;
  // The UTF-8 reading: bytes still needed by the current sequence, and the current non-ASCII run.
  private need = 0;
  private seqStart = 0;
  private runStart = -1;
  private runValid = 0;
  private runInvalid = 0;
  private valid = 0;
  private invalid = 0;

  constructor(startOffset: number) {
    this.offset = startOffset;
  }

  write(b: Uint8Array): void {
    // Plain ASCII with nothing under way: nothing to count (most chunks of a mostly-ASCII list).
    if (this.runStart < 0 && !this.pendingLetter && isAscii(b)) {
      if (b.length) this.prev = b[b.length - 1]!;
      this.offset += b.length;
      return;
    }
    let i = 0;
    if (this.pendingLetter && b.length) {
      if (!isAsciiLetter(b[0]!)) this.cyrillic++;
      this.pendingLetter = false;
    }
    for (; i < b.length; i++) {
      const c = b[i]!;
      if (c < 0x80) {
        if (this.runStart >= 0) this.endRun();
        this.prev = c;
        continue;
      }
      this.high++;
      if (isCp1251Letter(c) && !isAsciiLetter(this.prev)) {
        if (i + 1 < b.length) { if (!isAsciiLetter(b[i + 1]!)) this.cyrillic++; } else this.pendingLetter = true;
      }
      this.prev = c;
      this.utf8Byte(c, this.offset + i);
    }
    this.offset += b.length;
  }

  /** The end of the input: the last run and the last letter are complete. */
  end(): void {
    if (this.pendingLetter) this.cyrillic++;
    this.pendingLetter = false;
    if (this.need > 0) { this.invalid++; this.runInvalid++; this.need = 0; }
    if (this.runStart >= 0) this.endRun();
  }

  /** Few Cyrillic letters among the non-ASCII characters: the text is probably not Russian. */
  get unlikeRussian(): boolean {
    return this.high > 0 && this.cyrillic * 2 < this.high;
  }

  private utf8Byte(c: number, at: number): void {
    if (this.runStart < 0) { this.runStart = at; this.runValid = 0; this.runInvalid = 0; }
    if (this.need > 0) {
      if ((c & 0xc0) === 0x80) {
        if (--this.need === 0) { this.valid++; this.runValid++; this.check(); }
        return;
      }
      // The sequence broke off: its lead was a bad byte; this byte starts afresh.
      this.invalid++;
      this.runInvalid++;
      this.need = 0;
    }
    const need = utf8Need(c);
    if (need < 0) { this.invalid++; this.runInvalid++; return; }
    this.need = need;
    this.seqStart = at;
  }

  private endRun(): void {
    if (this.need > 0) { this.invalid++; this.runInvalid++; this.need = 0; }
    if (this.utf8At < 0 && this.runValid >= UTF8_RUN && this.runInvalid === 0) this.utf8At = this.runStart;
    this.runStart = -1;
  }

  private check(): void {
    if (this.utf8At < 0 && this.valid >= 16 && this.valid > 4 * this.invalid) this.utf8At = this.seqStart;
  }
}
