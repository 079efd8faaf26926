/**
 * Routes each judged row to clean.csv or rejects.csv and keeps the counts. Every data row lands in
 * exactly one of the two files (SPEC "Nothing is lost"). Lines are gathered per batch and written
 * once per batch.
 */
import { explain, removedText, type ReasonCode } from '../reasons.js';
import { csvLine, csvLineWith, neutralizeFormula, writeCsvField } from '../io/csv-write.js';
import type { XlsxSheetWriter } from '../io/xlsx-writer.js';
import type { CsvRecord } from '../io/csv-tokenizer.js';
import type { AtomicFile } from '../io/atomic-output.js';
import { LineBuffer } from '../io/line-buffer.js';
import type { RowFacts } from '../rules/context.js';
import { UNSTATED_KIND, UNSTATED_SEPARATE } from '../rules/consent.js';
import { LineCopier } from './row-copy.js';

/** How many records were used (covered a clean row) without saying something the campaign checks, and on how many rows. */
export interface UnstatedCount { records: number; rows: number }

/** rejects.csv starts with a BOM so spreadsheets open it as UTF-8; clean.csv feeds machines. */
const BOM = '\uFEFF';
const FIRST_LINES = 10;
const MAX_COMBOS = 1000;
const COMMA = 44, LF = 10;

/** clean.csv's columns (and clean.xlsx's). */
export function cleanHeader(columns: readonly string[], windowColumns: boolean, email = false): string[] {
  // An email run (issue #15) adds the address as compared after phone_e164.
  return [...columns, 'phone_e164', ...(email ? ['email_normalized'] : []), 'consent_id', ...(windowColumns ? ['time_zones', 'call_window_utc'] : []), 'audit_removed'];
}

/** rejects.csv's columns (and rejects.xlsx's). */
export function rejectsHeader(columns: readonly string[]): string[] {
  return [...columns, 'audit_line', 'audit_reasons', 'audit_details'];
}

export class RowRouter {
  rows = 0;
  clean = 0;
  rejected = 0;
  readonly reasons = new Map<ReasonCode, number>();
  /** Rows whose notice checks an allowed exemption waived, by ground. */
  readonly exemptions = new Map<string, number>();
  /** The first few lines each code was found on (for JUnit and people). */
  readonly firstLines = new Map<ReasonCode, number[]>();
  /** Rejected rows by their set of codes (`|`-joined), for the summary's hints (issue #11). */
  readonly combos = new Map<string, number>();
  /** Numbers of rows with several (issue #11): audited, passed, and taken out of clean rows. */
  readonly numbers = { rows: 0, audited: 0, passed: 0, removed: 0, removedReasons: new Map<ReasonCode, number>() };
  /** Audited rows by where their data came from (an unrecognized row value counts as third_party and here too). */
  readonly origins = { subject: 0, third_party: 0, unrecognized: 0 };
  /** Clean rows whose registry hit was overridden by consent (PECR reg. 21(4), 47 CFR 64.1200(c)(2)(ii)). */
  registryOverrides = 0;
  /** Clean rows of an email run resting on a soft opt-in (issue #15). */
  softOptIn = 0;
  /** Consent used without saying whether it is a separate document, or what it is consent to (issue #10). */
  readonly unstated: { separate_document: UnstatedCount; kind: UnstatedCount } = {
    separate_document: { records: 0, rows: 0 }, kind: { records: 0, rows: 0 },
  };
  /** Bit sets over the consent index: which records were counted already. */
  private readonly seenUnstated: [Uint8Array, Uint8Array];
  private readonly cleanLines = new LineBuffer();
  private readonly rejectLines = new LineBuffer();
  /** Copies rows' input lines where that gives the same text (src/core/row-copy.ts); unset: never. */
  private copier: LineCopier | undefined;
  /** Rows written by copying their line (for tests: both paths must be taken). */
  copied = 0;

  constructor(
    private readonly columns: readonly string[],
    private readonly cleanFile: AtomicFile,
    private readonly rejectsFile: AtomicFile,
    /** Whether clean.csv carries `time_zones` and `call_window_utc` (a policy with a calling window). */
    private readonly windowColumns = false,
    /** Records in the consent index (sizes the bit sets that count each record once). */
    consentRecords = 0,
    /** clean.xlsx and rejects.xlsx, with --xlsx (issue #13). */
    private readonly xlsx?: { clean: XlsxSheetWriter; rejects: XlsxSheetWriter },
    /** clean.csv in a spreadsheet's dialect, with --csv-excel (issue #13); else the contract's comma and no BOM. */
    private readonly cleanDialect?: { delimiter: string; bom: boolean },
    /** An email run (issue #15): the phone columns, whose cells clean rows carry empty (they were not audited). */
    private readonly email?: { phoneColumns: readonly number[] },
  ) {
    const bytes = Math.ceil(consentRecords / 8);
    this.seenUnstated = [new Uint8Array(bytes), new Uint8Array(bytes)];
  }

