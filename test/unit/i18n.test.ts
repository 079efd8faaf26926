/**
 * The message catalogues (issue #13): every key used, the same placeholders in both languages,
 * plural forms and Intl formats as a Russian reader expects them, and the choice of language.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUES } from '../../src/i18n/catalogue.js';
import { holes } from '../../src/i18n/message.js';
import { fmtDate, fmtNumber, langOf, LangError, resolveLang, t, tIn, withLang, lang } from '../../src/i18n/index.js';
import { PRESETS } from '../../src/policy/presets.js';
import { englishRuns } from '../helpers/english.js';

const SRC = join(__dirname, '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return p.endsWith('i18n/en') || p.endsWith('i18n/ru') ? [] : sources(p);
    return p.endsWith('.ts') ? [readFileSync(p, 'utf8')] : [];
  });
}

describe('the catalogues', () => {
  const en = CATALOGUES.en;
  const ru = CATALOGUES.ru;

  it('have the same keys in both languages (the type check holds this too)', () => {
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(en).length).toBeGreaterThan(400);
  });

  it('use the same placeholders in both languages', () => {
    const differ = Object.keys(en).filter((k) => holes(en[k]!).join() !== holes(ru[k]!).join());
    expect(differ).toEqual([]);
  });

  it('have every entry used in src/: as a literal key, or matched by a template key', () => {
    const code = sources(SRC).join('\n');
    const literal = new Set([...code.matchAll(/['"`]([a-zA-Z]+(?:\.[\w-]+)+)['"`]/g)].map((m) => m[1]!));
    // `reason.${code}.title` -> /^reason\.[^.]+\.title$/
    const templates = [...code.matchAll(/`([a-zA-Z]+\.[\w.-]*\$\{[^`]*)`/g)].map((m) => new RegExp(`^${m[1]!
      .split(/\$\{[^}]*\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\w-]+')}$`));
    const unused = Object.keys(en).filter((k) => !literal.has(k) && !templates.some((re) => re.test(k)));
    expect(unused).toEqual([]);
  });

  it('hold no English sentence in Russian (codes, flags and names aside)', () => {
    const flagged = Object.entries(ru).flatMap(([k, m]) => (typeof m === 'string' ? [m] : Object.values(m))
      .flatMap((text) => englishRuns(text).map((run) => `${k}: ${run}`)));
    expect(flagged).toEqual([]);
  });

  it('give Russian plural forms through Intl.PluralRules: 1 строка, 2 строки, 5 строк, 21 строка', () => {
    const rows = (n: number) => tIn('ru', 'gate.rows', { count: n });
    expect([1, 2, 5, 11, 21, 22, 25].map(rows)).toEqual(['1 строка', '2 строки', '5 строк', '11 строк', '21 строка', '22 строки', '25 строк']);
    expect(tIn('en', 'gate.rows', { count: 1 })).toBe('1 row');
    expect(tIn('en', 'gate.rows', { count: 2 })).toBe('2 rows');
  });

  it('format numbers and dates through Intl in Russian, and leave English as it was', () => {
    withLang('ru', () => {
      expect(fmtNumber(1234567)).toBe('1\u00a0234\u00a0567');
      expect(fmtDate('2026-11-01T00:00:00.000Z')).toBe('01.11.2026');
      expect(fmtDate('2026-11-01')).toBe('01.11.2026');
      expect(fmtDate('2026-02-10T08:05:00.000Z')).toBe('10.02.2026 08:05:00 UTC');
      expect(t('gate.rows', { count: 1234567 })).toBe('1\u00a0234\u00a0567 строк');
    });
    expect(fmtNumber(1234567)).toBe('1234567');
    expect(fmtDate('2026-11-01T00:00:00.000Z')).toBe('2026-11-01T00:00:00.000Z');
  });

  it("keep the presets' legal basis, in English, word for word as the presets say it", () => {
    for (const [name, p] of Object.entries(PRESETS)) {
      expect(en[`preset.legalBasis.${name}`], name).toBe(p.legal_basis.join('; '));
    }
  });

  it('leave a missing argument visible rather than empty', () => {
    expect(tIn('en', 'summary.hint', {} as never)).toBe('hint: {text}');
  });
});

describe('the language of a run', () => {
  it('is --lang first, before or after the command, the last one given; -- ends the options', () => {
    expect(resolveLang(['--lang', 'ru', 'audit'], { LEADAUDIT_LANG: 'en' })).toEqual({ lang: 'ru', from: '--lang' });
    expect(resolveLang(['audit', 'x.csv', '--lang=ru'], {})).toEqual({ lang: 'ru', from: '--lang' });
    expect(resolveLang(['--lang', 'ru', 'audit', '--lang', 'en'], {}).lang).toBe('en');
    expect(resolveLang(['audit', '--', '--lang', 'ru'], {}).lang).toBe('en');
  });

  it('is LEADAUDIT_LANG next, then LC_ALL, LC_MESSAGES, LANG (the first set), then en', () => {
    expect(resolveLang([], { LEADAUDIT_LANG: 'ru', LANG: 'en_US.UTF-8' })).toEqual({ lang: 'ru', from: 'LEADAUDIT_LANG' });
    expect(resolveLang([], { LC_ALL: 'ru_RU.UTF-8', LANG: 'en_US.UTF-8' })).toEqual({ lang: 'ru', from: 'LC_ALL' });
    expect(resolveLang([], { LC_ALL: '', LC_MESSAGES: 'en_GB.UTF-8', LANG: 'ru_RU.UTF-8' })).toEqual({ lang: 'en', from: 'LC_MESSAGES' });
    expect(resolveLang([], { LANG: 'ru_RU.UTF-8' })).toEqual({ lang: 'ru', from: 'LANG' });
    expect(resolveLang([], { LANG: 'C' })).toEqual({ lang: 'en', from: 'LANG' });
    expect(resolveLang([], { LANG: 'de_DE.UTF-8' }).lang).toBe('en');
    expect(resolveLang([], {})).toEqual({ lang: 'en', from: 'default' });
  });

  it('refuses a --lang or LEADAUDIT_LANG it does not speak', () => {
    expect(() => resolveLang(['--lang', 'de'], {})).toThrow(LangError);
    expect(() => resolveLang(['--lang', 'ru_RU'], {})).toThrow(LangError);
    expect(() => resolveLang([], { LEADAUDIT_LANG: 'fr' })).toThrow(LangError);
    expect(langOf('ru_RU.UTF-8')).toBe('ru');
    expect(langOf('en')).toBe('en');
    expect(langOf('russian')).toBeUndefined();
  });

  it('is held in one place that a block can change and gives back', () => {
    expect(lang()).toBe('en');
    expect(withLang('ru', () => t('summary.reasons'))).toBe('причины:');
    expect(lang()).toBe('en');
    expect(() => withLang('ru', () => { throw new Error('x'); })).toThrow('x');
    expect(lang()).toBe('en');
  });
});
