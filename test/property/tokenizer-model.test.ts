/**
 * Model-based test of CsvTokenizer (header mode) against the slow reference reader in
 * ./reference-csv.ts: the same text, fed to the tokenizer in random chunk sizes (splitting CRLF
 * pairs and surrogate pairs anywhere), must give the same records (line, fields, malformed or not,
 * the raw first line of a malformed record) and the same count of blank lines.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CsvTokenizer, RAW_SHOWN, type CsvRecord } from '../../src/io/csv-tokenizer.js';
import { referenceRead, type RefLimits, type RefResult } from './reference-csv.js';

const DELIMITERS = [',', ';', '\t', '|'] as const;
const RUNS_PER_SHAPE = Number(process.env.PROPERTY_RUNS ?? 800);

interface Fed {
  records: CsvRecord[];
  blankLines: number;
}

/** Cuts `text` into chunks whose sizes cycle through `sizes` (0 pushes an empty chunk). */
function chunk(text: string, sizes: readonly number[]): string[] {
  if (sizes.length === 0) return [text];
  const out: string[] = [];
  let pos = 0;
  for (let n = 0; pos < text.length; n++) {
    const size = sizes[n % sizes.length]!;
    out.push(text.slice(pos, pos + size));
    pos += size;
    if (n > 100_000) throw new Error('chunk: no progress');
  }
  return out;
}

function feed(chunks: readonly string[], delimiter: string, limits?: RefLimits): Fed {
  const t = new CsvTokenizer({ delimiter, header: true, ...limits });
  const records: CsvRecord[] = [];
  for (const c of chunks) t.push(c, records);
  t.end(records);
  return { records, blankLines: t.blankLines };
}

/** What the comparison looks at: line, fields, and for a malformed record its raw first line. */
function viewOfTokenizer(r: Fed, withRaw = true) {
  return {
    blankLines: r.blankLines,
    records: r.records.map((x) => ({
      line: x.line,
      fields: x.fields,
      malformed: x.malformed !== undefined,
      ...(withRaw ? { raw: x.malformed?.raw } : {}),
    })),
  };
}

function viewOfReference(r: RefResult, withRaw = true) {
  return {
    blankLines: r.blankLines,
    records: r.records.map((x) => ({
      line: x.line,
      fields: x.fields,
      malformed: x.malformedRaw !== undefined,
      // The tokenizer shows at most RAW_SHOWN characters; generated lines stay far below that.
      ...(withRaw ? { raw: x.malformedRaw } : {}),
    })),
  };
}

function check(text: string, delimiter: string, sizes: readonly number[]): void {
  const expected = viewOfReference(referenceRead(text, delimiter));
  for (const r of expected.records) expect(r.raw === undefined || r.raw.length <= RAW_SHOWN).toBe(true);
  expect(viewOfTokenizer(feed(chunk(text, sizes), delimiter))).toEqual(expected);
}

/**
 * With small field and record limits. The raw text of a malformed record is not compared: when the
 * tokenizer skips an over-long line without buffering it, it can show only what it had buffered.
 */
function checkWithLimits(text: string, delimiter: string, sizes: readonly number[], limits: RefLimits): void {
  const expected = viewOfReference(referenceRead(text, delimiter, limits), false);
  expect(viewOfTokenizer(feed(chunk(text, sizes), delimiter, limits), false)).toEqual(expected);
}

// ---------------------------------------------------------------------------------------------
// Generators

/** One "character" of token soup: heavy in quotes, delimiters, line ends and white space. */
function soupToken(delimiter: string): fc.Arbitrary<string> {
  const w = (weight: number, ...values: string[]) => ({ weight, arbitrary: fc.constantFrom(...values) });
  return fc.oneof(
    w(8, '"'),
    w(3, '""'),
    w(8, delimiter),
    w(2, ...DELIMITERS.filter((d) => d !== delimiter)),
    w(3, '\n'),
    w(2, '\r'),
    w(2, '\r\n'),
    w(2, ' '),
    w(2, '\t'),
    w(1, '\u00a0', '\u000b', '\u000c', '\u3000'),
    w(4, 'a', 'b', 'Z', '1'),
    w(3, 'Ж', 'я', 'Ё'),
    w(2, '😀', '👍🏽'),
  );
}

const soup = (delimiter: string) => fc.array(soupToken(delimiter), { maxLength: 60 }).map((t) => t.join(''));

