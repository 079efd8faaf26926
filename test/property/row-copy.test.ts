/**
 * Rows copied from their input line (issue #16 item 4, src/core/row-copy.ts) against rows written
 * cell by cell: over generated lists (every delimiter, quoted and unquoted cells, cells with
 * commas, quotes, line breaks, white space at either end, formula starts, Cyrillic, LF and CRLF
 * line ends, a BOM or none, UTF-8, UTF-16 and Windows-1251, small and large read chunks), clean.csv
 * and rejects.csv are byte for byte the same with copying on and off, and both paths are taken.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { TableReader } from '../../src/io/table-reader.js';
import { LineBuffer } from '../../src/io/line-buffer.js';
import { RowRouter } from '../../src/core/row-router.js';
import type { AtomicFile } from '../../src/io/atomic-output.js';
import type { RowFacts } from '../../src/rules/context.js';
import type { Encoding } from '../../src/io/decode.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 150);
const dir = mkdtempSync(join(tmpdir(), 'leadaudit-row-copy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Collects what the router writes. */
class Sink {
  chunks: Buffer[] = [];
  async write(text: string): Promise<void> { this.chunks.push(Buffer.from(text, 'utf8')); }
  async writeLines(lines: LineBuffer): Promise<void> {
    for (const b of lines.take()) { this.chunks.push(Buffer.from(b)); lines.recycle(b); }
  }
  async close(): Promise<string> { return ''; }
  get bytes(): Buffer { return Buffer.concat(this.chunks); }
}

const PLAIN = ['a', 'Ж', 'ё', '7', '0', '+7 916 123-45-67', 'ООО «Лиды»', '8 (495) 123', 'x'];
const ODD = [',', '"', ' ', '\u00a0', '=', '+', '-', '@', '\t', '\r\n', '\n', ';', '|', 'доб. 12', '+1+cmd', '\u2028'];
const cellText = fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PLAIN) }, { weight: 1, arbitrary: fc.constantFrom(...ODD) }), { maxLength: 4 })
  .map((parts) => parts.join(''));

/** A cell as written in a file with this delimiter: quoted when it must be, or sometimes anyway. */
function written(cell: string, delimiter: string, quote: boolean): string {
  const must = /["\r\n]/.test(cell) || cell.includes(delimiter);
  return must || quote ? `"${cell.replaceAll('"', '""')}"` : cell;
}

const list = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t', '|'),
  width: fc.integer({ min: 1, max: 5 }),
  rows: fc.array(fc.tuple(fc.array(fc.tuple(cellText, fc.boolean()), { minLength: 5, maxLength: 5 }), fc.boolean()), { minLength: 1, maxLength: 40 }),
  eol: fc.constantFrom('\n', '\r\n'),
  encoding: fc.constantFrom<Encoding | 'utf-8-bom'>('utf-8', 'utf-8-bom', 'utf-16le', 'windows-1251'),
  chunk: fc.constantFrom(7, 64, 1 << 16),
  finalEol: fc.boolean(),
});

async function route(path: string, encoding: Encoding | undefined, chunkSize: number, copy: boolean, verdicts: boolean[]) {
  const reader = await TableReader.open({ path, label: path, encoding, chunkSize, lines: true });
  const clean = new Sink();
  const rejects = new Sink();
  const router = new RowRouter(reader.header.names, clean as unknown as AtomicFile, rejects as unknown as AtomicFile);
  if (copy) router.copyLines(reader.delimiter);
  await router.start();
  let i = 0;
  for await (const batch of reader.batches()) {
    for (const record of batch) {
      const pass = verdicts[i++ % verdicts.length]! && !record.malformed;
      const row: RowFacts = { line: record.line, cells: record.fields, findings: pass ? [] : [{ code: 'PHONE_MISSING' }] };
      if (pass) row.e164 = '+79161234567';
      router.route(record, row);
    }
    await router.flush();
  }
  await router.close();
  return { clean: clean.bytes, rejects: rejects.bytes, copied: router.copied, rows: router.rows };
}

describe('rows copied from their line are the rows written cell by cell', () => {
  let copied = 0;
  let rows = 0;
  it('over generated lists, in every delimiter and encoding', async () => {
    await fc.assert(fc.asyncProperty(list, async (l) => {
      const lines = [Array.from({ length: l.width }, (_, i) => `col${i}`).join(l.delimiter)];
      for (const [cells, quote] of l.rows) lines.push(cells.slice(0, l.width).map(([c, q]) => written(c, l.delimiter, q && quote)).join(l.delimiter));
      let text = lines.join(l.eol) + (l.finalEol ? l.eol : '');
      let bytes: Buffer;
      let encoding: Encoding | undefined;
      if (l.encoding === 'windows-1251') {
        text = text.replace(/[^\u0000-\u007f\u0410-\u044f\u0401\u0451\u00a0«»]/g, '?');
        bytes = iconv.encode(text, 'win1251');
        encoding = 'windows-1251';
      } else if (l.encoding === 'utf-16le') bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      else bytes = Buffer.concat([l.encoding === 'utf-8-bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
      const path = join(dir, 'list.csv');
      writeFileSync(path, bytes);
      const verdicts = l.rows.map(([, , ], i) => i % 3 !== 1);
      const off = await route(path, encoding, l.chunk, false, verdicts);
      const on = await route(path, encoding, l.chunk, true, verdicts);
      expect(off.copied).toBe(0);
      expect(on.clean.equals(off.clean)).toBe(true);
      expect(on.rejects.equals(off.rejects)).toBe(true);
      copied += on.copied;
      rows += on.rows;
    }), { numRuns: RUNS });
    // Both paths are taken: lines copied, and lines written cell by cell.
    expect(copied).toBeGreaterThan(0);
    expect(copied).toBeLessThan(rows);
  }, 600_000);
});
