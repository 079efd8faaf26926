import { describe, expect, it } from 'vitest';
import { csvField, csvLine, neutralizeFormula } from '../../src/io/csv-write.js';

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
