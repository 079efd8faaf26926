/** Кэш индекса согласий (issue #16): `leadaudit index`, --index-cache, --no-cache (src/cli/index-command.ts). */
import type { Messages } from '../message.js';
import type { indexcache as en } from '../en/indexcache.js';

export const indexcache: Messages<typeof en> = {
  'help.index': 'построить снимок индекса согласий заранее, до проверок (первый шаг задания CI): проверка тех же файлов согласий с теми же параметрами загрузит его вместо чтения файлов',
  'help.index.consent': 'файлы согласий, CSV или JSON Lines, в том порядке, в каком проверка называет их в --consent',
  'help.index.trail': 'построить индекс, который загружает проверка с --trail (в нём хранятся тексты evidence_ref)',
  'help.index.evidenceDir': 'построить индекс, который загружает проверка с --evidence-dir (здесь то же, что --trail; папка не читается)',
  'help.index.more': '\nПечатает путь к снимку в stdout и одну строку в stderr. Код выхода 0, когда снимок записан или уже\nактуален; 2 — при ошибке в параметрах или входных файлах или если в папку кэша нельзя писать.',
  'help.audit.indexCache': 'папка снимков индекса согласий (по умолчанию $XDG_CACHE_HOME/leadaudit, иначе ~/.cache/leadaudit)',
  'help.audit.noCache': 'не загружать и не записывать снимок индекса согласий: построить индекс из файлов согласий',
  'index.built': {
    one: '{files}: проиндексирована {count} запись согласия за {seconds} с; снимок записан: {path}',
    few: '{files}: проиндексированы {count} записи согласия за {seconds} с; снимок записан: {path}',
    many: '{files}: проиндексировано {count} записей согласия за {seconds} с; снимок записан: {path}',
    other: '{files}: проиндексировано {count} записи согласия за {seconds} с; снимок записан: {path}',
  },
  'index.loaded': {
    one: '{files}: {count} запись согласия; снимок актуален: {path}',
    few: '{files}: {count} записи согласия; снимок актуален: {path}',
    many: '{files}: {count} записей согласия; снимок актуален: {path}',
    other: '{files}: {count} записи согласия; снимок актуален: {path}',
  },
  'index.cannotWrite': 'предупреждение: не удалось записать снимок индекса согласий в {dir} ({why}); проверка продолжается без него',
  'index.changed': '{path}: снимок индекса согласий изменился, пока проверка его читала; запустите проверку ещё раз (повреждённый снимок будет построен заново)',
  'index.cannotWriteError': '{dir}: не удалось записать снимок индекса согласий ({why})',
};
