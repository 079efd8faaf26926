/**
 * The benchmark's data sets and the processes it times: the audit (with the consent index rebuilt,
 * or loaded from a snapshot when this build has `leadaudit index`), the bare CSV pass, and
 * hashing a consent file alone.
 */
import { spawnSync } from 'node:child_process';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AS_OF, FILES, GENERATOR_VERSION, contactChunks, generate } from './generate.mjs';
import { CLI, ROOT, lastJson, rel, runNode, showCommand, withTmp } from './measure.mjs';
import { fmtInt } from './stats.mjs';

const BARE = join(ROOT, 'scripts/bench/bare-pass.mjs');
const HASH = join(ROOT, 'scripts/bench/hash-file.mjs');

export function note(line) {
  process.stderr.write(`bench: ${line}\n`);
}

async function readMeta(dir) {
  try { return JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8')); } catch { return undefined; }
}

/** A data set's directory name, after its parameters. */
export function dataName({ rows, consent, seed, eol, parts }) {
  const e = eol === 'lf' ? '' : `-${eol}`;
  if (parts.length === 1 && parts[0] === 'consent') return `r${rows}-c${consent}-s${seed}-consent`;
  return parts.includes('consent') ? `r${rows}-c${consent}-s${seed}${e}` : `r${rows}-list-s${seed}${e}`;
}

/** Generates a data set into DIR/<name>/ unless a complete one with these parameters is there. */
export async function ensureData(dataDir, params) {
  const { rows, consent, seed, eol, parts } = params;
  const dir = join(dataDir, dataName(params));
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

/** The first `rows` rows of the generated list (the first N rows of a longer list are the N-row list). */
export async function writeHead(path, { rows, seed, eol }) {
  await writeFile(path, [...contactChunks({ rows, seed, eol })].join(''));
}

/**
 * Whether this build has the consent index snapshot (issue #16 item 1): `leadaudit index --help`
 * prints the command's help and the audit knows --index-cache and --no-cache.
 */
export function snapshotSupport() {
  // A build without the command prints the program's help for `index --help` and exits 0.
  const index = spawnSync(process.execPath, [CLI, 'index', '--help'], { cwd: ROOT, encoding: 'utf8' });
  if (index.status !== 0 || !/leadaudit index/.test(index.stdout)) return false;
  const audit = spawnSync(process.execPath, [CLI, 'audit', '--help'], { cwd: ROOT, encoding: 'utf8' });
  return audit.status === 0 && /--index-cache/.test(audit.stdout) && /--no-cache/.test(audit.stdout);
}

/**
 * How the audit gets its consent index: 'rebuilt' (--no-cache when the build knows it), 'cache'
 * (--index-cache DIR: a snapshot when one is there, else built and written), or 'plain' (a build
 * without snapshots: no flag).
 */
export function indexFlags(mode, cacheDir) {
  if (mode === 'rebuilt') return ['--no-cache'];
  if (mode === 'cache') return ['--index-cache', cacheDir];
  return [];
}

/**
 * One audit run. `inputs`: { list, consent, notice?, suppress? }; `index`: indexFlags()'s answer.
 * Resolves to the measurement plus the report and where the consent index came from.
 */
export async function runAudit(inputs, rows, { method, index = [] }) {
  return withTmp('leadaudit-bench-', async (tmp) => {
    const outDir = join(tmp, 'out');
    const args = [CLI, 'audit', inputs.list, '--consent', inputs.consent];
    if (inputs.notice) args.push('--notice', inputs.notice);
    if (inputs.suppress) args.push('--suppress', inputs.suppress);
    args.push('--as-of', AS_OF, '--out-dir', outDir, '--quiet', ...index);
    const r = await runNode(args, { method });
    const command = showCommand(args).replaceAll(tmp, '<tmp>');
    if (r.code !== 0) throw new Error(`the audit exited with ${r.code}:\n${command}\n${r.stderr.trim()}`);
    const report = JSON.parse(await readFile(join(outDir, 'report.json'), 'utf8'));
    if (report.totals?.rows !== rows) throw new Error(`the audit read ${report.totals?.rows} rows, expected ${rows}`);
    return { ...r, report, source: report.consent_index?.source, command };
  });
}

/** The bare csv-parse -> csv-stringify pass over the list. */
export async function runBare(list, rows, { method }) {
  return withTmp('leadaudit-bench-', async (tmp) => {
    const args = [BARE, list, join(tmp, 'bare.csv')];
    const r = await runNode(args, { method });
    if (r.code !== 0) throw new Error(`the bare pass exited with ${r.code}:\n${r.stderr.trim()}`);
    const info = lastJson(r.stdout);
    if (info.rows !== rows) throw new Error(`the bare pass read ${info.rows} rows, expected ${rows}`);
    return { ...r, info, command: showCommand(args).replaceAll(tmp, '<tmp>') };
  });
}

/** `leadaudit index CONSENT --index-cache DIR`: writes the snapshot the later audits load. */
export async function runIndex(consent, cacheDir, { method }) {
  const args = [CLI, 'index', consent, '--index-cache', cacheDir];
  const r = await runNode(args, { method });
  const command = showCommand(args).replaceAll(cacheDir, '<cache>');
  if (r.code !== 0) throw new Error(`leadaudit index exited with ${r.code}:\n${command}\n${r.stderr.trim()}`);
  return { ...r, command };
}

/** SHA-256 of a file alone (scripts/bench/hash-file.mjs): the child's figures and its own timing of the hashing. */
export async function runHash(file, { method }) {
  const args = [HASH, file];
  const r = await runNode(args, { method });
  if (r.code !== 0) throw new Error(`hash-file exited with ${r.code}:\n${r.stderr.trim()}`);
  return { ...r, info: lastJson(r.stdout), command: showCommand(args) };
}

/** The audit's inputs from a full data set. */
export function fullInputs(data, list, minimal) {
  return {
    list,
    consent: join(data.dir, FILES.consent),
    ...(minimal ? {} : { notice: join(data.dir, FILES.notice), suppress: join(data.dir, FILES.suppress) }),
  };
}

/** Rows whose number entered the duplicate set: valid numbers, first occurrences. */
export function distinctNumbers(report) {
  const r = report.reasons ?? {};
  const unread = (r.ROW_MALFORMED ?? 0) + (r.PHONE_MISSING ?? 0) + (r.PHONE_INVALID ?? 0);
  return report.totals.rows - unread - (r.DUPLICATE ?? 0);
}
