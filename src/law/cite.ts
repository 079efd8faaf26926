/**
 * Legal references as data (issue #10), each with an English and a Russian gloss, and their English
 * rendering (`152-FZ Art. 9 part 3`, `GDPR Art. 6(1)(a)`). Where no provision says a thing, the
 * reference is the policy's own practice or setting, and says so.
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
