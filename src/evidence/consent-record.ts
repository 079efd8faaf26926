/**
 * One consent event (SPEC "Consent evidence") and the schema check that turns a raw CSV row or
 * JSON object into one. A record that fails the check is never consent: the loader lists it in
 * report.json with its line and problem.
 */
import { parseIsoInstant, readDate, type DateOrder } from '../dates.js';
import { ownCopy } from '../io/string-copy.js';
import { NOTICE_FIELDS, type NoticeField } from '../notice-fields.js';
import type { PhoneNormalizer } from '../phone/normalize.js';
import type { Origin } from '../policy/campaign.js';
import { consentKind, parseOrigin, yesNo, type ConsentKind } from './consent-words.js';
import { t as tr } from '../i18n/index.js';

export interface ConsentRecord {
  e164: string;
  /** The record's `consent_id`, or `<file name>:<line>` when it has none. */
  consentId: string;
  /** File name as given on the command line, and line, for people and the trail. */
  file: string;
  line: number;
  givenAt: number;
  withdrawnAt: number | undefined;
  expiresAt: number | undefined;
  /** Lower-cased; empty means any channel. */
  channels: string[];
  /** Lower-cased, never empty. */
  purposes: string[];
  evidenceRef: string;
  /** The SHA-256 (lower-case hex) the evidence file must have, if the record says (issue #14). */
  evidenceSha256?: string | undefined;
  /** Notice values recorded with the consent (non-empty only). */
  notice: Partial<Record<NoticeField, string>>;
  /** When the notice was given (NOTICE_LATE), if the record says. */
  noticeGivenAt: number | undefined;
  /** The ground on which the subject needed no notice, if the record says. */
  noticeExempt: string | undefined;
  /** Whether the consent is a document of its own (152-FZ Art. 9 part 1); undefined: the record does not say. */
  separateDocument: boolean | undefined;
  /** What the consent is to: advertising, processing of personal data, or both; undefined: the record does not say. */
  kinds: readonly ConsentKind[] | undefined;
  /** Where the data came from, if the record says. */
  origin: Origin | undefined;
  /** A soft opt-in's record: whether a way to refuse was offered when the address was collected (issue #15); undefined: not said. */
  optOutOffered?: boolean | undefined;
  /** The record's place in the consent index, when it was read back from one. */
  readonly i?: number;
}

export const CONSENT_FIELDS = [
  'phone', 'consent_id', 'given_at', 'withdrawn_at', 'expires_at', 'channels', 'purposes', 'evidence_ref', 'evidence_sha256', ...NOTICE_FIELDS,
  'notice_given_at', 'notice_exempt', 'separate_document', 'kind', 'origin', 'email', 'opt_out_offered',
] as const;
export const REQUIRED_CONSENT_FIELDS = ['phone', 'given_at', 'purposes'] as const;

/** A raw value: CSV cells are text; JSON may give numbers, lists and null. */
export type RawValue = string | number | boolean | null | undefined | readonly unknown[] | object;

export interface InvalidRecord {
  line: number;
  field?: string;
  problem: string;
}

export class SchemaProblem {
  /** The record's number, when it is valid and another field failed (issue #11). */
  e164: string | undefined;
  constructor(readonly field: string | undefined, readonly problem: string) {}
}

const LIST_SEPARATOR = /[|;]/;

/** The notice of a record that says nothing of it (shared: never written to). */
export const NO_NOTICE: Partial<Record<NoticeField, string>> = Object.freeze({});

/** Text of a raw value: numbers as their decimal text; undefined for empty or null. */
function asText(field: string, v: RawValue): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  // The loader passes top-level numbers as written; one inside a list can only be named.
  if (typeof v === 'number') throw new SchemaProblem(field, tr('consent.numberTooLarge', { field, sign: v < 0 ? '-' : '' }));
  throw new SchemaProblem(field, tr('consent.notText', { field, value: String(JSON.stringify(v)?.slice(0, 60)) }));
}

/** Lists repeat from record to record (`marketing|service`): split each distinct text once. */
const listCache = new Map<string, string[]>();

/** A list: an array of texts, or text separated by `|` or `;`. */
function asList(field: string, v: RawValue): string[] {
  if (typeof v === 'string') {
    let hit = listCache.get(v);
    if (hit === undefined) {
      // Copies: the cache and the consent index outlive the chunk the cell was cut from.
      hit = v.split(LIST_SEPARATOR).map((s) => ownCopy(s.trim().toLowerCase())).filter(Boolean);
      // Shared by every record with this text, so frozen: the index interns it by reference
      // (issue #16: no join and no look-up by text a record).
      Object.freeze(hit);
      if (listCache.size < 10_000) listCache.set(ownCopy(v), hit);
    }
    return hit;
  }
  if (Array.isArray(v)) {
    return v.flatMap((item) => {
      const t = asText(field, item as RawValue);
      return t === undefined ? [] : [t.toLowerCase()];
    });
  }
  const t = asText(field, v);
  if (t === undefined) return [];
  return t.split(LIST_SEPARATOR).map((s) => s.trim().toLowerCase()).filter(Boolean);
}

function asNoticeText(field: string, v: RawValue): string | undefined {
  if (Array.isArray(v)) {
    const items = v.flatMap((item) => asText(field, item as RawValue) ?? []);
    return items.length ? items.join('; ') : undefined;
  }
  return asText(field, v);
}

