/**
 * One column mapping for every input (issue #11): the names each field of a consent or
 * suppression file may go by, as the contact list's phone column does, plus the columns a user
 * names with `--map KIND.FIELD=COLUMN` or the policy's `columns` section. A file that lacks
 * required columns fails once, naming all of them, the columns it has, and the `--map` that
 * would fix it.
 */
import { InputError } from '../errors.js';
import { NOTICE_FIELDS, NOTICE_META, NOTICE_META_COLUMNS, noticeColumnNames } from '../notice-fields.js';
import { PHONE_HEADERS, headerKey } from './columns.js';
import { EMAIL_HEADERS } from '../email/columns.js';
import { t } from '../i18n/index.js';

export const INPUT_KINDS = ['contacts', 'consent', 'suppress', 'reassigned', 'line_types'] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

/** Columns named by the user: kind -> field -> column names (several only for contacts.phone). */
export type ColumnMap = Record<InputKind, Record<string, string[]>>;

export const emptyColumnMap = (): ColumnMap => ({ contacts: {}, consent: {}, suppress: {}, reassigned: {}, line_types: {} });

/** A consent or suppression file's phone column: the contact list's names, and a database's. */
const EVIDENCE_PHONE = [...PHONE_HEADERS, 'номер'];

/** Header names of each consent field, the field's own name first (SPEC "Consent evidence"). */
export const CONSENT_ALIASES: Record<string, readonly string[]> = {
  phone: EVIDENCE_PHONE,
  consent_id: ['consent_id', 'id', 'номер согласия', 'id согласия'],
  given_at: ['given_at', 'consent_date', 'consented_at', 'date', 'дата согласия', 'дата'],
  withdrawn_at: ['withdrawn_at', 'revoked_at', 'opt_out_at', 'отозвано', 'дата отзыва'],
  expires_at: ['expires_at', 'valid_until', 'действует до'],
  channels: ['channels', 'channel', 'канал', 'каналы'],
  // `purpose` and `цель` are the notice field (the purpose of processing), not this list.
  purposes: ['purposes', 'consent_purposes', 'цели', 'цели согласия'],
  evidence_ref: ['evidence_ref', 'evidence', 'proof', 'доказательство'],
  // Issue #14: the SHA-256 the evidence file must have (checked with --evidence-dir).
  evidence_sha256: ['evidence_sha256', 'evidence_hash', 'sha256', 'хеш доказательства', 'хэш доказательства'],
  // Issue #10: whether the consent is a separate document (152-FZ Art. 9 part 1) and what it is
  // consent to (38-FZ Art. 18 part 1); `origin` comes with the notice meta fields below.
  separate_document: ['separate_document', 'separate', 'отдельный документ', 'отдельный_документ'],
  kind: ['kind', 'consent_kind', 'вид', 'вид согласия'],
  // Issue #15: consent keyed by email address, instead of or besides the phone.
  email: EMAIL_HEADERS,
  // Issue #15: a soft opt-in (ePrivacy Art. 13(2), PECR reg. 22(3)) offered the customer a way to refuse when the address was collected.
  opt_out_offered: ['opt_out_offered', 'opt-out offered', 'opt_out_at_collection', 'отказ предложен', 'предложен отказ'],
  ...Object.fromEntries(NOTICE_FIELDS.map((f) => [f, noticeColumnNames(f)])),
  ...Object.fromEntries(NOTICE_META.map((m) => [m, NOTICE_META_COLUMNS[m]])),
};

export const SUPPRESS_ALIASES: Record<string, readonly string[]> = { phone: EVIDENCE_PHONE, email: EMAIL_HEADERS };

/**
 * Issue #14: a reassigned-numbers list (an operator's recycling list, or a Reassigned Numbers
 * Database result file with its `result` column) and a carrier lookup's line types.
 */
export const REASSIGNED_ALIASES: Record<string, readonly string[]> = {
  phone: EVIDENCE_PHONE,
  disconnected_at: ['disconnected_at', 'disconnect_date', 'disconnection_date', 'date_disconnected', 'permanently_disconnected_at',
    'date', 'дата отключения', 'отключен', 'отключён', 'дата'],
  source: ['source', 'источник'],
  result: ['result', 'reassigned', 'rnd_result', 'answer', 'результат'],
};
export const LINE_TYPE_ALIASES: Record<string, readonly string[]> = {
  phone: EVIDENCE_PHONE,
  line_type: ['line_type', 'line type', 'linetype', 'type', 'number_type', 'тип линии', 'тип номера', 'тип'],
};

export const FIELDS: Record<InputKind, readonly string[]> = {
  contacts: ['phone', 'email', ...NOTICE_FIELDS, ...NOTICE_META],
  consent: Object.keys(CONSENT_ALIASES),
  suppress: ['phone', 'email'],
  reassigned: Object.keys(REASSIGNED_ALIASES),
  line_types: Object.keys(LINE_TYPE_ALIASES),
};

