/**
 * The Russian rendering of the law (issue #13: the law part, src/law/cite.ts). Russian acts as a
 * Russian lawyer cites them (`п. 1 ч. 4 ст. 9 Федерального закона от 27.07.2006 № 152-ФЗ «О
 * персональных данных»`, then `Федерального закона № 152-ФЗ`), foreign acts in one form per family
 * (`подп. «a» п. 1 ст. 6 GDPR`, `п. 4 правила 21 PECR`, `§ 64.1200(a)(2) раздела 47 CFR`), and a
 * Russian gloss on every citation. The style is set out in docs/legal-references.md.
 */
import { describe, expect, it } from 'vitest';
import { LAW, lawTextRu } from '../../src/law/references.js';
import { citationsRu, citationsShortRu, citeRu, placeRu, type Citation, type Place } from '../../src/law/cite.js';
import { REASON_CODES, type ReasonCode } from '../../src/reasons.js';
import { PRESET_NAMES, type PresetName } from '../../src/policy/preset-names.js';

/** Every code a preset cites, in Russian, in the short form of a table; a code absent here has no entry. */
const PINNED_RU: Record<PresetName, Partial<Record<ReasonCode, string>>> = {
  'ru-152fz': {
    ROW_MALFORMED: 'ч. 3 ст. 9 Федерального закона № 152-ФЗ',
    PHONE_MISSING: 'ч. 6 ст. 5 Федерального закона № 152-ФЗ',
    PHONE_INVALID: 'ч. 6 ст. 5 Федерального закона № 152-ФЗ',
    EMAIL_MISSING: 'ч. 6 ст. 5 Федерального закона № 152-ФЗ',
    EMAIL_INVALID: 'ч. 6 ст. 5 Федерального закона № 152-ФЗ',
    PHONE_TYPE_BLOCKED: 'практика',
    PHONE_COUNTRY_BLOCKED: 'практика',
    DUPLICATE: 'ч. 5 ст. 5 Федерального закона № 152-ФЗ',
    SUPPRESSED: 'ч. 2 ст. 15 Федерального закона № 152-ФЗ; третье предложение ч. 1 ст. 18 Федерального закона № 38-ФЗ; п. 1.1 ст. 44.1 Федерального закона № 126-ФЗ; Федеральный закон от 01.04.2025 № 41-ФЗ; практика',
    SOURCE_BLOCKED: 'ч. 1 ст. 5, ч. 2 ст. 10.1 Федерального закона № 152-ФЗ; ст. 272.1 УК РФ',
    DIAL_MODE_BANNED: 'ч. 2 ст. 18 Федерального закона № 38-ФЗ; практика',
    CONSENT_MISSING: 'п. 1 ч. 1 ст. 6, ч. 3 ст. 9, ч. 1 ст. 15 Федерального закона № 152-ФЗ; ч. 1 ст. 18 Федерального закона № 38-ФЗ; п. 1 ст. 44.1 Федерального закона № 126-ФЗ',
    CONSENT_WITHDRAWN: 'ч. 2 ст. 9, ч. 2 ст. 15 Федерального закона № 152-ФЗ; третье предложение ч. 1 ст. 18 Федерального закона № 38-ФЗ',
    CONSENT_NUMBER_REASSIGNED: 'ч. 1 ст. 9 Федерального закона № 152-ФЗ; ч. 1 ст. 18 Федерального закона № 38-ФЗ',
    CONSENT_EXPIRED: 'ч. 4 ст. 9 Федерального закона № 152-ФЗ; практика',
    CONSENT_PURPOSE_MISMATCH: 'ч. 2 ст. 5 Федерального закона № 152-ФЗ',
    CONSENT_CHANNEL_MISMATCH: 'ч. 1 ст. 9 Федерального закона № 152-ФЗ; ч. 1 ст. 18 Федерального закона № 38-ФЗ',
    CONSENT_UNPROVEN: 'ч. 3 ст. 9, ч. 1 ст. 15 Федерального закона № 152-ФЗ; второе предложение ч. 1 ст. 18 Федерального закона № 38-ФЗ; второе предложение п. 1 ст. 44.1 Федерального закона № 126-ФЗ',
    CONSENT_OPERATOR_MISMATCH: 'п. 3 ч. 4 ст. 9, п. 6 ч. 4 ст. 9, ч. 3 ст. 6 Федерального закона № 152-ФЗ; ч. 1 ст. 18 Федерального закона № 38-ФЗ',
    CONSENT_NOT_SEPARATE: 'ч. 1 ст. 9 Федерального закона № 152-ФЗ',
    CONSENT_KIND_MISMATCH: 'ч. 1 ст. 18 Федерального закона № 38-ФЗ; п. 1 ст. 44.1 Федерального закона № 126-ФЗ',
    NOTICE_OPERATOR_MISSING: 'п. 1 ч. 3 ст. 18 Федерального закона № 152-ФЗ',
    NOTICE_PURPOSE_MISSING: 'п. 2 ч. 3 ст. 18 Федерального закона № 152-ФЗ',
    NOTICE_LEGAL_BASIS_MISSING: 'п. 2 ч. 3 ст. 18 Федерального закона № 152-ФЗ',
    NOTICE_PDN_LIST_MISSING: 'п. 3 ч. 3 ст. 18 Федерального закона № 152-ФЗ',
    NOTICE_RECIPIENTS_MISSING: 'п. 4 ч. 3 ст. 18 Федерального закона № 152-ФЗ',
    NOTICE_RIGHTS_MISSING: 'п. 5 ч. 3 ст. 18 Федерального закона № 152-ФЗ',
    NOTICE_SOURCE_MISSING: 'п. 6 ч. 3 ст. 18 Федерального закона № 152-ФЗ',
    NOTICE_LATE: 'ч. 3 ст. 18 Федерального закона № 152-ФЗ',
  },
  'eu-gdpr': {
    ROW_MALFORMED: 'п. 2 ст. 5 GDPR',
    PHONE_MISSING: 'подп. «d» п. 1 ст. 5 GDPR',
    PHONE_INVALID: 'подп. «d» п. 1 ст. 5 GDPR',
    EMAIL_MISSING: 'подп. «d» п. 1 ст. 5 GDPR',
    EMAIL_INVALID: 'подп. «d» п. 1 ст. 5 GDPR',
    PHONE_TYPE_BLOCKED: 'практика',
    PHONE_COUNTRY_BLOCKED: 'практика',
    DUPLICATE: 'подп. «c» п. 1 ст. 5 GDPR',
    SUPPRESSED: 'п. 2 ст. 21, п. 3 ст. 21 GDPR; п. 3 ст. 13 Директивы 2002/58/ЕС; практика',
    SOURCE_BLOCKED: 'подп. «a» п. 1 ст. 5, п. 1 ст. 6 GDPR',
    CONSENT_MISSING: 'подп. «a» п. 1 ст. 6, п. 1 ст. 7 GDPR; п. 1 ст. 13, п. 3 ст. 13 Директивы 2002/58/ЕС; подп. «f» п. 1 ст. 6, п. 47 преамбулы GDPR',
    CONSENT_WITHDRAWN: 'п. 3 ст. 7, п. 3 ст. 21 GDPR',
    CONSENT_NUMBER_REASSIGNED: 'п. 11 ст. 4 GDPR; п. 1 ст. 13 Директивы 2002/58/ЕС',
    CONSENT_EXPIRED: 'п. 1 ст. 7 GDPR; практика',
    CONSENT_PURPOSE_MISMATCH: 'подп. «b» п. 1 ст. 5, подп. «a» п. 1 ст. 6 GDPR',
    CONSENT_CHANNEL_MISMATCH: 'п. 11 ст. 4 GDPR; п. 1 ст. 13 Директивы 2002/58/ЕС',
    CONSENT_UNPROVEN: 'п. 1 ст. 7 GDPR',
    CONSENT_OPERATOR_MISMATCH: 'п. 11 ст. 4, п. 42 преамбулы, п. 1 ст. 7 GDPR',
    CONSENT_NOT_SEPARATE: 'п. 2 ст. 7 GDPR',
    CONSENT_KIND_MISMATCH: 'п. 1 ст. 13, п. 2 ст. 13 Директивы 2002/58/ЕС',
    NOTICE_OPERATOR_MISSING: 'подп. «a» п. 1 ст. 14, подп. «a» п. 1 ст. 13 GDPR',
    NOTICE_PURPOSE_MISSING: 'подп. «c» п. 1 ст. 14, подп. «c» п. 1 ст. 13 GDPR',
    NOTICE_LEGAL_BASIS_MISSING: 'подп. «c» п. 1 ст. 14, подп. «c» п. 1 ст. 13 GDPR',
    NOTICE_PDN_LIST_MISSING: 'подп. «d» п. 1 ст. 14 GDPR',
    NOTICE_RECIPIENTS_MISSING: 'подп. «e» п. 1 ст. 14, подп. «e» п. 1 ст. 13 GDPR',
    NOTICE_RIGHTS_MISSING: 'подп. «c»–«e» п. 2 ст. 14, подп. «b»–«d» п. 2 ст. 13 GDPR',
    NOTICE_SOURCE_MISSING: 'подп. «f» п. 2 ст. 14 GDPR',
    NOTICE_RETENTION_MISSING: 'подп. «a» п. 2 ст. 14, подп. «a» п. 2 ст. 13 GDPR',
    NOTICE_LATE: 'п. 3 ст. 14, п. 1 ст. 13 GDPR',
  },
  'uk-pecr': {
    ROW_MALFORMED: 'п. 2 ст. 5 UK GDPR',
    PHONE_MISSING: 'подп. «d» п. 1 ст. 5 UK GDPR',
    PHONE_INVALID: 'подп. «d» п. 1 ст. 5 UK GDPR',
    EMAIL_MISSING: 'подп. «d» п. 1 ст. 5 UK GDPR',
    EMAIL_INVALID: 'подп. «d» п. 1 ст. 5 UK GDPR',
    PHONE_TYPE_BLOCKED: 'практика',
    PHONE_COUNTRY_BLOCKED: 'практика',
    DUPLICATE: 'подп. «c» п. 1 ст. 5 UK GDPR',
    SUPPRESSED: 'подп. «a» п. 1 правила 21, подп. «b» п. 1 правила 21, п. 4 правила 21 PECR; п. 3 ст. 21 UK GDPR',
    SOURCE_BLOCKED: 'подп. «a» п. 1 ст. 5, п. 1 ст. 6 UK GDPR',
    CONSENT_MISSING: 'подп. «b» п. 1 правила 21, п. 4 правила 21, правило 19, п. 2 правила 22 PECR',
    CONSENT_WITHDRAWN: 'подп. «a» п. 1 правила 21, п. 5 правила 21 PECR; п. 3 ст. 7 UK GDPR',
    CONSENT_NUMBER_REASSIGNED: 'п. 11 ст. 4 UK GDPR; правило 19, п. 2 правила 22 PECR',
    CONSENT_EXPIRED: 'п. 1 ст. 7 UK GDPR; практика',
    CONSENT_PURPOSE_MISMATCH: 'подп. «b» п. 1 ст. 5, подп. «a» п. 1 ст. 6 UK GDPR',
    CONSENT_CHANNEL_MISMATCH: 'п. 4 правила 21, п. 2 правила 22 PECR',
    CONSENT_UNPROVEN: 'п. 1 ст. 7 UK GDPR',
    CONSENT_OPERATOR_MISMATCH: 'п. 4 правила 21, п. 2 правила 22 PECR; п. 11 ст. 4, п. 1 ст. 7 UK GDPR',
    CONSENT_NOT_SEPARATE: 'п. 2 ст. 7 UK GDPR',
    CONSENT_KIND_MISMATCH: 'п. 4 правила 21, п. 2 правила 22, п. 3 правила 22 PECR',
    NOTICE_OPERATOR_MISSING: 'подп. «a» п. 1 ст. 14, подп. «a» п. 1 ст. 13 UK GDPR',
    NOTICE_PURPOSE_MISSING: 'подп. «c» п. 1 ст. 14, подп. «c» п. 1 ст. 13 UK GDPR',
    NOTICE_LEGAL_BASIS_MISSING: 'подп. «c» п. 1 ст. 14, подп. «c» п. 1 ст. 13 UK GDPR',
    NOTICE_PDN_LIST_MISSING: 'подп. «d» п. 1 ст. 14 UK GDPR',
    NOTICE_RECIPIENTS_MISSING: 'подп. «e» п. 1 ст. 14, подп. «e» п. 1 ст. 13 UK GDPR',
    NOTICE_RIGHTS_MISSING: 'подп. «c»–«e» п. 2 ст. 14, подп. «b»–«d» п. 2 ст. 13 UK GDPR',
    NOTICE_SOURCE_MISSING: 'подп. «f» п. 2 ст. 14 UK GDPR',
    NOTICE_RETENTION_MISSING: 'подп. «a» п. 2 ст. 14, подп. «a» п. 2 ст. 13 UK GDPR',
    NOTICE_LATE: 'п. 3 ст. 14, п. 1 ст. 13 UK GDPR',
    LIST_STALE: 'подп. «b» п. 1 правила 21, п. 3 правила 21 PECR',
  },
  'us-tcpa': {
    ROW_MALFORMED: '§ 64.1200(c)(2) раздела 47 CFR',
    PHONE_MISSING: '§ 64.1200(c)(2) раздела 47 CFR',
    PHONE_INVALID: '§ 64.1200(c)(2) раздела 47 CFR',
    EMAIL_MISSING: 'практика',
    EMAIL_INVALID: 'практика',
    PHONE_TYPE_BLOCKED: 'практика; § 64.1200(a)(1)(iii) раздела 47 CFR',
    PHONE_COUNTRY_BLOCKED: 'практика',
    DUPLICATE: 'практика',
    SUPPRESSED: '§ 64.1200(c)(2), § 64.1200(c)(2)(ii) раздела 47 CFR; § 310.4(b)(1)(iii)(B) раздела 16 CFR; § 64.1200(d)(3) раздела 47 CFR; § 7704(a)(4) раздела 15 U.S.C.; § 64.3100(a) раздела 47 CFR',
    SOURCE_BLOCKED: 'практика',
    CONSENT_MISSING: '§ 64.1200(a)(2), § 64.1200(a)(3) раздела 47 CFR; § 310.4(b)(1)(v) раздела 16 CFR; практика',
    CONSENT_WITHDRAWN: '§ 64.1200(a)(10) раздела 47 CFR; § 7704(a)(4) раздела 15 U.S.C.',
    CONSENT_NUMBER_REASSIGNED: '§ 64.1200(a)(2), § 64.1200(m) раздела 47 CFR',
    CONSENT_EXPIRED: 'практика',
    CONSENT_PURPOSE_MISMATCH: '§ 64.1200(f)(9) раздела 47 CFR',
    CONSENT_CHANNEL_MISMATCH: '§ 64.1200(a)(2), § 64.1200(f)(9) раздела 47 CFR',
    CONSENT_UNPROVEN: '§ 64.1200(f)(9) раздела 47 CFR',
    CONSENT_OPERATOR_MISMATCH: '§ 64.1200(f)(9) раздела 47 CFR',
    CONSENT_KIND_MISMATCH: '§ 64.1200(f)(9) раздела 47 CFR',
    LIST_STALE: '§ 310.4(b)(3)(iv) раздела 16 CFR; § 64.1200(c)(2)(i)(D) раздела 47 CFR',
  },
};