/** Text of a cell: short, full of the dialect's special characters. */
function cellText(delimiter: string): fc.Arbitrary<string> {
  return fc.array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('a', 'b', 'Ж', 'я', '😀', '1', '+', '=', '-') },
      { weight: 2, arbitrary: fc.constantFrom('"', delimiter, '\n', '\r', '\r\n', ' ', '\t') },
    ),
    { maxLength: 6 },
  ).map((t) => t.join(''));
}

/** A cell as written: properly quoted, raw (maybe wrongly), or with deliberately broken quoting. */
function writtenCell(delimiter: string): fc.Arbitrary<string> {
  return fc.tuple(cellText(delimiter), fc.constantFrom('quoted', 'quoted', 'raw', 'raw', 'raw', 'junk-after-quote', 'unclosed'))
    .map(([text, how]) => {
      const quoted = `"${text.replace(/"/g, '""')}"`;
      switch (how) {
        case 'quoted': return quoted;
        case 'raw': return text;
        case 'junk-after-quote': return `${quoted}x`;
        default: return `"${text}`;
      }
    });
}

const lineEnd = fc.constantFrom('\n', '\r\n', '\r');

/** A table: a header of k fields, rows mostly of k fields, blank lines between, mixed line ends. */
function structured(delimiter: string): fc.Arbitrary<string> {
  const blank = fc.array(fc.constantFrom(' ', '\t', '\u00a0', '\u000b', '\u000c'), { maxLength: 3 }).map((t) => t.join(''));
  return fc.integer({ min: 1, max: 5 }).chain((k) => {
    const row = fc.oneof(
      { weight: 6, arbitrary: fc.array(writtenCell(delimiter), { minLength: k, maxLength: k }) },
      { weight: 1, arbitrary: fc.array(writtenCell(delimiter), { minLength: Math.max(1, k - 1), maxLength: k + 1 }) },
    ).map((cells) => cells.join(delimiter));
    const line = fc.oneof({ weight: 5, arbitrary: row }, { weight: 1, arbitrary: blank });
    return fc.tuple(fc.array(fc.tuple(line, lineEnd), { maxLength: 10 }), fc.boolean())
      .map(([lines, finalEnd]) => {
        const text = lines.map(([l, e]) => l + e).join('');
        return finalEnd || lines.length === 0 ? text : text.slice(0, text.length - lines.at(-1)![1].length);
      });
  });
}

/** Chunk sizes: whole text, one code unit at a time, or a random cycle of small sizes. */
const chunkSizes = fc.oneof(
  { weight: 1, arbitrary: fc.constant([] as number[]) },
  { weight: 1, arbitrary: fc.constant([1]) },
  { weight: 4, arbitrary: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 6 }).filter((s) => s.some((n) => n > 0)) },
);

// ---------------------------------------------------------------------------------------------

describe('CsvTokenizer agrees with the reference reader', () => {
  for (const delimiter of DELIMITERS) {
    const name = delimiter === '\t' ? 'tab' : delimiter;

    it(`token soup, delimiter ${name}`, () => {
      fc.assert(fc.property(soup(delimiter), chunkSizes, (text, sizes) => check(text, delimiter, sizes)), { numRuns: RUNS_PER_SHAPE });
    });

    it(`tables with broken rows, delimiter ${name}`, () => {
      fc.assert(fc.property(structured(delimiter), chunkSizes, (text, sizes) => check(text, delimiter, sizes)), { numRuns: RUNS_PER_SHAPE });
    });
  }
});

const smallLimits = fc.record({ maxField: fc.integer({ min: 1, max: 8 }), maxRecord: fc.integer({ min: 1, max: 24 }) });
const anyText = (delimiter: string) => fc.oneof(soup(delimiter), structured(delimiter));

describe('CsvTokenizer agrees with the reference reader under small field and record limits', () => {
  for (const delimiter of DELIMITERS) {
    const name = delimiter === '\t' ? 'tab' : delimiter;

    it(`whole text, delimiter ${name}`, () => {
      fc.assert(fc.property(anyText(delimiter), smallLimits, (text, limits) => checkWithLimits(text, delimiter, [], limits)), { numRuns: RUNS_PER_SHAPE });
    });

    it(`in chunks, delimiter ${name}`, () => {
      fc.assert(fc.property(anyText(delimiter), chunkSizes, smallLimits, (text, sizes, limits) => checkWithLimits(text, delimiter, sizes, limits)), { numRuns: RUNS_PER_SHAPE });
    });
  }
});

