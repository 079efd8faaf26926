/**
 * The options that shape how evidence files are read, shared by `audit` and `index` (issue #16):
 * the policy (its region, columns and date order), --map, --date-order, --region, --encoding, the
 * limits on packed inputs, and the consent index cache (--index-cache, --no-cache). `leadaudit
 * index` takes the same names, so that a CI job builds the snapshot its audit will load.
 */
import { Option, type Command } from 'commander';
import { isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';
import { DATE_ORDERS, type DateOrder } from '../dates.js';
import { emptyColumnMap, mergeColumnMaps, parseMapFlag, type ColumnMap } from '../io/column-map.js';
import { DEFAULT_LIMITS, MIB, type InputLimits } from '../io/xlsx/limits.js';
import { encodingName, ENCODINGS, type Encoding } from '../io/decode.js';
import { PRESET_NAMES } from '../policy/preset-names.js';
import { loadPolicy, type LoadedPolicy } from '../policy/load.js';
import { defaultCacheDir, type IndexCache } from '../evidence/index-cache.js';
import { bad } from './list-options.js';
import { t } from '../i18n/index.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** --policy, --region, --map, --date-order, the limits and --encoding, in the audit's help order. */
export function addPolicyOption(c: Command): Command {
  return c.option('--policy <name|file>', t('help.audit.policy', { presets: PRESET_NAMES.join(', ') }), 'ru-152fz');
}

export function addRegionOption(c: Command): Command {
  return c.option('--region <code>', t('help.audit.region'));
}

/** `sheet`: --sheet too (the contact list's; consent workbooks are read from their first sheet). */
export function addReadingOptions(c: Command, sheet: boolean): Command {
  c.option('--map <kind.field=column>', t('help.audit.map'), collect)
    .addOption(new Option('--date-order <order>', t('help.audit.dateOrder')).choices(DATE_ORDERS));
  if (sheet) c.option('--sheet <name>', t('help.audit.sheet'));
  return c
    .option('--max-unpacked-mb <n>', t('help.audit.maxUnpacked', { n: String(DEFAULT_LIMITS.maxUnpackedBytes / MIB) }))
    .option('--max-rows <n>', t('help.audit.maxRows', { n: String(DEFAULT_LIMITS.maxRows) }))
    .option('--max-shared-strings <n>', t('help.audit.maxStrings', { n: String(DEFAULT_LIMITS.maxSharedStrings) }))
    .option('--encoding <name>', t('help.audit.encoding', { encodings: ENCODINGS.join(', ') }));
}

export function addCacheOptions(c: Command, withNoCache: boolean): Command {
  c.option('--index-cache <dir>', t('help.audit.indexCache'));
  return withNoCache ? c.option('--no-cache', t('help.audit.noCache')) : c;
}

/** The raw shaping options, as commander gives them (checked by each command's zod schema). */
export interface RawShapeOptions {
  policy: string;
  map?: string[] | undefined;
  dateOrder?: DateOrder | undefined;
  region?: string | undefined;
  encoding?: string | undefined;
  maxUnpackedMb?: string | undefined;
  maxRows?: string | undefined;
  maxSharedStrings?: string | undefined;
  indexCache?: string | undefined;
  cache?: boolean | undefined;
}

export interface ShapeSettings {
  policy: LoadedPolicy;
  dateOrder: DateOrder;
  /** --map and the policy's columns; `flagMap` is --map alone. */
  columns: ColumnMap;
  flagMap: ColumnMap;
  limits: InputLimits;
  region: CountryCode | undefined;
  encoding: Encoding | undefined;
  indexCache: IndexCache | undefined;
}

/** Options -> settings; throws InputError naming the flag, the value and the problem. */
export function shapeSettings(o: RawShapeOptions): ShapeSettings {
  const policy = loadPolicy(o.policy);
  const dateOrder: DateOrder = o.dateOrder ?? policy.policy.date_order ?? 'dmy';
  const flagMap = emptyColumnMap();
  for (const m of o.map ?? []) parseMapFlag(m, flagMap);
  const columns = mergeColumnMaps(policy.policy.columns, flagMap, policy.file ? `${policy.file.path}: columns` : 'the policy\'s columns');
  const limits: InputLimits = {
    maxUnpackedBytes: o.maxUnpackedMb === undefined ? DEFAULT_LIMITS.maxUnpackedBytes : positive('--max-unpacked-mb', o.maxUnpackedMb) * MIB,
    maxRows: o.maxRows === undefined ? DEFAULT_LIMITS.maxRows : positive('--max-rows', o.maxRows),
    maxSharedStrings: o.maxSharedStrings === undefined ? DEFAULT_LIMITS.maxSharedStrings : positive('--max-shared-strings', o.maxSharedStrings),
  };
  let region: CountryCode | undefined;
  if (o.region !== undefined) {
    const code = o.region.trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(code) || !isSupportedCountry(code)) throw bad('--region', o.region, t('opt.region'));
    region = code as CountryCode;
  }
  let encoding: Encoding | undefined;
  if (o.encoding !== undefined) {
    encoding = encodingName(o.encoding);
    if (!encoding) throw bad('--encoding', o.encoding, t('value.notOneOf', { list: ENCODINGS.join(', ') }));
  }
  if (o.indexCache !== undefined && o.indexCache.trim() === '') throw bad('--index-cache', o.indexCache, t('opt.mustNameFolder'));
  const indexCache = o.cache === false ? undefined : { dir: o.indexCache ?? defaultCacheDir() };
  return { policy, dateOrder, columns, flagMap, limits, region, encoding, indexCache };
}

export function positive(flag: string, value: string): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || n < 1) throw bad(flag, value, t('opt.wholeNumber'));
  return n;
}
