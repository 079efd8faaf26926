import { describe, expect, it } from 'vitest';
import { callWindowUtc, parseClock, utcOffsetMinutes, zonedTimeToUtc } from '../../src/rules/calling-window.js';
import { timeZonesFor } from '../../src/phone/timezones.js';

const at = (iso: string): number => Date.parse(iso);
const WINTER = at('2026-01-15T12:00:00Z');
const SUMMER = at('2026-07-15T12:00:00Z');
const NY = 'America/New_York';
const LA = 'America/Los_Angeles';

describe('utcOffsetMinutes', () => {
  it('follows DST', () => {
    expect(utcOffsetMinutes(NY, WINTER)).toBe(-300);
    expect(utcOffsetMinutes(NY, SUMMER)).toBe(-240);
    expect(utcOffsetMinutes('Europe/London', WINTER)).toBe(0);
    expect(utcOffsetMinutes('Europe/London', SUMMER)).toBe(60);
    expect(utcOffsetMinutes('Australia/Sydney', WINTER)).toBe(660); // southern summer
  });

  it('changes exactly at the transition instant', () => {
    // 2026-03-08 02:00 EST -> 03:00 EDT, i.e. 07:00 UTC.
    expect(utcOffsetMinutes(NY, at('2026-03-08T06:59:59Z'))).toBe(-300);
    expect(utcOffsetMinutes(NY, at('2026-03-08T07:00:00Z'))).toBe(-240);
  });

  it('handles half- and quarter-hour zones and zones without DST', () => {
    expect(utcOffsetMinutes('Asia/Kolkata', WINTER)).toBe(330);
    expect(utcOffsetMinutes('Asia/Calcutta', SUMMER)).toBe(330);
    expect(utcOffsetMinutes('Asia/Kathmandu', WINTER)).toBe(345);
    expect(utcOffsetMinutes('America/St_Johns', WINTER)).toBe(-210);
    expect(utcOffsetMinutes('Pacific/Chatham', WINTER)).toBe(825);
    expect(utcOffsetMinutes('Europe/Moscow', WINTER)).toBe(180);
    expect(utcOffsetMinutes('UTC', WINTER)).toBe(0);
  });

  it('rejects unknown zones and non-instants', () => {
    expect(() => utcOffsetMinutes('Mars/Olympus_Mons', WINTER)).toThrow(RangeError);
    expect(() => utcOffsetMinutes(NY, Number.NaN)).toThrow(RangeError);
  });
});

describe('zonedTimeToUtc', () => {
  it('converts an ordinary local time', () => {
    expect(new Date(zonedTimeToUtc(NY, 2026, 1, 15, 8 * 60)).toISOString()).toBe('2026-01-15T13:00:00.000Z');
    expect(new Date(zonedTimeToUtc(NY, 2026, 1, 15, 24 * 60)).toISOString()).toBe('2026-01-16T05:00:00.000Z');
  });

  it('moves a time skipped by spring-forward past the gap', () => {
    expect(new Date(zonedTimeToUtc(NY, 2026, 3, 8, 2 * 60 + 30)).toISOString()).toBe('2026-03-08T07:30:00.000Z'); // = 03:30 EDT
  });

  it('takes the first of a time repeated by fall-back', () => {
    expect(new Date(zonedTimeToUtc(NY, 2026, 11, 1, 60 + 30)).toISOString()).toBe('2026-11-01T05:30:00.000Z'); // 01:30 EDT
  });

  it('survives a calendar day a zone skipped entirely', () => {
    // Samoa went from 2011-12-29 to 2011-12-31.
    const t = zonedTimeToUtc('Pacific/Apia', 2011, 12, 30, 8 * 60);
    expect(Number.isFinite(t)).toBe(true);
  });
});

describe('parseClock', () => {
  it('reads HH:MM', () => {
    expect(parseClock('08:00')).toBe(480);
    expect(parseClock('21:00')).toBe(1260);
    expect(parseClock('00:00')).toBe(0);
    expect(parseClock('24:00')).toBe(1440);
  });

  it.each(['8:00', '08:60', '24:01', '25:00', '0800', '', ' 08:00'])('rejects %j', (text) => {
    expect(() => parseClock(text)).toThrow(RangeError);
  });
});

