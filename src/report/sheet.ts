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
import type { TrailConsentRecord } from './trail.js';
import { numbersPairs } from './numbers-view.js';
import { fmtDate, t } from '../i18n/index.js';
import { lang } from '../i18n/index.js';

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
  /** Whether it is the record that covers the row (the HTML marks it). */
  covering: boolean;
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

const NOTICE_LABEL_FIELDS = ['operator', 'purpose', 'legal_basis', 'pdn_list', 'recipients', 'rights', 'source', 'retention'] as const;
type NoticeLabelField = (typeof NOTICE_LABEL_FIELDS)[number];
const noticeLabel = (field: string) => ((NOTICE_LABEL_FIELDS as readonly string[]).includes(field) ? t(`notice.label.${field as NoticeLabelField}`) : field);

/** `2026-02-10T08:05:00.000Z` -> `2026-02-10 08:05 UTC`; a midnight instant -> `2026-02-10`. */
const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z/;
/** The trail says `withdrawn at <instant>` of a withdrawn record. */
const withdrawal = (reasons: string[]) => {
  const at = reasons.map((x) => ISO_INSTANT.exec(x)?.[0]).find(Boolean);
  return at ? t('sheet.withdrawalOf', { at: humanInstant(at) }) : t('sheet.withdrawalOfNumber');
};

export function humanInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2})(\.\d+)?)?Z$/.exec(iso);
  if (!m) return iso;
  const day = fmtDate(m[1]!);
  if (m[2] === '00:00' && (m[3] ?? '00') === '00' && !/[1-9]/.test(m[4] ?? '')) return day;
  return `${day} ${m[2]}${m[3] && m[3] !== '00' ? `:${m[3]}` : ''} UTC`;
}

export function rowView(entry: TrailEntry, report: AuditReport, mask: boolean): RowView {
  const names = Object.entries(entry.row).filter(([k, v]) => isNameColumn(k) && v.trim() !== '').map(([, v]) => v.trim());
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
    data: Object.entries(entry.row).map(([label, value]) => ({ label, value: mask ? maskCell(label, value) : value })),
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
  const out: Pair[] = [{ label: t('sheet.asWritten'), value: p.raw.trim() === '' ? t('sheet.empty') : m(p.raw) }];
  if (p.status === 'valid') {
    out.push({ label: t('sheet.normalized'), value: m(p.e164 ?? '') });
    out.push({ label: t('sheet.type'), value: p.type ?? '—' });
    out.push({ label: t('sheet.country'), value: p.country ?? '—' });
    if (p.ext) out.push({ label: t('sheet.extension'), value: m(p.ext) });
  } else {
    out.push({ label: t('sheet.status'), value: p.status === 'missing' ? t('sheet.phoneMissing') : t('sheet.phoneInvalid', { problem: p.problem ? `: ${p.problem}` : '' }) });
  }
  // The region matters only for a number written without its country code.
  if (region && !p.raw.includes('+') && /\d/.test(p.raw)) out.push({ label: t('sheet.regionAssumed'), value: t('sheet.regionWhy', { region }) });
  out.push(...numbersPairs(entry, m));
  return out;
}

function consentView(entry: TrailEntry, report: AuditReport): RowView['consent'] {
  const c = entry.consent;
  if (!c) {
    const why = entry.reasons.includes('ROW_MALFORMED') ? t('sheet.why.malformed')
      : entry.phone?.status === 'valid' ? t('sheet.why.noConsentCheck') : t('sheet.why.noPhone');
    return { summary: t('sheet.notChecked', { why }), records: [] };
  }
  const records = c.records.map((r) => recordView(r, c.covering, c.reported, report));
  const where = (id: string | null) => {
    const r = c.records.find((x) => x.consent_id === id);
    return r ? `${id} (${r.file}:${r.line})` : String(id);
  };
  let summary: string;
  if (c.covering) summary = t('sheet.covered', { record: where(c.covering) });
  else if (c.records.length === 0 && c.invalid_records?.length) summary = t('sheet.onlyInvalid', { records: c.invalid_records.join('; ') });
  else if (c.records.length === 0) summary = t('sheet.noRecord');
  else if (c.reported) summary = t('sheet.reported', { record: where(c.reported) });
  else if (c.records.some((r) => r.fate === 'withdrawn')) summary = t('sheet.allWithdrawn');
  else summary = t('sheet.noneYet');
  if (c.records.length > 0 && c.invalid_records?.length) summary += t('sheet.alsoInvalid', { records: c.invalid_records.join('; ') });
  if (!c.required) summary += t('sheet.noConsentRequired');
  const sup = entry.suppression;
  if (sup) {
    const lists = sup.lists.map((l) => `${l.name} (${l.kind})`).join(', ');
    summary += sup.overridden_by
      ? t('sheet.registryOverridden', { count: sup.lists.length, lists, record: where(sup.overridden_by) })
      : t('sheet.suppressed', { count: sup.lists.length, lists });
  }
  return { summary, records };
}

