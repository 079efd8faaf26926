/**
 * A trail row as a person reads it (issue 6), in the order a lawyer checks it: the verdict and its
 * reasons, the row, the number, the consent evidence and the fate of each record, the notice fields
 * and where each came from. `rowView` makes that reading once; `leadaudit explain` prints it, and
 * the spot-audit sheet (`leadaudit sample`) renders it as HTML and Markdown. Values that came from
 * the contact list are masked when asked (phones by maskPhone, name columns by maskName); consent
 * ids, evidence references, files and hashes are not personal data of the row and stay readable.
 */
import { REASONS, type ReasonCode } from '../reasons.js';
import { SHEET_STYLE } from './sheet-style.js';
import { maskCell, maskName, isNameColumn, maskPhone } from './mask.js';
import { escapeHtml } from './html.js';
import type { AuditReport, TrailEntry } from './trail-reader.js';
import { cellLabels, type TrailConsentRecord } from './trail.js';
import { numbersPairs } from './numbers-view.js';

export interface Pair { label: string; value: string }

export interface RecordView {
  id: string;
  /** `consent.csv:12`. */
  where: string;
  given: string;
  withdrawn: string;
  expires: string;
  channels: string;
  purposes: string;
  evidence: string;
  /** What was decided about the record, and why. */
  fate: string;
  /** `covers the row` for the covering record, `reasons reported` for the reported one. */
  role: string;
}

export interface NoticeFieldView {
  field: string;
  label: string;
  /** The value, or `MISSING` when not found. */
  value: string;
  /** Where the value came from; when not found, why that does or does not matter. */
  from: string;
  found: boolean;
  /** Not found, and the policy requires it (no exemption waives it). */
  missing: boolean;
}

export interface RowView {
  line: number;
  verdict: 'CLEAN' | 'REJECTED';
  reasons: { code: string; title: string; detail: string }[];
  data: Pair[];
  /** Undefined when the row could not be read as CSV (no number was taken from it). */
  phone: Pair[] | undefined;
  consent: { summary: string; records: RecordView[] };
  notice: { summary: string; fields: NoticeFieldView[]; meta: Pair[] };
  callWindow: string | undefined;
}

const NOTICE_LABELS: Record<string, string> = {
  operator: 'Operator (name and address)',
  purpose: 'Purpose of processing',
  legal_basis: 'Legal basis',
  pdn_list: 'Personal data processed',
  recipients: 'Recipients',
  rights: "Subject's rights",
  source: 'Source of the data',
  retention: 'Retention period',
};

/** `2026-02-10T08:05:00.000Z` -> `2026-02-10 08:05 UTC`; a midnight instant -> `2026-02-10`. */
const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z/;
/** The trail says `withdrawn at <instant>` of a withdrawn record. */
const withdrawal = (reasons: string[]) => {
  const at = reasons.map((x) => ISO_INSTANT.exec(x)?.[0]).find(Boolean);
  return at ? `of ${humanInstant(at)}` : 'of the number';
};

export function humanInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2})(\.\d+)?)?Z$/.exec(iso);
  if (!m) return iso;
  if (m[2] === '00:00' && (m[3] ?? '00') === '00' && !/[1-9]/.test(m[4] ?? '')) return m[1]!;
  return `${m[1]} ${m[2]}${m[3] && m[3] !== '00' ? `:${m[3]}` : ''} UTC`;
}

export function rowView(entry: TrailEntry, report: AuditReport, mask: boolean): RowView {
  const labels = cellLabels(entry.columns, entry.cells.length);
  const names = entry.cells.filter((v, i) => isNameColumn(entry.columns[i] ?? '') && v.trim() !== '').map((v) => v.trim());
  // Details quote the row (a malformed row's raw text, an invalid number): mask what they quote.
  const maskText = (text: string) => (mask ? names.reduce((t, n) => t.replace(wholeWords(n), () => maskName(n)), maskPhone(text)) : text);
  const reasons = entry.reasons.map((code, i) => {
    const detail = entry.details[i] ?? '';
    return {
      code,
      title: REASONS[code as ReasonCode]?.title ?? '',
      detail: maskText(detail.startsWith(`${code}: `) ? detail.slice(code.length + 2) : detail),
    };
  });
  return {
    line: entry.line,
    verdict: entry.verdict === 'clean' ? 'CLEAN' : 'REJECTED',
    reasons,
    data: entry.cells.map((value, i) => ({ label: labels[i]!, value: mask ? maskCell(entry.columns[i] ?? '', value) : value })),
    phone: phoneView(entry, report, mask),
    consent: consentView(entry, report),
    notice: noticeView(entry, report, mask),
    callWindow: callWindowView(entry, report),
  };
}

