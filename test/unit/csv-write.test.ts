import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NUMBER_CELL, csvField, csvLine, isNumberCell, isRegExpSpace, needsQuotes, neutralizeFormula, writeCsvField } from '../../src/io/csv-write.js';
import { LineBuffer } from '../../src/io/line-buffer.js';

describe('csvField', () => {
  it('leaves plain text unquoted', () => {
    expect(csvField('abc')).toBe('abc');
    expect(csvField('+7 916 111-22-33')).toBe('+7 916 111-22-33');
    expect(csvField('')).toBe('');
    expect(csvField('ООО Ромашка; Тверская')).toBe('ООО Ромашка; Тверская');
  });

  it.each([
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['"', '""""'],
    ['line1\nline2', '"line1\nline2"'],
    ['a\rb', '"a\rb"'],
    ['a\r\nb', '"a\r\nb"'],
    [' lead', '" lead"'],
    ['trail ', '"trail "'],
    ['\tx', '"\tx"'],
  ])('quotes %j as %j', (value, quoted) => {
    expect(csvField(value)).toBe(quoted);
  });
});

describe('csvLine', () => {
  it('joins fields with commas and ends with LF', () => {
    expect(csvLine(['a', 'b,c', ''])).toBe('a,"b,c",\n');
    expect(csvLine([])).toBe('\n');
  });
});

describe('neutralizeFormula', () => {
  it.each(['=1+2', '=HYPERLINK("x")', '@SUM(A1)', '\tx', '\rx', '+A1', '-A1', '+=1', '-+1', '++7', '--', '+a', '-Ж', '+\t1', '+\n', '+', '-', '- x', '=1'])(
    'puts an apostrophe before %j',
    (cell) => {
      expect(neutralizeFormula(cell)).toBe(`'${cell}`);
    },
  );

  // Issue #12 item 11: spreadsheets read any leading + or - as a formula, so the old exception
  // (+/- followed by a digit, a space or a parenthesis) left these live.
  it.each([
    "+1+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "+ 1+cmd|' /C calc'!A0", "-(1)+cmd|' /C calc'!A0",
    '＝1+1', '＋1+1', '﹦1+1', '－1+1', '＠SUM(A1)', '+7 916 111-22-33;=1+1', '-5+5', '+1e3', '-1,5',
  ])('puts an apostrophe before the live formula %j', (cell) => {
    expect(neutralizeFormula(cell)).toBe(`'${cell}`);
  });

  it.each([
    '+7 916 111-22-33', '+79161112233', '+7 (916) 111-22-33', '+7 916 111 22 33 доб. 123', '+1 212 555-0100 ext. 12',
    '+44 20 7946 0958 x12', '-5', '-1.5', '+0', '-9', '+ 7', '+(916) 111', '-(1)', '＋7 916 111-22-33', '',
    'abc', "'=x", ' =x', '7=1', 'a@b.example', '8 (916) 111-22-33',
  ])('leaves %j as it is: a phone number, a plain number, or no trigger', (cell) => {
    expect(neutralizeFormula(cell)).toBe(cell);
  });

  it('quotes a neutralized cell when it needs quotes', () => {
    expect(csvLine(['=1,2', '@"x"'].map(neutralizeFormula))).toBe(`"'=1,2","'@""x"""\n`);
  });

  it('neutralizes a cell that starts with a carriage return and quotes it', () => {
    expect(csvField(neutralizeFormula('\r=1'))).toBe(`"'\r=1"`);
  });
});

// Issue #16 item 4: the per-cell checks are written by hand; they must say what the regular
// expressions they replaced say, on strings made of the characters that matter to them.
describe('hand-written cell checks agree with the regular expressions', () => {
  const QUOTES = /[",\r\n]|^\s|\s$/;
  const alphabet = ['+', '-', '＋', '－', '0', '7', '9', ' ', '\u00a0', '\t', '\u2009', '\u3000', '\ufeff', '\u2028', '\v', '(', ')', '.', ',', '"', '\r', '\n',
    ';', 'x', 'X', 'e', 'E', 't', 'T', 'д', 'Д', 'о', 'О', 'б', 'Б', '#', 'a', 'Ж', '='];
  const cell = fc.array(fc.constantFrom(...alphabet), { maxLength: 14 }).map((cs) => cs.join(''));
  const shaped = fc.tuple(fc.constantFrom('+', '-', '＋', '－'), fc.stringMatching(/^[\d ().-]{0,12}$/), fc.constantFrom('', ' ', '\t', ' \u00a0'),
    fc.constantFrom('', 'доб', 'ДОБ.', 'Доб.', 'ext', 'EXT.', 'eXt', 'x', 'X', '#', 'ex', 'доб..'), fc.constantFrom('', ' ', '\u2009'), fc.stringMatching(/^\d{0,3}[a ]?$/))
    .map((parts) => parts.join(''));

  it('needsQuotes is /[",\\r\\n]|^\\s|\\s$/', () => {
    fc.assert(fc.property(fc.oneof(cell, fc.string(), fc.string({ unit: 'binary', maxLength: 6 })), (s) => {
      expect(needsQuotes(s)).toBe(QUOTES.test(s));
      expect(csvField(s)).toBe(QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    }), { numRuns: 20_000 });
    for (let c = 0; c <= 0xffff; c++) expect(isRegExpSpace(c)).toBe(/\s/.test(String.fromCharCode(c)));
  });

  it('needsQuotes is the same past 16 characters, where it searches with indexOf, and with another delimiter', () => {
    // Mostly plain text, so that a long field holding none of the characters that matter is common.
    const long = fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom('a', 'Ж', '7', ' ', '+', 'x') }, { weight: 1, arbitrary: fc.constantFrom(...alphabet) }),
      { minLength: 15, maxLength: 80 }).map((cs) => cs.join(''));
    let plain = 0;
    fc.assert(fc.property(long, fc.constantFrom(44, 59, 9, 124), (s, delimiter) => {
      const within = QUOTES.test(s) || s.includes(String.fromCharCode(delimiter));
      if (!within) plain++;
      expect(needsQuotes(s, delimiter)).toBe(within);
    }), { numRuns: 20_000 });
    // Both answers were seen often enough to matter.
    expect(plain).toBeGreaterThan(1000);
  });

  it('writeCsvField writes the bytes of csvField (issue #16: no field text made first)', () => {
    fc.assert(fc.property(fc.array(fc.oneof(cell, fc.string(), fc.string({ unit: 'binary', maxLength: 40 }))), (fields) => {
      const b = new LineBuffer();
      for (const f of fields) writeCsvField(b, f);
      expect(Buffer.concat(b.take()).equals(Buffer.from(fields.map(csvField).join(''), 'utf8'))).toBe(true);
    }), { numRuns: 5_000 });
  });

  it('isNumberCell is NUMBER_CELL, for cells that start with a sign', () => {
    fc.assert(fc.property(fc.oneof(shaped, cell.map((s) => `+${s}`), cell.map((s) => `－${s}`)), (s) => {
      expect(isNumberCell(s)).toBe(NUMBER_CELL.test(s));
    }), { numRuns: 30_000 });
  });
});
