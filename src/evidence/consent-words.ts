/**
 * The words a consent record, a contact row or the notice manifest may use for the fields of issue
 * #10, in English and Russian: whether a consent is a separate document (152-FZ Art. 9 part 1 since
 * 1 September 2025), what it is consent to (advertising, 38-FZ Art. 18 part 1, or processing of
 * personal data), and where the data came from (152-FZ Art. 18 part 3 applies only to data not
 * received from the subject). Looked up in maps: no per-row regular expressions. The column names
 * of these fields, English and Russian, are in the one column mapping (src/io/column-map.ts).
 */
import type { Origin } from '../policy/campaign.js';

const YES_NO = new Map<string, boolean>([
  ['true', true], ['yes', true], ['да', true], ['1', true],
  ['false', false], ['no', false], ['нет', false], ['0', false],
]);

/** `true`/`false`, `yes`/`no`, `да`/`нет`, `1`/`0` (any case, trimmed); undefined for anything else. */
export function yesNo(text: string): boolean | undefined {
  return YES_NO.get(text.trim().toLowerCase());
}

/** `soft_opt_in` (issue #15): no consent, an existing customer's address (ePrivacy Art. 13(2), PECR reg. 22(3)). */
export type ConsentKind = 'advertising' | 'processing' | 'soft_opt_in';
const KINDS = new Map<string, ConsentKind>([
  ['advertising', 'advertising'], ['реклама', 'advertising'], ['на получение рекламы', 'advertising'],
  ['processing', 'processing'], ['обработка', 'processing'], ['обработка пдн', 'processing'], ['обработка персональных данных', 'processing'],
  ['soft_opt_in', 'soft_opt_in'], ['soft opt-in', 'soft_opt_in'], ['soft-opt-in', 'soft_opt_in'], ['существующий клиент', 'soft_opt_in'],
]);

/** A kind word (already lower-cased and trimmed), or undefined. */
export function consentKind(word: string): ConsentKind | undefined {
  return KINDS.get(word);
}

const ORIGINS = new Map<string, Origin>([
  ['subject', 'subject'], ['субъект', 'subject'], ['от субъекта', 'subject'],
  ['third_party', 'third_party'], ['third-party', 'third_party'], ['third party', 'third_party'],
  ['третье лицо', 'third_party'], ['третьи лица', 'third_party'], ['от третьего лица', 'third_party'],
]);

/** `subject` or `third_party` (English or Russian, any case, trimmed); undefined for anything else. */
export function parseOrigin(text: string): Origin | undefined {
  return ORIGINS.get(text.trim().toLowerCase());
}
