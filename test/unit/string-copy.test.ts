import { describe, expect, it } from 'vitest';
import { ownCopy } from '../../src/io/string-copy.js';
import { collectGarbage } from '../../src/core/heap.js';
import { PhoneNormalizer } from '../../src/phone/normalize.js';
import { ConsentIndex } from '../../src/evidence/consent-index.js';

const CHUNKS = 40;

/**
 * Heap bytes still held after cutting one cell out of each of CHUNKS distinct ~1.5 MB chunks and
 * keeping what `keep` makes of it (the chunks themselves are dropped).
 */
function heldAfter(keep: (cell: string, i: number) => unknown): number {
  expect(collectGarbage()).toBe(true);
  const before = process.memoryUsage().heapUsed;
  const kept: unknown[] = [];
  for (let i = 0; i < CHUNKS; i++) {
    const digits = String(i).padStart(2, '0');
    // A chunk of CSV text as the tokenizer sees it; the phone cell is in the middle.
    const chunk = `${'Иван;+7 916 000-00-00;Москва\n'.repeat(30_000)}Пётр;+7 916 111-22-${digits} доб. 5;Тверь\n${'x;y;z\n'.repeat(30_000)}`;
    const at = chunk.indexOf('+7 916 111');
    kept.push(keep(chunk.slice(at, chunk.indexOf(';', at)), i));
  }
  collectGarbage();
  const held = process.memoryUsage().heapUsed - before;
  expect(kept).toHaveLength(CHUNKS);
  return held;
}

const MiB = 1024 * 1024;

describe('ownCopy', () => {
  it('keeps the same text', () => {
    const chunk = `${'a'.repeat(1000)}+7 916 111-22-33 ext. 5${'b'.repeat(1000)}`;
    const cell = chunk.slice(1000, 1000 + 23);
    expect(ownCopy(cell)).toBe('+7 916 111-22-33 ext. 5');
    expect(ownCopy('short')).toBe('short');
    expect(ownCopy('')).toBe('');
  });

  it('lets the chunk a cell was cut from go', () => {
    // The measurement itself: slices kept as they are hold every chunk (tens of MiB).
    expect(heldAfter((cell) => cell)).toBeGreaterThan(30 * MiB);
    expect(heldAfter((cell) => ownCopy(cell))).toBeLessThan(4 * MiB);
  });
});

describe('PhoneNormalizer memo', () => {
  it('does not hold the chunks its cells came from', () => {
    const phones = new PhoneNormalizer('RU');
    const held = heldAfter((cell) => phones.normalize(cell));
    // An extension takes the slow path, through the memo.
    expect(phones.normalize('+7 916 111-22-07 доб. 5')).toMatchObject({ kind: 'valid', e164: '+79161112207', ext: '5' });
    expect(held).toBeLessThan(4 * MiB);
  });
});

describe('PhoneNormalizer memo of cells with several numbers', () => {
  it('does not hold the chunks their parts came from (issue #11: 715 chunks, ~180 MB, on 1M rows)', () => {
    const phones = new PhoneNormalizer('RU');
    expect(collectGarbage()).toBe(true);
    const before = process.memoryUsage().heapUsed;
    const kept: unknown[] = [];
    for (let i = 0; i < CHUNKS; i++) {
      const digits = String(i).padStart(2, '0');
      // The cell holds two numbers and is a slice of its chunk, as the tokenizer makes it.
      const chunk = `${'Иван;+7 916 000-00-00;Москва\n'.repeat(30_000)}Пётр;+7 916 111-22-${digits} (моб), 8 (495) 765-43-${digits} (раб);Тверь\n${'x;y;z\n'.repeat(30_000)}`;
      const at = chunk.indexOf('+7 916 111');
      kept.push(phones.read(chunk.slice(at, chunk.indexOf(';', at))));
    }
    collectGarbage();
    const held = process.memoryUsage().heapUsed - before;
    expect(kept[7]).toMatchObject({ kind: 'several', parts: [{ raw: '+7 916 111-22-07 (моб)' }, { raw: '8 (495) 765-43-07 (раб)' }] });
    expect(held).toBeLessThan(4 * MiB);
  });
});

describe('ConsentIndex', () => {
  it('does not hold the chunks its notice values came from', () => {
    const index = new ConsentIndex();
    const held = heldAfter((cell, i) => index.add({
      e164: `+7916111220${i % 10}`,
      consentId: `c${i}`,
      file: 'consent.csv',
      line: i + 2,
      givenAt: 0,
      withdrawnAt: undefined,
      expiresAt: undefined,
      channels: [],
      purposes: ['marketing'],
      evidenceRef: 'form-1',
      // A distinct notice value on every record, as a cell of the chunk.
      notice: { source: cell },
      noticeGivenAt: undefined,
      noticeExempt: undefined,
    }));
    index.seal();
    expect(index.lookup('+79161112207').map((r) => r.notice.source)).toEqual(['+7 916 111-22-07 доб. 5', '+7 916 111-22-17 доб. 5', '+7 916 111-22-27 доб. 5', '+7 916 111-22-37 доб. 5']);
    expect(held).toBeLessThan(4 * MiB);
  });
});
