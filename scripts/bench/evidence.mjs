/**
 * Large consent evidence (issue #16 targets): a 10-row audit against M consent records, the first
 * run (no snapshot: the index is built and the snapshot written) and later runs (the snapshot
 * loaded), next to the time SHA-256 takes over the consent file alone. The consent log is
 * generated for the 1,000,000-row list (about 70% of its numbers covered, the rest numbers not in
 * it) and reused from bench-data/ afterwards.
 */
import { join } from 'node:path';
import { FILES } from './generate.mjs';
import { ensureData, indexFlags, note, runAudit, runHash, writeHead } from './contestants.mjs';
import { rel, warmCache, withTmp } from './measure.mjs';
import { fmt, fmtInt, fmtLoad, loadRange, loadsOf, median } from './stats.mjs';

/** The list the evidence's consent logs are made for. */
export const EVIDENCE_LIST_ROWS = 1_000_000;
const LATER_RUNS = 3;
const HASH_RUNS = 3;

/** "5000000,20000000" -> [5000000, 20000000]; "none" -> []. */
export function parseSteps(text) {
  if (text === 'none' || text === '') return [];
  const steps = text.split(',').map((s) => Number(s.trim().replace(/_/g, '')));
  if (!steps.every((n) => Number.isSafeInteger(n) && n > 0)) throw new Error('--evidence-steps must be consent record counts separated by commas, e.g. 5000000,20000000, or none');
  return steps;
}

/** `ctx`: { out, method, dataDir, seed, eol, snapshots, steps }. Resolves to one entry a step. */
export async function evidenceSteps(ctx) {
  const { out, method, snapshots } = ctx;
  const done = [];
  if (ctx.steps.length === 0) return done;
  out();
  out('### Large consent evidence: a 10-row audit');
  out();
  out(`The first 10 rows of the generated list against a consent log of M records made for the ${fmtInt(EVIDENCE_LIST_ROWS)}-row list; `
    + `the first run starts with an empty --index-cache directory (the index is built and its snapshot written), the later runs (median of ${LATER_RUNS}) load that snapshot. `
    + `"hashing alone": \`node scripts/bench/hash-file.mjs CONSENT\`, SHA-256 with node:crypto over the file in 1 MiB reads, the hashing's own time (median of ${HASH_RUNS}), Node's start-up not included.`);
  if (!snapshots) out('\nIndex from a snapshot: not available in this build (`leadaudit index --help` fails); every run rebuilds the index, so only the first run is measured.');
  out();
  out('| consent records | file MiB | run | wall s | CPU s | peak RSS MiB | load 1 min | consent_index.source |');
  out('|---:|---:|---|---:|---:|---:|---:|---|');
  for (const records of ctx.steps) {
    const data = await ensureData(ctx.dataDir, { rows: EVIDENCE_LIST_ROWS, consent: records, seed: ctx.seed, eol: 'lf', parts: ['consent'] });
    const consent = join(data.dir, FILES.consent);
    const mib = data.meta.files.consent.bytes / 1048576;
    await warmCache(consent);
    const step = { records, file: rel(consent), bytes: data.meta.files.consent.bytes };
    const row = (run, m, source = '') => out(`| ${fmtInt(records)} | ${fmt(mib, 0)} | ${run} | ${fmt(m.seconds)} | ${fmt(m.cpuSeconds)} | ${fmt(m.rssKiB / 1024, 0)} | ${fmtLoad(m.load.before, m.load.after)} | ${source} |`);

    note(`evidence ${fmtInt(records)}: hashing the consent file alone ...`);
    const hashes = [];
    for (let i = 0; i < HASH_RUNS; i++) hashes.push(await runHash(consent, { method }));
    const hashSeconds = median(hashes.map((h) => h.info.seconds));
    step.hash = { seconds: hashSeconds, cpu_seconds: median(hashes.map((h) => h.cpuSeconds)), mib_per_second: median(hashes.map((h) => h.info.mib_per_second)), load: loadRange(loadsOf(hashes)) };
    out(`| ${fmtInt(records)} | ${fmt(mib, 0)} | hashing alone: ${fmt(hashSeconds)} s in-process (${fmt(step.hash.mib_per_second, 0)} MiB/s) | ${fmt(median(hashes.map((h) => h.seconds)))} | ${fmt(step.hash.cpu_seconds)} | ${fmt(median(hashes.map((h) => h.rssKiB)) / 1024, 0)} | ${step.hash.load} | |`);

    await withTmp('leadaudit-bench-evidence-', async (tmp) => {
      const ten = join(tmp, 'ten.csv');
      await writeHead(ten, { rows: 10, seed: ctx.seed, eol: ctx.eol });
      const cacheDir = join(tmp, 'cache');
      const inputs = { list: ten, consent };
      const index = snapshots ? indexFlags('cache', cacheDir) : [];
      note(`evidence ${fmtInt(records)}: first run ...`);
      const first = await runAudit(inputs, 10, { method, index });
      row('first run', first, first.source ?? '');
      step.first = { seconds: first.seconds, cpu_seconds: first.cpuSeconds, rss_kib: first.rssKiB, load: first.load, source: first.source ?? null, command: first.command.replaceAll(tmp, '<tmp>') };
      if (!snapshots) return;
      const later = [];
      for (let i = 0; i < LATER_RUNS; i++) {
        note(`evidence ${fmtInt(records)}: later run ${i + 1}/${LATER_RUNS} ...`);
        const r = await runAudit(inputs, 10, { method, index });
        row(`later run ${i + 1}`, r, r.source ?? '');
        later.push(r);
      }
      step.later = {
        seconds: median(later.map((r) => r.seconds)),
        cpu_seconds: median(later.map((r) => r.cpuSeconds)),
        rss_kib: median(later.map((r) => r.rssKiB)),
        load: loadRange(loadsOf(later)),
        sources: later.map((r) => r.source ?? null),
      };
      if (later.some((r) => r.source !== 'snapshot')) step.snapshot_not_used = true;
    });
    done.push(step);
  }
  out();
  for (const s of done) {
    const later = s.later ? `later runs ${fmt(s.later.seconds)} s (median, load ${s.later.load})` : 'later runs: not available in this build';
    out(`- ${fmtInt(s.records)} consent records (\`${s.file}\`): first run ${fmt(s.first.seconds)} s (load ${fmtLoad(s.first.load.before, s.first.load.after)}), ${later}; `
      + `hashing the file alone ${fmt(s.hash.seconds)} s (${fmt(s.hash.mib_per_second, 0)} MiB/s, load ${s.hash.load})`
      + `${s.snapshot_not_used ? '; **a later run did not load the snapshot**' : ''}. Command: \`${s.first.command}\``);
  }
  return done;
}

/** A step's figures for the targets table. */
export function evidenceFigures(step, snapshots) {
  if (!step) return undefined;
  return {
    firstSeconds: step.first.seconds,
    firstCpu: step.first.cpu_seconds,
    laterCpu: step.later?.cpu_seconds,
    firstLoad: fmtLoad(step.first.load.before, step.first.load.after),
    laterSeconds: step.later?.seconds,
    laterLoad: step.later?.load,
    hashSeconds: step.hash.seconds,
    missing: snapshots ? (step.snapshot_not_used ? 'the snapshot was not loaded' : undefined) : 'no snapshot in this build',
  };
}
