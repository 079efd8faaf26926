/**
 * The benchmark's memory and start-up steps (issue #5, kept by issue #16): the consent index's
 * bytes a record, start-up of a 10-row audit, and the peak RSS growth per distinct number between
 * an N-row and a 4N-row audit against the same consent file.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FILES } from './generate.mjs';
import { distinctNumbers, ensureData, fullInputs, indexFlags, note, runAudit, writeHead } from './contestants.mjs';
import { ROOT, lastJson, rel, runNode, warmCache, withTmp } from './measure.mjs';
import { fmt, fmtInt, fmtLoad, loadRange, loadsOf, median } from './stats.mjs';

const CONSENT_MEMORY = join(ROOT, 'scripts/bench/consent-memory.mjs');
const MiB = 1048576;

/** scripts/bench/consent-memory.mjs over the data set's consent file. */
export async function consentMemory({ out, method }, consentFile) {
  note('consent index memory ...');
  const r = await runNode(['--expose-gc', CONSENT_MEMORY, consentFile], { method });
  if (r.code !== 0) throw new Error(`consent-memory exited with ${r.code}:\n${r.stderr.trim()}`);
  const m = lastJson(r.stdout);
  const load = fmtLoad(r.load.before, r.load.after);
  out();
  out(`**Consent index: ${fmt(m.bytes_per_record, 1)} bytes a record** (target <= 100; load ${load}): ${fmtInt(m.indexed)} records indexed (${fmtInt(m.records)} read), `
    + `heapUsed+external grew by ${fmt(m.bytes / MiB, 1)} MiB (heap ${fmt(m.heap_used_bytes / MiB, 1)}, external ${fmt(m.external_bytes / MiB, 1)}, of which array buffers ${fmt(m.array_buffers_bytes / MiB, 1)}); `
    + `loaded in ${fmt(m.seconds)} s (${fmtInt(m.records_per_second)} records/s), peak RSS ${fmt(r.rssKiB / 1024, 0)} MiB. `
    + `Command: \`node --expose-gc scripts/bench/consent-memory.mjs ${rel(consentFile)}\``);
  return { ...m, peak_rss_kib: r.rssKiB, cpu_seconds: r.cpuSeconds, load: r.load, loadShown: load };
}

/**
 * Start-up (issue #5: a 10-row list in under 0.3 s): the first 10 rows of the list against a
 * 10-record consent file, wall time of the whole process, median of 15, next to `node -e 0`.
 */
export async function startup({ out, method, seed, eol, snapshots }, consentFile) {
  note('start-up ...');
  return withTmp('leadaudit-startup-', async (tmp) => {
    const ten = join(tmp, 'ten.csv');
    await writeHead(ten, { rows: 10, seed, eol });
    const consentText = await readFile(consentFile, 'utf8');
    const tinyConsent = join(tmp, 'consent.csv');
    await writeFile(tinyConsent, `${consentText.split('\n').slice(0, 11).join('\n')}\n`);
    const index = snapshots ? indexFlags('cache', join(tmp, 'cache')) : [];
    const audits = [];
    const bare = [];
    for (let i = 0; i < 15; i++) {
      const b = await runNode(['-e', '0'], { method });
      if (b.code !== 0) throw new Error(`node -e 0 exited with ${b.code}`);
      bare.push(b);
      audits.push(await runAudit({ list: ten, consent: tinyConsent }, 10, { method, index }));
    }
    const a = median(audits.map((r) => r.seconds));
    const b = median(bare.map((r) => r.seconds));
    const load = loadRange(loadsOf([...audits, ...bare]));
    out();
    out(`**Start-up: ${fmt(a, 3)} s** for a 10-row audit (CPU ${fmt(median(audits.map((r) => r.cpuSeconds)), 3)} s), wall time, median of 15 (target < 0.3 s); `
      + `\`node -e 0\` takes ${fmt(b, 3)} s (CPU ${fmt(median(bare.map((r) => r.cpuSeconds)), 3)} s) on this machine now (ratio ${fmt(a / b, 1)}); load ${load}.`);
    return { audit_seconds: a, audit_cpu_seconds: median(audits.map((r) => r.cpuSeconds)), node_seconds: b, ratio: a / b, load };
  });
}

/** Audits N and 4N rows against the same consent file; peak RSS growth per distinct number. */
export async function memoryScaling({ out, method, dataDir, seed, eol, minimal, snapshots }, [small, big], consent) {
  const base = await ensureData(dataDir, { rows: small, consent: consent ?? small, seed, eol, parts: ['contacts', 'consent', 'notice', 'suppress'] });
  const bigList = await ensureData(dataDir, { rows: big, consent: 0, seed, eol, parts: ['contacts'] });
  const runs = [];
  for (const [n, listPath] of [[small, join(base.dir, FILES.contacts)], [big, join(bigList.dir, FILES.contacts)]]) {
    await warmCache(listPath);
    note(`memory scaling: audit of ${fmtInt(n)} rows ...`);
    const a = await runAudit(fullInputs(base, listPath, minimal), n, { method, index: snapshots ? indexFlags('rebuilt') : [] });
    runs.push({ rows: n, distinct: distinctNumbers(a.report), seconds: a.seconds, cpu_seconds: a.cpuSeconds, rss_kib: a.rssKiB, load: a.load, command: a.command });
  }
  const perNumber = ((runs[1].rss_kib - runs[0].rss_kib) * 1024) / (runs[1].distinct - runs[0].distinct);
  const load = loadRange(loadsOf(runs));
  out();
  out(`### Memory scaling (same consent file: \`${rel(join(base.dir, FILES.consent))}\`, ${fmtInt(base.meta.consent)} records${snapshots ? '; --no-cache' : ''})`);
  out();
  out('| rows | distinct valid numbers | wall s | CPU s | rows/s | peak RSS MiB | load 1 min |');
  out('|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of runs) out(`| ${fmtInt(r.rows)} | ${fmtInt(r.distinct)} | ${fmt(r.seconds)} | ${fmt(r.cpu_seconds)} | ${fmtInt(r.rows / r.seconds)} | ${fmt(r.rss_kib / 1024, 0)} | ${fmtLoad(r.load.before, r.load.after)} |`);
  out();
  out(`**Peak RSS growth: ${fmt(perNumber, 1)} bytes a distinct number** ((RSS ${fmtInt(big)} - RSS ${fmtInt(small)}) / (distinct ${fmtInt(big)} - distinct ${fmtInt(small)}); target <= 40; load ${load}). `
    + 'Distinct valid numbers = rows - ROW_MALFORMED - PHONE_MISSING - PHONE_INVALID - DUPLICATE, from report.json.');
  return { runs, bytes_per_distinct_number: perNumber, load };
}
