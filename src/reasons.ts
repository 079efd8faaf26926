/**
 * The reason-code registry: every code a row can be rejected with, in the order the contract's
 * table lists them (that order is also the order of `audit_reasons`). Rules return findings as data
 * (`{ code, args }`); the words for a finding are made here, in one place (`explain`).
 */
export const REASON_CODES = [
  'ROW_MALFORMED',
  'PHONE_MISSING',
  'PHONE_INVALID',
  'DUPLICATE',
  'SUPPRESSED',
  'CONSENT_MISSING',
  'CONSENT_WITHDRAWN',
  'CONSENT_EXPIRED',
  'CONSENT_PURPOSE_MISMATCH',
  'CONSENT_CHANNEL_MISMATCH',
  'CONSENT_UNPROVEN',
  'NOTICE_OPERATOR_MISSING',
  'NOTICE_PURPOSE_MISSING',
  'NOTICE_LEGAL_BASIS_MISSING',
  'NOTICE_PDN_LIST_MISSING',
  'NOTICE_RECIPIENTS_MISSING',
  'NOTICE_RIGHTS_MISSING',
  'NOTICE_SOURCE_MISSING',
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

export interface Finding {
  code: ReasonCode;
  args?: Record<string, string | number | undefined>;
}

export interface ReasonInfo {
  title: string;
  /** What the user should do about it. */
  remedy: string;
  /** The law the check rests on (ru-152fz preset). */
  law: string;
  /** Renders a finding's args as the short human explanation in `audit_details`. */
  detail: (args: Record<string, string | number | undefined>) => string;
}

const NOTICE_LAW = '152-FZ Art. 18 part 3';
const noticeDetail = (what: string) => (a: Record<string, string | number | undefined>) =>
  `no ${what} in the row, its consent record or the notice manifest${a.problem ? ` (${a.problem})` : ''}`;

export const REASONS: Record<ReasonCode, ReasonInfo> = {
  ROW_MALFORMED: {
    title: 'Row could not be read as CSV',
    remedy: 'Fix the quoting or the number of fields on that line of the source file and audit again.',
    law: 'no legal basis: a row that cannot be read cannot be checked',
    detail: (a) => `${a.problem}: ${a.raw}`,
  },
  PHONE_MISSING: {
    title: 'No phone number',
    remedy: 'Drop the row or get the number from the source; nothing can be checked without it.',
    law: '152-FZ Art. 5 part 4 (data must be accurate and complete for the purpose)',
    detail: () => 'the phone cell is empty',
  },
  PHONE_INVALID: {
    title: 'Phone number is not valid',
    remedy: 'Correct the number (country code, digits lost by a spreadsheet) or drop the row.',
    law: '152-FZ Art. 5 part 4 (data must be accurate)',
    detail: (a) => (a.problem ? `${a.value}: ${a.problem}` : `${a.value} is not a valid phone number${a.region ? ` (region ${a.region})` : ''}`),
  },
  DUPLICATE: {
    title: 'Number already on an earlier row',
    remedy: 'Nothing to fix: the earlier row is the one audited; merge the two if they differ.',
    law: '152-FZ Art. 5 part 7 (no processing beyond what the purpose needs)',
    detail: (a) => `${a.e164} already appeared on line ${a.firstLine}`,
  },
  SUPPRESSED: {
    title: 'Number is on a suppression list',
    remedy: 'Do not call: the person asked not to be contacted. Keep the number off the list.',
    law: '152-FZ Art. 9 part 2, 38-FZ Art. 18 part 1 (the subject refused)',
    detail: (a) => `${a.e164} is on the suppression list ${a.list}`,
  },
  CONSENT_MISSING: {
    title: 'No consent on record',
    remedy: 'Get consent evidence for this number from the vendor, or do not call it.',
    law: '152-FZ Arts. 6 part 1 item 1 and 9 part 3; 38-FZ Art. 18 part 1',
    detail: (a) => `no usable consent record for ${a.e164}`,
  },
  CONSENT_WITHDRAWN: {
    title: 'Consent withdrawn',
    remedy: 'Do not call: consent was withdrawn. Only a new consent given after that date counts.',
    law: '152-FZ Art. 9 part 2',
    detail: (a) => `consent ${a.consentId} withdrawn at ${a.at}`,
  },
  CONSENT_EXPIRED: {
    title: 'Consent expired',
    remedy: 'Renew the consent before calling.',
    law: '152-FZ Art. 9 part 1 (consent is specific and for a term)',
    detail: (a) => `consent ${a.consentId} ${a.why}`,
  },
  CONSENT_PURPOSE_MISMATCH: {
    title: 'Consent does not cover the purpose',
    remedy: 'Get consent for this purpose; consent for another purpose does not carry over.',
    law: '152-FZ Art. 5 parts 2-3 (no processing incompatible with the purposes of collection)',
    detail: (a) => `consent ${a.consentId} covers ${a.purposes}, not ${a.purpose}`,
  },
  CONSENT_CHANNEL_MISMATCH: {
    title: 'Consent does not cover the channel',
    remedy: 'Use a channel the person agreed to, or get consent for this one.',
    law: '38-FZ Art. 18 part 1; 152-FZ Art. 9 part 1',
    detail: (a) => `consent ${a.consentId} covers ${a.channels}, not ${a.channel}`,
  },
  CONSENT_UNPROVEN: {
    title: 'Consent cannot be proven',
    remedy: 'Add the evidence reference (form log, signed scan, call recording) to the consent record.',
    law: '152-FZ Art. 9 part 3 (the burden of proof is on the operator)',
    detail: (a) => `consent ${a.consentId} has no evidence_ref`,
  },
  NOTICE_OPERATOR_MISSING: {
    title: 'Notice lacks the operator',
    remedy: "Give the operator's name and address in the notice manifest or the list.",
    law: `${NOTICE_LAW} item 1`,
    detail: noticeDetail('operator name and address'),
  },
  NOTICE_PURPOSE_MISSING: {
    title: 'Notice lacks the purpose',
    remedy: 'State the purpose of processing in the notice.',
    law: `${NOTICE_LAW} item 2`,
    detail: noticeDetail('purpose'),
  },
  NOTICE_LEGAL_BASIS_MISSING: {
    title: 'Notice lacks the legal basis',
    remedy: 'State the legal basis of processing in the notice.',
    law: `${NOTICE_LAW} item 2`,
    detail: noticeDetail('legal basis'),
  },
  NOTICE_PDN_LIST_MISSING: {
    title: 'Notice lacks the list of personal data',
    remedy: 'List the personal data processed in the notice.',
    law: `${NOTICE_LAW} item 3`,
    detail: noticeDetail('list of personal data'),
  },
  NOTICE_RECIPIENTS_MISSING: {
    title: 'Notice lacks the recipients',
    remedy: 'Name the intended users (recipients) of the data in the notice.',
    law: `${NOTICE_LAW} item 4`,
    detail: noticeDetail('recipients'),
  },
  NOTICE_RIGHTS_MISSING: {
    title: "Notice lacks the subject's rights",
    remedy: "State the subject's rights (or link to them) in the notice.",
    law: `${NOTICE_LAW} item 5`,
    detail: noticeDetail('rights'),
  },
  NOTICE_SOURCE_MISSING: {
    title: 'Notice lacks the source of the data',
    remedy: 'Record where the data was obtained (vendor and contract) in the list or the notice.',
    law: `${NOTICE_LAW} item 6`,
    detail: noticeDetail('source'),
  },
};

const ORDER = new Map<ReasonCode, number>(REASON_CODES.map((c, i) => [c, i]));

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => ORDER.get(a.code)! - ORDER.get(b.code)!);
}

export function explain(f: Finding): string {
  return `${f.code}: ${REASONS[f.code].detail(f.args ?? {})}`;
}
