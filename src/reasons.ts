/**
 * The reason-code registry: every code a row can be rejected with, in the order the contract's
 * table lists them (that order is also the order of `audit_reasons`), plus LIST_STALE, which is
 * about the whole run and, since issue #14, rejects every row as well. Rules return findings as data (`{ code, args }`); the words for a finding are
 * made here, in one place (`explain`). Each code carries its legal reference per preset (issue #4).
 */
import type { PresetName } from './policy/preset-names.js';

export const REASON_CODES = [
  'ROW_MALFORMED',
  'PHONE_MISSING',
  'PHONE_INVALID',
  'PHONE_TYPE_BLOCKED',
  'PHONE_COUNTRY_BLOCKED',
  'DUPLICATE',
  'SUPPRESSED',
  'SOURCE_BLOCKED',
  'CONSENT_MISSING',
  'CONSENT_WITHDRAWN',
  'CONSENT_EXPIRED',
  'CONSENT_PURPOSE_MISMATCH',
  'CONSENT_CHANNEL_MISMATCH',
  'CONSENT_UNPROVEN',
  'CONSENT_OPERATOR_MISMATCH',
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
  /** The law the check rests on, under each preset that applies it. */
  law: Partial<Record<PresetName, string>>;
  /** Renders a finding's args as the short human explanation in `audit_details`. */
  detail: (args: FindingArgs) => string;
}

const noticeDetail = (what: string) => (a: FindingArgs) =>
  `no ${what} in the row, its consent record or the notice manifest${a.problem ? ` (${a.problem})` : ''}${a.exemption ? `; ${a.exemption}` : ''}`;

/** The notice items: 152-FZ Art. 18 part 3 and GDPR Art. 14, item by item. */
const notice = (ru: string, gdpr: string): Partial<Record<PresetName, string>> => ({
  'ru-152fz': `152-FZ Art. 18 part 3 ${ru}`,
  'eu-gdpr': `GDPR Art. ${gdpr}`,
  'uk-pecr': `UK GDPR Art. ${gdpr}`,
});

