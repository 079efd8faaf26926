/**
 * Legal references as data (issue #10, ready for #13): an act, the place in it (article, part and
 * item for Russian acts; article and paragraph path for EU, UK and US acts; a recital), and a short
 * English gloss. One renderer makes the English text; a Russian renderer (`п. 1 ч. 4 ст. 9
 * Федерального закона № 152-ФЗ`) can be added from the same data without re-reading the law.
 * Where no provision says a thing, the reference is the policy's own practice or setting, and says so.
 */

/** The acts the presets rest on. */
export const ACTS = {
  '152-FZ': { en: '152-FZ', ru: 'Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных»', form: 'ru' },
  '38-FZ': { en: '38-FZ', ru: 'Федерального закона от 13.03.2006 № 38-ФЗ «О рекламе»', form: 'ru' },
  '126-FZ': { en: '126-FZ', ru: 'Федерального закона от 07.07.2003 № 126-ФЗ «О связи»', form: 'ru' },
  '41-FZ': { en: '41-FZ of 01.04.2025', ru: 'Федерального закона от 01.04.2025 № 41-ФЗ', form: 'ru' },
  'RU-CC': { en: 'Criminal Code', ru: 'Уголовного кодекса Российской Федерации', form: 'ru' },
  GDPR: { en: 'GDPR', ru: 'Регламента (ЕС) 2016/679 (GDPR)', form: 'eu' },
  'UK-GDPR': { en: 'UK GDPR', ru: 'UK GDPR', form: 'eu' },
  EPRIVACY: { en: 'ePrivacy Directive 2002/58/EC', ru: 'Директивы 2002/58/EC', form: 'eu' },
  PECR: { en: 'PECR', ru: 'PECR 2003', form: 'reg' },
  '47-CFR': { en: '47 CFR', ru: '47 CFR', form: 'code' },
  '16-CFR': { en: '16 CFR', ru: '16 CFR', form: 'code' },
  '47-USC': { en: '47 U.S.C.', ru: '47 U.S.C.', form: 'code' },
} as const;
export type Act = keyof typeof ACTS;

/** A provision of an act. */
export interface Provision {
  act: Act;
  /** Article; a CFR or U.S.C. section (`64.1200`); a PECR regulation (`21`). Absent: the act as a whole. */
  article?: string;
  /** Russian acts: часть (part) and пункт (item). */
  part?: string;
  item?: string;
  /** EU, UK and US acts: the paragraphs under the article, outermost first (`['1', 'a']` is `(1)(a)`); `'c-e'` is a range. */
  path?: readonly string[];
  recital?: string;
  /** Which sentence of the part (Russian acts quote sentences: 38-FZ Art. 18 part 1, second sentence). */
  sentence?: number;
  /** What the provision says that matters here, in a few words. */
  gloss?: string;
}

/** No provision: the policy's own practice or setting, said as such. */
export interface Practice {
  act: 'practice';
  gloss: string;
}

export type Citation = Provision | Practice;

const ORDINAL = ['', 'first', 'second', 'third', 'fourth'];

const paragraphs = (path: readonly string[] | undefined) =>
  (path ?? []).map((p) => (p.includes('-') ? p.split('-').map((x) => `(${x})`).join('-') : `(${p})`)).join('');

/** The place alone, in English: `152-FZ Art. 9 part 4 item 3`, `GDPR Art. 6(1)(a)`, `PECR reg. 21(4)`, `47 CFR 64.1200(c)(2)`. */
export function placeEn(c: Provision): string {
  const act = ACTS[c.act];
  if (c.recital !== undefined) return `${act.en} Recital ${c.recital}`;
  if (c.article === undefined) return act.en;
  let out: string;
  switch (act.form) {
    case 'ru':
      out = `${act.en} Art. ${c.article}${c.part ? ` part ${c.part}` : ''}${c.item ? ` item ${c.item}` : ''}`;
      break;
    case 'eu':
      out = `${act.en} Art. ${c.article}${paragraphs(c.path)}`;
      break;
    case 'reg':
      out = `${act.en} reg. ${c.article}${paragraphs(c.path)}`;
      break;
    case 'code':
      out = `${act.en} ${c.article}${paragraphs(c.path)}`;
      break;
  }
  return c.sentence ? `${out}, ${ORDINAL[c.sentence] ?? `sentence ${c.sentence}`} sentence` : out;
}

/** One citation in English, with its gloss: `38-FZ Art. 18 part 2 (advertising by automatic dialling is banned)`. */
export function citeEn(c: Citation): string {
  if (c.act === 'practice') return c.gloss;
  return c.gloss ? `${placeEn(c)} (${c.gloss})` : placeEn(c);
}

/** Citations in English, with glosses, `; `-separated: what `leadaudit reasons`, report.json and report.html show. */
export function citationsEn(list: readonly Citation[]): string {
  return list.map(citeEn).join('; ');
}

/**
 * Citations in English without glosses, consecutive places in one act joined: `152-FZ Art. 6 part 1
 * item 1, Art. 9 part 3; 38-FZ Art. 18 part 1`; a practice is `practice`. The README's table of
 * what each preset applies is written in this form, and a test holds the two together.
 */
export function citationsShortEn(list: readonly Citation[]): string {
  const groups: string[] = [];
  let lastAct: string | undefined;
  for (const c of list) {
    if (c.act === 'practice') {
      if (lastAct !== 'practice') groups.push('practice');
      lastAct = 'practice';
      continue;
    }
    const place = placeEn(c);
    const prefix = `${ACTS[c.act].en} `;
    if (lastAct === c.act && place.startsWith(prefix)) groups[groups.length - 1] += `, ${place.slice(prefix.length)}`;
    else groups.push(place);
    lastAct = c.act;
  }
  return groups.join('; ');
}
