/** Блокировка выходной папки и замена результатов (issue #12). */
import type { Messages } from '../message.js';
import type { outdir as en } from '../en/outdir.js';

export const outdir: Messages<typeof en> = {
  'lock.held': '--out-dir {label}: туда уже пишет другой запуск leadaudit (pid {pid} на {host}, с {started}); дождитесь его окончания или укажите другую --out-dir (если никакой запуск не идёт, удалите {path})',
  'lock.unreadable': '--out-dir {label}: файл {path} есть, но прочитать его как блокировку не удаётся; если никакой запуск не идёт, удалите его',
  'lock.cannot': '--out-dir {label}: не удаётся заблокировать папку: {code}',
  'commit.failed': '--out-dir {label}: не удаётся поставить {file} на место ({code}); выходная папка осталась как была',
  'commit.stuck': '--out-dir {label}: не удаётся поставить {file} на место ({code}), и прежние файлы не удалось вернуть все: они лежат в {aside}',
  'out.folderInPlace': '{path}: на месте файла находится папка; уберите её',
};
