/** Чтение входных файлов (issue #12, таблицы issue #14): кодировки, строки, глубина JSON, размеры. */
import type { Messages } from '../message.js';
import type { reading as en } from '../en/reading.js';

export const reading: Messages<typeof en> = {
  'json.tooDeep': '{path}: вложенность глубже {max} уровней',
  'notice.tooDeep': '{where}: {problem}; манифест уведомления содержит только тексты и списки текстов',
  'policy.tooDeep': '{where}: {problem}; файл политики имеет лишь несколько уровней вложенности',
  'policy.notRegular': '{label}: не обычный файл; файл политики читается целиком, из файла',
  'small.tooLarge': '{path}: больше {max} байт: это не {what}',
  'small.notice': 'манифест уведомления',
  'small.policy': 'файл политики',
  'suppress.longValue': '{value}… (символов: {length})',
  'input.mixedEncodings': '{label}: байт {switchedAt} не является UTF-8, поэтому файл читается с этого места как Windows-1251, но с байта {utf8At} в нём текст в UTF-8: в файле смешаны кодировки; исправьте байт {switchedAt} или укажите --encoding utf-8 либо --encoding windows-1251',
  'input.notUtf16': '{label}: недопустимый {encoding} около байта {at} (символ обрезан или повреждён); исправьте файл или укажите --encoding, если он в другой кодировке',
  'input.unlikeRussian': 'прочитан как windows-1251, но не похож на русский текст (кириллицей в кириллических словах записаны {cyrillic} из {high} символов вне ASCII); если это Latin-1 или Windows-1252, укажите --encoding windows-1252',
  'input.headerTooLong': '{where}: строка заголовка длиннее {max} символов: это не таблица (или не в этой кодировке; см. --encoding)',
  'jsonl.tooLong': 'строка длиннее {max} символов ({length}): не прочитана',
};
