import { describe, expect, it } from 'vitest';
import { normalizePhone, PhoneNormalizer, type PhoneResult } from '../../src/phone/normalize.js';

const e164 = (r: PhoneResult) => (r.kind === 'valid' ? r.e164 : r.kind);
const ru = (cell: string) => normalizePhone(cell, 'RU');

describe('normalizePhone: Russian numbers', () => {
  it.each([
    '8 916 111-22-33',
    '8 (916) 111-22-33',
    '7 916 111 22 33',
    '79161112233',
    '89161112233',
    '+7 916 111-22-33',
    '+7(916)111-22-33',
    '+7 (916) 111 22 33',
    '+79161112233',
    '9161112233',
    '916 111-22-33',
    '  +7 916 111-22-33  ',
    'тел.: +7 916 111-22-33',
    'Тел. 8 (916) 111-22-33',
    'моб. 8-916-111-22-33',
  ])('reads %j as +79161112233', (cell) => {
    const r = ru(cell);
    expect(r).toMatchObject({ kind: 'valid', e164: '+79161112233', country: 'RU', type: 'MOBILE' });
  });

  it('reads the libphonenumber example number', () => {
    expect(e164(ru('+7 912 345-67-89'))).toBe('+79123456789');
    expect(e164(ru('8 912 345 67 89'))).toBe('+79123456789');
  });

  it('gives no extension when there is none', () => {
    const r = ru('+7 916 111-22-33');
    expect(r.kind === 'valid' && r.ext).toBeUndefined();
  });
});

describe('normalizePhone: foreign numbers', () => {
  it.each([
    ['+44 7400 123456', '+447400123456', 'GB'],
    ['+1 201-555-0123', '+12015550123', 'US'],
    ['+1 (201) 555-0123', '+12015550123', 'US'],
    ['+49 1512 3456789', '+4915123456789', 'DE'],
    ['+49 30 123456', '+4930123456', 'DE'],
  ])('reads %j as %s (%s), whatever the region', (cell, number, country) => {
    expect(normalizePhone(cell, 'RU')).toMatchObject({ kind: 'valid', e164: number, country });
    expect(normalizePhone(cell, undefined)).toMatchObject({ kind: 'valid', e164: number, country });
  });

  it('reads national numbers with the region given', () => {
    expect(e164(normalizePhone('07400 123456', 'GB'))).toBe('+447400123456');
    expect(e164(normalizePhone('(201) 555-0123', 'US'))).toBe('+12015550123');
  });
});

describe('normalizePhone: missing and invalid', () => {
  it.each(['', ' ', '   ', '\t', '\u00a0'])('calls %j missing', (cell) => {
    expect(ru(cell)).toEqual({ kind: 'missing' });
  });

  it.each(['n/a', 'N/A', '12345', 'abc', 'нет', 'call me', '+7 123 456-78-90', '8 123 456-78-90', '+7 916 111-22', '+7 916 111-22-33-44-55', '+999 123456789', '-', "'", '=""'])(
    'calls %j invalid',
    (cell) => {
      expect(ru(cell).kind).toBe('invalid');
    },
  );
});

describe('normalizePhone: extensions', () => {
  it.each([
    ['+7 916 111-22-33 доб. 123', '123'],
    ['+7 916 111-22-33 ext. 12', '12'],
    ['+7 916 111-22-33 x12', '12'],
    ['8 (916) 111-22-33 доб.45', '45'],
  ])('reads %j without the extension and keeps ext %s', (cell, ext) => {
    expect(ru(cell)).toMatchObject({ kind: 'valid', e164: '+79161112233', ext });
  });
});

describe('normalizePhone: spreadsheet damage', () => {
  it('drops a leading apostrophe', () => {
    expect(e164(ru("'+79161112233"))).toBe('+79161112233');
    expect(e164(ru("'8 916 111-22-33"))).toBe('+79161112233');
  });

  it('undoes ="..." text forcing', () => {
    expect(e164(ru('="+79161112233"'))).toBe('+79161112233');
    expect(e164(ru('="8 916 111-22-33"'))).toBe('+79161112233');
  });

  it('undoes scientific notation that kept every digit', () => {
    expect(e164(ru('7.9161112233E+10'))).toBe('+79161112233');
    expect(e164(ru('7.9161112233e10'))).toBe('+79161112233');
    expect(e164(ru('7,9161112233E+10'))).toBe('+79161112233');
    expect(e164(ru('="7.9161112233E+10"'))).toBe('+79161112233');
    expect(e164(ru("'7.9161112233E+10"))).toBe('+79161112233');
    expect(e164(normalizePhone('4.47400123456E+11', 'GB'))).toBe('+447400123456');
  });

  it('calls scientific notation that lost digits invalid, saying so', () => {
    const r = ru('7.91611E+10');
    expect(r.kind).toBe('invalid');
    expect(r.kind === 'invalid' && r.problem).toMatch(/lost the last 5 digit/);
  });

  it('calls a fraction or a negative number in scientific notation invalid with a problem', () => {
    const more = ru('7.9161112233E+9');
    expect(more.kind).toBe('invalid');
    expect(more.kind === 'invalid' && more.problem).toBeTruthy();
    const negative = ru('-7.9161112233E+10');
    expect(negative.kind).toBe('invalid');
    expect(negative.kind === 'invalid' && negative.problem).toBeTruthy();
  });
});

