/**
 * Phone number -> IANA time zones, from Google libphonenumber's time-zone map
 * (`data/timezones/map_data.txt`, Apache-2.0; see data/timezones/README.md).
 *
 * The map's lines are `prefix|Zone1&Zone2...`, where the prefix is the E.164 digits without `+`
 * (country calling code followed by the start of the national significant number); `#` starts a
 * comment line. A number takes the zones of the LONGEST prefix that starts it, as libphonenumber's
 * own PhoneNumberToTimeZonesMapper does. Zone names are returned as the map writes them (CLDR's
 * stable ids, e.g. `Asia/Calcutta`, `America/Godthab`); all of them are IANA names or IANA links,
 * and Node's ICU accepts every one of them.
 *
 * The file is read once, lazily, on the first look-up, from the package's data/ folder.
 */
import { readFileSync } from 'node:fs';
import { packageFile } from '../package-root.js';

export const TIMEZONE_MAP_URL = packageFile('data/timezones/map_data.txt');

/** What libphonenumber answers for a number it cannot place; never returned from here. */
export const UNKNOWN_TIME_ZONE = 'Etc/Unknown';

export interface TimeZoneMap {
  /** prefix digits (no `+`) -> its zones, in the file's order */
  readonly byPrefix: ReadonlyMap<string, readonly string[]>;
  /** length of the longest prefix, so a look-up tries at most this many lengths */
  readonly maxPrefixLength: number;
}

const PREFIX = /^[0-9]+$/;
const ZONE = /^[A-Za-z][A-Za-z0-9_+\-]*(?:\/[A-Za-z0-9_+\-]+)*$/;

/**
 * Parses the text of a libphonenumber time-zone map. Throws an Error naming the line on anything
 * that is not a comment, a blank line or a well-formed `prefix|zone&zone` line, and on a prefix
 * listed twice: a broken data file is a packaging bug, not something to guess around.
 */
export function parseTimeZoneMap(text: string, source = 'map_data.txt'): TimeZoneMap {
  const byPrefix = new Map<string, readonly string[]>();
  let maxPrefixLength = 0;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const where = `${source}:${i + 1}`;
    const bar = line.indexOf('|');
    if (bar < 0) throw new Error(`${where}: expected "prefix|zones", got ${JSON.stringify(line)}`);
    const prefix = line.slice(0, bar);
    const zones = line.slice(bar + 1).split('&');
    if (!PREFIX.test(prefix)) throw new Error(`${where}: prefix ${JSON.stringify(prefix)} is not digits`);
    for (const zone of zones) {
      if (!ZONE.test(zone)) throw new Error(`${where}: ${JSON.stringify(zone)} is not a time-zone name`);
    }
    if (byPrefix.has(prefix)) throw new Error(`${where}: prefix ${prefix} is listed twice`);
    byPrefix.set(prefix, Object.freeze(zones));
    if (prefix.length > maxPrefixLength) maxPrefixLength = prefix.length;
  }
  return { byPrefix, maxPrefixLength };
}

let loaded: TimeZoneMap | undefined;

/** The shipped map, read and parsed on first use. */
export function timeZoneMap(): TimeZoneMap {
  loaded ??= parseTimeZoneMap(readFileSync(TIMEZONE_MAP_URL, 'utf8'), 'data/timezones/map_data.txt');
  return loaded;
}

/**
 * The zones of the longest prefix in `map` that starts `e164` (`+` optional, digits only);
 * [] when no prefix matches, when the input is not `+digits`, or when the map says `Etc/Unknown`.
 */
export function lookUpTimeZones(map: TimeZoneMap, e164: string): string[] {
  const digits = e164.startsWith('+') ? e164.slice(1) : e164;
  if (!PREFIX.test(digits)) return [];
  for (let len = Math.min(digits.length, map.maxPrefixLength); len > 0; len--) {
    const zones = map.byPrefix.get(digits.slice(0, len));
    if (zones) return zones.filter((z) => z !== UNKNOWN_TIME_ZONE);
  }
  return [];
}

/**
 * The IANA time zones of a number in E.164 form: `'+12015550123'` -> `['America/New_York']`.
 * Several zones when the map cannot narrow the number down (`'+44...'` outside its listed area
 * codes, a whole country such as `'+7'` mobile ranges); `[]` for a number the map does not place.
 * Returns a fresh array each call.
 */
export function timeZonesFor(e164: string): string[] {
  return lookUpTimeZones(timeZoneMap(), e164);
}
