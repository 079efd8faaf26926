/**
 * report.html: report.json as a page a person reads at a glance (issue 6). One self-contained file:
 * inline CSS and SVG, no script, no font, no image, nothing fetched, so it opens offline, in a
 * mail attachment or an archived CI artifact, and prints on A4. Every text taken from the report is
 * HTML-escaped: paths, column names and problems come from users' files.
 */
import { getCountries, getCountryCallingCode } from 'libphonenumber-js/max';
import { REASONS, type ReasonCode } from '../reasons.js';
import { formatRate } from '../core/gate.js';
import type { Report } from './report-json.js';
import { HTML_STYLE } from './html-style.js';

export interface HtmlOptions {
  /** Mask what could be personal data (phone numbers in invalid-record problems and values). */
  mask?: boolean;
}

type Text = string | number | boolean | null | undefined;

/** Escapes text for HTML element content and quoted attribute values alike. */
export function escapeHtml(value: Text): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const e = escapeHtml;

const num = (n: number) => n.toLocaleString('en-US');
const yesNo = (b: boolean) => (b ? 'yes' : 'no');

export function renderReportHtml(report: Report, opts: HtmlOptions = {}): string {
  const mask = opts.mask === true;
  const contacts = report.inputs.contacts;
  const title = `Lead list audit: ${baseName(contacts.path)}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${e(report.tool.name)} ${e(report.tool.version)}">
<title>${e(title)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<header class="top">
  <div>
    <p class="eyebrow">${e(report.tool.name)} audit report</p>
    <h1 title="${e(contacts.path)}">${e(baseName(contacts.path))}</h1>
  </div>
  <dl class="meta">
    <div><dt>Policy</dt><dd>${e(report.policy.name)}</dd></div>
    <div><dt>As of</dt><dd><time datetime="${e(report.as_of)}">${e(humanInstant(report.as_of))}</time></dd></div>
    <div><dt>Tool</dt><dd>${e(report.tool.name)} ${e(report.tool.version)}</dd></div>${mask ? `
    <div><dt>Personal data</dt><dd>masked</dd></div>` : ''}
  </dl>
</header>
<main>
${totalsSection(report)}
<div class="columns">
${reasonsSection(report)}
${policySection(report)}
</div>
${lawSection(report)}
${inputsSection(report, mask)}
${outputsSection(report)}
</main>
<footer>Made by ${e(report.tool.name)} ${e(report.tool.version)} in ${e(report.timing.seconds)} s
(${e(num(report.timing.rows_per_second))} rows/s). The SHA-256 of every file ties these verdicts to
these exact inputs and outputs. Details of each rejected row are in rejects.csv.</footer>
</body>
</html>
`;
}

function totalsSection(r: Report): string {
  const { rows, clean, rejected } = r.totals;
  const cleanShare = rows === 0 ? 0 : clean / rows;
  return `<section id="totals" class="totals" aria-label="Totals">
  <div class="kpi"><span class="kpi-label">Rows audited</span>
    <span class="kpi-value" data-total="rows">${e(num(rows))}</span>
    <span class="kpi-note">${e(num(r.inputs.contacts.blank_lines))} blank line${r.inputs.contacts.blank_lines === 1 ? '' : 's'} skipped</span></div>
  <div class="kpi kpi-clean"><span class="kpi-label">Clean</span>
    <span class="kpi-value" data-total="clean">${e(num(clean))}</span>
    <span class="kpi-note">${e(formatRate(cleanShare))} of rows, may be loaded</span></div>
  <div class="kpi kpi-rejected"><span class="kpi-label">Rejected</span>
    <span class="kpi-value" data-total="rejected">${e(num(rejected))}</span>
    <span class="kpi-note">see rejects.csv for each row</span></div>
  <div class="kpi"><span class="kpi-label">Reject rate</span>
    <span class="kpi-value" data-total="reject-rate">${e(formatRate(r.gate.reject_rate))}</span>
    <span class="split" role="img" aria-label="${e(`${formatRate(cleanShare)} clean`)}"><span style="width:${(cleanShare * 100).toFixed(2)}%"></span></span></div>
${gateCard(r.gate)}
</section>`;
}

