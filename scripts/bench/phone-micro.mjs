#!/usr/bin/env node
/**
 * Micro-benchmark of phone normalization (issue 5): normalizePhone (libphonenumber-js, max
 * metadata) against the fast path (src/phone/fast-path.ts) on the phone cells of the benchmark's
 * messy contact list (scripts/bench/generate.mjs: Russian numbers in a dozen formats, foreign
 * numbers, junk, spreadsheet damage), plus the phone cells of its consent log.
 *
 *   npx tsc -p tsconfig.json && node scripts/bench/phone-micro.mjs [--cells 200000] [--seed 1] [--region RU] [--runs 5]
 *
 * Prints microseconds per cell (median of the runs) for: normalizePhone alone, fastNormalize alone
 * (including its "no answer" returns), and the combination `fastNormalize(c) ?? normalizePhone(c)`
 * that normalize.ts is meant to use; the fast path's hit rate; and checks that the combination
 * gives exactly normalizePhone's results on every cell (exit code 1 if not). No memo: every cell
 * is parsed, as if no number repeated.
 */
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'csv-parse/sync';
import { fastNormalize } from '../../dist/phone/fast-path.js';
import { normalizePhone } from '../../dist/phone/normalize.js';
import { contactChunks, consentChunks } from './generate.mjs';

function arg(name, dflt) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : dflt;
}
const CELLS = Number(arg('cells', '200000'));
const SEED = Number(arg('seed', '1'));
const REGION = arg('region', 'RU') === 'none' ? undefined : arg('region', 'RU');
const RUNS = Number(arg('runs', '5'));

// The phone cells of a generated list (column "Телефон") and consent log (column "phone").
function phoneCells() {
  const stats = {};
  const contacts = parse([...contactChunks({ rows: CELLS, seed: SEED }, stats)].join(''), { delimiter: ';', columns: true });
  const consent = parse([...consentChunks({ records: Math.round(CELLS / 2), seed: SEED, distinct: stats.distinct })].join(''), { columns: true });
  return { contacts: contacts.map((r) => r['Телефон']), consent: consent.map((r) => r.phone) };
}

function time(fn, cells) {
  const t0 = process.hrtime.bigint();
  let sink = 0;
  for (let i = 0; i < cells.length; i++) if (fn(cells[i]) !== undefined) sink++;
  const ns = Number(process.hrtime.bigint() - t0);
  return { us: ns / 1000 / cells.length, sink };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function bench(label, cells) {
  const fns = {
    normalizePhone: (c) => normalizePhone(c, REGION),
    fastNormalize: (c) => fastNormalize(c, REGION),
    'fast ?? normalizePhone': (c) => fastNormalize(c, REGION) ?? normalizePhone(c, REGION),
  };
  // Warm up every function on a slice, then alternate the runs so that none is favoured.
  for (const fn of Object.values(fns)) time(fn, cells.slice(0, 20_000));
  const us = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (let r = 0; r < RUNS; r++) for (const [k, fn] of Object.entries(fns)) us[k].push(time(fn, cells).us);

  let hits = 0;
  let differ = 0;
  const examples = [];
  for (const c of cells) {
    const fast = fastNormalize(c, REGION);
    if (fast === undefined) continue;
    hits++;
    if (!isDeepStrictEqual(fast, normalizePhone(c, REGION))) { differ++; if (examples.length < 5) examples.push(c); }
  }
  const before = median(us.normalizePhone);
  const after = median(us['fast ?? normalizePhone']);
  console.log(`\n${label}: ${cells.length} cells, region ${REGION ?? '(none)'}, median of ${RUNS} runs`);
  console.log(`  normalizePhone            ${before.toFixed(3)} us/cell`);
  console.log(`  fastNormalize alone       ${median(us.fastNormalize).toFixed(3)} us/cell`);
  console.log(`  fast ?? normalizePhone    ${after.toFixed(3)} us/cell   (${(before / after).toFixed(1)}x)`);
  console.log(`  fast-path hit rate        ${(100 * hits / cells.length).toFixed(2)}%   differences from normalizePhone: ${differ}${examples.length ? ' e.g. ' + JSON.stringify(examples) : ''}`);
  return differ;
}

const { contacts, consent } = phoneCells();
console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
let differ = bench('contact list phone cells', contacts);
differ += bench('consent log phone cells', consent);
if (differ > 0) {
  console.error(`\nFAIL: the fast path differs from normalizePhone on ${differ} cells`);
  process.exitCode = 1;
}