/** A yes/no field: a JSON boolean, or `true`/`false`, `yes`/`no`, `да`/`нет`, `1`/`0`. */
function asYesNo(field: string, v: RawValue): boolean | undefined {
  if (typeof v === 'boolean') return v;
  const t = asText(field, v);
  if (t === undefined) return undefined;
  const b = yesNo(t);
  if (b === undefined) throw new SchemaProblem(field, tr('consent.notYesNo', { field, value: JSON.stringify(t.slice(0, 60)) }));
  return b;
}

/** `advertising`, `processing` or both (`|`-joined, or a list); Russian `реклама`, `обработка`. */
function asKinds(v: RawValue): ConsentKind[] | undefined {
  const words = asList('kind', v);
  if (words.length === 0) return undefined;
  const kinds: ConsentKind[] = [];
  for (const w of words) {
    const k = consentKind(w);
    if (k === undefined) throw new SchemaProblem('kind', tr('consent.badKind', { value: JSON.stringify(w.slice(0, 60)) }));
    if (!kinds.includes(k)) kinds.push(k);
  }
  return kinds;
}

function asOrigin(v: RawValue): Origin | undefined {
  const t = asText('origin', v);
  if (t === undefined) return undefined;
  const o = parseOrigin(t);
  if (o === undefined) throw new SchemaProblem('origin', tr('consent.badOrigin', { value: JSON.stringify(t.slice(0, 60)) }));
  return o;
}

/** 64 hexadecimal digits, optionally after `sha256:`; lower-cased. */
function asSha256(v: RawValue): string | undefined {
  const t = asText('evidence_sha256', v);
  if (t === undefined) return undefined;
  const hex = t.replace(/^sha256:/i, '').trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new SchemaProblem('evidence_sha256', tr('consent.badSha256', { value: String(JSON.stringify(t.slice(0, 80))) }));
  return hex;
}

function asDate(field: string, v: RawValue, required: boolean, order: DateOrder): number | undefined {
  const t = asText(field, v);
  if (t === undefined) {
    if (required) throw new SchemaProblem(field, tr('consent.empty', { field }));
    return undefined;
  }
  // ISO first, without the reading object: millions of dates a run (issue #5).
  const iso = parseIsoInstant(t);
  if (iso !== undefined) return iso;
  const r = readDate(t, order);
  if ('problem' in r) throw new SchemaProblem(field, tr('consent.badDate', { field, value: JSON.stringify(t.slice(0, 60)), problem: r.problem }));
  return r.ms;
}

/**
 * Checks one raw record. `get` returns the raw value of a field (CSV cell or JSON key).
 * Throws SchemaProblem when the record fails the schema.
 */
export function toConsentRecord(
  get: (field: string) => RawValue,
  where: { file: string; line: number },
  phones: PhoneNormalizer,
  order: DateOrder = 'dmy',
): ConsentRecord {
  const phoneText = asText('phone', get('phone'));
  if (phoneText === undefined) throw new SchemaProblem('phone', tr('consent.empty', { field: 'phone' }));
  const phone = phones.normalize(phoneText);
  if (phone.kind !== 'valid') {
    throw new SchemaProblem('phone', tr('consent.badPhone', { value: JSON.stringify(phoneText.slice(0, 60)), problem: phone.kind === 'invalid' && phone.problem ? ` (${phone.problem})` : '' }));
  }
  try {
    return consentFields(get, where, phone.e164, order);
  } catch (e) {
    if (e instanceof SchemaProblem) e.e164 = phone.e164;
    throw e;
  }
}

/** The fields after the key (the phone, or the email address of issue #15): a failure here still knows the record's key. */
export function consentFields(get: (field: string) => RawValue, where: { file: string; line: number }, e164: string, order: DateOrder): ConsentRecord {
  const givenAt = asDate('given_at', get('given_at'), true, order)!;
  const withdrawnAt = asDate('withdrawn_at', get('withdrawn_at'), false, order);
  const expiresAt = asDate('expires_at', get('expires_at'), false, order);
  const purposes = asList('purposes', get('purposes'));
  if (purposes.length === 0) throw new SchemaProblem('purposes', tr('consent.empty', { field: 'purposes' }));
  const channels = asList('channels', get('channels'));
  // Most logs say nothing of the notice: those records share one empty, frozen object.
  let notice: Partial<Record<NoticeField, string>> | undefined;
  for (const f of NOTICE_FIELDS) {
    const v = asNoticeText(f, get(f));
    if (v !== undefined) (notice ??= {})[f] = v;
  }
  return {
    e164,
    consentId: asText('consent_id', get('consent_id')) ?? `${where.file}:${where.line}`,
    file: where.file,
    line: where.line,
    givenAt,
    withdrawnAt,
    expiresAt,
    channels,
    purposes,
    evidenceRef: asText('evidence_ref', get('evidence_ref')) ?? '',
    evidenceSha256: asSha256(get('evidence_sha256')),
    notice: notice ?? NO_NOTICE,
    noticeGivenAt: asDate('notice_given_at', get('notice_given_at'), false, order),
    noticeExempt: asText('notice_exempt', get('notice_exempt'))?.toLowerCase(),
    separateDocument: asYesNo('separate_document', get('separate_document')),
    kinds: asKinds(get('kind')),
    origin: asOrigin(get('origin')),
    optOutOffered: asYesNo('opt_out_offered', get('opt_out_offered')),
  };
}
