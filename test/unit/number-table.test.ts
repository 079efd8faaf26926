import { describe, expect, it } from 'vitest';
import { NumberTable, e164Key } from '../../src/evidence/number-table.js';

describe('e164Key', () => {
  it('is the number without the plus, exactly', () => {
    expect(e164Key('+79161112233')).toBe(79161112233);
    expect(e164Key('+447400123456')).toBe(447400123456);
    expect(e164Key('+999999999999999')).toBe(999999999999999);
  });

  it('differs for different numbers', () => {
    expect(e164Key('+79161112233')).not.toBe(e164Key('+79161112234'));
  });
});

describe('NumberTable', () => {
  it('is empty at first', () => {
    const t = new NumberTable();
    expect(t.size).toBe(0);
    expect(t.get(79161112233)).toBeUndefined();
    expect(t.has(79161112233)).toBe(false);
  });

  it('adds a key with its value', () => {
    const t = new NumberTable();
    expect(t.add(79161112233, 2)).toBe(true);
    expect(t.has(79161112233)).toBe(true);
    expect(t.get(79161112233)).toBe(2);
    expect(t.size).toBe(1);
    expect(t.has(79123456789)).toBe(false);
  });

  it('keeps the first value when a key is added again', () => {
    const t = new NumberTable();
    t.add(79161112233, 2);
    expect(t.add(79161112233, 9)).toBe(false);
    expect(t.get(79161112233)).toBe(2);
    expect(t.size).toBe(1);
  });

  it('holds the value 0', () => {
    const t = new NumberTable();
    t.add(447400123456, 0);
    expect(t.get(447400123456)).toBe(0);
    expect(t.has(447400123456)).toBe(true);
  });

  it('holds large line numbers', () => {
    const t = new NumberTable();
    t.add(12015550123, 4_000_000_000);
    expect(t.get(12015550123)).toBe(4_000_000_000);
  });

  it('grows to hold many keys, and keeps every value', () => {
    const t = new NumberTable(1);
    const bytesAtStart = t.bytes;
    const n = 50_000;
    const key = (i: number) => 79_000_000_000 + i * 7919;
    const refused: number[] = [];
    for (let i = 0; i < n; i++) if (!t.add(key(i), i + 1)) refused.push(i);
    expect(refused).toEqual([]);
    expect(t.size).toBe(n);
    expect(t.bytes).toBeGreaterThan(bytesAtStart);
    const wrong: number[] = [];
    for (let i = 0; i < n; i++) if (t.get(key(i)) !== i + 1 || !t.has(key(i))) wrong.push(i);
    expect(wrong).toEqual([]);
    const readded: number[] = [];
    for (let i = 0; i < n; i++) if (t.add(key(i), 0)) readded.push(i);
    expect(readded).toEqual([]);
    expect(t.size).toBe(n);
    expect(t.has(key(n))).toBe(false);
    expect(t.get(key(-1))).toBeUndefined();
  });

  it('tells apart keys that differ only above 32 bits', () => {
    const t = new NumberTable(1);
    const base = 12345;
    for (let hi = 1; hi <= 200; hi++) t.add(hi * 4294967296 + base, hi);
    for (let hi = 1; hi <= 200; hi++) expect(t.get(hi * 4294967296 + base)).toBe(hi);
    expect(t.has(base)).toBe(false);
  });

  it('agrees with a Map on a mixed sequence of adds', () => {
    const t = new NumberTable(4);
    const m = new Map<number, number>();
    let x = 123456789;
    let disagreements = 0;
    for (let i = 0; i < 20_000; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const k = 70_000_000_000 + (x % 5000);
      if (t.add(k, i) === m.has(k)) disagreements++;
      if (!m.has(k)) m.set(k, i);
    }
    expect(disagreements).toBe(0);
    expect(t.size).toBe(m.size);
    for (const [k, v] of m) if (t.get(k) !== v) disagreements++;
    expect(disagreements).toBe(0);
  });
});

