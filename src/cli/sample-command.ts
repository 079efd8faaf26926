/**
 * `leadaudit sample <out-dir> --size N [--seed S] [--from clean|rejects|all] [--unmask] [--out DIR]`:
 * a reproducible random sample of an audit's rows, written as a spot-audit sheet (HTML and
 * Markdown) a lawyer can check and sign row by row (issue 6). The trail is streamed once; the
 * sample is drawn by reservoir sampling, so memory is O(N) whatever the size of the list.
 */
import { Option, type Command } from 'commander';
import { randomInt } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { tempName } from '../io/atomic-output.js';
import { InputError } from '../errors.js';
import { mulberry32 } from '../random.js';
import { VERSION } from '../version.js';
import { openAuditDir, parseEntry, scanTrail, type TrailEntry } from '../report/trail-reader.js';
import { renderSheetHtml, renderSheetMarkdown, rowMask, type SampleFrom, type SheetInput } from '../report/sheet.js';
import { t, t as tr } from '../i18n/index.js';

const MAX_SEED = 0xffff_ffff;

interface SampleOptions { size: string; seed?: string; from: SampleFrom; unmask?: boolean; out?: string; maskColumn?: string[] }


export function registerSample(program: Command): void {
  program
    .command('sample')
    .description(t('help.sample'))
    .argument('<out-dir>', t('help.outDirWithTrail'))
    .requiredOption('--size <n>', t('help.sample.size'))
    .option('--seed <s>', t('help.sample.seed', { max: String(MAX_SEED) }))
    .addOption(new Option('--from <rows>', t('help.sample.from')).choices(['clean', 'rejects', 'all']).default('all'))
    .option('--unmask', t('help.sample.unmask'))
    .option('--mask-column <name>', t('help.sample.maskColumn'), (v: string, prev: string[] = []) => [...prev, v])
    .option('--out <dir>', t('help.sample.out'))
    .addHelpText('after', t('help.sample.more'))
    .action(async (outDir: string, opts: SampleOptions) => {
      const size = wholeNumber('--size', opts.size, 1, Number.MAX_SAFE_INTEGER, t('sample.sizeWhat'));
      const chosen = opts.seed === undefined;
      const seed = chosen ? randomInt(0, MAX_SEED + 1) : wholeNumber('--seed', opts.seed!, 0, MAX_SEED, t('sample.seedWhat', { max: String(MAX_SEED) }));
      const audit = await openAuditDir(outDir);
      const target = resolve(opts.out ?? audit.dir);

      const inPopulation = opts.from === 'all' ? () => true
        : opts.from === 'clean' ? (e: TrailEntry) => e.verdict === 'clean' : (e: TrailEntry) => e.verdict === 'rejected';
      const reservoir = new Reservoir<{ line: number; text: string }>(size, mulberry32(seed));
      const scan = await scanTrail(audit.trailPath, ({ entry, text }) => {
        if (inPopulation(entry)) reservoir.offer({ line: entry.line, text });
      });
      const rows = reservoir.items.sort((a, b) => a.line - b.line).map((x) => parseEntry(x.text, scan.header, audit.trailPath, x.line));

      const sheet: SheetInput = {
        report: audit.report, outDir: audit.dir, seed, size, from: opts.from, population: reservoir.seen,
        trail: { rows: scan.rows, sha256: scan.sha256! }, mask: opts.unmask !== true, maskColumns: opts.maskColumn ?? [], rows, version: VERSION,
      };
      // An unknown --mask-column is a usage error before anything is written.
      if (sheet.mask && rows[0]) rowMask(audit.report, rows[0].columns, opts.maskColumn ?? []);
      const base = join(target, `spot-audit-${seed}`);
      await mkdir(target, { recursive: true }).catch((e: unknown) => {
        throw new InputError(t('cmd.cannotCreateFolder', { flag: '--out', value: JSON.stringify(opts.out ?? outDir), why: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
      });
      await writeAtomically(`${base}.html`, renderSheetHtml(sheet));
      await writeAtomically(`${base}.md`, renderSheetMarkdown(sheet));

      const err: string[] = [];
      const recorded = audit.report.outputs.trail?.sha256;
      if (recorded !== undefined && recorded !== scan.sha256) err.push(t('sample.trailChanged', { path: audit.trailPath, recorded }));
      if (scan.rows !== audit.report.totals.rows) err.push(t('sample.rowCount', { rows: scan.rows, total: audit.report.totals.rows }));
      const population = t(`sample.pop.${opts.from}`);
      err.push(t('sample.sampled', { n: rows.length, seen: reservoir.seen, population, all: size >= reservoir.seen ? t('sample.all') : '' }));
      err.push(t('sample.seed', { seed: String(seed), chosen: chosen ? t('sample.chosen', { seed: String(seed) }) : '' }));
      err.push(t('cmd.wrote', { path: `${base}.html` }), t('cmd.wrote', { path: `${base}.md` }));
      process.stderr.write(`${err.join('\n')}\n`);
    });
}

function wholeNumber(flag: string, text: string, min: number, max: number, what: string): number {
  const t = text.trim();
  const n = Number(t);
  if (!/^\d+$/.test(t) || n < min || n > max) throw new InputError(tr('sample.not', { flag, value: JSON.stringify(text), what }));
  return n;
}

export { mulberry32 } from '../random.js';

/**
 * Algorithm R (Vitter 1985, after Waterman): after n offers, each item offered is in `items` with
 * probability k/n, and the draw depends only on the seed and the order of the offers.
 */
export class Reservoir<T> {
  readonly items: T[] = [];
  seen = 0;
  constructor(private readonly k: number, private readonly random: () => number) {}

  offer(item: T): void {
    if (this.items.length < this.k) this.items.push(item);
    else {
      const j = Math.floor(this.random() * (this.seen + 1));
      if (j < this.k) this.items[j] = item;
    }
    this.seen++;
  }
}

/** Written under a random name created exclusively (never through a planted symlink, issue #12 item 8), then renamed. */
async function writeAtomically(path: string, text: string): Promise<void> {
  const tmp = join(dirname(path), tempName(basename(path), 'tmp'));
  try {
    const fh = await open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o666);
    try { await fh.writeFile(text); } finally { await fh.close(); }
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw new InputError(t('cmd.cannotWriteIt', { path, why: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
  }
}
