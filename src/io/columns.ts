/**
 * Finding columns by header name. Header names compare after trimming and Unicode lower-casing
 * (SPEC "Contacts").
 */
import { NOTICE_FIELDS, NOTICE_META, NOTICE_META_COLUMNS, noticeColumnNames, type NoticeField, type NoticeMeta } from '../notice-fields.js';

export function headerKey(name: string): string {
  return name.trim().toLowerCase();
}

/** Header names that hold a phone number, English and Russian. */
export const PHONE_HEADERS: readonly string[] = [
  'phone', 'phone_number', 'phone number', 'phonenumber', 'phone_no', 'phone no', 'phone #',
  'telephone', 'telephone_number', 'telephone number', 'tel', 'tel.', 'mobile', 'mobile_phone',
  'mobile phone', 'mobile_number', 'mobile number', 'cell', 'cellphone', 'cell_phone', 'cell phone',
  'msisdn', 'contact_phone', 'contact phone',
  'телефон', 'номер телефона', 'номер_телефона', 'тел', 'тел.', 'мобильный', 'мобильный телефон',
  'моб. телефон', 'моб', 'моб.', 'сотовый', 'сотовый телефон', 'контактный телефон', 'телефон клиента',
];
const PHONE_SET = new Set(PHONE_HEADERS);

export interface PhoneColumn {
  index: number;
  name: string;
  /** Every column whose name matched, in header order (the first is used). */
  matches: string[];
}

export function findPhoneColumn(names: readonly string[], wanted?: string): PhoneColumn | undefined {
  if (wanted !== undefined) {
    const key = headerKey(wanted);
    const index = names.findIndex((n) => headerKey(n) === key);
    return index < 0 ? undefined : { index, name: names[index]!, matches: [names[index]!] };
  }
  const hits = names.map((n, i) => [n, i] as const).filter(([n]) => PHONE_SET.has(headerKey(n)));
  if (hits.length === 0) return undefined;
  const [name, index] = hits[0]!;
  return { index, name, matches: hits.map(([n]) => n) };
}

/** For each notice field, the columns that may hold it, most specific name first. */
export function noticeColumns(names: readonly string[]): Record<NoticeField, number[]> {
  const keys = names.map(headerKey);
  const out = {} as Record<NoticeField, number[]>;
  for (const f of NOTICE_FIELDS) {
    out[f] = noticeColumnNames(f).flatMap((want) => keys.flatMap((k, i) => (k === want ? [i] : [])));
  }
  return out;
}

/** Columns holding the notice date and exemption ground. */
export function noticeMetaColumns(names: readonly string[]): Record<NoticeMeta, number[]> {
  const keys = names.map(headerKey);
  const out = {} as Record<NoticeMeta, number[]>;
  for (const m of NOTICE_META) {
    out[m] = NOTICE_META_COLUMNS[m].flatMap((want) => keys.flatMap((k, i) => (k === want ? [i] : [])));
  }
  return out;
}
