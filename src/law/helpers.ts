/** Building blocks of the law tables (src/law/law-*.ts): a provision of an act with its two glosses, and a practice. */
import type { ReasonCode } from '../reasons.js';
import type { Act, Citation, Place, Practice } from './cite.js';

type Within = Partial<Omit<Place, 'act' | 'article'>>;

/** `at('152-FZ')('9', { part: '3' }, 'the operator proves consent', 'обязанность доказать ... возлагается на оператора')`. */
export const at = (act: Act) => (article: string, within: Within, gloss: string, glossRu: string): Citation =>
  ({ act, article, ...within, gloss, glossRu });

/** An act cited as a whole, where the article could not be confirmed (docs/legal-references.md says why). */
export const wholeAct = (act: Act, gloss: string, glossRu: string): Citation => ({ act, gloss, glossRu });

/** A recital of an EU act. */
export const recital = (act: Act, number: string, gloss: string, glossRu: string): Citation => ({ act, recital: number, gloss, glossRu });

/** No provision: the policy's own practice or setting, said as such in both languages. */
export const practice = (gloss: string, glossRu: string): Practice => ({ act: 'practice', gloss, glossRu });

/** The law behind each code one preset applies; a code it does not apply has no entry. */
export type PresetLaw = Partial<Record<ReasonCode, readonly Citation[]>>;

/** The policy practice on number types, the same under every preset (issue #10: no law speaks of them). */
export const NUMBER_TYPE_PRACTICE = practice(
  "the policy's practice, no article: premium-rate and shared-cost numbers charge the caller or share the cost with the person called, and an SMS to a number that is not mobile is not delivered",
  'собственная практика политики проверки, без нормы закона: звонок на номер с повышенной оплатой или с разделением стоимости влечёт расходы для звонящего или для вызываемого абонента, а СМС на немобильный номер не доставляется',
);

/** Calling a number abroad is not a cross-border transfer (152-FZ Art. 12, GDPR Art. 44 do not apply): a setting, under every preset. */
export const COUNTRY_SETTING = practice(
  'a policy setting (allowed_countries), no article: calling a number abroad is not a cross-border transfer of personal data',
  'настройка политики проверки о допустимых странах, без нормы закона: звонок на иностранный номер не является трансграничной передачей персональных данных',
);
