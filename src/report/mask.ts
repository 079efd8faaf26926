/**
 * Masking of personal data in what is meant for people (issue 6): phone numbers and the values of
 * name columns. A masked text keeps its shape (separators, word lengths) so a reviewer can still
 * tell what kind of value it was, and enough digits (country code, operator code, last two) to
 * tell numbers apart, but not enough to call anyone. Never used on clean.csv: that feeds machines.
 */
import { getCountries, getCountryCallingCode } from 'libphonenumber-js/max';

/**
 * Digit groups joined by at most three separators: `+7 916 123-45-67`, `8 (495) 123 45 67`,
 * `8 916 111 - 22 - 33`. Commas, slashes and letters end a number.
 */
const PHONE_LIKE = /\+?\(?\d(?:[ \u00a0().-]{0,3}\d)*/g;
const MIN_DIGITS = 6;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?!\d)/;
let callingCodes: Set<string> | undefined;

/**
 * Masks the middle digits of phone-like sequences: the country code (or, written without `+`, the
 * trunk digit of an 11+ digit number) and the next 3 digits stay, so do the last 2, and at least a
 * third of the digits are hidden: `+7 916 123-45-67` -> `+7 916 ***-**-67`. Separators are kept,
 * so the shape stays readable. ISO dates and runs of fewer than 6 digits are not phone numbers and
 * stay as they are.
 */
export function maskPhone(text: string): string {
  return text.replace(PHONE_LIKE, (seq) => {
    const digits = seq.replace(/\D/g, '');
    const n = digits.length;
    if (n < MIN_DIGITS || ISO_DATE.test(seq)) return seq;
    const lead = seq.trimStart().startsWith('+') ? callingCodeLength(digits) : Math.max(0, n - 10);
    const tail = 2;
    const head = Math.max(0, Math.min(lead + 3, n - tail - Math.ceil(n / 3)));
    let i = 0;
    return seq.replace(/\d/g, (d) => (i++ >= head && i <= n - tail ? '*' : d));
  });
}

function callingCodeLength(digits: string): number {
  callingCodes ??= new Set(getCountries().map((c) => String(getCountryCallingCode(c))));
  for (const len of [1, 2, 3]) if (callingCodes.has(digits.slice(0, len))) return len;
  return 2;
}

/** A word: a letter and the letters, combining marks and apostrophes that follow it. */
const WORD = /\p{L}[\p{L}\p{M}'’]*/gu;

/**
 * Keeps the first letter of each word and stars the rest, one star per letter: `Анна Смирнова` ->
 * `А*** С*******`, `Анна-Мария` -> `А***-М****`. Phone numbers in the text are masked too (a
 * `contact` column may hold both).
 */
export function maskName(text: string): string {
  return maskPhone(text).replace(WORD, (w) => {
    const [first = '', ...rest] = Array.from(w);
    return first + rest.map((c) => (/[\p{L}]/u.test(c) ? '*' : c)).join('');
  });
}

/** Header names (trimmed, lower-cased, `_`/`-`/`.` read as spaces) of columns that hold a person's name. */
const NAME_HEADERS = new Set([
  'name', 'full name', 'fullname', 'first name', 'firstname', 'last name', 'lastname', 'middle name',
  'middlename', 'given name', 'family name', 'surname', 'patronymic', 'contact', 'contact name',
  'contact person', 'person', 'client', 'client name', 'customer', 'customer name', 'lead name', 'fio',
  'фио', 'ф и о', 'имя', 'фамилия', 'отчество', 'имя фамилия', 'фамилия имя', 'фамилия имя отчество',
  'полное имя', 'клиент', 'имя клиента', 'фио клиента', 'контакт', 'контактное лицо', 'получатель звонка',
]);

/** Does this column hold a person's name? (Its values are masked with maskName.) */
export function isNameColumn(header: string): boolean {
  const key = header.trim().toLowerCase().replace(/\s*\(\d+\)$/, '').replace(/[_.\-]+/g, ' ').replace(/\s+/g, ' ').trim();
  return NAME_HEADERS.has(key);
}

/** A row cell for people: names masked by maskName, phone numbers anywhere else by maskPhone. */
export function maskCell(header: string, value: string): string {
  return isNameColumn(header) ? maskName(value) : maskPhone(value);
}
