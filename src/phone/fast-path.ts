/**
 * A fast path in front of normalizePhone (issue 5): for cells whose number is written with digits
 * and the usual phone punctuation, it runs libphonenumber-js's own parsing algorithm (parse ->
 * isValid -> getType, with the same "max" metadata) on regular expressions compiled once per
 * country (lazily), without the library's per-call Metadata objects, regexp construction and
 * text extraction. About 0.2-0.4 us a cell instead of about 9 (scripts/bench/phone-micro.mjs).
 *
 * THE RULE: whenever fastNormalize returns a result, it is exactly what normalizePhone(cell, region)
 * returns without the fast path (same kind, e164, country, type, ext); `undefined` means "no fast
 * answer, ask libphonenumber". It is checked against libphonenumber over a large generated corpus
 * (test/unit/phone-fast-path.test.ts, which mocks this module away inside normalize.ts so that
 * the reference stays libphonenumber once normalize.ts consults the fast path). Each step below names the libphonenumber-js function
 * (source/...) it replicates, and replicates it statement by statement:
 *
 * - parse.js: extractFormattedPhoneNumber, isViablePhoneNumber, extractExtension, parsePhoneNumber,
 *   the MIN_LENGTH_FOR_NSN (2) / MAX_LENGTH_FOR_NSN (17) checks;
 * - helpers/extractCountryCallingCode.js, stripIddPrefix.js,
 *   extractCountryCallingCodeFromInternationalNumberWithoutPlusSign.js;
 * - helpers/extractNationalNumber.js, extractNationalNumberFromPossiblyIncompleteNumber.js,
 *   checkNumberLength.js;
 * - helpers/getCountryByCallingCode.js, getCountryByNationalNumber.js;
 * - isValid.js, helpers/getNumberType.js; metadata.js for how the JSON is read.
 *
 * Shapes answered. A cell is read the way libphonenumber's extractFormattedPhoneNumber reads it:
 * the number starts at the first `+` or digit and ends at the last digit. That core must be
 * digits, spaces (also no-break), `-`, `.`, `(`, `)` and at most a leading `+`, with 3 to 30
 * digits; the cell at most 100 characters. What comes before the core (`тел.: `, `моб. `, `'`,
 * `="`) and after it (`"`, ` (моб.)`) is dropped, as libphonenumber drops it, so long as it holds
 * no digit of any script, no fullwidth `+`, no `;` (RFC 3966 `;phone-context=`) and, after the
 * core, no `#` (extensions). Answers:
 * - a blank cell (trim() is empty): `{ kind: 'missing' }`;
 * - a cell with no digit of any script: `{ kind: 'invalid' }` (nothing in it can be a number;
 *   no spreadsheet repair applies without digits);
 * - an accepted core: valid or invalid, for every region and every country calling code; except
 *   that an invalid core with other text around it returns `undefined`, because normalizePhone
 *   then looks for several numbers in the cell.
 * Issue #16 adds, each argued where it is answered (spreadsheetNumber, withExtension): a number a
 * spreadsheet wrote as a decimal or in exact scientific notation, and a valid number followed by
 * an extension (`доб. 12`, `ext 12`, `x12`).
 * Everything else returns `undefined`: other extensions, inexact scientific notation, several
 * numbers (`;`, `,`, `/`, `или` between digits), slashes or tabs inside the number, other scripts'
 * digits, one or two digits.
 *
 * Why normalizePhone's own steps cannot change an answered cell: its blank test is the same
 * trim(); its spreadsheet repairs (leading `'`, `="..."`) only remove text around the core, and
 * scientific notation needs an `e`/`E` between digits, which the core cannot hold; the
 * several-numbers split happens only when the whole cell is invalid, and those are not answered
 * when the cell has text around the core (a bare core holds none of `,;/\n` or a word).
 * libphonenumber's extension patterns all need a letter, `#`, `~`, `,` or `;` inside or at the end
 * of the text it keeps, so `ext` is always undefined in these shapes.
 */
