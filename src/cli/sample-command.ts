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

const MAX_SEED = 0xffff_ffff;

interface SampleOptions { size: string; seed?: string; from: SampleFrom; unmask?: boolean; out?: string; maskColumn?: string[] }

const HELP = `
The same seed and the same trail.jsonl always draw the same rows. Without --seed a seed is chosen
at random and printed on stderr: pass it back with --seed to draw the same sample again. When the
size is not smaller than the population, every row of it is in the sheet (and the sheet says so).
The columns of personal data (report.json's personal_data_columns: phones, emails, names,
addresses, birth dates, documents, and the audit's --mask-column; --mask-column here adds more)
are masked, and phone numbers anywhere, unless --unmask is given.
Writes spot-audit-<seed>.html and spot-audit-<seed>.md; exit 0 when written, 2 on a usage or input
error (no such out-dir, no report.json, no trail.jsonl: re-run the audit with --trail).`;

export function registerSample(program: Command): void {
  program
    .command('sample')
    .description('draw a reproducible random sample of an audit run with --trail, as a spot-audit sheet (HTML and Markdown)')
    .argument('<out-dir>', 'the out-dir of an audit run with --trail')
    .requiredOption('--size <n>', 'how many rows to draw')
    .option('--seed <s>', `the seed of the draw, a whole number from 0 to ${MAX_SEED} (default: a random one, printed)`)
    .addOption(new Option('--from <rows>', 'the population to draw from').choices(['clean', 'rejects', 'all']).default('all'))
    .option('--unmask', 'show the personal data (phones, emails, names, addresses, birth dates) in full')
    .option('--mask-column <name>', 'a column of the list that holds personal data, masked besides those report.json names (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--out <dir>', 'where to write the sheets (default: the out-dir)')
    .addHelpText('after', HELP)
    .action(async (outDir: string, opts: SampleOptions) => {
      const size = wholeNumber('--size', opts.size, 1, Number.MAX_SAFE_INTEGER, 'a whole number of rows from 1');
      const chosen = opts.seed === undefined;
      const seed = chosen ? randomInt(0, MAX_SEED + 1) : wholeNumber('--seed', opts.seed!, 0, MAX_SEED, `a whole number from 0 to ${MAX_SEED}`);
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
        throw new InputError(`--out ${JSON.stringify(opts.out ?? outDir)}: cannot create the folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      });
      await writeAtomically(`${base}.html`, renderSheetHtml(sheet));
      await writeAtomically(`${base}.md`, renderSheetMarkdown(sheet));

      const err: string[] = [];
      const recorded = audit.report.outputs.trail?.sha256;
      if (recorded !== undefined && recorded !== scan.sha256) err.push(`warning: the SHA-256 of ${audit.trailPath} differs from the one report.json records (${recorded}): the trail was changed after the audit; the sheet says so`);
      if (scan.rows !== audit.report.totals.rows) err.push(`warning: trail.jsonl has ${scan.rows} rows, report.json counts ${audit.report.totals.rows}`);
      const population = opts.from === 'all' ? 'rows' : opts.from === 'clean' ? 'clean rows' : 'rejected rows';
      err.push(`sampled ${rows.length} of ${reservoir.seen} ${population}${size >= reservoir.seen ? ' (all of them)' : ''}`);
      err.push(`seed ${seed}${chosen ? ` (chosen at random: --seed ${seed} draws the same rows again)` : ''}`);
      err.push(`wrote ${base}.html`, `wrote ${base}.md`);
      process.stderr.write(`${err.join('\n')}\n`);
    });
}

function wholeNumber(flag: string, text: string, min: number, max: number, what: string): number {
  const t = text.trim();
  const n = Number(t);
  if (!/^\d+$/.test(t) || n < min || n > max) throw new InputError(`${flag} ${JSON.stringify(text)}: not ${what}`);
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
    throw new InputError(`${path}: cannot write it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}
