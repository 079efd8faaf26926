/**
 * The spot-audit sheet (issue 6): a reproducible sample of an audit's rows, each as a person reads
 * it (src/report/row-view.ts), as HTML and Markdown, with a box for the reviewer's finding.
 */
import { SHEET_STYLE } from './sheet-style.js';
import { escapeHtml } from './html.js';
import { cellLabels } from './trail.js';
import type { AuditReport, TrailEntry } from './trail-reader.js';
import { baseName, humanInstant, rowMask, rowView, type Pair, type RowMask, type RowView } from './row-view.js';

export { baseName, humanInstant, rowMask, rowView, type Pair, type RowMask, type RowView } from './row-view.js';

// ---- the spot-audit sheet ----------------------------------------------------------------------

export type SampleFrom = 'clean' | 'rejects' | 'all';

export interface SheetInput {
  report: AuditReport;
  /** The out-dir, absolute. */
  outDir: string;
  seed: number;
  /** The size asked for. */
  size: number;
  from: SampleFrom;
  /** Rows of the trail in the population the sample was drawn from. */
  population: number;
  trail: { rows: number; sha256: string };
  mask: boolean;
  /** `--mask-column` names given to `sample` (issue #14), besides the columns report.json names. */
  maskColumns?: readonly string[];
  /** The sampled rows, in line order. */
  rows: TrailEntry[];
  /** The version of leadaudit that drew the sample. */
  version: string;
}

const FROM_TEXT: Record<SampleFrom, string> = {
  all: 'all rows (clean and rejected)',
  clean: 'clean rows only (clean.csv)',
  rejects: 'rejected rows only (rejects.csv)',
};

/** What the sheet says about the audit and the draw, shared by the HTML and the Markdown. */
function sheetFacts(s: SheetInput) {
  const r = s.report;
  const drawn = s.rows.length;
  const files: { role: string; path: string; sha256: string }[] = [
    { role: 'Contacts', path: r.inputs.contacts.path, sha256: r.inputs.contacts.sha256 },
    ...r.inputs.consent.map((f) => ({ role: 'Consent evidence', path: f.path, sha256: f.sha256 })),
    ...(r.inputs.notice ? [{ role: 'Notice manifest', path: r.inputs.notice.path, sha256: r.inputs.notice.sha256 }] : []),
    ...(r.inputs.suppress ?? []).map((f) => ({ role: `Suppression list${f.name ? ` ${f.name}` : ''}`, path: f.path, sha256: f.sha256 })),
    ...(r.policy.file ? [{ role: 'Policy file', path: r.policy.file.path, sha256: r.policy.file.sha256 }] : []),
    { role: 'Evidence trail', path: r.outputs.trail?.path ?? `${s.outDir}/trail.jsonl`, sha256: s.trail.sha256 },
  ];
  const recorded = r.outputs.trail?.sha256;
  const trailCheck = recorded === undefined ? 'report.json records no hash of trail.jsonl'
    : recorded === s.trail.sha256 ? 'the SHA-256 of trail.jsonl matches the one in report.json'
      : `WARNING: the SHA-256 of trail.jsonl differs from the one in report.json (${recorded}): the trail was changed after the audit`;
  const audit: Pair[] = [
    { label: 'Policy', value: `${r.policy.name}${r.policy.preset && r.policy.preset !== r.policy.name ? ` (extends ${r.policy.preset})` : ''}` },
    { label: 'As of', value: humanInstant(r.as_of) },
    ...(r.campaign ? [{ label: 'Campaign', value: `${r.campaign.channel} for ${r.campaign.purpose}` }] : []),
    { label: 'Rows audited', value: `${r.totals.rows} (${r.totals.clean} clean, ${r.totals.rejected} rejected)` },
    { label: 'Audited by', value: `${r.tool.name} ${r.tool.version}` },
    { label: 'Trail check', value: trailCheck },
  ];
  const all = s.size >= s.population;
  const sample: Pair[] = [
    { label: 'Seed', value: String(s.seed) },
    { label: 'Population', value: `${FROM_TEXT[s.from]}: ${s.population} of ${s.trail.rows} rows` },
    { label: 'Size asked', value: String(s.size) },
    { label: 'Size drawn', value: all ? `${drawn}: every row of the population (the size asked is not smaller than the population)` : String(drawn) },
    { label: 'Method', value: 'each row of the population equally likely, without replacement: reservoir sampling (Algorithm R) driven by the mulberry32 generator from the seed; rows are shown in line order. The same seed and the same trail always give the same rows.' },
    { label: 'Reproduce', value: `leadaudit sample ${shellWord(s.outDir)} --size ${s.size} --seed ${s.seed} --from ${s.from}${s.mask ? '' : ' --unmask'}${(s.maskColumns ?? []).map((c) => ` --mask-column ${shellWord(c)}`).join('')}` },
    { label: 'Personal data', value: s.mask ? `masked: ${maskedColumns(s)} (--unmask shows them)` : 'NOT masked (--unmask): handle this sheet as personal data' },
  ];
  return { files, audit, sample, title: `Spot audit of ${baseName(r.inputs.contacts.path)}, seed ${s.seed}` };
}

