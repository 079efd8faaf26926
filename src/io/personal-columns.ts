/**
 * Columns of a contact list that hold personal data (issue #14): phone numbers, email addresses,
 * names, postal addresses, birth dates and identity documents, found by header name in English and
 * Russian the way phone columns are (src/io/columns.ts), plus any column named with
 * `--mask-column`. `--mask` masks their values in what is meant for people (src/report/mask.ts).
 * Found once per header, never per row.
 */
import { InputError } from '../errors.js';
import { headerKey, isPhoneHeader } from './columns.js';
import { t } from '../i18n/index.js';

export const PERSONAL_KINDS = ['phone', 'email', 'name', 'address', 'birth_date', 'document', 'named'] as const;
/** `named`: a column given with --mask-column that no name says is personal. */
export type PersonalKind = (typeof PERSONAL_KINDS)[number];

export interface PersonalColumn {
  column: string;
  index: number;
  kind: PersonalKind;
}

/** Whole headers (after `key()`) that are a person's name. */
const NAME_HEADERS = new Set([
  'name', 'full name', 'fullname', 'first name', 'firstname', 'last name', 'lastname', 'middle name',
  'middlename', 'given name', 'family name', 'surname', 'patronymic', 'contact', 'contact name',
  'contact person', 'person', 'client', 'client name', 'customer', 'customer name', 'lead name', 'fio',
  'фио', 'ф и о', 'имя', 'фамилия', 'отчество', 'имя фамилия', 'фамилия имя', 'фамилия имя отчество',
  'полное имя', 'клиент', 'имя клиента', 'фио клиента', 'контакт', 'контактное лицо', 'получатель звонка',
]);

/** Words that make a header one of a kind wherever they stand in it (`Email клиента`, `Адрес доставки`). */
const WORDS: [PersonalKind, RegExp][] = [
  ['email', /^(e?mail|emails|почта|почты|емейл|имейл|мейл)$/u],
  ['birth_date', /^(birth|birthday|birthdate|dob|рождения|др)$/u],
  ['document', /^(passport|паспорт|паспорта|снилс|snils|инн|inn|ssn)$/u],
  ['name', /^(фио|фамилия|имя|отчество|surname|firstname|lastname|fullname|patronymic)$/u],
  ['address', /^(address|addr|street|адрес|адреса|улица|postcode|postal|zip|zipcode)$/u],
];
/** Two-word names of a kind: `e mail`, `date of birth`, `first name`, `почтовый индекс`. */
const PHRASES: [PersonalKind, RegExp][] = [
  ['email', /(^| )(e mail|эл почта|электронная почта|электронный адрес)( |$)/u],
  ['birth_date', /(^| )(date of birth|birth date|дата рождения|день рождения|д р)( |$)/u],
  ['name', /(^| )(first name|last name|full name|middle name|given name|family name)( |$)/u],
  ['address', /(^| )(почтовый индекс|zip code|post code)( |$)/u],
];

/** A header as compared here: trimmed, lower-cased, `_ . - ( )` as spaces, a ` (2)` of a repeated name dropped. */
function key(header: string): string {
  return headerKey(header).replace(/\s*\(\d+\)$/, '').replace(/[_.\-,()]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The kind of personal data a header names, or undefined (phones by the phone-column rules). */
export function personalKind(header: string): PersonalKind | undefined {
  if (isPhoneHeader(header)) return 'phone';
  const k = key(header);
  if (NAME_HEADERS.has(k)) return 'name';
  for (const [kind, re] of PHRASES) if (re.test(k)) return kind;
  const words = k.split(' ');
  for (const [kind, re] of WORDS) if (words.some((w) => re.test(w))) return kind;
  return undefined;
}

/**
 * The personal-data columns of a header: the audited phone columns, every column whose name says
 * it holds personal data, and each `--mask-column` (which must be in the header: exit 2 otherwise).
 */
export function personalColumns(names: readonly string[], phoneIndexes: readonly number[], named: readonly string[], where: string): PersonalColumn[] {
  const keys = names.map(headerKey);
  const wanted = new Set<number>();
  for (const n of named) {
    const i = keys.indexOf(headerKey(n));
    if (i < 0) throw new InputError(t('mask.notInHeader', { where, name: JSON.stringify(n), columns: names.join(', ') }));
    wanted.add(i);
  }
  return names.flatMap((column, index) => {
    const kind = phoneIndexes.includes(index) ? 'phone' : personalKind(column) ?? (wanted.has(index) ? 'named' : undefined);
    return kind === undefined ? [] : [{ column, index, kind }];
  });
}
