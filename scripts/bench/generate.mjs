#!/usr/bin/env node
/**
 * Seeded, deterministic generator of benchmark data (issue 5): a messy contact list shaped like a
 * bought base, a consent log, a notice manifest and a do-not-call list. Same parameters -> the
 * same bytes, on any machine (own PRNG, no clocks, no Math.random, no locale formatting).
 *
 *   node scripts/bench/generate.mjs --rows N [--consent M] [--seed S] [--eol lf|crlf] --out DIR [--parts contacts,consent,notice,suppress]
 *
 * Every number is synthetic: random digits in valid number ranges (Russian 9xx mobiles, Moscow or
 * St Petersburg landlines, a few foreign mobiles) or ranges reserved for fiction (US 555-01xx).
 * Every name is made up from common first names, patronymics and surnames.
 *
 * How it is built, so that files stream and nothing big is held in memory:
 * - "distinct numbers" are numbered k = 0, 1, 2, ... in the order they first appear in the list.
 *   numberOf(k) is a pure function: a kind (RU mobile, RU landline, KZ, BY, UA, GB, DE, US) from a
 *   hash of k, and the digits from an affine permutation of k within that kind's number space, so
 *   different k give different numbers (except the tiny fictional US range, which repeats).
 * - the list draws from one PRNG stream, row by row: a new number (next k), an earlier number
 *   written another way (a duplicate), a foreign number, junk or an empty cell. The first N rows of
 *   a longer list are the N-row list (the memory-scaling run relies on it).
 * - the consent log draws from another stream: about 70% of the list's distinct numbers are
 *   "covered" (a hash of k), some with two records, interleaved with numbers not in the list.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

/** Bump when the output for given parameters changes: run.mjs regenerates cached data then. */
export const GENERATOR_VERSION = 1;

export const CONTACTS_HEADER = ['id', 'ФИО', 'Телефон', 'Город', 'Комментарий', 'source', 'notice_purpose'];
export const CONSENT_HEADER = ['consent_id', 'phone', 'given_at', 'withdrawn_at', 'expires_at', 'channels', 'purposes', 'evidence_ref'];
/** The instant the benchmark audits at (run.mjs passes it as --as-of). */
export const AS_OF = '2026-11-01';

// ---------------------------------------------------------------------------------------------
// Randomness: mulberry32 for streams, a 32-bit integer mix for pure per-number decisions.

export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** lowbias32 (Chris Wellons): a good 32-bit integer hash. */
function mix32(x) {
  x >>>= 0;
  x ^= x >>> 16; x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15; x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

function seedOf(seed, salt) {
  let h = mix32(Number(seed) >>> 0);
  for (let i = 0; i < salt.length; i++) h = mix32(h ^ salt.charCodeAt(i));
  return h;
}

/** A uniform [0, 1) that depends only on (seed, salt, k). */
function hash01(seedSalt, k) {
  return mix32(mix32(k ^ seedSalt) + (Math.floor(k / 4294967296) >>> 0)) / 4294967296;
}

const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];
const int = (rnd, lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));

/** Picks from [weight, value] pairs. */
function weighted(pairs) {
  const total = pairs.reduce((s, [w]) => s + w, 0);
  const cum = [];
  let acc = 0;
  for (const [w, v] of pairs) { acc += w / total; cum.push([acc, v]); }
  return (rnd) => {
    const r = rnd();
    for (const [c, v] of cum) if (r < c) return v;
    return cum[cum.length - 1][1];
  };
}

// ---------------------------------------------------------------------------------------------
// Numbers: k -> { kind, cc, nat } (country calling code and national significant number).

function gcd(a, b) { while (b) [a, b] = [b, a % b]; return a; }

/** A bijection on [0, size): k -> (k * a + b) mod size, with a < 2^21 so k * a stays exact. */
function affine(size, salt) {
  let a = 1_000_003 + (mix32(salt) % 1_000_000);
  while (gcd(a, size) !== 1) a++;
  const b = mix32(salt ^ 0x9e3779b9) % size;
  return (k) => (((k % size) * a) + b) % size;
}