/** Act names with no Russian form, and paragraph letters and numbers as the acts write them; anything else in Latin script is an English word. */
function latinWords(text: string): string[] {
  const stripped = text
    .replace(/UK GDPR|GDPR|PECR|CFR|U\.S\.C\./g, ' ')
    .replace(/«[a-z]»/g, ' ')
    .replace(/\([a-zA-Z0-9]{1,4}\)/g, ' ');
  return stripped.match(/[A-Za-z]+/g) ?? [];
}

/** What is wrong with a citation's Russian gloss: the gloss follows a dash and citations are `; `-separated, so neither may occur inside it. */
function glossRuProblems(c: Citation): string[] {
  const ru = (c as Partial<Citation>).glossRu;
  if (typeof ru !== 'string' || ru.trim() === '') return ['no Russian gloss'];
  return [
    ...(/[а-яё]{3}/.test(ru) ? [] : ['not Russian']),
    ...(ru === c.gloss ? ['the English gloss'] : []),
    ...(ru.includes(' — ') ? ['holds a dash'] : []),
    ...(ru.includes(';') ? ['holds a semicolon'] : []),
  ];
}

const everyCitation = (): { code: ReasonCode; preset: PresetName; c: Citation }[] =>
  REASON_CODES.flatMap((code) => PRESET_NAMES.flatMap((preset) => (LAW[code][preset] ?? []).map((c) => ({ code, preset, c }))));

