/**
 * The spot-audit sheet (issue 6): a reproducible sample of an audit's rows, each as a person reads
 * it (src/report/row-view.ts), as HTML and Markdown, with a box for the reviewer's finding.
 */
import { SHEET_STYLE } from './sheet-style.js';
import { escapeHtml } from './html.js';
import { cellLabels } from './trail.js';
import type { AuditReport, TrailEntry } from './trail-reader.js';
import { baseName, humanInstant, rowMask, rowView, verdictWord, type Pair, type RowMask, type RowView } from './row-view.js';
import { t, lang } from '../i18n/index.js';

export { baseName, humanInstant, rowMask, rowView, verdictWord, type Pair, type RowMask, type RowView } from './row-view.js';

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



/** What the sheet says about the audit and the draw, shared by the HTML and the Markdown. */
function sheetFacts(s: SheetInput) {
  const r = s.report;
  const drawn = s.rows.length;
  const files: { role: string; path: string; sha256: string }[] = [
    { role: t('sheet.file.contacts'), path: r.inputs.contacts.path, sha256: r.inputs.contacts.sha256 },
    ...r.inputs.consent.map((f) => ({ role: t('sheet.file.consent'), path: f.path, sha256: f.sha256 })),
    ...(r.inputs.notice ? [{ role: t('sheet.file.notice'), path: r.inputs.notice.path, sha256: r.inputs.notice.sha256 }] : []),
    ...(r.inputs.suppress ?? []).map((f) => ({ role: t('sheet.file.suppress', { name: f.name ? ` ${f.name}` : '' }), path: f.path, sha256: f.sha256 })),
    ...(r.policy.file ? [{ role: t('sheet.file.policy'), path: r.policy.file.path, sha256: r.policy.file.sha256 }] : []),
    { role: t('sheet.file.trail'), path: r.outputs.trail?.path ?? `${s.outDir}/trail.jsonl`, sha256: s.trail.sha256 },
  ];
  const recorded = r.outputs.trail?.sha256;
  const trailCheck = recorded === undefined ? t('sheet.trail.noHash')
    : recorded === s.trail.sha256 ? t('sheet.trail.matches')
      : t('sheet.trail.differs', { recorded });
  const audit: Pair[] = [
    { label: t('sheet.policy'), value: `${r.policy.name}${r.policy.preset && r.policy.preset !== r.policy.name ? t('reasons.extends', { preset: r.policy.preset }) : ''}` },
    { label: t('sheet.asOf'), value: humanInstant(r.as_of) },
    ...(r.campaign ? [{ label: t('sheet.campaign'), value: t('sheet.campaignValue', { channel: r.campaign.channel, purpose: r.campaign.purpose }) }] : []),
    { label: t('sheet.rowsAudited'), value: t('sheet.rowsAuditedValue', { rows: r.totals.rows, clean: r.totals.clean, rejected: r.totals.rejected }) },
    { label: t('sheet.auditedBy'), value: `${r.tool.name} ${r.tool.version}` },
    { label: t('sheet.trailCheck'), value: trailCheck },
  ];
  const all = s.size >= s.population;
  const sample: Pair[] = [
    { label: t('sheet.seed'), value: String(s.seed) },
    { label: t('sheet.population'), value: t('sheet.populationValue', { from: t(`sheet.from.${s.from}`), population: s.population, rows: s.trail.rows }) },
    { label: t('sheet.sizeAsked'), value: String(s.size) },
    { label: t('sheet.sizeDrawn'), value: all ? t('sheet.sizeDrawnAll', { drawn }) : String(drawn) },
    { label: t('sheet.method'), value: t('sheet.methodValue') },
    { label: t('sheet.reproduce'), value: `leadaudit sample ${shellWord(s.outDir)} --size ${s.size} --seed ${s.seed} --from ${s.from}${s.mask ? '' : ' --unmask'}${(s.maskColumns ?? []).map((c) => ` --mask-column ${shellWord(c)}`).join('')}` },
    { label: t('sheet.personalData'), value: s.mask ? t('sheet.masked', { columns: maskedColumns(s) }) : t('sheet.notMasked') },
  ];
  return { files, audit, sample, title: t('sheet.title', { file: baseName(r.inputs.contacts.path), seed: String(s.seed) }) };
}