/** Number kinds: share of distinct numbers, prefixes, digits after the prefix. */
const KINDS = [
  { kind: 'ru_mobile', share: 0.925, cc: '7', prefixes: range(900, 999), digits: 7, first: '123456789' },
  { kind: 'ru_landline', share: 0.03, cc: '7', prefixes: ['495', '499', '812'], digits: 7, first: '2345679' },
  { kind: 'kz_mobile', share: 0.01, cc: '7', prefixes: ['700', '701', '702', '705', '707', '747', '771', '775', '776', '777', '778'], digits: 7 },
  { kind: 'by_mobile', share: 0.008, cc: '375', prefixes: ['29', '33', '44'], digits: 7, first: '123456789' },
  { kind: 'ua_mobile', share: 0.008, cc: '380', prefixes: ['50', '63', '66', '67', '68', '73', '93', '95', '96', '97', '98', '99'], digits: 7 },
  { kind: 'gb_mobile', share: 0.007, cc: '44', prefixes: ['74', '75', '77', '78', '79'], digits: 8 },
  { kind: 'de_mobile', share: 0.006, cc: '49', prefixes: ['151', '152', '157', '159', '160', '162', '163', '170', '171', '172', '173', '174', '175', '176', '177', '178', '179'], digits: 8 },
  // Fictional range: 555-0100..555-0199 with a few area codes (so these repeat across the list).
  { kind: 'us_fictional', share: 0.006, cc: '1', prefixes: ['201', '212', '305', '312', '415', '617', '646', '702', '718', '917'], fixed: '55501', last: 2 },
];

function range(lo, hi) { const out = []; for (let i = lo; i <= hi; i++) out.push(String(i)); return out; }

function makeNumberOf(seed) {
  const kindSalt = seedOf(seed, 'kind');
  const cum = [];
  let acc = 0;
  for (const k of KINDS) {
    acc += k.share;
    const subscribers = k.fixed ? 10 ** k.last : (k.first ? k.first.length * 10 ** (k.digits - 1) : 10 ** k.digits);
    cum.push({ ...k, upTo: acc, subscribers, perm: affine(k.prefixes.length * subscribers, seedOf(seed, k.kind)) });
  }
  return function numberOf(k) {
    const h = hash01(kindSalt, k);
    const spec = cum.find((c) => h < c.upTo) ?? cum[0];
    const idx = spec.perm(k);
    const prefix = spec.prefixes[Math.floor(idx / spec.subscribers)];
    const sub = idx % spec.subscribers;
    let subText;
    if (spec.fixed) subText = spec.fixed + String(sub).padStart(spec.last, '0');
    else if (spec.first) {
      const rest = 10 ** (spec.digits - 1);
      subText = spec.first[Math.floor(sub / rest)] + String(sub % rest).padStart(spec.digits - 1, '0');
    } else subText = String(sub).padStart(spec.digits, '0');
    return { kind: spec.kind, cc: spec.cc, nat: prefix + subText, p: prefix, s: subText };
  };
}

// ---------------------------------------------------------------------------------------------
// Phone cells, the way people, CRMs and spreadsheets write them.

/** Russian (and +7 Kazakh) 10-digit national numbers: a dozen and more ways to write one. */
const RU_FORMATS = weighted([
  [16, (n) => `+7 ${n.a} ${n.b}-${n.c}-${n.d}`],
  [12, (n) => `8 (${n.a}) ${n.b}-${n.c}-${n.d}`],
  [11, (n) => `8${n.nat}`],
  [9, (n) => `7${n.nat}`],
  [8, (n) => `+7${n.nat}`],
  [5, (n) => n.nat],
  [5, (n) => `+7(${n.a})${n.b}${n.c}${n.d}`],
  [5, (n) => `8-${n.a}-${n.b}-${n.c}-${n.d}`],
  [4, (n) => `+7 (${n.a}) ${n.b} ${n.c} ${n.d}`],
  [4, (n) => `8 ${n.a} ${n.b}${n.c}${n.d}`],
  [3, (n) => `8(${n.a})${n.b}-${n.c}-${n.d}`],
  [3, (n) => `7 ${n.a} ${n.b} ${n.c} ${n.d}`],
  [3, (n) => `тел.: +7 ${n.a} ${n.b}-${n.c}-${n.d}`],
  [2, (n) => `моб. 8 ${n.a} ${n.b} ${n.c} ${n.d}`],
  [2, (n, rnd) => `+7 ${n.a} ${n.b} ${n.c} ${n.d} доб. ${int(rnd, 1, 999)}`],
  [2, (n) => `7.${n.nat}E+10`],
  [1.5, (n) => ` +7 ${n.a} ${n.b}-${n.c}-${n.d} `],
  [1.5, (n) => `'+7${n.nat}`],
  [1, (n) => `="8${n.nat}"`],
  [1, (n) => `+7-${n.a}-${n.b}-${n.c}${n.d}`],
  [1, (n) => `8.${n.a}.${n.b}.${n.c}.${n.d}`],
  [0.7, (n, rnd) => `8 ${n.a} ${n.b}-${n.c}-${n.d}; 8 (495) ${int(rnd, 200, 999)}-${int(rnd, 10, 99)}-${int(rnd, 10, 99)}`],
  [0.6, (n, rnd) => `+7 ${n.a} ${n.b}-${n.c}-${n.d} или 8 (812) ${int(rnd, 200, 999)}-${int(rnd, 10, 99)}-${int(rnd, 10, 99)}`],
  [0.5, (n) => `Тел ${n.a}-${n.b}-${n.c}-${n.d}`],
]);