function gateCard(g: Report['gate']): string {
  const set = g.max_reject_rate !== undefined || g.fail_on_reject === true;
  const state = !g.passed ? 'failed' : set ? 'passed' : 'none';
  const badge = { failed: 'Failed', passed: 'Passed', none: 'Passed' }[state];
  const conditions: string[] = [];
  if (g.max_reject_rate !== undefined) conditions.push(`--max-reject-rate ${g.max_reject_rate}`);
  if (g.fail_on_reject) conditions.push('--fail-on-reject');
  let why: string;
  if (state === 'failed') why = `<ul>${g.failures.map((f) => `<li>${e(f)}</li>`).join('')}</ul>`;
  else if (state === 'passed') why = `<p>All conditions met: ${e(conditions.join(', '))}.</p>`;
  else why = '<p>No gate was set (--max-reject-rate, --fail-on-reject): the run passes whatever the reject rate.</p>';
  return `  <div id="gate" class="kpi gate gate-${state}" data-passed="${g.passed}">
    <span class="kpi-label">Import gate</span>
    <span class="verdict">${badge}${state === 'none' ? ' <small>no gate set</small>' : ''}</span>
    ${why}
  </div>`;
}

/** Reasons that occurred, largest first; ties keep the contract's table order. */
function reasonEntries(r: Report): [string, number][] {
  return (Object.entries(r.reasons) as [string, number | undefined][])
    .filter((x): x is [string, number] => typeof x[1] === 'number' && x[1] > 0)
    .sort((a, b) => b[1] - a[1]);
}

function reasonInfo(code: string) {
  return (REASONS as Partial<Record<string, (typeof REASONS)[ReasonCode]>>)[code];
}

function reasonsSection(r: Report): string {
  const entries = reasonEntries(r);
  const head = `<section class="card chart" aria-labelledby="reasons-h">
  <h2 id="reasons-h">Why rows were rejected</h2>
  <p class="note">Rows per reason code; a row can have several reasons, so bars may add up to more than ${e(num(r.totals.rejected))}.</p>`;
  if (entries.length === 0) return `${head}\n  <figure id="reasons-chart" class="empty"><p>No row was rejected.</p></figure>\n</section>`;
  const max = entries[0]![1];
  const W = 720, LABEL = 300, COUNT = 74, ROW = 24, BAR = 14;
  const span = W - LABEL - COUNT;
  const bars = entries.map(([code, count], i) => {
    const y = i * ROW;
    const w = Math.max(2, (count / max) * span);
    const share = r.totals.rows === 0 ? 0 : count / r.totals.rows;
    const label = reasonInfo(code)?.title ?? code;
    return `    <g transform="translate(0 ${y})"><title>${e(`${code}: ${count} row${count === 1 ? '' : 's'} (${formatRate(share)})`)}</title>
      <text class="label" x="${LABEL - 10}" y="${ROW / 2}" text-anchor="end" dominant-baseline="central">${e(label)}</text>
      <rect class="bar" data-code="${e(code)}" data-count="${count}" x="${LABEL}" y="${(ROW - BAR) / 2}" width="${w.toFixed(1)}" height="${BAR}" rx="2"></rect>
      <text class="count" x="${(LABEL + w + 6).toFixed(1)}" y="${ROW / 2}" dominant-baseline="central">${e(num(count))}<tspan class="share" dx="5">${e(formatRate(share))}</tspan></text>
    </g>`;
  });
  const height = entries.length * ROW;
  return `${head}
  <figure id="reasons-chart">
   <svg viewBox="0 0 ${W} ${height}" width="100%" role="img" aria-label="Bar chart: rows rejected per reason">
${bars.join('\n')}
   </svg>
  </figure>
</section>`;
}

function policySection(r: Report): string {
  const c = r.campaign;
  const rows: [string, string][] = [
    ['Policy', e(r.policy.name)],
    ['Campaign purpose', e(c.purpose)],
    ['Channel', e(c.channel)],
    ['Default region', c.region === null ? 'none: numbers need a country code' : e(c.region)],
    ['Proof of consent', c.proof_required ? 'required (evidence_ref)' : 'not required'],
    ['Maximum consent age', c.consent_max_age_days === null ? 'no limit' : `${e(num(c.consent_max_age_days))} days`],
    ['Duplicates', c.reject_duplicates ? 'rejected' : 'allowed'],
    ['Required notice items', c.required_notice.length === 0 ? 'none' : c.required_notice.map((f) => `<span class="tag">${e(f)}</span>`).join(' ')],
    ['Gate', gateSettings(r.gate)],
  ];
  return `<section class="card policy" aria-labelledby="policy-h">
  <h2 id="policy-h">Policy and campaign</h2>
  <dl class="pairs">
${rows.map(([k, v]) => `    <div><dt>${k}</dt><dd>${v}</dd></div>`).join('\n')}
  </dl>
</section>`;
}

