#!/usr/bin/env node
/**
 * Do worker threads pay on this machine? (issue #16 item 5: measure before building.)
 *
 *   node scripts/bench/workers-probe.mjs [--data DIR] [--rounds R] [--busy] [--depth D]
 *
 * Runs the audit's per-row work (the built rules and RowRouter, scripts/bench/workers-context.mjs)
 * over the benchmark list two ways, each in its own process, alternating, R rounds (default 3):
 *
 * - one: one thread reads and tokenizes the list (TableReader), judges and routes every batch and
 *   writes the output bytes, as the audit does now;
 * - worker: the main thread reads, tokenizes and writes, in input order; one worker thread loads
 *   the evidence and judges and routes the batches (fields passed as one string plus an Int32Array
 *   of lengths, the output bytes transferred back), up to D batches in flight (default 4).
 *
 * Both write the same clean and rejects bytes as `leadaudit audit` (checked by SHA-256 against one
 * real audit run, shown as a reference row). Each process reports its
 * evidence set-up and row phases; the parent adds wall, CPU (all threads), peak RSS and the load
 * average. --busy runs everything again next to a `node -e 'for(;;){}'` that keeps one core busy,
 * as another session on this shared machine would. Prints Markdown (--json: the figures too) and
 * saves both in bench-data/results/workers-probe-<date>.{md,json}.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, open, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { FILES, parseArgs } from './generate.mjs';
import { indexFlags, runAudit, snapshotSupport } from './contestants.mjs';
import { ROOT, lastJson, rssMethod, runNode, withTmp } from './measure.mjs';
import { fmt, fmtInt, fmtLoad, loadRange, loadsOf, median } from './stats.mjs';

const args = parseArgs(process.argv.slice(2), { data: 'string', rounds: 'number', busy: 'flag', depth: 'number', mode: 'string', out: 'string', json: 'flag' });
const dataDir = resolve(ROOT, args.data ?? 'bench-data/r1000000-c1000000-s1');
const opts = { list: join(dataDir, FILES.contacts), consent: join(dataDir, FILES.consent), notice: join(dataDir, FILES.notice), suppress: join(dataDir, FILES.suppress) };
const depth = args.depth ?? 4;

/** The child: one mode, one run; prints one JSON line. */
async function child(mode, outDir) {
  const { TableReader } = await import('../../dist/io/table-reader.js');
  const started = performance.now();
  const reader = await TableReader.open({ path: opts.list, label: opts.list });
  const names = reader.header.names;
  const files = { clean: await open(join(outDir, 'clean.csv'), 'w'), rejects: await open(join(outDir, 'rejects.csv'), 'w') };
  const hashes = { clean: createHash('sha256'), rejects: createHash('sha256') };
  const write = async (o) => {
    for (const k of ['clean', 'rejects']) { hashes[k].update(o[k]); await files[k].write(o[k]); }
  };
  let setup;
  let counts;
  let workerUtilization;
  const elu = performance.eventLoopUtilization();
  if (mode === 'one') {
    const { rowWork } = await import('./workers-context.mjs');
    const work = await rowWork(opts, names);
    await write(work.header());
    setup = performance.now();
    for await (const batch of reader.batches()) await write(await work.judge(batch));
    counts = work.counts();
  } else {
    const { packBatch } = await import('./workers-pack.mjs');
    const worker = new Worker(new URL('./workers-probe-worker.mjs', import.meta.url), { workerData: { opts, names } });
    const waiting = [];
    worker.on('message', (m) => waiting.shift()(m));
    worker.on('error', (e) => { process.stderr.write(`worker: ${e.stack}\n`); process.exit(1); });
    const next = () => new Promise((res) => waiting.push(res));
    await write(await next());
    setup = performance.now();
    const pending = [];
    for await (const batch of reader.batches()) {
      const packed = packBatch(batch);
      pending.push(next());
      worker.postMessage(packed, [packed.meta.buffer]);
      if (pending.length >= depth) await write(await pending.shift());
    }
    while (pending.length) await write(await pending.shift());
    const last = next();
    worker.postMessage({ done: true });
    const done = await last;
    counts = done.counts;
    workerUtilization = done.utilization;
    await worker.terminate();
  }
  for (const f of Object.values(files)) await f.close();
  const end = performance.now();
  process.stdout.write(`${JSON.stringify({
    mode, ...counts, setup_seconds: (setup - started) / 1000, rows_seconds: (end - setup) / 1000, seconds: (end - started) / 1000,
    main_utilization: performance.eventLoopUtilization(elu).utilization, worker_utilization: workerUtilization,
    clean_sha256: hashes.clean.digest('hex'), rejects_sha256: hashes.rejects.digest('hex'),
  })}\n`);
}

