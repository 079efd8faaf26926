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
  /** The first phone column (report.json `phone_column`). */
  index: number;
  name: string;
  /** Every phone column, in header order: each is audited (issue #11). */
  indexes: number[];
  /** Every column whose name matched, in header order. */
  matches: string[];
}

/**
 * Words that make a header a phone column when it contains them (issue #11): `Телефон 1`,
 * `Phone 1`, `Мобильный телефон (контакт)`, `Рабочий телефон`. `номер` alone is too common
 * (`Номер договора`), so it counts only as the whole header or with a number (`Номер 2`).
 */
const PHONE_WORD = /^(phone|phones|telephone|tel|mobile|cell|cellphone|cellular|msisdn|телефон\p{L}*|тел|моб\p{L}*|сотов\p{L}*)$/u;
/** Words that make a phone-ish header something else: its type, status, date, operator, code. */
const NOT_A_NUMBER = /^(type|тип|status|статус|date|дата|operator|оператор|provider|country|страна|code|код|ext|extension|доб|добавочный|comment|комментарий|verified|valid)$/u;

function containsPhoneWord(name: string): boolean {
  const words = headerKey(name).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.some((w) => NOT_A_NUMBER.test(w))) return false;
  if (words.some((w) => PHONE_WORD.test(w))) return true;
  return words[0] === 'номер' && words.slice(1).every((w) => /^\d+$/.test(w));
}

/** Whether a header names a phone column (a phone name, or a phone word without a `type`-like word). */
export function isPhoneHeader(name: string): boolean {
  return PHONE_SET.has(headerKey(name)) || containsPhoneWord(name);
}

/**
 * The phone columns of a header: those named (`--phone-column`, `--map contacts.phone`, each one
 * that must be there), else every header that is a phone name or contains a phone word.
 */
export function findPhoneColumn(names: readonly string[], wanted?: string | readonly string[]): PhoneColumn | undefined {
  const list = wanted === undefined ? undefined : typeof wanted === 'string' ? [wanted] : wanted;
  let indexes: number[];
  if (list !== undefined && list.length > 0) {
    indexes = [];
    for (const w of list) {
      const i = names.findIndex((n) => headerKey(n) === headerKey(w));
      if (i < 0) return undefined;
      if (!indexes.includes(i)) indexes.push(i);
    }
  } else {
    indexes = names.flatMap((n, i) => (isPhoneHeader(n) ? [i] : []));
  }
  if (indexes.length === 0) return undefined;
  return { index: indexes[0]!, name: names[indexes[0]!]!, indexes, matches: indexes.map((i) => names[i]!) };
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
