/**
 * `leadaudit verify <out-dir> [--key PUB] [--input NAME=PATH ...] [--outputs-only]`: were these
 * outputs made from those inputs, and by whom (issue #14)? Exit 0 when every file matches
 * report.json and the signature, if any, was checked and holds; 1 when anything differs, is
 * missing or could not be checked; 2 when the out-dir, report.json, the key or an --input can't be
 * used. The checks are in src/core/verify.ts, the words in src/report/verify-text.ts.
 */
import type { Command } from 'commander';
import { constants, existsSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { recordedFiles, verifyAudit } from '../core/verify.js';
import { readKey } from '../report/signature.js';
import { renderVerification } from '../report/verify-text.js';
import { EXIT } from './exit-codes.js';
import { jsonProblem, t } from '../i18n/index.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** report.json is read whole: one over this is not the report of an audit. */
const MAX_REPORT_BYTES = 64 << 20;

interface VerifyOptions { key?: string; input?: string[]; outputsOnly?: boolean }


export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description(t('help.verify'))
    .argument('<out-dir>', t('help.outDirOfAudit'))
    .option('--key <public-key>', t('help.verify.key'))
    .option('--input <name=path>', t('help.verify.input'), collect)
    .option('--outputs-only', t('help.verify.outputsOnly'))
    .addHelpText('after', t('help.verify.more'))
    .action(async (outDir: string, opts: VerifyOptions) => {
      const reportPath = join(outDir, 'report.json');
      // Only a regular file is read (issue #12 item 15: a FIFO would block verify for ever).
      const read = await readRegularFile(reportPath, MAX_REPORT_BYTES);
      if (read.kind === 'missing') throw new InputError(t('cmd.noReport', { outDir }));
      if (read.kind !== 'read') throw new InputError(t('cmd.cannotBeRead', { path: reportPath, why: t(read.kind === 'not-a-file' ? 'verify.notRegular' : 'verify.tooLarge') }));
      const reportBytes = read.bytes;
      let report: Record<string, any>;
      try {
        report = JSON.parse(reportBytes.toString('utf8'));
      } catch (e) {
        throw new InputError(t('cmd.cannotBeRead', { path: reportPath, why: jsonProblem(e as Error) }));
      }
      const key = opts.key === undefined ? undefined : readKey(opts.key, 'public', '--key');
      if (opts.outputsOnly && opts.input?.length) throw new InputError(t('verify.inputAndOutputsOnly'));
      const inputs = inputPaths(opts.input ?? [], recordedFiles(report, outDir).filter((f) => f.kind === 'input').map((f) => f.name));
      const v = await verifyAudit({ outDir, reportBytes, report, key, inputs, outputsOnly: opts.outputsOnly === true });
      process.stdout.write(renderVerification(v));
      process.exitCode = v.passed ? EXIT.ok : EXIT.gateFailed;
    });
}

/** `--input NAME=PATH`: NAME must be one of the inputs report.json names, each given once, PATH a file. */
export function inputPaths(values: readonly string[], names: readonly string[]): Map<string, string> {
  const paths = new Map<string, string>();
  for (const value of values) {
    const eq = value.indexOf('=');
    const name = eq > 0 ? value.slice(0, eq).trim() : '';
    const path = eq > 0 ? value.slice(eq + 1) : '';
    const bad = (problem: string) => new InputError(t('verify.inputBad', { value: JSON.stringify(value), problem }));
    if (!name || !path) throw bad(t('verify.inputForm'));
    if (!names.includes(name)) throw bad(t('verify.inputUnknown', { name, names: names.join(', ') }));
    if (paths.has(name)) throw bad(t('verify.inputTwice', { name }));
    if (!existsSync(path)) throw bad(t('fs.ENOENT'));
    paths.set(name, path);
  }
  return paths;
}

/** A regular file's bytes, read only when it is one and not over `max` bytes. */
async function readRegularFile(path: string, max: number): Promise<{ kind: 'read'; bytes: Buffer } | { kind: 'missing' | 'not-a-file' | 'too-large' }> {
  let fh: FileHandle;
  try {
    fh = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return { kind: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'not-a-file' };
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) return { kind: 'not-a-file' };
    if (st.size > max) return { kind: 'too-large' };
    return { kind: 'read', bytes: await fh.readFile() };
  } finally {
    await fh.close();
  }
}
