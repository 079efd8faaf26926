/**
 * `leadaudit verify <out-dir>`: were these outputs really produced from those inputs? Recomputes
 * the SHA-256 of every output and of every input it can still reach, and compares them with
 * report.json. Exit 0 when everything reachable matches, 1 when something differs or an output is
 * gone, 2 when the out-dir or its report.json can't be read.
 */
import type { Command } from 'commander';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { InputError } from '../errors.js';
import { EXIT } from './exit-codes.js';

interface Entry {
  kind: 'input' | 'output';
  label: string;
  path: string;
  sha256: string;
}

type Status = 'matches' | 'DIFFERS' | 'MISSING' | 'unreachable';

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/** The hashed files report.json names. Outputs are looked for in the out-dir given (it may have moved). */
export function hashedFiles(report: Record<string, any>, outDir: string): Entry[] {
  const entries: Entry[] = [];
  const inputs = report.inputs ?? {};
  if (inputs.contacts?.sha256 && inputs.contacts.path !== '-') entries.push({ kind: 'input', label: 'contacts', path: inputs.contacts.path, sha256: inputs.contacts.sha256 });
  for (const c of inputs.consent ?? []) entries.push({ kind: 'input', label: 'consent', path: c.path, sha256: c.sha256 });
  if (inputs.notice) entries.push({ kind: 'input', label: 'notice', path: inputs.notice.path, sha256: inputs.notice.sha256 });
  for (const s of inputs.suppress ?? []) entries.push({ kind: 'input', label: `suppress:${s.name}`, path: s.path, sha256: s.sha256 });
  if (report.policy?.file) entries.push({ kind: 'input', label: 'policy', path: report.policy.file.path, sha256: report.policy.file.sha256 });
  for (const [name, o] of Object.entries<Record<string, string>>(report.outputs ?? {})) {
    if (!o.sha256) continue;
    // The JUnit file lives where --junit put it; the rest in the out-dir.
    const path = name === 'junit' ? o.path! : join(outDir, basename(o.path!));
    entries.push({ kind: 'output', label: name, path, sha256: o.sha256 });
  }
  return entries;
}

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description('recompute the hashes of the inputs and outputs of an audit and compare them with its report.json')
    .argument('<out-dir>', 'the folder an audit wrote')
    .action(async (outDir: string) => {
      const reportPath = join(outDir, 'report.json');
      if (!existsSync(reportPath)) throw new InputError(`${outDir}: no report.json here (is it the --out-dir of an audit?)`);
      let report: Record<string, any>;
      try {
        report = JSON.parse(readFileSync(reportPath, 'utf8'));
      } catch (e) {
        throw new InputError(`${reportPath}: cannot be read: ${(e as Error).message}`);
      }
      const lines: string[] = [];
      let bad = 0;
      for (const e of hashedFiles(report, outDir)) {
        let status: Status;
        if (!existsSync(e.path)) status = e.kind === 'input' ? 'unreachable' : 'MISSING';
        else status = (await sha256Of(e.path)) === e.sha256 ? 'matches' : 'DIFFERS';
        if (status === 'DIFFERS' || status === 'MISSING') bad++;
        lines.push(`${status.padEnd(11)} ${e.kind.padEnd(6)} ${e.label.padEnd(16)} ${e.path}`);
      }
      lines.push(bad
        ? `verify: ${bad} file(s) differ from report.json or are missing`
        : 'verify: every file that could be reached matches report.json');
      process.stdout.write(`${lines.join('\n')}\n`);
      process.exitCode = bad ? EXIT.gateFailed : EXIT.ok;
    });
}
