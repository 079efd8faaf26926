/**
 * ISO 8601 dates as the contract accepts them: `YYYY-MM-DD`, optionally `THH:MM`, optional `:SS`
 * and fraction, optional `Z` or `±HH:MM`; a space may stand for the `T`. A date-only value is
 * 00:00 UTC of that day and a datetime without an offset is UTC (SPEC "How consent is judged").
 */
import { t as tr } from './i18n/index.js';
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}:\d{2})?)?$/i;

const d = (t: string, i: number) => t.charCodeAt(i) - 48;
const isDigit = (t: string, i: number) => { const c = t.charCodeAt(i); return c >= 48 && c <= 57; };
function digits(t: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isDigit(t, i)) return false;
  return true;
}

/**
 * The shapes consent logs are made of, without a regular expression (millions of dates a run):
 * `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS`, with `Z` or `±HH:MM`. Undefined: not one of these shapes,
 * let the full parser decide. Gives exactly what the full parser gives (test/unit/dates.test.ts).
 */
function fastIso(t: string): number | undefined | null {
  const n = t.length;
  if (n !== 10 && n !== 19 && n !== 20 && n !== 25) return null;
  if (t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45 || !digits(t, 0, 4) || !digits(t, 5, 7) || !digits(t, 8, 10)) return null;
  const year = d(t, 0) * 1000 + d(t, 1) * 100 + d(t, 2) * 10 + d(t, 3);
  const month = d(t, 5) * 10 + d(t, 6);
  const day = d(t, 8) * 10 + d(t, 9);
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (n === 10) return Date.UTC(year, month - 1, day);
  const sep = t.charCodeAt(10);
  if ((sep !== 84 && sep !== 32) || t.charCodeAt(13) !== 58 || t.charCodeAt(16) !== 58 || !digits(t, 11, 13) || !digits(t, 14, 16) || !digits(t, 17, 19)) return null;
  const hour = d(t, 11) * 10 + d(t, 12), minute = d(t, 14) * 10 + d(t, 15), second = d(t, 17) * 10 + d(t, 18);
  if (hour > 23 || minute > 59 || second > 59) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  if (n === 19) return utc;
  if (n === 20) return t.charCodeAt(19) === 90 ? utc : null;
  const sign = t.charCodeAt(19);
  if ((sign !== 43 && sign !== 45) || t.charCodeAt(22) !== 58 || !digits(t, 20, 22) || !digits(t, 23, 25)) return null;
  const oh = d(t, 20) * 10 + d(t, 21), om = d(t, 23) * 10 + d(t, 24);
  if (oh > 23 || om > 59) return null;
  return utc - (sign === 45 ? -1 : 1) * (oh * 60 + om) * 60_000;
}

/** Milliseconds since the epoch, or undefined when the text is not such a date. */
export function parseIsoInstant(text: string): number | undefined {
  const fast = fastIso(text);
  if (fast !== null) return fast;
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y), month = Number(mo), day = Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  let offsetMinutes = 0;
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const oh = Number(zone.slice(1, 3)), om = Number(zone.slice(4, 6));
    if (oh > 23 || om > 59) return undefined;
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC maps years 0-99 to 1900-1999; set the full year explicitly.
  const fixed = year < 100 ? new Date(utc).setUTCFullYear(year) : utc;
  return fixed - offsetMinutes * 60_000;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS[month - 1]!;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

export function isoString(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * Day and month order of a slashed date (`03/04/2026`): day first in Russia and Europe, month
 * first in the US (issue #11). Dotted dates (`15.03.2026`) are always day first.
 */
export const DATE_ORDERS = ['dmy', 'mdy'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

const LOCAL = /^(\d{1,2})([./])(\d{1,2})\2(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
type Month = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;

/** A date as people write it: an instant, or why the text is not one (for the message). */
export type DateReading = { ms: number } | { problem: string };

/**
 * ISO 8601 as the contract says, and the forms of issue #11: `DD.MM.YYYY`, `DD/MM/YYYY` or
 * `MM/DD/YYYY` by `order` (a slashed date that can be read one way only is read that way:
 * `13/02/2026` is 13 February under either order), each with an optional ` HH:MM[:SS]`. No zone
 * is read from these forms: like an ISO datetime without an offset, they are UTC.
 */
export function readDate(text: string, order: DateOrder): DateReading {
  const iso = parseIsoInstant(text);
  if (iso !== undefined) return { ms: iso };
  const t = text.trim();
  const m = LOCAL.exec(t);
  if (!m) return { problem: tr('date.notDate') };
  const [, a, sep, b, y, h, mi, s] = m;
  let day = Number(a), month = Number(b);
  if (sep === '/') {
    const first = Number(a), second = Number(b);
    // Read the only way it can be read when one part is over 12; else by the order.
    const monthFirst = first > 12 && second <= 12 ? false : second > 12 && first <= 12 ? true : order === 'mdy';
    if (monthFirst) { month = first; day = second; } else { day = first; month = second; }
  }
  const year = Number(y);
  if (month < 1 || month > 12) return { problem: tr('date.noMonth', { month: String(month) }) };
  if (day < 1 || day > daysInMonth(year, month)) return { problem: tr('date.noDay', { month: tr(`date.month.${month as Month}`), year: String(year), day: String(day) }) };
  const hour = h === undefined ? 0 : Number(h), minute = mi === undefined ? 0 : Number(mi), second = s === undefined ? 0 : Number(s);
  if (hour > 23 || minute > 59 || second > 59) return { problem: tr('date.noTime') };
  return { ms: Date.UTC(year, month - 1, day, hour, minute, second) };
}

/** The same as readDate, for callers that need only the instant. */
export function parseDate(text: string, order: DateOrder): number | undefined {
  const r = readDate(text, order);
  return 'ms' in r ? r.ms : undefined;
}
