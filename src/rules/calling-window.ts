/**
 * Calling windows (issue 4, `us-tcpa`): the UTC interval in which a number may be called, given the
 * time zones its number maps to (src/phone/timezones.ts) and the local hours a policy allows
 * (47 CFR 64.1200(c)(1): not before 8 a.m. or after 9 p.m. local time at the called party's
 * location). Only `Intl` is used: Node 20 ships full ICU and its time-zone data.
 */

const HHMM = /^(\d{2}):(\d{2})$/;
const MINUTE = 60_000;
const DAY = 86_400_000;

/** A local time of day as minutes after midnight: `'08:00'` -> 480; `'24:00'` (end of day) -> 1440. */
export function parseClock(text: string): number {
  const m = HHMM.exec(text);
  const h = m ? Number(m[1]) : NaN;
  const min = m ? Number(m[2]) : NaN;
  if (!m || min > 59 || h > 24 || (h === 24 && min !== 0)) {
    throw new RangeError(`not a time of day (HH:MM, 00:00 to 24:00): ${JSON.stringify(text)}`);
  }
  return h * 60 + min;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    // Throws RangeError for a zone ICU does not know.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

/**
 * The UTC offset of `zone` at the instant `epochMs`, in minutes east of UTC (local = UTC + offset):
 * America/New_York in January -> -300, in July -> -240; Asia/Kolkata -> 330. Taken from
 * Intl.DateTimeFormat, so it follows the zone's rules (DST, historical changes) at that instant.
 * Throws RangeError for an unknown zone.
 */
export function utcOffsetMinutes(zone: string, epochMs: number): number {
  if (!Number.isFinite(epochMs)) throw new RangeError(`not an instant: ${epochMs}`);
  const at = Math.floor(epochMs / 1000) * 1000; // the wall clock shows whole seconds
  const parts: Record<string, string> = {};
  for (const p of formatterFor(zone).formatToParts(at)) parts[p.type] = p.value;
  let year = Number(parts.year);
  if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
  const wall = Date.UTC(year, Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  // Date.UTC maps years 0..99 to 1900..1999; redo those exactly.
  const fixed = year >= 0 && year < 100 ? new Date(wall).setUTCFullYear(year) : wall;
  return (fixed - at) / MINUTE;
}

/**
 * The instant at which the wall clock of `zone` shows `minutes` after midnight of the calendar day
 * `year-month-day` (month 1..12; minutes may be 1440 for the end of the day). Resolved like
 * Temporal's `disambiguation: 'compatible'`: a time skipped by a forward clock change (a DST gap)
 * is taken as the same distance past the change (02:30 in a 02:00->03:00 gap is 03:30), and a
 * time that occurs twice (a backward change) is its first occurrence.
 */
export function zonedTimeToUtc(zone: string, year: number, month: number, day: number, minutes: number): number {
  // The wall-clock reading written as if it were UTC (setUTCFullYear is exact for years 0..99 too).
  const local = new Date(0).setUTCFullYear(year, month - 1, day) + minutes * MINUTE;
  const before = utcOffsetMinutes(zone, local - DAY);
  const after = utcOffsetMinutes(zone, local + DAY);
  const candidates = [...new Set([before, after])]
    .map((offset) => local - offset * MINUTE)
    .filter((t) => t + utcOffsetMinutes(zone, t) * MINUTE === local);
  if (candidates.length > 0) return Math.min(...candidates);
  return local - before * MINUTE; // in a gap: shift forward by the gap's length
}

function clock(epochMs: number): string {
  const d = new Date(epochMs);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

const cache = new Map<string, string>();
const CACHE_LIMIT = 10_000;

/**
 * The UTC calling window for a number whose possible time zones are `zones`, as `HH:MM-HH:MM`.
 *
 * Definition:
 * - **The --as-of date** is the calendar date of `asOf` in UTC (`2026-01-15T23:30:00-05:00` is
 *   2026-01-16). Every zone is judged on that same calendar date, D.
 * - For each zone, its window is the UTC interval from the instant its wall clock shows `from` on D
 *   to the instant it shows `to` on D, both computed with Intl's offsets for those instants (so DST
 *   is honoured, also on the day the clocks change; a local time skipped or repeated by the change
 *   is resolved as in {@link zonedTimeToUtc}).
 * - The result is the intersection of all the zones' windows: the instants that are between `from`
 *   and `to` on D in EVERY zone. It is `''` when the intersection is empty or a single instant
 *   (zones more than `to - from` hours apart, e.g. Asia/Tokyo and America/Los_Angeles), and `''`
 *   when `zones` is empty (the number could not be placed: no window can be promised).
 * - It is written as UTC `start-end`, each `HH:MM`. An interval that runs past midnight UTC keeps
 *   the same form with end < start: New York on 2026-01-15 (08:00-21:00 EST) is `13:00-02:00`, i.e.
 *   13:00 UTC on D to 02:00 UTC on D+1. The interval always starts on D-1, D or D+1 (UTC) and is
 *   shorter than a day for any from < to that is not 00:00-24:00, so the form is unambiguous.
 * - Bounds are inclusive of both ends, as the rule is "not before 8 a.m. or after 9 p.m.".
 *
 * `from` and `to` are local times `HH:MM` (`to` may be `24:00`) with from < to; anything else,
 * an unknown zone or a non-finite `asOf` throws RangeError. Results are memoised per date.
 */
export function callWindowUtc(zones: readonly string[], asOf: number, from = '08:00', to = '21:00'): string {
  if (!Number.isFinite(asOf)) throw new RangeError(`not an instant: ${asOf}`);
  const start = parseClock(from);
  const end = parseClock(to);
  if (start >= end) throw new RangeError(`calling window ${from}-${to}: the start must be before the end`);
  if (zones.length === 0) return '';
  const d = new Date(asOf);
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  const key = `${y}-${m}-${day}|${start}|${end}|${zones.join('|')}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;

  let lo = -Infinity;
  let hi = Infinity;
  for (const zone of zones) {
    lo = Math.max(lo, zonedTimeToUtc(zone, y, m, day, start));
    hi = Math.min(hi, zonedTimeToUtc(zone, y, m, day, end));
  }
  // Whole minutes, inward: a start with seconds (historical offsets) rounds up, an end rounds down.
  lo = Math.ceil(lo / MINUTE) * MINUTE;
  hi = Math.floor(hi / MINUTE) * MINUTE;
  const result = lo < hi ? `${clock(lo)}-${clock(hi)}` : '';

  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, result);
  return result;
}
