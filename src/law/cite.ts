/**
 * Legal references as data (issue #10) and their two renderings: English (`152-FZ Art. 9 part 3`,
 * `GDPR Art. 6(1)(a)`) and Russian, as a Russian lawyer writes them (issue #13: `ч. 3 ст. 9
 * Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных»`, then `Федерального закона
 * № 152-ФЗ`; `подп. «a» п. 1 ст. 6 GDPR`; `п. 4 правила 21 PECR`; `§ 64.1200(a)(2) раздела 47 CFR`).
 * The style of each act family is set out in docs/legal-references.md. Where no provision says a
 * thing, the reference is the policy's own practice or setting, and says so.
 */
import { ACTS, type Act } from './acts.js';

export { ACTS, type Act } from './acts.js';

/** A place in an act. */
export interface Place {
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
}

/** What the provision says that matters here, in a few words: in English and in Russian. */
export interface Glosses {
  gloss: string;
  glossRu: string;
}

/** A place with its glosses, either of which may be missing (what the English renderer takes). */
export type Provision = Place & Partial<Glosses>;

/** No provision: the policy's own practice or setting, said as such. */
export interface Practice extends Glosses {
  act: 'practice';
}

/** A reference as the law tables hold it: every one has both glosses (a missing one fails the type check). */
export type Citation = (Place & Glosses) | Practice;

/** What the renderers without Russian take: a provision or a practice, the Russian gloss optional. */
export type Loose = Provision | { act: 'practice'; gloss: string; glossRu?: string };

const ORDINAL = ['', 'first', 'second', 'third', 'fourth'];
const ORDINAL_RU = ['', 'первое', 'второе', 'третье', 'четвёртое'];

const paragraphs = (path: readonly string[] | undefined) =>
  (path ?? []).map((p) => (p.includes('-') ? p.split('-').map((x) => `(${x})`).join('-') : `(${p})`)).join('');

/** The place alone, in English: `152-FZ Art. 9 part 4 item 3`, `GDPR Art. 6(1)(a)`, `PECR reg. 21(4)`, `47 CFR 64.1200(c)(2)`. */
export function placeEn(c: Place): string {
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
export function citeEn(c: Loose): string {
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
export function citationsShortEn(list: readonly Loose[]): string {
  return joinShort(list, 'practice', (c) => {
    const place = placeEn(c);
    const prefix = `${ACTS[c.act].en} `;
    return place.startsWith(prefix) ? { place: place.slice(prefix.length), act: prefix.trimEnd(), before: true } : { place, act: '', before: true };
  });
}

/** The place within its act, in Russian, innermost first: `второе предложение ч. 1 ст. 18`, `подп. «a» п. 1 ст. 6`, `п. 4 правила 21`, `§ 64.1200(a)(2)`. */
function withinRu(c: Place): string {
  const form = ACTS[c.act].form;
  const parts: string[] = [];
  if (c.sentence) parts.push(`${ORDINAL_RU[c.sentence] ?? `${c.sentence}-е`} предложение`);
  if (c.recital !== undefined) return [...parts, `п. ${c.recital} преамбулы`].join(' ');
  switch (form) {
    case 'ru':
      if (c.item) parts.push(`п. ${c.item}`);
      if (c.part) parts.push(`ч. ${c.part}`);
      parts.push(`ст. ${c.article}`);
      break;
    case 'eu':
    case 'reg': {
      // EU and UK texts number paragraphs (пункты) and lettered points (подпункты) under an article or regulation.
      const [paragraph, point, ...deeper] = c.path ?? [];
      if (deeper.length) throw new Error(`no Russian form for ${placeEn(c)}`);
      if (point) parts.push(`подп. ${point.split('-').map((x) => `«${x}»`).join('–')}`);
      if (paragraph) parts.push(`п. ${paragraph.replace('-', '–')}`);
      parts.push(form === 'eu' ? `ст. ${c.article}` : parts.length ? `правила ${c.article}` : `правило ${c.article}`);
      break;
    }
    case 'code':
      parts.push(`§ ${c.article}${paragraphs(c.path)}`);
      break;
  }
  return parts.join(' ');
}

/**
 * The place in Russian with its act: on first mention the act's full name (`ч. 3 ст. 9 Федерального
 * закона от 27.07.2006 № 152-ФЗ «О персональных данных»`), after that its short one (`Федерального
 * закона № 152-ФЗ`). An act cited as a whole is named in the nominative.
 */
export function placeRu(c: Place, first = true): string {
  const act = ACTS[c.act];
  if (c.article === undefined && c.recital === undefined) return first ? act.ruNom : act.ruNomShort;
  return `${withinRu(c)} ${first ? act.ru : act.ruShort}`;
}

/**
 * One citation in Russian with its Russian gloss after a dash, as in a lawyer's memo: `ч. 2 ст. 18
 * Федерального закона № 38-ФЗ — не допускается ...` (a dash, not brackets: full act names end in
 * brackets of their own, `(GDPR)`, `(CFR)`; no Russian gloss holds ` — `, a test makes sure).
 */
export function citeRu(c: Citation, first = true): string {
  if (c.act === 'practice') return c.glossRu;
  return `${placeRu(c, first)} — ${c.glossRu}`;
}

/** Citations in Russian with glosses, `; `-separated; each act's full name on its first mention in the list, its short name after. */
export function citationsRu(list: readonly Citation[]): string {
  const named = new Set<Act>();
  return list.map((c) => {
    if (c.act === 'practice') return citeRu(c);
    const first = !named.has(c.act);
    named.add(c.act);
    return citeRu(c, first);
  }).join('; ');
}

/**
 * Citations in Russian without glosses, as in a table: consecutive places in one act joined and the
 * act named once after them, by its short name (`п. 1 ч. 1 ст. 6, ч. 3 ст. 9 Федерального закона
 * № 152-ФЗ; ч. 1 ст. 18 Федерального закона № 38-ФЗ`); a practice is `практика`.
 */
export function citationsShortRu(list: readonly Loose[]): string {
  return joinShort(list, 'практика', (c) =>
    c.article === undefined && c.recital === undefined
      ? { place: ACTS[c.act].ruNomShort, act: '', before: false }
      : { place: withinRu(c), act: ACTS[c.act].ruShort, before: false });
}

/** Joins places, consecutive ones of one act together, with the act's name before them (English) or after them (Russian). */
function joinShort(
  list: readonly Loose[],
  practiceWord: string,
  split: (c: Provision) => { place: string; act: string; before: boolean },
): string {
  const groups: { act: string; places: string[]; before: boolean }[] = [];
  let last: string | undefined;
  for (const c of list) {
    if (c.act === 'practice') {
      if (last !== 'practice') groups.push({ act: '', places: [practiceWord], before: true });
      last = 'practice';
      continue;
    }
    const { place, act, before } = split(c);
    const group = groups[groups.length - 1];
    if (last === c.act && act && group) group.places.push(place);
    else groups.push({ act, places: [place], before });
    last = act ? c.act : undefined;
  }
  return groups.map((g) => {
    const places = g.places.join(', ');
    if (!g.act) return places;
    return g.before ? `${g.act} ${places}` : `${places} ${g.act}`;
  }).join('; ');
}