describe('callWindowUtc', () => {
  it('New York in winter: 08:00-21:00 EST is 13:00-02:00 UTC (end < start: it runs past midnight UTC)', () => {
    expect(callWindowUtc([NY], WINTER)).toBe('13:00-02:00');
  });

  it('New York in summer: 08:00-21:00 EDT is 12:00-01:00 UTC', () => {
    expect(callWindowUtc([NY], SUMMER)).toBe('12:00-01:00');
  });

  it('uses the offsets in force on the day itself across DST changes', () => {
    expect(callWindowUtc([NY], at('2026-03-07T12:00:00Z'))).toBe('13:00-02:00'); // last EST day
    expect(callWindowUtc([NY], at('2026-03-08T12:00:00Z'))).toBe('12:00-01:00'); // clocks go forward at 02:00
    expect(callWindowUtc([NY], at('2026-10-31T12:00:00Z'))).toBe('12:00-01:00');
    expect(callWindowUtc([NY], at('2026-11-01T12:00:00Z'))).toBe('13:00-02:00'); // clocks go back at 02:00
    expect(callWindowUtc(['Europe/London'], at('2026-03-29T00:30:00Z'))).toBe('07:00-20:00'); // BST from 01:00 UTC
  });

  it('takes the --as-of date as the UTC calendar date of asOf', () => {
    // 2026-01-16T03:00Z is still the 15th in New York, but the day judged is the 16th.
    expect(callWindowUtc([NY], at('2026-03-08T03:00:00Z'))).toBe('12:00-01:00'); // 2026-03-07 22:00 EST locally
    expect(callWindowUtc([NY], at('2026-03-07T23:59:59.999Z'))).toBe('13:00-02:00');
    expect(callWindowUtc([NY], at('2026-03-08T00:00:00Z'))).toBe('12:00-01:00');
  });

  it('intersects several zones: New York + Los Angeles', () => {
    expect(callWindowUtc([NY, LA], WINTER)).toBe('16:00-02:00');
    expect(callWindowUtc([LA, NY], WINTER)).toBe('16:00-02:00');
    expect(callWindowUtc([NY, LA], SUMMER)).toBe('15:00-01:00');
  });

  it('is empty when the zones share no time on that date', () => {
    expect(callWindowUtc(['Asia/Tokyo', LA], WINTER)).toBe('');
    // 13 hours apart: the windows only touch at 18:00 UTC, which is no window at all.
    expect(callWindowUtc(['Europe/Moscow', 'Pacific/Honolulu'], WINTER)).toBe('');
    // A +1 number outside the listed area codes maps to all 41 NANP zones, Guam (UTC+10) to Adak (UTC-10).
    expect(timeZonesFor('+19995550123')).toHaveLength(41);
    expect(callWindowUtc(timeZonesFor('+19995550123'), WINTER)).toBe('');
  });

  it('narrows to what all zones share: Russian mobiles map to all of +7 (UTC+2 to UTC+12)', () => {
    // 08:00 in Europe/Bucharest (EET) is 06:00 UTC; 21:00 in Kamchatka is 09:00 UTC.
    expect(callWindowUtc(timeZonesFor('+79161234567'), WINTER)).toBe('06:00-09:00');
  });

  it('Moscow + Los Angeles do overlap on the same date (11 h apart, a 13 h window)', () => {
    expect(callWindowUtc(['Europe/Moscow', LA], WINTER)).toBe('16:00-18:00'); // 19-21 MSK, 08-10 PST
    expect(callWindowUtc(['Europe/Moscow', LA], SUMMER)).toBe('15:00-18:00'); // PDT
  });

  it('handles half-hour and quarter-hour offsets', () => {
    expect(callWindowUtc(['Asia/Kolkata'], WINTER)).toBe('02:30-15:30');
    expect(callWindowUtc(timeZonesFor('+911123456789'), WINTER)).toBe('02:30-15:30'); // Asia/Calcutta
    expect(callWindowUtc(['Asia/Kathmandu'], SUMMER)).toBe('02:15-15:15');
    expect(callWindowUtc(['Asia/Kolkata', NY], WINTER)).toBe('13:00-15:30');
  });

  it('writes a window that starts the UTC day before in the same form', () => {
    // Sydney is UTC+11 in January: 08:00 local on the 15th is 21:00 UTC on the 14th.
    expect(callWindowUtc(['Australia/Sydney'], WINTER)).toBe('21:00-10:00');
  });

  it('works from a looked-up number', () => {
    expect(callWindowUtc(timeZonesFor('+12015550123'), WINTER)).toBe('13:00-02:00');
    expect(callWindowUtc(timeZonesFor('+74951234567'), WINTER)).toBe('05:00-18:00');
    expect(callWindowUtc(timeZonesFor('+12083001234'), WINTER)).toBe('16:00-04:00'); // Boise (MST) + LA (PST)
  });

  it('is empty for no zones', () => {
    expect(callWindowUtc([], WINTER)).toBe('');
    expect(callWindowUtc(timeZonesFor('+80012345678'), WINTER)).toBe('');
  });

  it('takes other local hours', () => {
    expect(callWindowUtc([NY], WINTER, '09:00', '17:30')).toBe('14:00-22:30');
    expect(callWindowUtc([NY], WINTER, '00:00', '12:00')).toBe('05:00-17:00');
  });

  it('is the same on repeated calls (memoised)', () => {
    const first = callWindowUtc([NY, LA], WINTER);
    expect(callWindowUtc([NY, LA], WINTER + 3_600_000)).toBe(first);
  });

  it('rejects bad hours, unknown zones and bad instants', () => {
    expect(() => callWindowUtc([NY], WINTER, '21:00', '08:00')).toThrow(RangeError);
    expect(() => callWindowUtc([NY], WINTER, '08:00', '08:00')).toThrow(RangeError);
    expect(() => callWindowUtc([NY], WINTER, '8am', '21:00')).toThrow(RangeError);
    expect(() => callWindowUtc(['Mars/Olympus_Mons'], WINTER)).toThrow(RangeError);
    expect(() => callWindowUtc([NY], Number.NaN)).toThrow(RangeError);
  });
});