function recordView(r: TrailConsentRecord, covering: string | null, reported: string | null, report: AuditReport): RecordView {
  let fate: string;
  switch (r.fate) {
    case 'covers':
      fate = r.consent_id === covering ? t('sheet.fate.covers') : t('sheet.fate.coversOlder');
      break;
    case 'does-not-cover':
      fate = t('sheet.fate.notCover', { why: r.reasons.map((code) => whyNot(code, r, report)).join('; ') });
      break;
    case 'withdrawn':
      // Rule 2: a withdrawal on any record of the number ends every consent given at or before it.
      fate = t('sheet.fate.withdrawn', { of: withdrawal(r.reasons) });
      break;
    case 'not-yet-given':
      fate = t('sheet.fate.notYet', { asOf: humanInstant(report.as_of) });
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
    channels: r.channels.length ? r.channels.join(', ') : t('sheet.anyChannel'),
    purposes: r.purposes.join(', ') || '—',
    evidence: r.evidence_ref ?? '—',
    fate,
    role: r.consent_id === covering ? t('sheet.role.covering') : r.consent_id === reported ? t('sheet.role.reported') : '',
    covering: r.consent_id === covering,
  };
}

function whyNot(code: string, r: TrailConsentRecord, report: AuditReport): string {
  const c = report.campaign;
  switch (code) {
    case 'CONSENT_EXPIRED':
      return r.expires_at && r.expires_at <= report.as_of ? t('sheet.whyNot.expired', { at: humanInstant(r.expires_at) }) : t('sheet.whyNot.tooOld');
    case 'CONSENT_PURPOSE_MISMATCH':
      return t('sheet.whyNot.purpose', { purposes: r.purposes.join(', '), purpose: c ? `"${c.purpose}"` : t('sheet.whyNot.campaignPurpose') });
    case 'CONSENT_CHANNEL_MISMATCH':
      return t('sheet.whyNot.channel', { channels: r.channels.join(', '), channel: c ? `"${c.channel}"` : t('sheet.whyNot.campaignChannel') });
    case 'CONSENT_UNPROVEN':
      return t('sheet.whyNot.unproven');
    case 'CONSENT_NOT_SEPARATE':
      return r.separate_document === false ? t('sheet.whyNot.notSeparate') : t('sheet.whyNot.separateUnstated');
    case 'CONSENT_KIND_MISMATCH':
      return t('sheet.whyNot.kind', { kinds: (r.kind ?? []).join(', ') || 'processing' });
    default:
      return t('sheet.whyNot.other', { code, title: REASONS[code as ReasonCode]?.title ?? t('sheet.seeReasons') });
  }
}

