/** Слова проверок схем (файл политики, манифест уведомления, параметры). */
import type { Messages } from '../message.js';
import type { schemas as en } from '../en/schemas.js';

export const schemas: Messages<typeof en> = {
  'schema.region': 'ожидался регион ISO 3166 alpha-2 с планом нумерации, прописными буквами (например, "RU")',
  'schema.clock': 'ожидалось время суток ЧЧ:ММ',
  'schema.listName': 'ожидалось имя списка из букв, цифр, _ и -',
  'schema.isoDate': 'ожидалась дата ISO 8601 (например, "2025-09-01")',
  'schema.text': 'ожидался текст',
  'schema.textOrList': 'ожидался текст или список текстов',
  'schema.origin': 'ожидалось "subject" или "third_party"',
  'opt.mustNameFolder': 'должно называть папку',
  'opt.mustNameFile': 'должно называть файл',
  'opt.mustNameKey': 'должно называть файл ключа',
};
