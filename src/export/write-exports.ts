/**
 * `--export PLATFORM` (issue #15 item 3): upload-ready files made from the clean rows only. They
 * are made once clean.csv is complete, by reading the run's own clean.csv back (a format this run
 * wrote: UTF-8, its own delimiter, a header), so the row pipeline does not change and a run
 * without --export pays nothing. Each file is one of the run's outputs (src/io/atomic-output.ts):
 * written under a temporary name and put in place with the others at commit, listed in
 * report.json with its SHA-256, and checked by `leadaudit verify`.
 */
import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';
import { CsvTokenizer, type CsvRecord } from '../io/csv-tokenizer.js';
import { csvField, neutralizeFormula } from '../io/csv-write.js';
import type { AtomicFile } from '../io/atomic-output.js';
import { platform, type Hashing, type KeyKind, type PlatformId } from './platforms.js';
import { sizeWarnings, type ExportWarning } from './export-warnings.js';

/** One export asked for, with its file opened in the out-dir. */
export interface ExportJob {
  platform: PlatformId;
  hashing: Hashing;
  file: AtomicFile;
}

/** What report.json says of one export file (`outputs.export_<platform>`). */
export interface ExportEntry {
  path: string;
  sha256: string;
  platform: PlatformId;
  key: KeyKind;
  hashing: Hashing;
  /** The file's header, as written (none for a file without one). */
  columns: string[];
  /** Lines written after the header: one per clean row, less the repeated keys of a list of unique items. */
  rows: number;
  /** Clean rows whose key was already in the file (a platform that takes unique items only). */
  duplicates: number;
  warnings: ExportWarning[];
}

/** The column clean.csv carries the audited key in (SPEC; issue #15 item 1 for emails). */
export const KEY_COLUMN: Record<KeyKind, string> = { phone: 'phone_e164', email: 'email_normalized' };

export interface CleanFile {
  /** Where the complete clean.csv is (its temporary name, before the commit). */
  path: string;
  delimiter: string;
  /** Input columns: the first `inputColumns` cells of a clean row are the input's, in its order. */
  inputColumns: number;
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/**
 * Writes every export from clean.csv; `carry` are the input columns the dialer file adds (their
 * indexes and names, checked against the header before any output was opened). `keysUnique`: the
 * policy rejects duplicates, so no clean row repeats an earlier row's key and the files need no
 * set of the keys seen (1M rows, 372k clean, five exports: 160 MB less at the peak).
 */
export async function writeExports(clean: CleanFile, jobs: readonly ExportJob[], key: KeyKind, carry: { index: number; name: string }[], opts: { keysUnique: boolean; signal?: AbortSignal | undefined }): Promise<ExportEntry[]> {
  const writers = jobs.map((job) => new ExportWriter(job, key, carry, opts.keysUnique));
  let keyAt = -1;
  for await (const batch of records(clean, opts.signal)) {
    for (const record of batch) {
      if (keyAt < 0) {
        // The audit's own column comes after the input's, whatever the input's columns are called.
        keyAt = record.fields.indexOf(KEY_COLUMN[key], clean.inputColumns);
        if (keyAt < 0) throw new Error(`clean.csv has no ${KEY_COLUMN[key]} column`);
        continue;
      }
      const value = record.fields[keyAt] ?? '';
      for (const w of writers) w.add(value, record.fields);
    }
    for (const w of writers) await w.flush();
  }
  const entries: ExportEntry[] = [];
  for (const w of writers) entries.push(await w.close());
  return entries;
}

/** clean.csv's records, a batch per chunk read. */
async function* records(clean: CleanFile, signal?: AbortSignal): AsyncGenerator<CsvRecord[]> {
  const tokenizer = new CsvTokenizer({ delimiter: clean.delimiter, header: true });
  const decoder = new StringDecoder('utf8');
  let first = true;
  for await (const chunk of createReadStream(clean.path, { signal })) {
    let text = decoder.write(chunk as Buffer);
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1); // --csv-excel's BOM
    first = false;
    const out: CsvRecord[] = [];
    tokenizer.push(text, out);
    yield out;
  }
  const out: CsvRecord[] = [];
  tokenizer.push(decoder.end(), out);
  tokenizer.end(out);
  yield out;
}

class ExportWriter {
  private readonly platform;
  private readonly seen: Set<string> | undefined;
  private lines = '';
  private rows = 0;
  private duplicates = 0;
  private bytes = 0;
  readonly columns: string[];

  constructor(private readonly job: ExportJob, private readonly key: KeyKind, private readonly carry: { index: number; name: string }[], keysUnique: boolean) {
    this.platform = platform(job.platform);
    this.seen = this.platform.unique && !keysUnique ? new Set() : undefined;
    const header = this.platform.header[key];
    this.columns = header === null ? [] : [header, ...(job.platform === 'dialer' ? carry.map((c) => c.name) : [])];
    if (this.columns.length) this.lines = line(this.columns.map((c) => neutralizeFormula(c)));
  }

  add(value: string, fields: readonly string[]): void {
    if (value === '') return; // a clean row always has its key: nothing is left out here
    let cell = this.key === 'phone' ? this.platform.phone(value) : value;
    if (this.job.hashing === 'sha256') cell = sha256(cell);
    if (this.seen) {
      if (this.seen.has(cell)) { this.duplicates++; return; }
      this.seen.add(cell);
    }
    this.rows++;
    // The key is data for a machine (E.164, digits, hex, an address) and stays as it is; the
    // carried input columns are free text a spreadsheet could run, so they are neutralized.
    const cells = [cell];
    if (this.job.platform === 'dialer') for (const c of this.carry) cells.push(neutralizeFormula(fields[c.index] ?? ''));
    this.lines += line(cells);
  }

  async flush(): Promise<void> {
    if (!this.lines) return;
    this.bytes += Buffer.byteLength(this.lines, 'utf8');
    await this.job.file.write(this.lines);
    this.lines = '';
  }

  async close(): Promise<ExportEntry> {
    await this.flush();
    const sha = await this.job.file.close();
    return {
      path: this.job.file.path, sha256: sha, platform: this.job.platform, key: this.key, hashing: this.job.hashing,
      columns: this.columns, rows: this.rows, duplicates: this.duplicates,
      warnings: sizeWarnings(this.platform, this.rows, this.bytes),
    };
  }
}

function line(cells: readonly string[]): string {
  return `${cells.map(csvField).join(',')}\n`;
}