describe('normalizePhone: Excel artefacts (issue #11)', () => {
  it('reads a whole number exported as a decimal, with a dot or a comma', () => {
    expect(e164(ru('79161112233.0'))).toBe('+79161112233');
    expect(e164(ru('79161112233,00'))).toBe('+79161112233');
    expect(e164(ru("'79161112233.0"))).toBe('+79161112233');
    expect(e164(new PhoneNormalizer('RU').normalize('79161112233.0'))).toBe('+79161112233');
    expect(e164(new PhoneNormalizer('RU').normalize('7916111223.0 '))).toBe('invalid');
  });

  it('reads such a decimal beside a label or a note, but only when the text as written is no number', () => {
    // Found by test/property/every-number-audited.test.ts (CI, seed 1898449943): in
    // `79163000005.0 тел.: 89163000000` the first part was invalid, so a later row with the same
    // number was not a duplicate.
    expect(e164(ru('79161112233.0 тел.:'))).toBe('+79161112233');
    expect(e164(ru('тел.: 79161112233.0'))).toBe('+79161112233');
    expect(e164(ru('79161112233.00 n/a'))).toBe('+79161112233');
    expect(e164(new PhoneNormalizer('RU').normalize('79161112233.0 (моб)'))).toBe('+79161112233');
    // Not a decimal zero, or not bare digits: as before.
    expect(e164(ru('79161112233.05 (моб)'))).toBe('invalid');
    expect(e164(ru('1.79161112233.0 (моб)'))).toBe('invalid');
    // Valid as written (the `0` completes ten digits): that reading stands, as the fast path gives it.
    expect(e164(ru('7916111223.0 (моб)'))).toBe('+79161112230');
  });

  it('reads no-break, figure, thin and narrow no-break spaces as spaces', () => {
    for (const sp of ['\u00a0', '\u2007', '\u2009', '\u202f']) {
      expect(e164(ru(`+7${sp}916${sp}111${sp}22${sp}33`)), JSON.stringify(sp)).toBe('+79161112233');
      expect(e164(new PhoneNormalizer('RU').normalize(`8${sp}916${sp}111-22-33`)), JSON.stringify(sp)).toBe('+79161112233');
    }
  });
});

describe('normalizePhone: several numbers in one cell', () => {
  it.each([
    ['+7 916 111-22-33, +7 912 345-67-89', '+79161112233'],
    ['+7 912 345-67-89, +7 916 111-22-33', '+79123456789'],
    ['+7 916 111-22-33; +44 7400 123456', '+79161112233'],
    ['+44 7400 123456; +7 916 111-22-33', '+447400123456'],
    ['8 (916) 111-22-33/8 (912) 345-67-89', '+79161112233'],
    ['8 916 111-22-33 или 8 912 345-67-89', '+79161112233'],
    ['9161112233 or 9123456789', '+79161112233'],
    ['+7 916 111-22-33\n+7 912 345-67-89', '+79161112233'],
  ])('reads %j as its first number %s', (cell, number) => {
    expect(e164(ru(cell))).toBe(number);
  });

  it.each([
    ['n/a; +7 912 345-67-89', '+79123456789'],
    ['12345, 8 912 345-67-89', '+79123456789'],
    ['+7 123 456-78-90, +7 916 111-22-33', '+79161112233'],
    ['7.91611E+10; +7 912 345-67-89', '+79123456789'],
  ])('skips invalid parts: %j is %s', (cell, number) => {
    expect(e164(ru(cell))).toBe(number);
  });

  it('is invalid when no part is valid', () => {
    expect(ru('abc, def').kind).toBe('invalid');
    expect(ru('+7 123 456-78-90, 12345').kind).toBe('invalid');
  });
});

describe('normalizePhone: no region', () => {
  it.each(['8 916 111-22-33', '9161112233', '79161112233', '07400 123456'])('calls the national number %j invalid', (cell) => {
    expect(normalizePhone(cell, undefined).kind).toBe('invalid');
  });

  it('reads numbers with a country code', () => {
    expect(e164(normalizePhone('+7 916 111-22-33', undefined))).toBe('+79161112233');
    expect(e164(normalizePhone('+44 7400 123456', undefined))).toBe('+447400123456');
  });
});

describe('PhoneNormalizer', () => {
  const cells = ['+7 916 111-22-33', '8 912 345-67-89', 'n/a', '', '7.91611E+10', '+44 7400 123456', '9161112233'];

  it('gives what normalizePhone gives, and the same result again for the same cell', () => {
    const phones = new PhoneNormalizer('RU');
    for (const c of cells) {
      const first = phones.normalize(c);
      expect(first).toEqual(normalizePhone(c, 'RU'));
      // The fast path builds a fresh result; the memo behind it returns the one it keeps.
      expect(phones.normalize(c)).toStrictEqual(first);
    }
    for (const c of cells) expect(phones.normalize(c)).toEqual(normalizePhone(c, 'RU'));
  });

  it('uses its own region', () => {
    expect(new PhoneNormalizer(undefined).normalize('9161112233').kind).toBe('invalid');
    expect(e164(new PhoneNormalizer('RU').normalize('9161112233'))).toBe('+79161112233');
    expect(new PhoneNormalizer('GB').region).toBe('GB');
  });

  it('still gives the right results after its memo fills up and is cleared', () => {
    const phones = new PhoneNormalizer('RU', 2);
    for (let round = 0; round < 3; round++) {
      for (const c of cells) expect(phones.normalize(c)).toEqual(normalizePhone(c, 'RU'));
    }
  });
});