const FOREIGN_FORMATS = {
  by_mobile: weighted([[5, (n) => `+375 ${n.p} ${n.s.slice(0, 3)}-${n.s.slice(3, 5)}-${n.s.slice(5)}`], [3, (n) => `+375${n.nat}`], [1, (n) => `375${n.nat}`], [1, (n) => `8 10 375 ${n.nat}`]]),
  ua_mobile: weighted([[5, (n) => `+380 ${n.p} ${n.s.slice(0, 3)} ${n.s.slice(3, 5)} ${n.s.slice(5)}`], [3, (n) => `+380${n.nat}`], [1, (n) => `380${n.nat}`]]),
  gb_mobile: weighted([[5, (n) => `+44 ${n.nat.slice(0, 4)} ${n.nat.slice(4)}`], [3, (n) => `+44${n.nat}`], [1, (n) => `0044 ${n.nat.slice(0, 4)} ${n.nat.slice(4)}`], [1, (n) => `+44 (0)${n.nat.slice(0, 4)} ${n.nat.slice(4)}`]]),
  de_mobile: weighted([[5, (n) => `+49 ${n.p} ${n.s}`], [3, (n) => `+49${n.nat}`], [1, (n) => `0049 ${n.p} ${n.s}`]]),
  us_fictional: weighted([[5, (n) => `+1 ${n.p} 555 ${n.s.slice(3)}`], [3, (n) => `+1 (${n.p}) 555-${n.s.slice(3)}`], [2, (n) => `+1${n.nat}`]]),
};

/** Adds the groups of a 10-digit national number: a (code), b, c, d. */
function splitNat(num) {
  const nat = num.nat;
  return { kind: num.kind, cc: num.cc, nat, p: num.p, s: num.s, a: nat.slice(0, 3), b: nat.slice(3, 6), c: nat.slice(6, 8), d: nat.slice(8, 10) };
}

function formatCell(num, rnd) {
  const n = splitNat(num);
  if (num.cc === '7') return RU_FORMATS(rnd)(n, rnd);
  return FOREIGN_FORMATS[num.kind](rnd)(n, rnd);
}

/** Cells that are not a usable number. */
const JUNK = weighted([
  [10, () => 'n/a'],
  [6, () => 'нет'],
  [5, () => '-'],
  [4, () => '0'],
  [4, () => 'не звонить'],
  [5, (rnd) => String(int(rnd, 10000, 999999))],
  [6, (rnd) => `8 9${int(rnd, 10, 99)} ${int(rnd, 100, 999)}`],
  [5, (rnd) => `${int(rnd, 100, 999)}-${int(rnd, 10, 99)}-${int(rnd, 10, 99)}`],
  [6, (rnd) => `7.9${int(rnd, 1000, 9999)}E+10`],
  [3, (rnd) => `7,9${int(rnd, 1000, 9999)}E+10`],
  [4, (rnd) => `+7 9${int(rnd, 10, 99)} ${int(rnd, 100, 999)}-${int(rnd, 10, 99)}-${int(rnd, 0, 9)}`],
  [3, () => '+7 000 000-00-00'],
  [3, (rnd) => `+44 7700 900${String(int(rnd, 0, 999)).padStart(3, '0')}`],
  [2, () => '#ERROR!'],
  [2, () => 'см. email'],
  [2, (rnd) => `${int(rnd, 1, 28)}.${String(int(rnd, 1, 12)).padStart(2, '0')}.19${int(rnd, 50, 99)}`],
]);

// ---------------------------------------------------------------------------------------------
// Invented people and places.

