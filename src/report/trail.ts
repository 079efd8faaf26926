/**
 * The evidence trail (issue #6): a header line naming the columns once, then one JSON object per
 * input row, in input order, saying what was decided and on what evidence: the row's cells by
 * position, the phone as written and as normalized, every consent record of the number with its
 * fate, each notice field's value and where it came from, the exemption, and the reasons.
 * `leadaudit explain` and `leadaudit sample` read it back.
 *
 * Cells are stored by position, not under their column names (issue #12 item 10): a header such as
 * `phone,__proto__,x,x,x (2)` lost cells when names keyed an object (`__proto__` is not an own key,
 * and the second `x` renamed to `x (2)` collided with the real `x (2)`).
 */
import { isoString } from '../dates.js';
import { explain } from '../reasons.js';
import type { CsvRecord } from '../io/csv-tokenizer.js';
import type { RowFacts } from '../rules/context.js';
import type { RecordFate } from '../rules/consent.js';
import { NOTICE_FIELDS } from '../notice-fields.js';
import { LINE_TYPE_NUMBER_TYPE } from '../evidence/line-types.js';

export interface TrailConsentRecord {
  consent_id: string;
  file: string;
  line: number;
  given_at: string;
  withdrawn_at: string | null;
  expires_at: string | null;
  channels: string[];
  purposes: string[];
  evidence_ref: string | null;
  /** The SHA-256 the record says its evidence file has (issue #14). */
  evidence_sha256: string | null;
  /** What --evidence-dir found for it (counting records only); null without --evidence-dir. */
  evidence: TrailEvidence | null;
  operator: string | null;
  /** Whether the consent is a separate document; null: the record does not say. */
  separate_document: boolean | null;
  /** What it is consent to (advertising, processing); null: the record does not say. */
  kind: string[] | null;
  fate: RecordFate['fate'];
  reasons: string[];
}

export interface TrailEvidence {
  state: 'found' | 'missing' | 'mismatched' | 'outside';
  why: string | null;
  /** The file under --evidence-dir, `/`-separated. */
  file: string | null;
  sha256: string | null;
  expected: string | null;
}

/** The first line of trail.jsonl: the contact list's header, once. */
export interface TrailHeader {
  leadaudit_trail: typeof TRAIL_VERSION;
  /** The header names, in order, as read. */
  columns: string[];
  /** The position of the (first) phone column in `columns`. */
  phone_column: number;
  /** Every phone column's position (issue #11: a list may have several). */
  phone_columns: number[];
}

export const TRAIL_VERSION = 2;

export interface TrailEntry {
  line: number;
  verdict: 'clean' | 'rejected';
  /** The row's fields as read, by position (a malformed row's may be fewer or more than the columns). */
  cells: string[];
  phone: {
    raw: string;
    status: 'valid' | 'missing' | 'invalid';
    e164: string | null;
    type: string | null;
    country: string | null;
    ext: string | null;
    problem: string | null;
    /** Where the type came from: libphonenumber's numbering plan, or the --line-types file (issue #14). */
    type_source?: 'libphonenumber' | 'line-types';
  } | null;
  /** An email run's key (issue #15): the address as written and as compared; absent on phone runs. */
  email?: { raw: string; normalized: string };
  consent: {
    required: boolean;
    covering: string | null;
    reported: string | null;
    records: TrailConsentRecord[];
    /** Records of the number that failed the schema: `file:line: problem` (issue #11). */
    invalid_records?: string[];
    /** The covering record's evidence file and its SHA-256, with --evidence-dir (issue #14). */
    evidence?: { file: string; sha256: string } | null;
    /** The number's disconnection that ended the records given before it (--reassigned, issue #14). */
    disconnected?: { at: string; where: string; source: string | null; on_or_after: boolean } | null;
  } | null;
  /** The suppression lists the number is on, and the consent that overrode them (registries only). */
  suppression: TrailSuppression | null;
  notice: Record<string, { value: string; from: string; allowed?: boolean; unrecognized?: string } | null> | null;
  reasons: string[];
  details: string[];
  /** Each number of a row with several, with its own verdict (issue #11); absent otherwise. */
  numbers?: TrailNumber[];
  call_window: { time_zones: string[]; call_window_utc: string } | null;
}