describe('the law of each preset in Russian', () => {
  it.each(PRESET_NAMES)('%s renders its table exactly as pinned', (preset) => {
    const got = Object.fromEntries(REASON_CODES.flatMap((code) => {
      const refs = LAW[code][preset];
      return refs ? [[code, citationsShortRu(refs)]] : [];
    }));
    expect(got).toEqual(PINNED_RU[preset]);
  });

  it('gives every citation a Russian gloss of its own', () => {
    const all = everyCitation();
    expect(all.length).toBeGreaterThan(150);
    for (const { code, preset, c } of all) expect(glossRuProblems(c), `${code} ${preset} ${c.gloss}`).toEqual([]);
  });

  it('finds a Russian gloss missing, left in English, or holding a separator', () => {
    const place = { act: '152-FZ', article: '9', part: '3', gloss: 'the operator proves consent' } as const;
    expect(glossRuProblems({ ...place } as unknown as Citation)).toEqual(['no Russian gloss']);
    expect(glossRuProblems({ ...place, glossRu: 'the operator proves consent' })).toEqual(['not Russian', 'the English gloss']);
    expect(glossRuProblems({ ...place, glossRu: 'оператор доказывает согласие; иначе — нет' })).toEqual(['holds a dash', 'holds a semicolon']);
    expect(glossRuProblems({ ...place, glossRu: 'оператор доказывает получение согласия' })).toEqual([]);
  });

  it('writes no English word in Russian, only act names that have no Russian form', () => {
    for (const code of REASON_CODES) {
      for (const preset of PRESET_NAMES) {
        const refs = LAW[code][preset];
        if (!refs) continue;
        expect(latinWords(citationsRu(refs)), `${code} ${preset}`).toEqual([]);
        expect(latinWords(citationsShortRu(refs)), `${code} ${preset}`).toEqual([]);
      }
    }
    // The check itself finds English: a gloss left untranslated, a setting's name.
    expect(latinWords('ч. 3 ст. 9 Федерального закона № 152-ФЗ — the operator proves consent')).toEqual(['the', 'operator', 'proves', 'consent']);
    expect(latinWords('настройка allowed_countries; подп. «a» п. 1 ст. 6 GDPR; § 64.1200(c)(2)(i)(D) раздела 47 CFR')).toEqual(['allowed', 'countries']);
  });

  it('names each act in full on its first mention in a list, and by its short name after', () => {
    expect(lawTextRu('CONSENT_OPERATOR_MISMATCH', 'ru-152fz')).toBe(
      'п. 3 ч. 4 ст. 9 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных» — согласие в письменной форме включает наименование или фамилию, имя, отчество и адрес оператора, получающего согласие; '
      + 'п. 6 ч. 4 ст. 9 Федерального закона № 152-ФЗ — а также наименование или фамилию, имя, отчество и адрес лица, осуществляющего обработку по поручению оператора, если обработка будет поручена такому лицу; '
      + 'ч. 3 ст. 6 Федерального закона № 152-ФЗ — оператор вправе поручить обработку персональных данных другому лицу с согласия субъекта персональных данных, если иное не предусмотрено федеральным законом; '
      + 'ч. 1 ст. 18 Федерального закона от 13.03.2006 № 38-ФЗ «О рекламе» — согласие абонента или адресата на получение рекламы',
    );
    expect(lawTextRu('LIST_STALE', 'uk-pecr')).toBe(
      'подп. «b» п. 1 правила 21 PECR (Правила о конфиденциальности и электронных коммуникациях 2003 г.) — номера, внесённые в реестр, который ведётся по правилу 26; '
      + 'п. 3 правила 21 PECR — звонящий не считается нарушителем, если номер внесён в реестр менее чем за 28 дней до звонка',
    );
    expect(lawTextRu('CONSENT_EXPIRED', 'us-tcpa')).toBe(
      'американское законодательство не устанавливает срок действия согласия: действует срок, указанный в самом согласии, или предельный срок, установленный политикой проверки',
    );
    expect(lawTextRu('CONSENT_EXPIRED', undefined)).toBeUndefined();
    expect(lawTextRu('NOTICE_SOURCE_MISSING', 'us-tcpa')).toBeUndefined();
  });
});

