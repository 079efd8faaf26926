/**
 * `leadaudit certificate <out-dir> [--out FILE]`: the scrub certificate of an audit (issue #14), a
 * one-page HTML file to print on A4, made from the out-dir's report.json (src/report/certificate.ts).
 * It is made again, byte for byte, by `verify`, so writing it over an earlier one loses nothing.
 */
import type { Command } from 'commander';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import type { Report } from '../report/report-json.js';
import { CERTIFICATE_FILE, isAuditReport, renderCertificate } from '../report/certificate.js';

/** report.json as read from an out-dir: its bytes (what the certificate names) and its content. */
export function readReport(outDir: string): { bytes: Buffer; report: Record<string, any> } {
  if (!existsSync(outDir) || !statSync(outDir).isDirectory()) throw new InputError(`${outDir}: no such folder`);
  const path = join(outDir, 'report.json');
  if (!existsSync(path)) throw new InputError(`${outDir}: no report.json here (is it the --out-dir of an audit?)`);
  try {
    const bytes = readFileSync(path);
    return { bytes, report: JSON.parse(bytes.toString('utf8')) };
  } catch (e) {
    throw new InputError(`${path}: cannot be read: ${(e as Error).message}`);
  }
}

export function certificateOf(outDir: string): { html: string; sha256: string; report: Report } {
  const { bytes, report } = readReport(outDir);
  if (!isAuditReport(report)) throw new InputError(`${join(outDir, 'report.json')}: not the report.json of a leadaudit audit`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { html: renderCertificate(report as Report, sha256), sha256, report: report as Report };
}

export function registerCertificate(program: Command): void {
  program
    .command('certificate')
    .description('write the one-page certificate of an audit (HTML, prints on A4): what was audited, under which policy, by whom, the counts, and how to verify it')
    .argument('<out-dir>', 'the folder an audit wrote')
    .option('--out <file>', `where to write it (default: ${CERTIFICATE_FILE} in the out-dir)`)
    .action((outDir: string, opts: { out?: string }) => {
      const { html, sha256, report } = certificateOf(outDir);
      const target = resolve(opts.out ?? join(outDir, CERTIFICATE_FILE));
      const tmp = `${target}.tmp-${process.pid}`;
      try {
        writeFileSync(tmp, html);
        renameSync(tmp, target);
      } catch (e) {
        rmSync(tmp, { force: true });
        throw new InputError(`${target}: cannot write it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      }
      const lines = [`wrote ${target}: the certificate of ${join(resolve(outDir), 'report.json')} (SHA-256 ${sha256}); print it on A4 from a browser`];
      lines.push(report.signature
        ? `it names the signing key ${report.signature.key_fingerprint}: leadaudit verify ${outDir} --key <the signer's public key> checks that claim`
        : 'the report is not signed: the certificate says so (audit --sign names the signer)');
      process.stderr.write(`${lines.join('\n')}\n`);
    });
}
