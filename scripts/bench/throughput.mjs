/**
 * The audit against the bare CSV pass (issue #16 item 6): alternating rounds of the audit with
 * its consent index from a snapshot, the bare pass and the audit with the index rebuilt (the first
 * run), each in its own process, until every ratio's spread is within the limit or the maximum
 * number of pairs has run. Every figure is printed with the 1-minute load average at its time.
 */
import { indexFlags, note, runAudit, runBare, runIndex } from './contestants.mjs';
import { withTmp } from './measure.mjs';
import { fmt, fmtInt, fmtLoad, loadRange, loadsOf, median, spread, stopRule } from './stats.mjs';

const pct = (x) => (Number.isFinite(x) ? `${fmt(x * 100, 1)}%` : 'n/a');

/**
 * `ctx`: { out, method, rows, inputs, snapshots (bool), pairs: { min, max, limit } }.
 * Resolves to the figures for results.json and the targets table.
 */
export async function throughput(ctx) {
  const { out, method, rows, inputs, snapshots } = ctx;
  return withTmp('leadaudit-bench-cache-', async (cacheDir) => {
    const res = { rounds: [], snapshots };
    if (snapshots) {
      note('leadaudit index (the snapshot the audits load) ...');
      try {
        const ix = await runIndex(inputs.consent, cacheDir, { method });
        res.index = { seconds: ix.seconds, cpu_seconds: ix.cpuSeconds, rss_kib: ix.rssKiB, load: ix.load, command: ix.command };
        out(`- snapshot prepared with \`${ix.command}\` (a fresh temporary directory): ${fmt(ix.seconds)} s, CPU ${fmt(ix.cpuSeconds)} s, peak RSS ${fmt(ix.rssKiB / 1024, 0)} MiB, load ${fmtLoad(ix.load.before, ix.load.after)}`);
      } catch (e) {
        // The audit with --index-cache writes the snapshot itself: one untimed run prepares it.
        out(`- **leadaudit index failed** (${e.message.split('\n')[0]}); the snapshot is written by one untimed audit with --index-cache instead`);
        await runAudit(inputs, rows, { method, index: indexFlags('cache', cacheDir) });
      }
    } else {
      out('- index from a snapshot: not available in this build (`leadaudit index --help` fails); the audit rebuilds its index every run');
    }
    const variants = snapshots ? ['snapshot', 'rebuilt'] : ['rebuilt'];
    const flags = { snapshot: indexFlags('cache', cacheDir), rebuilt: snapshots ? indexFlags('rebuilt') : [] };
    for (let i = 1; ; i++) {
      // Odd rounds: snapshot, bare, rebuilt; even rounds the other way round (drift cancels out).
      const order = i % 2 ? variants : [...variants].reverse();
      const round = { audits: {} };
      const [first, second] = order;
      round.audits[first] = await timedAudit(first, i);
      note(`round ${i}: bare pass ...`);
      round.bare = await runBare(inputs.list, rows, { method });
      if (second) round.audits[second] = await timedAudit(second, i);
      for (const v of variants) {
        const a = round.audits[v];
        a.ratio = a.seconds / round.bare.seconds;
        a.cpu_ratio = a.cpuSeconds / round.bare.cpuSeconds;
      }
      res.rounds.push(round);
      const series = variants.flatMap((v) => [res.rounds.map((r) => r.audits[v].ratio), res.rounds.map((r) => r.audits[v].cpu_ratio)]);
      const { stop, why } = stopRule(series, ctx.pairs);
      note(`round ${i}: ${variants.map((v) => `${v} ${fmt(round.audits[v].ratio)} wall, ${fmt(round.audits[v].cpu_ratio)} CPU`).join('; ')}; spreads ${series.map((s) => pct(spread(s))).join(', ')}`);
      if (stop) { res.stopped = why; break; }
    }

    async function timedAudit(variant, i) {
      note(`round ${i}: audit (${variant}) ...`);
      const a = await runAudit(inputs, rows, { method, index: flags[variant] });
      if (variant === 'snapshot' && a.source !== 'snapshot') res.snapshot_not_used = a.source ?? 'not reported';
      return a;
    }

    printRuns(out, res, variants, rows);
    const summary = {};
    for (const v of variants) {
      const runs = res.rounds.map((r) => r.audits[v]);
      summary[v] = {
        wall_ratio: median(runs.map((a) => a.ratio)),
        cpu_ratio: median(runs.map((a) => a.cpu_ratio)),
        wall_spread: spread(runs.map((a) => a.ratio)),
        cpu_spread: spread(runs.map((a) => a.cpu_ratio)),
        load: loadRange([...loadsOf(runs), ...loadsOf(res.rounds.map((r) => r.bare))]),
        source: runs[0].source ?? null,
      };
    }
    const n = res.rounds.length;
    out();
    for (const v of variants) {
      const s = summary[v];
      out(`**audit (${v === 'snapshot' ? 'index from a snapshot' : snapshots ? 'index rebuilt, --no-cache' : 'index rebuilt'}) / bare pass: CPU-time ratio ${fmt(s.cpu_ratio)}, wall ratio ${fmt(s.wall_ratio)}** `
        + `(medians of ${n} pairs; spread (max - min) / median: CPU ${pct(s.cpu_spread)}, wall ${pct(s.wall_spread)}; load average ${s.load}; report.json consent_index.source: ${s.source ?? 'not reported'})`);
    }
    out();
    out(res.stopped === 'settled'
      ? `Stopped after ${n} pairs: every ratio's spread was within ${pct(ctx.pairs.limit)} (at least ${ctx.pairs.min} pairs).`
      : `Stopped after ${n} pairs, the most allowed (--max-pairs ${ctx.pairs.max}${ctx.pairs.min === ctx.pairs.max ? ', forced by --pairs' : ''}); ratios whose spread is above ${pct(ctx.pairs.limit)} were not settled.`);
    if (res.snapshot_not_used) out(`\n**The audit with --index-cache did not load the snapshot** (report.json consent_index.source: ${res.snapshot_not_used}); its figures are not those of an index from a snapshot.`);
    return {
      ...summary,
      pairs: n,
      stopped: res.stopped,
      index: res.index,
      snapshot_not_used: res.snapshot_not_used,
      rounds: res.rounds.map((r) => ({
        bare: pick(r.bare),
        audits: Object.fromEntries(Object.entries(r.audits).map(([k, a]) => [k, { ...pick(a), ratio: a.ratio, cpu_ratio: a.cpu_ratio, source: a.source ?? null }])),
      })),
      audit_commands: Object.fromEntries(variants.map((v) => [v, res.rounds[0].audits[v].command])),
      bare_command: res.rounds[0].bare.command,
      first_report: res.rounds[0].audits[variants[0]].report,
    };
  });
}

