#!/usr/bin/env node
/**
 * Micro-benchmark of phone normalization (issue 5): normalizePhone (libphonenumber-js, max
 * metadata) against the fast path (src/phone/fast-path.ts) on the phone cells of the benchmark's
 * messy contact list (scripts/bench/generate.mjs: Russian numbers in a dozen formats, foreign
 * numbers, junk, spreadsheet damage), plus the phone cells of its consent log.
 *
 *   npx tsc -p tsconfig.json && node scripts/bench/phone-micro.mjs [--cells 200000] [--seed 1] [--region RU] [--runs 5]
 *
 * Prints microseconds per cell (median of the runs) for: the libphonenumber path alone (normalizePhone
 * with a fast path that never answers), fastNormalize alone (including its "no answer" returns),
 * `fastNormalize(c) ?? libphonenumber path(c)` (what normalize.ts is meant to do), and
 * normalizePhone as built (the same once the fast path is wired in); the fast path's hit rate; and
 * checks that every fast answer is exactly the libphonenumber path's (exit code 1 if not). No
 * memo: every cell is parsed, as if no number repeated.
 *
 * The libphonenumber-only reference is dist/phone/normalize.js loaded a second time (as
 * `normalize.js?reference`) with its `./fast-path.js` import resolved to a stub that never
 * answers, so the comparison stays meaningful after normalize.ts starts consulting the fast path.
 */
import { register } from 'node:module';
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'csv-parse/sync';
import { fastNormalize } from '../../dist/phone/fast-path.js';
import { normalizePhone } from '../../dist/phone/normalize.js';
import { contactChunks, consentChunks } from './generate.mjs';

const STUB = 'data:text/javascript,export function fastNormalize() { return undefined; }';
register(`data:text/javascript,${encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (specifier === './fast-path.js' && context.parentURL && context.parentURL.endsWith('/normalize.js?reference')) {
    return { url: ${JSON.stringify(STUB)}, shortCircuit: true };
  }
  return next(specifier, context);
}`)}`);
const { normalizePhone: reference } = await import('../../dist/phone/normalize.js?reference');

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
    reference: (c) => reference(c, REGION),
    fastNormalize: (c) => fastNormalize(c, REGION),
    combined: (c) => fastNormalize(c, REGION) ?? reference(c, REGION),
    normalizePhone: (c) => normalizePhone(c, REGION),
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
    if (!isDeepStrictEqual(fast, reference(c, REGION))) { differ++; if (examples.length < 5) examples.push(c); }
  }
  const before = median(us.reference);
  const after = median(us.combined);
  console.log(`\n${label}: ${cells.length} cells, region ${REGION ?? '(none)'}, median of ${RUNS} runs`);
  console.log(`  libphonenumber path (before)        ${before.toFixed(3)} us/cell`);
  console.log(`  fastNormalize alone                 ${median(us.fastNormalize).toFixed(3)} us/cell`);
  console.log(`  fast ?? libphonenumber path (after) ${after.toFixed(3)} us/cell   (${(before / after).toFixed(1)}x)`);
  console.log(`  normalizePhone as built             ${median(us.normalizePhone).toFixed(3)} us/cell`);
  console.log(`  fast-path hit rate                  ${(100 * hits / cells.length).toFixed(2)}%   fast answers that differ: ${differ}${examples.length ? ' e.g. ' + JSON.stringify(examples) : ''}`);
  return differ;
}

const { contacts, consent } = phoneCells();
console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
let differ = bench('contact list phone cells', contacts);
differ += bench('consent log phone cells', consent);
if (differ > 0) {
  console.error(`\nFAIL: fast answers differ from the libphonenumber path on ${differ} cells`);
  process.exitCode = 1;
}
