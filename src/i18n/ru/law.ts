/** Ссылки на закон словами (src/i18n/law.ts). */
import type { Messages } from '../message.js';
import type { law as en } from '../en/law.js';

export const law: Messages<typeof en> = {
  'law.recital': 'п. {recital} преамбулы {act}',
  'law.sentence': 'предложение {n}',
  'law.regulation': 'правило {place} {act}',
  'law.practice': 'практика или настройка политики, а не норма закона',
};
