/**
 * A regular file read where its bytes are used (issue #16, src/io/file-chunks.ts): every byte, in
 * order, whatever the chunk size against the file's; the file closed at the end and by destroy();
 * and only regular files read this way (a device or a pipe is read through a stream, which a
 * signal can stop).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fstatSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { FileChunks } from '../../src/io/file-chunks.js';
import { openInput } from '../../src/io/input-source.js';

let work: string;
beforeAll(() => { work = mkdtempSync(join(tmpdir(), 'leadaudit-chunks-')); });
afterAll(() => rmSync(work, { recursive: true, force: true }));

let n = 0;
function file(bytes: Uint8Array): string {
  const path = join(work, `f${n++}`);
  writeFileSync(path, bytes);
  return path;
}

async function readAll(chunks: AsyncIterable<Buffer | string>): Promise<{ bytes: Buffer; sizes: number[] }> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(Buffer.from(c));
  return { bytes: Buffer.concat(parts), sizes: parts.map((p) => p.length) };
}

const isClosed = (fd: number) => {
  try { fstatSync(fd); return false; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EBADF'; }
};

describe('FileChunks', () => {
  it('hands out every byte in order, in chunks of the size asked for and a last shorter one', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 5000 }), fc.integer({ min: 1, max: 1200 }), async (data, size) => {
      const path = file(data);
      const fd = openSync(path, 'r');
      const { bytes, sizes } = await readAll(new FileChunks(fd, size));
      expect(bytes.equals(Buffer.from(data))).toBe(true);
      expect(sizes.every((s, i) => (i < sizes.length - 1 ? s === size : s > 0 && s <= size))).toBe(true);
      expect(isClosed(fd)).toBe(true);
    }), { numRuns: 200 });
  });

  it('a chunk handed out is its own: the next read does not write over it', async () => {
    const path = file(Buffer.from('a'.repeat(10) + 'b'.repeat(10)));
    const kept: Buffer[] = [];
    for await (const c of new FileChunks(openSync(path, 'r'), 10)) kept.push(c);
    expect(kept.map((c) => c.toString())).toEqual(['a'.repeat(10), 'b'.repeat(10)]);
  });

  it('destroy() closes the file and ends the reading; a second destroy() does nothing', async () => {
    const path = file(Buffer.alloc(100, 0x41));
    const fd = openSync(path, 'r');
    const chunks = new FileChunks(fd, 10);
    const it = chunks[Symbol.asyncIterator]();
    expect((await it.next()).value?.length).toBe(10);
    chunks.destroy();
    expect(isClosed(fd)).toBe(true);
    expect((await it.next()).done).toBe(true);
    expect(() => chunks.destroy()).not.toThrow();
  });
});

describe('openInput', () => {
  it('reads a regular file with FileChunks, and a device through a stream', async () => {
    const path = file(Buffer.from('id;phone\n1;+79161234567\n'));
    const regular = await openInput(path, 'contacts');
    expect(regular.stream).toBeInstanceOf(FileChunks);
    expect((await readAll(regular.stream)).bytes.toString()).toBe(readFileSync(path, 'utf8'));
    const device = await openInput('/dev/null', 'contacts');
    expect(device.stream).toBeInstanceOf(Readable);
    device.stream.destroy();
  });
});

describe('the event loop while a file is read', () => {
  it('turns now and then, so that a timer (or a signal) is seen before the file ends', async () => {
    const path = file(Buffer.alloc(400 * 1024, 0x41));
    let fired = -1;
    let chunks = 0;
    setTimeout(() => { fired = chunks; }, 0);
    for await (const c of new FileChunks(openSync(path, 'r'), 1024)) {
      expect(c.length).toBe(1024);
      chunks++;
      // A consumer busy for 0.25 ms a chunk: 100 ms in all, every read answered at once.
      const until = performance.now() + 0.25;
      while (performance.now() < until) { /* busy */ }
    }
    expect(chunks).toBe(400);
    expect(fired).toBeGreaterThanOrEqual(0);
    expect(fired).toBeLessThan(chunks);
  });
});
