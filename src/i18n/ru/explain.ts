/** Текст explain (src/cli/explain-command.ts). */
import type { Messages } from '../message.js';
import type { explain as en } from '../en/explain.js';

export const explain: Messages<typeof en> = {
  'explain.head': 'Проверка {file} по политике {policy} на {asOf}',
  'explain.headCampaign': ', канал {channel}, цель {purpose}',
  'explain.several.rows': { one: '{asked} соответствует {count} строка: {lines}', few: '{asked} соответствуют {count} строки: {lines}', many: '{asked} соответствуют {count} строк: {lines}', other: '{asked} соответствуют {count} строки: {lines}' },
  'explain.row': 'Строка',
  'explain.from': 'источник: {from}',
};
