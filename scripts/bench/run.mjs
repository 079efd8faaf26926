#!/usr/bin/env node
/**
 * The benchmark (issue 5). `npm run bench -- --rows 1000000` builds, then:
 *
 * 1. generates (seeded, deterministic) a messy contact list, a consent log, a notice manifest and a
 *    do-not-call list into bench-data/ (reused when the same parameters were generated before);
 * 2. runs the full audit and the bare csv-parse -> csv-stringify pass alternately, each as its own
 *    process, `--pairs` times, measuring wall time and peak RSS of each child;
 * 3. measures the consent index's memory per record (scripts/bench/consent-memory.mjs);
 * 4. measures start-up: a 10-row audit next to `node -e 0`;
 * 5. audits N and 4N rows against the same consent file and prints the peak RSS growth per distinct
 *    number (--scaling-rows to choose the two sizes, --no-memory-scaling to skip);
 * 6. ends with each target of the issue and whether this run met it.
 *
 * Options: --rows N (default 100000) --consent M (default N) --pairs P (default 3) --seed S
 * (default 1) --eol lf|crlf (default lf) --minimal (audit without --notice/--suppress)
 * --scaling-rows A,B (default N,4N) --no-memory-scaling --rss time|hook --data-dir DIR
 * --no-consent-memory --no-startup.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, freemem, loadavg, release, tmpdir, totalmem, type as osType } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AS_OF, FILES, GENERATOR_VERSION, generate, parseArgs } from './generate.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const CLI = join(ROOT, 'bin/leadaudit.js');
const BARE = join(HERE, 'bare-pass.mjs');
const CONSENT_MEMORY = join(HERE, 'consent-memory.mjs');
const HOOK = pathToFileURL(join(HERE, 'maxrss-hook.mjs')).href;
const TIME = '/usr/bin/time';
const MiB = 1024 * 1024;

const USAGE = 'usage: npm run bench -- [--rows N] [--consent M (default N)] [--pairs P (default 3)] [--seed S (default 1)] [--eol lf|crlf] [--minimal] [--scaling-rows A,B (default N,4N)] [--no-memory-scaling] [--rss time|hook] [--data-dir DIR] [--no-consent-memory] [--no-startup]';

// ---------------------------------------------------------------------------------------------
// Small helpers.

const fmtInt = (n) => Math.round(n).toLocaleString('en-US');
const fmt = (n, digits = 2) => n.toFixed(digits);
/** A path as people should read it: relative to the project when inside it. */
const rel = (p) => {
  const r = relative(ROOT, p);
  return r.startsWith('..') ? p : r;
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

let transcript = '';
function out(line = '') {
  process.stdout.write(line + '\n');
  transcript += line + '\n';
}
function note(line) {
  process.stderr.write(`bench: ${line}\n`);
}

function machineInfo() {
  const c = cpus();
  return {
    cpu: c[0]?.model?.trim() ?? 'unknown',
    cores: c.length,
    memory_gib: totalmem() / 1024 ** 3,
    free_gib: freemem() / 1024 ** 3,
    node: process.version,
    os: `${osType()} ${release()}`,
    load: loadavg(),
  };
}

/** Peak RSS is taken with GNU time's %M when it works here, else with the --import hook. */
function rssMethod(forced) {
  if (forced === 'hook') return 'hook';
  const probe = spawnSync(TIME, ['-f', '%M %U %S', process.execPath, '-e', '0'], { encoding: 'utf8' });
  const ok = probe.status === 0 && /^\d+ \d+\.\d+ \d+\.\d+\s*$/m.test(probe.stderr ?? '');
  if (forced === 'time' && !ok) throw new Error(`${TIME} -f '%M %U %S' does not work here`);
  return ok ? 'time' : 'hook';
}

/**
 * Runs `node <args>` as a child; resolves to its exit code, wall seconds, peak RSS (KiB), stdout
 * and stderr. Wall time is taken around the child, so it includes Node's start-up.
 */
async function runNode(args, { method, rssFile }) {
  const [cmd, argv, env] = method === 'time'
    ? [TIME, ['-f', '%M %U %S', '-o', rssFile, process.execPath, ...args], process.env]
    : [process.execPath, ['--import', HOOK, ...args], { ...process.env, BENCH_MAXRSS_FILE: rssFile }];
  await rm(rssFile, { force: true });
  const started = performance.now();
  const child = spawn(cmd, argv, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d) => { stdout += d; });
  child.stderr.setEncoding('utf8').on('data', (d) => { if (stderr.length < 64_000) stderr += d; });
  const code = await new Promise((res, rej) => { child.on('error', rej); child.on('close', (c, sig) => res(c ?? sig)); });
  const seconds = (performance.now() - started) / 1000;
  let rssKiB = NaN;
  let cpuSeconds = NaN;
  try {
    // "<maxrss KiB> <user s> <system s>"; GNU time writes "Command exited with non-zero status N"
    // on a line before it when N != 0.
    const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
    const [rss, user, sys] = lines[lines.length - 1].trim().split(/\s+/).map(Number);
    rssKiB = rss;
    cpuSeconds = user + sys;
  } catch { /* reported as NaN */ }
  return { code, seconds, rssKiB, cpuSeconds, stdout, stderr };
}