export const REASONS: Record<ReasonCode, ReasonInfo> = {
  ROW_MALFORMED: {
    title: 'Row could not be read as CSV',
    remedy: 'Fix the quoting or the number of fields on that line of the source file and audit again.',
    law: {
      'ru-152fz': '152-FZ Art. 9 part 3 (consent for a row that cannot be read cannot be proven)',
      'eu-gdpr': 'GDPR Art. 5(2) (accountability: compliance must be demonstrable)',
      'uk-pecr': 'UK GDPR Art. 5(2) (accountability)',
      'us-tcpa': '47 CFR 64.1200(a)(2) (the caller bears the burden of showing consent)',
    },
    detail: (a) => `${a.problem}: ${a.raw}`,
  },
  PHONE_MISSING: {
    title: 'No phone number',
    remedy: 'Drop the row or get the number from the source; nothing can be checked without it.',
    law: {
      'ru-152fz': '152-FZ Art. 5 part 6 (data must be accurate and sufficient)',
      'eu-gdpr': 'GDPR Art. 5(1)(d) (accuracy)',
      'uk-pecr': 'UK GDPR Art. 5(1)(d) (accuracy)',
      'us-tcpa': '47 CFR 64.1200(c)(2) (a number that cannot be screened against the registry cannot be called)',
    },
    detail: (a) => (a.cells ? `all ${a.cells} phone cells are empty` : 'the phone cell is empty'),
  },
  PHONE_INVALID: {
    title: 'Phone number is not valid',
    remedy: 'Correct the number (country code, digits lost by a spreadsheet) or drop the row.',
    law: {
      'ru-152fz': '152-FZ Art. 5 part 6 (data must be accurate)',
      'eu-gdpr': 'GDPR Art. 5(1)(d) (accuracy)',
      'uk-pecr': 'UK GDPR Art. 5(1)(d) (accuracy)',
      'us-tcpa': '47 CFR 64.1200(c)(2) (a number that cannot be screened against the registry cannot be called)',
    },
    detail: (a) => (a.problem ? `${a.value}: ${a.problem}` : `${a.value} is not a valid phone number${a.region ? ` (region ${a.region})` : ' (no region is assumed: write it with its country code)'}`),
  },
  PHONE_TYPE_BLOCKED: {
    title: 'Number type not allowed',
    remedy: 'Drop premium-rate and shared-cost numbers; for SMS use a mobile number.',
    law: {
      'ru-152fz': '38-FZ Art. 18 part 1 (advertising by telecommunication to subscribers only); compliance practice for premium-rate numbers',
      'eu-gdpr': 'ePrivacy Directive 2002/58/EC Art. 13 (SMS to subscribers); compliance practice for premium-rate numbers',
      'uk-pecr': 'PECR reg. 22 (electronic mail, incl. SMS, to individual subscribers); compliance practice for premium-rate numbers',
      'us-tcpa': '47 CFR 64.1200(a)(1)(iii) (calls to numbers for which the called party is charged)',
    },
    detail: (a) => (a.why === 'sms' ? `${a.e164} is a ${a.type} number; an SMS campaign needs a mobile number` : `${a.e164} is a ${a.type} number, which the policy blocks`),
  },
  PHONE_COUNTRY_BLOCKED: {
    title: "Number's country not allowed",
    remedy: 'Drop the row, or audit it under the policy of the country it belongs to.',
    law: {
      'ru-152fz': '152-FZ Art. 12 (cross-border transfer); policy setting allowed_countries',
      'eu-gdpr': 'GDPR Art. 3, Art. 44 (territorial scope, transfers); policy setting allowed_countries',
      'uk-pecr': 'UK GDPR Art. 3, Art. 44; policy setting allowed_countries',
      'us-tcpa': '47 U.S.C. 227 (calls within the United States); policy setting allowed_countries',
    },
    detail: (a) => `${a.e164} is a ${a.country ?? 'non-geographic'} number; the policy allows ${a.allowed}`,
  },
  DUPLICATE: {
    title: 'Number already on an earlier row',
    remedy: 'Nothing to fix: the earlier row is the one audited; merge the two if they differ.',
    law: {
      'ru-152fz': '152-FZ Art. 5 part 5 (data must not be excessive)',
      'eu-gdpr': 'GDPR Art. 5(1)(c) (data minimisation)',
      'uk-pecr': 'UK GDPR Art. 5(1)(c) (data minimisation)',
      'us-tcpa': '47 CFR 64.1200(d) (do-not-call procedures: one record per number)',
    },
    detail: (a) => `${a.e164} already appeared on line ${a.firstLine}`,
  },
  SUPPRESSED: {
    title: 'Number is on a suppression list',
    remedy: 'Do not call: the person asked not to be contacted. Keep the number off the list.',
    law: {
      'ru-152fz': '152-FZ Art. 15 part 2; 38-FZ Art. 18 part 1 (the subject demanded to stop)',
      'eu-gdpr': 'GDPR Art. 21(2)-(3) (objection to direct marketing)',
      'uk-pecr': 'PECR reg. 21(1) (the subscriber objected or is registered with the TPS)',
      'us-tcpa': '47 CFR 64.1200(c)(2) and (d); 16 CFR 310.4(b)(1)(iii)(B) (do-not-call registries)',
    },
    detail: (a) => `${a.e164} is on the suppression list ${a.list}`,
  },
  SOURCE_BLOCKED: {
    title: 'Data obtained from a blocked source',
    remedy: 'Do not use the row: data obtained unlawfully (a leak, scraping) cannot be used at all.',
    law: {
      'ru-152fz': '152-FZ Art. 5 part 1 (lawful processing) and Art. 10.1 (public data needs consent to distribution)',
      'eu-gdpr': 'GDPR Art. 5(1)(a), Art. 6(1) (lawful processing)',
      'uk-pecr': 'UK GDPR Art. 5(1)(a), Art. 6(1) (lawful processing)',
      'us-tcpa': '16 CFR 310.4(b)(1)(iii) and 47 CFR 64.1200(c)(2) (lists bought without consent)',
    },
    detail: (a) => `the source ${a.source} matches the blocked source ${a.blocked}`,
  },
  CONSENT_MISSING: {
    title: 'No consent on record',
    remedy: 'Get consent evidence for this number from the vendor, or do not call it.',
    law: {
      'ru-152fz': '152-FZ Art. 6 part 1 item 1, Art. 9 part 3, Art. 15 part 1; 38-FZ Art. 18 part 1',
      'eu-gdpr': 'GDPR Art. 6(1)(a), Art. 7(1)',
      'uk-pecr': 'PECR reg. 21, reg. 22; UK GDPR Art. 7(1)',
      'us-tcpa': '47 CFR 64.1200(a)(1)(iii) and (a)(2) (prior express written consent)',
    },
    detail: (a) => `no usable consent record for ${a.e164}${a.note ? ` (${a.note})` : ''}${a.invalid ? `; invalid records not used: ${a.invalid}` : ''}`,
  },
  CONSENT_WITHDRAWN: {
    title: 'Consent withdrawn',
    remedy: 'Do not call: consent was withdrawn. Only a new consent given after that date counts.',
    law: {
      'ru-152fz': '152-FZ Art. 9 part 2',
      'eu-gdpr': 'GDPR Art. 7(3), Art. 21(3)',
      'uk-pecr': 'PECR reg. 21(1)(a) and 21(5); UK GDPR Art. 7(3)',
      'us-tcpa': '47 CFR 64.1200(a)(10) (revocation of consent)',
    },
    detail: (a) => `consent ${a.consentId} withdrawn at ${a.at}`,
  },
  CONSENT_EXPIRED: {
    title: 'Consent expired',
    remedy: 'Renew the consent before calling.',
    law: {
      'ru-152fz': '152-FZ Art. 9 part 4 item 8 (consent is given for a term)',
      'eu-gdpr': 'GDPR Art. 7(1) (consent must be shown to hold when relied on)',
      'uk-pecr': 'UK GDPR Art. 7(1); PECR reg. 22',
      'us-tcpa': '47 CFR 64.1200(f)(9) (the written agreement must still authorize the calls)',
    },
    detail: (a) => `consent ${a.consentId} ${a.why}`,
  },
  CONSENT_PURPOSE_MISMATCH: {
    title: 'Consent does not cover the purpose',
    remedy: 'Get consent for this purpose; consent for another purpose does not carry over.',
    law: {
      'ru-152fz': '152-FZ Art. 5 part 2 (no processing incompatible with the purposes of collection)',
      'eu-gdpr': 'GDPR Art. 5(1)(b), Art. 6(1)(a) (consent for one or more specific purposes)',
      'uk-pecr': 'UK GDPR Art. 5(1)(b), Art. 6(1)(a)',
      'us-tcpa': '47 CFR 64.1200(f)(9) (consent to advertising or telemarketing messages)',
    },
    detail: (a) => `consent ${a.consentId} covers ${a.purposes}, not ${a.purpose}`,
  },
  CONSENT_CHANNEL_MISMATCH: {
    title: 'Consent does not cover the channel',
    remedy: 'Use a channel the person agreed to, or get consent for this one.',
    law: {
      'ru-152fz': '38-FZ Art. 18 part 1; 152-FZ Art. 9 part 1 (consent is specific)',
      'eu-gdpr': 'GDPR Art. 6(1)(a); ePrivacy Directive Art. 13',
      'uk-pecr': 'PECR reg. 21, reg. 22',
      'us-tcpa': '47 CFR 64.1200(a)(2) and (f)(9) (consent names the number and the kind of call)',
    },
    detail: (a) => `consent ${a.consentId} covers ${a.channels}, not ${a.channel}`,
  },
  CONSENT_UNPROVEN: {
    title: 'Consent cannot be proven',
    remedy: 'Add the evidence reference (form log, signed scan, call recording) to the consent record.',
    law: {
      'ru-152fz': '152-FZ Art. 9 part 3 (the burden of proof is on the operator)',
      'eu-gdpr': 'GDPR Art. 7(1) (the controller shall be able to demonstrate consent)',
      'uk-pecr': 'UK GDPR Art. 7(1)',
      'us-tcpa': '47 CFR 64.1200(f)(9) (a written agreement bearing the signature)',
    },
    detail: (a) => `consent ${a.consentId} has no evidence_ref`,
  },
  CONSENT_OPERATOR_MISMATCH: {
    title: 'Consent was given to another operator',
    remedy: "A vendor's consent does not cover the buyer: get consent naming your company, or one that lists it among the recipients.",
    law: {
      'ru-152fz': '152-FZ Art. 9 part 4 items 2 and 4 (consent names the operator and the third parties)',
      'eu-gdpr': 'GDPR Art. 6(1)(a), Art. 7(1) (consent to a named controller)',
      'uk-pecr': 'PECR reg. 22(2); UK GDPR Art. 7(1)',
      'us-tcpa': '47 CFR 64.1200(f)(9) (the agreement authorizes the seller)',
    },
    detail: (a) => `consent ${a.consentId} was given to ${a.operator}, which is not ${a.ours} and does not list it among its recipients`,
  },
  NOTICE_OPERATOR_MISSING: {
    title: 'Notice lacks the operator',
    remedy: "Give the operator's name and address in the notice manifest or the list.",
    law: notice('item 1', '14(1)(a)'),
    detail: noticeDetail('operator name and address'),
  },
  NOTICE_PURPOSE_MISSING: {
    title: 'Notice lacks the purpose',
    remedy: 'State the purpose of processing in the notice.',
    law: notice('item 2', '14(1)(c)'),
    detail: noticeDetail('purpose'),
  },
  NOTICE_LEGAL_BASIS_MISSING: {
    title: 'Notice lacks the legal basis',
    remedy: 'State the legal basis of processing in the notice.',
    law: notice('item 2', '14(1)(c)'),
    detail: noticeDetail('legal basis'),
  },
  NOTICE_PDN_LIST_MISSING: {
    title: 'Notice lacks the list of personal data',
    remedy: 'List the personal data processed in the notice.',
    law: notice('item 3', '14(1)(d)'),
    detail: noticeDetail('list of personal data'),
  },
  NOTICE_RECIPIENTS_MISSING: {
    title: 'Notice lacks the recipients',
    remedy: 'Name the intended users (recipients) of the data in the notice.',
    law: notice('item 4', '14(1)(e)'),
    detail: noticeDetail('recipients'),
  },
  NOTICE_RIGHTS_MISSING: {
    title: "Notice lacks the subject's rights",
    remedy: "State the subject's rights (or link to them) in the notice.",
    law: notice('item 5', '14(2)(c)-(e)'),
    detail: noticeDetail('rights'),
  },
  NOTICE_SOURCE_MISSING: {
    title: 'Notice lacks the source of the data',
    remedy: 'Record where the data was obtained (vendor and contract) in the list or the notice.',
    law: notice('item 6', '14(2)(f)'),
    detail: noticeDetail('source'),
  },
  NOTICE_RETENTION_MISSING: {
    title: 'Notice lacks the retention period',
    remedy: 'State how long the data is kept, or the criteria for it, in the notice.',
    law: { 'eu-gdpr': 'GDPR Art. 14(2)(a)', 'uk-pecr': 'UK GDPR Art. 14(2)(a)' },
    detail: noticeDetail('retention period'),
  },
  NOTICE_LATE: {
    title: 'Notice given after the audit date',
    remedy: 'Processing may start only once the notice has been given: wait, or audit as of a later date.',
    law: {
      'ru-152fz': '152-FZ Art. 18 part 3 (notice before processing starts)',
      'eu-gdpr': 'GDPR Art. 14(3) (notice at the latest at the first communication)',
      'uk-pecr': 'UK GDPR Art. 14(3)',
    },
    detail: (a) => (a.problem
      ? `the notice date ${a.at} (from the ${a.from}) is ${a.problem}`
      : `the notice was given at ${a.at} (from the ${a.from}), after ${a.asOf}`),
  },
  LIST_STALE: {
    title: 'Required suppression list missing or stale',
    remedy: 'Download the list again and pass it with --suppress NAME=FILE --list-date NAME=DATE.',
    law: {
      'uk-pecr': 'PECR reg. 21(1)(b) and 21(3) (TPS registrations take effect after 28 days)',
      'us-tcpa': '16 CFR 310.4(b)(3)(iv) (registry accessed no more than 31 days before the call); 47 CFR 64.1200(c)(2)',
    },
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