function noticeView(entry: TrailEntry, report: AuditReport, mask: boolean): RowView['notice'] {
  const n = entry.notice;
  if (!n || Object.keys(n).length === 0) return { summary: t('sheet.noticeNotChecked'), fields: [], meta: [] };
  const fromSubject = n.origin?.value === 'subject';
  const required = new Set((fromSubject ? report.campaign?.notice_from_subject : undefined) ?? report.campaign?.required_notice ?? []);
  const recordId = entry.consent?.covering ?? entry.consent?.reported ?? null;
  const manifest = report.inputs.notice?.path;
  const source = (from: string) => (from === 'row' ? t('sheet.from.row')
    : from === 'consent' ? t('sheet.from.consent', { id: recordId ? ` ${recordId}` : '' })
      : from === 'manifest' ? t('sheet.from.manifest', { file: manifest ? ` (${baseName(manifest)})` : '' }) : from);
  const exempt = n.exempt;
  const waived = exempt?.allowed === true;
  const fields: NoticeFieldView[] = [];
  for (const [field, v] of Object.entries(n)) {
    if (field === 'given_at' || field === 'exempt' || field === 'origin') continue;
    const label = noticeLabel(field);
    if (v) {
      fields.push({ field, label, value: mask && v.from === 'row' ? maskPhone(v.value) : v.value, from: source(v.from), found: true, missing: false });
    } else {
      const note = !required.has(field)
        ? (fromSubject && report.campaign?.required_notice?.includes(field) ? t('sheet.notice.notFromSubject') : t('sheet.notice.notRequired'))
        : waived ? t('sheet.notice.waived') : t('sheet.notice.nowhere');
      fields.push({ field, label, value: t('sheet.MISSING'), from: note, found: false, missing: required.has(field) && !waived });
    }
  }
  const meta: Pair[] = [
    { label: t('sheet.notice.givenAt'), value: n.given_at ? t('sheet.valueFrom', { value: n.given_at.value, from: source(n.given_at.from) }) : t('sheet.notice.notRecorded') },
    { label: t('sheet.notice.exemption'), value: exempt ? `${t('sheet.valueFrom', { value: exempt.value, from: source(exempt.from) })}: ${exempt.allowed ? t('sheet.notice.exemptAllowed') : t('sheet.notice.exemptNotAllowed')}` : t('sheet.notice.noneClaimed') },
  ];
  const origin = n.origin;
  if (origin) {
    const said = origin.unrecognized !== undefined ? t('sheet.origin.unrecognized', { value: origin.unrecognized }) : origin.value === 'subject' ? t('sheet.origin.subject') : t('sheet.origin.thirdParty');
    const from = origin.from === 'option' ? t('sheet.origin.option') : source(origin.from);
    meta.push({ label: t('sheet.origin.label'), value: `${t('sheet.valueFrom', { value: said, from })}${fromSubject ? t('sheet.origin.onlySubjectNotice') : ''}` });
  }
  const summary = t('sheet.notice.summary');
  return { summary, fields, meta };
}

function callWindowView(entry: TrailEntry, report: AuditReport): string | undefined {
  const w = entry.call_window;
  if (!w) return undefined;
  const hours = report.campaign?.calling_window;
  const zones = w.time_zones.length ? w.time_zones.join(', ') : t('sheet.window.unknown');
  const local = hours ? t('sheet.window.local', { from: hours.from, to: hours.to }) : t('sheet.window.policy');
  const utc = w.call_window_utc ? t('sheet.window.utc', { window: w.call_window_utc, day: humanInstant(report.as_of).slice(0, 10) }) : t('sheet.window.none');
  return t('sheet.window', { local, zones, utc });
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
    { label: t('sheet.reproduce'), value: `leadaudit sample ${shellWord(s.outDir)} --size ${s.size} --seed ${s.seed} --from ${s.from}${s.mask ? '' : ' --unmask'}` },
    { label: t('sheet.personalData'), value: s.mask ? t('sheet.masked') : t('sheet.notMasked') },
  ];
  return { files, audit, sample, title: t('sheet.title', { file: baseName(r.inputs.contacts.path), seed: String(s.seed) }) };
}

function shellWord(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** CLEAN and REJECTED as people of the run's language read them (the trail keeps the codes). */
export function verdictWord(verdict: string): string {
  return verdict === 'CLEAN' ? t('sheet.CLEAN') : verdict === 'REJECTED' ? t('sheet.REJECTED') : verdict;
}

// ---- HTML ----

const e = escapeHtml;

const kv = (pairs: Pair[], cls = 'kv') =>
  `<table class="${cls}"><tbody>${pairs.map((p) => `<tr><th scope="row">${e(p.label)}</th><td>${e(p.value)}</td></tr>`).join('')}</tbody></table>`;

export function renderSheetHtml(s: SheetInput): string {
  const f = sheetFacts(s);
  const rows = s.rows.map((entry, i) => rowHtml(rowView(entry, s.report, s.mask), i + 1, s.rows.length));
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
  s.rows.forEach((entry, i) => out.push(...rowMarkdown(rowView(entry, s.report, s.mask), i + 1, s.rows.length)));
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
