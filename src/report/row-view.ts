/**
 * A trail row as a person reads it (issue 6), in the order a lawyer checks it: the verdict and its
 * reasons, the row, the number, the consent evidence and the fate of each record, the notice fields
 * and where each came from. `rowView` makes that reading once; `leadaudit explain` prints it, and
 * the spot-audit sheet (`leadaudit sample`) renders it as HTML and Markdown. Values that came from
 * the contact list are masked when asked (issue #14): every column of personal data by its kind
 * (report.json's `personal_data_columns`, else found by name, and `--mask-column`), wherever its
 * value appears (the row, the details that quote it, the notice), and phone numbers anywhere.
 * Consent ids, evidence references, files and hashes are not personal data of the row and stay.
 */
import { evidenceWords, reasonFor } from '../reasons.js';
import { maskPhone, maskPhoneCell, maskValue } from './mask.js';
import { InputError } from '../errors.js';
import { personalKind, type PersonalKind } from '../io/personal-columns.js';
import type { AuditReport, TrailEntry } from './trail-reader.js';
import { cellLabels, type TrailConsentRecord } from './trail.js';
import { numbersPairs } from './numbers-view.js';
import { fmtDate, t } from '../i18n/index.js';

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
  /** An email run's address, as written and as compared (issue #15). */
  email?: Pair[] | undefined;
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

/** CLEAN and REJECTED as people of the run's language read them (the trail keeps the codes). */
export function verdictWord(verdict: string): string {
  return verdict === 'CLEAN' ? t('sheet.CLEAN') : verdict === 'REJECTED' ? t('sheet.REJECTED') : verdict;
}

/** How a trail's rows are masked: the kind of personal data of each column, by position. */
export interface RowMask { kinds: readonly (PersonalKind | undefined)[] }

/**
 * The masking of a trail's rows: the columns report.json says hold personal data (an older report:
 * those whose names say so), and `--mask-column` names, which must be columns of the row.
 */
export function rowMask(report: AuditReport, keys: readonly string[], extra: readonly string[] = []): RowMask {
  const recorded = (report.inputs.contacts as { personal_data_columns?: { index?: number; column: string; kind: PersonalKind }[] }).personal_data_columns;
  const kinds: (PersonalKind | undefined)[] = keys.map((k, i) => (recorded
    ? recorded.find((p) => p.index === i)?.kind
    : personalKind(k)));
  const lower = keys.map((k) => k.trim().toLowerCase());
  for (const name of extra) {
    const i = lower.indexOf(name.trim().toLowerCase());
    if (i < 0) throw new InputError(t('mask.noColumn', { name: JSON.stringify(name), columns: keys.join(', ') }));
    kinds[i] ??= 'named';
  }
  return { kinds };
}

export function rowView(entry: TrailEntry, report: AuditReport, mask: boolean | RowMask): RowView {
  const plan = mask === true ? rowMask(report, entry.columns) : mask === false ? undefined : mask;
  // Cells by position with the header's names (issue #12: repeated or empty names are labelled by column).
  const labels = cellLabels(entry.columns, entry.cells.length);
  const cells = entry.cells.map((v, i) => [labels[i]!, v] as const);
  // Every personal value of the row, masked as its kind is, longest first: details and notice
  // values quote cells (a malformed row's raw text, an invalid number), and must not show them.
  const personal = plan === undefined ? [] : cells.flatMap(([, v], i) => {
    const kind = plan.kinds[i];
    const value = v.trim();
    return kind === undefined || value === '' ? [] : [[value, maskValue(kind, value)] as const];
  }).sort((a, b) => b[0].length - a[0].length);
  const maskText = (text: string) => (plan === undefined ? text
    : maskPhone(personal.reduce((t, [value, masked]) => t.replace(wholeWords(value), () => masked), text)));
  const reasons = entry.reasons.map((code, i) => {
    const detail = entry.details[i] ?? '';
    return {
      code,
      title: reasonFor(code, report.campaign?.channel)?.title ?? '',
      detail: maskText(detail.startsWith(`${code}: `) ? detail.slice(code.length + 2) : detail),
    };
  });
  return {
    line: entry.line,
    verdict: entry.verdict === 'clean' ? 'CLEAN' : 'REJECTED',
    reasons,
    data: cells.map(([label, value], i) => {
      const kind = plan?.kinds[i];
      return { label, value: plan === undefined ? value : kind === undefined ? maskPhone(value) : maskValue(kind, value) };
    }),
    phone: phoneView(entry, report, plan !== undefined, maskText),
    ...(entry.email ? { email: [
      { label: t('explain.emailWritten'), value: maskText(entry.email.raw) },
      { label: t('explain.emailNormalized'), value: maskText(entry.email.normalized) },
    ] } : {}),
    consent: consentView(entry, report),
    notice: noticeView(entry, report, maskText),
    callWindow: callWindowView(entry, report),
  };
}