const MALE = ['Александр', 'Алексей', 'Андрей', 'Антон', 'Артём', 'Борис', 'Вадим', 'Валерий', 'Василий', 'Виктор', 'Владимир', 'Вячеслав', 'Геннадий', 'Георгий', 'Григорий', 'Денис', 'Дмитрий', 'Евгений', 'Егор', 'Иван', 'Игорь', 'Илья', 'Кирилл', 'Константин', 'Максим', 'Михаил', 'Никита', 'Николай', 'Олег', 'Павел', 'Пётр', 'Роман', 'Сергей', 'Станислав', 'Степан', 'Тимур', 'Фёдор', 'Юрий', 'Ярослав'];
const FEMALE = ['Алина', 'Алла', 'Анастасия', 'Анна', 'Валентина', 'Вера', 'Виктория', 'Галина', 'Дарья', 'Евгения', 'Екатерина', 'Елена', 'Елизавета', 'Жанна', 'Зоя', 'Инна', 'Ирина', 'Кристина', 'Ксения', 'Лариса', 'Любовь', 'Людмила', 'Маргарита', 'Марина', 'Мария', 'Надежда', 'Наталья', 'Нина', 'Оксана', 'Ольга', 'Полина', 'Светлана', 'София', 'Тамара', 'Татьяна', 'Ульяна', 'Юлия'];
const PATRONYMIC_ROOTS = ['Александров', 'Алексеев', 'Андреев', 'Борисов', 'Викторов', 'Владимиров', 'Геннадьев', 'Григорьев', 'Дмитриев', 'Евгеньев', 'Иванов', 'Игорев', 'Михайлов', 'Николаев', 'Олегов', 'Павлов', 'Петров', 'Романов', 'Сергеев', 'Юрьев'];
const SURNAMES = ['Смирнов', 'Иванов', 'Кузнецов', 'Соколов', 'Попов', 'Лебедев', 'Козлов', 'Новиков', 'Морозов', 'Петров', 'Волков', 'Соловьёв', 'Васильев', 'Зайцев', 'Павлов', 'Семёнов', 'Голубев', 'Виноградов', 'Богданов', 'Воробьёв', 'Фёдоров', 'Михайлов', 'Беляев', 'Тарасов', 'Белов', 'Комаров', 'Орлов', 'Киселёв', 'Макаров', 'Андреев', 'Ковалёв', 'Ильин', 'Гусев', 'Титов', 'Кузьмин', 'Кудрявцев', 'Баранов', 'Куликов', 'Алексеев', 'Степанов', 'Яковлев', 'Сорокин', 'Сергеев', 'Романов', 'Захаров', 'Борисов', 'Королёв', 'Герасимов', 'Пономарёв', 'Григорьев'];
const SURNAMES_FIXED = ['Черных', 'Седых', 'Шевченко', 'Бондаренко', 'Ким', 'Цой', 'Гарипова', 'Нуриев'];
const CITIES = weighted([
  [30, 'Москва'], [12, 'Санкт-Петербург'], [5, 'Новосибирск'], [5, 'Екатеринбург'], [4, 'Казань'], [4, 'Нижний Новгород'],
  [3, 'Челябинск'], [3, 'Самара'], [3, 'Ростов-на-Дону'], [3, 'Уфа'], [3, 'Краснодар'], [2, 'Воронеж'], [2, 'Пермь'],
  [2, 'Волгоград'], [2, 'г. Москва'], [2, 'МОСКВА'], [1, 'москва'], [1, 'Мск'], [1, 'СПб'], [1, 'Химки'], [1, 'Подольск'],
  [1, 'Тверь'], [1, 'Ярославль'], [1, 'Алматы'], [1, 'Минск'], [5, ''],
]);
const COMMENTS = weighted([
  [80, () => ''],
  [3, () => 'перезвонить после 18:00; не звонить в выходные'],
  [3, () => 'ЛПР'],
  [2, () => 'просил "не звонить" до весны'],
  [2, () => 'с выставки'],
  [2, (rnd) => `заявка с сайта ${int(rnd, 1, 28)}.${String(int(rnd, 1, 12)).padStart(2, '0')}.2025`],
  [2, () => 'интересовался тарифом "Бизнес"; отправить КП'],
  [1, () => 'секретарь, попросить соединить с директором'],
  [1, () => 'адрес: ул. Ленина, д. 5; кв. 12'],
  [1, () => 'Звонить утром.\nВторой номер у секретаря'],
  [1, () => '; ;'],
  [2, () => 'клиент конкурента'],
]);
const SOURCES = weighted([
  [40, 'ООО «Лиды»'], [20, 'ООО «БазаПро»'], [12, 'ИП Сидоров А. В.'], [8, 'Выставка «Стройэкспо-2025»'],
  [8, 'Партнёр: ООО «Ромашка»; договор 17/2026'], [7, 'Форма на сайте'], [5, ''],
]);
const NOTICE_PURPOSES = weighted([[60, 'Звонки с предложениями услуг'], [10, 'Информирование об акциях'], [30, '']]);

