/**
 * The law behind a reason code in the run's language: the one place every renderer asks (report.json,
 * `reasons`, report.html, the certificate). English is src/law's `lawText`; Russian its
 * `lawTextRu` (`п. 1 ч. 4 ст. 9 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных
 * данных»`, with the Russian gloss after a dash), from the same data.
 */
import { lawText, lawTextRu } from '../law/references.js';
import type { ReasonCode } from '../reasons.js';
import type { PresetName } from '../policy/preset-names.js';
import { lang } from './lang.js';
import { t, tIn } from './t.js';

/** The citations of a code under a preset, in the run's language. */
export function lawIn(code: ReasonCode, preset: PresetName | undefined): string | undefined {
  return lang() === 'ru' ? lawTextRu(code, preset) : lawText(code, preset);
}

const PRESETS_WITH_BASIS = ['ru-152fz', 'eu-gdpr', 'uk-pecr', 'us-tcpa'] as const;

/**
 * A policy's legal basis as people read it: a preset's own list (also when a policy file extends
 * the preset and keeps it) in the run's language; one a policy file wrote, as written (it is the
 * user's text).
 */
export function legalBasisIn(basis: readonly string[], preset: string | null | undefined): readonly string[] {
  const p = PRESETS_WITH_BASIS.find((x) => x === preset);
  if (lang() === 'en' || !p || tIn('en', `preset.legalBasis.${p}`) !== basis.join('; ')) return basis;
  return t(`preset.legalBasis.${p}`).split('; ');
}
