/**
 * The parts of report.html about issue #14's inputs: the evidence folder, the reassigned-numbers
 * list and the line types (rows of the inputs table and of the evidence card), and the run's
 * warnings. Kept apart from html.ts, which renders the rest of the page with the same helpers.
 */
import type { Report } from './report-json.js';
import { escapeHtml as e, num as n } from './html.js';
import { fmtDate, t } from '../i18n/index.js';

type Row = (role: string, path: string, format: string, counts: string, sha: string | undefined, extra?: string) => string;
type Invalid = (list: { line: number; text: string }[], mask: boolean, total: number) => string;
type Fmt = (parts: (string | undefined)[]) => string;
/** A report made before issue #14 has none of these keys: read them defensively, like html.ts's Extras. */
type Proof = { inputs: Partial<Pick<Report['inputs'], 'evidence' | 'reassigned' | 'line_types'>>; warnings?: Report['warnings'] };

const invalidText = (i: { field?: string; value: string; problem: string }) => (i.field ? `${i.field} ${JSON.stringify(i.value)} ${i.problem}` : i.problem);

/** Rows of the inputs table for --reassigned and --line-types. */
export function proofInputRows(r: Report, mask: boolean, row: Row, invalidRows: Invalid, fmt: Fmt): string[] {
  const out: string[] = [];
  const ra = (r as Proof).inputs.reassigned;
  if (ra) {
    const counts = e(t('html.reassigned.counts', { numbers: n(ra.numbers), later: n(ra.after_as_of) }))
      + (ra.answered_no ? e(t('html.reassigned.answeredNo', { n: n(ra.answered_no) })) : '')
      + (ra.no_data ? `, <strong class="warn">${e(t('html.reassigned.noData', { n: n(ra.no_data) }))}</strong>` : '');
    out.push(row(e(t('html.label.reassigned')), ra.path, fmt([ra.format, ra.encoding, ra.delimiter]),
      `${counts}<br>${e(t('html.listOf', { date: fmtDate(ra.date.slice(0, 10)) }))} <span class="muted">(${e(t(`html.dateSource.${ra.date_source}`))})</span>`,
      ra.sha256, invalidRows(ra.invalid.map((i) => ({ line: i.line, text: invalidText(i) })), mask, ra.invalid.length)));
  }
  const lt = (r as Proof).inputs.line_types;
  if (lt) {
    const types = Object.entries(lt.types).filter(([, k]) => k > 0).map(([type, k]) => `${n(k)} ${type.replace('_', '-')}`).join(', ');
    out.push(row(e(t('cert.role.lineTypes')), lt.path, fmt([lt.format, lt.encoding, lt.delimiter]), e(t('html.lineTypes', { n: n(lt.numbers), types: types ? ` (${types})` : '' })),
      lt.sha256, invalidRows(lt.invalid.map((i) => ({ line: i.line, text: invalidText(i) })), mask, lt.invalid.length)));
  }
  return out;
}

/** Rows of the evidence card for --evidence-dir. */
export function evidenceRows(r: Report): [string, string][] {
  const ev = (r as Proof).inputs.evidence;
  if (!ev) return [];
  const f = ev.files;
  const warn = (k: number, what: 'missing' | 'mismatched' | 'outside') => {
    const text = e(t(`html.evidence.${what}`, { n: n(k) }));
    return k ? `<strong class="warn">${text}</strong>` : text;
  };
  const counts = `${e(t('html.evidence.found', { n: n(f.found) }))}, ${warn(f.missing, 'missing')}, ${warn(f.mismatched, 'mismatched')}, ${warn(f.outside, 'outside')}; ${e(t('html.evidence.hashed', { n: n(ev.hashed.files) }))}`;
  return [[e(t('html.label.evidenceFiles')), `<span title="${e(ev.dir)}">${e(ev.dir.split(/[\\/]/).pop() || ev.dir)}</span>: ${counts}`]];
}

/** The run's warnings (a carrier lookup the policy advises, ...): a card of their own, or nothing. */
export function warningsSection(r: Report): string {
  const warnings = (r as Proof).warnings ?? [];
  if (warnings.length === 0) return '';
  return `<section id="warnings" class="card notice-card" aria-labelledby="warnings-h">
  <h2 id="warnings-h">${e(t('html.warnings'))}</h2>
  <ul>${warnings.map((w) => `<li><code>${e(w.code)}</code>: ${e(w.detail)}</li>`).join('')}</ul>
</section>`;
}
