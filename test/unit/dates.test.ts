import { describe, expect, it } from 'vitest';
import { isoString, parseIsoInstant } from '../../src/dates.js';

const utc = (s: string) => Date.parse(s);

describe('parseIsoInstant', () => {
  it('reads a date alone as 00:00 UTC of that day', () => {
    expect(parseIsoInstant('2026-11-28')).toBe(utc('2026-11-28T00:00:00.000Z'));
  });

  it('reads a datetime without an offset as UTC', () => {
    expect(parseIsoInstant('2026-11-28T09:15')).toBe(utc('2026-11-28T09:15:00.000Z'));
    expect(parseIsoInstant('2026-11-28T09:15:30')).toBe(utc('2026-11-28T09:15:30.000Z'));
  });

  it('reads Z and a numeric offset', () => {
    expect(parseIsoInstant('2026-11-28T09:00Z')).toBe(utc('2026-11-28T09:00:00.000Z'));
    expect(parseIsoInstant('2026-11-28T09:00:00+03:00')).toBe(utc('2026-11-28T06:00:00.000Z'));
    expect(parseIsoInstant('2026-11-28T09:00:00-05:30')).toBe(utc('2026-11-28T14:30:00.000Z'));
    expect(parseIsoInstant('2026-11-28T01:00+03:00')).toBe(utc('2026-11-27T22:00:00.000Z'));
  });

  it('accepts a space for the T', () => {
    expect(parseIsoInstant('2026-11-28 09:00:00')).toBe(utc('2026-11-28T09:00:00.000Z'));
    expect(parseIsoInstant('2026-11-28 09:00+03:00')).toBe(utc('2026-11-28T06:00:00.000Z'));
  });

  it('reads seconds and fractions of a second', () => {
    expect(parseIsoInstant('2026-11-28T09:00:05.5Z')).toBe(utc('2026-11-28T09:00:05.500Z'));
    expect(parseIsoInstant('2026-11-28T09:00:05.123Z')).toBe(utc('2026-11-28T09:00:05.123Z'));
    expect(parseIsoInstant('2026-11-28T09:00:05.123456')).toBe(utc('2026-11-28T09:00:05.123Z'));
    expect(parseIsoInstant('2026-11-28T09:00:05,25Z')).toBe(utc('2026-11-28T09:00:05.250Z'));
  });

  it('reads every millisecond fraction exactly', () => {
    for (let ms = 0; ms < 1000; ms++) {
      const f = String(ms).padStart(3, '0');
      expect(parseIsoInstant(`2026-01-01T00:00:00.${f}Z`)).toBe(utc('2026-01-01T00:00:00.000Z') + ms);
    }
  });

  it('trims surrounding white space', () => {
    expect(parseIsoInstant('  2026-11-28  ')).toBe(utc('2026-11-28T00:00:00.000Z'));
  });

  it('accepts 29 February in a leap year only', () => {
    expect(parseIsoInstant('2028-02-29')).toBe(utc('2028-02-29T00:00:00.000Z'));
    expect(parseIsoInstant('2000-02-29')).toBe(utc('2000-02-29T00:00:00.000Z'));
    expect(parseIsoInstant('2026-02-29')).toBeUndefined();
    expect(parseIsoInstant('1900-02-29')).toBeUndefined();
  });

  it.each([
    '2026-02-30',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-1-1',
    '26-01-01',
    'yesterday',
    '',
    '   ',
    '2026-01-01T24:00',
    '2026-01-01T12:60',
    '2026-01-01T12:00:60',
    '2026-01-01T9:00',
    '2026-01-01T12',
    '2026-01-01T12:00+3',
    '2026-01-01T12:00+0300',
    '2026-01-01T12:00+24:00',
    '2026-01-01T12:00+03:60',
    '2026-01-01Z',
    '28.11.2026',
    '2026/11/28',
    '2026-11-28T09:00:00.Z',
  ])('rejects %j', (text) => {
    expect(parseIsoInstant(text)).toBeUndefined();
  });
});

describe('isoString', () => {
  it('gives the UTC ISO form', () => {
    expect(isoString(parseIsoInstant('2026-11-28T09:00+03:00')!)).toBe('2026-11-28T06:00:00.000Z');
  });
});

describe('parseIsoInstant fast path', () => {
  it('gives what the full parser gives for every shape (the full parser sees the text padded)', () => {
    // The fast path takes only exact lengths; padding with spaces sends the same text to the regex.
    let seed = 7;
    const rnd = (n: number) => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed % n; };
    const pad = (x: number, w: number) => String(x).padStart(w, '0');
    let checked = 0;
    for (let i = 0; i < 20_000; i++) {
      const base = `${pad([1999, 2000, 2024, 2100, 1900, 99, 2026][rnd(7)]!, 4)}-${pad(rnd(14), 2)}-${pad(rnd(33), 2)}`;
      const time = `${['T', ' ', 't'][rnd(3)]}${pad(rnd(26), 2)}:${pad(rnd(62), 2)}:${pad(rnd(62), 2)}`;
      for (const text of [base, `${base}${time}`, `${base}${time}${['Z', 'z', '+03:00', '-05:30', '+24:00', '-00:61'][rnd(6)]}`]) {
        expect(parseIsoInstant(text), text).toBe(parseIsoInstant(` ${text} `));
        checked++;
      }
    }
    expect(checked).toBe(60_000);
  });
});