// ---------------------------------------------------------------------------------------------
// Data sets.

async function readMeta(dir) {
  try { return JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8')); } catch { return undefined; }
}

/** Generates a data set into bench-data/<name>/ unless a complete one with these parameters is there. */
async function ensureData(dataDir, params) {
  const { rows, consent, seed, eol, parts } = params;
  const name = parts.includes('consent')
    ? `r${rows}-c${consent}-s${seed}${eol === 'lf' ? '' : `-${eol}`}`
    : `r${rows}-list-s${seed}${eol === 'lf' ? '' : `-${eol}`}`;
  const dir = join(dataDir, name);
  const meta = await readMeta(dir);
  const same = meta && meta.generator_version === GENERATOR_VERSION && meta.rows === rows && meta.seed === seed
    && meta.eol === eol && (!parts.includes('consent') || meta.consent === consent)
    && parts.every((p) => meta.files?.[p]);
  if (same) {
    const sizes = await Promise.all(parts.map(async (p) => (await stat(join(dir, FILES[p])).catch(() => undefined))?.size));
    if (sizes.every((s, i) => s === meta.files[parts[i]].bytes)) {
      note(`reusing ${rel(dir)}/ (generated earlier with the same parameters)`);
      return { dir, meta };
    }
  }
  note(`generating ${rel(dir)}/ (${fmtInt(rows)} rows${parts.includes('consent') ? `, ${fmtInt(consent)} consent records` : ''}, seed ${seed}) ...`);
  await rm(dir, { recursive: true, force: true });
  const fresh = await generate({ rows, consent, seed, eol, outDir: dir, parts });
  note(`generated in ${fresh.seconds} s`);
  return { dir, meta: fresh };
}

/** Reads a file once so that the first timed run doesn't pay for the disk. */
async function warmCache(path) {
  for await (const _ of createReadStream(path, { highWaterMark: 1 << 20 })) { /* read */ }
}

// ---------------------------------------------------------------------------------------------
// The two contestants.

function auditArgs(data, listPath, outDir, minimal) {
  const args = [CLI, 'audit', listPath, '--consent', join(data.dir, FILES.consent)];
  if (!minimal) args.push('--notice', join(data.dir, FILES.notice), '--suppress', join(data.dir, FILES.suppress));
  args.push('--as-of', AS_OF, '--out-dir', outDir, '--quiet');
  return args;
}

function showCommand(args) {
  return ['node', ...args.map((a) => {
    const r = a.startsWith(`${ROOT}/`) ? rel(a) : a;
    return /[\s"']/.test(r) ? JSON.stringify(r) : r;
  })].join(' ');
}

async function runAudit(data, listPath, rows, opts) {
  const tmp = await mkdtemp(join(tmpdir(), 'leadaudit-bench-'));
  try {
    const outDir = join(tmp, 'out');
    const args = auditArgs(data, listPath, outDir, opts.minimal);
    const r = await runNode(args, { method: opts.method, rssFile: join(tmp, 'rss') });
    if (r.code !== 0) throw new Error(`the audit exited with ${r.code}:\n${showCommand(args)}\n${r.stderr.trim()}`);
    const report = JSON.parse(await readFile(join(outDir, 'report.json'), 'utf8'));
    if (report.totals?.rows !== rows) throw new Error(`the audit read ${report.totals?.rows} rows, expected ${rows}`);
    return { ...r, report, command: showCommand(args).replace(tmp, '<tmp>') };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function runBare(listPath, rows, opts) {
  const tmp = await mkdtemp(join(tmpdir(), 'leadaudit-bench-'));
  try {
    const args = [BARE, listPath, join(tmp, 'bare.csv')];
    const r = await runNode(args, { method: opts.method, rssFile: join(tmp, 'rss') });
    if (r.code !== 0) throw new Error(`the bare pass exited with ${r.code}:\n${r.stderr.trim()}`);
    const info = JSON.parse(r.stdout.trim().split('\n').pop());
    if (info.rows !== rows) throw new Error(`the bare pass read ${info.rows} rows, expected ${rows}`);
    return { ...r, info, command: showCommand(args).replace(tmp, '<tmp>') };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** Rows whose number entered the duplicate set: valid numbers, first occurrences. */
function distinctNumbers(report) {
  const r = report.reasons ?? {};
  const unread = (r.ROW_MALFORMED ?? 0) + (r.PHONE_MISSING ?? 0) + (r.PHONE_INVALID ?? 0);
  return report.totals.rows - unread - (r.DUPLICATE ?? 0);
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const args = parseArgs(process.argv.slice(2), {
    rows: 'number', consent: 'number', pairs: 'number', seed: 'number', eol: 'string', minimal: 'flag',
    // --memory-scaling is still accepted: scaling used to be opt-in.
    'memory-scaling': 'flag', 'no-memory-scaling': 'flag', 'scaling-rows': 'string', rss: 'string', 'data-dir': 'string',
    'no-consent-memory': 'flag', 'no-startup': 'flag', help: 'flag',
  });
  if (args.help) { process.stdout.write(USAGE + '\n'); return; }
  const rows = args.rows ?? 100_000;
  const consent = args.consent ?? rows;
  const pairs = args.pairs ?? 3;
  const seed = args.seed ?? 1;
  const eol = args.eol ?? 'lf';
  const minimal = Boolean(args.minimal);
  const dataDir = resolve(ROOT, args['data-dir'] ?? 'bench-data');
  const scaling = !args['no-memory-scaling'];
  const scalingRows = (args['scaling-rows'] ?? `${rows},${rows * 4}`).split(',').map((s) => Number(s.replace(/_/g, '')));
  if (!Number.isSafeInteger(pairs) || pairs < 0) throw new Error('--pairs must be a whole number >= 0');
  if (scalingRows.length !== 2 || !scalingRows.every((n) => Number.isSafeInteger(n) && n > 0) || scalingRows[0] >= scalingRows[1]) {
    throw new Error('--scaling-rows must be two increasing row counts, e.g. 1000000,4000000');
  }
  if (!existsSync(join(ROOT, 'dist/leadaudit.mjs'))) throw new Error('dist/ is missing: run `npm run build` (npm run bench does)');
  const method = rssMethod(args.rss);
  const opts = { method, minimal };

  const machine = machineInfo();
  const flags = [`--rows ${rows}`];
  if (args.consent !== undefined) flags.push(`--consent ${consent}`);
  flags.push(`--pairs ${pairs}`, `--seed ${seed}`);
  if (eol !== 'lf') flags.push(`--eol ${eol}`);
  if (minimal) flags.push('--minimal');
  if (!scaling) flags.push('--no-memory-scaling');
  if (args['scaling-rows']) flags.push(`--scaling-rows ${args['scaling-rows']}`);
  const reproduce = `npm run bench -- ${flags.join(' ')}`;

  out(`## leadaudit benchmark`);
  out();
  out(`- command: \`${reproduce}\``);
  out(`- machine: ${machine.cpu}, ${machine.cores} cores, ${fmt(machine.memory_gib, 1)} GiB RAM, ${machine.os}, Node ${machine.node}`);
  out(`- load average at start (1/5/15 min): ${machine.load.map((l) => fmt(l)).join(' / ')}`);
  out(`- peak RSS and CPU time: ${method === 'time' ? "`/usr/bin/time -f '%M %U %S'` around each child (maxrss, user and system seconds)" : '`node --import scripts/bench/maxrss-hook.mjs` (process.resourceUsage() at exit)'}`);

  const results = { command: reproduce, machine, rows, consent, seed, eol, minimal, rss_method: method, pairs: [] };
  await mkdir(dataDir, { recursive: true });

  if (pairs > 0) {
    const data = await ensureData(dataDir, { rows, consent, seed, eol, parts: ['contacts', 'consent', 'notice', 'suppress'] });
    const list = join(data.dir, FILES.contacts);
    const s = data.meta.stats.contacts;
    const c = data.meta.stats.consent;
    out(`- data: \`${rel(data.dir)}/\` (generator v${GENERATOR_VERSION}, seed ${seed}): list ${fmtInt(rows)} rows, ${fmt(data.meta.files.contacts.bytes / MiB, 1)} MiB, `
      + `${fmtInt(s.distinct)} distinct numbers generated (${fmtInt(s.duplicates)} repeats in other formats, ${fmtInt(s.junk)} junk, ${fmtInt(s.empty)} empty, ${fmtInt(s.foreign)} foreign); `
      + `consent ${fmtInt(c.records)} records, ${fmt(data.meta.files.consent.bytes / MiB, 1)} MiB (${fmtInt(c.coveredNumbers)} list numbers covered, ${fmtInt(c.outOfList)} records for numbers not in the list, ${fmtInt(c.withdrawn)} withdrawn); `
      + `do-not-call ${fmtInt(data.meta.stats.suppress.numbers)} numbers`);
    await warmCache(list);
    await warmCache(join(data.dir, FILES.consent));

    for (let i = 1; i <= pairs; i++) {
      note(`pair ${i}/${pairs}: audit ...`);
      const a = await runAudit(data, list, rows, opts);
      note(`pair ${i}/${pairs}: audit ${fmt(a.seconds)} s, ${fmt(a.rssKiB / 1024, 0)} MiB; bare pass ...`);
      const b = await runBare(list, rows, opts);
      note(`pair ${i}/${pairs}: bare ${fmt(b.seconds)} s, ${fmt(b.rssKiB / 1024, 0)} MiB`);
      results.pairs.push({
        audit: { seconds: a.seconds, cpu_seconds: a.cpuSeconds, rss_kib: a.rssKiB, self_seconds: a.report.timing?.seconds, totals: a.report.totals, reasons: a.report.reasons },
        bare: { seconds: b.seconds, cpu_seconds: b.cpuSeconds, rss_kib: b.rssKiB, self_seconds: b.info.seconds },
        ratio: a.seconds / b.seconds,
        cpu_ratio: a.cpuSeconds / b.cpuSeconds,
        load1: loadavg()[0],
      });
      if (i === 1) { results.audit_command = a.command; results.bare_command = b.command; }
    }

    out(`- audit: \`${results.audit_command}\``);
    out(`- bare pass: \`${results.bare_command}\` (csv-parse \`parse({ columns: true, delimiter: ';' })\` -> csv-stringify \`stringify({ header: true })\`; the delimiter is given because csv-parse does not detect it)`);
    const t = results.pairs[0].audit.totals;
    out(`- audit verdicts: ${fmtInt(t.rows)} rows, ${fmtInt(t.clean)} clean, ${fmtInt(t.rejected)} rejected; reasons: ${Object.entries(results.pairs[0].audit.reasons ?? {}).map(([k, v]) => `${k} ${fmtInt(v)}`).join(', ')}`);
    out();
    out('| run | audit rows/s | audit s | audit CPU s | audit peak RSS MiB | bare rows/s | bare s | bare CPU s | bare peak RSS MiB | audit/bare (wall) | audit/bare (CPU) | load 1 min |');
    out('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    results.pairs.forEach((p, i) => {
      out(`| ${i + 1} | ${fmtInt(rows / p.audit.seconds)} | ${fmt(p.audit.seconds)} | ${fmt(p.audit.cpu_seconds)} | ${fmt(p.audit.rss_kib / 1024, 0)} | ${fmtInt(rows / p.bare.seconds)} | ${fmt(p.bare.seconds)} | ${fmt(p.bare.cpu_seconds)} | ${fmt(p.bare.rss_kib / 1024, 0)} | ${fmt(p.ratio)} | ${fmt(p.cpu_ratio)} | ${fmt(p.load1)} |`);
    });
    const ratio = median(results.pairs.map((p) => p.ratio));
    const cpuRatio = median(results.pairs.map((p) => p.cpu_ratio));
    const med = (f) => median(results.pairs.map(f));
    const auditS = med((p) => p.audit.seconds);
    const bareS = med((p) => p.bare.seconds);
    out(`| median | ${fmtInt(rows / auditS)} | ${fmt(auditS)} | ${fmt(med((p) => p.audit.cpu_seconds))} | ${fmt(med((p) => p.audit.rss_kib) / 1024, 0)} | ${fmtInt(rows / bareS)} | ${fmt(bareS)} | ${fmt(med((p) => p.bare.cpu_seconds))} | ${fmt(med((p) => p.bare.rss_kib) / 1024, 0)} | ${fmt(ratio)} | ${fmt(cpuRatio)} | |`);
    out();
    out(`**Median ratio audit/bare: ${fmt(ratio)}** (target <= 2.0; wall time of each child process, Node start-up included). `
      + `CPU time (user + system) ratio, less sensitive to other load on the machine: ${fmt(cpuRatio)}.`);
    results.median_ratio = ratio;
    results.median_cpu_ratio = cpuRatio;

    if (!args['no-consent-memory']) {
      note('consent index memory ...');
      const tmp = await mkdtemp(join(tmpdir(), 'leadaudit-bench-'));
      try {
        const r = await runNode(['--expose-gc', CONSENT_MEMORY, join(data.dir, FILES.consent)], { method, rssFile: join(tmp, 'rss') });
        if (r.code !== 0) throw new Error(`consent-memory exited with ${r.code}:\n${r.stderr.trim()}`);
        const m = JSON.parse(r.stdout.trim().split('\n').pop());
        results.consent_memory = { ...m, peak_rss_kib: r.rssKiB };
        out();
        out(`**Consent index: ${fmt(m.bytes_per_record, 1)} bytes a record** (target <= 100): ${fmtInt(m.indexed)} records indexed (${fmtInt(m.records)} read), `
          + `heapUsed+external grew by ${fmt(m.bytes / MiB, 1)} MiB (heap ${fmt(m.heap_used_bytes / MiB, 1)}, external ${fmt(m.external_bytes / MiB, 1)}, of which array buffers ${fmt(m.array_buffers_bytes / MiB, 1)}); `
          + `loaded in ${fmt(m.seconds)} s (${fmtInt(m.records_per_second)} records/s), peak RSS ${fmt(r.rssKiB / 1024, 0)} MiB. `
          + `Command: \`node --expose-gc scripts/bench/consent-memory.mjs ${rel(join(data.dir, FILES.consent))}\``);
      } finally {
        await rm(tmp, { recursive: true, force: true });
      }
    }
  }

  if (!args['no-startup'] && pairs > 0) {
    const data = await ensureData(dataDir, { rows, consent, seed, eol, parts: ['contacts', 'consent', 'notice', 'suppress'] });
    // Start-up (issue 5: a 10-row list in under 0.3 s): the first 10 rows of the list against a
    // 10-record consent file, wall time of the whole process, median of 15, next to `node -e 0`.
    note('start-up ...');
    const tmp = await mkdtemp(join(tmpdir(), 'leadaudit-startup-'));
    try {
      const text = await readFile(join(data.dir, FILES.contacts), 'utf8');
      const tiny = join(tmp, 'ten.csv');
      await writeFile(tiny, `${text.split('\n').slice(0, 11).join('\n')}\n`);
      const consentText = await readFile(join(data.dir, FILES.consent), 'utf8').catch(() => '');
      const tinyConsent = join(tmp, 'consent.csv');
      await writeFile(tinyConsent, `${consentText.split('\n').slice(0, 11).join('\n')}\n`);
      const wall = (argv) => {
        const t = process.hrtime.bigint();
        const r = spawnSync(process.execPath, argv, { stdio: 'ignore' });
        if (r.status !== 0) throw new Error(`start-up run exited with ${r.status}: ${argv.join(' ')}`);
        return Number(process.hrtime.bigint() - t) / 1e9;
      };
      const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const audits = [], bare = [];
      for (let i = 0; i < 15; i++) {
        bare.push(wall(['-e', '0']));
        audits.push(wall([CLI, 'audit', tiny, '--consent', tinyConsent, '--as-of', AS_OF, '--out-dir', join(tmp, 'out'), '--quiet']));
      }
      const a = median(audits), b = median(bare);
      results.startup = { audit_seconds: a, node_seconds: b, ratio: a / b };
      out();
      out(`**Start-up: ${fmt(a, 3)} s** for a 10-row audit, wall time, median of 15 (target < 0.3 s); \`node -e 0\` takes ${fmt(b, 3)} s on this machine now (ratio ${fmt(a / b, 1)}).`);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }

  if (scaling) {
    const [small, big] = scalingRows;
    const scConsent = args.consent ?? small;
    const base = await ensureData(dataDir, { rows: small, consent: scConsent, seed, eol, parts: ['contacts', 'consent', 'notice', 'suppress'] });
    const bigList = await ensureData(dataDir, { rows: big, consent: 0, seed, eol, parts: ['contacts'] });
    const runs = [];
    for (const [n, listPath] of [[small, join(base.dir, FILES.contacts)], [big, join(bigList.dir, FILES.contacts)]]) {
      await warmCache(listPath);
      note(`memory scaling: audit of ${fmtInt(n)} rows ...`);
      const a = await runAudit(base, listPath, n, opts);
      runs.push({ rows: n, distinct: distinctNumbers(a.report), seconds: a.seconds, cpu_seconds: a.cpuSeconds, rss_kib: a.rssKiB, command: a.command });
    }
    const perNumber = ((runs[1].rss_kib - runs[0].rss_kib) * 1024) / (runs[1].distinct - runs[0].distinct);
    results.memory_scaling = { runs, bytes_per_distinct_number: perNumber };
    out();
    out(`### Memory scaling (same consent file: \`${rel(join(base.dir, FILES.consent))}\`, ${fmtInt(base.meta.consent)} records)`);
    out();
    out('| rows | distinct valid numbers | seconds | CPU s | rows/s | peak RSS MiB |');
    out('|---:|---:|---:|---:|---:|---:|');
    for (const r of runs) out(`| ${fmtInt(r.rows)} | ${fmtInt(r.distinct)} | ${fmt(r.seconds)} | ${fmt(r.cpu_seconds)} | ${fmtInt(r.rows / r.seconds)} | ${fmt(r.rss_kib / 1024, 0)} |`);
    out();
    out(`**Peak RSS growth: ${fmt(perNumber, 1)} bytes a distinct number** ((RSS ${fmtInt(big)} - RSS ${fmtInt(small)}) / (distinct ${fmtInt(big)} - distinct ${fmtInt(small)}); target <= 40). `
      + 'Distinct valid numbers = rows - ROW_MALFORMED - PHONE_MISSING - PHONE_INVALID - DUPLICATE, from report.json.');
  }

  out();
  out(`- load average at end (1/5/15 min): ${loadavg().map((l) => fmt(l)).join(' / ')}`);
  targets(results);
  const stamp = `r${rows}-s${seed}`;
  await mkdir(join(dataDir, 'results'), { recursive: true });
  await writeFile(join(dataDir, 'results', `${stamp}.json`), JSON.stringify(results, null, 2) + '\n');
  await writeFile(join(dataDir, 'results', `${stamp}.md`), transcript);
  note(`results saved to ${rel(join(dataDir, 'results', stamp))}.{md,json}`);
}

/** The issue's targets, each with what this run measured (not measured: skipped by an option). */
function targets(results) {
  const rows = [
    ['throughput: audit/bare wall-time ratio, median', results.median_ratio, (v) => fmt(v), (v) => v <= 2.0, '<= 2.0'],
    ['consent index bytes a record', results.consent_memory?.bytes_per_record, (v) => fmt(v, 1), (v) => v <= 100, '<= 100'],
    ['peak RSS growth, bytes a distinct number', results.memory_scaling?.bytes_per_distinct_number, (v) => fmt(v, 1), (v) => v <= 40, '<= 40'],
    ['start-up: 10-row audit, seconds', results.startup?.audit_seconds, (v) => fmt(v, 3), (v) => v < 0.3, '< 0.3'],
  ];
  results.targets = {};
  out();
  out('| target | measured | goal | met |');
  out('|---|---:|---:|---|');
  for (const [name, value, show, ok, goal] of rows) {
    const met = value === undefined ? undefined : ok(value);
    results.targets[name] = { value: value ?? null, goal, met: met ?? null };
    out(`| ${name} | ${value === undefined ? 'not measured' : show(value)} | ${goal} | ${met === undefined ? '' : met ? 'yes' : '**no**'} |`);
  }
  if (results.rows < 1_000_000) out(`\nThe issue's figures are for at least 1,000,000 rows and consent records; this run had ${fmtInt(results.rows)}.`);
}

main().catch((e) => {
  process.stderr.write(`bench: ${e.message}\n`);
  if (/unknown option|needs a value|unexpected argument/.test(e.message)) process.stderr.write(USAGE + '\n');
  process.exitCode = 1;
});
