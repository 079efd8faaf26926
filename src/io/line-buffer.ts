/**
 * Output lines gathered as UTF-8 bytes. Building one big string per batch and encoding it costs
 * three times as much as encoding each line into a buffer as it comes (the string is a deep rope
 * that must be flattened first), and the output is most of the bytes an audit moves.
 *
 * The buffers are reused (issue #5: memory grows only with the duplicate set): `take()` hands out
 * views of them, and once the file has written a view the caller gives it back with `recycle()`.
 * A buffer all of whose views are back is filled again instead of a fresh one being allocated, so
 * a long run does not leave a trail of megabyte buffers for the garbage collector to find.
 */
const CHUNK = 1 << 20;
/** A buffer with less room than this left is retired: the next lines go to another one. */
const MIN_ROOM = 64 * 1024;
/** Texts up to this long are written by text() byte by byte when they are ASCII. */
const SHORT = 32;

interface Slab {
  /** The slab's whole memory. */
  mem: Buffer;
  /** Views of it handed out and not yet recycled. */
  out: number;
}

export class LineBuffer {
  /** Views made since the last take(), in order, and their bytes. */
  private readonly full: Buffer[] = [];
  private taken = 0;
  private slab: Slab = newSlab(CHUNK);
  /** Where the bytes not yet handed out start in the current slab, and how many there are. */
  private base = 0;
  private off = 0;
  /** Slabs no longer filled and with no views out, ready to be filled again. */
  private readonly spare: Slab[] = [];
  /** Each view out and its slab; a view is taken back once only. */
  private readonly views = new WeakMap<Buffer, Slab>();

  /** Appends the text's UTF-8 bytes; returns how many there were. */
  append(text: string): number {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    this.room(text.length * 3);
    const n = this.slab.mem.write(text, this.base + this.off, 'utf8');
    this.off += n;
    return n;
  }

  /**
   * Appends a short text's UTF-8 bytes: an ASCII text of up to SHORT characters byte by byte,
   * which costs less than a call into the encoder (a row's e164, consent id, codes); anything else
   * as append() does.
   */
  text(text: string): void {
    const n = text.length;
    if (n > SHORT) {
      this.append(text);
      return;
    }
    this.room(n * 3);
    this.off += writeShortText(this.slab.mem, this.base + this.off, text);
  }

  /** Appends one byte (an ASCII character: `,` or the line end). */
  byte(b: number): void {
    this.room(1);
    this.slab.mem[this.base + this.off++] = b;
  }

  /** Appends a non-negative integer's decimal digits (a line number). */
  uint(v: number): void {
    let digits = 1;
    for (let x = v; x >= 10; x = Math.floor(x / 10)) digits++;
    this.room(digits);
    const mem = this.slab.mem;
    let at = this.base + this.off + digits;
    this.off += digits;
    do {
      mem[--at] = 48 + (v % 10);
      v = Math.floor(v / 10);
    } while (v > 0);
  }

  /** Makes room for `bytes` more in the current slab (moving to another: a write never spans two). */
  private room(bytes: number): void {
    if (this.base + this.off + bytes > this.slab.mem.length) {
      this.cut();
      this.next(bytes);
    }
  }

  /**
   * Appends a line read from the input with its delimiter byte made a comma (src/core/row-copy.ts):
   * the delimiter is ASCII, and no byte of a multi-byte UTF-8 character is below 0x80.
   */
  appendCopy(text: string, delimiter: number): void {
    const n = this.append(text);
    if (delimiter === 44) return;
    const mem = this.slab.mem;
    const end = this.base + this.off;
    // The line's bytes end the current slab: append() moves to another slab before a text, never within one.
    for (let i = end - n; i < end; i++) if (mem[i] === delimiter) mem[i] = 44;
  }

  get empty(): boolean {
    return this.off === 0 && this.full.length === 0;
  }

  /** Bytes gathered since the last take(). */
  get size(): number {
    return this.taken + this.off;
  }

  /**
   * The bytes gathered since the last take. They stay valid until handed back with recycle(); a
   * caller that never recycles them just leaves them to the garbage collector.
   */
  take(): Buffer[] {
    this.cut();
    // Go on filling the rest of the slab while there is room enough.
    if (this.slab.mem.length - this.base < MIN_ROOM) this.next(0);
    this.taken = 0;
    return this.full.splice(0);
  }

  /** Gives back a view that take() handed out, once it has been written. */
  recycle(view: Buffer): void {
    const slab = this.views.get(view);
    if (!slab) return;
    this.views.delete(view);
    slab.out--;
    if (slab.out === 0 && slab !== this.slab) this.free(slab);
  }

  /** Turns the bytes gathered in the current slab into a view (lent until recycled). */
  private cut(): void {
    if (this.off === 0) return;
    const view = this.slab.mem.subarray(this.base, this.base + this.off);
    this.views.set(view, this.slab);
    this.full.push(view);
    this.taken += this.off;
    this.slab.out++;
    this.base += this.off;
    this.off = 0;
  }

  /** Stops filling the current slab and starts on a spare one, or a new one. */
  private next(need: number): void {
    const done = this.slab;
    this.slab = (need <= CHUNK ? this.spare.pop() : undefined) ?? newSlab(Math.max(CHUNK, need));
    this.base = 0;
    this.off = 0;
    if (done.out === 0) this.free(done);
  }

  private free(slab: Slab): void {
    // Slabs of the usual size are kept, a few: enough for a writer a batch or two behind.
    if (slab.mem.length === CHUNK && this.spare.length < 4) this.spare.push(slab);
  }
}

/**
 * Writes a short text's UTF-8 bytes into `mem` at `at` (room made for them) and returns how many:
 * an ASCII text byte by byte, which costs less than a call into the encoder (issue #16: a row's
 * e164 and codes, a consent record's id); anything else, written over from its start, by
 * Buffer#write.
 */
export function writeShortText(mem: Buffer, at: number, text: string): number {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return mem.write(text, at, 'utf8');
    mem[at + i] = c;
  }
  return n;
}

function newSlab(size: number): Slab {
  return { mem: Buffer.allocUnsafe(size), out: 0 };
}