function fio(rnd) {
  const female = rnd() < 0.5;
  const first = pick(rnd, female ? FEMALE : MALE);
  let last = rnd() < 0.93 ? pick(rnd, SURNAMES) : pick(rnd, SURNAMES_FIXED);
  if (female && /(ов|ев|ёв|ин)$/.test(last)) last += 'а';
  const root = pick(rnd, PATRONYMIC_ROOTS);
  const middle = female ? `${root}на` : `${root}ич`;
  const r = rnd();
  if (r < 0.58) return `${last} ${first} ${middle}`;
  if (r < 0.76) return `${first} ${last}`;
  if (r < 0.81) return `${last} ${first} ${middle}`.toUpperCase();
  if (r < 0.87) return `${last} ${first[0]}. ${middle[0]}.`;
  if (r < 0.93) return first;
  if (r < 0.95) return `${last}, ${first}`;
  return '';
}

// ---------------------------------------------------------------------------------------------
// CSV writing.

function csvCell(v, delimiter) {
  if (v === '' || !(v.includes(delimiter) || v.includes('"') || v.includes('\n') || v.includes('\r'))) return v;
  return `"${v.replace(/"/g, '""')}"`;
}

function csvLine(cells, delimiter, eol) {
  let out = '';
  for (let i = 0; i < cells.length; i++) out += (i ? delimiter : '') + csvCell(cells[i], delimiter);
  return out + eol;
}

const CHUNK = 1 << 20;
/**
 * Line ends of the list. LF by default: csv-parse reads CRLF files markedly slower (about 1.5-2x on
 * this list), which would flatter the audit/bare ratio; `crlf` is there for Excel-on-Windows realism.
 */
export const EOLS = { lf: '\n', crlf: '\r\n' };

/** Collects lines into ~1 MB strings. */
function chunker() {
  let lines = [];
  let size = 0;
  return {
    add(s) {
      lines.push(s);
      size += s.length;
      if (size < CHUNK) return undefined;
      const out = lines.join('');
      lines = [];
      size = 0;
      return out;
    },
    rest() { const out = lines.join(''); lines = []; size = 0; return out; },
  };
}

// ---------------------------------------------------------------------------------------------
// The contact list.

/**
 * Yields the contact list as text chunks. `stats` is filled as it goes; when the generator is
 * done, `stats.distinct` is the count of distinct numbers (k values) used.
 */
export function* contactChunks({ rows, seed, eol = 'lf' }, stats = {}) {
  const nl = EOLS[eol];
  const rnd = mulberry32(seedOf(seed, 'contacts'));
  const numberOf = makeNumberOf(seed);
  Object.assign(stats, { rows: 0, distinct: 0, duplicates: 0, empty: 0, junk: 0, foreign: 0, landline: 0 });
  const c = chunker();
  c.add(csvLine(CONTACTS_HEADER, ';', nl));
  let distinct = 0;
  for (let i = 1; i <= rows; i++) {
    const r = rnd();
    let phone;
    if (r < 0.012) { phone = rnd() < 0.7 ? '' : ' '; stats.empty++; }
    else if (r < 0.05) { phone = JUNK(rnd)(rnd); stats.junk++; }
    else if (r < 0.125 && distinct > 0) {
      // A number seen earlier, usually written another way: a merged base.
      const k = Math.floor(rnd() * distinct);
      phone = formatCell(numberOf(k), rnd);
      stats.duplicates++;
    } else {
      const num = numberOf(distinct++);
      if (num.kind === 'ru_landline') stats.landline++;
      else if (num.kind !== 'ru_mobile') stats.foreign++;
      phone = formatCell(num, rnd);
    }
    const cells = [String(i), fio(rnd), phone, CITIES(rnd), COMMENTS(rnd)(rnd), SOURCES(rnd), NOTICE_PURPOSES(rnd)];
    const out = c.add(csvLine(cells, ';', nl));
    if (out) yield out;
  }
  stats.rows = rows;
  stats.distinct = distinct;
  const last = c.rest();
  if (last) yield last;
}

