/**
 * The law behind a reason code in the run's language: the one place every renderer asks (report.json,
 * `reasons`, report.html, the sheet). English is src/law's `lawText`. Russian: until the Russian
 * citation renderer (`lawTextRu`, src/law/cite.ts, issue #10's follow-up) lands, the places are
 * rendered here from the same data in the Russian form (`п. 1 ч. 4 ст. 9 Федерального закона ...
 * № 152-ФЗ ...`), without the glosses, which are English; a practice says so in Russian.
 */
import { LAW, lawText } from '../law/references.js';
import { ACTS, type Citation, type Provision } from '../law/cite.js';
import type { ReasonCode } from '../reasons.js';
import type { PresetName } from '../policy/preset-names.js';
import { lang } from './lang.js';
import { t } from './t.js';

const paragraphs = (path: readonly string[] | undefined) =>
  (path ?? []).map((p) => (p.includes('-') ? p.split('-').map((x) => `(${x})`).join('-') : `(${p})`)).join('');

function placeRu(c: Provision): string {
  const act = ACTS[c.act];
  if (c.recital !== undefined) return t('law.recital', { recital: c.recital, act: act.ru });
  if (c.article === undefined) return act.ru;
  switch (act.form) {
    case 'ru': {
      const parts = [c.sentence ? t('law.sentence', { n: String(c.sentence) }) : '', c.item ? `п. ${c.item}` : '', c.part ? `ч. ${c.part}` : '', `ст. ${c.article}`];
      return `${parts.filter(Boolean).join(' ')} ${act.ru}`;
    }
    case 'eu':
      return `ст. ${c.article}${paragraphs(c.path)} ${act.ru}`;
    case 'reg':
      return t('law.regulation', { place: `${c.article}${paragraphs(c.path)}`, act: act.ru });
    case 'code':
      return `${act.ru} ${c.article}${paragraphs(c.path)}`;
  }
}

function citeRu(c: Citation): string {
  return c.act === 'practice' ? t('law.practice') : placeRu(c);
}

/** The citations of a code under a preset, `; `-separated, in the run's language. */
export function lawIn(code: ReasonCode, preset: PresetName | undefined): string | undefined {
  if (lang() !== 'ru') return lawText(code, preset);
  const list = preset ? LAW[code]?.[preset] : undefined;
  if (!list) return undefined;
  // The same practice twice (a code under a preset with two) is said once.
  return [...new Set(list.map(citeRu))].join('; ');
}
