/**
 * Finds the header line of a table: the first line that is not blank. It is what the delimiter is
 * detected from, before the tokenizer can start.
 *
 * One pass over the text, holding at most one line of `maxLine` characters (issue #12 item 3: the
 * search used to re-scan all the text read so far on every chunk, so a first line without a line
 * end took quadratic time and memory: 200 MB, 414 s and 1.26 GB). Blank lines before the header
 * are counted and let go; a header line longer than `maxLine`, or one that holds control
 * characters (a binary file, /dev/zero), is known as soon as it is seen.
 */
import { isBlankChar } from './csv-tokenizer.js';

const LF = 10, CR = 13, TAB = 9;

/** Control characters no text table has in its header (TAB, VT and FF are white space). */
const isControl = (c: number) => c < 0x20 && c !== TAB && c !== LF && c !== CR && c !== 0x0b && c !== 0x0c;

export type HeaderSearch =
  | { kind: 'more' }
  /** `text`: the text from the header line's first character on, for the tokenizer. */
  | { kind: 'found'; line: string; lineNo: number; blankLines: number; text: string }
  | { kind: 'none'; blankLines: number }
  | { kind: 'too-long'; lineNo: number }
  | { kind: 'binary'; lineNo: number };

export class HeaderFinder {
  private lineNo = 1;
  private blankLines = 0;
  /** The current line so far, while it is not over maxLine (a blank one is let go past that). */
  private current = '';
  private currentLength = 0;
  private blank = true;
  /** The last text ended with CR: a LF starting the next one belongs to the same line end. */
  private afterCR = false;

  constructor(private readonly maxLine: number) {}

  push(text: string): HeaderSearch {
    let i = 0;
    if (this.afterCR && text.length) {
      if (text.charCodeAt(0) === LF) i = 1;
      this.afterCR = false;
    }
    let start = i;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === LF || c === CR) {
        if (!this.blank) return this.found(this.current + text.slice(start, i), this.current + text.slice(start));
        // A blank line: count it, let it go.
        this.blankLines++;
        this.lineNo++;
        this.current = '';
        this.currentLength = 0;
        if (c === CR) {
          if (i + 1 === text.length) this.afterCR = true;
          else if (text.charCodeAt(i + 1) === LF) i++;
        }
        start = i + 1;
        continue;
      }
      if (this.blank && !isBlankChar(c)) {
        this.blank = false;
        if (this.currentLength + (i - start) > this.maxLine) return { kind: 'too-long', lineNo: this.lineNo };
      }
      if (!this.blank && isControl(c)) return { kind: 'binary', lineNo: this.lineNo };
      if (!this.blank && this.currentLength + (i - start) >= this.maxLine) return { kind: 'too-long', lineNo: this.lineNo };
    }
    // The text ended inside a line: keep it (a blank run only as far as a line may go).
    const piece = text.slice(start);
    if (this.currentLength + piece.length <= this.maxLine) this.current += piece;
    this.currentLength += piece.length;
    return { kind: 'more' };
  }

  /** The input ended. */
  end(): HeaderSearch {
    if (!this.blank) return this.found(this.current, this.current);
    if (this.currentLength > 0) this.blankLines++;
    return { kind: 'none', blankLines: this.blankLines };
  }

  private found(line: string, text: string): HeaderSearch {
    return { kind: 'found', line, lineNo: this.lineNo, blankLines: this.blankLines, text };
  }
}
