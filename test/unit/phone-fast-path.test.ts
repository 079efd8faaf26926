/**
 * The phone fast path (issue 5) against libphonenumber: a differential test. fastNormalize may
 * decline (undefined), but whenever it answers, its answer must be exactly normalizePhone's.
 *
 * The corpus is generated from a seeded PRNG (deterministic): Russian numbers in the ways people,
 * CRMs and spreadsheets write them (valid mobile and fixed ranges, 800 toll free, 809 premium,
 * Kazakh +7 7xx, invalid ranges, wrong lengths, extra digits), foreign numbers (shared calling
 * codes, NANPA area codes, non-geographic codes, random codes and lengths, every country's example
 * number written five ways), junk, and random digit strings with random punctuation. Every cell
 * is checked under every region in REGIONS; region-shaped random digits (IDD prefixes, national
 * prefixes, calling codes) under every region libphonenumber knows.
 */
import { isDeepStrictEqual } from 'node:util';
import { mulberry32 } from '../../src/random.js';
import { describe, expect, it, vi } from 'vitest';
import examples from 'libphonenumber-js/examples.mobile.json';
import { getCountries, getCountryCallingCode, type CountryCode } from 'libphonenumber-js/max';
import metadata from 'libphonenumber-js/metadata.max.json';
import { normalizePhone, splitNumbers, type PhoneResult } from '../../src/phone/normalize.js';

// The reference is normalizePhone WITHOUT the fast path: once normalize.ts consults fastNormalize,
// comparing the two would compare the fast path with itself. So normalize.ts sees a fast path
// that never answers, and this test gets the real one.
vi.mock('../../src/phone/fast-path.js', () => ({ fastNormalize: () => undefined }));
const { fastNormalize } = await vi.importActual<typeof import('../../src/phone/fast-path.js')>('../../src/phone/fast-path.js');

const REGIONS: (CountryCode | undefined)[] = ['RU', 'GB', 'US', undefined, 'DE', 'KZ'];

// ---------------------------------------------------------------------------------------------
// Deterministic randomness.