/** The columns masked, for the sheet: `ФИО (name), Телефон (phone)`, and phone numbers anywhere. */
function maskedColumns(s: SheetInput): string {
  const plan = planOf(s);
  const keys = s.rows[0] ? cellLabels(s.rows[0].columns, s.rows[0].cells.length) : [];
  const named = plan ? keys.flatMap((k, i) => (plan.kinds[i] ? [`${k} (${t(`personal.kind.${plan.kinds[i]!}`)})`] : [])) : [];
  return named.length ? t('sheet.masked.columns', { columns: named.join(', ') }) : t('sheet.masked.phones');
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
<html lang="${lang()}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="leadaudit ${e(s.version)}">
<title>${e(f.title)}</title>
<style>${SHEET_STYLE}</style>
</head>
<body>
<header>
<p class="eyebrow">${e(t('sheet.html.eyebrow'))}</p>
<h1>${e(f.title)}</h1>
</header>
<section class="card"><h2>${e(t('sheet.theAudit'))}</h2>
${kv(f.audit)}
<table class="files"><colgroup><col style="width:11em"><col><col style="width:34%"></colgroup><thead><tr><th>${e(t('sheet.col.file'))}</th><th>${e(t('sheet.col.path'))}</th><th>SHA-256</th></tr></thead><tbody>
${f.files.map((x) => `<tr><th scope="row">${e(x.role)}</th><td class="path">${e(x.path)}</td><td class="hash">${e(x.sha256)}</td></tr>`).join('\n')}
</tbody></table>
</section>
<section class="card"><h2>${e(t('sheet.theSample'))}</h2>
${kv(f.sample)}
</section>
${rows.join('\n')}
<section class="card signoff"><h2>${e(t('sheet.signoff'))}</h2>
<div class="boxes"><div>${e(t('sheet.reviewedBy'))}</div><div>${e(t('sheet.date'))}</div><div>${e(t('sheet.signature'))}</div></div>
</section>
<footer>${e(t('sheet.drawnBy', { version: s.version, sha256: s.trail.sha256 }))}</footer>
</body>
</html>
`;
}

function rowHtml(v: RowView, n: number, of: number): string {
  const verdict = v.verdict === 'CLEAN' ? 'clean' : 'rejected';
  const reasons = v.reasons.length === 0 ? `<p>${e(t('sheet.noReason'))}</p>`
    : `<ul class="reasons">${v.reasons.map((r) => `<li><code>${e(r.code)}</code> <strong>${e(r.title)}</strong>: ${e(r.detail)}</li>`).join('')}</ul>`;
  const records = v.consent.records.length === 0 ? '' : `
<table class="records"><colgroup><col class="c-id"><col class="c-dates"><col class="c-scope"><col class="c-ev"><col></colgroup><thead><tr><th>${e(t('sheet.col.record'))}</th><th>${e(t('sheet.col.dates'))}</th><th>${e(t('sheet.col.scope'))}</th><th>${e(t('sheet.col.evidence'))}</th><th>${e(t('sheet.col.fate'))}</th></tr></thead><tbody>
${v.consent.records.map((r) => `<tr${r.covering ? ' class="covering"' : ''}><td><strong>${e(r.id)}</strong><br><span class="path">${e(r.where)}</span>${r.role ? `<br><em>${e(r.role)}</em>` : ''}</td>
<td>${e(t('sheet.given'))} <span class="nowrap">${e(r.given)}</span><br>${e(t('sheet.withdrawn'))} <span class="nowrap">${e(r.withdrawn)}</span><br>${e(t('sheet.expires'))} <span class="nowrap">${e(r.expires)}</span></td><td>${e(t('sheet.channels'))}: ${e(r.channels)}<br>${e(t('sheet.purposes'))}: ${e(r.purposes)}</td><td class="path">${e(r.evidence)}</td><td>${e(r.fate)}</td></tr>`).join('\n')}
</tbody></table>`;
  const notice = v.notice.fields.length === 0 ? `<p>${e(v.notice.summary)}</p>` : `<p class="note">${e(v.notice.summary)}</p>
<table class="notice"><colgroup><col style="width:12.5em"><col><col class="c-from"></colgroup><thead><tr><th>${e(t('sheet.col.field'))}</th><th>${e(t('sheet.col.value'))}</th><th>${e(t('sheet.col.from'))}</th></tr></thead><tbody>
${v.notice.fields.map((x) => `<tr${x.missing ? ' class="missing"' : ''}><th scope="row">${e(x.label)}</th><td>${e(x.value)}</td><td>${e(x.from)}</td></tr>`).join('\n')}
</tbody></table>
${kv(v.notice.meta)}`;
  return `<article class="row ${verdict}" id="line-${v.line}">
<h2><span class="count">${e(t('sheet.nOf', { n: String(n), of: String(of) }))}</span> ${e(t('sheet.line', { line: String(v.line) }))} <span class="badge">${e(verdictWord(v.verdict))}</span></h2>
<h3>${e(t('sheet.verdictAndReasons'))}</h3>
${reasons}
<h3>${e(t('sheet.theRow'))}</h3>
${kv(v.data)}
<h3>${e(t('sheet.phoneNumber'))}</h3>
${v.phone ? kv(v.phone) : `<p>${e(t('sheet.notRead'))}</p>`}
<h3>${e(t('sheet.consentEvidence'))}</h3>
<p>${e(v.consent.summary)}</p>${records}
<h3>${e(t('sheet.notice'))}</h3>
${notice}${v.callWindow ? `\n<h3>${e(t('sheet.callingWindow'))}</h3>\n<p>${e(v.callWindow)}</p>` : ''}
<div class="review"><div class="who">${e(t('sheet.checkedBy'))}</div><div class="when">${e(t('sheet.date'))}</div>
<div class="finding">${e(t('sheet.finding'))}: <span class="tick">☐</span> ${e(t('sheet.agrees'))} <span class="tick">☐</span> ${e(t('sheet.disagrees'))}</div><div class="notes">${e(t('sheet.notes'))}</div></div>
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
  const out = [`# ${md(f.title)}`, '', `## ${md(t('sheet.theAudit'))}`, '', mdTable(['', ''], f.audit), '',
    `| ${md(t('sheet.col.file'))} | ${md(t('sheet.col.path'))} | SHA-256 |`, '|---|---|---|', ...f.files.map((x) => `| ${md(x.role)} | ${md(x.path)} | \`${x.sha256}\` |`), '',
    `## ${md(t('sheet.theSample'))}`, '', mdTable(['', ''], f.sample), ''];
  const plan = planOf(s);
  s.rows.forEach((entry, i) => out.push(...rowMarkdown(rowView(entry, s.report, plan), i + 1, s.rows.length)));
  out.push(`## ${md(t('sheet.signoff'))}`, '', `${md(t('sheet.reviewedBy'))}: ______________________  ${md(t('sheet.date'))}: ____________  ${md(t('sheet.signature'))}: ______________________`, '',
    md(t('sheet.drawnBy', { version: s.version, sha256: s.trail.sha256 })).replace(s.trail.sha256, `\`${s.trail.sha256}\``), '');
  return out.join('\n');
}

