/**
 * Routes each judged row to clean.csv or rejects.csv and keeps the counts. Every data row lands in
 * exactly one of the two files (SPEC "Nothing is lost"). Lines are gathered per batch and written
 * once per batch.
 */
import { explain, type ReasonCode } from '../reasons.js';
import { csvLine, neutralizeFormula } from '../io/csv-write.js';
import type { CsvRecord } from '../io/csv-tokenizer.js';
import type { AtomicFile } from '../io/atomic-output.js';
import type { RowFacts } from '../rules/context.js';
import type { CallWindowTagger } from './call-window-tagger.js';

/** rejects.csv starts with a BOM so spreadsheets open it as UTF-8; clean.csv feeds machines. */
const BOM = '\uFEFF';

export class RowRouter {
  rows = 0;
  clean = 0;
  rejected = 0;
  readonly reasons = new Map<ReasonCode, number>();
  /** Rows whose notice checks an allowed exemption waived, by ground. */
  readonly exemptions = new Map<string, number>();
  private cleanText = '';
  private rejectsText = '';

  constructor(
    private readonly columns: readonly string[],
    private readonly cleanFile: AtomicFile,
    private readonly rejectsFile: AtomicFile,
    private readonly tagger?: CallWindowTagger,
  ) {}

  async start(): Promise<void> {
    const windowColumns = this.tagger ? ['time_zones', 'call_window_utc'] : [];
    await this.cleanFile.write(csvLine([...this.columns, 'phone_e164', 'consent_id', ...windowColumns]));
    await this.rejectsFile.write(BOM + csvLine([...this.columns, 'audit_line', 'audit_reasons', 'audit_details'].map(neutralizeFormula)));
  }

  route(record: CsvRecord, row: RowFacts): void {
    this.rows++;
    const exempt = row.notice?.exempt;
    if (exempt?.allowed) this.exemptions.set(exempt.value, (this.exemptions.get(exempt.value) ?? 0) + 1);
    if (row.findings.length === 0) {
      this.clean++;
      const cells = [...record.fields, row.e164!, row.consent?.covering?.consentId ?? ''];
      if (this.tagger) cells.push(...this.tagger.tag(row.e164!));
      this.cleanText += csvLine(cells);
      return;
    }
    this.rejected++;
    const codes: string[] = [];
    const details: string[] = [];
    for (const f of row.findings) {
      this.reasons.set(f.code, (this.reasons.get(f.code) ?? 0) + 1);
      codes.push(f.code);
      details.push(explain(f));
    }
    // A malformed record's fields fill the input columns as far as they go.
    const width = this.columns.length;
    const cells = record.fields.length === width ? record.fields.slice()
      : Array.from({ length: width }, (_, i) => record.fields[i] ?? '');
    cells.push(String(record.line), codes.join('|'), details.join('; '));
    this.rejectsText += csvLine(cells.map(neutralizeFormula));
  }

  /** Writes the lines gathered since the last flush. */
  async flush(): Promise<void> {
    const c = this.cleanText, r = this.rejectsText;
    this.cleanText = '';
    this.rejectsText = '';
    await this.cleanFile.write(c);
    await this.rejectsFile.write(r);
  }

  /** Flushes and closes both files; returns their SHA-256 hashes. */
  async close(): Promise<[string, string]> {
    await this.flush();
    return [await this.cleanFile.close(), await this.rejectsFile.close()];
  }

}