export interface TrailNumber {
  /** The column as people read it: its name, with its position when the name is repeated or empty. */
  column: string;
  /** The column's position in the header (0 first): the cell is `cells[column_index]`. */
  column_index: number;
  raw: string;
  status: 'valid' | 'missing' | 'invalid';
  e164: string | null;
  /** `passed`; `removed`: failed, taken out of a clean row; `failed`: failed in a rejected row. */
  verdict: 'passed' | 'removed' | 'failed';
  reasons: string[];
  details: string[];
  covering: string | null;
  reported: string | null;
  /** The suppression lists this number is on, and the consent that overrode them (issue #10). */
  suppression: TrailSuppression | null;
  /** Index of an earlier number of the row with the same value, whose verdict it shares. */
  same_as: number | null;
}

export interface TrailSuppression { lists: { name: string; kind: string }[]; overridden_by: string | null }

/** `name:kind|name:kind` (the kind after the last colon) and the overriding consent, as the trail keeps them. */
function suppressionOf(s: RowFacts['suppression']): TrailSuppression | null {
  if (s === undefined) return null;
  return {
    lists: s.lists.label.split('|').map((entry) => {
      const at = entry.lastIndexOf(':');
      return { name: entry.slice(0, at), kind: entry.slice(at + 1) };
    }),
    overridden_by: s.overriddenBy?.consentId ?? null,
  };
}

export function trailHeader(columns: readonly string[], phoneColumns: readonly number[]): string {
  const header: TrailHeader = { leadaudit_trail: TRAIL_VERSION, columns: [...columns], phone_column: phoneColumns[0]!, phone_columns: [...phoneColumns] };
  return `${JSON.stringify(header)}\n`;
}

/**
 * A label for every cell (issue #12 item 10): its column's name, told apart by its position when
 * the name is repeated or empty, or when a malformed row has more cells than the header.
 */
export function cellLabels(columns: readonly string[], cells: number): string[] {
  return Array.from({ length: cells }, (_, i) => cellLabel(columns, i));
}

export function cellLabel(columns: readonly string[], i: number): string {
  const name = columns[i];
  if (name === undefined || name.trim() === '') return `(column ${i + 1})`;
  let count = 0;
  for (const c of columns) if (c === name) count++;
  return count > 1 ? `${name} (column ${i + 1})` : name;
}

const date = (ms: number | undefined) => (ms === undefined ? null : isoString(ms));

function evidenceOf(f: RecordFate): TrailEvidence | null {
  const ev = f.fate === 'covers' || f.fate === 'does-not-cover' ? f.evidence : undefined;
  return ev === undefined ? null : { state: ev.state, why: ev.why ?? null, file: ev.file ?? null, sha256: ev.sha256 ?? null, expected: ev.expected ?? null };
}

function fateReasons(f: RecordFate): string[] {
  if (f.fate === 'does-not-cover') return f.reasons;
  if (f.fate === 'withdrawn') return [`withdrawn at ${isoString(f.withdrawnAt)}`];
  if (f.fate === 'reassigned') return [`the number was disconnected at ${isoString(f.disconnectedAt)}`];
  return [];
}

