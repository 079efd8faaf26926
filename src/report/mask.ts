/**
 * Masking of personal data in what is meant for people (issue 6; issue #14: every column of
 * personal data, by its kind: phones, emails, names, addresses, birth dates, documents). A masked text keeps its shape (separators, word lengths) so a reviewer can still
 * tell what kind of value it was, and enough digits (country code, operator code, last two) to
 * tell numbers apart, but not enough to call anyone. Never used on clean.csv: that feeds machines.
 */
import { getCountries, getCountryCallingCode } from 'libphonenumber-js/max';
import { personalKind, type PersonalKind } from '../io/personal-columns.js';

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

/** Does this column hold a person's name? (Its values are masked with maskName.) */
export function isNameColumn(header: string): boolean {
  return personalKind(header) === 'name';
}

/**
 * Keeps the first letter of each word and stars every other letter and every digit: an address, a
 * birth date, a document number (`125009, Москва, ул. Тверская, 1` -> `******, М*****, у*. Т*******, *`).
 */
export function maskWords(text: string): string {
  return text.replace(/\p{N}/gu, '*').replace(WORD, (w) => {
    const [first = '', ...rest] = Array.from(w);
    return first + rest.map((c) => (/[\p{L}]/u.test(c) ? '*' : c)).join('');
  });
}

const EMAIL = /[^\s@,;<>()"']+@[^\s@,;<>()"']+/g;

/**
 * An address keeps its shape: the first character of the local part and of each domain label, and
 * the top-level domain (`ivan.petrov@mail.example.ru` -> `i****.******@m***.e******.ru`); other text
 * in the cell is masked as words.
 */
export function maskEmail(text: string): string {
  const parts = text.split(EMAIL);
  const emails = text.match(EMAIL) ?? [];
  return parts.map((p, i) => maskWords(p) + (i < emails.length ? oneEmail(emails[i]!) : '')).join('');
}

function oneEmail(address: string): string {
  const at = address.lastIndexOf('@');
  const stars = (s: string) => Array.from(s).map((c, i) => (i === 0 || /[.+_-]/.test(c) ? c : '*')).join('');
  const labels = address.slice(at + 1).split('.');
  const tld = labels.length > 1 ? labels.pop()! : undefined;
  return `${stars(address.slice(0, at))}@${labels.map(stars).join('.')}${tld === undefined ? '' : `.${tld}`}`;
}

/**
 * A phone cell: its numbers by maskPhone; a cell maskPhone leaves alone (too few digits to be a
 * number, a note) has its digits starred but the first, so that no part of a number shows.
 */
export function maskPhoneCell(text: string): string {
  const masked = maskPhone(text);
  if (masked !== text) return masked;
  let seen = 0;
  return text.replace(/\d/g, (d) => (seen++ === 0 ? d : '*'));
}

/** A value of a column of personal data, masked as its kind is (src/io/personal-columns.ts). */
export function maskValue(kind: PersonalKind, value: string): string {
  switch (kind) {
    case 'phone': return maskPhoneCell(value);
    case 'name': return maskName(value);
    case 'email': return maskEmail(value);
    default: return maskWords(value);
  }
}

/** A row cell for people: personal data by its kind, phone numbers anywhere else by maskPhone. */
export function maskCell(header: string, value: string, kind: PersonalKind | undefined = personalKind(header)): string {
  return kind === undefined ? maskPhone(value) : maskValue(kind, value);
}
