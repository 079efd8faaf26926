/**
 * The benchmark's pure logic (issue #16 item 6): medians and spreads, the rule that stops the
 * alternating pairs, GNU time's output, load averages as printed, the targets table, the
 * large-evidence steps option and how the workers probe packs a batch. No timing is asserted.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { fmtLoad, loadRange, loadsOf, median, parseTimeOutput, spread, stopRule, targetLines, targetRows } from '../../scripts/bench/stats.mjs';
// @ts-expect-error: a plain .mjs script without type declarations
import { parseSteps } from '../../scripts/bench/evidence.mjs';
// @ts-expect-error: a plain .mjs script without type declarations
import { dataName } from '../../scripts/bench/contestants.mjs';
// @ts-expect-error: a plain .mjs script without type declarations
import { packBatch, unpackBatch } from '../../scripts/bench/workers-pack.mjs';

interface TargetRow { name: string; value: number | null; shown: string; goal: string; met: boolean | undefined; load: string }
const rowsOf = targetRows as (m: Record<string, unknown>) => TargetRow[];
const find = (rows: TargetRow[], start: string): TargetRow => {
  const r = rows.find((x) => x.name.startsWith(start));
  if (!r) throw new Error(`no target row starting with ${start}`);
  return r;
};

describe('median and spread', () => {
  it('takes the middle value, or the mean of the two middle ones, whatever the order', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5])).toBe(5);
    expect(Number.isNaN(median([]))).toBe(true);
  });

  it('is (max - min) / median', () => {
    expect(spread([0.9, 1.0, 1.1])).toBeCloseTo(0.2, 12);
    expect(spread([2, 2, 2, 2])).toBe(0);
    expect(spread([1, 3])).toBeCloseTo(1, 12);
  });

  it('has no value for fewer than two figures or a median that is not positive', () => {
    expect(Number.isNaN(spread([1.2]))).toBe(true);
    expect(Number.isNaN(spread([0, 0, 0]))).toBe(true);
  });
});

describe('the stop rule of the alternating pairs', () => {
  const opts = { min: 3, max: 7, limit: 0.1 };

  it('does not stop before the minimum, however close the ratios', () => {
    expect(stopRule([[1, 1]], opts)).toEqual({ stop: false, why: undefined });
  });

  it('stops once every watched series is within the limit', () => {
    expect(stopRule([[1.0, 1.05, 1.02], [0.9, 0.92, 0.91]], opts)).toEqual({ stop: true, why: 'settled' });
  });

  it('goes on while one series is spread wider than the limit', () => {
    expect(stopRule([[1.0, 1.05, 1.02], [0.9, 1.2, 0.95]], opts).stop).toBe(false);
  });

  it('counts a spread exactly at the limit as within it', () => {
    expect(stopRule([[0.75, 1, 1.25]], { ...opts, limit: 0.5 })).toEqual({ stop: true, why: 'settled' });
    expect(stopRule([[0.75, 1, 1.25]], { ...opts, limit: 0.49 }).stop).toBe(false);
  });

  it('stops at the maximum even when unsettled', () => {
    const wide = [1, 2, 1, 2, 1, 2, 1];
    expect(stopRule([wide], opts)).toEqual({ stop: true, why: 'max' });
    expect(stopRule([wide.slice(0, 6)], opts).stop).toBe(false);
  });

  it('runs exactly N pairs when min = max = N (--pairs N)', () => {
    expect(stopRule([[1, 1]], { min: 2, max: 2, limit: 0.1 })).toEqual({ stop: true, why: 'settled' });
    expect(stopRule([[1, 3]], { min: 2, max: 2, limit: 0.1 })).toEqual({ stop: true, why: 'max' });
    expect(stopRule([[1]], { min: 2, max: 2, limit: 0.1 }).stop).toBe(false);
  });

  it('counts pairs by the shortest series', () => {
    expect(stopRule([[1, 1, 1], [1, 1]], opts).stop).toBe(false);
  });
});

describe("GNU time's output", () => {
  it("reads '%e %U %S %M': wall, user, system and peak RSS", () => {
    expect(parseTimeOutput('12.34 10.50 1.25 265432\n')).toEqual({ wallSeconds: 12.34, userSeconds: 10.5, systemSeconds: 1.25, cpuSeconds: 11.75, rssKiB: 265432 });
  });

  it('takes the figures after the line GNU time writes for a failed command', () => {
    const r = parseTimeOutput('Command exited with non-zero status 2\n0.21 0.15 0.03 51200\n');
    expect(r?.rssKiB).toBe(51200);
    expect(r?.cpuSeconds).toBeCloseTo(0.18, 12);
  });

  it('has no answer for an empty file or another format', () => {
    expect(parseTimeOutput('')).toBeUndefined();
    expect(parseTimeOutput('265432 10.50 1.25\n')).toBeUndefined();
    expect(parseTimeOutput('Command terminated by signal 9\n')).toBeUndefined();
  });
});

describe('load averages as printed', () => {
  it('shows before→after, or one value when they round the same', () => {
    expect(fmtLoad(1.523, 2.031)).toBe('1.52→2.03');
    expect(fmtLoad(1.521, 1.524)).toBe('1.52');
    expect(fmtLoad(0.5, undefined)).toBe('0.50');
  });

  it('shows several samples as a range', () => {
    expect(loadRange([2.31, 1.4, 1.9])).toBe('1.40-2.31');
    expect(loadRange([1.001, 1.002])).toBe('1.00');
    expect(loadRange([])).toBe('n/a');
  });

  it("gathers every run's samples, before and after", () => {
    expect(loadsOf([{ load: { before: 1, after: 2 } }, { load: { before: 3, after: 4 } }, undefined])).toEqual([1, 2, 3, 4]);
  });
});

describe('the targets table', () => {
  it("judges issue #16's goals and carries each figure's load", () => {
    const rows = rowsOf({
      snapshotCpuRatio: 0.95, snapshotWallRatio: 1.1, snapshotLoad: '1.20-1.80',
      rebuiltCpuRatio: 1.5, rebuiltWallRatio: 1.6, rebuiltLoad: '1.30',
      bytesPerRecord: 100, bytesPerRecordLoad: '1.00', rssPerNumber: 40.5, rssPerNumberLoad: '1.10',
      startupSeconds: 0.29, startupLoad: '0.90',
    });
    const snap = find(rows, 'audit / bare pass');
    expect(snap).toMatchObject({ value: 0.95, met: true, load: '1.20-1.80', goal: '<= 1.0' });
    expect(snap.shown).toBe('0.95 (wall 1.10)');
    expect(find(rows, 'the same, index rebuilt')).toMatchObject({ value: 1.5, met: false, load: '1.30' });
    expect(find(rows, 'consent index bytes')).toMatchObject({ met: true });
    expect(find(rows, 'peak RSS growth')).toMatchObject({ met: false });
    expect(find(rows, 'start-up')).toMatchObject({ met: true });
  });

  it('says what was not measured, and why when it knows', () => {
    const rows = rowsOf({ snapshotMissing: 'not available in this build' });
    expect(find(rows, 'audit / bare pass')).toMatchObject({ value: null, met: undefined, shown: 'not measured (not available in this build)' });
    expect(find(rows, '20M consent records: later')).toMatchObject({ met: undefined, shown: 'not measured (needs --large)' });
  });

  it('judges the 5M snapshot run besides hashing the consent file', () => {
    const under = rowsOf({ evidence5m: { laterSeconds: 0.6, laterCpu: 0.45, hashSeconds: 0.9, laterLoad: '1.00', firstSeconds: 30, firstCpu: 28, firstLoad: '1.00' } });
    expect(find(under, '10-row audit against 5M consent records, snapshot')).toMatchObject({ met: true, shown: '0.60 (CPU 0.45 s; hashing the consent file alone: 0.90 s)' });
    expect(find(under, '10-row audit against 5M consent records, first run').shown).toBe('30.00 (CPU 28.00 s)');
    const besides = rowsOf({ evidence5m: { laterSeconds: 1.5, hashSeconds: 0.9, firstSeconds: 30 } });
    expect(find(besides, '10-row audit against 5M consent records, snapshot').met).toBe(true);
    const over = rowsOf({ evidence5m: { laterSeconds: 2.5, hashSeconds: 0.9, firstSeconds: 30 } });
    expect(find(over, '10-row audit against 5M consent records, snapshot').met).toBe(false);
    expect(find(over, '10-row audit against 5M consent records, first run')).toMatchObject({ value: 30, met: undefined, goal: 'say it' });
  });

  it('judges 20M later runs against 10 s', () => {
    expect(find(rowsOf({ evidence20m: { laterSeconds: 9.9, hashSeconds: 4, firstSeconds: 60 } }), '20M consent records: later').met).toBe(true);
    expect(find(rowsOf({ evidence20m: { laterSeconds: 10, hashSeconds: 4, firstSeconds: 60 } }), '20M consent records: later').met).toBe(false);
  });

  it('prints met / not met, with the load average column', () => {
    const lines = targetLines(rowsOf({ rebuiltCpuRatio: 1.2, rebuiltLoad: '2.00', bytesPerRecord: 120, bytesPerRecordLoad: '2.10' })) as string[];
    expect(lines[0]).toBe('| target | measured | goal | met | load average (1 min) |');
    expect(lines.find((l) => l.includes('index rebuilt'))).toMatch(/\| 1\.20 \| <= 1\.4 \| met \| 2\.00 \|$/);
    expect(lines.find((l) => l.includes('bytes a record'))).toMatch(/\| 120\.0 \| <= 100 \| \*\*not met\*\* \| 2\.10 \|$/);
  });
});

describe('options and names of the large-evidence steps', () => {
  it('reads consent record counts, with underscores, and none', () => {
    expect(parseSteps('5000000,20_000_000')).toEqual([5_000_000, 20_000_000]);
    expect(parseSteps('none')).toEqual([]);
    expect(() => parseSteps('5M')).toThrow(/--evidence-steps/);
    expect(() => parseSteps('0')).toThrow(/--evidence-steps/);
  });

  it('names a consent-only data set apart from a full one', () => {
    expect(dataName({ rows: 1_000_000, consent: 5_000_000, seed: 1, eol: 'lf', parts: ['consent'] })).toBe('r1000000-c5000000-s1-consent');
    expect(dataName({ rows: 1_000_000, consent: 1_000_000, seed: 1, eol: 'lf', parts: ['contacts', 'consent', 'notice', 'suppress'] })).toBe('r1000000-c1000000-s1');
    expect(dataName({ rows: 400, consent: 0, seed: 2, eol: 'crlf', parts: ['contacts'] })).toBe('r400-list-s2-crlf');
  });
});

describe("the workers probe's batches", () => {
  it('come back as the records that were packed: lines, fields, empty fields, malformed details', () => {
    const records = [
      { line: 2, fields: ['1', 'Иванов Иван', '+7 916 123-45-67', ''] },
      { line: 3, fields: ['', '', '', ''] },
      { line: 5, fields: ['3', 'a"b;c\nd'], malformed: { problem: 'quote', raw: '3;"a"b' } },
      { line: 6, fields: [] },
    ];
    const packed = packBatch(records);
    expect(packed.meta).toBeInstanceOf(Int32Array);
    expect(unpackBatch(packed)).toEqual(records);
  });
});