type Rnd = () => number;
const int = (rnd: Rnd, lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = <T>(rnd: Rnd, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
const digits = (rnd: Rnd, n: number) => {
  let s = '';
  for (let i = 0; i < n; i++) s += String(Math.floor(rnd() * 10));
  return s;
};

// ---------------------------------------------------------------------------------------------
// Russian numbers.

/** Russian 3-digit codes that are in use (mobile, Moscow and regional fixed, 800, 809). */
const RU_VALID_CODES = [
  ...Array.from({ length: 100 }, (_, i) => String(900 + i)),
  '495', '499', '812', '343', '383', '831', '843', '846', '861', '863', '351', '342', '473', '347', '391', '423',
  '800', '809',
];
/** Codes that are invalid in Russia, Kazakh ones, and oddities (+7 6xx, 0xx, 1xx, 2xx, 5xx, 803). */
const RU_OTHER_CODES = ['700', '701', '702', '705', '707', '747', '771', '775', '777', '778', '600', '661', '123', '012', '234', '555', '803', '808', '310', '811'];

/** The common ways of writing a 10-digit Russian national number (only digits and punctuation). */
const RU_COMMON_FORMATS: ((a: string, b: string, c: string, d: string) => string)[] = [
  (a, b, c, d) => `+7 ${a} ${b}-${c}-${d}`,
  (a, b, c, d) => `8 (${a}) ${b}-${c}-${d}`,
  (a, b, c, d) => `8${a}${b}${c}${d}`,
  (a, b, c, d) => `7${a}${b}${c}${d}`,
  (a, b, c, d) => `+7${a}${b}${c}${d}`,
  (a, b, c, d) => `${a}${b}${c}${d}`,
  (a, b, c, d) => `+7(${a})${b}${c}${d}`,
  (a, b, c, d) => `8-${a}-${b}-${c}-${d}`,
  (a, b, c, d) => `+7 (${a}) ${b} ${c} ${d}`,
  (a, b, c, d) => `8 ${a} ${b}${c}${d}`,
  (a, b, c, d) => `8(${a})${b}-${c}-${d}`,
  (a, b, c, d) => `7 ${a} ${b} ${c} ${d}`,
  (a, b, c, d) => ` +7 ${a} ${b}-${c}-${d} `,
  (a, b, c, d) => `+7-${a}-${b}-${c}${d}`,
  (a, b, c, d) => `8.${a}.${b}.${c}.${d}`,
  (a, b, c, d) => `${a} ${b}-${c}-${d}`,
  (a, b, c, d) => `(${a}) ${b}-${c}-${d}`,
  (a, b, c, d) => `+7\u00a0${a}\u00a0${b}\u00a0${c}\u00a0${d}`,
];
/** Shapes that the fast path leaves to libphonenumber (they are checked all the same). */
const RU_RARE_FORMATS: ((a: string, b: string, c: string, d: string, rnd: Rnd) => string)[] = [
  (a, b, c, d) => `тел.: +7 ${a} ${b}-${c}-${d}`,
  (a, b, c, d) => `моб. 8 ${a} ${b} ${c} ${d}`,
  (a, b, c, d, rnd) => `+7 ${a} ${b} ${c} ${d} доб. ${int(rnd, 1, 999)}`,
  (a, b, c, d) => `7.${a.slice(0)}${b}${c}${d}E+10`,
  (a, b, c, d) => `'+7${a}${b}${c}${d}`,
  (a, b, c, d) => `="8${a}${b}${c}${d}"`,
  (a, b, c, d, rnd) => `8 ${a} ${b}-${c}-${d}; 8 (495) ${int(rnd, 200, 999)}-${int(rnd, 10, 99)}-${int(rnd, 10, 99)}`,
  (a, b, c, d) => `Тел ${a}-${b}-${c}-${d}`,
  (a, b, c, d) => `8 10 7 ${a} ${b}${c}${d}`,
  (a, b, c, d) => `+7 8 ${a} ${b}${c}${d}`,
  (a, b, c, d) => `007 ${a} ${b}${c}${d}`,
  (a, b, c, d) => `+7/${a}/${b}${c}${d}`,
  (a, b, c, d) => `+7\t${a}${b}${c}${d}`,
  (a, b, c, d) => `++7${a}${b}${c}${d}`,
  (a, b, c, d) => `(+7) ${a} ${b}-${c}-${d}`,
  (a, b, c, d) => `8 ${a} ${b}-${c}-${d} (моб.)`,
  (a, b, c, d) => `тел/факс 8 ${a} ${b}-${c}-${d}`,
  (a, b, c, d) => `8 ${a} ${b}-${c}-${d}, 8 ${a} ${b}-${c}-${d}`,
];

/**
 * What spreadsheets and CRMs add to a number (issue #16 item 3): decimals, scientific notation
 * (exact, rounded, signed, with a decimal comma), extensions with each label and spacing, and
 * several numbers in a cell. The fast path answers some; every one is checked.
 */
const RU_SPREADSHEET_FORMATS: ((a: string, b: string, c: string, d: string, rnd: Rnd) => string)[] = [
  (a, b, c, d) => `7${a}${b}${c}${d}.0`,
  (a, b, c, d) => `8${a}${b}${c}${d},00`,
  (a, b, c, d) => ` ${a}${b}${c}${d}.000 `,
  (a, b, c, d) => `007${a}${b}${c}${d}.0`,
  (a, b, c, d) => `7${a}${b}${c}${d}.5`,
  (a, b, c, d) => `+7${a}${b}${c}${d}.0`,
  (a, b, c, d) => `7,${a}${b}${c}${d}E+10`,
  (a, b, c, d) => `7.${a}${b}${c}${d}e10`,
  (a, b, c, d) => `+7.${a}${b}${c}${d}E+10`,
  (a, b, c, d) => `-7.${a}${b}${c}${d}E+10`,
  (a, b, c, d) => `8.${a}${b}${c}${d}E+10 `,
  (a, b, c, d) => `0.7${a}${b}${c}${d}E+11`,
  (a, b, c, d) => `7.${a}${b}${c}E+10`,
  (a, b, c, d) => `7.${a}${b}${c}${d}1E+10`,
  (a, b, c, d) => `${a}.${b}${c}${d}E+9`,
  (a, b, c, d) => `7.${a}${b}${c}${d}E+010`,
  (a, b, c, d, rnd) => `+7 ${a} ${b}-${c}-${d} доб. ${int(rnd, 1, 99999)}`,
  (a, b, c, d, rnd) => `8 (${a}) ${b}-${c}-${d} доб ${int(rnd, 1, 999)}`,
  (a, b, c, d, rnd) => `+7${a}${b}${c}${d} ext. ${int(rnd, 1, 999)}`,
  (a, b, c, d, rnd) => `+7 ${a} ${b} ${c} ${d} ext ${int(rnd, 1, 999)}`,
  (a, b, c, d, rnd) => `8${a}${b}${c}${d} x${int(rnd, 1, 999)}`,
  (a, b, c, d, rnd) => `8${a}${b}${c}${d} x. ${int(rnd, 1, 999)} `,
  (a, b, c, d, rnd) => `8${a}${b}${c}${d}x${int(rnd, 1, 999)}`,
  (a, b, c, d, rnd) => `+7 ${a} ${b}-${c}-${d} Доб. ${int(rnd, 1, 999)}`,
  (a, b, c, d, rnd) => `+7 ${a} ${b}-${c}-${d} доб. ${int(rnd, 1_000_000, 99_999_999)}`,
  (a, b, c, d, rnd) => `+7 ${a} ${b}-${c}-${d} доб.${int(rnd, 1, 999)}`,
  (a, b, c, d, rnd) => `+7 ${a} ${b}-${c}-${d} # ${int(rnd, 1, 999)}`,
  (a, b, c, d, rnd) => `тел.: +7 ${a} ${b}-${c}-${d} доб. ${int(rnd, 1, 999)}`,
  (a, b, c, d, rnd) => `+7 ${a} ${b}-${c}-${d} (моб.) доб. ${int(rnd, 1, 999)}`,
  (a, b, c, d, rnd) => `+7\u00a0${a}\u00a0${b}-${c}-${d} доб. ${int(rnd, 1, 999)}`,
  (a, b, c, d, rnd) => `8 ${a} ${b}-${c}-${d} или 8 (812) ${int(rnd, 200, 999)}-${int(rnd, 10, 99)}-${int(rnd, 10, 99)}`,
  (a, b, c, d) => `8 ${a} ${b}-${c}-${d}; 8${a}${b}${c}${d}`,
  (a, b, c, d) => `+7 ${a} ${b}-${c}-${d} +7 ${b} ${a}-${c}-${d}`,
  (a, b, c, d) => `+7 ${a} ${b}-${c}-${d} / 8 ${a} ${b}${c}${d} доб. 12`,
];

interface RuCell {
  cell: string;
  /** A valid Russian number written in one of RU_COMMON_FORMATS. */
  common: boolean;
}

function russianCell(rnd: Rnd): RuCell {
  const r = rnd();
  let code: string;
  let validCode = false;
  if (r < 0.8) { code = pick(rnd, RU_VALID_CODES.slice(0, 100)); validCode = true; }
  else if (r < 0.9) { code = pick(rnd, RU_VALID_CODES.slice(100)); validCode = true; }
  else code = pick(rnd, RU_OTHER_CODES);
  let sub = digits(rnd, 7);
  const damage = rnd();
  if (damage < 0.03) sub = sub.slice(0, int(rnd, 3, 6)); // too short
  else if (damage < 0.06) sub += digits(rnd, int(rnd, 1, 4)); // extra digits
  const [b, c, d] = [sub.slice(0, 3), sub.slice(3, 5), sub.slice(5)];
  const shape = rnd();
  if (shape < 0.85) {
    const cell = pick(rnd, RU_COMMON_FORMATS)(code, b, c, d);
    // Whether it is really valid (some 800/809/mobile sub-ranges are not) is libphonenumber's call.
    return { cell, common: validCode && damage >= 0.06 };
  }
  if (shape < 0.92) return { cell: pick(rnd, RU_SPREADSHEET_FORMATS)(code, b, c, d, rnd), common: false };
  return { cell: pick(rnd, RU_RARE_FORMATS)(code, b, c, d, rnd), common: false };
}

// ---------------------------------------------------------------------------------------------
// Foreign numbers.

const foreignMakers: ((rnd: Rnd) => string)[] = [
  // United Kingdom and the Crown dependencies (+44 GB/GG/JE/IM).
  (rnd) => `+44 ${pick(rnd, ['7', '20', '121', '131', '1481', '1534', '1624', '7781', '7797', '7624', '7700', '800', '845', '870', '9'])}${digits(rnd, int(rnd, 6, 8))}`,
  (rnd) => `0${pick(rnd, ['7', '20', '1481', '7624', '7781', '113'])}${digits(rnd, int(rnd, 6, 8))}`,
  (rnd) => `0044 ${pick(rnd, ['7', '20'])}${digits(rnd, int(rnd, 8, 9))}`,
  (rnd) => `+44 (0)${pick(rnd, ['7', '20'])}${digits(rnd, int(rnd, 8, 9))}`,
  // NANPA (+1): many area codes, 555, toll free, Canada, the Caribbean.
  (rnd) => `+1 ${pick(rnd, ['201', '212', '305', '415', '555', '800', '888', '877', '900', '416', '604', '264', '268', '284', '340', '345', '441', '473', '649', '670', '671', '684', '721', '758', '767', '784', '787', '809', '829', '868', '869', '876', '939', String(int(rnd, 200, 999))])} ${digits(rnd, 3)}-${digits(rnd, int(rnd, 3, 5))}`,
  (rnd) => `(${int(rnd, 200, 999)}) 555-01${digits(rnd, 2)}`,
  (rnd) => `1 ${int(rnd, 200, 999)} ${digits(rnd, 7)}`,
  (rnd) => `011 ${pick(rnd, ['7', '44', '49', '33'])} ${digits(rnd, 10)}`,
  // Germany, France, and the CIS.
  (rnd) => `+49 ${pick(rnd, ['15', '16', '17', '30', '89', '40', '221', '800', '900', '32'])}${digits(rnd, int(rnd, 5, 10))}`,
  (rnd) => `0${pick(rnd, ['15', '16', '17', '30', '89'])}${digits(rnd, int(rnd, 6, 9))}`,
  (rnd) => `0049 ${pick(rnd, ['15', '17', '30'])}${digits(rnd, int(rnd, 7, 9))}`,
  (rnd) => `+33 ${int(rnd, 1, 9)} ${digits(rnd, 2)} ${digits(rnd, 2)} ${digits(rnd, 2)} ${digits(rnd, 2)}`,
  (rnd) => `+380 ${pick(rnd, ['50', '63', '67', '44', '93', '99'])} ${digits(rnd, 3)} ${digits(rnd, 2)} ${digits(rnd, int(rnd, 1, 3))}`,
  (rnd) => `+375 ${pick(rnd, ['29', '33', '44', '17', '25'])} ${digits(rnd, 3)}-${digits(rnd, 2)}-${digits(rnd, 2)}`,
  (rnd) => `8 10 375 ${pick(rnd, ['29', '33'])}${digits(rnd, 7)}`,
  (rnd) => `810${pick(rnd, ['375', '380', '49', '44', '1', '998', '0'])}${digits(rnd, int(rnd, 7, 10))}`,
  (rnd) => `${pick(rnd, ['375', '380', '998', '49', '44', '77', '7'])}${digits(rnd, int(rnd, 8, 10))}`,
  (rnd) => `+998 ${pick(rnd, ['90', '91', '93', '71', '33'])} ${digits(rnd, 3)} ${digits(rnd, 2)} ${digits(rnd, 2)}`,
  (rnd) => `+86 ${pick(rnd, ['13', '15', '18', '10', '21', '755'])}${digits(rnd, int(rnd, 7, 9))}`,
  (rnd) => `+91 ${pick(rnd, ['9', '8', '7', '11', '22'])}${digits(rnd, int(rnd, 8, 9))}`,
  (rnd) => `+61 ${pick(rnd, ['4', '2', '3', '8', '89162', '89164', '1800'])}${digits(rnd, int(rnd, 4, 8))}`,
  // Other shared calling codes and non-geographic ones.
  (rnd) => `+${pick(rnd, ['39', '47', '358', '590', '599', '262', '212', '290', '61'])} ${pick(rnd, ['06698', '79', '18', '690', '9', '269', '5288', '8', '3', '0'])}${digits(rnd, int(rnd, 4, 8))}`,
  (rnd) => `+${pick(rnd, ['800', '808', '870', '878', '881', '882', '883', '888', '979'])} ${digits(rnd, int(rnd, 6, 12))}`,
  // Random calling codes, random lengths.
  (rnd) => `+${int(rnd, 1, 999)} ${digits(rnd, int(rnd, 1, 14))}`,
  (rnd) => `+${digits(rnd, int(rnd, 3, 18))}`,
];

const EXAMPLES = examples as Record<string, string>;
const COUNTRIES = getCountries().filter((c) => EXAMPLES[c] !== undefined);

/** A country's example mobile number, possibly changed, written one of several ways. */
function exampleCell(rnd: Rnd): string {
  const country = pick(rnd, COUNTRIES);
  const cc = getCountryCallingCode(country);
  let nat = EXAMPLES[country]!;
  const r = rnd();
  if (r < 0.3) nat = nat.slice(0, -2) + digits(rnd, 2);
  else if (r < 0.4) nat = nat.slice(0, -1);
  else if (r < 0.5) nat += digits(rnd, 1);
  else if (r < 0.6) nat = nat.slice(0, int(rnd, 1, 3)) + digits(rnd, nat.length - 3 + int(rnd, 0, 2));
  const raw = metadata.countries[country] as unknown as unknown[];
  const prefix = typeof raw[5] === 'string' ? raw[5] : '';
  switch (int(rnd, 0, 5)) {
    case 0: return `+${cc}${nat}`;
    case 1: return `+${cc} ${nat.slice(0, 3)} ${nat.slice(3)}`;
    case 2: return `${cc}${nat}`;
    case 3: return `00${cc} ${nat}`;
    case 4: return `${prefix}${nat}`;
    default: return nat;
  }
}

// ---------------------------------------------------------------------------------------------
// Junk and random strings.

const JUNK = [
  '', ' ', '  ', '\u00a0', '\t', 'n/a', 'нет', '-', '--', '()', '+', '+ ', '0', '00', '12', '(12)', '+12', '1 2', '123', '+123',
  '#ERROR!', 'см. email', 'не звонить', '7.9161234567E+10', '7,91612E+10', '+7 000 000-00-00', '8 (800) 555-35-35',
  '+7 800 555 35 35', '88005553535', '+78005553535', '8 800 100 8000', '8 10 8 800 123 45 67', '81081234567890',
  '+7 9161234567 ext 12', '+7 916 123 45 67 #', '+7 916 123 45 67 x12', '01.02.1985', '12:30', '+7 (916) 123-45-67.',
  '(916) 123-45-67 ', '.+7 916 1234567', '+-7 916 1234567', '7+9161234567', '+7 916 123 45 67 +7 916 123 45 68',
  '８９１６１２３４５６７', '+٧٩١٦١٢٣٤٥٦٧', '\u00a0+7 916 123-45-67\u00a0', ' \t+7 916 123-45-67', '+7 916 123-45-67\n',
  'тел. 8 916 123-45-67 (моб.)', 'тел/факс 8 916 123-45-67', 'тел/факс 8 916 123', 'tel:+79161234567', 'tel:+7916;phone-context=+7',
  '+79161234567;phone-context=+7', '+79161234567;phone-context=!', 'x;phone-context=+7 916 123-45-67', '8 916 123-45-67 #', '8 916 123-45-67#1', 'x 8916 1234567', '8916 1234567 x', 'n/a 123',
  '="89161234567"', '="7.9161234567E+10"', "'7.9161234567E+10", "'+7 916 123 45 67", '- 89161234567', '-7.9E+10', '7.9161234567e10',
  '+7 916 123 45 67 или', 'или 8 916 123', 'или 8 916 123 ', '8 916 123, 8 495 123', '8 916 123 или 8 916 124 45 67', '\uFEFF', '\u2028',
  '\uFEFF+7 916 123-45-67', '№ 8 916 123-45-67', '8 916 123-45-67 ＋', 'Иван +7 916 123-45-67 Петров', '+7 916 123-45-67 доб',
];
const LABELS = ['тел.: ', 'моб. ', 'Тел ', "'", '="', 'tel:', 'x', '#', '/', ', ', 'или ', ' or ', 'т.', '№', '\t', '\n', '*'];
const TAILS = ['"', ' (моб.)', ' доб.', ' ext', '.', ' /', ',', ';', '#', ' или', ' x', '\t', '\n', ' +', '!'];
const PUNCT = [' ', ' ', ' ', '-', '-', '.', '(', ')', '+', '/', '\u00a0', '\t', 'x', ',', ';', '#', '~', '\u2013'];

function randomCell(rnd: Rnd): string {
  const n = int(rnd, 0, 22);
  let s = rnd() < 0.4 ? '+' : '';
  for (let i = 0; i < n; i++) {
    if (rnd() < 0.12) s += pick(rnd, PUNCT);
    s += String(Math.floor(rnd() * 10));
  }
  if (rnd() < 0.05) s += pick(rnd, PUNCT);
  if (rnd() < 0.15) s = pick(rnd, LABELS) + s;
  if (rnd() < 0.15) s += pick(rnd, TAILS);
  return s;
}

function corpus(size: number, seed: number): { cells: string[]; common: boolean[] } {
  const rnd = mulberry32(seed);
  const cells: string[] = [...JUNK];
  const common: boolean[] = JUNK.map(() => false);
  while (cells.length < size) {
    const r = rnd();
    if (r < 0.55) {
      const c = russianCell(rnd);
      cells.push(c.cell);
      common.push(c.common);
      continue;
    }
    if (r < 0.75) cells.push(pick(rnd, foreignMakers)(rnd));
    else if (r < 0.87) cells.push(exampleCell(rnd));
    else cells.push(randomCell(rnd));
    common.push(false);
  }
  return { cells, common };
}

// ---------------------------------------------------------------------------------------------

interface Mismatch { cell: string; region: string | undefined; fast: PhoneResult; slow: PhoneResult }

function differential(cells: readonly string[], regions: readonly (CountryCode | undefined)[]) {
  const mismatches: Mismatch[] = [];
  const severalAnswered: string[] = [];
  const split = new Set<string>();
  let answered = 0;
  let total = 0;
  for (const region of regions) {
    for (const cell of cells) {
      total++;
      const fast = fastNormalize(cell, region);
      if (fast === undefined) continue;
      answered++;
      const slow = normalizePhone(cell, region);
      if (!isDeepStrictEqual(fast, slow)) mismatches.push({ cell, region, fast, slow });
      // PhoneNormalizer.read returns the fast answer as the cell's reading: one number only.
      if (!split.has(cell)) {
        split.add(cell);
        if (splitNumbers(cell) !== undefined) severalAnswered.push(cell);
      }
    }
  }
  return { mismatches, answered, total, severalAnswered };
}

describe('fastNormalize agrees with normalizePhone', () => {
  it('on a 200k-cell generated corpus, under every region', () => {
    const { cells, common } = corpus(200_000, 20_260_501);
    const { mismatches, answered, total, severalAnswered } = differential(cells, REGIONS);
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(severalAnswered.slice(0, 20)).toEqual([]);
    // The spreadsheet and extension shapes (issue #16 item 3) are answered, not only generated.
    const extras = cells.filter((c) => /доб|ext|x\d|E\+?\d|[.,]0+ *$/.test(c) && fastNormalize(c, 'RU')?.kind === 'valid');
    expect(extras.some((c) => /[.,]0+ *$/.test(c))).toBe(true);
    expect(extras.some((c) => /E\+?\d/i.test(c))).toBe(true);
    expect(extras.some((c) => fastNormalize(c, 'RU')?.ext !== undefined)).toBe(true);

    // Hit rate on valid Russian numbers in the common shapes, with the Russian default region.
    let valid = 0;
    let fast = 0;
    cells.forEach((cell, i) => {
      if (!common[i]) return;
      const slow = normalizePhone(cell, 'RU');
      if (slow.kind !== 'valid' || slow.country !== 'RU') return;
      valid++;
      if (fastNormalize(cell, 'RU') !== undefined) fast++;
    });
    const rate = fast / valid;
    console.log(`fast path: answered ${answered} of ${total} (cell, region) pairs; ${fast} of ${valid} valid Russian numbers in the common shapes (${(100 * rate).toFixed(2)}%)`);
    expect(valid).toBeGreaterThan(50_000);
    expect(rate).toBeGreaterThanOrEqual(0.99);
    // 1.2M libphonenumber parses: minutes of wall time when the shared machine is loaded.
  }, 600_000);

  it('on every country\'s example number, written five ways, under its own region', () => {
    const rnd = mulberry32(7);
    const mismatches: Mismatch[] = [];
    let answered = 0;
    for (const country of COUNTRIES) {
      const cc = getCountryCallingCode(country);
      const ex = EXAMPLES[country]!;
      const raw = metadata.countries[country] as unknown as unknown[];
      const prefix = typeof raw[5] === 'string' ? raw[5] : '';
      const variants = [ex, ex.slice(0, -3) + digits(rnd, 3), ex.slice(0, -1), ex + '1'];
      for (const nat of variants) {
        for (const cell of [`+${cc}${nat}`, `${cc}${nat}`, `${prefix}${nat}`, `${prefix} ${nat}`, nat, `00${cc}${nat}`, `${cc} ${prefix}${nat}`]) {
          for (const region of [country, 'RU', undefined] as (CountryCode | undefined)[]) {
            const fast = fastNormalize(cell, region);
            if (fast === undefined) continue;
            answered++;
            const slow = normalizePhone(cell, region);
            if (!isDeepStrictEqual(fast, slow)) mismatches.push({ cell, region, fast, slow });
          }
        }
      }
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(answered).toBeGreaterThan(COUNTRIES.length * 20);
  });

  it('on region-shaped random digits under every region libphonenumber knows', () => {
    const rnd = mulberry32(99);
    const callingCodes = Object.keys(metadata.country_calling_codes);
    const mismatches: Mismatch[] = [];
    let answered = 0;
    for (const region of getCountries()) {
      const raw = metadata.countries[region] as unknown as unknown[];
      const cc = raw[0] as string;
      const prefix = typeof raw[5] === 'string' ? raw[5] : '';
      // The IDD pattern's first literal digits, e.g. 810 for Russia, 00 for most, 011 for NANPA.
      const idd = (raw[1] as string).match(/^\d+/)?.[0] ?? '00';
      for (let i = 0; i < 300; i++) {
        const tail = digits(rnd, int(rnd, 1, 16));
        const cell = pick(rnd, [
          () => tail, () => cc + tail, () => prefix + tail, () => cc + prefix + tail, () => idd + tail,
          () => idd + pick(rnd, callingCodes) + tail, () => `+${pick(rnd, callingCodes)}${tail}`, () => `+${cc}${prefix}${tail}`,
        ])();
        const fast = fastNormalize(cell, region);
        if (fast === undefined) continue;
        answered++;
        const slow = normalizePhone(cell, region);
        if (!isDeepStrictEqual(fast, slow)) mismatches.push({ cell, region, fast, slow });
      }
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(answered).toBeGreaterThan(50_000);
  });
});

describe('fastNormalize: shapes and shared calling codes', () => {
  const valid = (e164: string, country: string | undefined, type: string): PhoneResult => ({ kind: 'valid', e164, country, type, ext: undefined });

  it.each<[string, CountryCode | undefined, PhoneResult]>([
    ['+7 916 123-45-67', 'RU', valid('+79161234567', 'RU', 'MOBILE')],
    ['8 (916) 123-45-67', 'RU', valid('+79161234567', 'RU', 'MOBILE')],
    ['89161234567', 'RU', valid('+79161234567', 'RU', 'MOBILE')],
    ['79161234567', 'RU', valid('+79161234567', 'RU', 'MOBILE')],
    ['9161234567', 'RU', valid('+79161234567', 'RU', 'MOBILE')],
    ['+7 495 123-45-67', 'RU', valid('+74951234567', 'RU', 'FIXED_LINE')],
    ['8 800 555 35 35', 'RU', valid('+78005553535', 'RU', 'TOLL_FREE')],
    ['+7 809 123 45 67', undefined, valid('+78091234567', 'RU', 'PREMIUM_RATE')],
    // +7 shared by Russia and Kazakhstan: KZ by its leading digit 7.
    ['+7 701 123 45 67', 'RU', valid('+77011234567', 'KZ', 'MOBILE')],
    ['87011234567', 'RU', valid('+77011234567', 'KZ', 'MOBILE')],
    ['9161234567', 'KZ', valid('+79161234567', 'RU', 'MOBILE')],
    // +44: Guernsey, Jersey, the Isle of Man, Great Britain.
    ['+44 7781 123456', undefined, valid('+447781123456', 'GG', 'MOBILE')],
    ['+44 7797 123456', undefined, valid('+447797123456', 'JE', 'MOBILE')],
    ['07624 123456', 'GB', valid('+447624123456', 'IM', 'MOBILE')],
    ['+44 7400 123456', 'RU', valid('+447400123456', 'GB', 'MOBILE')],
    ['+44 20 7946 0018', undefined, valid('+442079460018', 'GB', 'FIXED_LINE')],
    ['+44 7700 900123', 'RU', { kind: 'invalid' }],
    // +1: the US (fixed line or mobile), Canada, Jamaica.
    ['+1 (212) 555-0123', 'RU', valid('+12125550123', 'US', 'FIXED_LINE_OR_MOBILE')],
    ['(416) 555-0123', 'US', valid('+14165550123', 'CA', 'FIXED_LINE_OR_MOBILE')],
    ['+1 876 210 1234', undefined, valid('+18762101234', 'JM', 'MOBILE')],
    ['+1 876 929 1234', undefined, valid('+18769291234', 'JM', 'FIXED_LINE')],
    ['+1 800 555 0123', undefined, valid('+18005550123', 'US', 'TOLL_FREE')],
    // +61 AU/CC/CX, +39 IT/VA, +47 NO/SJ, +358 FI/AX; a non-geographic code (no country).
    ['+61 8 9162 1234', undefined, valid('+61891621234', 'CC', 'FIXED_LINE')],
    ['+61 8 9164 1234', undefined, valid('+61891641234', 'CX', 'FIXED_LINE')],
    ['+39 06 698 12345', undefined, valid('+390669812345', 'VA', 'FIXED_LINE')],
    ['+47 79 12 34 56', undefined, valid('+4779123456', 'SJ', 'FIXED_LINE')],
    ['+358 18 123456', undefined, valid('+35818123456', 'AX', 'FIXED_LINE')],
    ['+800 1234 5678', undefined, valid('+80012345678', undefined, 'TOLL_FREE')],
    // +7 numbers that are neither Russian nor Kazakh; national numbers without a region.
    ['+7 123 456 78 90', 'RU', { kind: 'invalid' }],
    ['+7 6 123 45 67', 'RU', { kind: 'invalid' }],
    ['89161234567', undefined, { kind: 'invalid' }],
    // Text around the number, dropped as libphonenumber drops it.
    ['тел.: +7 916 123-45-67', 'RU', valid('+79161234567', 'RU', 'MOBILE')],
    ['моб. 8 916 123 45 67', 'RU', valid('+79161234567', 'RU', 'MOBILE')],
    ["'+79161234567", 'RU', valid('+79161234567', 'RU', 'MOBILE')],
    ['="89161234567"', 'RU', valid('+79161234567', 'RU', 'MOBILE')],
    ['8 916 123-45-67 (моб.)', 'RU', valid('+79161234567', 'RU', 'MOBILE')],
    // Found by mutating the fast path: cells where one line of the port decides the answer.
    ['113329852683', 'VI', valid('+13329852683', 'US', 'FIXED_LINE_OR_MOBILE')],
    ['29058', 'TA', { kind: 'invalid' }],
    ['00031', 'NF', valid('+672300031', 'NF', 'FIXED_LINE')],
    ['000541', 'JE', valid('+441534000541', 'JE', 'FIXED_LINE')],
    ['000413870', 'UY', valid('+598000413870', 'UY', 'TOLL_FREE')],
    ['0037580053633', 'WF', valid('+37580053633', 'BY', 'TOLL_FREE')],
    ['00785144575930605', 'JP', valid('+8100785144575930605', 'JP', 'TOLL_FREE')],
    // Spreadsheet numbers and extensions (issue #16 item 3).
    ['79161234567.0', 'RU', valid('+79161234567', 'RU', 'MOBILE')],
    ['89161234567,00', 'RU', valid('+79161234567', 'RU', 'MOBILE')],
    ['7.9161234567E+10', 'RU', valid('+79161234567', 'RU', 'MOBILE')],
    ['7,9161234567E+10', 'RU', valid('+79161234567', 'RU', 'MOBILE')],
    ['+7 916 123 45 67 доб. 12', 'RU', { ...valid('+79161234567', 'RU', 'MOBILE'), ext: '12' }],
    ['8 (495) 123-45-67 ext 321', 'RU', { ...valid('+74951234567', 'RU', 'FIXED_LINE'), ext: '321' }],
    ['+44 20 7946 0018 x7', undefined, { ...valid('+442079460018', 'GB', 'FIXED_LINE'), ext: '7' }],
    // Blank, punctuation-only and digitless cells.
    ['', 'RU', { kind: 'missing' }],
    ['   ', 'RU', { kind: 'missing' }],
    ['-', 'RU', { kind: 'invalid' }],
    ['n/a', 'RU', { kind: 'invalid' }],
    ['не звонить', 'RU', { kind: 'invalid' }],
    ['#ERROR!', undefined, { kind: 'invalid' }],
  ])('%j (%s)', (cell, region, want) => {
    const got = fastNormalize(cell, region);
    expect(got).toStrictEqual(normalizePhone(cell, region));
    expect(got).toStrictEqual(want);
  });

  it.each([
    '7.91612E+10', '-7.9161234567E+10', '7.91612345678E+10', '+7 000 000 00 00 доб. 12', '+7 916 123 45 67 доб. 1234567', '="7.9161234567E+10"', 'тел/факс 8 916 123', '8 916 123-45-67 #',
    '8 916 123-45-67; 8 495 123-45-67', '8 916 123-45-67, 8 495 123-45-67', '+79161234567;phone-context=+7',
    '+79161234567;phone-context=!', 'x;phone-context=+7 916 123-45-67', '+7/916/1234567', '+7\t9161234567', '++79161234567', '7+9161234567',
    '８９１６１２３４５６７', '12', '+12',
  ])('leaves %j to libphonenumber', (cell) => {
    expect(fastNormalize(cell, 'RU')).toBeUndefined();
  });
});
