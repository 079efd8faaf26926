/**
 * The acts the presets rest on, with the names each language cites them by (issue #10; the Russian
 * forms for issue #13). Each act was checked with the search tool: docs/legal-references.md says
 * where and when. Russian names are in the genitive, as they follow a place (`ч. 3 ст. 9
 * Федерального закона ...`); `ruNom` is the nominative, for an act cited as a whole. `ru` is the
 * first mention in a text, `ruShort` every later one.
 */

/** How places in an act are numbered: Russian acts (article, part, item), EU and UK acts (article and paragraphs), a UK SI (regulations), US codes (sections). */
export type ActForm = 'ru' | 'eu' | 'reg' | 'code';

export interface ActNames {
  readonly en: string;
  readonly ru: string;
  readonly ruShort: string;
  readonly ruNom: string;
  readonly ruNomShort: string;
  readonly form: ActForm;
}

const act = (form: ActForm, en: string, ru: string, ruShort: string, ruNom = ru, ruNomShort = ruShort): ActNames =>
  ({ en, ru, ruShort, ruNom, ruNomShort, form });

export const ACTS = {
  '152-FZ': act('ru', '152-FZ', 'Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных»', 'Федерального закона № 152-ФЗ',
    'Федеральный закон от 27.07.2006 № 152-ФЗ «О персональных данных»', 'Федеральный закон № 152-ФЗ'),
  '38-FZ': act('ru', '38-FZ', 'Федерального закона от 13.03.2006 № 38-ФЗ «О рекламе»', 'Федерального закона № 38-ФЗ',
    'Федеральный закон от 13.03.2006 № 38-ФЗ «О рекламе»', 'Федеральный закон № 38-ФЗ'),
  '126-FZ': act('ru', '126-FZ', 'Федерального закона от 07.07.2003 № 126-ФЗ «О связи»', 'Федерального закона № 126-ФЗ',
    'Федеральный закон от 07.07.2003 № 126-ФЗ «О связи»', 'Федеральный закон № 126-ФЗ'),
  '41-FZ': act('ru', '41-FZ of 01.04.2025',
    'Федерального закона от 01.04.2025 № 41-ФЗ «О создании государственной информационной системы противодействия правонарушениям, совершаемым с использованием информационных и коммуникационных технологий, и о внесении изменений в отдельные законодательные акты Российской Федерации»',
    'Федерального закона от 01.04.2025 № 41-ФЗ',
    'Федеральный закон от 01.04.2025 № 41-ФЗ «О создании государственной информационной системы противодействия правонарушениям, совершаемым с использованием информационных и коммуникационных технологий, и о внесении изменений в отдельные законодательные акты Российской Федерации»',
    'Федеральный закон от 01.04.2025 № 41-ФЗ'),
  'RU-CC': act('ru', 'Criminal Code', 'Уголовного кодекса Российской Федерации', 'УК РФ', 'Уголовный кодекс Российской Федерации', 'УК РФ'),
  GDPR: act('eu', 'GDPR', 'Регламента (ЕС) 2016/679 (GDPR)', 'GDPR', 'Регламент (ЕС) 2016/679 (GDPR)', 'GDPR'),
  'UK-GDPR': act('eu', 'UK GDPR', 'Общего регламента по защите данных Великобритании (UK GDPR)', 'UK GDPR',
    'Общий регламент по защите данных Великобритании (UK GDPR)', 'UK GDPR'),
  EPRIVACY: act('eu', 'ePrivacy Directive 2002/58/EC', 'Директивы 2002/58/ЕС о конфиденциальности и электронных коммуникациях', 'Директивы 2002/58/ЕС',
    'Директива 2002/58/ЕС о конфиденциальности и электронных коммуникациях', 'Директива 2002/58/ЕС'),
  // A UK statutory instrument is made of regulations (правила); its Russian name follows the abbreviation.
  PECR: act('reg', 'PECR', 'PECR (Правила о конфиденциальности и электронных коммуникациях 2003 г.)', 'PECR'),
  '47-CFR': act('code', '47 CFR', 'раздела 47 Свода федеральных правил США (CFR)', 'раздела 47 CFR',
    'раздел 47 Свода федеральных правил США (CFR)', 'раздел 47 CFR'),
  '16-CFR': act('code', '16 CFR', 'раздела 16 Свода федеральных правил США (CFR)', 'раздела 16 CFR',
    'раздел 16 Свода федеральных правил США (CFR)', 'раздел 16 CFR'),
  // CAN-SPAM Act (issue #15): 15 U.S.C. chapter 103.
  '15-USC': act('code', '15 U.S.C.', 'раздела 15 Свода законов США (U.S.C.)', 'раздела 15 U.S.C.',
    'раздел 15 Свода законов США (U.S.C.)', 'раздел 15 U.S.C.'),
  '47-USC': act('code', '47 U.S.C.', 'раздела 47 Свода законов США (U.S.C.)', 'раздела 47 U.S.C.',
    'раздел 47 Свода законов США (U.S.C.)', 'раздел 47 U.S.C.'),
} as const satisfies Record<string, ActNames>;
export type Act = keyof typeof ACTS;