// ---------------------------------------------------------------------------------------------
// The consent log.

const DAY = 86_400_000;
const GIVEN_FROM = Date.UTC(2023, 0, 1);
const AS_OF_MS = Date.parse(`${AS_OF}T00:00:00Z`);

/** Consent logs are exports: mostly E.164, some other shapes. */
const CONSENT_PHONE = weighted([
  [60, (n) => `+${n.cc}${n.nat}`],
  [15, (n) => `${n.cc}${n.nat}`],
  [10, (n, rnd) => (n.cc === '7' ? `8 (${n.a}) ${n.b}-${n.c}-${n.d}` : formatCell(n, rnd))],
  [15, (n, rnd) => (n.cc === '7' ? `+7 ${n.a} ${n.b}-${n.c}-${n.d}` : formatCell(n, rnd))],
]);
const CHANNELS = weighted([[35, 'call|sms'], [30, 'call'], [10, 'sms'], [5, 'email'], [15, ''], [5, 'call;sms;email']]);
const PURPOSES = weighted([[55, 'marketing'], [25, 'marketing|service'], [10, 'service'], [5, 'Marketing'], [5, 'marketing;surveys']]);

function isoDate(ms, rnd) {
  const iso = new Date(ms).toISOString(); // 2025-03-14T07:22:31.000Z
  const r = rnd();
  if (r < 0.3) return iso.slice(0, 19) + 'Z';
  if (r < 0.45) return iso.slice(0, 10);
  if (r < 0.5) return iso.slice(0, 10) + ' ' + iso.slice(11, 19);
  // Moscow time, written with its offset.
  return new Date(ms + 3 * 3_600_000).toISOString().slice(0, 19) + '+03:00';
}

function evidence(seq, givenMs, rnd) {
  const day = new Date(givenMs).toISOString().slice(0, 10);
  const id = String(seq).padStart(8, '0');
  const r = rnd();
  if (r < 0.4) return `rec/${day}/${id}.mp3`;
  if (r < 0.75) return `form:landing-${int(rnd, 1, 12)}/${day}/${id}`;
  if (r < 0.9) return `https://forms.example/log/${id}`;
  return `scan/${day.slice(0, 7)}/${id}.pdf`;
}

function consentRecord(num, seq, rnd, stats, after) {
  const n = splitNat(num);
  // Given at a random moment from 2023 to just before as-of; about 1% "not yet given".
  const future = rnd() < 0.01;
  let given = future ? AS_OF_MS + int(rnd, 1, 60) * DAY : GIVEN_FROM + Math.floor(rnd() * (AS_OF_MS - GIVEN_FROM - DAY));
  if (after !== undefined && given <= after) given = after + int(rnd, 1, 30) * DAY + int(rnd, 0, 86_399) * 1000;
  given = Math.floor(given / 1000) * 1000;
  let withdrawn = '';
  let withdrawnMs;
  if (rnd() < 0.04) { withdrawnMs = given + int(rnd, 1, 700) * DAY; withdrawn = isoDate(withdrawnMs, rnd); stats.withdrawn++; }
  const expires = rnd() < 0.25 ? isoDate(given + int(rnd, 1, 3) * 365 * DAY, rnd) : '';
  const ev = rnd() < 0.03 ? '' : evidence(seq, given, rnd);
  if (!ev) stats.noEvidence++;
  let phone = CONSENT_PHONE(rnd)(n, rnd);
  let givenText = isoDate(given, rnd);
  let purposes = PURPOSES(rnd);
  const bad = rnd();
  if (bad < 0.002) {
    stats.invalid++;
    if (bad < 0.0007) givenText = 'вчера';
    else if (bad < 0.0014) phone = 'n/a';
    else purposes = '';
  }
  const id = rnd() < 0.01 ? '' : `CNS-${String(seq).padStart(8, '0')}`;
  return { cells: [id, phone, givenText, withdrawn, expires, CHANNELS(rnd), purposes, ev], withdrawnMs };
}

/**
 * Yields the consent log (CSV, comma) as text chunks: `records` records; about 70% of the list's
 * `distinct` numbers are covered (12% of them with two records), the rest are numbers not in the
 * list (k from 2^27 up, a different range from the list's).
 */
