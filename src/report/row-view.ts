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
import { REASONS, evidenceWords, type ReasonCode } from '../reasons.js';
import { maskPhone, maskPhoneCell, maskValue } from './mask.js';
import { InputError } from '../errors.js';
import { personalKind, type PersonalKind } from '../io/personal-columns.js';
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
    if (i < 0) throw new InputError(`--mask-column ${JSON.stringify(name)}: no such column in the audited list (columns: ${keys.join(', ')})`);
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
      title: REASONS[code as ReasonCode]?.title ?? '',
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
  const out: Pair[] = [{ label: 'As written', value: p.raw.trim() === '' ? '(empty)' : m(p.raw) }];
  if (p.status === 'valid') {
    out.push({ label: 'Normalized (E.164)', value: m(p.e164 ?? '') });
    out.push({ label: 'Type', value: `${p.type ?? '—'}${p.type_source === 'line-types' ? ' (from the --line-types file)' : ''}` });
    out.push({ label: 'Country', value: p.country ?? '—' });
    if (p.ext) out.push({ label: 'Extension', value: m(p.ext) });
  } else {
    out.push({ label: 'Status', value: p.status === 'missing' ? 'missing: the phone cell is empty' : `not a valid number${p.problem ? `: ${maskText(p.problem)}` : ''}` });
  }
  // The region matters only for a number written without its country code.
  if (region && !p.raw.includes('+') && /\d/.test(p.raw)) out.push({ label: 'Region assumed', value: `${region} (the number is written without a country code)` });
  out.push(...numbersPairs(entry, m, maskText));
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
  else if (c.records.some((r) => r.fate === 'reassigned')) summary = 'No record counts: every record was given before the number was disconnected, by its previous subscriber.';
  else summary = 'No record counts: none had been given by the as-of date.';
  if (c.records.length > 0 && c.invalid_records?.length) summary += ` Records of this number that failed the schema (not evidence): ${c.invalid_records.join('; ')}.`;
  const cut = c.disconnected;
  if (cut) summary += ` The number was disconnected at ${humanInstant(cut.at)} (${cut.where}${cut.source ? `, ${cut.source}` : ''}): consent given at or before then was the previous subscriber's.`;
  if (!c.required) {
    // Issue #14: a landline by the carrier lookup, where the dial mode needs consent of wireless numbers only.
    summary += entry.phone?.type_source === 'line-types' && report.campaign?.consent_required === true
      ? ' Consent is not required for this number: the --line-types file gives it as a landline, and the policy asks consent of this dial mode for wireless numbers only.'
      : ' The policy does not require consent.';
  }
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
    case 'reassigned':
      // Issue #14: the number changed hands after this consent was given.
      fate = `ended by the disconnection of the number ${withdrawal(r.reasons)} (given at or before it: the previous subscriber's consent)`;
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
    evidence: evidenceText(r),
    fate,
    role: r.consent_id === covering ? 'covers the row' : r.consent_id === reported ? 'reasons reported' : '',
  };
}

/** The evidence_ref, and with --evidence-dir the file found and its SHA-256 (issue #14). */
function evidenceText(r: TrailConsentRecord): string {
  const ev = r.evidence;
  const ref = r.evidence_ref ?? '—';
  if (!ev) return ref;
  if (ev.state === 'found') return `${ref} (file ${ev.file} in the evidence folder, SHA-256 ${ev.sha256})`;
  return `${ref} (${ev.state === 'outside' ? 'outside the evidence folder' : ev.state === 'mismatched' ? `file ${ev.file} has another SHA-256` : 'no such file in the evidence folder'})`;
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
      return r.evidence && r.evidence.state !== 'found'
        ? evidenceWords({ ...r.evidence, ref: r.evidence_ref ?? '' } as Record<string, string>)
        : 'no evidence_ref, so it cannot be proven';
    case 'CONSENT_NOT_SEPARATE':
      return r.separate_document === false ? 'not a separate document (separate_document false)' : 'does not say it is a separate document, which the policy requires';
    case 'CONSENT_KIND_MISMATCH':
      return `consent to ${(r.kind ?? []).join(', ') || 'processing'} only, not to receive advertising`;
    default:
      return `${code} (${REASONS[code as ReasonCode]?.title ?? 'see leadaudit reasons'})`;
  }
}

function noticeView(entry: TrailEntry, report: AuditReport, maskText: (s: string) => string): RowView['notice'] {
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
      fields.push({ field, label, value: v.from === 'row' ? maskText(v.value) : v.value, from: source(v.from), found: true, missing: false });
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