const pick = (r) => ({ seconds: r.seconds, cpu_seconds: r.cpuSeconds, rss_kib: r.rssKiB, load: r.load });

function printRuns(out, res, variants, rows) {
  const first = res.rounds[0];
  for (const v of variants) out(`- audit (${v}): \`${first.audits[v].command.replace(/--index-cache \S+/, '--index-cache <cache>')}\``);
  out(`- bare pass: \`${first.bare.command}\` (csv-parse \`parse({ columns: true, delimiter: ';' })\` -> csv-stringify \`stringify({ header: true })\`; the delimiter is given because csv-parse does not detect it)`);
  const t = first.audits[variants[0]].report.totals;
  out(`- audit verdicts: ${fmtInt(t.rows)} rows, ${fmtInt(t.clean)} clean, ${fmtInt(t.rejected)} rejected; reasons: ${Object.entries(first.audits[variants[0]].report.reasons ?? {}).map(([k, v]) => `${k} ${fmtInt(v)}`).join(', ')}`);
  out();
  out('| pair | run | rows/s | wall s | CPU s | peak RSS MiB | load 1 min (before→after) | audit/bare wall | audit/bare CPU |');
  out('|---:|---|---:|---:|---:|---:|---:|---:|---:|');
  res.rounds.forEach((r, i) => {
    const line = (name, m, ratios) => out(`| ${i + 1} | ${name} | ${fmtInt(rows / m.seconds)} | ${fmt(m.seconds)} | ${fmt(m.cpuSeconds)} | ${fmt(m.rssKiB / 1024, 0)} | ${fmtLoad(m.load.before, m.load.after)} | ${ratios ? fmt(m.ratio) : ''} | ${ratios ? fmt(m.cpu_ratio) : ''} |`);
    line('bare pass', r.bare, false);
    for (const v of variants) line(`audit, ${v === 'snapshot' ? 'snapshot' : 'rebuilt'}`, r.audits[v], true);
  });
}