export function* consentChunks({ records, seed, distinct }, stats = {}) {
  const rnd = mulberry32(seedOf(seed, 'consent'));
  const numberOf = makeNumberOf(seed);
  const covSalt = seedOf(seed, 'covered');
  const multSalt = seedOf(seed, 'multi');
  Object.assign(stats, { records: 0, inList: 0, outOfList: 0, coveredNumbers: 0, withdrawn: 0, noEvidence: 0, invalid: 0 });
  let planned = 0;
  for (let k = 0; k < distinct; k++) if (hash01(covSalt, k) < 0.7) planned += hash01(multSalt, k) < 0.12 ? 2 : 1;
  let inLeft = Math.min(planned, Math.round(records * 0.85));
  let outLeft = records - inLeft;
  const c = chunker();
  c.add(csvLine(CONSENT_HEADER, ',', '\n'));
  let k = 0;
  let outK = 1 << 27;
  let seq = 0;
  const emit = (num, after) => {
    const rec = consentRecord(num, ++seq, rnd, stats, after);
    stats.records++;
    return { out: c.add(csvLine(rec.cells, ',', '\n')), rec };
  };
  while (inLeft + outLeft > 0) {
    if (rnd() * (inLeft + outLeft) < inLeft) {
      while (hash01(covSalt, k) >= 0.7) k++;
      const num = numberOf(k);
      const two = hash01(multSalt, k) < 0.12 && inLeft >= 2;
      k++;
      stats.coveredNumbers++;
      const first = emit(num, undefined);
      inLeft--; stats.inList++;
      if (first.out) yield first.out;
      if (two) {
        // A second event for the same number: after a withdrawal, a fresh consent; else another form.
        const second = emit(num, first.rec.withdrawnMs);
        inLeft--; stats.inList++;
        if (second.out) yield second.out;
      }
    } else {
      const { out } = emit(numberOf(outK++), undefined);
      outLeft--; stats.outOfList++;
      if (out) yield out;
    }
  }
  const last = c.rest();
  if (last) yield last;
}

// ---------------------------------------------------------------------------------------------
// Notice manifest and do-not-call list.

/** The list-wide notice: everything but `source`, which comes from the list's own column. */
export function noticeText() {
  return JSON.stringify({
    operator: { name: 'ООО «Ромашка»', address: '125009, Москва, ул. Тверская, 1' },
    purpose: 'Звонки с предложениями услуг «Ромашки»',
    legal_basis: 'Согласие субъекта, 152-ФЗ ст. 6 ч. 1 п. 1',
    pdn_list: ['ФИО', 'номер телефона', 'город'],
    recipients: ['ООО «Ромашка»', 'ООО «КоллЦентр» (обработчик)'],
    rights: 'https://romashka.example/privacy#rights',
  }, null, 2) + '\n';
}

/** About 1% of the list's distinct numbers, one per line, no header. */
export function* suppressChunks({ seed, distinct }, stats = {}) {
  const rnd = mulberry32(seedOf(seed, 'suppress'));
  const numberOf = makeNumberOf(seed);
  const salt = seedOf(seed, 'dnc');
  stats.numbers = 0;
  const c = chunker();
  for (let k = 0; k < distinct; k++) {
    if (hash01(salt, k) >= 0.01) continue;
    const n = splitNat(numberOf(k));
    const line = rnd() < 0.8 || n.cc !== '7' ? `+${n.cc}${n.nat}` : `8 (${n.a}) ${n.b}-${n.c}-${n.d}`;
    stats.numbers++;
    const out = c.add(line + '\n');
    if (out) yield out;
  }
  const last = c.rest();
  if (last) yield last;
}

// ---------------------------------------------------------------------------------------------
// Entry points.

function checkParams({ rows, consent, seed, eol = 'lf' }) {
  if (!(eol in EOLS)) throw new Error(`--eol must be lf or crlf (got ${eol})`);
  if (!Number.isSafeInteger(rows) || rows < 0) throw new Error(`--rows must be a whole number >= 0 (got ${rows})`);
  if (!Number.isSafeInteger(consent) || consent < 0) throw new Error(`--consent must be a whole number >= 0 (got ${consent})`);
  if (!Number.isSafeInteger(seed)) throw new Error(`--seed must be a whole number (got ${seed})`);
  if (rows >= 1 << 27) throw new Error('--rows must be below 134,217,728');
}

/** Counts the list's distinct numbers without keeping the text (for the parts after it). */
function countDistinct(rows, seed) {
  const stats = {};
  for (const _ of contactChunks({ rows, seed }, stats)) { /* drain: the count doesn't depend on line ends */ }
  return stats.distinct;
}

