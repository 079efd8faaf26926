/**
 * The reason-code registry: every code a row can be rejected with, in the order the contract's
 * table lists them (that order is also the order of `audit_reasons`), plus LIST_STALE, which is
 * about the whole run and, since issue #14, rejects every row as well. Rules return findings as data
 * (`{ code, args }`); the words for a finding are made here, in one place (`explain`). The law
 * behind each code under each preset is data of its own, in src/law/references.ts (issue #10).
 */

export const REASON_CODES = [
  'ROW_MALFORMED',
  'PHONE_MISSING',
  'PHONE_INVALID',
  'PHONE_TYPE_BLOCKED',
  'PHONE_COUNTRY_BLOCKED',
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
  title: string;
  /** What the user should do about it. */
  remedy: string;
  /** Renders a finding's args as the short human explanation in `audit_details`. */
  detail: (args: FindingArgs) => string;
}

/** A list as named in details: `dnc`, `tps (registry)`; `name:kind` in the finding's args. */
function listWords(entry: string): string {
  // The kind is after the last colon: an unnamed list's name comes from its file and may hold one.
  const at = entry.lastIndexOf(':');
  const name = at < 0 ? entry : entry.slice(0, at);
  const kind = at < 0 ? '' : entry.slice(at + 1);
  return kind && kind !== 'objection' ? `${name} (${LIST_KIND_WORDS[kind] ?? kind})` : name;
}
const LIST_KIND_WORDS: Record<string, string> = {
  registry: 'registry',
  refusal: "refusal through the subscriber's operator",
  internal: 'internal',
};
const DIAL_MODE_WORDS: Record<string, string> = {
  live: 'a person dials and speaks',
  auto: 'automatic dialling',
  prerecorded: 'a prerecorded or artificial voice',
};

const q = (v: unknown) => JSON.stringify(String(v ?? ''));

/** Why an evidence file does not prove a consent (--evidence-dir, issue #14), by EvidenceCheck.why. */
const EVIDENCE_WORDS: Record<string, (a: FindingArgs) => string> = {
  'no-file': (a) => `its evidence_ref ${q(a.ref)} names no file in the evidence folder`,
  'not-file': (a) => `its evidence_ref ${q(a.ref)} names a folder, not a file, in the evidence folder`,
  unreadable: (a) => `its evidence file ${q(a.ref)} can't be read`,
  url: (a) => `its evidence_ref ${q(a.ref)} is a web address, not a file in the evidence folder`,
  'bad-hash': (a) => `its evidence_ref ${q(a.ref)} is not sha256: followed by 64 hexadecimal digits`,
  'no-hash-match': (a) => `no file in the evidence folder has the SHA-256 its evidence_ref ${q(a.ref)} names`,
  absolute: (a) => `its evidence_ref ${q(a.ref)} is an absolute path: evidence is named by its path inside the evidence folder`,
  dotdot: (a) => `its evidence_ref ${q(a.ref)} leads out of the evidence folder (..)`,
  symlink: (a) => `its evidence_ref ${q(a.ref)} is a symbolic link that leads out of the evidence folder`,
  'hash-differs': (a) => `its evidence file ${a.file} has the SHA-256 ${a.sha256}, not the ${a.expected} the record gives`,
};

/** Why an evidence file does not prove a consent: `why`, `ref`, `file`, `sha256`, `expected` of an evidence check. */
export function evidenceWords(a: FindingArgs): string {
  return EVIDENCE_WORDS[String(a.why)]?.(a) ?? `its evidence_ref ${q(a.ref)} does not prove it (${a.why})`;
}

const noticeDetail = (what: string) => (a: FindingArgs) =>
  `no ${what} in the row, its consent record or the notice manifest${a.problem ? ` (${a.problem})` : ''}${a.exemption ? `; ${a.exemption}` : ''}`;

