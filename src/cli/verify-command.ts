/**
 * `leadaudit verify <out-dir> [--key PUB] [--input NAME=PATH ...] [--outputs-only]`: were these
 * outputs made from those inputs, and by whom (issue #14)? Exit 0 when every file matches
 * report.json and the signature, if any, was checked and holds; 1 when anything differs, is
 * missing or could not be checked; 2 when the out-dir, report.json, the key or an --input can't be
 * used. The checks are in src/core/verify.ts, the words in src/report/verify-text.ts.
 */
import type { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { recordedFiles, verifyAudit } from '../core/verify.js';
import { readKey } from '../report/signature.js';
import { renderVerification } from '../report/verify-text.js';
import { EXIT } from './exit-codes.js';
import { t } from '../i18n/index.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

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
      if (!existsSync(reportPath)) throw new InputError(t('cmd.noReport', { outDir }));
      let reportBytes: Buffer;
      let report: Record<string, any>;
      try {
        reportBytes = readFileSync(reportPath);
        report = JSON.parse(reportBytes.toString('utf8'));
      } catch (e) {
        throw new InputError(t('cmd.cannotBeRead', { path: reportPath, why: (e as Error).message }));
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
