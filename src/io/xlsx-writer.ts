/**
 * clean.xlsx and rejects.xlsx (issue #13, `--xlsx`): the same rows as the CSV files, for people who
 * open them in a spreadsheet. Written with exceljs's streaming writer (maintained, measured against
 * a hand-written writer in the README's library notes), without a shared-string table, so memory
 * stays flat however many rows there are. exceljs is loaded on first use only: a run without
 * --xlsx never reads it (the bundle leaves it out; start-up, issue #5).
 *
 * Every cell is written as text (an inline string, number format `@`): a phone number stays
 * `79161234567`, never `7.9E+10`, an id keeps its leading zeros, and a cell that looks like a
 * formula (`=1+1`) is shown as written, never run: unlike CSV, a spreadsheet does not evaluate a
 * string cell, so no `'` is needed. The header row is bold and frozen; column widths come from the
 * first rows; long text columns (audit_details, audit_removed) wrap.
 */
import { Writable } from 'node:stream';
import type { AtomicFile } from './atomic-output.js';

/** How many rows are held back to size the columns before the first is written. */
const SAMPLE_ROWS = 200;
const MIN_WIDTH = 6;
const MAX_WIDTH = 50;
/** How much XML may wait for the deflate stream before rows wait for it. */
const BACKLOG = 1 << 20;
/** Columns whose text is long: a fixed width, wrapped. */
const WRAPPED: Readonly<Record<string, number>> = { audit_details: 80, audit_removed: 40, audit_reasons: 36 };

type ExcelJs = typeof import('exceljs');
let loaded: Promise<ExcelJs> | undefined;
async function excel(): Promise<ExcelJs> {
  loaded ??= import('exceljs').then((m) => ((m as unknown as { default?: ExcelJs }).default ?? m));
  return loaded;
}

/** Bytes a stream holds unwritten: archiver's streams are readable-stream 2, which lacks writableLength. */
function waiting(s: Writable): number {
  return (s as unknown as { _writableState?: { length: number } })._writableState?.length ?? s.writableLength ?? 0;
}

/** The display width of a cell's text, its longest line (characters, not bytes). */
function widthOf(text: string): number {
  let best = 0;
  for (const line of text.split(/\r\n?|\n/)) best = Math.max(best, [...line].length);
  return best;
}

/** A Writable that hands exceljs's bytes to an AtomicFile (hashed, renamed into place on commit). */
function intoFile(file: AtomicFile): Writable {
  return new Writable({
    write(chunk: Buffer, _enc, done) {
      file.write(chunk).then(() => done(), done);
    },
  });
}

export class XlsxSheetWriter {
  private sample: string[][] | undefined = [];
  private sheet: import('exceljs').Worksheet | undefined;
  private workbook: import('exceljs').stream.xlsx.WorkbookWriter | undefined;
  private sink: Writable | undefined;
  private pending = 0;

  constructor(private readonly file: AtomicFile, private readonly sheetName: string, private readonly header: readonly string[]) {}

  get path(): string {
    return this.file.path;
  }

  /** One row: as many cells as the header (missing ones are empty). */
  add(cells: readonly string[]): void {
    if (this.sample) {
      this.sample.push(cells.slice());
      return;
    }
    this.sheet!.addRow(cells.slice()).commit();
    this.pending++;
  }

  /** Called once per batch: starts the sheet once enough rows sized it, and lets the ZIP stream drain. */
  async flush(final = false): Promise<void> {
    if (this.sample && (final || this.sample.length >= SAMPLE_ROWS)) await this.begin();
    if (this.pending === 0) return;
    this.pending = 0;
    // exceljs hands each 64 KiB of the sheet's XML to the ZIP entry's deflate stream without
    // waiting for it (its StreamBuf ignores backpressure): wait here until that stream has caught
    // up, or a 1M-row list would sit in memory as XML (measured: +560 MB; with this, flat).
    for (const pipe of this.entryStreams()) {
      while (waiting(pipe) > BACKLOG) await new Promise((r) => pipe.once('drain', r));
    }
    await new Promise((r) => setImmediate(r));
  }

  /** The streams the sheet's XML is piped into (exceljs 4.4.0's WorksheetWriter.stream.pipes; pinned). */
  private entryStreams(): Writable[] {
    const stream = (this.sheet as unknown as { stream?: { pipes?: Writable[] } } | undefined)?.stream;
    return stream?.pipes ?? [];
  }

  private async begin(): Promise<void> {
    const ExcelJS = await excel();
    const rows = this.sample!;
    this.sample = undefined;
    this.sink = intoFile(this.file);
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: this.sink, useSharedStrings: false, useStyles: true });
    this.workbook.creator = 'leadaudit';
    const sheet = this.workbook.addWorksheet(this.sheetName, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
    sheet.columns = this.header.map((name, i) => {
      const wrapped = WRAPPED[name];
      const longest = Math.max(widthOf(name), ...rows.map((r) => widthOf(r[i] ?? '')));
      return {
        key: String(i),
        width: wrapped ?? Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2)),
        style: { numFmt: '@', alignment: wrapped ? { wrapText: true, vertical: 'top' } : { vertical: 'top' } },
      };
    });
    this.sheet = sheet;
    // exceljs appends the sheet's stream to its ZIP archive behind the parts it adds first, and
    // until the archive reaches it, every row waits in memory (exceljs issues #1894, #2916: fixed
    // only for 5.0). Wait until the archive takes the stream, then rows flow as they come.
    const stream = (sheet as unknown as { stream: { pipes: unknown[] } }).stream;
    while (stream.pipes.length === 0) await new Promise((r) => setImmediate(r));
    const head = sheet.addRow(this.header.slice());
    head.font = { bold: true };
    head.commit();
    for (const r of rows) sheet.addRow(r).commit();
    this.pending = rows.length + 1;
  }

  /** Writes the rest and closes the file; returns its SHA-256. */
  async close(): Promise<string> {
    await this.flush(true);
    this.sheet!.commit();
    await this.workbook!.commit();
    await new Promise<void>((resolve, reject) => {
      if (this.sink!.writableFinished) resolve();
      else this.sink!.once('finish', resolve).once('error', reject);
    });
    return this.file.close();
  }
}