/** All four files as strings (for tests and small runs). */
export function generateStrings({ rows, consent = rows, seed = 1, eol = 'lf' }) {
  checkParams({ rows, consent, seed, eol });
  const contactStats = {};
  const contacts = [...contactChunks({ rows, seed, eol }, contactStats)].join('');
  const consentStats = {};
  const consentCsv = [...consentChunks({ records: consent, seed, distinct: contactStats.distinct }, consentStats)].join('');
  const suppressStats = {};
  const suppress = [...suppressChunks({ seed, distinct: contactStats.distinct }, suppressStats)].join('');
  return { contacts, consent: consentCsv, notice: noticeText(), suppress, stats: { contacts: contactStats, consent: consentStats, suppress: suppressStats } };
}

export const FILES = { contacts: 'contacts.csv', consent: 'consent.csv', notice: 'notice.json', suppress: 'suppress.txt' };
const ALL_PARTS = ['contacts', 'consent', 'notice', 'suppress'];

async function writeChunks(path, chunks) {
  const tmp = `${path}.tmp`;
  const out = createWriteStream(tmp);
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for (const chunk of chunks) {
      const buf = Buffer.from(chunk, 'utf8');
      hash.update(buf);
      bytes += buf.length;
      if (!out.write(buf)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
  } catch (e) {
    out.destroy();
    await rm(tmp, { force: true });
    throw e;
  }
  await rename(tmp, path);
  return { path, bytes, sha256: hash.digest('hex') };
}

/**
 * Writes the files into `outDir` (streaming) and `meta.json` last, which marks the set complete.
 * `parts` limits which files are written (the list is always read to count its numbers).
 */
export async function generate({ rows, consent = rows, seed = 1, eol = 'lf', outDir, parts = ALL_PARTS }) {
  checkParams({ rows, consent, seed, eol });
  await mkdir(outDir, { recursive: true });
  await rm(join(outDir, 'meta.json'), { force: true });
  const started = performance.now();
  const files = {};
  const contactStats = {};
  if (parts.includes('contacts')) files.contacts = await writeChunks(join(outDir, FILES.contacts), contactChunks({ rows, seed, eol }, contactStats));
  else contactStats.distinct = countDistinct(rows, seed);
  const meta = { generator_version: GENERATOR_VERSION, rows, consent, seed, eol, parts, as_of: AS_OF, files, stats: { contacts: contactStats } };
  if (parts.includes('consent')) {
    meta.stats.consent = {};
    files.consent = await writeChunks(join(outDir, FILES.consent), consentChunks({ records: consent, seed, distinct: contactStats.distinct }, meta.stats.consent));
  }
  if (parts.includes('notice')) files.notice = await writeChunks(join(outDir, FILES.notice), [noticeText()]);
  if (parts.includes('suppress')) {
    meta.stats.suppress = {};
    files.suppress = await writeChunks(join(outDir, FILES.suppress), suppressChunks({ seed, distinct: contactStats.distinct }, meta.stats.suppress));
  }
  meta.seconds = Math.round(performance.now() - started) / 1000;
  await writeFile(join(outDir, 'meta.json'), JSON.stringify(meta, null, 2) + '\n');
  return meta;
}

export function parseArgs(argv, spec) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
    if (!(name in spec)) throw new Error(`unknown option --${name}`);
    if (spec[name] === 'flag') { out[name] = true; continue; }
    const v = inline ?? argv[++i];
    if (v === undefined) throw new Error(`--${name} needs a value`);
    out[name] = spec[name] === 'number' ? Number(v.replace(/_/g, '')) : v;
  }
  return out;
}

async function cli() {
  const args = parseArgs(process.argv.slice(2), { rows: 'number', consent: 'number', seed: 'number', out: 'string', parts: 'string', eol: 'string' });
  if (args.rows === undefined || !args.out) {
    process.stderr.write('usage: node scripts/bench/generate.mjs --rows N [--consent M (default N)] [--seed S (default 1)] [--eol lf|crlf] --out DIR [--parts contacts,consent,notice,suppress]\n');
    process.exitCode = 2;
    return;
  }
  const meta = await generate({ rows: args.rows, consent: args.consent ?? args.rows, seed: args.seed ?? 1, eol: args.eol ?? 'lf', outDir: args.out, parts: args.parts ? args.parts.split(',') : ALL_PARTS });
  process.stdout.write(JSON.stringify(meta, null, 2) + '\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  cli().catch((e) => { process.stderr.write(`generate: ${e.message}\n`); process.exitCode = 2; });
}