function rowMarkdown(v: RowView, n: number, of: number): string[] {
  const out = [`## ${md(t('sheet.mdHead', { n: String(n), of: String(of), line: String(v.line), verdict: verdictWord(v.verdict) }))}`, '', `**${md(t('sheet.verdictAndReasons'))}**`, ''];
  if (v.reasons.length === 0) out.push(md(t('sheet.noReason')));
  else out.push(...v.reasons.map((r) => `- \`${r.code}\` **${md(r.title)}**: ${md(r.detail)}`));
  out.push('', `**${md(t('sheet.theRow'))}**`, '', mdTable([t('sheet.col.column'), t('sheet.col.value')], v.data), '', `**${md(t('sheet.phoneNumber'))}**`, '');
  out.push(v.phone ? mdTable(['', ''], v.phone) : md(t('sheet.notRead')));
  out.push('', `**${md(t('sheet.consentEvidence'))}**`, '', md(v.consent.summary), '');
  v.consent.records.forEach((r, i) => out.push(
    `${i + 1}. **${md(r.id)}** (${md(r.where)})${r.role ? ` *${md(r.role)}*` : ''}`,
    `   - ${md(t('sheet.given'))} ${md(r.given)}; ${md(t('sheet.withdrawn'))} ${md(r.withdrawn)}; ${md(t('sheet.expires'))} ${md(r.expires)}`,
    `   - ${md(t('sheet.channels'))}: ${md(r.channels)}; ${md(t('sheet.purposes'))}: ${md(r.purposes)}`,
    `   - ${md(t('sheet.evidence'))}: ${md(r.evidence)}`,
    `   - ${md(t('sheet.fate'))}: ${md(r.fate)}`,
  ));
  out.push('', `**${md(t('sheet.notice'))}**`, '', md(v.notice.summary), '');
  if (v.notice.fields.length > 0) {
    out.push(`| ${md(t('sheet.col.field'))} | ${md(t('sheet.col.value'))} | ${md(t('sheet.col.from'))} |`, '|---|---|---|', ...v.notice.fields.map((x) => `| ${md(x.label)} | ${x.missing ? `**${md(t('sheet.MISSING'))}**` : md(x.value)} | ${md(x.from)} |`), '');
    out.push(mdTable(['', ''], v.notice.meta), '');
  }
  if (v.callWindow) out.push(`**${md(t('sheet.callingWindow'))}**`, '', md(v.callWindow), '');
  out.push(`**${md(t('sheet.review'))}**`, '', `| ${md(t('sheet.checkedBy'))} | ${md(t('sheet.date'))} | ${md(t('sheet.finding'))} | ${md(t('sheet.notes'))} |`, '|---|---|---|---|', `| | | ☐ ${md(t('sheet.agreesShort'))} ☐ ${md(t('sheet.disagrees'))} | |`, '');
  return out;
}