function gateSettings(g: Report['gate']): string {
  const parts: string[] = [];
  if (g.max_reject_rate !== undefined) parts.push(`max reject rate ${e(g.max_reject_rate)}`);
  if (g.fail_on_reject) parts.push('fail on any reject');
  return parts.length ? parts.join('; ') : 'none';
}

function lawSection(r: Report): string {
  const entries = reasonEntries(r);
  if (entries.length === 0) return '';
  const body = entries.map(([code, count]) => {
    const info = reasonInfo(code);
    return `    <tr><td><code>${e(code)}</code></td><td>${e(info?.title ?? '')}</td><td class="n">${e(num(count))}</td><td>${e(info?.law ?? '')}</td><td>${e(info?.remedy ?? '')}</td></tr>`;
  });
  return `<section id="law" class="card" aria-labelledby="law-h">
  <h2 id="law-h">Reasons found, their legal references and what to do</h2>
  <table class="law">
    <colgroup><col class="c-code"><col class="c-title"><col class="c-n"><col class="c-law"><col></colgroup>
    <thead><tr><th>Code</th><th>Reason</th><th class="n">Rows</th><th>Legal reference (152-FZ, 38-FZ)</th><th>What to do</th></tr></thead>
    <tbody>
${body.join('\n')}
    </tbody>
  </table>
</section>`;
}

function fileCell(path: string): string {
  const base = baseName(path);
  const dir = path.slice(0, path.length - base.length);
  return `<span class="file">${e(base)}</span>${dir ? `<span class="dir">${e(dir)}</span>` : ''}`;
}

const hashCell = (sha: string | undefined) => (sha ? `<code class="hash">${e(sha)}</code>` : '<span class="muted">n/a</span>');

function inputsSection(r: Report, mask: boolean): string {
  const i = r.inputs;
  const c = i.contacts;
  const rows: string[] = [];
  const row = (role: string, path: string, format: string, counts: string, sha: string | undefined, extra = '') =>
    `    <tr><th scope="row">${role}</th><td>${fileCell(path)}</td><td>${format}</td><td>${counts}</td><td>${hashCell(sha)}</td></tr>${extra}`;
  rows.push(row('Contacts', c.path, fmt(['csv', c.encoding, delim(c.delimiter)]),
    `${e(num(c.rows))} rows, ${e(num(c.blank_lines))} blank lines, ${e(bytes(c.bytes))}<br>phone column <q>${e(c.phone_column)}</q>${c.phone_columns_matched.length > 1 ? ` (first of ${c.phone_columns_matched.map((m) => `<q>${e(m)}</q>`).join(', ')})` : ''}`,
    c.sha256));
  for (const f of i.consent) {
    rows.push(row('Consent', f.path, fmt([f.format, f.encoding, f.delimiter === undefined ? undefined : delim(f.delimiter)]),
      `${e(num(f.records))} records, ${e(num(f.valid))} valid, ${invalidCount(f.invalid.length)}`, f.sha256,
      invalidRows(f.invalid.map((x) => ({ line: x.line, text: `${'field' in x && x.field ? `${x.field}: ` : ''}${x.problem}` })), mask)));
  }
  rows.push(i.notice
    ? row('Notice', i.notice.path, 'json', '', i.notice.sha256)
    : '    <tr><th scope="row">Notice</th><td colspan="4" class="muted">no notice manifest given</td></tr>');
  for (const s of i.suppress) {
    rows.push(row('Suppression', s.path, fmt([s.format, s.encoding]),
      `${e(num(s.numbers))} numbers, ${invalidCount(s.invalid.length)}`, s.sha256,
      invalidRows(s.invalid.map((x) => ({ line: x.line, text: `${x.value}: ${x.problem}` })), mask)));
  }
  return `<section id="inputs" class="card" aria-labelledby="inputs-h">
  <h2 id="inputs-h">Inputs</h2>
  <table class="files">
    <colgroup><col class="c-role"><col class="c-path"><col class="c-fmt"><col class="c-counts"><col class="c-hash"></colgroup>
    <thead><tr><th>Role</th><th>File</th><th>Format</th><th>Contents</th><th>SHA-256</th></tr></thead>
    <tbody>
${rows.join('\n')}
    </tbody>
  </table>
</section>`;
}

