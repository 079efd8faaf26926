/** Строка хода работы и тексты сбоев JUnit (src/cli/progress.ts, src/report/junit.ts). */
import type { Messages } from '../message.js';
import type { progress as en } from '../en/progress.js';

export const progress: Messages<typeof en> = {
  'junit.rows': { one: 'отклонена {count} строка; {first}', few: 'отклонено {count} строки; {first}', many: 'отклонено {count} строк; {first}', other: 'отклонено {count} строки; {first}' },
  'junit.first': { one: 'первая в строке {lines}', few: 'первые в строках {lines}', many: 'первые в строках {lines}', other: 'первые в строках {lines}' },
  'junit.whatToDo': 'Что делать: {remedy}',
  'junit.law': 'Закон: {law}',
  'junit.input': 'Вход: {path}',
  'progress.rows': '  строк: {rows}, {rate} строк/с',
  'progress.share': ', {share} файла, осталось {left}',
  'progress.s': '{s} с',
  'progress.min': '{m} мин {s} с',
};
