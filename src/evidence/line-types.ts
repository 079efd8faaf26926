/**
 * Line types from a carrier lookup (issue #14): `--line-types FILE`, a table of `phone` and
 * `line_type` (`mobile`, `landline`, `voip`, `toll_free`, `premium`; Russian words too). A number's
 * type from this file stands in for libphonenumber's, which reads the type off the numbering plan
 * and cannot tell a US mobile from a landline (FIXED_LINE_OR_MOBILE) or follow a ported number: for
 * PHONE_TYPE_BLOCKED, the SMS mobile rule and the dial modes a policy frees for landlines.
 */
import { LINE_TYPE_ALIASES } from '../io/column-map.js';
import type { PhoneNormalizer } from '../phone/normalize.js';
import { NumberTable, e164Key } from './number-table.js';
import { readKeyedTable, type InvalidLine, type KeyedTableFile, type KeyedTableOptions } from './keyed-table.js';
import { t } from '../i18n/index.js';

/** The file's words, and the libphonenumber type each stands for. */
export const LINE_TYPES = ['mobile', 'landline', 'voip', 'toll_free', 'premium'] as const;
export type LineType = (typeof LINE_TYPES)[number];
export const LINE_TYPE_NUMBER_TYPE: Record<LineType, string> = {
  mobile: 'MOBILE', landline: 'FIXED_LINE', voip: 'VOIP', toll_free: 'TOLL_FREE', premium: 'PREMIUM_RATE',
};

const WORDS = new Map<string, LineType>([
  ['mobile', 'mobile'], ['wireless', 'mobile'], ['cell', 'mobile'], ['cellular', 'mobile'], ['мобильный', 'mobile'], ['мобильная', 'mobile'],
  ['landline', 'landline'], ['fixed', 'landline'], ['fixed_line', 'landline'], ['fixed line', 'landline'], ['wireline', 'landline'],
  ['стационарный', 'landline'], ['городской', 'landline'], ['фиксированный', 'landline'],
  ['voip', 'voip'], ['ip', 'voip'], ['ip-телефония', 'voip'],
  ['toll_free', 'toll_free'], ['toll-free', 'toll_free'], ['toll free', 'toll_free'], ['tollfree', 'toll_free'], ['бесплатный', 'toll_free'],
  ['premium', 'premium'], ['premium_rate', 'premium'], ['premium rate', 'premium'], ['платный', 'premium'],
]);

export interface LineTypeStats extends KeyedTableFile {
  /** Distinct numbers with a type. */
  numbers: number;
  /** Numbers by type. */
  types: Record<LineType, number>;
  invalid: InvalidLine[];
}

export class LineTypes {
  private readonly table = new NumberTable();
  private readonly lines: number[] = [];
  private readonly types: LineType[] = [];

  constructor(readonly stats: LineTypeStats) {}

  /** The number's type from the file, if it lists the number. */
  find(key: number): LineType | undefined {
    const i = this.table.get(key);
    return i === undefined ? undefined : this.types[i];
  }

  /** @internal The first line that gave the number a type; a later line may not give it another. */
  put(key: number, type: LineType, line: number): { line: number; type: LineType } | undefined {
    const i = this.table.get(key);
    if (i !== undefined) return this.types[i] === type ? undefined : { line: this.lines[i]!, type: this.types[i]! };
    this.table.add(key, this.types.length);
    this.types.push(type);
    this.lines.push(line);
    this.stats.numbers++;
    this.stats.types[type]++;
    return undefined;
  }
}

export async function loadLineTypes(path: string, phones: PhoneNormalizer, opts: KeyedTableOptions = {}): Promise<LineTypes> {
  const stats: LineTypeStats = {
    path, sha256: '', format: 'csv', encoding: 'utf-8', records: 0, numbers: 0,
    types: { mobile: 0, landline: 0, voip: 0, toll_free: 0, premium: 0 }, invalid: [],
  };
  const list = new LineTypes(stats);
  const file = await readKeyedTable(path, 'line_types', LINE_TYPE_ALIASES, ['phone', 'line_type'], phones, opts, stats.invalid, (e164, get, line, bad) => {
    const word = get('line_type');
    const type = WORDS.get(word.toLowerCase());
    if (type === undefined) { bad(line, 'line_type', word, t('value.notOneOf', { list: LINE_TYPES.join(', ') })); return; }
    const clash = list.put(e164Key(e164), type, line);
    // Two answers for one number: the first stands, and the second is shown, not dropped silently.
    if (clash) bad(line, 'line_type', word, t('lineTypes.contradicts', { line: String(clash.line), e164, type: clash.type }));
  });
  Object.assign(stats, file);
  return list;
}
