import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CsvTokenizer, type CsvRecord, type TokenizerOptions } from '../../src/io/csv-tokenizer.js';
import { csvLine } from '../../src/io/csv-write.js';

interface Result {
  records: CsvRecord[];
  blankLines: number;
}

/** Feeds `chunks` one by one, then ends the input. */
function feed(chunks: readonly string[], opts: Partial<TokenizerOptions> = {}): Result {
  const t = new CsvTokenizer({ delimiter: ',', ...opts });
  const records: CsvRecord[] = [];
  for (const c of chunks) t.push(c, records);
  t.end(records);
  return { records, blankLines: t.blankLines };
}

const whole = (text: string, opts: Partial<TokenizerOptions> = {}) => feed([text], opts);
const fields = (r: Result) => r.records.map((x) => x.fields);
const lines = (r: Result) => r.records.map((x) => x.line);

describe('CsvTokenizer: fields', () => {
  it('splits plain fields on the delimiter', () => {
    expect(fields(whole('a,b,c\n1,2,3\n'))).toEqual([['a', 'b', 'c'], ['1', '2', '3']]);
  });

  it('uses the delimiter it is given', () => {
    expect(fields(whole('a;b\tc|d', { delimiter: ';' }))).toEqual([['a', 'b\tc|d']]);
    expect(fields(whole('a;b\tc|d', { delimiter: '\t' }))).toEqual([['a;b', 'c|d']]);
  });

  it('keeps empty fields, leading and trailing', () => {
    expect(fields(whole(',a,,b,\n'))).toEqual([['', 'a', '', 'b', '']]);
  });

  it('reads a quoted field holding the delimiter, doubled quotes and line breaks', () => {
    const r = whole('"a,b","say ""hi""","line1\nline2\r\nline3"\n');
    expect(fields(r)).toEqual([['a,b', 'say "hi"', 'line1\nline2\r\nline3']]);
  });

  it('reads an empty quoted field and a field that is only a doubled quote', () => {
    expect(fields(whole('"",""""\n'))).toEqual([['', '"']]);
  });

  it('takes a quote inside an unquoted field literally', () => {
    expect(fields(whole('ООО "Ромашка",x"y"\n'))).toEqual([['ООО "Ромашка"', 'x"y"']]);
  });

  it('does not open a quoted field after leading white space', () => {
    expect(fields(whole(' "a",b\n'))).toEqual([[' "a"', 'b']]);
  });

  it('reads the last record without a line end', () => {
    expect(fields(whole('a,b\n1,2'))).toEqual([['a', 'b'], ['1', '2']]);
    expect(fields(whole('a,"b"'))).toEqual([['a', 'b']]);
  });

  it('rejects a delimiter that is not one character', () => {
    expect(() => new CsvTokenizer({ delimiter: ',,' })).toThrow(/one character/);
    expect(() => new CsvTokenizer({ delimiter: '' })).toThrow(/one character/);
  });
});