import metadataJson from 'libphonenumber-js/metadata.max.json';
import type { CountryCode } from 'libphonenumber-js/max';
import type { PhoneResult } from './normalize.js';
import { spreadsheetDigits, splitExtension } from './fast-path-shapes.js';

// ---------------------------------------------------------------------------------------------
// Metadata (format version 4, as read by source/metadata.js).

/** One numbering plan as stored in the metadata JSON (version 4 layout; see metadata.js). */
type RawPlan = readonly unknown[];
type RawType = readonly [string, number[]?] | 0 | null | undefined;

interface RawMetadata {
  version: number;
  country_calling_codes: Record<string, string[]>;
  countries: Record<string, RawPlan>;
  nonGeographic?: Record<string, RawPlan>;
}

const META = metadataJson as unknown as RawMetadata;
if (META.version !== 4) {
  // The index layout below is version 4's; refuse to guess with any other.
  throw new Error(`fast-path: unexpected libphonenumber-js metadata version ${String(META.version)}`);
}

/** A number type: anchored pattern (null when the pattern is empty) and its possible lengths. */
interface CompiledType {
  readonly name: string;
  readonly re: RegExp | null;
  /** The pattern is "" (metadata drops a MOBILE pattern equal to FIXED_LINE's). */
  readonly empty: boolean;
  /** Bit n set = length n is possible; -1 when no lengths are known (any length). */
  readonly lengthMask: number;
}

interface Plan {
  readonly callingCode: string;
  readonly idd: RegExp | undefined;
  /** The IDD prefix when it is a plain string of digits (`810`, `00`). */
  readonly iddLiteral: string | undefined;
  /** `^(?:national_number_pattern)$` */
  readonly nnp: RegExp;
  readonly possibleLengths: readonly number[] | undefined;
  /** `^(?:national_prefix_for_parsing || national_prefix)` */
  readonly prefixForParsing: RegExp | undefined;
  /** The same when it is a plain string of digits (`8`, `0`): a startsWith() does the regexp's job. */
  readonly prefixLiteral: string | undefined;
  readonly transformRule: string | undefined;
  /** `^(?:leading_digits)`: only for countries that share a calling code. */
  readonly leadingDigits: RegExp | undefined;
  readonly hasTypes: boolean;
  readonly fixedLine: CompiledType | undefined;
  /** Whether metadata.type('MOBILE') exists at all (getNumberType.js tells "" and absent apart). */
  readonly mobileDefined: boolean;
  readonly mobile: CompiledType | undefined;
  /** getNumberType.js's NON_FIXED_LINE_PHONE_TYPES, in its order, those that exist. */
  readonly nonFixed: readonly CompiledType[];
}

/** metadata.js getType(): index of each type in the `types` array. */
const TYPE_INDEX = {
  FIXED_LINE: 0,
  MOBILE: 1,
  TOLL_FREE: 2,
  PREMIUM_RATE: 3,
  PERSONAL_NUMBER: 4,
  VOICEMAIL: 5,
  UAN: 6,
  PAGER: 7,
  VOIP: 8,
  SHARED_COST: 9,
} as const;
type TypeName = keyof typeof TYPE_INDEX;

/** getNumberType.js NON_FIXED_LINE_PHONE_TYPES, same order. */
const NON_FIXED_LINE_PHONE_TYPES: readonly TypeName[] = [
  'MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL',
];

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function lengthMaskOf(lengths: readonly number[] | undefined): number {
  if (!lengths) return -1;
  let mask = 0;
  for (const n of lengths) {
    if (n > 30) throw new Error(`fast-path: possible length ${n} does not fit the mask`);
    mask |= 1 << n;
  }
  return mask;
}

function nnpOf(raw: RawPlan): string {
  if (typeof raw[2] !== 'string') throw new Error(`fast-path: no national number pattern for +${String(raw[0])}`);
  return raw[2];
}

