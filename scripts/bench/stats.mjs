/**
 * The benchmark's pure logic (issue #16 item 6), kept apart from anything that runs or times a
 * process so that test/unit/bench-stats.test.ts can check it: medians, the spread of a series of
 * ratios and the rule that stops the alternating pairs, GNU time's output, load-average
 * formatting and the targets table.
 */

export const fmt = (n, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
export const fmtInt = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');

export function median(xs) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * The spread of a series around its median: (max - min) / median. 0.1 means the largest and the
 * smallest value are 10% of the median apart. NaN for fewer than two values (no spread to speak
 * of yet) or a median that is not positive.
 */
export function spread(xs) {
  if (xs.length < 2) return NaN;
  const m = median(xs);
  if (!(m > 0)) return NaN;
  return (Math.max(...xs) - Math.min(...xs)) / m;
}

/**
 * Whether the alternating pairs may stop: at least `min` pairs have run and every watched series
 * of ratios has a spread within `limit`, or `max` pairs have run. `series` holds one array of
 * ratios per watched ratio (all the same length: one value a pair).
 * Returns { stop, why } with why 'settled', 'max' or undefined.
 */
export function stopRule(series, { min = 3, max = 7, limit = 0.1 } = {}) {
  const n = series.length === 0 ? 0 : Math.min(...series.map((s) => s.length));
  if (n >= min && series.every((s) => spread(s) <= limit)) return { stop: true, why: 'settled' };
  if (n >= max) return { stop: true, why: 'max' };
  return { stop: false, why: undefined };
}

/** The benchmark's GNU time format: wall seconds, user seconds, system seconds, peak RSS KiB. */
export const TIME_FORMAT = '%e %U %S %M';

/**
 * Reads what `/usr/bin/time -f '%e %U %S %M' -o FILE` wrote. GNU time puts a line such as
 * "Command exited with non-zero status 2" or "Command terminated by signal 9" before its own when
 * the command failed, so the last line of four numbers is taken. Returns undefined when there is
 * none (the file is empty or from another format).
 */
export function parseTimeOutput(text) {
  const lines = String(text).split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /^(\d+(?:\.\d+)?) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?) (\d+)$/.exec(lines[i]);
    if (!m) continue;
    const [wall, user, sys, rss] = m.slice(1).map(Number);
    return { wallSeconds: wall, userSeconds: user, systemSeconds: sys, cpuSeconds: user + sys, rssKiB: rss };
  }
  return undefined;
}

/** The 1-minute load average before and after a measurement: "1.52→2.03" (one value when they round the same). */
export function fmtLoad(before, after) {
  const b = fmt(before);
  if (after === undefined || fmt(after) === b) return b;
  return `${b}→${fmt(after)}`;
}

/** The load averages seen over several measurements, as a range: "1.40-2.31" (one value when all round the same). */
export function loadRange(samples) {
  const xs = samples.filter(Number.isFinite);
  if (xs.length === 0) return 'n/a';
  const lo = fmt(Math.min(...xs));
  const hi = fmt(Math.max(...xs));
  return lo === hi ? lo : `${lo}-${hi}`;
}

/** Every load sample (before and after) of a list of measurements made by measure.mjs. */
export const loadsOf = (runs) => runs.flatMap((r) => (r ? [r.load?.before, r.load?.after] : [])).filter(Number.isFinite);

/**
 * The issue's targets, each with what the run measured. `m` holds the figures (undefined: not
 * measured in this run); each row: { name, value, shown, goal, met, load } with met true, false or
 * undefined (not measured, or a figure without a goal).
 */
export function targetRows(m) {
  const row = (name, value, show, goal, test, load, extra) => {
    const measured = Number.isFinite(value);
    return {
      name,
      value: measured ? value : null,
      shown: measured ? `${show(value)}${extra ? ` (${extra})` : ''}` : (extra && value === undefined ? `not measured (${extra})` : 'not measured'),
      goal,
      met: measured && test ? test(value) : undefined,
      load: load ?? '',
    };
  };
  // Seconds on a loaded machine stretch with the load: the CPU time goes beside them.
  const cpu = (x) => (Number.isFinite(x) ? `CPU ${fmt(x)} s` : undefined);
  const hashNote = (e) => [cpu(e?.laterCpu), e && Number.isFinite(e.hashSeconds) ? `hashing the consent file alone: ${fmt(e.hashSeconds)} s` : undefined].filter(Boolean).join('; ') || undefined;
  const e5 = m.evidence5m;
  const e20 = m.evidence20m;
  // "< 1 s besides hashing the consent file": met when the run is under 1 s, or under 1 s once the
  // time to hash the file alone is taken off (then the table says so).
  const besidesHashing = (e) => (s) => s < 1 || (Number.isFinite(e?.hashSeconds) && s - e.hashSeconds < 1);
  return [
    row('audit / bare pass, 1M rows, index from a snapshot, CPU-time ratio (median)', m.snapshotCpuRatio, (v) => fmt(v), '<= 1.0', (v) => v <= 1.0, m.snapshotLoad,
      Number.isFinite(m.snapshotWallRatio) ? `wall ${fmt(m.snapshotWallRatio)}` : m.snapshotMissing),
    row('the same, index rebuilt (first run), CPU-time ratio (median)', m.rebuiltCpuRatio, (v) => fmt(v), '<= 1.4', (v) => v <= 1.4, m.rebuiltLoad,
      Number.isFinite(m.rebuiltWallRatio) ? `wall ${fmt(m.rebuiltWallRatio)}` : undefined),
    row('10-row audit against 5M consent records, snapshot present, s', e5?.laterSeconds, (v) => fmt(v), '< 1 (besides hashing)', e5 && besidesHashing(e5), e5?.laterLoad,
      Number.isFinite(e5?.laterSeconds) ? hashNote(e5) : e5?.missing),
    row('10-row audit against 5M consent records, first run (no snapshot), s', e5?.firstSeconds, (v) => fmt(v), 'say it', undefined, e5?.firstLoad, cpu(e5?.firstCpu)),
    row('20M consent records: first run, s', e20?.firstSeconds, (v) => fmt(v), 'say it', undefined, e20?.firstLoad, e20 ? cpu(e20.firstCpu) : 'needs --large'),
    row('20M consent records: later runs, s', e20?.laterSeconds, (v) => fmt(v), '< 10', (v) => v < 10, e20?.laterLoad,
      e20 ? (Number.isFinite(e20.laterSeconds) ? hashNote(e20) : e20.missing) : 'needs --large'),
    row('consent index bytes a record', m.bytesPerRecord, (v) => fmt(v, 1), '<= 100', (v) => v <= 100, m.bytesPerRecordLoad),
    row('peak RSS growth, bytes a distinct number', m.rssPerNumber, (v) => fmt(v, 1), '<= 40', (v) => v <= 40, m.rssPerNumberLoad),
    row('start-up: 10-row audit, s (issue #5)', m.startupSeconds, (v) => fmt(v, 3), '< 0.3', (v) => v < 0.3, m.startupLoad, Number.isFinite(m.startupCpu) ? `CPU ${fmt(m.startupCpu, 3)} s` : undefined),
  ];
}

/** The targets table as Markdown lines. */
export function targetLines(rows) {
  const lines = ['| target | measured | goal | met | load average (1 min) |', '|---|---:|---:|---|---:|'];
  for (const r of rows) {
    const met = r.met === undefined ? '' : r.met ? 'met' : '**not met**';
    lines.push(`| ${r.name} | ${r.shown} | ${r.goal} | ${met} | ${r.load} |`);
  }
  return lines;
}
