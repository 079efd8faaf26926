/**
 * The email column of a contact list (issue #15): found by header name as the phone column is
 * (src/io/columns.ts), or named with `--email-column` / `--map contacts.email=COLUMN`. Header names
 * compare after trimming and lower-casing.
 */
import { headerKey } from '../io/columns.js';

/** Header names that hold an email address, English and Russian. */
export const EMAIL_HEADERS: readonly string[] = [
  'email', 'e-mail', 'e mail', 'mail', 'email address', 'email_address', 'e-mail address', 'emailaddress',
  'почта', 'эл. почта', 'эл.почта', 'эл почта', 'электронная почта', 'адрес электронной почты', 'e-mail адрес', 'емейл', 'имейл',
];
const EMAIL_SET = new Set(EMAIL_HEADERS);

/** Words that make a header an email column when it contains them: `Email 1`, `Рабочая почта`, `Контактный e-mail`. */
const EMAIL_WORD = /^(email|emails|mail|почта|емейл|имейл)$/u;
/** Words that make an email-ish header something else: its status, date, consent, type, domain. */
const NOT_AN_ADDRESS = /^(type|тип|status|статус|date|дата|consent|согласие|verified|valid|opt|optin|optout|subscribed|подписка|domain|домен|bounce|bounced|sent|отправлено)$/u;

function headerWords(name: string): string[] {
  // `e-mail`, `E_Mail`: the `e` and `mail` halves read as one word.
  return headerKey(name).replace(/(^|[^\p{L}])e[-_ ]?mail/gu, '$1email').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Whether a header names an email column (an email name, or an email word without a `status`-like word). */
export function isEmailHeader(name: string): boolean {
  if (EMAIL_SET.has(headerKey(name))) return true;
  const words = headerWords(name);
  return !words.some((w) => NOT_AN_ADDRESS.test(w)) && words.some((w) => EMAIL_WORD.test(w));
}

export interface EmailColumn {
  /** The email column audited: the first that matched, in header order. */
  index: number;
  name: string;
  /** Every column whose name matched, in header order. */
  matches: string[];
}

/**
 * The email column of a header: the one named (`--email-column`, `--map contacts.email`), which
 * must be there, else the first header that is an email name or contains an email word.
 */
export function findEmailColumn(names: readonly string[], wanted?: string): EmailColumn | undefined {
  if (wanted !== undefined) {
    const i = names.findIndex((n) => headerKey(n) === headerKey(wanted));
    return i < 0 ? undefined : { index: i, name: names[i]!, matches: [names[i]!] };
  }
  const matches = names.flatMap((n, i) => (isEmailHeader(n) ? [i] : []));
  if (matches.length === 0) return undefined;
  return { index: matches[0]!, name: names[matches[0]!]!, matches: matches.map((i) => names[i]!) };
}