  /**
   * Rows read as plain lines (CsvRecord `text`) with this delimiter may be written by copying the
   * line (issue #16 item 4). Not with --xlsx (the cells go there too) or another CSV dialect.
   */
  copyLines(delimiter: string): void {
    if (!this.xlsx && !this.cleanDialect) this.copier = new LineCopier(delimiter);
  }

  async start(): Promise<void> {
    const clean = cleanHeader(this.columns, this.windowColumns, this.email !== undefined);
    await this.cleanFile.write(this.cleanDialect ? (this.cleanDialect.bom ? BOM : '') + csvLineWith(clean, this.cleanDialect.delimiter) : csvLine(clean));
    await this.rejectsFile.write(BOM + csvLine(rejectsHeader(this.columns).map(neutralizeFormula)));
  }

  /** `window`: the clean row's [time zones, UTC calling window], when the policy has one. */
  route(record: CsvRecord, row: RowFacts, window?: [string, string]): void {
    this.rows++;
    const exempt = row.notice?.exempt;
    if (exempt?.allowed) this.exemptions.set(exempt.value, (this.exemptions.get(exempt.value) ?? 0) + 1);
    if (row.numbers) this.countNumbers(row);
    const origin = row.notice?.origin;
    if (origin) {
      this.origins[origin.value]++;
      if (origin.unrecognized !== undefined) this.origins.unrecognized++;
    }
    if (row.findings.length === 0) {
      this.clean++;
      if (row.suppression?.overriddenBy) this.registryOverrides++;
      // A soft opt-in in place of consent: the sender must still keep what a list cannot show (issue #15).
      if (row.consent?.covering?.kinds?.includes('soft_opt_in')) this.softOptIn++;
      const unstated = row.consent?.unstated;
      if (unstated) this.countUnstated(unstated, row.consent!.covering!.i);
      if (this.email) {
        this.emailCells(record, row);
        return;
      }
      if (this.xlsx || this.cleanDialect) {
        this.cleanCells(record, row, window);
        return;
      }
      // Written into the output's bytes piece by piece: no line is made as a string first.
      const out = this.cleanLines;
      const kept = row.numbers ? keptCells(record.fields, row) : undefined;
      const copy = kept === undefined || kept.cells === record.fields ? this.copier?.line(record, false) : undefined;
      if (copy !== undefined) {
        out.appendCopy(copy, this.copier!.byte);
        this.copied++;
        out.byte(COMMA);
      } else {
        const cells = kept ? kept.cells : record.fields;
        for (let i = 0; i < cells.length; i++) {
          writeCsvField(out, cells[i]!);
          out.byte(COMMA);
        }
      }
      out.text(row.e164!);
      out.byte(COMMA);
      writeCsvField(out, row.consent?.covering?.consentId ?? '');
      if (this.windowColumns) {
        out.byte(COMMA);
        writeCsvField(out, window?.[0] ?? '');
        out.byte(COMMA);
        writeCsvField(out, window?.[1] ?? '');
      }
      out.byte(COMMA);
      if (kept) writeCsvField(out, kept.removed);
      out.byte(LF);
      return;
    }
    this.rejected++;
    // Most rows have one finding: its code and detail are the row's, with no array or join made.
    // Several numbers may share a code: the row counts it once (report.json counts rows).
    const findings = row.findings;
    const codes: string[] | undefined = row.numbers ? [] : undefined;
    let combo = '';
    let details = '';
    for (let k = 0; k < findings.length; k++) {
      const f = findings[k]!;
      const detail = explain(f);
      details = k === 0 ? detail : `${details}; ${detail}`;
      if (codes) {
        if (codes.includes(f.code)) continue;
        codes.push(f.code);
      }
      this.reasons.set(f.code, (this.reasons.get(f.code) ?? 0) + 1);
      const lines = this.firstLines.get(f.code);
      if (!lines) this.firstLines.set(f.code, [record.line]);
      else if (lines.length < FIRST_LINES) lines.push(record.line);
      combo = combo === '' ? f.code : `${combo}|${f.code}`;
    }
    this.countCombo(combo);
    const out = this.rejectLines;
    const copy = this.copier?.line(record, true);
    if (copy !== undefined) {
      out.appendCopy(copy, this.copier!.byte);
      this.copied++;
      out.byte(COMMA);
    } else {
      // A malformed record's fields fill the input columns as far as they go.
      const width = this.columns.length;
      const fields = record.fields;
      if (this.xlsx) {
        const cells = fields.length === width ? fields.slice() : Array.from({ length: width }, (_, i) => fields[i] ?? '');
        cells.push(String(record.line), combo, details);
        // A spreadsheet never runs a string cell: the .xlsx keeps every cell as read.
        this.xlsx.rejects.add(cells);
        out.append(csvLine(cells.map(neutralizeFormula)));
        return;
      }
      for (let i = 0; i < width; i++) {
        writeCsvField(out, neutralizeFormula(fields[i] ?? ''));
        out.byte(COMMA);
      }
    }
    // audit_line, audit_reasons, audit_details: csvLine's text, written piece by piece.
    out.uint(record.line);
    out.byte(COMMA);
    writeCsvField(out, neutralizeFormula(combo));
    out.byte(COMMA);
    writeCsvField(out, neutralizeFormula(details));
    out.byte(LF);
  }

