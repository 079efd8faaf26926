/**
 * The law behind each reason code, under each preset (issue #10). The tables are in
 * src/law/law-{ru,gdpr,uk,us}.ts, one per preset, each citation with an English and a Russian gloss;
 * every place was checked with the search tool, and docs/legal-references.md says what each says,
 * where it was read and when. A code a preset does not apply has no entry for it. `leadaudit
 * reasons`, report.json, report.html and the README's table all come from here;
 * test/unit/law.test.ts pins the tables in both languages.
 */
import { REASON_CODES, type ReasonCode } from '../reasons.js';
import type { PresetName } from '../policy/preset-names.js';
import { citationsEn, citationsRu, type Citation } from './cite.js';
import type { PresetLaw } from './helpers.js';
import { RU_152FZ } from './law-ru.js';
import { EU_GDPR } from './law-gdpr.js';
import { UK_PECR } from './law-uk.js';
import { US_TCPA } from './law-us.js';

const BY_PRESET: Record<PresetName, PresetLaw> = {
  'ru-152fz': RU_152FZ,
  'eu-gdpr': EU_GDPR,
  'uk-pecr': UK_PECR,
  'us-tcpa': US_TCPA,
};

/** The same tables by code: `LAW[code][preset]`. */
export const LAW: Record<ReasonCode, Partial<Record<PresetName, readonly Citation[]>>> = Object.fromEntries(
  REASON_CODES.map((code) => [code, Object.fromEntries(
    (Object.keys(BY_PRESET) as PresetName[]).flatMap((p) => (BY_PRESET[p][code] ? [[p, BY_PRESET[p][code]]] : [])),
  )]),
) as Record<ReasonCode, Partial<Record<PresetName, readonly Citation[]>>>;

/** The law behind a code under a preset, as data; undefined where the preset does not apply it. */
export function lawFor(code: ReasonCode, preset: PresetName | undefined): readonly Citation[] | undefined {
  return preset === undefined ? undefined : LAW[code][preset];
}

/** The same, in English with glosses (what `leadaudit reasons`, report.json and report.html show). */
export function lawText(code: ReasonCode, preset: PresetName | undefined): string | undefined {
  const refs = lawFor(code, preset);
  return refs === undefined ? undefined : citationsEn(refs);
}

/** The same, in Russian with Russian glosses, each act named in full on its first mention (for issue #13's `ru` output). */
export function lawTextRu(code: ReasonCode, preset: PresetName | undefined): string | undefined {
  const refs = lawFor(code, preset);
  return refs === undefined ? undefined : citationsRu(refs);
}
