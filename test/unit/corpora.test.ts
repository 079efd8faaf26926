/**
 * Our CSV dialect against outside corpora (issue #12): csv-spectrum's files, PapaParse's parse
 * cases and CPython's csv reader cases, kept as data under test/corpora/ (see the README there).
 * Each case is read with the tokenizer the audit uses; every case whose options we don't offer is
 * counted, not run; every other case must read as the corpus expects, unless it is listed in
 * test/corpora/differences.json with the dialect choice that explains it (README "What we test").
 * The list is held exact both ways: a listed case that now agrees fails the test too.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CsvTokenizer, type CsvRecord } from '../../src/io/csv-tokenizer.js';
import { detectDelimiter } from '../../src/io/table-reader.js';
import { createDecoder, sniffEncoding } from '../../src/io/decode.js';
import { ROOT } from '../helpers/exec.js';

const CORPORA = join(ROOT, 'test', 'corpora');
const DIFFERENCES = JSON.parse(readFileSync(join(CORPORA, 'differences.json'), 'utf8')) as {
  choices: Record<string, string>;
  cases: Record<string, Record<string, string>>;
};

/** The delimiters a list may have (README "Dialect"): a case naming another one is not run. */
const OUR_DELIMITERS = [',', ';', '\t', '|'];

/**
 * The records we read from `text` written as UTF-8: decoded as a file is (a BOM dropped), the
 * delimiter detected from the first line as for a list unless the case names one, then the
 * tokenizer the audit uses (no header check here: corpus rows may differ in length).
 */
function ours(text: string, delimiter?: string): { rows: string[][]; malformed: boolean } {
  const bytes = Buffer.from(text, 'utf8');
  const sniffed = sniffEncoding(bytes);
  const decoder = createDecoder(sniffed.encoding, 'corpus', sniffed.auto);
  const decoded = decoder.write(bytes) + decoder.end();
  const firstLine = decoded.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
  const t = new CsvTokenizer({ delimiter: delimiter ?? detectDelimiter(firstLine) });
  const out: CsvRecord[] = [];
  t.push(decoded, out);
  t.end(out);
  return { rows: out.map((r) => r.fields), malformed: out.some((r) => r.malformed !== undefined) };
}

interface Outcome { key: string; result: 'same' | 'differs' | 'not run'; got?: unknown; want?: unknown }

/** Checks a corpus's outcomes against the listed differences, both ways. */
function hold(corpus: string, outcomes: Outcome[]): void {
  const listed = DIFFERENCES.cases[corpus] ?? {};
  for (const reason of Object.values(listed)) expect(DIFFERENCES.choices, `${corpus}: reason ${reason}`).toHaveProperty(reason);
  const keys = new Set(outcomes.map((o) => o.key));
  expect(keys.size, `${corpus}: case keys are unique`).toBe(outcomes.length);
  for (const key of Object.keys(listed)) expect(keys.has(key), `${corpus}: listed case ${key} exists`).toBe(true);
  for (const o of outcomes) {
    if (o.result === 'not run') continue;
    if (listed[o.key]) expect(o.result, `${corpus}: ${o.key} is listed (${listed[o.key]}) but now reads the same`).toBe('differs');
    else expect(o.got, `${corpus}: ${o.key}`).toEqual(o.want);
  }
}

describe('csv-spectrum', () => {
  it('every file reads as its JSON says, or differs by a listed dialect choice', () => {
    const names = readdirSync(join(CORPORA, 'csv-spectrum', 'csvs')).filter((f) => f.endsWith('.csv')).sort();
    expect(names).toHaveLength(11);
    const outcomes = names.map((name): Outcome => {
      const text = readFileSync(join(CORPORA, 'csv-spectrum', 'csvs', name), 'utf8');
      const want = JSON.parse(readFileSync(join(CORPORA, 'csv-spectrum', 'json', name.replace(/\.csv$/, '.json')), 'utf8'));
      const { rows, malformed } = ours(text);
      const [header = [], ...data] = rows;
      const got = malformed ? 'malformed' : data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
      return { key: name, result: JSON.stringify(got) === JSON.stringify(want) ? 'same' : 'differs', got, want };
    });
    hold('csv-spectrum', outcomes);
  });
});

