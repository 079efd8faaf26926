import { describe, expect, it } from 'vitest';
import { readDate } from '../../src/dates.js';

const utc = (s: string) => ({ ms: Date.parse(s) });

describe('readDate: dates as people write them (issue #11)', () => {
  it('reads ISO 8601 as before, under either order', () => {
    expect(readDate('2026-03-15', 'dmy')).toEqual(utc('2026-03-15T00:00:00Z'));
    expect(readDate('2026-03-15 14:30', 'mdy')).toEqual(utc('2026-03-15T14:30:00Z'));
  });

  it('reads DD.MM.YYYY day first under either order, with an optional time, as UTC', () => {
    expect(readDate('15.03.2026', 'dmy')).toEqual(utc('2026-03-15T00:00:00Z'));
    expect(readDate('03.04.2026', 'mdy')).toEqual(utc('2026-04-03T00:00:00Z'));
    expect(readDate('1.3.2026', 'dmy')).toEqual(utc('2026-03-01T00:00:00Z'));
    expect(readDate('15.03.2026 14:30', 'dmy')).toEqual(utc('2026-03-15T14:30:00Z'));
    expect(readDate(' 15.03.2026 14:30:05 ', 'dmy')).toEqual(utc('2026-03-15T14:30:05Z'));
  });

  it('reads a slashed date by the order', () => {
    expect(readDate('03/04/2026', 'dmy')).toEqual(utc('2026-04-03T00:00:00Z'));
    expect(readDate('03/04/2026', 'mdy')).toEqual(utc('2026-03-04T00:00:00Z'));
    expect(readDate('03/04/2026 09:15', 'mdy')).toEqual(utc('2026-03-04T09:15:00Z'));
  });

  it('reads a slashed date that has one reading that way under either order', () => {
    expect(readDate('13/02/2026', 'mdy')).toEqual(utc('2026-02-13T00:00:00Z'));
    expect(readDate('13/02/2026', 'dmy')).toEqual(utc('2026-02-13T00:00:00Z'));
    expect(readDate('02/13/2026', 'dmy')).toEqual(utc('2026-02-13T00:00:00Z'));
  });

  it('says why an impossible date is not a date', () => {
    expect(readDate('31.02.2026', 'dmy')).toEqual({ problem: 'is not a date (February 2026 has no day 31)' });
    expect(readDate('29.02.2026', 'dmy')).toEqual({ problem: 'is not a date (February 2026 has no day 29)' });
    expect(readDate('29.02.2028', 'dmy')).toEqual(utc('2028-02-29T00:00:00Z'));
    expect(readDate('13/13/2026', 'dmy')).toEqual({ problem: 'is not a date (there is no month 13)' });
    expect(readDate('15.03.2026 24:00', 'dmy')).toEqual({ problem: 'is not a date (no such time of day)' });
  });

  it('refuses what is no date at all', () => {
    for (const t of ['15.03.2026x', 'yesterday', '15-03-2026', '15.03.26', '03/04/2026Z', '']) expect(readDate(t, 'dmy')).toEqual({ problem: 'is not a date' });
  });
});