/** The columns masked, for the sheet: `ФИО (name), Телефон (phone)`, and phone numbers anywhere. */
function maskedColumns(s: SheetInput): string {
  const plan = planOf(s);
  const keys = s.rows[0] ? cellLabels(s.rows[0].columns, s.rows[0].cells.length) : [];
  const named = plan ? keys.flatMap((k, i) => (plan.kinds[i] ? [`${k} (${plan.kinds[i]!.replace('_', ' ')})`] : [])) : [];
  return `${named.length ? `the columns of personal data ${named.join(', ')}, and ` : ''}phone numbers anywhere`;
}

/** How the sheet's rows are masked: the columns report.json names, and --mask-column. */
function planOf(s: SheetInput): RowMask | false {
  if (!s.mask || s.rows.length === 0) return false;
  return rowMask(s.report, s.rows[0]!.columns, s.maskColumns ?? []);
}

function shellWord(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

// ---- HTML ----

const e = escapeHtml;

const kv = (pairs: Pair[], cls = 'kv') =>
  `<table class="${cls}"><tbody>${pairs.map((p) => `<tr><th scope="row">${e(p.label)}</th><td>${e(p.value)}</td></tr>`).join('')}</tbody></table>`;

export function renderSheetHtml(s: SheetInput): string {
  const f = sheetFacts(s);
  const plan = planOf(s);
  const rows = s.rows.map((entry, i) => rowHtml(rowView(entry, s.report, plan), i + 1, s.rows.length));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="leadaudit ${e(s.version)}">
<title>${e(f.title)}</title>
<style>${SHEET_STYLE}</style>
</head>
<body>
<header>
<p class="eyebrow">leadaudit spot audit</p>
<h1>${e(f.title)}</h1>
</header>
<section class="card"><h2>The audit</h2>
${kv(f.audit)}
<table class="files"><colgroup><col style="width:11em"><col><col style="width:34%"></colgroup><thead><tr><th>File</th><th>Path</th><th>SHA-256</th></tr></thead><tbody>
${f.files.map((x) => `<tr><th scope="row">${e(x.role)}</th><td class="path">${e(x.path)}</td><td class="hash">${e(x.sha256)}</td></tr>`).join('\n')}
</tbody></table>
</section>
<section class="card"><h2>The sample</h2>
${kv(f.sample)}
</section>
${rows.join('\n')}
<section class="card signoff"><h2>Sign-off</h2>
<div class="boxes"><div>Reviewed by</div><div>Date</div><div>Signature</div></div>
</section>
<footer>Drawn by leadaudit ${e(s.version)} from trail.jsonl (SHA-256 ${e(s.trail.sha256)}).</footer>
</body>
</html>
`;
}

function rowHtml(v: RowView, n: number, of: number): string {
  const verdict = v.verdict === 'CLEAN' ? 'clean' : 'rejected';
  const reasons = v.reasons.length === 0 ? '<p>No reason to reject: every check passed.</p>'
    : `<ul class="reasons">${v.reasons.map((r) => `<li><code>${e(r.code)}</code> <strong>${e(r.title)}</strong>: ${e(r.detail)}</li>`).join('')}</ul>`;
  const records = v.consent.records.length === 0 ? '' : `
<table class="records"><colgroup><col class="c-id"><col class="c-dates"><col class="c-scope"><col class="c-ev"><col></colgroup><thead><tr><th>Record</th><th>Dates</th><th>Scope</th><th>Evidence</th><th>Fate</th></tr></thead><tbody>
${v.consent.records.map((r) => `<tr${r.role === 'covers the row' ? ' class="covering"' : ''}><td><strong>${e(r.id)}</strong><br><span class="path">${e(r.where)}</span>${r.role ? `<br><em>${e(r.role)}</em>` : ''}</td>
<td>given <span class="nowrap">${e(r.given)}</span><br>withdrawn <span class="nowrap">${e(r.withdrawn)}</span><br>expires <span class="nowrap">${e(r.expires)}</span></td><td>channels: ${e(r.channels)}<br>purposes: ${e(r.purposes)}</td><td class="path">${e(r.evidence)}</td><td>${e(r.fate)}</td></tr>`).join('\n')}
</tbody></table>`;
  const notice = v.notice.fields.length === 0 ? `<p>${e(v.notice.summary)}</p>` : `<p class="note">${e(v.notice.summary)}</p>
<table class="notice"><colgroup><col style="width:12.5em"><col><col class="c-from"></colgroup><thead><tr><th>Field</th><th>Value</th><th>From</th></tr></thead><tbody>
${v.notice.fields.map((x) => `<tr${x.missing ? ' class="missing"' : ''}><th scope="row">${e(x.label)}</th><td>${e(x.value)}</td><td>${e(x.from)}</td></tr>`).join('\n')}
</tbody></table>
${kv(v.notice.meta)}`;
  return `<article class="row ${verdict}" id="line-${v.line}">
<h2><span class="count">${n} of ${of}</span> Line ${v.line} <span class="badge">${v.verdict}</span></h2>
<h3>Verdict and reasons</h3>
${reasons}
<h3>The row</h3>
${kv(v.data)}
<h3>Phone number</h3>
${v.phone ? kv(v.phone) : '<p>Not read: the row could not be read as CSV.</p>'}
<h3>Consent evidence</h3>
<p>${e(v.consent.summary)}</p>${records}
<h3>Notice</h3>
${notice}${v.callWindow ? `\n<h3>Calling window</h3>\n<p>${e(v.callWindow)}</p>` : ''}
<div class="review"><div class="who">Checked by</div><div class="when">Date</div>
<div class="finding">Finding: <span class="tick">☐</span> agrees with the verdict <span class="tick">☐</span> does not agree</div><div class="notes">Notes</div></div>
</article>`;
}


// ---- Markdown ----

/** Escapes what Markdown (and the HTML a Markdown viewer passes through) would read as markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ↵ ').replace(/[\\`*_[\]<>|#~&]/g, (c) => `\\${c}`);
}
const md = escapeMarkdown;
const mdTable = (head: [string, string], pairs: Pair[]) =>
  [`| ${head[0]} | ${head[1]} |`, '|---|---|', ...pairs.map((p) => `| ${md(p.label)} | ${md(p.value) || ' '} |`)].join('\n');

export function renderSheetMarkdown(s: SheetInput): string {
  const f = sheetFacts(s);
  const out = [`# ${md(f.title)}`, '', '## The audit', '', mdTable(['', ''], f.audit), '',
    '| File | Path | SHA-256 |', '|---|---|---|', ...f.files.map((x) => `| ${md(x.role)} | ${md(x.path)} | \`${x.sha256}\` |`), '',
    '## The sample', '', mdTable(['', ''], f.sample), ''];
  const plan = planOf(s);
  s.rows.forEach((entry, i) => out.push(...rowMarkdown(rowView(entry, s.report, plan), i + 1, s.rows.length)));
  out.push('## Sign-off', '', 'Reviewed by: ______________________  Date: ____________  Signature: ______________________', '',
    `Drawn by leadaudit ${md(s.version)} from trail.jsonl (SHA-256 \`${s.trail.sha256}\`).`, '');
  return out.join('\n');
}

function rowMarkdown(v: RowView, n: number, of: number): string[] {
  const out = [`## ${n} of ${of}: line ${v.line}, ${v.verdict}`, '', '**Verdict and reasons**', ''];
  if (v.reasons.length === 0) out.push('No reason to reject: every check passed.');
  else out.push(...v.reasons.map((r) => `- \`${r.code}\` **${md(r.title)}**: ${md(r.detail)}`));
  out.push('', '**The row**', '', mdTable(['Column', 'Value'], v.data), '', '**Phone number**', '');
  out.push(v.phone ? mdTable(['', ''], v.phone) : 'Not read: the row could not be read as CSV.');
  out.push('', '**Consent evidence**', '', md(v.consent.summary), '');
  v.consent.records.forEach((r, i) => out.push(
    `${i + 1}. **${md(r.id)}** (${md(r.where)})${r.role ? ` *${md(r.role)}*` : ''}`,
    `   - given ${md(r.given)}; withdrawn ${md(r.withdrawn)}; expires ${md(r.expires)}`,
    `   - channels: ${md(r.channels)}; purposes: ${md(r.purposes)}`,
    `   - evidence: ${md(r.evidence)}`,
    `   - fate: ${md(r.fate)}`,
  ));
  out.push('', '**Notice**', '', md(v.notice.summary), '');
  if (v.notice.fields.length > 0) {
    out.push('| Field | Value | From |', '|---|---|---|', ...v.notice.fields.map((x) => `| ${md(x.label)} | ${x.missing ? '**MISSING**' : md(x.value)} | ${md(x.from)} |`), '');
    out.push(mdTable(['', ''], v.notice.meta), '');
  }
  if (v.callWindow) out.push('**Calling window**', '', md(v.callWindow), '');
  out.push('**Review**', '', '| Checked by | Date | Finding | Notes |', '|---|---|---|---|', '| | | ☐ agrees ☐ does not agree | |', '');
  return out;
}