/** The parent: alternating rounds of both modes, then the same with one core kept busy. */
async function parent() {
  const method = rssMethod();
  const rounds = args.rounds ?? 3;
  const snapshots = snapshotSupport();
  const lines = [];
  const say = (l = '') => { lines.push(l); process.stdout.write(`${l}\n`); };
  const all = {};
  say(`## Worker threads probe (issue #16 item 5)`);
  say();
  say(`- command: \`node scripts/bench/workers-probe.mjs${args.data ? ` --data ${args.data}` : ''} --rounds ${rounds}${args.busy ? ' --busy' : ''} --depth ${depth}\`; list \`${opts.list.replace(`${ROOT}/`, '')}\``);
  say('- one: one thread reads, tokenizes, judges, routes and writes; worker: the main thread reads, tokenizes and writes in input order, one worker judges and routes');
  say();
  say('| condition | mode | round | wall s | CPU s (all threads) | CPU / wall | set-up s | rows s | main thread busy | worker busy | peak RSS MiB | load 1 min |');
  say('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const condition of args.busy ? ['as is', 'with a busy loop'] : ['as is']) {
    const hog = condition === 'with a busy loop' ? spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }) : undefined;
    try {
      const runs = { one: [], worker: [] };
      for (let i = 1; i <= rounds; i++) {
        for (const mode of i % 2 ? ['one', 'worker'] : ['worker', 'one']) {
          const r = await withTmp('leadaudit-workers-', (tmp) => runNode([join(ROOT, 'scripts/bench/workers-probe.mjs'), ...(args.data ? ['--data', args.data] : []), '--depth', String(depth), '--mode', mode, '--out', tmp], { method }));
          if (r.code !== 0) throw new Error(`${mode} exited with ${r.code}: ${r.stderr.trim()}`);
          const info = lastJson(r.stdout);
          runs[mode].push({ ...r, info });
          say(`| ${condition} | ${mode} | ${i} | ${fmt(r.seconds)} | ${fmt(r.cpuSeconds)} | ${fmt(r.cpuSeconds / r.seconds)} | ${fmt(info.setup_seconds)} | ${fmt(info.rows_seconds)} | ${fmt(info.main_utilization * 100, 0)}% | ${info.worker_utilization === undefined ? '' : `${fmt(info.worker_utilization * 100, 0)}%`} | ${fmt(r.rssKiB / 1024, 0)} | ${fmtLoad(r.load.before, r.load.after)} |`);
        }
      }
      // The real audit, once, as the reference: its clean.csv and rejects.csv must be the probe's bytes.
      const audit = await runAudit(opts, runs.one[0].info.rows, { method, index: snapshots ? indexFlags('rebuilt') : [] });
      say(`| ${condition} | leadaudit audit | 1 | ${fmt(audit.seconds)} | ${fmt(audit.cpuSeconds)} | ${fmt(audit.cpuSeconds / audit.seconds)} | | | | | ${fmt(audit.rssKiB / 1024, 0)} | ${fmtLoad(audit.load.before, audit.load.after)} |`);
      const shas = new Set([...runs.one, ...runs.worker].map((r) => `${r.info.clean_sha256}/${r.info.rejects_sha256}`));
      shas.add(`${audit.report.outputs.clean.sha256}/${audit.report.outputs.rejects.sha256}`);
      if (shas.size !== 1) throw new Error('the two modes and the audit wrote different outputs');
      const m = (mode, f) => median(runs[mode].map(f));
      all[condition] = {
        rows: runs.one[0].info.rows,
        one: { wall: m('one', (r) => r.seconds), cpu: m('one', (r) => r.cpuSeconds), rows_seconds: m('one', (r) => r.info.rows_seconds) },
        worker: { wall: m('worker', (r) => r.seconds), cpu: m('worker', (r) => r.cpuSeconds), rows_seconds: m('worker', (r) => r.info.rows_seconds) },
        load: loadRange(loadsOf([...runs.one, ...runs.worker])),
      };
    } finally {
      hog?.kill();
    }
  }
  say();
  for (const [condition, f] of Object.entries(all)) {
    say(`- ${condition} (${fmtInt(f.rows)} rows, medians of ${rounds}, load ${f.load}): wall ${fmt(f.one.wall)} s one thread vs ${fmt(f.worker.wall)} s with a worker `
      + `(x${fmt(f.one.wall / f.worker.wall)} speed); row phase ${fmt(f.one.rows_seconds)} vs ${fmt(f.worker.rows_seconds)} s (x${fmt(f.one.rows_seconds / f.worker.rows_seconds)}); `
      + `CPU ${fmt(f.one.cpu)} vs ${fmt(f.worker.cpu)} s (the worker costs x${fmt(f.worker.cpu / f.one.cpu)} the CPU). Outputs byte-identical to each other and to \`leadaudit audit\`'s clean.csv and rejects.csv.`);
  }
  if (args.json) process.stdout.write(`${JSON.stringify(all)}\n`);
  const results = join(ROOT, 'bench-data', 'results');
  const name = `workers-probe-${new Date().toISOString().slice(0, 16).replace(/[-:]/g, '')}`;
  await mkdir(results, { recursive: true });
  await writeFile(join(results, `${name}.md`), `${lines.join('\n')}\n`);
  await writeFile(join(results, `${name}.json`), `${JSON.stringify(all, null, 2)}\n`);
  process.stderr.write(`workers-probe: results saved to bench-data/results/${name}.{md,json}\n`);
}

if (args.mode) await child(args.mode, args.out);
else await parent();
