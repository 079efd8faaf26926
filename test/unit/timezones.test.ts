import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  TIMEZONE_MAP_URL,
  lookUpTimeZones,
  parseTimeZoneMap,
  timeZoneMap,
  timeZonesFor,
} from '../../src/phone/timezones.js';

describe('timeZonesFor (libphonenumber map, longest prefix wins)', () => {
  it('places a US number by its area code', () => {
    expect(timeZonesFor('+12015550123')).toEqual(['America/New_York']); // 201: New Jersey
    expect(timeZonesFor('+13105550123')).toEqual(['America/Los_Angeles']);
  });

  it('places Moscow and Siberian numbers', () => {
    expect(timeZonesFor('+74951234567')).toEqual(['Europe/Moscow']); // 495: Moscow
    expect(timeZonesFor('+73832123456')).toEqual(['Asia/Novosibirsk']); // 383: Novosibirsk
    expect(timeZonesFor('+73912123456')).toEqual(['Asia/Krasnoyarsk']); // 391: Krasnoyarsk
  });

  it('places a London number', () => {
    expect(timeZonesFor('+442071234567')).toEqual(['Europe/London']);
    expect(timeZonesFor('+441481123456')).toEqual(['Europe/Guernsey']);
  });

  it('returns every zone of a prefix that spans several', () => {
    // UK mobiles are only known at country level: the Crown Dependencies and London.
    expect(timeZonesFor('+447911123456')).toEqual(['Europe/Guernsey', 'Europe/Isle_of_Man', 'Europe/Jersey', 'Europe/London']);
    // Idaho 208-30x: Mountain and Pacific.
    expect(timeZonesFor('+12083001234')).toEqual(['America/Boise', 'America/Los_Angeles']);
    // Russian mobiles: the whole of +7, sixteen zones.
    const ru = timeZonesFor('+79161234567');
    expect(ru).toHaveLength(16);
    expect(ru).toContain('Europe/Moscow');
    expect(ru).toContain('Asia/Kamchatka');
  });

  it('prefers the longest matching prefix', () => {
    expect(timeZonesFor('+12082011234')).toEqual(['America/Denver']); // 1208201
    expect(timeZonesFor('+12082151234')).toEqual(['America/Los_Angeles']); // 1208215
    expect(timeZonesFor('+12082991234')).toEqual(['America/Boise', 'America/Los_Angeles']); // 12082
    expect(timeZonesFor('+5581300123456')).toEqual(['America/Noronha']); // 5581300 under 558130 (Sao Paulo)
  });

  it('returns the map name for India, which Intl accepts', () => {
    expect(timeZonesFor('+911123456789')).toEqual(['Asia/Calcutta']);
  });

  it('returns [] for numbers the map does not place and for non-E.164 input', () => {
    expect(timeZonesFor('+80012345678')).toEqual([]); // international freephone
    expect(timeZonesFor('+999123')).toEqual([]);
    expect(timeZonesFor('')).toEqual([]);
    expect(timeZonesFor('+')).toEqual([]);
    expect(timeZonesFor('+1 201 555 0123')).toEqual([]);
    expect(timeZonesFor('not a number')).toEqual([]);
  });

  it('accepts the digits without +', () => {
    expect(timeZonesFor('12015550123')).toEqual(['America/New_York']);
  });

  it('returns a fresh array', () => {
    const a = timeZonesFor('+12015550123');
    a.push('x');
    expect(timeZonesFor('+12015550123')).toEqual(['America/New_York']);
  });
});

describe('lookUpTimeZones / parseTimeZoneMap', () => {
  const map = parseTimeZoneMap(
    ['# comment', '', '1|A/One&A/Two', '12|A/Twelve', '123|Etc/Unknown', '1234|Etc/Unknown&A/Real', '  '].join('\n'),
  );

  it('skips comments and blank lines and records the longest prefix', () => {
    expect([...map.byPrefix.keys()]).toEqual(['1', '12', '123', '1234']);
    expect(map.maxPrefixLength).toBe(4);
  });

  it('matches the longest prefix', () => {
    expect(lookUpTimeZones(map, '+1999')).toEqual(['A/One', 'A/Two']);
    expect(lookUpTimeZones(map, '+1299')).toEqual(['A/Twelve']);
    expect(lookUpTimeZones(map, '+2')).toEqual([]);
  });

  it('treats Etc/Unknown as no zone', () => {
    expect(lookUpTimeZones(map, '+12399')).toEqual([]);
    expect(lookUpTimeZones(map, '+12345')).toEqual(['A/Real']);
  });

  it('rejects malformed lines, naming the line', () => {
    expect(() => parseTimeZoneMap('# x\n1|A/B\n12 A/B\n', 'm.txt')).toThrow(/^m\.txt:3: expected "prefix\|zones"/);
    expect(() => parseTimeZoneMap('1x|A/B', 'm.txt')).toThrow(/m\.txt:1: prefix "1x" is not digits/);
    expect(() => parseTimeZoneMap('1|A/B&&C/D', 'm.txt')).toThrow(/m\.txt:1: "" is not a time-zone name/);
    expect(() => parseTimeZoneMap('1|A/B\n1|C/D', 'm.txt')).toThrow(/m\.txt:2: prefix 1 is listed twice/);
  });
});

describe('the shipped data file', () => {
  const text = readFileSync(TIMEZONE_MAP_URL, 'utf8');
  const dataLines = text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));

  it('keeps the Apache-2.0 header', () => {
    expect(text.startsWith('# Copyright (C) 2012 The Libphonenumber Authors\n')).toBe(true);
    expect(text).toContain('# http://www.apache.org/licenses/LICENSE-2.0');
  });

  it('is complete: from +1 to +998, sorted, every prefix once', () => {
    expect(dataLines[0]!.startsWith('1|America/Adak&')).toBe(true);
    expect(dataLines.at(-1)).toBe('998|Asia/Tashkent');
    expect(text.endsWith('998|Asia/Tashkent\n')).toBe(true);
    expect(timeZoneMap().byPrefix.size).toBe(3182);
    expect(timeZoneMap().maxPrefixLength).toBe(8);
    const prefixes = dataLines.map((l) => l.slice(0, l.indexOf('|')));
    expect([...prefixes].sort()).toEqual(prefixes);
  });

  it('names only zones that Intl knows', () => {
    const zones = new Set([...timeZoneMap().byPrefix.values()].flat());
    const unknown = [...zones].filter((z) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: z });
        return false;
      } catch {
        return true;
      }
    });
    expect(unknown).toEqual([]);
  });
});