function compilePlan(raw: RawPlan): Plan {
  const possibleLengths = Array.isArray(raw[3]) && raw[3].length > 0 ? (raw[3] as number[]) : undefined;
  const nationalPrefix = str(raw[5]);
  const npfp = str(raw[7]) ?? nationalPrefix;
  const leading = str(raw[10]);
  const types = Array.isArray(raw[11]) ? (raw[11] as RawType[]) : undefined;
  // metadata.js hasTypes(): an array that is not empty.
  const hasTypes = !!types && types.length > 0;

  const typeOf = (name: TypeName): CompiledType | undefined => {
    if (!hasTypes) return undefined;
    const t = types[TYPE_INDEX[name]];
    if (!t) return undefined;
    const pattern = t[0];
    // Type.possibleLengths(): the type's own lengths, else the plan's.
    const lengths = (t[1] as number[] | undefined) || possibleLengths;
    return { name, re: pattern ? new RegExp(`^(?:${pattern})$`) : null, empty: pattern === '', lengthMask: lengthMaskOf(lengths) };
  };

  const nonFixed: CompiledType[] = [];
  for (const name of NON_FIXED_LINE_PHONE_TYPES) {
    const t = typeOf(name);
    if (t && t.re) nonFixed.push(t);
  }
  const mobile = typeOf('MOBILE');
  return {
    callingCode: raw[0] as string,
    idd: str(raw[1]) !== undefined ? new RegExp(`^(?:${raw[1] as string})`) : undefined,
    iddLiteral: str(raw[1]) !== undefined && /^\d+$/.test(raw[1] as string) ? (raw[1] as string) : undefined,
    nnp: new RegExp(`^(?:${nnpOf(raw)})$`),
    possibleLengths,
    prefixForParsing: npfp !== undefined ? new RegExp(`^(?:${npfp})`) : undefined,
    prefixLiteral: npfp !== undefined && /^\d+$/.test(npfp) ? npfp : undefined,
    transformRule: str(raw[8]),
    leadingDigits: leading !== undefined ? new RegExp(`^(?:${leading})`) : undefined,
    hasTypes,
    fixedLine: typeOf('FIXED_LINE'),
    mobileDefined: mobile !== undefined,
    mobile,
    nonFixed,
  };
}

const countryPlans = new Map<string, Plan>();
const callingCodePlans = new Map<string, Plan | null>();

function countryPlan(country: string): Plan {
  let p = countryPlans.get(country);
  if (p === undefined) {
    const raw = META.countries[country];
    if (!raw) throw new Error(`fast-path: unknown country ${country}`);
    p = compilePlan(raw);
    countryPlans.set(country, p);
  }
  return p;
}

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** metadata.js getCountryCodesForCallingCode(). */
function countriesForCallingCode(callingCode: string): readonly string[] | undefined {
  if (!hasOwn(META.country_calling_codes, callingCode)) return undefined;
  const list = META.country_calling_codes[callingCode]!;
  if (list.length === 1 && list[0]!.length === 3) return undefined;
  return list;
}

/**
 * metadata.js selectNumberingPlan(callingCode) -> getNumberingPlanMetadata(): the main country's
 * plan, or the non-geographic one; null when the calling code does not exist (hasCallingCode()).
 */
function callingCodePlan(callingCode: string): Plan | null {
  let p = callingCodePlans.get(callingCode);
  if (p === undefined) {
    const countries = countriesForCallingCode(callingCode);
    if (countries) p = countryPlan(countries[0]!);
    else if (META.nonGeographic && hasOwn(META.nonGeographic, callingCode)) p = compilePlan(META.nonGeographic[callingCode]!);
    else p = null;
    callingCodePlans.set(callingCode, p);
  }
  return p;
}

// ---------------------------------------------------------------------------------------------
// The algorithm.

