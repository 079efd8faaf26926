/**
 * The notice items as fields: 152-FZ Art. 18 part 3 (and GDPR Art. 14) -> the fields a row, a
 * consent record or the notice manifest may carry, their column names in a contact list
 * (`notice_<field>`, `<field>` or the Russian name, in that order of preference) and their codes.
 */
import type { ReasonCode } from './reasons.js';

export const NOTICE_FIELDS = ['operator', 'purpose', 'legal_basis', 'pdn_list', 'recipients', 'rights', 'source', 'retention'] as const;
export type NoticeField = (typeof NOTICE_FIELDS)[number];

/** The seven items of 152-FZ Art. 18 part 3 (the purpose and its legal basis are two fields). */
export const RU_NOTICE_FIELDS: readonly NoticeField[] = ['operator', 'purpose', 'legal_basis', 'pdn_list', 'recipients', 'rights', 'source'];

export const NOTICE_RUSSIAN: Record<NoticeField, string> = {
  operator: 'оператор',
  purpose: 'цель',
  legal_basis: 'правовое основание',
  pdn_list: 'перечень пдн',
  recipients: 'получатели',
  rights: 'права',
  source: 'источник',
  retention: 'срок хранения',
};

export const NOTICE_CODE: Record<NoticeField, ReasonCode> = {
  operator: 'NOTICE_OPERATOR_MISSING',
  purpose: 'NOTICE_PURPOSE_MISSING',
  legal_basis: 'NOTICE_LEGAL_BASIS_MISSING',
  pdn_list: 'NOTICE_PDN_LIST_MISSING',
  recipients: 'NOTICE_RECIPIENTS_MISSING',
  rights: 'NOTICE_RIGHTS_MISSING',
  source: 'NOTICE_SOURCE_MISSING',
  retention: 'NOTICE_RETENTION_MISSING',
};

/** Header names that hold a notice field, most specific first. */
export function noticeColumnNames(field: NoticeField): string[] {
  return [`notice_${field}`, field, NOTICE_RUSSIAN[field]];
}

/**
 * Facts about the notice rather than notice items: when it was given (NOTICE_LATE), the ground
 * on which it was not needed (an exemption), and where the data came from (issue #10: 152-FZ Art.
 * 18 part 3 applies only to data not received from the subject). Read from a row or a consent
 * record; the date and the origin also from the manifest.
 */
export const NOTICE_META = ['notice_given_at', 'notice_exempt', 'origin'] as const;
export type NoticeMeta = (typeof NOTICE_META)[number];
export const NOTICE_META_COLUMNS: Record<NoticeMeta, string[]> = {
  notice_given_at: ['notice_given_at', 'дата уведомления'],
  notice_exempt: ['notice_exempt', 'освобождение от уведомления'],
  origin: ['origin', 'происхождение'],
};
