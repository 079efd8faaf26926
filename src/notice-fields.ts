/**
 * The notice items of 152-FZ Art. 18 part 3 as fields: their column names in a contact list
 * (`notice_<field>`, `<field>` or the Russian name, in that order of preference) and their reason
 * codes.
 */
import type { ReasonCode } from './reasons.js';

export const NOTICE_FIELDS = ['operator', 'purpose', 'legal_basis', 'pdn_list', 'recipients', 'rights', 'source'] as const;
export type NoticeField = (typeof NOTICE_FIELDS)[number];

export const NOTICE_RUSSIAN: Record<NoticeField, string> = {
  operator: 'оператор',
  purpose: 'цель',
  legal_basis: 'правовое основание',
  pdn_list: 'перечень пдн',
  recipients: 'получатели',
  rights: 'права',
  source: 'источник',
};

export const NOTICE_CODE: Record<NoticeField, ReasonCode> = {
  operator: 'NOTICE_OPERATOR_MISSING',
  purpose: 'NOTICE_PURPOSE_MISSING',
  legal_basis: 'NOTICE_LEGAL_BASIS_MISSING',
  pdn_list: 'NOTICE_PDN_LIST_MISSING',
  recipients: 'NOTICE_RECIPIENTS_MISSING',
  rights: 'NOTICE_RIGHTS_MISSING',
  source: 'NOTICE_SOURCE_MISSING',
};

/** Header names that hold a notice field, most specific first. */
export function noticeColumnNames(field: NoticeField): string[] {
  return [`notice_${field}`, field, NOTICE_RUSSIAN[field]];
}