const isTypeOf = (nn: string, t: CompiledType | undefined): boolean =>
  // getNumberType.js isNumberTypeEqualTo().
  t !== undefined && t.re !== null && (t.lengthMask === -1 || ((t.lengthMask >>> nn.length) & 1) === 1) && t.re.test(nn);

/** helpers/getNumberType.js with a selected plan. */
function numberType(nn: string, plan: Plan): string | undefined {
  if (!plan.nnp.test(nn)) return undefined;
  if (isTypeOf(nn, plan.fixedLine)) {
    if (plan.mobile && plan.mobile.empty) return 'FIXED_LINE_OR_MOBILE';
    if (!plan.mobileDefined) return 'FIXED_LINE_OR_MOBILE';
    if (isTypeOf(nn, plan.mobile)) return 'FIXED_LINE_OR_MOBILE';
    return 'FIXED_LINE';
  }
  for (const t of plan.nonFixed) if (isTypeOf(nn, t)) return t.name;
  return undefined;
}

/** helpers/getCountryByCallingCode.js + getCountryByNationalNumber.js. */
function countryByCallingCode(callingCode: string, nn: string): string | undefined {
  const countries = countriesForCallingCode(callingCode);
  if (!countries) return undefined;
  if (countries.length === 1) return countries[0];
  for (const country of countries) {
    const plan = countryPlan(country);
    if (plan.leadingDigits) {
      if (nn && plan.leadingDigits.test(nn)) return country;
    } else if (numberType(nn, plan) !== undefined) return country;
  }
  return undefined;
}

const TOO_SHORT = 1;
const TOO_LONG = 2;
const INVALID_LENGTH = 3;
const IS_POSSIBLE = 0;

/** helpers/checkNumberLength.js (no type). */
function checkNumberLength(nn: string, plan: Plan): number {
  const lengths = plan.possibleLengths;
  if (!lengths) return IS_POSSIBLE;
  const actual = nn.length;
  const min = lengths[0]!;
  if (min === actual) return IS_POSSIBLE;
  if (min > actual) return TOO_SHORT;
  if (lengths[lengths.length - 1]! < actual) return TOO_LONG;
  return lengths.indexOf(actual, 1) >= 0 ? IS_POSSIBLE : INVALID_LENGTH;
}

/** helpers/extractNationalNumber.js (carrier codes dropped: they never reach the result). */
function extractNationalNumber(number: string, plan: Plan): string {
  let nn = number;
  // extractNationalNumberFromPossiblyIncompleteNumber.js
  if (number && plan.prefixLiteral !== undefined) {
    // A literal prefix has no capturing groups: the regexp branch below would just slice it off.
    if (number.startsWith(plan.prefixLiteral)) nn = number.slice(plan.prefixLiteral.length);
  } else if (number && plan.prefixForParsing) {
    const m = plan.prefixForParsing.exec(number);
    if (m) {
      const groups = m.length - 1;
      const hasCapturedGroups = groups > 0 && !!m[groups];
      if (plan.transformRule && hasCapturedGroups) nn = number.replace(plan.prefixForParsing, plan.transformRule);
      else nn = number.slice(m[0].length);
    }
  }
  if (nn !== number) {
    // shouldHaveExtractedNationalPrefix()
    if (plan.nnp.test(number) && !plan.nnp.test(nn)) return number;
    if (plan.possibleLengths) {
      const country = countryByCallingCode(plan.callingCode, nn);
      const r = checkNumberLength(nn, country ? countryPlan(country) : plan);
      if (r === TOO_SHORT || r === INVALID_LENGTH) return number;
    }
  }
  return nn;
}

/** extractCountryCallingCode.js, the international part: `+` already stripped from `digits`. */
function splitCallingCode(digits: string): string | undefined {
  // "Fast abortion: country codes do not begin with a '0'".
  if (digits.charCodeAt(0) === 48) return undefined;
  for (let i = 1; i <= 3 && i <= digits.length; i++) {
    const code = digits.slice(0, i);
    if (callingCodePlan(code) !== null) return code;
  }
  return undefined;
}