/** The text as whole words: `Ли` in `Ли;+7...` but not in `Лиды`. */
const wholeWords = (text: string) => new RegExp(`(?<![\\p{L}\\p{N}])${text.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');

function phoneView(entry: TrailEntry, report: AuditReport, mask: boolean, maskText: (s: string) => string): Pair[] | undefined {
  const p = entry.phone;
  if (!p) return undefined;
  const m = (s: string) => (mask ? maskPhoneCell(s) : s);
  const region = report.campaign?.region;
  const out: Pair[] = [{ label: t('sheet.asWritten'), value: p.raw.trim() === '' ? t('sheet.empty') : m(p.raw) }];
  if (p.status === 'valid') {
    out.push({ label: t('sheet.normalized'), value: m(p.e164 ?? '') });
    out.push({ label: t('sheet.type'), value: `${p.type ?? '—'}${p.type_source === 'line-types' ? t('sheet.typeFromLineTypes') : ''}` });
    out.push({ label: t('sheet.country'), value: p.country ?? '—' });
    if (p.ext) out.push({ label: t('sheet.extension'), value: m(p.ext) });
  } else {
    out.push({ label: t('sheet.status'), value: p.status === 'missing' ? t('sheet.phoneMissing') : t('sheet.phoneInvalid', { problem: p.problem ? `: ${maskText(p.problem)}` : '' }) });
  }
  // The region matters only for a number written without its country code.
  if (region && !p.raw.includes('+') && /\d/.test(p.raw)) out.push({ label: t('sheet.regionAssumed'), value: t('sheet.regionWhy', { region }) });
  out.push(...numbersPairs(entry, m, maskText));
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
  else if (c.records.some((r) => r.fate === 'reassigned')) summary = t('sheet.allReassigned');
  else summary = t('sheet.noneYet');
  if (c.records.length > 0 && c.invalid_records?.length) summary += t('sheet.alsoInvalid', { records: c.invalid_records.join('; ') });
  const cut = c.disconnected;
  if (cut) summary += t('sheet.disconnected', { at: humanInstant(cut.at), where: cut.where, source: cut.source ? `, ${cut.source}` : '' });
  if (!c.required) {
    // Issue #14: a landline by the carrier lookup, where the dial mode needs consent of wireless numbers only.
    summary += entry.phone?.type_source === 'line-types' && report.campaign?.consent_required === true
      ? t('sheet.noConsentRequired.landline') : t('sheet.noConsentRequired');
  }
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
    case 'reassigned':
      // Issue #14: the number changed hands after this consent was given.
      fate = t('sheet.fate.reassigned', { of: withdrawal(r.reasons) });
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
    evidence: evidenceText(r),
    fate,
    role: r.consent_id === covering ? t('sheet.role.covering') : r.consent_id === reported ? t('sheet.role.reported') : '',
    covering: r.consent_id === covering,
  };
}

/** The evidence_ref, and with --evidence-dir the file found and its SHA-256 (issue #14). */
function evidenceText(r: TrailConsentRecord): string {
  const ev = r.evidence;
  const ref = r.evidence_ref ?? '—';
  if (!ev) return ref;
  if (ev.state === 'found') return t('sheet.evidence.found', { ref, file: String(ev.file), sha256: String(ev.sha256) });
  return t('sheet.evidence.problem', { ref, problem: ev.state === 'outside' ? t('sheet.evidence.outside')
    : ev.state === 'mismatched' ? t('sheet.evidence.mismatched', { file: String(ev.file) }) : t('sheet.evidence.missing') });
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
      return r.evidence && r.evidence.state !== 'found'
        ? evidenceWords({ ...r.evidence, ref: r.evidence_ref ?? '' } as Record<string, string>)
        : t('sheet.whyNot.unproven');
    case 'CONSENT_NOT_SEPARATE':
      return r.separate_document === false ? t('sheet.whyNot.notSeparate') : t('sheet.whyNot.separateUnstated');
    case 'CONSENT_KIND_MISMATCH':
      return t('sheet.whyNot.kind', { kinds: (r.kind ?? []).join(', ') || 'processing' });
    default:
      return t('sheet.whyNot.other', { code, title: reasonFor(code, report.campaign?.channel)?.title ?? t('sheet.seeReasons') });
  }
}

function noticeView(entry: TrailEntry, report: AuditReport, maskText: (s: string) => string): RowView['notice'] {
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
      fields.push({ field, label, value: v.from === 'row' ? maskText(v.value) : v.value, from: source(v.from), found: true, missing: false });
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

