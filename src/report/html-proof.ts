/**
 * The parts of report.html about issue #14's inputs: the evidence folder, the reassigned-numbers
 * list and the line types (rows of the inputs table and of the evidence card), and the run's
 * warnings. Kept apart from html.ts, which renders the rest of the page with the same helpers.
 */
import type { Report } from './report-json.js';
import { escapeHtml as e } from './html.js';

type Row = (role: string, path: string, format: string, counts: string, sha: string | undefined, extra?: string) => string;
type Invalid = (list: { line: number; text: string }[], mask: boolean, total: number) => string;
type Fmt = (parts: (string | undefined)[]) => string;
/** A report made before issue #14 has none of these keys: read them defensively, like html.ts's Extras. */
type Proof = { inputs: Partial<Pick<Report['inputs'], 'evidence' | 'reassigned' | 'line_types'>>; warnings?: Report['warnings'] };

const n = (x: number) => String(x).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const invalidText = (i: { field?: string; value: string; problem: string }) => (i.field ? `${i.field} ${JSON.stringify(i.value)} ${i.problem}` : i.problem);

/** Rows of the inputs table for --reassigned and --line-types. */
export function proofInputRows(r: Report, mask: boolean, row: Row, invalidRows: Invalid, fmt: Fmt): string[] {
  const out: string[] = [];
  const ra = (r as Proof).inputs.reassigned;
  if (ra) {
    out.push(row('Reassigned numbers', ra.path, fmt([ra.format, ra.encoding, ra.delimiter]),
      `${e(n(ra.numbers))} numbers disconnected by the as-of date, ${e(n(ra.after_as_of))} later ignored${ra.answered_no ? `, ${e(n(ra.answered_no))} answered no` : ''}${ra.no_data ? `, <strong class="warn">${e(n(ra.no_data))} no data</strong>` : ''}<br>list of ${e(ra.date.slice(0, 10))} <span class="muted">(${e(ra.date_source.replace(/-/g, ' '))})</span>`,
      ra.sha256, invalidRows(ra.invalid.map((i) => ({ line: i.line, text: invalidText(i) })), mask, ra.invalid.length)));
  }
  const lt = (r as Proof).inputs.line_types;
  if (lt) {
    const types = Object.entries(lt.types).filter(([, k]) => k > 0).map(([t, k]) => `${e(n(k))} ${e(t.replace('_', '-'))}`).join(', ');
    out.push(row('Line types', lt.path, fmt([lt.format, lt.encoding, lt.delimiter]), `${e(n(lt.numbers))} numbers${types ? ` (${types})` : ''}, over libphonenumber's types`,
      lt.sha256, invalidRows(lt.invalid.map((i) => ({ line: i.line, text: invalidText(i) })), mask, lt.invalid.length)));
  }
  return out;
}

/** Rows of the evidence card for --evidence-dir. */
export function evidenceRows(r: Report): [string, string][] {
  const ev = (r as Proof).inputs.evidence;
  if (!ev) return [];
  const f = ev.files;
  const warn = (k: number, what: string) => (k ? `<strong class="warn">${e(n(k))} ${what}</strong>` : `0 ${what}`);
  return [['Evidence files', `<span title="${e(ev.dir)}">${e(ev.dir.split(/[\\/]/).pop() || ev.dir)}</span>: ${e(n(f.found))} found, ${warn(f.missing, 'missing')}, ${warn(f.mismatched, 'with another SHA-256')}, ${warn(f.outside, 'outside the folder')}; ${e(n(ev.hashed.files))} hashed`]];
}

/** The run's warnings (a carrier lookup the policy advises, ...): a card of their own, or nothing. */
export function warningsSection(r: Report): string {
  const warnings = (r as Proof).warnings ?? [];
  if (warnings.length === 0) return '';
  return `<section id="warnings" class="card notice-card" aria-labelledby="warnings-h">
  <h2 id="warnings-h">Warnings</h2>
  <ul>${warnings.map((w) => `<li><code>${e(w.code)}</code>: ${e(w.detail)}</li>`).join('')}</ul>
</section>`;
}