// Fresh objects, as normalizePhone returns: callers may hold on to them.
const invalid = (): PhoneResult => ({ kind: 'invalid' });

/**
 * parse.js from the calling code on, then PhoneNumber isValid() and getType(). `country` is the
 * default country for a national number (else undefined), `rest` the digits after the calling
 * code (or all of them, for a national number), `plan` the numbering plan parse() selected.
 */
function finish(callingCode: string, country: string | undefined, rest: string, plan: Plan): PhoneResult {
  // parsePhoneNumber(): an international number with nothing after the calling code.
  if (!rest) return invalid();
  const nn = extractNationalNumber(rest, plan);
  const exact = countryByCallingCode(callingCode, nn);
  if (exact) country = exact;
  // parse(): MIN_LENGTH_FOR_NSN / MAX_LENGTH_FOR_NSN.
  if (nn.length < 2 || nn.length > 17) return invalid();
  // PhoneNumber.isValid() / getType(): selectNumberingPlan(country || countryCallingCode).
  const vplan = country ? countryPlan(country) : callingCodePlan(callingCode)!;
  let type: string | undefined;
  if (vplan.hasTypes) {
    type = numberType(nn, vplan);
    if (type === undefined) return invalid();
  } else {
    if (!vplan.nnp.test(nn)) return invalid();
    type = 'UNKNOWN';
  }
  return { kind: 'valid', e164: `+${callingCode}${nn}`, country, type, ext: undefined };
}

/** An international number: digits after `+` (or after an IDD prefix). */
function international(digits: string): PhoneResult {
  const code = splitCallingCode(digits);
  if (code === undefined) return invalid();
  return finish(code, undefined, digits.slice(code.length), callingCodePlan(code)!);
}

/** Digits without `+`, with a supported default region. */
function national(digits: string, region: string): PhoneResult {
  const plan = countryPlan(region);
  // stripIddPrefix.js
  if (plan.idd) {
    let iddLength = 0;
    if (plan.iddLiteral !== undefined) {
      if (digits.startsWith(plan.iddLiteral)) iddLength = plan.iddLiteral.length;
    } else {
      const m = plan.idd.exec(digits);
      if (m) iddLength = m[0].length;
    }
    if (iddLength > 0) {
      const rest = digits.slice(iddLength);
      // A `0` right after the IDD prefix: not stripped; nothing after it: '' is falsy, not stripped.
      if (rest !== '' && rest.charCodeAt(0) !== 48) return international(rest);
    }
  }
  // extractCountryCallingCodeFromInternationalNumberWithoutPlusSign.js
  const cc = plan.callingCode;
  if (digits.startsWith(cc)) {
    const shorter = digits.slice(cc.length);
    const shorterNN = extractNationalNumber(shorter, plan);
    const wholeNN = extractNationalNumber(digits, plan);
    if ((!plan.nnp.test(wholeNN) && plan.nnp.test(shorterNN)) || checkNumberLength(wholeNN, plan) === TOO_LONG) {
      return finish(cc, undefined, shorter, callingCodePlan(cc)!);
    }
  }
  // A national number: the default country's plan and calling code.
  return finish(cc, region, digits, plan);
}

/** Digits libphonenumber reads besides ASCII (constants.js VALID_DIGITS), and the fullwidth plus. */
const isExoticDigitOrPlus = (c: number) =>
  (c >= 0xff10 && c <= 0xff19) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9) || c === 0xff0b;

/** Punctuation allowed inside the core (and harmless around it). */
const isCorePunct = (c: number) => c === 32 || c === 45 || c === 46 || c === 40 || c === 41 || c === 160;

const PREFIX = 0;
const CORE = 1;
const SUFFIX = 2;

