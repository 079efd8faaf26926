/** --export, --hash, --export-columns (issue #15, п. 3). */
import type { Messages } from '../message.js';
import type { exporting as en } from '../en/export.js';

export const exporting: Messages<typeof en> = {
  'help.audit.export': 'также записать в выходную папку export-PLATFORM.csv: чистые строки в том виде, в каком их загружает площадка; PLATFORM: {platforms} (можно несколько раз)',
  'help.audit.hash': 'как выгрузки записывают ключ: sha256 или none, для всех выгрузок или PLATFORM=sha256|none для одной (по умолчанию — как принято на площадке, см. README)',
  'help.audit.exportColumns': 'столбцы входного списка, которые выгрузка для обзвона добавляет после phone_e164, через запятую (можно несколько раз)',
  'export.noPlatform': 'не названа площадка: одна из {list}',
  'export.needsExport': 'без --export применять не к чему',
  'export.hashPlatform': 'не имеет вида PLATFORM=sha256|none, где PLATFORM — одна из {list}',
  'export.hashNotExported': 'выгрузка для {platform} не заказана: добавьте --export {platform}',
  'export.hashRefused': '{platform} не принимает {hashing} (принимает {allowed}); для остальных площадок напишите --hash PLATFORM={hashing}',
  'export.columnsNeedDialer': 'столбцы добавляет только выгрузка для обзвона: добавьте --export dialer',
  'export.dialerOnEmail': '--export dialer: проверка рассылки (--channel email) проверяет адреса, а не номера телефонов, и ни один номер в ней не проверен для звонков; список для обзвона делайте из проверки с --channel call или sms',
  'export.unknownColumn': '{where}: в списке нет столбца --export-columns {column} (его столбцы: {columns})',
  'export.belowMinimum': {
    one: '{platform}: в выгрузке {count} строка — меньше {limit}, которые площадка принимает в список',
    few: '{platform}: в выгрузке {count} строки — меньше {limit}, которые площадка принимает в список',
    many: '{platform}: в выгрузке {count} строк — меньше {limit}, которые площадка принимает в список',
    other: '{platform}: в выгрузке {count} строки — меньше {limit}, которые площадка принимает в список',
  },
  'export.aboveMaximum': '{platform}: в выгрузке {count} строк — больше {limit}, которые площадка принимает в один список: разделите её перед загрузкой',
  'export.fileTooBig': '{platform}: выгрузка занимает {mb} МБ — больше {limit} МБ, которые площадка принимает в одном файле: разделите её перед загрузкой',
  'summary.exports': 'Выгрузки:',
  'summary.export': {
    one: '  {file}: {count} строка для {platform}, {how}',
    few: '  {file}: {count} строки для {platform}, {how}',
    many: '  {file}: {count} строк для {platform}, {how}',
    other: '  {file}: {count} строки для {platform}, {how}',
  },
  'summary.exportSha256': '{key} — хеш SHA-256',
  'summary.exportPlain': '{key} без хеширования',
  'summary.exportKey.phone': 'номер телефона',
  'summary.exportKey.email': 'адрес эл. почты',
};