describe('CsvTokenizer: line ends and line numbers', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('reads %s line ends', (_name, eol) => {
    const r = whole(['h1,h2', 'a,b', 'c,d'].join(eol) + eol);
    expect(fields(r)).toEqual([['h1', 'h2'], ['a', 'b'], ['c', 'd']]);
    expect(lines(r)).toEqual([1, 2, 3]);
  });

  it('reads mixed line ends', () => {
    const r = whole('a\r\nb\rc\nd');
    expect(fields(r)).toEqual([['a'], ['b'], ['c'], ['d']]);
    expect(lines(r)).toEqual([1, 2, 3, 4]);
  });

  it('numbers a record after a multi-line field by physical line', () => {
    const r = whole('id,note\n1,"two\nlines"\n2,"three\r\nphysical\rlines"\n3,x\n');
    expect(lines(r)).toEqual([1, 2, 4, 7]);
    expect(r.records[3]!.fields).toEqual(['3', 'x']);
  });

  it('counts a CR at the end of a quoted value followed by the line end as its own break', () => {
    const r = whole('"a\r"\nb\n');
    expect(fields(r)).toEqual([['a\r'], ['b']]);
    expect(lines(r)).toEqual([1, 3]);
  });

  it('skips blank and white-space-only lines, counts them, and keeps numbering', () => {
    const r = whole('h\n\n  \n\t\r\n1\r\n\r2\n \u00a0\n3');
    expect(fields(r)).toEqual([['h'], ['1'], ['2'], ['3']]);
    expect(lines(r)).toEqual([1, 5, 7, 9]);
    expect(r.blankLines).toBe(5);
  });

  it('counts blank lines before the first record', () => {
    const r = whole('\n\nh1,h2\n1,2\n');
    expect(lines(r)).toEqual([3, 4]);
    expect(r.blankLines).toBe(2);
  });

  it('counts trailing white space at the end of the input as a blank line, but not a final line end', () => {
    expect(whole('a\n').blankLines).toBe(0);
    expect(whole('a\n   ').blankLines).toBe(1);
    expect(whole('a\n   ').records).toHaveLength(1);
  });

  it('reads a line of bare delimiters as a row of empty cells', () => {
    const r = whole('a;b;c;d\n;;;\n1;2;3;4\n', { delimiter: ';', header: true });
    expect(r.records[1]).toEqual({ line: 2, fields: ['', '', '', ''] });
    expect(r.records[1]!.malformed).toBeUndefined();
    expect(r.blankLines).toBe(0);
  });

  it('reads a line of tabs in a TSV as a row of empty cells, not as a blank line', () => {
    const r = whole('a\tb\n\t\n', { delimiter: '\t' });
    expect(fields(r)).toEqual([['a', 'b'], ['', '']]);
    expect(r.blankLines).toBe(0);
  });

  it('starts numbering at firstLine', () => {
    expect(lines(whole('a\nb\n', { firstLine: 10 }))).toEqual([10, 11]);
  });
});

describe('CsvTokenizer: header mode and malformed records', () => {
  it('learns the field count from the header', () => {
    const t = new CsvTokenizer({ delimiter: ',', header: true });
    expect(t.expectedFields).toBeUndefined();
    const out: CsvRecord[] = [];
    t.push('a,b,c\n', out);
    expect(t.expectedFields).toBe(3);
  });

  it('accepts any field count without header mode', () => {
    const r = whole('a,b\n1,2,3\n4\n');
    expect(r.records.every((x) => x.malformed === undefined)).toBe(true);
  });

  it('makes a record with too many or too few fields malformed, and goes on', () => {
    const r = whole('a,b\n1,2,3\n4\n5,6\n', { header: true });
    expect(r.records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2', '3'], malformed: { problem: '3 fields where the header has 2', raw: '1,2,3' } },
      { line: 3, fields: ['4'], malformed: { problem: '1 field where the header has 2', raw: '4' } },
      { line: 4, fields: ['5', '6'] },
    ]);
  });

  it('takes only the first physical line of a multi-line record with the wrong field count, and resumes on the next line', () => {
    const r = whole('a,b\n"x\ny",1,2\n5,6\n', { header: true });
    expect(r.records[1]).toMatchObject({ line: 2, fields: ['x'], malformed: { raw: '"x' } });
    // Reading resumes on line 3, in the middle of what was the quoted field.
    expect(r.records[2]).toMatchObject({ line: 3, fields: ['y"', '1', '2'], malformed: { raw: 'y",1,2' } });
    expect(r.records[3]).toEqual({ line: 4, fields: ['5', '6'] });
  });

  it('makes a quoted field closed before other text malformed', () => {
    const r = whole('a,b\n"abc"x,1\nc,d\n', { header: true });
    expect(r.records[1]).toEqual({
      line: 2,
      fields: ['abcx', '1'],
      malformed: { problem: 'a quoted field is closed where no delimiter or line end follows', raw: '"abc"x,1' },
    });
    expect(r.records[2]).toEqual({ line: 3, fields: ['c', 'd'] });
  });

  it('makes "abc"x malformed without header mode too', () => {
    const r = whole('"abc"x\n');
    expect(r.records).toHaveLength(1);
    expect(r.records[0]!.malformed?.problem).toMatch(/closed where no delimiter or line end follows/);
  });

  it('makes a quote still open at the end of the file a malformed first line, then reads the following lines again', () => {
    const r = whole('a,b\n"x,1\nc,d\ne,f', { header: true });
    expect(r.records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x,1'], malformed: { problem: 'a quoted field is still open at the end of the file', raw: '"x,1' } },
      { line: 3, fields: ['c', 'd'] },
      { line: 4, fields: ['e', 'f'] },
    ]);
  });

  it('reads an open quote at the end of the file the same way when fed in pieces', () => {
    const text = 'a,b\n"x,1\nc,d\ne,f\n';
    const expected = whole(text, { header: true });
    expect(feed(text.split(''), { header: true })).toEqual(expected);
  });

  it('fills the fields of a malformed line as far as they go', () => {
    const r = whole('a,b,c\n1,"2\n', { header: true });
    expect(r.records[1]).toMatchObject({ line: 2, fields: ['1', '2'], malformed: { raw: '1,"2' } });
  });
});