/** The text as whole words: `Ли` in `Ли;+7...` but not in `Лиды`. */
const wholeWords = (text: string) => new RegExp(`(?<![\\p{L}\\p{N}])${text.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');

function phoneView(entry: TrailEntry, report: AuditReport, mask: boolean): Pair[] | undefined {
  const p = entry.phone;
  if (!p) return undefined;
  const m = (s: string) => (mask ? maskPhone(s) : s);
  const region = report.campaign?.region;
  const out: Pair[] = [{ label: 'As written', value: p.raw.trim() === '' ? '(empty)' : m(p.raw) }];
  if (p.status === 'valid') {
    out.push({ label: 'Normalized (E.164)', value: m(p.e164 ?? '') });
    out.push({ label: 'Type', value: p.type ?? '—' });
    out.push({ label: 'Country', value: p.country ?? '—' });
    if (p.ext) out.push({ label: 'Extension', value: m(p.ext) });
  } else {
    out.push({ label: 'Status', value: p.status === 'missing' ? 'missing: the phone cell is empty' : `not a valid number${p.problem ? `: ${p.problem}` : ''}` });
  }
  // The region matters only for a number written without its country code.
  if (region && !p.raw.includes('+') && /\d/.test(p.raw)) out.push({ label: 'Region assumed', value: `${region} (the number is written without a country code)` });
  out.push(...numbersPairs(entry, m));
  return out;
}

function consentView(entry: TrailEntry, report: AuditReport): RowView['consent'] {
  const c = entry.consent;
  if (!c) {
    const why = entry.reasons.includes('ROW_MALFORMED') ? 'the row could not be read'
      : entry.phone?.status === 'valid' ? 'the policy does not check consent' : 'there is no valid phone number to look up';
    return { summary: `Not checked: ${why}.`, records: [] };
  }
  const records = c.records.map((r) => recordView(r, c.covering, c.reported, report));
  const where = (id: string | null) => {
    const r = c.records.find((x) => x.consent_id === id);
    return r ? `${id} (${r.file}:${r.line})` : String(id);
  };
  let summary: string;
  if (c.covering) summary = `Covered by ${where(c.covering)}, the most recently given record that covers the campaign.`;
  else if (c.records.length === 0 && c.invalid_records?.length) summary = `No usable consent record for this number: its records failed the schema and are not evidence: ${c.invalid_records.join('; ')}.`;
  else if (c.records.length === 0) summary = 'No consent record for this number (records that failed the schema are not evidence: see report.json inputs.consent[].invalid).';
  else if (c.reported) summary = `No record covers the campaign; the reasons of ${where(c.reported)}, the most recently given record that counts, are reported.`;
  else if (c.records.some((r) => r.fate === 'withdrawn')) summary = 'No record counts: a withdrawal ended every record given before it.';
  else summary = 'No record counts: none had been given by the as-of date.';
  if (c.records.length > 0 && c.invalid_records?.length) summary += ` Records of this number that failed the schema (not evidence): ${c.invalid_records.join('; ')}.`;
  if (!c.required) summary += ' The policy does not require consent.';
  const sup = entry.suppression;
  if (sup) {
    const lists = sup.lists.map((l) => `${l.name} (${l.kind})`).join(', ');
    summary += sup.overridden_by
      ? ` The number is on the registry list${sup.lists.length === 1 ? '' : 's'} ${lists}; ${where(sup.overridden_by)} covers the campaign and overrides ${sup.lists.length === 1 ? 'it' : 'them'}.`
      : ` The number is on the suppression list${sup.lists.length === 1 ? '' : 's'} ${lists}, which no consent overrides here.`;
  }
  return { summary, records };
}

function recordView(r: TrailConsentRecord, covering: string | null, reported: string | null, report: AuditReport): RecordView {
  let fate: string;
  switch (r.fate) {
    case 'covers':
      fate = r.consent_id === covering ? 'counts and covers the campaign' : 'counts and covers the campaign, but a more recently given record is used';
      break;
    case 'does-not-cover':
      fate = `counts, but does not cover the campaign: ${r.reasons.map((code) => whyNot(code, r, report)).join('; ')}`;
      break;
    case 'withdrawn':
      // Rule 2: a withdrawal on any record of the number ends every consent given at or before it.
      fate = `ended by the withdrawal ${withdrawal(r.reasons)} (given at or before it; the withdrawal is at or before the as-of date)`;
      break;
    case 'not-yet-given':
      fate = `ignored: given after ${humanInstant(report.as_of)}, so neither it nor its withdrawal exists yet`;
      break;
    default:
      fate = String(r.fate);
  }
  return {
    id: r.consent_id,
    where: `${r.file}:${r.line}`,
    given: humanInstant(r.given_at),
    withdrawn: humanInstant(r.withdrawn_at),
    expires: humanInstant(r.expires_at),
    channels: r.channels.length ? r.channels.join(', ') : 'any',
    purposes: r.purposes.join(', ') || '—',
    evidence: r.evidence_ref ?? '—',
    fate,
    role: r.consent_id === covering ? 'covers the row' : r.consent_id === reported ? 'reasons reported' : '',
  };
}

function whyNot(code: string, r: TrailConsentRecord, report: AuditReport): string {
  const c = report.campaign;
  switch (code) {
    case 'CONSENT_EXPIRED':
      return r.expires_at && r.expires_at <= report.as_of ? `expired at ${humanInstant(r.expires_at)}` : "older than the policy's maximum consent age";
    case 'CONSENT_PURPOSE_MISMATCH':
      return `its purposes (${r.purposes.join(', ')}) do not include ${c ? `"${c.purpose}"` : 'the campaign purpose'}`;
    case 'CONSENT_CHANNEL_MISMATCH':
      return `its channels (${r.channels.join(', ')}) do not include ${c ? `"${c.channel}"` : 'the campaign channel'}`;
    case 'CONSENT_UNPROVEN':
      return 'no evidence_ref, so it cannot be proven';
    case 'CONSENT_NOT_SEPARATE':
      return r.separate_document === false ? 'not a separate document (separate_document false)' : 'does not say it is a separate document, which the policy requires';
    case 'CONSENT_KIND_MISMATCH':
      return `consent to ${(r.kind ?? []).join(', ') || 'processing'} only, not to receive advertising`;
    default:
      return `${code} (${REASONS[code as ReasonCode]?.title ?? 'see leadaudit reasons'})`;
  }
}

function noticeView(entry: TrailEntry, report: AuditReport, mask: boolean): RowView['notice'] {
  const n = entry.notice;
  if (!n || Object.keys(n).length === 0) return { summary: 'Not checked: the row could not be read.', fields: [], meta: [] };
  const fromSubject = n.origin?.value === 'subject';
  const required = new Set((fromSubject ? report.campaign?.notice_from_subject : undefined) ?? report.campaign?.required_notice ?? []);
  const recordId = entry.consent?.covering ?? entry.consent?.reported ?? null;
  const manifest = report.inputs.notice?.path;
  const source = (from: string) => (from === 'row' ? 'the row'
    : from === 'consent' ? `consent record${recordId ? ` ${recordId}` : ''}`
      : from === 'manifest' ? `the notice manifest${manifest ? ` (${baseName(manifest)})` : ''}` : from);
  const exempt = n.exempt;
  const waived = exempt?.allowed === true;
  const fields: NoticeFieldView[] = [];
  for (const [field, v] of Object.entries(n)) {
    if (field === 'given_at' || field === 'exempt' || field === 'origin') continue;
    const label = NOTICE_LABELS[field] ?? field;
    if (v) {
      fields.push({ field, label, value: mask && v.from === 'row' ? maskPhone(v.value) : v.value, from: source(v.from), found: true, missing: false });
    } else {
      const note = !required.has(field)
        ? (fromSubject && report.campaign?.required_notice?.includes(field) ? 'not required of data from the subject' : 'not required by the policy')
        : waived ? 'waived by the exemption' : 'not in the row, its consent record or the manifest';
      fields.push({ field, label, value: 'MISSING', from: note, found: false, missing: required.has(field) && !waived });
    }
  }
  const meta: Pair[] = [
    { label: 'Notice given at', value: n.given_at ? `${n.given_at.value} (from ${source(n.given_at.from)})` : 'not recorded' },
    { label: 'Exemption', value: exempt ? `${exempt.value} (from ${source(exempt.from)}): ${exempt.allowed ? 'allowed by the policy, the notice checks are waived' : 'not one the policy allows'}` : 'none claimed' },
  ];
  const origin = n.origin;
  if (origin) {
    const said = origin.unrecognized !== undefined ? `"${origin.unrecognized}" (not understood, taken as third party)` : origin.value === 'subject' ? 'from the subject' : 'from a third party';
    meta.push({ label: 'Origin of the data', value: `${said} (from ${origin.from === 'option' ? 'the --origin option or its default' : source(origin.from)})${fromSubject ? ': only the notice the policy asks of data from the subject is required' : ''}` });
  }
  const summary = 'Each field is taken from the first place that has it: the row, then its consent record, then the notice manifest.';
  return { summary, fields, meta };
}

function callWindowView(entry: TrailEntry, report: AuditReport): string | undefined {
  const w = entry.call_window;
  if (!w) return undefined;
  const hours = report.campaign?.calling_window;
  const zones = w.time_zones.length ? w.time_zones.join(', ') : 'unknown';
  const local = hours ? `${hours.from}-${hours.to} local time` : 'the policy window';
  const utc = w.call_window_utc ? `${w.call_window_utc} UTC on ${humanInstant(report.as_of).slice(0, 10)}` : 'no time of day fits every zone';
  return `${local} in ${zones}: ${utc}`;
}

export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

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
    { label: 'Reproduce', value: `leadaudit sample ${shellWord(s.outDir)} --size ${s.size} --seed ${s.seed} --from ${s.from}${s.mask ? '' : ' --unmask'}` },
    { label: 'Personal data', value: s.mask ? 'masked: phone numbers and name columns (--unmask shows them)' : 'NOT masked (--unmask): handle this sheet as personal data' },
  ];
  return { files, audit, sample, title: `Spot audit of ${baseName(r.inputs.contacts.path)}, seed ${s.seed}` };
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
  const rows = s.rows.map((entry, i) => rowHtml(rowView(entry, s.report, s.mask), i + 1, s.rows.length));
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
  s.rows.forEach((entry, i) => out.push(...rowMarkdown(rowView(entry, s.report, s.mask), i + 1, s.rows.length)));
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