/** `--map consent.given_at="Дата согласия"` -> its parts, or an error naming the flag and value. */
export function parseMapFlag(value: string, into: ColumnMap): void {
  const m = /^\s*([a-z_]+)\.([a-z_]+)\s*=(.+)$/i.exec(value);
  const bad = (why: string) => new InputError(t('map.bad', { value: JSON.stringify(value), why }));
  if (!m) throw bad(t('map.form', { kinds: INPUT_KINDS.join(', ') }));
  const kind = m[1]!.toLowerCase() as InputKind;
  const field = m[2]!.toLowerCase();
  const column = m[3]!.trim();
  if (!INPUT_KINDS.includes(kind)) throw bad(t('map.unknownKind', { kind: m[1]!, kinds: INPUT_KINDS.join(', ') }));
  if (!FIELDS[kind].includes(field)) throw bad(t('map.unknownField', { kind, field: m[2]!, fields: FIELDS[kind].join(', ') }));
  if (!column) throw bad(t('map.noColumn'));
  const list = into[kind][field] ??= [];
  if (kind === 'contacts' && field === 'phone') list.push(column);
  else into[kind][field] = [column];
}

/** The policy's `columns` section, then the flags over it, field by field. */
export function mergeColumnMaps(policy: Partial<Record<InputKind, Record<string, string | string[]>>> | undefined, flags: ColumnMap, label = t('map.policyColumns')): ColumnMap {
  const out = emptyColumnMap();
  for (const kind of INPUT_KINDS) {
    for (const [field, v] of Object.entries(policy?.[kind] ?? {})) {
      if (!FIELDS[kind].includes(field)) throw new InputError(t('map.policyUnknownField', { label, kind, field, fields: FIELDS[kind].join(', ') }));
      out[kind][field] = Array.isArray(v) ? v : [v];
    }
    Object.assign(out[kind], flags[kind]);
  }
  return out;
}

/** Field -> column index for a header: the mapped column, else the first alias found. */
export function resolveColumns(
  names: readonly string[], aliases: Record<string, readonly string[]>, mapped: Record<string, string[]>,
): { columns: Record<string, number>; unknownMapped: [string, string][] } {
  const keys = names.map(headerKey);
  const columns: Record<string, number> = Object.create(null);
  const unknownMapped: [string, string][] = [];
  const taken = new Set<number>();
  // Mapped columns first: a column the user gave to one field is not another's by its name
  // (`--map consent.purposes=Цель` leaves the notice field `purpose` without it).
  for (const field of Object.keys(aliases)) {
    const want = mapped[field]?.[0];
    if (want === undefined) continue;
    const i = keys.indexOf(headerKey(want));
    if (i < 0) unknownMapped.push([field, want]);
    else { columns[field] = i; taken.add(i); }
  }
  for (const [field, list] of Object.entries(aliases)) {
    if (mapped[field]?.[0] !== undefined) continue;
    for (const alias of list) {
      const i = keys.indexOf(alias);
      if (i >= 0 && !taken.has(i)) { columns[field] = i; break; }
    }
  }
  return { columns, unknownMapped };
}

/** A column that probably holds the field, for the suggested `--map`; else a placeholder. */
function guess(kind: InputKind, field: string, names: readonly string[], taken: Set<number>): string {
  const hints: Record<string, RegExp> = {
    phone: /phone|tel|mobile|cell|msisdn|телеф|тел|моб|сотов|номер/i,
    given_at: /date|дата|given|created|согласи/i,
    // The notice field `purpose` (`цель`) is the likely list of purposes in a CRM export.
    purposes: /purpose|цел/i,
  };
  const re = hints[field];
  const i = re ? names.findIndex((n, k) => !taken.has(k) && re.test(n)) : -1;
  return i >= 0 ? names[i]! : 'COLUMN';
}

/** The one error for a header that lacks required columns (or names mapped ones it lacks). */
export function missingColumnsError(
  where: string, kind: InputKind, names: readonly string[], missing: readonly string[],
  unknownMapped: readonly [string, string][], columns: Record<string, number>,
): InputError {
  // Columns the notice fields took by name may still be what a missing field is in (`Цель`).
  const notice = new Set<string>([...NOTICE_FIELDS, ...NOTICE_META]);
  const taken = new Set(Object.entries(columns).filter(([f]) => !notice.has(f)).map(([, i]) => i));
  const parts: string[] = [];
  if (missing.length) parts.push(t('map.lacks', { count: missing.length, columns: missing.join(', ') }));
  for (const [field, col] of unknownMapped) parts.push(t('map.mappedMissing', { column: JSON.stringify(col), kind, field }));
  const fix = [...new Set([...missing, ...unknownMapped.map(([f]) => f)])]
    .map((f) => `--map ${kind}.${f}=${quoteArg(guess(kind, f, names, taken))}`).join(' ');
  return new InputError(t('map.missingError', { where, parts: parts.join('; '), names: names.join(', '), count: missing.length + unknownMapped.length, fix }));
}

function quoteArg(name: string): string {
  return /^[\p{L}\p{N}_.-]+$/u.test(name) ? name : `"${name.replace(/"/g, '\\"')}"`;
}

/** A contact list's notice columns with the mapped ones first (`--map contacts.source=Откуда`). */
export function mappedNotice<K extends string>(
  found: Record<K, number[]>, names: readonly string[], mapped: Record<string, string[]>, where: string,
): Record<K, number[]> {
  const keys = names.map(headerKey);
  const out = { ...found };
  for (const field of Object.keys(found) as K[]) {
    const want = mapped[field]?.[0];
    if (want === undefined) continue;
    const i = keys.indexOf(headerKey(want));
    if (i < 0) throw missingColumnsError(where, 'contacts', names, [], [[field, want]], {});
    out[field] = [i];
  }
  return out;
}
