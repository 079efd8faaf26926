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

/** The citations of a code under a preset, in the run's language. */
export function lawIn(code: ReasonCode, preset: PresetName | undefined): string | undefined {
  return lang() === 'ru' ? lawTextRu(code, preset) : lawText(code, preset);
}
