import { describe, expect, it } from 'vitest';
import { isNameColumn, maskCell, maskEmail, maskName, maskPhone, maskPhoneCell, maskValue, maskWords } from '../../src/report/mask.js';
import { personalColumns, personalKind } from '../../src/io/personal-columns.js';

describe('maskPhone', () => {
  it.each([
    // The example: country code, the first 3 digits of the national number and the last 2 stay.
    ['+7 916 123-45-67', '+7 916 ***-**-67'],
    ['+79161234567', '+7916*****67'],
    ['8 (916) 111-22-33', '8 (916) ***-**-33'],
    ['79161112235', '7916*****35'],
    ['тел.: +7 916 111-22-36', 'тел.: +7 916 ***-**-36'],
    ['+44 7400 123456', '+44 740* ****56'],
    ['+1 201-555-0123', '+1 201-***-**23'],
    ['+49 1512 3456789', '+49 151* *****89'],
    ['+380 44 123 4567', '+380 44 1** **67'],
    ['9161234567', '916*****67'],
    // Wide separators still make one number.
    ['8 916 111 - 22 - 33', '8 916 *** - ** - 33'],
    ['tel. +7 916 123-45-67, or 8-916-765-43-21', 'tel. +7 916 ***-**-67, or 8-916-***-**-21'],
  ])('%s -> %s', (text, masked) => {
    expect(maskPhone(text)).toBe(masked);
  });

  it('hides at least a third of the digits of a short number', () => {
    expect(maskPhone('+7 916 12')).toBe('+7 9** 12');
  });

  it.each(['line 8', '2026-11-01T10:00:00Z', 'given 2026-05-10', 'position 12345', 'no digits', '', 'C-1006'])('leaves %j alone', (text) => {
    expect(maskPhone(text)).toBe(text);
  });
});

describe('maskName', () => {
  it.each([
    ['Анна Смирнова', 'А*** С*******'],
    ['Никита Фёдоров', 'Н***** Ф******'],
    ['Анна-Мария  де ла Крус', 'А***-М****  д* л* К***'],
    ["O'Brien, Sean", "O'*****, S***"],
    ['J. R. R. Tolkien', 'J. R. R. T******'],
    ['', ''],
  ])('%s -> %s', (text, masked) => {
    expect(maskName(text)).toBe(masked);
  });

  it('masks a phone number written in a name column too', () => {
    expect(maskName('Анна +7 916 123-45-67')).toBe('А*** +7 916 ***-**-67');
  });
});

describe('isNameColumn', () => {
  it.each(['name', 'Name', ' Full Name ', 'full_name', 'first-name', 'LastName', 'surname', 'contact', 'Contact Person',
    'ФИО', 'Ф.И.О.', 'имя', 'Фамилия', 'отчество', 'контактное лицо', 'name (2)'])('%j is a name column', (h) => {
    expect(isNameColumn(h)).toBe(true);
  });

  it.each(['phone', 'Телефон', 'id', 'source', 'Город', 'company', 'company name', 'file name', 'notice_source'])('%j is not', (h) => {
    expect(isNameColumn(h)).toBe(false);
  });
});

describe('maskCell', () => {
  it('masks names in name columns and phone numbers anywhere', () => {
    expect(maskCell('ФИО', 'Анна Смирнова')).toBe('А*** С*******');
    expect(maskCell('Телефон', '8 (916) 111-22-33')).toBe('8 (916) ***-**-33');
    expect(maskCell('comment', 'call back on +7 916 123-45-67')).toBe('call back on +7 916 ***-**-67');
    expect(maskCell('Город', 'Москва')).toBe('Москва');
  });
});

describe('personal data by kind (issue #14)', () => {
  it.each([
    ['Email', 'email'], ['e-mail', 'email'], ['E_mail', 'email'], ['Эл. почта', 'email'], ['Электронная почта', 'email'], ['Почта клиента', 'email'],
    ['Адрес', 'address'], ['Address line 1', 'address'], ['Почтовый индекс', 'address'], ['zip', 'address'], ['Улица', 'address'],
    ['Дата рождения', 'birth_date'], ['Date of birth', 'birth_date'], ['DOB', 'birth_date'], ['birthday', 'birth_date'], ['ДР', 'birth_date'],
    ['Паспорт', 'document'], ['passport_no', 'document'], ['СНИЛС', 'document'], ['ИНН', 'document'],
    ['ФИО', 'name'], ['First name', 'name'], ['Фамилия клиента', 'name'], ['contact person', 'name'],
    ['Телефон', 'phone'], ['Мобильный телефон (контакт)', 'phone'],
  ])('%j holds %s', (header, kind) => {
    expect(personalKind(header)).toBe(kind);
  });

  it.each(['id', 'Город', 'source', 'Тип телефона', 'company name', 'Дата согласия', 'notice_source', 'Комментарий'])('%j holds none', (header) => {
    expect(personalKind(header)).toBeUndefined();
  });

  it('masks an email address keeping its shape, and the words around it', () => {
    expect(maskEmail('ivan.petrov@mail.example.ru')).toBe('i***.******@m***.e******.ru');
    expect(maskEmail('Иван <ivan@example.com>')).toBe('И*** <i***@e******.com>');
    expect(maskEmail('not an address')).toBe('n** a* a******');
  });

  it('masks words and every digit of an address, a birth date, a document', () => {
    expect(maskWords('125009, Москва, ул. Тверская, д. 7')).toBe('******, М*****, у*. Т*******, д. *');
    expect(maskWords('12.03.1985')).toBe('**.**.****');
    expect(maskWords('4510 123456')).toBe('**** ******');
  });

  it('masks a phone cell maskPhone leaves alone: too few digits for a number', () => {
    expect(maskPhoneCell('+7 916 500')).toBe('+7 9** *00');
    expect(maskPhoneCell('тел. 916 50')).toBe('тел. 9** **');
    expect(maskPhoneCell('+7 916 123-45-67')).toBe('+7 916 ***-**-67');
    expect(maskPhoneCell('n/a')).toBe('n/a');
  });

  it('masks a value by its kind', () => {
    expect(maskValue('name', 'Анна Смирнова')).toBe('А*** С*******');
    expect(maskValue('phone', '8 (916) 111-22-33')).toBe('8 (916) ***-**-33');
    expect(maskValue('email', 'a@b.ru')).toBe('a@b.ru');
    expect(maskValue('named', 'звонить после 18')).toBe('з****** п**** **');
  });
});

describe('personalColumns', () => {
  it('takes the audited phone columns, the columns named as personal data, and --mask-column', () => {
    expect(personalColumns(['id', 'ФИО', 'Моб', 'Email', 'Город', 'notes'], [2], ['NOTES'], 'x.csv:1')).toEqual([
      { column: 'ФИО', index: 1, kind: 'name' }, { column: 'Моб', index: 2, kind: 'phone' },
      { column: 'Email', index: 3, kind: 'email' }, { column: 'notes', index: 5, kind: 'named' },
    ]);
  });

  it('refuses a --mask-column the header lacks', () => {
    expect(() => personalColumns(['id'], [], ['Region'], 'x.csv:1')).toThrow('x.csv:1: --mask-column "Region" is not in the header (columns: id)');
  });
});
