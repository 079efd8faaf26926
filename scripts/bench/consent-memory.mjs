#!/usr/bin/env node
/**
 * What the consent index costs in memory: loads consent files with the built loader
 * (dist/evidence/consent-loader.js) and prints, as one JSON line, the growth of the JavaScript
 * heap plus off-heap memory between before and after the load (both after full garbage
 * collections), per record held in the index.
 *
 *   node --expose-gc scripts/bench/consent-memory.mjs <consent file>... [--region RU]
 *
 * Memory counted: process.memoryUsage() heapUsed + external. `arrayBuffers` (typed arrays, Buffers)
 * is part of `external` in Node (see the process.memoryUsage() docs), so it is reported on its own
 * but not added a second time. The phone-normalization memo and the per-file statistics are
 * dropped before the second measurement: only what the index keeps alive is counted.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as tick } from 'node:timers/promises';
import { loadConsent } from '../../dist/evidence/consent-loader.js';
import { PhoneNormalizer } from '../../dist/phone/normalize.js';

const argv = process.argv.slice(2);
let region = 'RU';
const paths = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--region') region = argv[++i];
  else paths.push(argv[i]);
}
if (paths.length === 0) {
  process.stderr.write('usage: node --expose-gc scripts/bench/consent-memory.mjs <consent file>... [--region RU]\n');
  process.exit(2);
}
if (typeof globalThis.gc !== 'function') {
  process.stderr.write('consent-memory: run with node --expose-gc\n');
  process.exit(2);
}

async function settle() {
  for (let i = 0; i < 4; i++) { globalThis.gc(); await tick(); }
}

function memory() {
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers, rss: m.rss, counted: m.heapUsed + m.external };
}

// Warm up: load a two-record file so that metadata, modules and lazily built state exist before
// the baseline (they are not the index's cost).
const warmDir = mkdtempSync(join(tmpdir(), 'consent-memory-'));
const warmFile = join(warmDir, 'warm.csv');
writeFileSync(warmFile, 'phone,given_at,purposes,evidence_ref\n+79161112233,2026-01-01,marketing,x\n+447400123456,2026-01-02,marketing,y\n');
{
  const warm = await loadConsent([warmFile], new PhoneNormalizer(region));
  if (warm.index.size !== 2) throw new Error(`warm-up loaded ${warm.index.size} records, expected 2`);
}
rmSync(warmDir, { recursive: true, force: true });

await settle();
const before = memory();
const started = performance.now();
let phones = new PhoneNormalizer(region);
let loaded = await loadConsent(paths, phones);
const seconds = (performance.now() - started) / 1000;
const index = loaded.index;
const records = loaded.files.reduce((s, f) => s + f.records, 0);
const valid = loaded.files.reduce((s, f) => s + f.valid, 0);
loaded = null;
phones = null;
await settle();
const after = memory();
const grown = after.counted - before.counted;

process.stdout.write(JSON.stringify({
  files: paths,
  records,
  valid,
  indexed: index.size,
  bytes: grown,
  bytes_per_record: grown / index.size,
  heap_used_bytes: after.heapUsed - before.heapUsed,
  external_bytes: after.external - before.external,
  array_buffers_bytes: after.arrayBuffers - before.arrayBuffers,
  rss_after_bytes: after.rss,
  seconds,
  records_per_second: records / seconds,
}) + '\n');
