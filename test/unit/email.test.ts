/**
 * Email as a contact key (issue #15): the normalizer agrees with the parser it rests on
 * (@hapi/address) over a corpus, its keys are those the issue names, and the email column is found
 * by the names it lists.
 */
import { describe, expect, it } from 'vitest';
import { analyzeEmail } from '@hapi/address';
import { normalizeEmail, normalizeSuppressEntry } from '../../src/email/normalize.js';
import { findEmailColumn, isEmailHeader } from '../../src/email/columns.js';
import { EmailSuppression } from '../../src/email/email-suppression.js';

/** Addresses as lists hold them: valid, internationalized, and broken in the usual ways. */
const CORPUS = [
  'ivan@example.com', 'Ivan.Petrov@Example.COM', 'info+promo@example.org', "o'brien@example.co.uk", 'a.b.c@sub.example.ru',
  'егор@почта.рф', 'ЕГОР@ПОЧТА.РФ', 'егор@xn--80a1acny.xn--p1ai', 'анна.смирнова@пример.рф', 'müller@bücher.example',
  'e\u0301lodie@example.fr', 'élodie@example.fr', '用户@例子.广告', 'x@example.xn--p1ai',
  '', 'anna.example.ru', 'a@@example.com', 'a@b@example.com', '@example.com', 'a@', 'a@example', 'a b@example.com',
  'a..b@example.com', '.a@example.com', 'a@-example.com', 'a@example..com', 'a,b@example.com', 'a@example.com,', `${'x'.repeat(65)}@example.com`,
];

describe('normalizeEmail', () => {
  it('accepts exactly the addresses the library accepts (after trimming and NFC)', () => {
    for (const text of CORPUS) {
      const mine = normalizeEmail(text);
      const theirs = text.trim() === '' ? 'missing' : analyzeEmail(text.trim().normalize('NFC')) === null ? 'valid' : 'invalid';
      expect(mine.kind, text).toBe(theirs);
      if (mine.kind === 'invalid') expect(mine.problem, text).toBe(analyzeEmail(text.trim().normalize('NFC'))!.code);
    }
  });

  it('makes one key of the Unicode, punycode, upper-case and NFD spellings of an address', () => {
    const key = 'егор@xn--80a1acny.xn--p1ai';
    for (const text of ['егор@почта.рф', 'ЕГОР@Почта.РФ', 'егор@xn--80a1acny.xn--p1ai', ' Егор@XN--80A1ACNY.XN--P1AI ', 'mailto:егор@почта.рф']) {
      expect(normalizeEmail(text), text).toEqual({ kind: 'valid', address: key, domain: 'xn--80a1acny.xn--p1ai' });
    }
    const nfd = 'Ёлка@пример.рф'.normalize('NFD');
    expect(nfd).not.toBe('Ёлка@пример.рф');
    expect(normalizeEmail(nfd)).toEqual(normalizeEmail('ёлка@ПРИМЕР.РФ'));
  });

  it('names what is wrong with an address', () => {
    expect(normalizeEmail('anna.example.ru')).toEqual({ kind: 'invalid', problem: 'MISSING_AT_CHAR' });
    expect(normalizeEmail('a@example.ru, b@example.ru')).toEqual({ kind: 'invalid', problem: 'MULTIPLE_AT_CHAR' });
    expect(normalizeEmail('a@example')).toEqual({ kind: 'invalid', problem: 'DOMAIN_SEGMENTS_COUNT' });
    expect(normalizeEmail('   ')).toEqual({ kind: 'missing' });
  });
});

describe('email suppression', () => {
  it('suppresses an address by itself and by its whole domain, in any spelling', () => {
    const specs = [{ name: 'unsub', path: 'u', date: 0, kind: 'internal' as const, kindSource: 'flag' as const },
      { name: 'domains', path: 'd', date: 0, kind: 'objection' as const, kindSource: 'default' as const }];
    const s = new EmailSuppression();
    const put = (text: string, list: number) => {
      const r = normalizeSuppressEntry(text);
      if (r.kind !== 'valid') throw new Error(text);
      s.add(r.address, list, specs);
    };
    put('BORIS@EXAMPLE.COM', 0);
    put('@Пример.РФ', 1);
    put('*@example.com', 1);
    const find = (text: string) => {
      const r = normalizeEmail(text);
      return r.kind === 'valid' ? s.find(r.address, r.domain)?.label : 'invalid';
    };
    expect(find('boris@example.com')).toBe('unsub:internal|domains:objection');
    expect(find('anna@example.com')).toBe('domains:objection');
    expect(find('gleb@xn--e1afmkfd.xn--p1ai')).toBe('domains:objection');
    expect(find('dina@sub.example.com')).toBeUndefined();
    expect(normalizeSuppressEntry('@').kind).toBe('invalid');
  });
});

describe('the email column', () => {
  it('is found by the names of the issue and headers containing them', () => {
    for (const name of ['email', 'E-mail', 'MAIL', 'Почта', 'Эл. почта', 'электронная почта', 'Email 1', 'Контактный e-mail', 'Рабочая почта']) {
      expect(isEmailHeader(name), name).toBe(true);
    }
    for (const name of ['phone', 'Почтовый адрес', 'Mailing address', 'email_consent', 'Email status', 'Дата', 'Домен почты']) {
      expect(isEmailHeader(name), name).toBe(false);
    }
    expect(findEmailColumn(['id', 'Телефон', 'Эл. почта', 'email 2'])).toEqual({ index: 2, name: 'Эл. почта', matches: ['Эл. почта', 'email 2'] });
    expect(findEmailColumn(['id', 'Адрес'], 'адрес')?.index).toBe(1);
    expect(findEmailColumn(['id', 'Адрес'], 'mail')).toBeUndefined();
  });
});
