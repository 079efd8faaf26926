/**
 * Output lines gathered as UTF-8 bytes. Building one big string per batch and encoding it costs
 * three times as much as encoding each line into a buffer as it comes (the string is a deep rope
 * that must be flattened first), and the output is most of the bytes an audit moves.
 */
const CHUNK = 1 << 20;

export class LineBuffer {
  private readonly full: Buffer[] = [];
  private buf = Buffer.allocUnsafe(CHUNK);
  private off = 0;

  append(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    const worst = text.length * 3;
    if (this.off + worst > this.buf.length) {
      if (this.off > 0) this.full.push(this.buf.subarray(0, this.off));
      this.buf = Buffer.allocUnsafe(Math.max(CHUNK, worst));
      this.off = 0;
    }
    this.off += this.buf.write(text, this.off, 'utf8');
  }

  get empty(): boolean {
    return this.off === 0 && this.full.length === 0;
  }

  /** The bytes gathered since the last take; the buffer starts afresh (the caller keeps these). */
  take(): Buffer[] {
    const out = this.full.splice(0);
    if (this.off > 0) {
      out.push(this.buf.subarray(0, this.off));
      this.buf = this.buf.length - this.off >= 64 * 1024 ? this.buf.subarray(this.off) : Buffer.allocUnsafe(CHUNK);
      this.off = 0;
    }
    return out;
  }
}
