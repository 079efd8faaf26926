#!/usr/bin/env node
/**
 * Measures what loading a consent file costs (issue #16 items 1, 2 and 4), each in a fresh process
 * so that one measurement's heap does not weigh on the next:
 *
 *   node scripts/measure/consent-load.mjs chunks FILE [KiB,KiB,...] [ROUNDS]   build the index at each read size
 *   node scripts/measure/consent-load.mjs hash FILE                           hash the file (SHA-256) at several read sizes
 *   node scripts/measure/consent-load.mjs snapshot FILE                       build, write the snapshot, then load it
 *
 * Prints wall and CPU seconds (user + system) with the 1-minute load average: on a shared machine
 * compare the CPU figures. Run `npm run build` first (it uses dist/).
 */
import { spawnSync } from 'node:child_process';
import { loadavg, tmpdir } from 'node:os';
import { mkdtempSync, rmSync, openSync, readSync, closeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = (p) => new URL(`../../dist/${p}`, import.meta.url).href;
const [mode, file, arg, roundsArg] = process.argv.slice(2);

/** Runs `fn` and returns wall and CPU seconds. */
async function timed(fn) {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const value = await fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1e6, value };
}

const fmt = (r) => `${r.wall.toFixed(2)} s wall, ${r.cpu.toFixed(2)} s CPU (load ${loadavg()[0].toFixed(2)})`;

async function child(kind, ...args) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), kind, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
}

if (mode === 'chunks') {
  const sizes = (arg ?? '16,64,128,256,1024').split(',').map(Number);
  const rounds = Number(roundsArg ?? 3);
  // Alternating rounds, so that a change of the machine's load falls on every size alike.
  const results = Object.fromEntries(sizes.map((s) => [s, []]));
  for (let r = 0; r < rounds; r++) for (const s of sizes) results[s].push(JSON.parse(await child('one-load', file, String(s))));
  for (const s of sizes) {
    const cpu = results[s].map((x) => x.cpu).sort((a, b) => a - b);
    const wall = results[s].map((x) => x.wall).sort((a, b) => a - b);
    console.log(`${String(s).padStart(5)} KiB reads: CPU median ${cpu[cpu.length >> 1].toFixed(2)} s (${cpu.map((x) => x.toFixed(2)).join(', ')}), wall median ${wall[wall.length >> 1].toFixed(2)} s, load ${results[s].map((x) => x.load.toFixed(1)).join('/')}`);
  }
} else if (mode === 'one-load') {
  const { loadConsent } = await import(dist('evidence/consent-loader.js'));
  const { PhoneNormalizer } = await import(dist('phone/normalize.js'));
  const r = await timed(() => loadConsent([file], new PhoneNormalizer('RU'), { chunkSize: Number(arg) * 1024 }));
  console.log(JSON.stringify({ wall: r.wall, cpu: r.cpu, load: loadavg()[0], records: r.value.index.size }));
} else if (mode === 'hash') {
  for (const kib of [64, 1024, 4096]) console.log(`async reads of ${kib} KiB: ${await child('one-hash', file, String(kib))}`);
  console.log(`sync reads of 1024 KiB: ${await child('one-hash-sync', file, '1024')}`);
  console.log(`hashFiles (the cache's): ${await child('one-hash-cache', file)}`);
} else if (mode === 'one-hash') {
  const buf = Buffer.allocUnsafeSlow(Number(arg) * 1024);
  console.log(fmt(await timed(async () => {
    const fh = await open(file, 'r');
    const h = createHash('sha256');
    for (;;) { const { bytesRead } = await fh.read(buf, 0, buf.length, null); if (!bytesRead) break; h.update(buf.subarray(0, bytesRead)); }
    await fh.close();
    return h.digest('hex');
  })));
} else if (mode === 'one-hash-sync') {
  const buf = Buffer.allocUnsafeSlow(Number(arg) * 1024);
  console.log(fmt(await timed(() => {
    const fd = openSync(file, 'r');
    const h = createHash('sha256');
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0;) h.update(buf.subarray(0, n));
    closeSync(fd);
    return h.digest('hex');
  })));
} else if (mode === 'one-hash-cache') {
  const { hashFiles } = await import(dist('evidence/index-cache.js'));
  console.log(fmt(await timed(() => hashFiles([file]))));
} else if (mode === 'snapshot') {
  const cache = mkdtempSync(join(tmpdir(), 'leadaudit-measure-'));
  try {
    console.log(`build and write: ${await child('one-snapshot', file, cache)}`);
    console.log(`load:            ${await child('one-snapshot', file, cache)}`);
    console.log(`load:            ${await child('one-snapshot', file, cache)}`);
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
} else if (mode === 'one-snapshot') {
  const { loadConsentIndex } = await import(dist('evidence/index-cache.js'));
  const { PhoneNormalizer } = await import(dist('phone/normalize.js'));
  const r = await timed(() => loadConsentIndex([file], new PhoneNormalizer('RU'), {}, { dir: arg, always: true }));
  console.log(`${fmt(r)}: ${r.value.origin.source}, ${r.value.index.size} records`);
} else {
  process.stderr.write('usage: see the comment at the top of scripts/measure/consent-load.mjs\n');
  process.exit(2);
}
