/**
 * The table reader gives the same header, records and encoding whatever its read chunk size
 * (issue #12 item 2): the first non-ASCII byte is moved across every position of small chunks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { TableReader } from '../../src/io/table-reader.js';
import { InputError } from '../../src/errors.js';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'leadaudit-reader-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read(bytes: Buffer, chunkSize: number) {
  const path = join(dir, `t-${chunkSize}.csv`);
  writeFileSync(path, bytes);
  try {
    const r = await TableReader.open({ path, label: 'list.csv', chunkSize });
    const records: string[][] = [];
    for await (const batch of r.batches()) for (const rec of batch) records.push([String(rec.line), ...rec.fields]);
    return { header: r.header, delimiter: r.delimiter, encoding: r.encoding, blank: r.blankLines, records, warning: r.encodingWarning };
  } catch (e) {
    if (e instanceof InputError) return { error: e.message };
    throw e;
  }
}

const rows = (n: number) => Array.from({ length: n }, (_, i) => `${i};x${i};+7 916 000-00-${String(i).padStart(2, '0')}`).join('\r\n');

describe('TableReader: chunk boundaries', () => {
  for (const [name, encode] of [['windows-1251', (t: string) => iconv.encode(t, 'win1251')], ['utf-8', (t: string) => Buffer.from(t)]] as const) {
    it(`${name}: the first Cyrillic byte at every position of chunks of 1 to 17 bytes`, async () => {
      for (let pad = 0; pad < 17; pad++) {
        const text = `\r\n \r\nid;name;phone\r\n${rows(3)}\r\n${'7'.repeat(pad)};Иван Ёлкин;«8 916 111-22-33»\r\n\r\n`;
        const want = await read(encode(text), 1 << 20);
        expect(want).toMatchObject({ encoding: name, delimiter: ';', blank: 3 });
        for (const size of [1, 2, 3, 5, 8, 13, 17]) expect(await read(encode(text), size), `pad ${pad}, chunks of ${size}`).toEqual(want);
      }
    });
  }

  it('a bad UTF-8 byte is the same error whatever the chunk size', async () => {
    const bytes = Buffer.concat([Buffer.from(`id;name\r\n1;Анна\r\n2;`), Buffer.from([0xe0, 0x41]), Buffer.from('\r\n')]);
    const want = await read(bytes, 1 << 20);
    expect(want).toEqual({ error: 'list.csv: not valid UTF-8 near byte 23; if the file is a Windows-1251 export, pass --encoding windows-1251' });
    for (const size of [1, 2, 3, 4, 5, 7]) expect(await read(bytes, size)).toEqual(want);
  });
});