  /** A clean row as cells, for clean.xlsx and the --csv-excel dialect (off the default path). */
  private cleanCells(record: CsvRecord, row: RowFacts, window?: [string, string]): void {
    const kept = row.numbers ? keptCells(record.fields, row) : { cells: record.fields, removed: '' };
    const cells = [...kept.cells, row.e164!, row.consent?.covering?.consentId ?? ''];
    if (this.windowColumns) cells.push(window?.[0] ?? '', window?.[1] ?? '');
    cells.push(kept.removed);
    this.xlsx?.clean.add(cells);
    this.cleanLines.append(this.cleanDialect ? csvLineWith(cells, this.cleanDialect.delimiter) : csvLine(cells));
  }

  private countCombo(combo: string): void {
    const seen = this.combos.get(combo);
    if (seen !== undefined) this.combos.set(combo, seen + 1);
    else if (this.combos.size < MAX_COMBOS) this.combos.set(combo, 1);
  }

  /**
   * An email run's clean row (issue #15): no number that was not audited reaches a clean output, so
   * the phone cells are left empty; the address as compared follows phone_e164 (empty too).
   */
  private emailCells(record: CsvRecord, row: RowFacts): void {
    const cells = record.fields.slice();
    for (const i of this.email!.phoneColumns) if (i < cells.length) cells[i] = '';
    cells.push('', row.email!.address, row.consent?.covering?.consentId ?? '', '');
    this.xlsx?.clean.add(cells);
    this.cleanLines.append(this.cleanDialect ? csvLineWith(cells, this.cleanDialect.delimiter) : csvLine(cells));
  }

  private countNumbers(row: RowFacts): void {
    const n = this.numbers;
    n.rows++;
    for (const k of row.numbers!) {
      n.audited++;
      if (k.findings.length === 0) n.passed++;
      else if (row.findings.length === 0) {
        n.removed++;
        for (const f of k.findings) n.removedReasons.set(f.code, (n.removedReasons.get(f.code) ?? 0) + 1);
      }
    }
  }

  private countUnstated(bits: number, record: number | undefined): void {
    const count = (which: 0 | 1, c: UnstatedCount) => {
      c.rows++;
      const seen = this.seenUnstated[which];
      if (record === undefined || record >= seen.length * 8) return;
      const mask = 1 << (record & 7);
      if ((seen[record >> 3]! & mask) === 0) {
        seen[record >> 3]! |= mask;
        c.records++;
      }
    };
    if (bits & UNSTATED_SEPARATE) count(0, this.unstated.separate_document);
    if (bits & UNSTATED_KIND) count(1, this.unstated.kind);
  }

  /**
   * Writes the lines gathered since the last flush, when there are at least `min` bytes of them:
   * the audit reads 64 KiB at a time, and a write per read would be four times the writes of the
   * 256 KiB reads before (issue #16 item 2).
   */
  async flush(min = 0): Promise<void> {
    if (this.cleanLines.size + this.rejectLines.size < min) return;
    await this.cleanFile.writeLines(this.cleanLines);
    await this.rejectsFile.writeLines(this.rejectLines);
    if (this.xlsx) {
      await this.xlsx.clean.flush();
      await this.xlsx.rejects.flush();
    }
  }

  /** Flushes and closes both files; returns their SHA-256 hashes. */
  async close(): Promise<[string, string]> {
    await this.flush();
    return [await this.cleanFile.close(), await this.rejectsFile.close()];
  }

  /** Closes clean.xlsx and rejects.xlsx, when written; returns their SHA-256 hashes. */
  async closeXlsx(): Promise<[string, string] | undefined> {
    if (!this.xlsx) return undefined;
    return [await this.xlsx.clean.close(), await this.xlsx.rejects.close()];
  }


}

/**
 * A clean row's cells with every phone cell holding only the numbers that passed, as written
 * (issue #11: no number that was not audited and passed reaches clean.csv), and the numbers taken
 * out with their codes. A cell from which nothing was taken stays exactly as it was.
 */
function keptCells(fields: readonly string[], row: RowFacts): { cells: readonly string[]; removed: string } {
  const keys = row.numbers!;
  if (keys.every((k) => k.findings.length === 0)) return { cells: fields, removed: '' };
  const cells = fields.slice();
  const removed: string[] = [];
  for (const column of new Set(keys.map((k) => k.column))) {
    const inCell = keys.filter((k) => k.column === column);
    if (inCell.every((k) => k.findings.length === 0)) continue;
    cells[column] = inCell.filter((k) => k.findings.length === 0).map((k) => k.raw).join(', ');
  }
  for (const k of keys) if (k.findings.length > 0) removed.push(removedText(k.raw, k.findings.map((f) => f.code)));
  return { cells, removed: removed.join('; ') };
}