const invalidCount = (n: number) => (n === 0 ? '0 invalid' : `<strong class="warn">${e(num(n))} invalid</strong>`);

/** How many invalid records are listed per file; the rest are in report.json. */
const INVALID_SHOWN = 20;

function invalidRows(list: { line: number; text: string }[], mask: boolean): string {
  if (list.length === 0) return '';
  const shown = list.slice(0, INVALID_SHOWN).map((x) =>
    `<li><span class="line">line ${e(x.line)}</span> ${e(mask ? maskPhones(x.text) : x.text)}</li>`);
  const more = list.length > INVALID_SHOWN ? `<li class="muted">and ${e(num(list.length - INVALID_SHOWN))} more in report.json</li>` : '';
  return `\n    <tr class="invalid"><td></td><td colspan="4"><p>Not used as evidence:</p><ul>${shown.join('')}${more}</ul></td></tr>`;
}

function outputsSection(r: Report): string {
  const rows = Object.entries(r.outputs as Record<string, { path: string; sha256?: string; rows?: number }>).map(([name, o]) =>
    `    <tr><th scope="row">${e(name)}</th><td>${fileCell(o.path)}</td><td>${o.rows === undefined ? '' : `${e(num(o.rows))} rows`}</td><td>${o.sha256 ? hashCell(o.sha256) : '<span class="muted">this report</span>'}</td></tr>`);
  return `<section id="outputs" class="card" aria-labelledby="outputs-h">
  <h2 id="outputs-h">Outputs</h2>
  <table class="files">
    <colgroup><col class="c-role"><col class="c-path"><col class="c-out"><col class="c-hash"></colgroup>
    <thead><tr><th>Output</th><th>File</th><th>Contents</th><th>SHA-256</th></tr></thead>
    <tbody>
${rows.join('\n')}
    </tbody>
  </table>
</section>`;
}

function fmt(parts: (string | undefined)[]): string {
  return parts.filter((p): p is string => p !== undefined).map(e).join(' · ');
}

function delim(d: string): string {
  return d === 'tab' ? 'tab-separated' : `delimiter ${d}`;
}

function bytes(n: number): string {
  const exact = `${num(n)} bytes`;
  if (n < 1_000_000) return exact;
  return `${(n / 1_000_000).toFixed(1)} MB (${exact})`;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/** `2026-11-01T00:00:00.000Z` -> `2026-11-01 00:00 UTC` (seconds kept when not zero). */
function humanInstant(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?Z$/.exec(iso);
  if (!m) return iso;
  const secs = m[3] && !/^:00(\.0+)?$/.test(m[3]) ? m[3] : '';
  return `${m[1]} ${m[2]}${secs} UTC`;
}

// ---- masking ----------------------------------------------------------------------------------

/** Digit groups joined by at most two separators: `+7 916 123-45-67`, `8 (495) 123 45 67`. */
const PHONE_LIKE = /\+?\(?\d(?:[ \u00a0().-]{0,2}\d)*/g;
const MIN_DIGITS = 6;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?!\d)/;
let callingCodes: Set<string> | undefined;

/**
 * Masks the middle digits of phone-like sequences: the country code (or, written without `+`, the
 * trunk digit of an 11+ digit number) and the next 3 digits stay, so do the last 2, and at least a
 * third of the digits are hidden: `+7 916 123-45-67` -> `+7 916 ***-**-67`. Separators are kept,
 * so the shape stays readable. ISO dates are not phone numbers and stay as they are.
 */
export function maskPhones(text: string): string {
  return text.replace(PHONE_LIKE, (seq) => {
    const digits = seq.replace(/\D/g, '');
    const n = digits.length;
    if (n < MIN_DIGITS || ISO_DATE.test(seq)) return seq;
    const lead = seq.trimStart().startsWith('+') ? callingCodeLength(digits) : Math.max(0, n - 10);
    const tail = 2;
    const head = Math.max(0, Math.min(lead + 3, n - tail - Math.ceil(n / 3)));
    let i = 0;
    return seq.replace(/\d/g, (d) => (i++ >= head && i <= n - tail ? '*' : d));
  });
}

function callingCodeLength(digits: string): number {
  callingCodes ??= new Set(getCountries().map((c) => String(getCountryCallingCode(c))));
  for (const len of [1, 2, 3]) if (callingCodes.has(digits.slice(0, len))) return len;
  return 2;
}