describe('NumberTable made for n keys', () => {
  it('holds n keys without growing and keeps what it holds', () => {
    const t = new NumberTable(100_000);
    t.add(79161112233, 7);
    const before = t.bytes;
    expect(before).toBeGreaterThanOrEqual((100_000 / 0.75) * 12);
    for (let i = 0; i < 100_000; i++) t.add(79000000000 + i * 13, i + 1);
    expect(t.bytes).toBe(before); // no growth for the keys it was made for
    expect(t.get(79161112233)).toBe(7);
    expect(t.get(79000000000 + 99_999 * 13)).toBe(100_000);
  });

  it('set overwrites a present key and adds an absent one', () => {
    const t = new NumberTable(1);
    t.set(79161112233, 1);
    t.set(79161112233, 2);
    t.set(447400123456, 3);
    expect(t.get(79161112233)).toBe(2);
    expect(t.get(447400123456)).toBe(3);
    expect(t.size).toBe(2);
  });
});

describe('NumberTable.firstOf', () => {
  it('adds an absent key and answers undefined; answers the first value of a present key and keeps it', () => {
    const t = new NumberTable();
    expect(t.firstOf(79161112233, 5)).toBeUndefined();
    expect(t.size).toBe(1);
    expect(t.firstOf(79161112233, 9)).toBe(5);
    expect(t.get(79161112233)).toBe(5);
    expect(t.size).toBe(1);
    expect(t.firstOf(447400123456, 0)).toBeUndefined();
    expect(t.firstOf(447400123456, 3)).toBe(0);
  });

  it('agrees with get-then-add over a sequence with repeats', () => {
    const t = new NumberTable(1);
    const m = new Map<number, number>();
    let x = 987654321;
    const disagreements: number[] = [];
    for (let i = 0; i < 30_000; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const k = 79_000_000_000 + (x % 9000) * 7;
      const expected = m.get(k);
      if (expected === undefined) m.set(k, i);
      if (t.firstOf(k, i) !== expected) disagreements.push(i);
    }
    expect(disagreements).toEqual([]);
    expect(t.size).toBe(m.size);
  });
});

describe('NumberTable memory (issue #16)', () => {
  it('grows a small part at a time: no add makes it more than a few percent bigger', () => {
    const t = new NumberTable(1);
    let bytes = t.bytes;
    let largestStep = 0;
    for (let i = 0; i < 200_000; i++) {
      t.add(79_000_000_000 + i * 7919, i);
      const now = t.bytes;
      if (now !== bytes) largestStep = Math.max(largestStep, (now - bytes) / bytes);
      bytes = now;
    }
    // One table grown whole would double (a step of 1.0); a 64th grown by half is under 1%.
    expect(largestStep).toBeGreaterThan(0);
    expect(largestStep).toBeLessThan(0.05);
  });

  it('holds about what its keys need, not an estimate made ahead', () => {
    const t = new NumberTable();
    const n = 300_000;
    for (let i = 0; i < n; i++) t.add(79_000_000_000 + i * 104_729, i);
    // 12 bytes a slot, at least 1/2 full after growing by half from 3/4 (plus slack for the
    // hash's spread between the parts).
    expect(t.bytes / n).toBeLessThanOrEqual((12 / 0.5) * 1.1);
    expect(t.bytes / n).toBeGreaterThanOrEqual(12 / 0.75);
  });
});

describe('NumberTable.touch (read ahead of a batch, issue #16)', () => {
  it('gives the key in the slot a look-up reads first, 0 when it is empty, and adds nothing', () => {
    const t = new NumberTable();
    for (let i = 0; i < 5000; i++) t.add(79160000000 + i * 7919, i);
    let own = 0;
    for (let i = 0; i < 5000; i++) {
      const key = 79160000000 + i * 7919;
      const first = t.touch(key);
      if (first === key) own++;
      else expect(first).toBeGreaterThan(0); // another key took the slot first: probing goes on from it
    }
    // Under three quarters full, most keys sit in the slot they hash to.
    expect(own).toBeGreaterThan(2500);
    const absent = [...Array(2000).keys()].map((i) => 89990000000 + i * 104729);
    const touched = absent.map((k) => t.touch(k));
    expect(touched.some((k) => k === 0)).toBe(true);
    expect(touched.every((k) => k === 0 || (k - 79160000000) % 7919 === 0)).toBe(true);
    expect(t.size).toBe(5000);
    for (const k of absent) expect(t.get(k)).toBeUndefined();
  });
});
