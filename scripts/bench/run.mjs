#!/usr/bin/env node
/**
 * The benchmark (issues #5 and #16). `npm run bench -- --rows 1000000` builds, then:
 *
 * 1. generates (seeded, deterministic) a messy contact list, a consent log, a notice manifest and a
 *    do-not-call list into bench-data/ (reused when the same parameters were generated before);
 * 2. runs alternating rounds of the audit with its consent index from a snapshot (prepared by
 *    `leadaudit index` in a temporary directory), the bare csv-parse -> csv-stringify pass and the
 *    audit with its index rebuilt (--no-cache), each as its own process, until the spread of every
 *    audit/bare ratio, wall and CPU time, is within 10% ((max - min) / median, at least 3 pairs)
 *    or 7 pairs have run (throughput.mjs);
 * 3. measures the consent index's memory per record (consent-memory.mjs);
 * 4. measures start-up: a 10-row audit next to `node -e 0`;
 * 5. large evidence: a 10-row audit against 5M consent records, first run and later runs, and
 *    hashing the consent file alone; 20M too with --large (evidence.mjs);
 * 6. audits N and 4N rows against the same consent file: peak RSS growth per distinct number;
 * 7. ends with each target of issue #16 and whether this run met it, with its load average.
 *
 * Every figure is printed with the 1-minute load average at its time (before→after the process).
 * A build without `leadaudit index` is measured too: the snapshot figures then say "not available
 * in this build". Results are saved in bench-data/results/.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, freemem, loadavg, release, totalmem, type as osType } from 'node:os';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FILES, GENERATOR_VERSION, parseArgs } from './generate.mjs';
import { ensureData, fullInputs, note, snapshotSupport } from './contestants.mjs';
import { ROOT, rel, rssMethod, warmCache } from './measure.mjs';
import { throughput } from './throughput.mjs';
import { EVIDENCE_LIST_ROWS, evidenceFigures, evidenceSteps, parseSteps } from './evidence.mjs';
import { consentMemory, memoryScaling, startup } from './memory.mjs';
import { fmt, fmtInt, targetLines, targetRows } from './stats.mjs';

const USAGE = `usage: npm run bench -- [options]
  --rows N                 list rows (default 100000)
  --consent M              consent records of the list's data set (default N)
  --seed S, --eol lf|crlf  the generated data (default 1, lf)
  --minimal                audit without --notice and --suppress
  --pairs P                exactly P alternating pairs (0 skips the pairs, consent memory and start-up)
  --min-pairs A            at least A pairs before the spread may stop them (default 3)
  --max-pairs B            at most B pairs (default 7)
  --spread X               stop once every ratio's (max - min) / median is within X (default 0.1)
  --evidence-steps LIST    consent records of the large-evidence steps (default 5000000; none skips)
  --large                  adds the 20,000,000-record step (about 2.1 GB of data, minutes)
  --scaling-rows A,B       the memory-scaling sizes (default N,4N); --no-memory-scaling skips it
  --no-consent-memory, --no-startup   skip those steps
  --rss time|hook          how peak RSS and CPU time are taken (default: /usr/bin/time when it works)
  --data-dir DIR           where data sets and results go (default bench-data)`;

let transcript = '';
function out(line = '') {
  process.stdout.write(`${line}\n`);
  transcript += `${line}\n`;
}

function options(argv) {
  const args = parseArgs(argv, {
    rows: 'number', consent: 'number', pairs: 'number', 'min-pairs': 'number', 'max-pairs': 'number', spread: 'number',
    seed: 'number', eol: 'string', minimal: 'flag', 'evidence-steps': 'string', large: 'flag',
    // --memory-scaling is still accepted: scaling used to be opt-in.
    'memory-scaling': 'flag', 'no-memory-scaling': 'flag', 'scaling-rows': 'string', rss: 'string', 'data-dir': 'string',
    'no-consent-memory': 'flag', 'no-startup': 'flag', help: 'flag',
  });
  const rows = args.rows ?? 100_000;
  const o = {
    args, rows, consent: args.consent ?? rows, seed: args.seed ?? 1, eol: args.eol ?? 'lf', minimal: Boolean(args.minimal),
    dataDir: resolve(ROOT, args['data-dir'] ?? 'bench-data'),
    pairs: {
      min: args.pairs ?? args['min-pairs'] ?? 3,
      max: args.pairs ?? args['max-pairs'] ?? 7,
      limit: args.spread ?? 0.1,
    },
    steps: parseSteps(args['evidence-steps'] ?? '5000000'),
    scaling: !args['no-memory-scaling'],
    scalingRows: (args['scaling-rows'] ?? `${rows},${rows * 4}`).split(',').map((s) => Number(s.replace(/_/g, ''))),
  };
  if (args.large && !o.steps.includes(20_000_000)) o.steps.push(20_000_000);
  const whole = (n) => Number.isSafeInteger(n) && n >= 0;
  if (!whole(o.pairs.min) || !whole(o.pairs.max) || o.pairs.min > o.pairs.max) throw new Error('--pairs, --min-pairs and --max-pairs must be whole numbers >= 0, the minimum not above the maximum');
  if (!(o.pairs.limit > 0)) throw new Error('--spread must be a number above 0, e.g. 0.1');
  if (o.scalingRows.length !== 2 || !o.scalingRows.every((n) => Number.isSafeInteger(n) && n > 0) || o.scalingRows[0] >= o.scalingRows[1]) {
    throw new Error('--scaling-rows must be two increasing row counts, e.g. 1000000,4000000');
  }
  return o;
}

/** The command line that reproduces this run. */
function reproduce(o) {
  const { args } = o;
  const flags = [`--rows ${o.rows}`];
  if (args.consent !== undefined) flags.push(`--consent ${o.consent}`);
  if (args.pairs !== undefined) flags.push(`--pairs ${args.pairs}`);
  for (const k of ['min-pairs', 'max-pairs', 'spread', 'evidence-steps', 'scaling-rows']) if (args[k] !== undefined) flags.push(`--${k} ${args[k]}`);
  if (o.seed !== 1) flags.push(`--seed ${o.seed}`);
  if (o.eol !== 'lf') flags.push(`--eol ${o.eol}`);
  for (const k of ['minimal', 'large', 'no-memory-scaling', 'no-consent-memory', 'no-startup']) if (args[k]) flags.push(`--${k}`);
  return `npm run bench -- ${flags.join(' ')}`;
}

