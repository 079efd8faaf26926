/**
 * Decoding, chunk by chunk (issue #12 items 1, 2, 9, 14): the verdict on a file never depends on
 * where its read chunks end; a file read as Windows-1251 that holds UTF-8 text further on stops
 * the run naming both offsets; a UTF-16 file cut in its last character stops the run; a sniffed
 * Windows-1251 that looks unlike Russian says so, and Latin-1 / Windows-1252 can be forced.
 */
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { createDecoder, encodingName, sniffEncoding, type Encoding } from '../../src/io/decode.js';
import { InputError } from '../../src/errors.js';

/** Decodes `bytes` fed in chunks of `size` bytes, as a sniffed (auto) or forced decoder. */
function decode(bytes: Buffer, size: number, encoding: Encoding = 'utf-8', auto = true, window?: number) {
  const d = createDecoder(encoding, 'list.csv', auto, window === undefined ? {} : { window });
  let text = '';
  try {
    for (let i = 0; i < bytes.length; i += size) text += d.write(bytes.subarray(i, i + size));
    text += d.end();
  } catch (e) {
    if (e instanceof InputError) return { error: e.message };
    throw e;
  }
  return { text, encoding: d.encoding, warning: d.warning };
}

const ascii = (n: number) => 'a,b\n'.repeat(Math.ceil(n / 4)).slice(0, n);

describe('the verdict does not depend on chunk boundaries (item 2)', () => {
  // The first non-ASCII byte moves across every position of a chunk, for several chunk sizes.
  for (const size of [1, 2, 3, 4, 7, 16]) {
    it(`Windows-1251 Cyrillic after ASCII, chunks of ${size} bytes`, () => {
      for (let lead = 40; lead < 40 + 2 * size + 2; lead++) {
        const text = `${ascii(lead)}Иван Ёлкин;«Лиды»\nАнна;Её\n`;
        const bytes = iconv.encode(text, 'win1251');
        expect(decode(bytes, size, 'utf-8', true, 32), `lead ${lead}`).toEqual({ text, encoding: 'windows-1251', warning: undefined });
        expect(decode(bytes, 1 << 20, 'utf-8', true, 32), `lead ${lead}, one chunk`).toEqual({ text, encoding: 'windows-1251', warning: undefined });
      }
    });

    it(`UTF-8 Cyrillic after ASCII, chunks of ${size} bytes`, () => {
      for (let lead = 40; lead < 40 + 2 * size + 2; lead++) {
        const text = `${ascii(lead)}Анна Ёлкина;«Лиды» 😀\n`;
        expect(decode(Buffer.from(text), size, 'utf-8', true, 32), `lead ${lead}`).toEqual({ text, encoding: 'utf-8', warning: undefined });
      }
    });

    it(`a bad byte in UTF-8 text is the same error wherever it falls, chunks of ${size} bytes`, () => {
      for (let lead = 40; lead < 40 + 2 * size + 2; lead++) {
        const bytes = Buffer.concat([Buffer.from(`${ascii(lead)}Анна Ёлкина `), Buffer.from([0xc0, 0x41]), Buffer.from(' Иван Петров\n')]);
        const at = Buffer.byteLength(`${ascii(lead)}Анна Ёлкина `);
        expect(decode(bytes, size, 'utf-8', true, 64), `lead ${lead}`).toEqual({ error: `list.csv: not valid UTF-8 near byte ${at}; if the file is a Windows-1251 export, pass --encoding windows-1251` });
      }
    });
  }

  it('the reported case: the first Cyrillic byte on the last byte of a 256 KiB chunk', () => {
    for (const at of [262142, 262143, 262144]) {
      const text = `${ascii(at)}Иван Петров;Москва\n`;
      const bytes = iconv.encode(text, 'win1251');
      expect(bytes[at]).toBeGreaterThan(0x7f);
      expect(decode(bytes, 256 * 1024), `at ${at}`).toEqual({ text, encoding: 'windows-1251', warning: undefined });
    }
  });
});

describe('UTF-8 text after a switch to Windows-1251 stops the run (item 1)', () => {
  it('names both byte offsets and --encoding, whatever the chunk size', () => {
    const head = Buffer.from(ascii(1000));
    const middle = Buffer.from(ascii(8000));
    const bytes = Buffer.concat([head, Buffer.from([0xff]), middle, Buffer.from('Иван Петров;Москва\n')]);
    const utf8At = head.length + 1 + middle.length;
    for (const size of [1, 5, 64, 4096, 1 << 20]) {
      const r = decode(bytes, size, 'utf-8', true, 1024);
      expect(r, `chunks of ${size}`).toEqual({ error: `list.csv: not UTF-8 at byte 1000, so read as Windows-1251 from there, but it holds UTF-8 text from byte ${utf8At}: the file mixes encodings; fix the byte at 1000, or pass --encoding utf-8 or --encoding windows-1251` });
    }
  });

  it('Latin text in UTF-8, one accent a word, is found too', () => {
    const words = Array.from({ length: 20 }, (_, i) => `Hist\u00f3rico${i}`).join(' ');
    const bytes = Buffer.concat([Buffer.from(ascii(100)), Buffer.from([0x96]), Buffer.from(ascii(200)), Buffer.from(words)]);
    expect(decode(bytes, 7, 'utf-8', true, 64).error).toMatch(/not UTF-8 at byte 100, so read as Windows-1251 from there, but it holds UTF-8 text from byte \d+/);
  });

  it('Windows-1251 text whose letters now and then form UTF-8 by chance is not UTF-8 text', () => {
    // Её (C5 B8), Я» (DF BB), ПІДІ in capitals (CF B2 C4 B2): valid UTF-8 pairs, in real text.
    const text = `${ascii(50)}${'Её зовут Я» Лиды ПІДІ Ёлкина, Ромашка «Её»\n'.repeat(40)}`;
    expect(decode(iconv.encode(text, 'win1251'), 13, 'utf-8', true, 64)).toEqual({ text, encoding: 'windows-1251', warning: undefined });
  });
});