describe('the reference reader itself (sanity)', () => {
  it('reads the spec dialect on hand-written cases', () => {
    const r = referenceRead('id,name\r\n1,"a\nb"\n\n  \n2,"x""y"\r3,"bad"x\n4,"open\n5,z', ',');
    expect(r.blankLines).toBe(2);
    expect(r.records).toEqual([
      { line: 1, fields: ['id', 'name'] },
      { line: 2, fields: ['1', 'a\nb'] },
      { line: 6, fields: ['2', 'x"y'] },
      { line: 7, fields: ['3', 'badx'], malformedRaw: '3,"bad"x' },
      { line: 8, fields: ['4', 'open'], malformedRaw: '4,"open' },
      { line: 9, fields: ['5', 'z'] },
    ]);
  });

  it('treats a line of tabs as a row in a TSV and as blank elsewhere', () => {
    expect(referenceRead('a\tb\n\t\n', '\t').records.map((r) => r.fields)).toEqual([['a', 'b'], ['', '']]);
    expect(referenceRead('a,b\n\t\n', ',').blankLines).toBe(1);
  });
});

/**
 * Regressions: the minimal counterexamples fast-check found for the limits properties above, and
 * the same shapes at the default limits (1 MiB field, 4 MiB record). Both are chunk-boundary
 * effects: the result depends on where the input was cut, which the reference reader doesn't.
 */
describe('CsvTokenizer regressions found by the limits properties', () => {
  function run(chunks: readonly string[], limits: Partial<RefLimits> = {}) {
    const t = new CsvTokenizer({ delimiter: ',', header: true, ...limits });
    const records: CsvRecord[] = [];
    for (const c of chunks) t.push(c, records);
    t.end(records);
    return {
      blankLines: t.blankLines,
      records: records.map((r) => ({ line: r.line, fields: r.fields.map((f) => (f.length > 12 ? `${f.slice(0, 12)}…(${f.length})` : f)), malformed: r.malformed?.problem })),
    };
  }

  // Bug A: a white-space-only line longer than maxRecord whose end is not in the buffer yet is
  // read as a record (then malformed as "longer than maxRecord") instead of a blank line.
  it('a white-space-only line longer than maxRecord is a blank line (counterexample ["  ", {maxField: 1, maxRecord: 1}])', () => {
    expect(run(['  '], { maxField: 1, maxRecord: 1 })).toEqual({ blankLines: 1, records: [] });
  });

  it('a white-space-only line longer than 4 MiB between rows is a blank line, not a ROW_MALFORMED row', () => {
    const spaces = ' '.repeat((4 << 20) + 1);
    expect(run(['id,phone\n', spaces, '\n1,2\n'])).toEqual({
      blankLines: 1,
      records: [
        { line: 1, fields: ['id', 'phone'], malformed: undefined },
        { line: 3, fields: ['1', '2'], malformed: undefined },
      ],
    });
  });

  // Bug B: a multi-line record of exactly maxRecord characters ended by a CR that is the last
  // character of the buffer is reported "longer than maxRecord" (the CR is counted while the
  // tokenizer waits to see whether an LF follows), and its first line alone becomes malformed.
  it('a multi-line record of exactly maxRecord characters ended by a CR is read (counterexample "\\"\\r\\n\\"\\r", maxRecord 4)', () => {
    expect(run(['"\r\n"\r'], { maxField: 2, maxRecord: 4 })).toEqual({
      blankLines: 0,
      records: [{ line: 1, fields: ['\r\n'], malformed: undefined }],
    });
  });

  it('a multi-line record of exactly 4 MiB whose CRLF is cut between CR and LF by a chunk boundary is read', () => {
    const M = 1 << 20;
    const record = [`"\n${'a'.repeat(M - 1)}"`, 'b'.repeat(M), 'c'.repeat(M), 'd'.repeat(M - 5)].join(',');
    expect(record.length).toBe(4 << 20);
    // Whole, it is read; cut after its CR, it must be read the same way.
    const whole = run([`a,b,c,d\n${record}\r\n1,2,3,4\n`]);
    expect(whole.records.map((r) => r.malformed)).toEqual([undefined, undefined, undefined]);
    expect(run([`a,b,c,d\n${record}\r`, '\n1,2,3,4\n'])).toEqual(whole);
  });
});
