/** Чтение выходной папки и следа проверки (src/report/trail-reader.ts); синтаксические ошибки JSON. */
import type { Messages } from '../message.js';
import type { trail as en } from '../en/trail.js';

export const trail: Messages<typeof en> = {
  'trail.cannotReadDir': '{outDir}: не удаётся прочитать выходную папку ({why})',
  'trail.notDir': '{outDir}: это не папка; укажите выходную папку проверки',
  'trail.noReport': '{path}: не удаётся прочитать ({why}); {outDir} — выходная папка проверки?',
  'trail.badJson': '{path}: недопустимый JSON ({why})',
  'trail.noTrail': '{outDir}: нет trail.jsonl; повторите проверку с --trail',
  'trail.cannotRead': '{path}: не удаётся прочитать ({why})',
  'trail.damaged': '{where}: недопустимый JSON; след повреждён, повторите проверку с --trail',
  'trail.notRecord': '{where}: это не запись следа (нужны line, verdict, cells и reasons); повторите проверку с --trail',
  'json.syntax': 'синтаксическая ошибка в позиции {position}',
  'json.syntaxAt': 'синтаксическая ошибка в строке {line}, столбце {column}',
  'json.syntaxEnd': 'текст заканчивается раньше, чем JSON',
  'json.unexpected': 'синтаксическая ошибка: {token} там, где должно быть значение',
};
