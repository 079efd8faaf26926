import { describe, expect, it } from 'vitest';
import { LineBuffer } from '../../src/io/line-buffer.js';
import { mulberry32 } from '../../src/random.js';
import { OutputSet } from '../../src/io/atomic-output.js';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MiB = 1 << 20;
const line = (i: number, width: number) => `${i};${'x'.repeat(width)};Пётр\n`;

describe('LineBuffer', () => {
  it('hands out the bytes of the lines, in order', () => {
    const b = new LineBuffer();
    expect(b.empty).toBe(true);
    b.append('a,b\n');
    b.append('в,г\n');
    expect(b.empty).toBe(false);
    expect(Buffer.concat(b.take()).toString('utf8')).toBe('a,b\nв,г\n');
    expect(b.take()).toEqual([]);
    expect(b.empty).toBe(true);
  });

  it('copies a line with its delimiter made a comma, and counts the bytes gathered (issue #16)', () => {
    const b = new LineBuffer();
    b.append('x,');
    expect(b.size).toBe(2);
    // `;` bytes only: the Cyrillic letters' UTF-8 bytes are all above 0x7f.
    b.appendCopy('Пётр;;ООО «Лиды»;+7 916', 0x3b);
    b.appendCopy('a\tb|c', 0x09);
    b.appendCopy('a;b,c', 0x2c);
    b.append('\n');
    const want = 'x,Пётр,,ООО «Лиды»,+7 916a,b|ca;b,c\n';
    expect(b.size).toBe(Buffer.byteLength(want));
    expect(Buffer.concat(b.take()).toString('utf8')).toBe(want);
    expect(b.size).toBe(0);
    // Across slabs: a line that does not fit the rest of a slab starts a new one, whole.
    const long = `${'ж'.repeat(200_000)};${'я'.repeat(200_000)}`;
    for (let i = 0; i < 6; i++) b.appendCopy(long, 0x3b);
    expect(Buffer.concat(b.take()).toString('utf8')).toBe(long.replace(';', ',').repeat(6));
  });

  it('writes short texts, single bytes and line numbers as append() would (issue #16)', () => {
    const rnd = mulberry32(16);
    const b = new LineBuffer();
    const want: Buffer[] = [];
    const texts = ['', '+79161234567', 'CNS-00000001', 'Пётр', 'a\u0080b', 'x'.repeat(32), 'я'.repeat(33), '😀', 'CONSENT_MISSING|DUPLICATE'];
    const numbers = [0, 7, 9, 10, 99, 100, 12345, 1_000_000, 4_294_967_296, 2 ** 53 - 1];
    // Enough to cross slabs many times, so that a write that does not fit moves on whole.
    for (let i = 0; i < 200_000; i++) {
      const r = rnd();
      if (r < 0.4) {
        const t = texts[Math.floor(rnd() * texts.length)]!;
        b.text(t);
        want.push(Buffer.from(t, 'utf8'));
      } else if (r < 0.7) {
        b.byte(44);
        want.push(Buffer.from(','));
      } else {
        const n = numbers[Math.floor(rnd() * numbers.length)]!;
        b.uint(n);
        want.push(Buffer.from(String(n)));
      }
    }
    const expected = Buffer.concat(want);
    expect(b.size).toBe(expected.length);
    expect(Buffer.concat(b.take()).equals(expected)).toBe(true);
  });

  it('fills a slab again once every view of it is back, and not before', () => {
    const b = new LineBuffer();
    const first: Buffer[] = [];
    // Two slabs' worth of lines, taken in batches and kept out.
    for (let i = 0; i < 40; i++) {
      for (let k = 0; k < 100; k++) b.append(line(i * 100 + k, 500));
      first.push(...b.take());
    }
    const firstMemory = new Set(first.map((v) => v.buffer));
    expect(firstMemory.size).toBeGreaterThan(1);
    const copies = first.map((v) => Buffer.from(v));
    // While they are out, new lines never land in their memory.
    for (let k = 0; k < 3000; k++) b.append(line(k, 500));
    const more = b.take();
    expect(more.some((v) => firstMemory.has(v.buffer))).toBe(false);
    first.forEach((v, i) => expect(v.equals(copies[i]!)).toBe(true));
    // Once they are back, their memory is filled again.
    for (const v of first) b.recycle(v);
    for (let k = 0; k < 3000; k++) b.append(line(k, 500));
    expect(b.take().some((v) => firstMemory.has(v.buffer))).toBe(true);
  });

  it('takes a view back once only', () => {
    const b = new LineBuffer();
    b.append(line(1, 10));
    const [kept] = b.take();
    const copy = Buffer.from(kept!);
    b.append(line(2, 10));
    const [other] = b.take();
    // Recycling the second view twice must not count as giving back the first.
    b.recycle(other!);
    b.recycle(other!);
    // Lines just too big for the rest of the slab (but not for a fresh one) move on to other
    // slabs without cutting another view of the first: if it counted as free, the second move
    // would fill it again from the start.
    const big = 'x'.repeat(Math.floor(MiB / 3) - 10);
    b.append(big);
    b.append(big);
    b.append(big);
    b.take();
    expect(kept!.equals(copy)).toBe(true);
  });

  it('never overwrites a view before it is recycled (random batches, lines and hold times)', () => {
    const rnd = mulberry32(5);
    const b = new LineBuffer();
    // Each view is written some batches later: mostly soon, now and then much later.
    const out: { view: Buffer; copy: Buffer; due: number }[] = [];
    let bytes = 0;
    let reused = 0;
    let big = 0;
    const seen = new Set<ArrayBufferLike>();
    for (let batch = 0; batch < 2000; batch++) {
      const lines = Math.floor(rnd() * 300);
      // Now and then a line longer than a slab.
      for (let k = 0; k < lines; k++) b.append(line(k, Math.floor(rnd() * (rnd() < 0.0002 ? 2 * MiB : 400))));
      for (const view of b.take()) {
        const hold = rnd() < 0.1 ? 20 + Math.floor(rnd() * 100) : Math.floor(rnd() * 3);
        out.push({ view, copy: Buffer.from(view), due: batch + hold });
        bytes += view.length;
        if (view.byteOffset === 0 && seen.has(view.buffer)) reused++;
        if (view.length > MiB) big++;
        seen.add(view.buffer);
      }
      for (let i = out.length - 1; i >= 0; i--) {
        if (out[i]!.due > batch) continue;
        const { view, copy } = out.splice(i, 1)[0]!;
        expect(view.equals(copy)).toBe(true);
        b.recycle(view);
      }
    }
    for (const { view, copy } of out) expect(view.equals(copy)).toBe(true);
    expect(bytes).toBeGreaterThan(20 * MiB);
    expect(big).toBeGreaterThan(0);
    // Memory was filled again, many times: the test saw reuse, not only fresh slabs.
    expect(reused).toBeGreaterThan(10);
  });
});

describe('AtomicFile.writeLines', () => {
  it('writes every line in order and gives the memory back, so slabs are filled again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadaudit-lines-'));
    try {
      const out = new OutputSet(dir, dir);
      const file = out.file('lines.csv');
      const lines = new LineBuffer();
      const memory: ArrayBufferLike[] = [];
      const take = lines.take.bind(lines);
      lines.take = () => { const views = take(); memory.push(...views.map((v) => v.buffer)); return views; };
      let expected = '';
      for (let batch = 0; batch < 60; batch++) {
        for (let k = 0; k < 300; k++) {
          const text = line(batch * 300 + k, 300);
          lines.append(text);
          expected += text;
        }
        await file.writeLines(lines);
      }
      await file.close();
      out.commit();
      expect(readFileSync(join(dir, 'lines.csv'), 'utf8')).toBe(expected);
      // About 5.5 MiB went through no more than a few megabyte slabs.
      expect(Buffer.byteLength(expected)).toBeGreaterThan(5 * MiB);
      expect(new Set(memory).size).toBeLessThanOrEqual(4);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
