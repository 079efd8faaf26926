/** Файлы доказательств, переназначенные номера и типы линий (issue #14). */
import type { Messages } from '../message.js';
import type { evidence as en } from '../en/evidence.js';

export const evidence: Messages<typeof en> = {
  'evidence.why.no-file': 'evidence_ref {ref} не называет ни одного файла в папке доказательств',
  'evidence.why.not-file': 'evidence_ref {ref} указывает на папку, а не на файл в папке доказательств',
  'evidence.why.unreadable': 'файл доказательства {ref} не удаётся прочитать',
  'evidence.why.url': 'evidence_ref {ref} — веб-адрес, а не файл в папке доказательств',
  'evidence.why.bad-hash': 'evidence_ref {ref} не имеет вида «sha256:» и 64 шестнадцатеричные цифры',
  'evidence.why.no-hash-match': 'ни у одного файла в папке доказательств нет SHA-256, названного в evidence_ref {ref}',
  'evidence.why.absolute': 'evidence_ref {ref} — абсолютный путь, а файл доказательства указывают путём внутри папки доказательств',
  'evidence.why.dotdot': 'evidence_ref {ref} ведёт за пределы папки доказательств (..)',
  'evidence.why.symlink': 'evidence_ref {ref} — символическая ссылка, ведущая за пределы папки доказательств',
  'evidence.why.hash-differs': 'у файла доказательства {file} SHA-256 {sha256}, а в записи указан {expected}',
  'evidence.why.other': 'evidence_ref {ref} не подтверждает согласие ({why})',
  'evidenceDir.noFolder': 'нет такой папки',
  'evidenceDir.notFolder': 'не папка',
  'table.phoneInvalid': 'не является действительным номером телефона{problem}',
  'lineTypes.contradicts': 'противоречит строке {line}, где для {e164} указан тип {type}',
  'reassigned.badResult': 'не yes, no и не no data (да, нет, нет данных)',
  'mask.notInHeader': '{where}: столбца --mask-column {name} нет в заголовке (столбцы: {columns})',
  'consent.badSha256': 'evidence_sha256 {value} не является SHA-256 (64 шестнадцатеричные цифры)',
  'warning.lineTypesMissing.sms': 'нет --line-types: libphonenumber не отличает мобильные номера этого региона от стационарных (FIXED_LINE_OR_MOBILE), поэтому правило о мобильных номерах для SMS пропускает все такие номера; укажите типы линий по данным оператора связи в --line-types ФАЙЛ',
  'warning.lineTypesMissing.dialMode': 'нет --line-types: libphonenumber не отличает мобильные номера этого региона от стационарных (FIXED_LINE_OR_MOBILE), поэтому по политике {policy} каждый звонок со способом набора {mode} требует согласия, в том числе на стационарные номера; укажите типы линий по данным оператора связи в --line-types ФАЙЛ',
};
