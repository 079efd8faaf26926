/**
 * The reason-code registry: every code a row can be rejected with, in the order the contract's
 * table lists them (that order is also the order of `audit_reasons`), plus LIST_STALE, which is
 * about the whole run and, since issue #14, rejects every row as well. Rules return findings as data
 * (`{ code, args }`); the words for a finding are made here, in one place (`explain`). The law
 * behind each code under each preset is data of its own, in src/law/references.ts (issue #10).
 */
import { fmtDate, lang, t } from './i18n/index.js';
import { emailProblemWords } from './email/problem-words.js';

export const REASON_CODES = [
  'ROW_MALFORMED',
  'PHONE_MISSING',
  'PHONE_INVALID',
  'PHONE_TYPE_BLOCKED',
  'PHONE_COUNTRY_BLOCKED',
  'EMAIL_MISSING',
  'EMAIL_INVALID',
  'DUPLICATE',
  'SUPPRESSED',
  'SOURCE_BLOCKED',
  'DIAL_MODE_BANNED',
  'CONSENT_MISSING',
  'CONSENT_WITHDRAWN',
  'CONSENT_NUMBER_REASSIGNED',
  'CONSENT_EXPIRED',
  'CONSENT_PURPOSE_MISMATCH',
  'CONSENT_CHANNEL_MISMATCH',
  'CONSENT_UNPROVEN',
  'CONSENT_OPERATOR_MISMATCH',
  'CONSENT_NOT_SEPARATE',
  'CONSENT_KIND_MISMATCH',
  'NOTICE_OPERATOR_MISSING',
  'NOTICE_PURPOSE_MISSING',
  'NOTICE_LEGAL_BASIS_MISSING',
  'NOTICE_PDN_LIST_MISSING',
  'NOTICE_RECIPIENTS_MISSING',
  'NOTICE_RIGHTS_MISSING',
  'NOTICE_SOURCE_MISSING',
  'NOTICE_RETENTION_MISSING',
  'NOTICE_LATE',
  'LIST_STALE',
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

/** Codes that concern the whole run (report.json `run_findings`); LIST_STALE is a row code too. */
export const RUN_CODES: readonly ReasonCode[] = ['LIST_STALE'];

export type FindingArgs = Record<string, string | number | undefined>;

export interface Finding {
  code: ReasonCode;
  args?: FindingArgs;
  /** The number (as written) it is about, in a row with several (issue #11). */
  number?: string;
}

/** What a rule returns when it finds nothing (shared: rules run millions of times). */
export const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

export interface ReasonInfo {
  readonly title: string;
  /** What the user should do about it. */
  readonly remedy: string;
  /** Renders a finding's args as the short human explanation in `audit_details`. */
  detail: (args: FindingArgs) => string;
}

/** A list as named in details: `dnc`, `tps (registry)`; `name:kind` in the finding's args. */
function listWords(entry: string): string {
  // The kind is after the last colon: an unnamed list's name comes from its file and may hold one.
  const at = entry.lastIndexOf(':');
  const name = at < 0 ? entry : entry.slice(0, at);
  const kind = at < 0 ? '' : entry.slice(at + 1);
  if (!kind || kind === 'objection') return name;
  const words = kind === 'registry' || kind === 'refusal' || kind === 'internal' ? t(`list.kind.${kind}`) : kind;
  return t('list.named', { name, kind: words });
}

const s = (v: FindingArgs[string]): string => (v === undefined ? '' : String(v));
/** A date in a finding's args (ISO), as people read it in the run's language. */
const d = (v: FindingArgs[string]): string => fmtDate(s(v));
const q = (v: unknown) => JSON.stringify(String(v ?? ''));

const EVIDENCE_WHYS = ['no-file', 'not-file', 'unreadable', 'url', 'bad-hash', 'no-hash-match', 'absolute', 'dotdot', 'symlink', 'hash-differs'] as const;

/** Why an evidence file does not prove a consent (--evidence-dir, issue #14): `why`, `ref`, `file`, `sha256`, `expected` of an evidence check. */
export function evidenceWords(a: FindingArgs): string {
  const why = EVIDENCE_WHYS.find((w) => w === a.why);
  const args = { ref: q(a.ref), file: s(a.file), sha256: s(a.sha256), expected: s(a.expected) };
  return why === undefined ? t('evidence.why.other', { ref: args.ref, why: s(a.why) }) : t(`evidence.why.${why}`, args);
}

const NOTICE_CODES = ['NOTICE_OPERATOR_MISSING', 'NOTICE_PURPOSE_MISSING', 'NOTICE_LEGAL_BASIS_MISSING', 'NOTICE_PDN_LIST_MISSING',
  'NOTICE_RECIPIENTS_MISSING', 'NOTICE_RIGHTS_MISSING', 'NOTICE_SOURCE_MISSING', 'NOTICE_RETENTION_MISSING'] as const;
type NoticeCode = (typeof NOTICE_CODES)[number];

/** The common notice detail (no problem, no exemption) is the same on every row: made once per language. */
const plainNotice = new Map<string, string>();
const noticeDetail = (code: NoticeCode) => (a: FindingArgs) => {
  const plain = !a.problem && a.exempt === undefined;
  const cacheKey = `${lang()}|${code}`;
  if (plain) {
    const hit = plainNotice.get(cacheKey);
    if (hit !== undefined) return hit;
  }
  const text = t('reason.NOTICE.detail', {
    what: t(`reason.NOTICE.what.${code}`),
    problem: a.problem ? t('reason.NOTICE.problem', { problem: s(a.problem) }) : '',
    exemption: a.exempt === undefined ? '' : t('reason.NOTICE.exemption', { exempt: s(a.exempt), allowed: s(a.allowed) || t('reason.NOTICE.exemption.none') }),
  });
  if (plain) plainNotice.set(cacheKey, text);
  return text;
};

const DETAILS: Record<ReasonCode, (a: FindingArgs) => string> = {
  ROW_MALFORMED: (a) => t('reason.ROW_MALFORMED.detail', { problem: s(a.problem), raw: s(a.raw) }),
  PHONE_MISSING: (a) => (a.cells ? t('reason.PHONE_MISSING.detail.cells', { cells: a.cells }) : t('reason.PHONE_MISSING.detail')),
  PHONE_INVALID: (a) => (a.problem ? t('reason.PHONE_INVALID.detail.problem', { value: s(a.value), problem: s(a.problem) })
    : a.region ? t('reason.PHONE_INVALID.detail.region', { value: s(a.value), region: s(a.region) })
      : t('reason.PHONE_INVALID.detail.noRegion', { value: s(a.value) })),
  PHONE_TYPE_BLOCKED: (a) => t(a.why === 'sms' ? 'reason.PHONE_TYPE_BLOCKED.detail.sms' : 'reason.PHONE_TYPE_BLOCKED.detail.type', {
    e164: s(a.e164), type: s(a.type), from: a.from === 'line-types' ? t('reason.PHONE_TYPE_BLOCKED.fromLineTypes') : '',
  }),
  PHONE_COUNTRY_BLOCKED: (a) => t('reason.PHONE_COUNTRY_BLOCKED.detail', { e164: s(a.e164), country: a.country === undefined ? t('reason.PHONE_COUNTRY_BLOCKED.nonGeographic') : s(a.country), allowed: s(a.allowed) }),
  EMAIL_MISSING: () => t('reason.EMAIL_MISSING.detail'),
  // Issue #15: the parser's error code, in words where the catalogue has them.
  EMAIL_INVALID: (a) => t('reason.EMAIL_INVALID.detail', { value: s(a.value), problem: emailProblemWords(s(a.problem)) }),
  // An email run's duplicate names the address (issue #15), a phone run's the number.
  DUPLICATE: (a) => (a.email === undefined ? t('reason.DUPLICATE.detail', { e164: s(a.e164), firstLine: s(a.firstLine) })
    : t('reason.DUPLICATE.detail.email', { email: s(a.email), firstLine: s(a.firstLine) })),
  SUPPRESSED: (a) => {
    const lists = s(a.lists).split('|').map(listWords);
    const on = lists.length === 1 ? t('reason.SUPPRESSED.on.one', { list: lists[0]! })
      : t('reason.SUPPRESSED.on.several', { lists: lists.slice(0, -1).join(', '), last: lists.at(-1)! });
    const why = a.why === 'no-consent' || a.why === 'not-overridable' ? t(`reason.SUPPRESSED.why.${a.why}`) : '';
    return t('reason.SUPPRESSED.detail', { e164: s(a.e164), on, why });
  },
  SOURCE_BLOCKED: (a) => t('reason.SOURCE_BLOCKED.detail', { source: s(a.source), blocked: s(a.blocked) }),
  DIAL_MODE_BANNED: (a) => t('reason.DIAL_MODE_BANNED.detail', {
    mode: s(a.mode),
    words: a.mode === 'live' || a.mode === 'auto' || a.mode === 'prerecorded' ? t(`dialMode.${a.mode}`) : s(a.mode),
    purpose: s(a.purpose),
  }),
  CONSENT_MISSING: (a) => t('reason.CONSENT_MISSING.detail', {
    e164: s(a.e164),
    invalid: a.invalid ? t('reason.CONSENT_MISSING.invalid', { records: a.more ? t('reason.CONSENT_MISSING.invalid.more', { records: s(a.invalid), more: s(a.more) }) : s(a.invalid) }) : '',
  }),
  CONSENT_WITHDRAWN: (a) => t('reason.CONSENT_WITHDRAWN.detail', { consentId: s(a.consentId), at: d(a.at) }),
  CONSENT_NUMBER_REASSIGNED: (a) => t(a.answer === 'yes' ? 'reason.CONSENT_NUMBER_REASSIGNED.detail.database' : 'reason.CONSENT_NUMBER_REASSIGNED.detail.list', {
    consentId: s(a.consentId),
    more: Number(a.records) > 1 ? t('reason.CONSENT_NUMBER_REASSIGNED.more', { count: Number(a.records) - 1 }) : '',
    givenAt: d(a.givenAt), at: d(a.at), e164: s(a.e164), where: s(a.where),
    source: a.source ? t('reason.CONSENT_NUMBER_REASSIGNED.source', { source: s(a.source) }) : '',
  }),
  CONSENT_EXPIRED: (a) => (a.why === 'age'
    ? t('reason.CONSENT_EXPIRED.detail.age', { consentId: s(a.consentId), givenAt: d(a.givenAt), days: s(a.days), asOf: d(a.asOf) })
    : t('reason.CONSENT_EXPIRED.detail.expired', { consentId: s(a.consentId), at: d(a.at) })),
  CONSENT_PURPOSE_MISMATCH: (a) => t('reason.CONSENT_PURPOSE_MISMATCH.detail', { consentId: s(a.consentId), purposes: s(a.purposes), purpose: s(a.purpose) }),
  CONSENT_CHANNEL_MISMATCH: (a) => t('reason.CONSENT_CHANNEL_MISMATCH.detail', { consentId: s(a.consentId), channels: s(a.channels), channel: s(a.channel) }),
  CONSENT_UNPROVEN: (a) => (a.why === undefined ? t('reason.CONSENT_UNPROVEN.detail', { consentId: s(a.consentId) })
    : t('reason.CONSENT_UNPROVEN.detail.evidence', { consentId: s(a.consentId), why: evidenceWords(a) })),
  CONSENT_OPERATOR_MISMATCH: (a) => t('reason.CONSENT_OPERATOR_MISMATCH.detail', { consentId: s(a.consentId), operator: s(a.operator), ours: s(a.ours) }),
  CONSENT_NOT_SEPARATE: (a) => t(a.why === 'unstated' ? 'reason.CONSENT_NOT_SEPARATE.detail.unstated' : 'reason.CONSENT_NOT_SEPARATE.detail.no', { consentId: s(a.consentId), givenAt: d(a.givenAt), from: d(a.from) }),
  CONSENT_KIND_MISMATCH: (a) => (a.why === 'channel' || a.why === 'none' || a.why === 'origin' || a.why === 'optOut'
    ? t('reason.CONSENT_KIND_MISMATCH.detail.softOptIn', { consentId: s(a.consentId), why: t(`reason.CONSENT_KIND_MISMATCH.softOptIn.${a.why}`, { channel: s(a.channel), channels: s(a.channels) }) })
    : t('reason.CONSENT_KIND_MISMATCH.detail', { consentId: s(a.consentId), kinds: s(a.kinds), purpose: s(a.purpose) })),
  NOTICE_OPERATOR_MISSING: noticeDetail('NOTICE_OPERATOR_MISSING'),
  NOTICE_PURPOSE_MISSING: noticeDetail('NOTICE_PURPOSE_MISSING'),
  NOTICE_LEGAL_BASIS_MISSING: noticeDetail('NOTICE_LEGAL_BASIS_MISSING'),
  NOTICE_PDN_LIST_MISSING: noticeDetail('NOTICE_PDN_LIST_MISSING'),
  NOTICE_RECIPIENTS_MISSING: noticeDetail('NOTICE_RECIPIENTS_MISSING'),
  NOTICE_RIGHTS_MISSING: noticeDetail('NOTICE_RIGHTS_MISSING'),
  NOTICE_SOURCE_MISSING: noticeDetail('NOTICE_SOURCE_MISSING'),
  NOTICE_RETENTION_MISSING: noticeDetail('NOTICE_RETENTION_MISSING'),
  NOTICE_LATE: (a) => {
    const from = a.from === 'row' || a.from === 'consent' || a.from === 'manifest' ? t(`from.${a.from}`) : s(a.from);
    return a.problem ? t('reason.NOTICE_LATE.detail.notDate', { at: s(a.at), from })
      : t('reason.NOTICE_LATE.detail', { at: d(a.at), from, asOf: d(a.asOf) });
  },
  LIST_STALE: (a) => (a.problem === 'missing' ? t('reason.LIST_STALE.detail.missing', { list: s(a.list) })
    : a.problem === 'several' ? t('reason.LIST_STALE.detail.several', { list: s(a.list) })
      : t('reason.LIST_STALE.detail.stale', { list: s(a.list), date: d(a.date), maxAge: s(a.maxAge), asOf: d(a.asOf) })),
};

/** Each code's words in the run's language: `REASONS[code].title` reads the catalogue when asked. */
export const REASONS: Readonly<Record<ReasonCode, ReasonInfo>> = Object.fromEntries(REASON_CODES.map((code) => [code, {
  get title() { return t(`reason.${code}.title`); },
  get remedy() { return t(`reason.${code}.remedy`); },
  detail: DETAILS[code],
}])) as Record<ReasonCode, ReasonInfo>;

/** Codes whose title and remedy speak of the number, with words of their own for an email run, whose key is the address (issue #15). */
const ADDRESS_WORDED = ['DUPLICATE', 'SUPPRESSED'] as const;

/** A code's words on a run of `channel` (report.json `campaign.channel`); undefined for a code this version does not know. */
export function reasonFor(code: string, channel: string | undefined): ReasonInfo | undefined {
  const info = (REASONS as Partial<Record<string, ReasonInfo>>)[code];
  const worded = ADDRESS_WORDED.find((c) => c === code);
  if (info === undefined || channel !== 'email' || worded === undefined) return info;
  return { title: t(`reason.${worded}.title.email`), remedy: t(`reason.${worded}.remedy.email`), detail: info.detail };
}

const ORDER = new Map<ReasonCode, number>(REASON_CODES.map((c, i) => [c, i]));

export function sortFindings(findings: Finding[]): Finding[] {
  // Most rows have one finding or none: no sort (and none of its scratch memory) for them.
  if (findings.length < 2) return findings;
  // An insertion sort in place: stable as Array#sort is, and without the scratch copy it makes
  // (a few findings a row, 18 MB a 200k-row audit, issue #16).
  for (let i = 1; i < findings.length; i++) {
    const f = findings[i]!;
    const rank = ORDER.get(f.code)!;
    let j = i - 1;
    while (j >= 0 && ORDER.get(findings[j]!.code)! > rank) {
      findings[j + 1] = findings[j]!;
      j--;
    }
    findings[j + 1] = f;
  }
  return findings;
}

export function explain(f: Finding): string {
  const detail = DETAILS[f.code](f.args ?? {});
  return f.number === undefined ? t('reason.explain', { code: f.code, detail }) : t('reason.explain.number', { code: f.code, number: f.number, detail });
}

/** A number taken out of a clean row's phone cell, and its codes (clean.csv `audit_removed`). */
export function removedText(number: string, codes: readonly ReasonCode[]): string {
  return `${number}: ${codes.join('|')}`;
}