describe('PapaParse parse cases', () => {
  const corpus = JSON.parse(readFileSync(join(CORPORA, 'papaparse', 'cases.json'), 'utf8')) as {
    cases: { suite: string; description: string; input: string; config: Record<string, unknown>; disabled?: boolean; expected: { data: unknown; errors: { type: string }[] } }[];
  };
  /** Options that change what is read and that our dialect does not have. */
  const OFFERED = new Set(['delimiter', 'newline', 'skipEmptyLines']);

  it('every case reads as PapaParse expects, or differs by a listed dialect choice', () => {
    const seen = new Map<string, number>();
    const outcomes = corpus.cases.map((c): Outcome => {
      // A description used twice is told apart by its order.
      const k = (seen.get(`${c.suite}: ${c.description}`) ?? 0) + 1;
      seen.set(`${c.suite}: ${c.description}`, k);
      const key = `${c.suite}: ${c.description}${k > 1 ? ` #${k}` : ''}`;
      const unsupported = Object.keys(c.config).filter((k) => !OFFERED.has(k));
      const delimiter = c.config.delimiter;
      if (c.disabled || unsupported.length || (delimiter !== undefined && !OUR_DELIMITERS.includes(delimiter as string))) return { key, result: 'not run' };
      const { rows, malformed } = ours(c.input, delimiter as string | undefined);
      const quoteError = c.expected.errors.some((e) => e.type === 'Quotes');
      const got = { rows, quoteError: malformed };
      const want = { rows: c.expected.data, quoteError };
      return { key, result: JSON.stringify(got) === JSON.stringify(want) ? 'same' : 'differs', got, want };
    });
    hold('papaparse', outcomes);
    const run = outcomes.filter((o) => o.result !== 'not run');
    expect(run.length).toBeGreaterThan(80);
  });
});

describe("CPython's csv reader cases", () => {
  const corpus = JSON.parse(readFileSync(join(CORPORA, 'cpython', 'cases.json'), 'utf8')) as {
    cases: { where: string; input: { lines?: string[]; text?: string }; options: Record<string, unknown>; expect: unknown; error?: string }[];
  };
  /** Options that read the way our dialect does (the excel dialect's defaults). */
  const SAME_AS_OURS: Record<string, unknown[]> = { skipinitialspace: [false], escapechar: [null], doublequote: [true, 1], quoting: ['QUOTE_MINIMAL'], dialect: ['excel', 'unix'], strict: [true, false, 1, 0] };

  it('every case reads as CPython expects, or differs by a listed dialect choice', () => {
    const seen = new Map<string, number>();
    const outcomes = corpus.cases.map((c): Outcome => {
      const method = c.where.replace(/:\d+$/, '');
      const k = (seen.get(method) ?? 0) + 1;
      seen.set(method, k);
      const key = `${method}#${k}`;
      const { delimiter, ...rest } = c.options;
      const unsupported = Object.entries(rest).filter(([name, v]) => !(SAME_AS_OURS[name] ?? []).includes(v));
      if (unsupported.length || (delimiter !== undefined && !OUR_DELIMITERS.includes(delimiter as string)) || (c.error && c.error !== 'csv.Error')) {
        return { key, result: 'not run' };
      }
      // csv.reader takes lines: each ends its record where it ends, as a line end does.
      const text = c.input.text ?? (c.input.lines ?? []).map((l) => (/[\r\n]$/.test(l) ? l : `${l}\n`)).join('');
      const { rows, malformed } = ours(text, (delimiter as string | undefined) ?? ',');
      // An error CPython raises (strict mode) is a record we can't read: ROW_MALFORMED.
      const got = c.error ? { malformed } : { rows, malformed };
      const want = c.error ? { malformed: true } : { rows: c.expect, malformed: false };
      return { key, result: JSON.stringify(got) === JSON.stringify(want) ? 'same' : 'differs', got, want };
    });
    hold('cpython', outcomes);
    expect(outcomes.filter((o) => o.result !== 'not run').length).toBeGreaterThan(30);
  });
});
