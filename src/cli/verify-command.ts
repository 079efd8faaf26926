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

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** report.json is read whole: one over this is not the report of an audit. */
const MAX_REPORT_BYTES = 64 << 20;

interface VerifyOptions { key?: string; input?: string[]; outputsOnly?: boolean }

const HELP = `
Inputs are named contacts, consent:1, consent:2, ... (in --consent order), notice,
suppress:<list name> and policy; verify prints each name. An input that is not where report.json
says, or that was read from standard input, makes the exit 1 unless --input NAME=PATH says where
it is now, or --outputs-only leaves the inputs out (the verdict then says so).
When the out-dir holds report.sig, --key is needed: without it the signature is not checked and
the exit is 1. --key without a report.sig is exit 1 too: the report is not signed.`;

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description('recompute the hashes of the inputs and outputs of an audit, check its signature, and compare them with its report.json')
    .argument('<out-dir>', 'the folder an audit wrote')
    .option('--key <public-key>', "the signer's Ed25519 public key (PEM, leadaudit-key.pub.pem): check report.sig")
    .option('--input <name=path>', 'where an input is now, e.g. contacts=archive/base.csv (repeatable)', collect)
    .option('--outputs-only', 'check the outputs only: inputs are out of scope (the verdict says so)')
    .addHelpText('after', HELP)
    .action(async (outDir: string, opts: VerifyOptions) => {
      const reportPath = join(outDir, 'report.json');
      // Only a regular file is read (issue #12 item 15: a FIFO would block verify for ever).
      const read = await readRegularFile(reportPath, MAX_REPORT_BYTES);
      if (read.kind === 'missing') throw new InputError(`${outDir}: no report.json here (is it the --out-dir of an audit?)`);
      if (read.kind !== 'read') throw new InputError(`${reportPath}: cannot be read: ${read.kind === 'not-a-file' ? 'not a regular file' : 'too large to be a report'}`);
      const reportBytes = read.bytes;
      let report: Record<string, any>;
      try {
        report = JSON.parse(reportBytes.toString('utf8'));
      } catch (e) {
        throw new InputError(`${reportPath}: cannot be read: ${(e as Error).message}`);
      }
      const key = opts.key === undefined ? undefined : readKey(opts.key, 'public', '--key');
      if (opts.outputsOnly && opts.input?.length) throw new InputError('--input and --outputs-only: give one or the other (--outputs-only leaves every input out)');
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
    const bad = (problem: string) => new InputError(`--input ${JSON.stringify(value)}: ${problem}`);
    if (!name || !path) throw bad('must be NAME=PATH, e.g. contacts=archive/base.csv');
    if (!names.includes(name)) throw bad(`report.json names no input "${name}" (its inputs: ${names.join(', ')})`);
    if (paths.has(name)) throw bad(`gives "${name}" a second time`);
    if (!existsSync(path)) throw bad('no such file');
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