/**
 * `79161234567.0`: a number a spreadsheet exported as a decimal, which normalizePhone repairs
 * before parsing (issue #11); a digit, `.`, then only zeros (and spaces) to the end.
 */
function endsAsDecimal(cell: string): boolean {
  let i = cell.length - 1;
  while (i >= 0 && cell.charCodeAt(i) === 32) i--;
  if (i < 0 || cell.charCodeAt(i) !== 48) return false;
  while (i >= 0 && cell.charCodeAt(i) === 48) i--;
  return i > 0 && cell.charCodeAt(i) === 46 && cell.charCodeAt(i - 1) >= 48 && cell.charCodeAt(i - 1) <= 57;
}

/**
 * normalizePhone(cell, region) for the common shapes, or `undefined` when it has no fast answer.
 * Never differs from normalizePhone when it answers, and never answers a cell that splitNumbers()
 * reads as several numbers (so PhoneNormalizer.read may return it as the cell's reading).
 */
export function fastNormalize(cell: string, region: CountryCode | undefined): PhoneResult | undefined {
  return plainNumber(cell, region) ?? spreadsheetNumber(cell, region) ?? withExtension(cell, region);
}

/** A spreadsheet's decimal or exact scientific notation: its digits' reading (see spreadsheetDigits). */
function spreadsheetNumber(cell: string, region: CountryCode | undefined): PhoneResult | undefined {
  const digits = spreadsheetDigits(cell);
  return digits === undefined ? undefined : plainNumber(digits, region);
}

/** A valid number and an extension (see splitExtension): the number's reading with `ext` set. */
function withExtension(cell: string, region: CountryCode | undefined): PhoneResult | undefined {
  const split = splitExtension(cell);
  if (split === undefined) return undefined;
  const number = plainNumber(split.number, region);
  if (number === undefined || number.kind !== 'valid') return undefined;
  return { kind: 'valid', e164: number.e164, country: number.country, type: number.type, ext: split.ext };
}

/** The shapes of the module comment: one number written with digits and phone punctuation. */
function plainNumber(cell: string, region: CountryCode | undefined): PhoneResult | undefined {
  const len = cell.length;
  if (len > 100 || endsAsDecimal(cell)) return undefined;
  let digits = '';
  let plus = false;
  let state = PREFIX;
  /** Text other than core punctuation before or after the core. */
  let framed = false;
  let runStart = -1;
  for (let i = 0; i < len; i++) {
    const c = cell.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      // A digit after text that ended the core: the core would hold that text.
      if (state === SUFFIX) return undefined;
      state = CORE;
      if (runStart < 0) runStart = i;
      continue;
    }
    if (runStart >= 0) {
      digits += cell.slice(runStart, i);
      runStart = -1;
    }
    if (c === 59 || (c > 127 && isExoticDigitOrPlus(c))) return undefined;
    if (isCorePunct(c)) continue;
    if (state === PREFIX) {
      if (c === 43) {
        plus = true;
        state = CORE;
      } else framed = true;
      continue;
    }
    // Anything else ends the core (a second `+` too); the rest may hold no digit and no `#`.
    if (c === 35) return undefined;
    state = SUFFIX;
    framed = true;
  }
  if (runStart >= 0) digits = runStart === 0 ? cell : digits + cell.slice(runStart);

  if (digits === '') return cell.trim() === '' ? { kind: 'missing' } : invalid();
  // Two digits or fewer: libphonenumber's viability rules for them are fiddly; rare anyway.
  if (digits.length < 3 || digits.length > 30) return undefined;

  let result: PhoneResult;
  if (plus) result = international(digits);
  // parsePhoneNumber_.js drops an unsupported default country; then a number without `+` is no number.
  else if (region === undefined || !hasOwn(META.countries, region)) result = invalid();
  else result = national(digits, region);
  if (framed && result.kind === 'invalid') return undefined;
  return result;
}