export function trailEntry(
  record: CsvRecord,
  facts: RowFacts,
  /** The header names: a number's column is named as explain names the cell. */
  columns: readonly string[],
  phoneColumn: number,
  consentRequired: boolean,
  window: [string, string] | undefined,
): TrailEntry {
  const p = facts.phone;
  const raw = facts.numbers?.find((k) => k.phone === p)?.raw ?? record.fields[phoneColumn] ?? '';
  const c = facts.consent;
  const notice = facts.notice;
  const covering = c?.considered.find((f) => f.record === c.covering);
  const covered = covering?.fate === 'covers' ? covering.evidence : undefined;
  return {
    line: record.line,
    verdict: facts.findings.length === 0 ? 'clean' : 'rejected',
    cells: record.fields,
    ...(facts.email ? { email: { raw: facts.email.raw, normalized: facts.email.address } } : {}),
    phone: p === undefined ? null : {
      raw,
      status: p.kind,
      e164: p.kind === 'valid' ? p.e164 : null,
      type: p.kind === 'valid' ? (facts.lineType ? LINE_TYPE_NUMBER_TYPE[facts.lineType] : p.type) : null,
      country: p.kind === 'valid' ? p.country ?? null : null,
      ext: p.kind === 'valid' ? p.ext ?? null : null,
      problem: p.kind === 'invalid' ? p.problem ?? null : null,
      ...(p.kind === 'valid' ? { type_source: facts.lineType ? 'line-types' as const : 'libphonenumber' as const } : {}),
    },
    consent: c === undefined ? null : {
      required: c.required ?? consentRequired,
      covering: c.covering?.consentId ?? null,
      reported: c.reported?.consentId ?? null,
      records: c.considered.map((f) => ({
        consent_id: f.record.consentId,
        file: f.record.file,
        line: f.record.line,
        given_at: isoString(f.record.givenAt),
        withdrawn_at: date(f.record.withdrawnAt),
        expires_at: date(f.record.expiresAt),
        channels: f.record.channels,
        purposes: f.record.purposes,
        evidence_ref: f.record.evidenceRef || null,
        evidence_sha256: f.record.evidenceSha256 ?? null,
        evidence: evidenceOf(f),
        operator: f.record.notice.operator ?? null,
        separate_document: f.record.separateDocument ?? null,
        kind: f.record.kinds ? [...f.record.kinds] : null,
        fate: f.fate,
        reasons: fateReasons(f),
      })),
      ...(c.invalid ? { invalid_records: [...c.invalid.first, ...(c.invalid.more ? [`and ${c.invalid.more} more`] : [])] } : {}),
      ...(covered ? { evidence: { file: covered.file!, sha256: covered.sha256! } } : {}),
      ...(c.disconnected ? { disconnected: { at: isoString(c.disconnected.at), where: c.disconnected.where, source: c.disconnected.source ?? null, on_or_after: c.disconnected.onOrAfter } } : {}),
    },
    suppression: suppressionOf(facts.suppression),
    notice: notice === undefined ? null : Object.fromEntries([
      ...NOTICE_FIELDS.map((f) => [f, notice[f] ?? null] as const),
      ['given_at', notice.given_at ?? null] as const,
      ['exempt', notice.exempt ?? null] as const,
      ['origin', notice.origin ?? null] as const,
    ]),
    // As in audit_reasons: a code several numbers share is one reason of the row.
    reasons: facts.numbers ? [...new Set(facts.findings.map((f) => f.code))] : facts.findings.map((f) => f.code),
    details: facts.findings.map(explain),
    ...(facts.numbers ? { numbers: facts.numbers.map((k): TrailNumber => ({
      column: cellLabel(columns, k.column),
      column_index: k.column,
      raw: k.raw,
      status: k.phone.kind,
      e164: k.e164 ?? null,
      verdict: k.findings.length === 0 ? 'passed' : facts.findings.length === 0 ? 'removed' : 'failed',
      reasons: k.findings.map((f) => f.code),
      details: k.findings.map(explain),
      covering: k.consent?.covering?.consentId ?? null,
      reported: k.consent?.reported?.consentId ?? null,
      suppression: suppressionOf(k.suppression),
      same_as: k.sameAs ?? null,
    })) } : {}),
    call_window: window ? { time_zones: window[0] ? window[0].split('|') : [], call_window_utc: window[1] } : null,
  };
}