export const REASONS: Record<ReasonCode, ReasonInfo> = {
  ROW_MALFORMED: {
    title: 'Row could not be read as CSV',
    remedy: 'Fix the quoting or the number of fields on that line of the source file and audit again.',
    detail: (a) => `${a.problem}: ${a.raw}`,
  },
  PHONE_MISSING: {
    title: 'No phone number',
    remedy: 'Drop the row or get the number from the source; nothing can be checked without it.',
    detail: (a) => (a.cells ? `all ${a.cells} phone cells are empty` : 'the phone cell is empty'),
  },
  PHONE_INVALID: {
    title: 'Phone number is not valid',
    remedy: 'Correct the number (country code, digits lost by a spreadsheet) or drop the row.',
    detail: (a) => (a.problem ? `${a.value}: ${a.problem}` : `${a.value} is not a valid phone number${a.region ? ` (region ${a.region})` : ' (no region is assumed: write it with its country code)'}`),
  },
  PHONE_TYPE_BLOCKED: {
    title: 'Number type not allowed',
    remedy: 'Drop premium-rate and shared-cost numbers; for SMS use a mobile number.',
    detail: (a) => {
      const type = `${a.e164} is a ${a.type} number${a.from === 'line-types' ? ' (by the --line-types file)' : ''}`;
      return a.why === 'sms' ? `${type}; an SMS campaign needs a mobile number` : `${type}, which the policy blocks`;
    },
  },
  PHONE_COUNTRY_BLOCKED: {
    title: "Number's country not allowed",
    remedy: 'Drop the row, or audit it under the policy of the country it belongs to.',
    detail: (a) => `${a.e164} is a ${a.country ?? 'non-geographic'} number; the policy allows ${a.allowed}`,
  },
  DUPLICATE: {
    title: 'Number already on an earlier row',
    remedy: 'Nothing to fix: the earlier row is the one audited; merge the two if they differ.',
    detail: (a) => `${a.e164} already appeared on line ${a.firstLine}`,
  },
  SUPPRESSED: {
    title: 'Number is on a suppression list',
    remedy: 'Do not call: the person asked not to be contacted, or a register the law makes binding lists the number. Keep the number off the list.',
    detail: (a) => {
      const lists = String(a.lists ?? '').split('|').map(listWords);
      const on = lists.length === 1 ? `the suppression list ${lists[0]}` : `the suppression lists ${lists.slice(0, -1).join(', ')} and ${lists.at(-1)}`;
      const why = a.why === 'no-consent' ? ', and no consent record covers the campaign to override it'
        : a.why === 'not-overridable' ? ', which consent does not override under this policy' : '';
      return `${a.e164} is on ${on}${why}`;
    },
  },
  SOURCE_BLOCKED: {
    title: 'Data obtained from a blocked source',
    remedy: 'Do not use the row: data obtained unlawfully (a leak, scraping) cannot be used at all.',
    detail: (a) => `the source ${a.source} matches the blocked source ${a.blocked}`,
  },
  DIAL_MODE_BANNED: {
    title: 'Dial mode banned for advertising',
    remedy: 'Advertise by calls a person dials and speaks on (--dial-mode live), or not by telephone at all.',
    detail: (a) => `the campaign's dial mode ${a.mode} (${DIAL_MODE_WORDS[String(a.mode)] ?? a.mode}) is banned for advertising (purpose ${a.purpose}) under this policy`,
  },
  CONSENT_MISSING: {
    title: 'No consent on record',
    remedy: 'Get consent evidence for this number from the vendor, or do not call it.',
    detail: (a) => `no usable consent record for ${a.e164}${a.note ? ` (${a.note})` : ''}${a.invalid ? `; invalid records not used: ${a.invalid}` : ''}`,
  },
  CONSENT_WITHDRAWN: {
    title: 'Consent withdrawn',
    remedy: 'Do not call: consent was withdrawn. Only a new consent given after that date counts.',
    detail: (a) => `consent ${a.consentId} withdrawn at ${a.at}`,
  },
  CONSENT_NUMBER_REASSIGNED: {
    title: 'Consent is the previous subscriber\'s',
    remedy: 'The number changed hands after the consent was given, so the consent is someone else\'s: get consent from the number\'s current subscriber, or do not call it.',
    detail: (a) => `consent ${a.consentId}${Number(a.records) > 1 ? ` and ${Number(a.records) - 1} more` : ''} given at ${a.givenAt}, at or before ${a.answer === 'yes'
      ? `${a.at}, since when the Reassigned Numbers Database answers that ${a.e164} was permanently disconnected`
      : `${a.e164} was disconnected at ${a.at}`} (${a.where}${a.source ? `, ${a.source}` : ''}): the previous subscriber's`,
  },
  CONSENT_EXPIRED: {
    title: 'Consent expired',
    remedy: 'Renew the consent before calling.',
    detail: (a) => `consent ${a.consentId} ${a.why}`,
  },
  CONSENT_PURPOSE_MISMATCH: {
    title: 'Consent does not cover the purpose',
    remedy: 'Get consent for this purpose; consent for another purpose does not carry over.',
    detail: (a) => `consent ${a.consentId} covers ${a.purposes}, not ${a.purpose}`,
  },
  CONSENT_CHANNEL_MISMATCH: {
    title: 'Consent does not cover the channel',
    remedy: 'Use a channel the person agreed to, or get consent for this one.',
    detail: (a) => `consent ${a.consentId} covers ${a.channels}, not ${a.channel}`,
  },
  CONSENT_UNPROVEN: {
    title: 'Consent cannot be proven',
    remedy: 'Add the evidence reference (form log, signed scan, call recording) to the consent record; with --evidence-dir, put the file it names into that folder, or correct the reference or its evidence_sha256.',
    detail: (a) => (a.why === undefined ? `consent ${a.consentId} has no evidence_ref` : `consent ${a.consentId}: ${evidenceWords(a)}`),
  },
  CONSENT_OPERATOR_MISMATCH: {
    title: 'Consent was given to another operator',
    remedy: "A vendor's consent does not cover the buyer: get consent naming your company, or one that lists it among the recipients.",
    detail: (a) => `consent ${a.consentId} was given to ${a.operator}, which is not ${a.ours} and does not list it among its recipients`,
  },
  CONSENT_NOT_SEPARATE: {
    title: 'Consent not given as a separate document',
    remedy: 'A consent given since the policy\'s separate_consent_from date must be a document of its own, not a clause of an offer, contract or form: get a separate consent.',
    detail: (a) => `consent ${a.consentId} was given at ${a.givenAt}, on or after ${a.from}, and ${a.why === 'unstated'
      ? 'does not say it is a separate document, which the policy requires (separate_consent_required)'
      : 'is not a separate document (separate_document false)'}`,
  },
  CONSENT_KIND_MISMATCH: {
    title: 'Consent is not consent to advertising',
    remedy: 'Consent to processing of personal data does not cover advertising: get the subscriber\'s consent to receive advertising.',
    detail: (a) => `consent ${a.consentId} is consent to ${a.kinds} only, not to receive advertising (purpose ${a.purpose})`,
  },
  NOTICE_OPERATOR_MISSING: {
    title: 'Notice lacks the operator',
    remedy: "Give the operator's name and address in the notice manifest or the list.",
    detail: noticeDetail('operator name and address'),
  },
  NOTICE_PURPOSE_MISSING: {
    title: 'Notice lacks the purpose',
    remedy: 'State the purpose of processing in the notice.',
    detail: noticeDetail('purpose'),
  },
  NOTICE_LEGAL_BASIS_MISSING: {
    title: 'Notice lacks the legal basis',
    remedy: 'State the legal basis of processing in the notice.',
    detail: noticeDetail('legal basis'),
  },
  NOTICE_PDN_LIST_MISSING: {
    title: 'Notice lacks the list of personal data',
    remedy: 'List the personal data processed in the notice.',
    detail: noticeDetail('list of personal data'),
  },
  NOTICE_RECIPIENTS_MISSING: {
    title: 'Notice lacks the recipients',
    remedy: 'Name the intended users (recipients) of the data in the notice.',
    detail: noticeDetail('recipients'),
  },
  NOTICE_RIGHTS_MISSING: {
    title: "Notice lacks the subject's rights",
    remedy: "State the subject's rights (or link to them) in the notice.",
    detail: noticeDetail('rights'),
  },
  NOTICE_SOURCE_MISSING: {
    title: 'Notice lacks the source of the data',
    remedy: 'Record where the data was obtained (vendor and contract) in the list or the notice.',
    detail: noticeDetail('source'),
  },
  NOTICE_RETENTION_MISSING: {
    title: 'Notice lacks the retention period',
    remedy: 'State how long the data is kept, or the criteria for it, in the notice.',
    detail: noticeDetail('retention period'),
  },
  NOTICE_LATE: {
    title: 'Notice given after the audit date',
    remedy: 'Processing may start only once the notice has been given: wait, or audit as of a later date.',
    detail: (a) => (a.problem
      ? `the notice date ${a.at} (from the ${a.from}) is ${a.problem}`
      : `the notice was given at ${a.at} (from the ${a.from}), after ${a.asOf}`),
  },
  LIST_STALE: {
    title: 'Required suppression list missing or stale',
    remedy: 'Download the list again and pass it with --suppress NAME=FILE --list-date NAME=DATE.',
    detail: (a) => (a.problem === 'missing' ? `the policy requires the suppression list ${a.list}, and none was given`
      : a.problem === 'several' ? `the required suppression lists ${a.list} are missing or stale (report.json run_findings says which)`
        : `the suppression list ${a.list} is from ${a.date}, more than ${a.maxAge} days before ${a.asOf}`),
  },
};

const ORDER = new Map<ReasonCode, number>(REASON_CODES.map((c, i) => [c, i]));

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => ORDER.get(a.code)! - ORDER.get(b.code)!);
}

export function explain(f: Finding): string {
  return `${f.code}${f.number === undefined ? '' : ` for ${f.number}`}: ${REASONS[f.code].detail(f.args ?? {})}`;
}

/** A number taken out of a clean row's phone cell, and its codes (clean.csv `audit_removed`). */
export function removedText(number: string, codes: readonly ReasonCode[]): string {
  return `${number}: ${codes.join('|')}`;
}
