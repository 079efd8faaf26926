/** Каждый номер строки с несколькими номерами (src/report/numbers-view.ts). */
import type { Messages } from '../message.js';
import type { numbers as en } from '../en/numbers.js';

export const numbers: Messages<typeof en> = {
  'numbers.notValid': ' (недействительный номер)',
  'numbers.same': 'тот же номер, что и номер {n}, оценён один раз',
  'numbers.passed': 'прошёл{consent}',
  'numbers.consent': ' (согласие {id})',
  'numbers.removed': 'изъят из чистой строки: {details}',
  'numbers.failed': 'не прошёл: {details}',
  'numbers.label': 'Номер {n} ({column})',
};