describe('the Russian renderer', () => {
  const short = (p: Place) => placeRu(p, false);

  it('writes Russian acts by пункт, часть, статья and sentence, the act after the place', () => {
    expect(placeRu({ act: '152-FZ', article: '9', part: '4', item: '3' })).toBe('п. 3 ч. 4 ст. 9 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных»');
    expect(short({ act: '152-FZ', article: '9', part: '4', item: '3' })).toBe('п. 3 ч. 4 ст. 9 Федерального закона № 152-ФЗ');
    expect(short({ act: '38-FZ', article: '18', part: '1', sentence: 2 })).toBe('второе предложение ч. 1 ст. 18 Федерального закона № 38-ФЗ');
    expect(placeRu({ act: '38-FZ', article: '18', part: '2' })).toBe('ч. 2 ст. 18 Федерального закона от 13.03.2006 № 38-ФЗ «О рекламе»');
    expect(short({ act: '126-FZ', article: '44.1', item: '1.1' })).toBe('п. 1.1 ст. 44.1 Федерального закона № 126-ФЗ');
    expect(short({ act: '126-FZ', article: '44.1', item: '1', sentence: 2 })).toBe('второе предложение п. 1 ст. 44.1 Федерального закона № 126-ФЗ');
    expect(placeRu({ act: 'RU-CC', article: '272.1' })).toBe('ст. 272.1 Уголовного кодекса Российской Федерации');
    expect(short({ act: 'RU-CC', article: '272.1' })).toBe('ст. 272.1 УК РФ');
  });

  it('names an act cited as a whole in the nominative', () => {
    expect(short({ act: '41-FZ' })).toBe('Федеральный закон от 01.04.2025 № 41-ФЗ');
    expect(placeRu({ act: '41-FZ' })).toMatch(/^Федеральный закон от 01\.04\.2025 № 41-ФЗ «О создании государственной информационной системы противодействия правонарушениям, .*Российской Федерации»$/);
  });

  it('writes EU and UK acts by подпункт, пункт and статья, and recitals as points of the preamble', () => {
    expect(short({ act: 'GDPR', article: '6', path: ['1', 'f'] })).toBe('подп. «f» п. 1 ст. 6 GDPR');
    expect(placeRu({ act: 'GDPR', article: '6', path: ['1', 'a'] })).toBe('подп. «a» п. 1 ст. 6 Регламента (ЕС) 2016/679 (GDPR)');
    expect(short({ act: 'GDPR', recital: '47' })).toBe('п. 47 преамбулы GDPR');
    expect(short({ act: 'UK-GDPR', article: '14', path: ['2', 'c-e'] })).toBe('подп. «c»–«e» п. 2 ст. 14 UK GDPR');
    expect(short({ act: 'GDPR', article: '5', path: ['2'] })).toBe('п. 2 ст. 5 GDPR');
    expect(short({ act: 'EPRIVACY', article: '13', path: ['3'] })).toBe('п. 3 ст. 13 Директивы 2002/58/ЕС');
    expect(() => short({ act: 'GDPR', article: '49', path: ['1', 'a', 'i'] })).toThrow(/no Russian form/);
  });

  it('writes PECR by правило, its case following whether a пункт comes first', () => {
    expect(short({ act: 'PECR', article: '19' })).toBe('правило 19 PECR');
    expect(short({ act: 'PECR', article: '21', path: ['4'] })).toBe('п. 4 правила 21 PECR');
    expect(short({ act: 'PECR', article: '21', path: ['1', 'a'] })).toBe('подп. «a» п. 1 правила 21 PECR');
  });

  it('writes US codes by § and their own paragraph marks, in the title named', () => {
    expect(short({ act: '47-CFR', article: '64.1200', path: ['c', '2', 'i', 'D'] })).toBe('§ 64.1200(c)(2)(i)(D) раздела 47 CFR');
    expect(placeRu({ act: '16-CFR', article: '310.4', path: ['b', '3', 'iv'] })).toBe('§ 310.4(b)(3)(iv) раздела 16 Свода федеральных правил США (CFR)');
    expect(short({ act: '47-USC', article: '227', path: ['a', '1'] })).toBe('§ 227(a)(1) раздела 47 U.S.C.');
  });

  it('adds the Russian gloss after a dash; a practice is its words', () => {
    expect(citeRu({ act: '38-FZ', article: '18', part: '2', gloss: 'no automatic dialling', glossRu: 'без автоматического дозванивания' }, false))
      .toBe('ч. 2 ст. 18 Федерального закона № 38-ФЗ — без автоматического дозванивания');
    expect(citeRu({ act: 'practice', gloss: 'data hygiene', glossRu: 'гигиена данных' })).toBe('гигиена данных');
  });

  it('joins consecutive places of one act in the short form, the act named once after them', () => {
    expect(citationsShortRu([
      { act: '152-FZ', article: '6', part: '1', item: '1' }, { act: '152-FZ', article: '9', part: '3' },
      { act: '38-FZ', article: '18', part: '1' }, { act: 'practice', gloss: 'x' }, { act: 'practice', gloss: 'y' },
      { act: '152-FZ', article: '15', part: '2' }, { act: '41-FZ' },
    ])).toBe('п. 1 ч. 1 ст. 6, ч. 3 ст. 9 Федерального закона № 152-ФЗ; ч. 1 ст. 18 Федерального закона № 38-ФЗ; практика; ч. 2 ст. 15 Федерального закона № 152-ФЗ; Федеральный закон от 01.04.2025 № 41-ФЗ');
  });
});