describe('UTF-16 cut in its last character (item 9)', () => {
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    it(`${encoding}: exit 2 like truncated UTF-8, with the byte`, () => {
      const bytes = iconv.encode('id\tname\r\n1\txyz', encoding === 'utf-16le' ? 'utf16le' : 'utf16be', { addBOM: true });
      const cut = bytes.subarray(0, bytes.length - 1);
      for (const size of [1, 3, 1 << 20]) {
        expect(decode(cut, size, encoding, false)).toEqual({ error: `list.csv: not valid ${encoding.toUpperCase()} near byte ${bytes.length - 2} (a character cut off or broken); fix the file, or pass --encoding if it is in another encoding` });
      }
      expect(decode(bytes, 3, encoding, false)).toMatchObject({ text: 'id\tname\r\n1\txyz' });
    });
  }

  it('half a surrogate pair at the end, or a lone one inside, stops it too', () => {
    const pair = iconv.encode('ab😀', 'utf16le');
    expect(decode(pair.subarray(0, pair.length - 2), 2, 'utf-16le', false).error).toMatch(/not valid UTF-16LE near byte 4/);
    const lone = Buffer.concat([iconv.encode('ab', 'utf16le'), Buffer.from([0x00, 0xdc]), iconv.encode('cd', 'utf16le')]);
    expect(decode(lone, 1 << 20, 'utf-16le', false).error).toMatch(/not valid UTF-16LE near byte 4/);
  });
});

describe('Latin-1 and Windows-1252 (item 14)', () => {
  const latin = 'id;name;note\n1;Histórico;Müller & Søn\n2;François;Ñandú\n';

  it('a sniffed Windows-1251 that looks unlike Russian says so and names --encoding', () => {
    const r = decode(Buffer.from(latin, 'latin1'), 5);
    expect(r).toMatchObject({ encoding: 'windows-1251', text: iconv.decode(Buffer.from(latin, 'latin1'), 'win1251') });
    expect(r.warning).toBe('read as windows-1251, but it looks unlike Russian (0 of 6 non-ASCII characters are Cyrillic letters in Cyrillic words); if it is Latin-1 or Windows-1252, pass --encoding windows-1252');
  });

  it('Russian text does not get the warning, with its quotes and numbers signs', () => {
    const r = decode(iconv.encode('id;name\n1;ООО «Ромашка» № 5, Ёлкина Zоя\n', 'win1251'), 3);
    expect(r).toMatchObject({ encoding: 'windows-1251', warning: undefined });
  });

  it('--encoding latin1 and windows-1252 read them as written', () => {
    expect(encodingName('latin1')).toBe('latin1');
    expect(encodingName('ISO-8859-1')).toBe('latin1');
    expect(encodingName('cp1252')).toBe('windows-1252');
    expect(encodingName('Windows-1252')).toBe('windows-1252');
    expect(decode(Buffer.from(latin, 'latin1'), 4, 'latin1', false)).toEqual({ text: latin, encoding: 'latin1', warning: undefined });
    const w1252 = iconv.encode('1;“Histórico” – €5\n', 'win1252');
    expect(decode(w1252, 4, 'windows-1252', false)).toEqual({ text: '1;“Histórico” – €5\n', encoding: 'windows-1252', warning: undefined });
  });
});

describe('sniffEncoding', () => {
  it('knows BOMs and BOM-less UTF-16; anything else is UTF-8, revisable', () => {
    expect(sniffEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ encoding: 'utf-8', auto: false });
    expect(sniffEncoding(Buffer.from([0xff, 0xfe, 0x61, 0]))).toEqual({ encoding: 'utf-16le', auto: false });
    expect(sniffEncoding(Buffer.from([0xfe, 0xff, 0, 0x61]))).toEqual({ encoding: 'utf-16be', auto: false });
    expect(sniffEncoding(iconv.encode('id,phone\n1,2\n', 'utf16le'))).toEqual({ encoding: 'utf-16le', auto: false });
    expect(sniffEncoding(iconv.encode('Анна', 'win1251'))).toEqual({ encoding: 'utf-8', auto: true });
  });
});
