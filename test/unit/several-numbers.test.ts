import { describe, expect, it } from 'vitest';
import { PhoneNormalizer, splitNumbers } from '../../src/phone/normalize.js';
import { findPhoneColumn } from '../../src/io/columns.js';

describe('splitNumbers: the numbers of one cell (issue #11)', () => {
  it.each([
    ['8(916)123-45-79 (моб), 8(495)765-43-21 (раб)', ['8(916)123-45-79 (моб)', '8(495)765-43-21 (раб)']],
    ['+7 916 111-23-00; +7 916 111-23-11', ['+7 916 111-23-00', '+7 916 111-23-11']],
    ['89161234567 или 84957654321', ['89161234567', '84957654321']],
    ['+7 916 123-45-67 or +7 495 765-43-21', ['+7 916 123-45-67', '+7 495 765-43-21']],
    ['+7 916 123-45-67 / 8 495 765-43-21', ['+7 916 123-45-67', '8 495 765-43-21']],
    ['+7 916 123-45-67\n+7 495 765-43-21', ['+7 916 123-45-67', '+7 495 765-43-21']],
    ['+7 916 123-45-67 +7 495 765-43-21', ['+7 916 123-45-67', '+7 495 765-43-21']],
    ['тел. +7 916 123-45-67, доб. 12; 8 495 765-43-21', ['тел. +7 916 123-45-67, доб. 12', '8 495 765-43-21']],
  ])('splits %j', (cell, parts) => {
    expect(splitNumbers(cell)).toEqual(parts);
  });

  it.each(['+7 916 111-22-33', 'n/a, +7 916 111-22-99', '+7 916 111-22-66, доб. 123', '79161234567,0', '7,9161234567E+10', '8 916 123 45 67 8 495 765 43 21', '', 'нет'])(
    'keeps %j one cell (one number, or none)', (cell) => {
      expect(splitNumbers(cell)).toBeUndefined();
    },
  );

  it('splits two numbers written side by side even when a separator comes later in the cell', () => {
    // Found by test/property/every-number-audited.test.ts: the `/` of `n/a` made the two numbers
    // before it one piece, so the cell was one invalid number and the second went unseen.
    expect(splitNumbers('+79163000000 +79163000009 n/a')).toEqual(['+79163000000', '+79163000009 n/a']);
    expect(splitNumbers('8 916 300-00-00 +7 916 300-00-09; +7 495 765-43-21')).toEqual(['8 916 300-00-00', '+7 916 300-00-09', '+7 495 765-43-21']);
    expect(splitNumbers('+7 916 123-45-67, доб. 12 / n/a')).toBeUndefined();
  });

  it('reads a part a spreadsheet wrote as a decimal, with the next number\'s label after it', () => {
    // Found by test/property/every-number-audited.test.ts (CI, seed 1898449943).
    const r = new PhoneNormalizer('RU').read('79163000005.0 тел.: 89163000000');
    expect(r.kind).toBe('several');
    if (r.kind !== 'several') return;
    expect(r.parts.map((p) => [p.raw, p.result.kind === 'valid' ? p.result.e164 : p.result.kind]))
      .toEqual([['79163000005.0 тел.:', '+79163000005'], ['89163000000', '+79163000000']]);
  });

  it('reads each part, and keeps the one-number reading for evidence files', () => {
    const phones = new PhoneNormalizer('RU');
    const r = phones.read('8(916)123-45-79 (моб), 12345678');
    expect(r.kind).toBe('several');
    if (r.kind !== 'several') return;
    expect(r.parts.map((p) => [p.raw, p.result.kind])).toEqual([['8(916)123-45-79 (моб)', 'valid'], ['12345678', 'invalid']]);
    expect(phones.normalize('8(916)123-45-79 (моб), 12345678')).toEqual(r.single);
    expect(r.single).toMatchObject({ kind: 'valid', e164: '+79161234579' });
  });
});

describe('findPhoneColumn: every phone column (issue #11)', () => {
  it('finds exact names and headers that contain a phone word, in header order', () => {
    const names = ['id', 'Телефон 1', 'Phone 1', 'Номер', 'Мобильный телефон (контакт)', 'Рабочий телефон', 'tel', 'Номер 2'];
    expect(findPhoneColumn(names)!.matches).toEqual(names.slice(1));
  });

  it('leaves out headers that only look like phone columns', () => {
    const names = ['phone', 'Номер договора', 'Номер согласия', 'Telegram', 'Hotel', 'Тип телефона', 'phone_status', 'Дата звонка', 'Оператор связи', 'cellar'];
    expect(findPhoneColumn(names)!.matches).toEqual(['phone']);
  });

  it('takes only the columns named, each of which must be there', () => {
    expect(findPhoneColumn(['a', 'Моб', 'Раб'], ['раб', 'Моб'])!.indexes).toEqual([2, 1]);
    expect(findPhoneColumn(['a', 'Моб'], ['Моб', 'Раб'])).toBeUndefined();
    expect(findPhoneColumn(['a', 'b'])).toBeUndefined();
  });
});