async function main() {
  const startedAt = new Date();
  const o = options(process.argv.slice(2));
  if (o.args.help) { process.stdout.write(`${USAGE}\n`); return; }
  if (!existsSync(join(ROOT, 'dist/leadaudit.mjs'))) throw new Error('dist/ is missing: run `npm run build` (npm run bench does)');
  const method = rssMethod(o.args.rss);
  const snapshots = snapshotSupport();
  const c = cpus();
  const machine = { cpu: c[0]?.model?.trim() ?? 'unknown', cores: c.length, memory_gib: totalmem() / 1024 ** 3, free_gib: freemem() / 1024 ** 3, node: process.version, os: `${osType()} ${release()}`, load: loadavg() };
  const ctx = { out, method, snapshots, dataDir: o.dataDir, seed: o.seed, eol: o.eol, minimal: o.minimal, rows: o.rows, pairs: o.pairs, steps: o.steps };
  const results = { command: reproduce(o), machine, rows: o.rows, consent: o.consent, seed: o.seed, eol: o.eol, minimal: o.minimal, rss_method: method, snapshots, failed: {} };
  const figures = {};

  out('## leadaudit benchmark');
  out();
  out(`- command: \`${results.command}\``);
  out(`- date: ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  out(`- machine: ${machine.cpu}, ${machine.cores} cores, ${fmt(machine.memory_gib, 1)} GiB RAM, ${machine.os}, Node ${machine.node}`);
  out(`- load average at start (1/5/15 min): ${machine.load.map((l) => fmt(l)).join(' / ')}; each figure below carries the 1-minute load average sampled just before and just after its process (before→after), which counts the benchmark's own process too`);
  out(`- wall time around each child process (Node's start-up included); CPU time (user + system) and peak RSS: ${method === 'time' ? "`/usr/bin/time -f '%e %U %S %M'`" : '`node --import scripts/bench/maxrss-hook.mjs` (process.resourceUsage() at exit)'}`);
  out(`- consent index snapshots (\`leadaudit index\`, --index-cache, --no-cache): ${snapshots ? 'in this build' : 'not available in this build'}`);
  await mkdir(o.dataDir, { recursive: true });

  /** Runs one step; a failed step is reported and the run goes on (the exit code says it). */
  const step = async (name, fn) => {
    try { return await fn(); } catch (e) {
      results.failed[name] = e.message;
      out();
      out(`**${name}: failed**: ${e.message.split('\n')[0]}`);
      note(`${name} failed: ${e.message}`);
      return undefined;
    }
  };

  if (o.pairs.max > 0) {
    const data = await ensureData(o.dataDir, { rows: o.rows, consent: o.consent, seed: o.seed, eol: o.eol, parts: ['contacts', 'consent', 'notice', 'suppress'] });
    const list = join(data.dir, FILES.contacts);
    const s = data.meta.stats.contacts;
    const cs = data.meta.stats.consent;
    out(`- data: \`${rel(data.dir)}/\` (generator v${GENERATOR_VERSION}, seed ${o.seed}): list ${fmtInt(o.rows)} rows, ${fmt(data.meta.files.contacts.bytes / 1048576, 1)} MiB, `
      + `${fmtInt(s.distinct)} distinct numbers generated (${fmtInt(s.duplicates)} repeats in other formats, ${fmtInt(s.junk)} junk, ${fmtInt(s.empty)} empty, ${fmtInt(s.foreign)} foreign); `
      + `consent ${fmtInt(cs.records)} records, ${fmt(data.meta.files.consent.bytes / 1048576, 1)} MiB (${fmtInt(cs.coveredNumbers)} list numbers covered, ${fmtInt(cs.outOfList)} records for numbers not in the list, ${fmtInt(cs.withdrawn)} withdrawn); `
      + `do-not-call ${fmtInt(data.meta.stats.suppress.numbers)} numbers`);
    await warmCache(list);
    await warmCache(join(data.dir, FILES.consent));
    const t = await step('audit vs bare pass', () => throughput({ ...ctx, inputs: fullInputs(data, list, o.minimal) }));
    if (t) {
      const { first_report: _, ...kept } = t;
      results.throughput = kept;
      if (t.snapshot) Object.assign(figures, { snapshotCpuRatio: t.snapshot.cpu_ratio, snapshotWallRatio: t.snapshot.wall_ratio, snapshotLoad: t.snapshot.load });
      else figures.snapshotMissing = 'not available in this build';
      Object.assign(figures, { rebuiltCpuRatio: t.rebuilt.cpu_ratio, rebuiltWallRatio: t.rebuilt.wall_ratio, rebuiltLoad: t.rebuilt.load });
    }
    if (!o.args['no-consent-memory']) {
      const m = await step('consent index memory', () => consentMemory(ctx, join(data.dir, FILES.consent)));
      if (m) { results.consent_memory = m; figures.bytesPerRecord = m.bytes_per_record; figures.bytesPerRecordLoad = m.loadShown; }
    }
    if (!o.args['no-startup']) {
      const st = await step('start-up', () => startup(ctx, join(data.dir, FILES.consent)));
      if (st) { results.startup = st; figures.startupSeconds = st.audit_seconds; figures.startupCpu = st.audit_cpu_seconds; figures.startupLoad = st.load; }
    }
  }

  const ev = await step('large consent evidence', () => evidenceSteps(ctx));
  if (ev) {
    results.evidence = { list_rows: EVIDENCE_LIST_ROWS, steps: ev };
    figures.evidence5m = evidenceFigures(ev.find((e) => e.records === 5_000_000), snapshots);
    figures.evidence20m = evidenceFigures(ev.find((e) => e.records === 20_000_000), snapshots);
  }

  if (o.scaling) {
    const sc = await step('memory scaling', () => memoryScaling(ctx, o.scalingRows, o.args.consent));
    if (sc) { results.memory_scaling = sc; figures.rssPerNumber = sc.bytes_per_distinct_number; figures.rssPerNumberLoad = sc.load; }
  }

  out();
  out(`- load average at end (1/5/15 min): ${loadavg().map((l) => fmt(l)).join(' / ')}`);
  out();
  out('### Targets (issue #16)');
  out();
  const rows = targetRows(figures);
  for (const line of targetLines(rows)) out(line);
  results.targets = rows;
  if (o.rows < 1_000_000) out(`\nThe issue's throughput figures are for 1,000,000 rows and consent records; this run had ${fmtInt(o.rows)}.`);
  // r<rows>-s<seed>.{md,json} is the latest run; the dated copy keeps it when another run replaces it.
  const stamp = `r${o.rows}-s${o.seed}`;
  const dated = `${stamp}-${startedAt.toISOString().slice(0, 16).replace(/[-:]/g, '')}`;
  await mkdir(join(o.dataDir, 'results'), { recursive: true });
  for (const name of [stamp, dated]) {
    await writeFile(join(o.dataDir, 'results', `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
    await writeFile(join(o.dataDir, 'results', `${name}.md`), transcript);
  }
  note(`results saved to ${rel(join(o.dataDir, 'results', stamp))}.{md,json} and ${dated}.{md,json}`);
  if (Object.keys(results.failed).length > 0) process.exitCode = 1;
}

main().catch((e) => {
  process.stderr.write(`bench: ${e.message}\n`);
  if (/unknown option|needs a value|unexpected argument/.test(e.message)) process.stderr.write(`${USAGE}\n`);
  process.exitCode = 1;
});