describe('CsvTokenizer: chunk boundaries', () => {
  const samples = [
    'phone,name,note\r\n+7 916 111-22-33,"Ivanov, Ivan","said ""call me""\r\nlater"\r\n\r\n  \r\n8 912 345-67-89,x,y\r\n',
    'a;b\r"q;\r\nq";2\r;;\r\r"abc"x;1\rz;"open\n1;2\n',
    'h1,h2\n1,2,3\n"x\ny",1,2\n"",""""\nООО "Ромашка",2\n   \n\t\n"last",\r',
  ];

  for (const [n, text] of samples.entries()) {
    for (const header of [false, true]) {
      const delimiter = n === 1 ? ';' : ',';
      it(`sample ${n + 1} (header ${header}): every split into two pieces reads as the whole`, () => {
        const opts = { delimiter, header };
        const expected = whole(text, opts);
        for (let i = 0; i <= text.length; i++) {
          expect(feed([text.slice(0, i), text.slice(i)], opts), `split at ${i}`).toEqual(expected);
        }
      });

      it(`sample ${n + 1} (header ${header}): every split into three pieces, and one character at a time, reads as the whole`, () => {
        const opts = { delimiter, header };
        const expected = whole(text, opts);
        for (let i = 0; i <= text.length; i++) {
          for (let j = i; j <= text.length; j++) {
            expect(feed([text.slice(0, i), text.slice(i, j), text.slice(j)], opts), `split at ${i}, ${j}`).toEqual(expected);
          }
        }
        expect(feed(text.split(''), opts)).toEqual(expected);
      });
    }
  }

  it('reads any text of CSV-ish characters the same in random pieces as whole', () => {
    const alphabet = fc.constantFrom('a', 'я', ',', '"', '\n', '\r', ' ', '\t');
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 60 }).map((cs) => cs.join('')),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.boolean(),
        (text, cuts, header) => {
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const chunks: string[] = [];
          let prev = 0;
          for (const p of points) { chunks.push(text.slice(prev, p)); prev = p; }
          chunks.push(text.slice(prev));
          expect(feed(chunks, { header })).toEqual(whole(text, { header }));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('with `lines`, gives each plain record its line however the text is cut (a piece finishing a left-over line is read apart, issue #16)', () => {
    const alphabet = fc.constantFrom('a', 'я', ';', '"', '\n', '\r\n', ' ', '\n');
    /** Each record with its line as text, instead of the chunk it points into. */
    const view = (r: Result) => r.records.map(({ text, from, to, ...rest }) => ({ ...rest, copied: text === undefined ? undefined : text.slice(from, to) }));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }).map((cs) => cs.join('')), fc.array(fc.nat(), { maxLength: 6 }), fc.boolean(), (text, cuts, header) => {
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks: string[] = [];
        let prev = 0;
        for (const p of points) { chunks.push(text.slice(prev, p)); prev = p; }
        chunks.push(text.slice(prev));
        const opts = { delimiter: ';', header, lines: true };
        const expected = whole(text, opts);
        const got = feed(chunks, opts);
        expect(view(got)).toEqual(view(expected));
        expect(got.blankLines).toBe(expected.blankLines);
        // A plain line's text is its fields joined again.
        for (const r of view(got)) if (r.copied !== undefined) expect(r.copied).toBe(r.fields.join(';'));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads back what csvLine writes, with the physical line of each record', () => {
    const cell = fc.array(fc.constantFrom('a', 'Я', ',', '"', '\n', '\r', '\r\n', ' ', ';', '+7'), { maxLength: 6 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 8 }), fc.nat(), (rows, cutSeed) => {
        const text = rows.map((r) => csvLine(r)).join('');
        const cut = cutSeed % (text.length + 1);
        const r = feed([text.slice(0, cut), text.slice(cut)]);
        expect(fields(r)).toEqual(rows);
        let line = 1;
        const expectedLines = rows.map((row) => {
          const at = line;
          line += (csvLine(row).match(/\r\n|\r|\n/g) ?? []).length;
          return at;
        });
        expect(lines(r)).toEqual(expectedLines);
        expect(r.records.every((x) => x.malformed === undefined)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('CsvTokenizer: limits', () => {
  const limits = { maxField: 10, maxRecord: 40, header: true };

  it('accepts a field of exactly maxField characters', () => {
    const r = whole('a,b\n0123456789,x\n', limits);
    expect(r.records[1]).toEqual({ line: 2, fields: ['0123456789', 'x'] });
  });

  it('makes a field over maxField malformed and reads the next line', () => {
    const r = whole('a,b\n01234567890,x\n1,2\n', limits);
    expect(r.records[1]).toMatchObject({ line: 2, malformed: { problem: 'a field is longer than 10 characters', raw: '01234567890,x' } });
    expect(r.records[1]!.fields.every((f) => f.length <= 10)).toBe(true);
    expect(r.records[2]).toEqual({ line: 3, fields: ['1', '2'] });
  });

  it('makes a quoted field over maxField malformed', () => {
    const r = whole('a,b\n"0123456789,",x\n1,2\n', limits);
    expect(r.records[1]!.malformed?.problem).toBe('a field is longer than 10 characters');
    expect(r.records[2]).toEqual({ line: 3, fields: ['1', '2'] });
  });

  it('makes a record over maxRecord malformed and reads the next line', () => {
    const long = Array.from({ length: 6 }, () => 'xxxxxxxx').join(','); // 53 characters, fields of 8
    const r = whole(`a,b\n${long}\n1,2\n`, limits);
    expect(r.records[1]).toMatchObject({ line: 2, malformed: { problem: 'the record is longer than 40 characters', raw: long } });
    expect(r.records[2]).toEqual({ line: 3, fields: ['1', '2'] });
  });

  it('makes a multi-line record over maxRecord its first line alone', () => {
    const text = 'a,b\n"aaaaaaaa\nbbbbbbbb\ncccccccc\ndddddddd\neeeeeeee",1\n1,2\n';
    for (const chunks of [[text], text.split('')]) {
      const r = feed(chunks, { maxField: 100, maxRecord: 40, header: true });
      expect(r.records[1]).toMatchObject({ line: 2, malformed: { problem: 'the record is longer than 40 characters', raw: '"aaaaaaaa' } });
      expect(r.records[2]).toMatchObject({ line: 3, fields: ['bbbbbbbb'] });
      expect(r.records.at(-1)).toEqual({ line: 7, fields: ['1', '2'] });
    }
  });

  it('skips an over-long first line without buffering it, then reads the next line', () => {
    const t = new CsvTokenizer({ delimiter: ',', maxField: 10, maxRecord: 40 });
    const out: CsvRecord[] = [];
    const piece = 'y'.repeat(7);
    let largest = 0;
    for (let i = 0; i < 20_000; i++) {
      t.push(piece, out);
      largest = Math.max(largest, (t as unknown as { buf: string }).buf.length);
    }
    t.push('\nok,1\n', out);
    t.end(out);
    expect(largest).toBeLessThan(100);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ line: 1, malformed: { problem: 'the record is longer than 40 characters' } });
    expect(out[0]!.fields.join('').length).toBeLessThanOrEqual(40);
    expect(out[1]).toEqual({ line: 2, fields: ['ok', '1'] });
  });

  it('skips an over-long line that ends with CRLF split across pieces', () => {
    const t = new CsvTokenizer({ delimiter: ',', maxRecord: 40 });
    const out: CsvRecord[] = [];
    t.push('z'.repeat(100), out);
    t.push('zzz\r', out);
    t.push('\nnext\n', out);
    t.end(out);
    expect(out.map((r) => r.line)).toEqual([1, 2]);
    expect(out[1]).toEqual({ line: 2, fields: ['next'] });
  });
});
