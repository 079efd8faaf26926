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
import { jsonProblem, t } from '../i18n/index.js';

/** report.json as read from an out-dir: its bytes (what the certificate names) and its content. */
export function readReport(outDir: string): { bytes: Buffer; report: Record<string, any> } {
  if (!existsSync(outDir) || !statSync(outDir).isDirectory()) throw new InputError(t('cmd.noFolder', { outDir }));
  const path = join(outDir, 'report.json');
  if (!existsSync(path)) throw new InputError(t('cmd.noReport', { outDir }));
  try {
    const bytes = readFileSync(path);
    return { bytes, report: JSON.parse(bytes.toString('utf8')) };
  } catch (e) {
    throw new InputError(t('cmd.cannotBeRead', { path, why: e instanceof SyntaxError ? jsonProblem(e) : (e as Error).message }));
  }
}

export function certificateOf(outDir: string): { html: string; sha256: string; report: Report } {
  const { bytes, report } = readReport(outDir);
  if (!isAuditReport(report)) throw new InputError(t('cmd.notAuditReport', { path: join(outDir, 'report.json') }));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { html: renderCertificate(report as Report, sha256), sha256, report: report as Report };
}

export function registerCertificate(program: Command): void {
  program
    .command('certificate')
    .description(t('help.certificate'))
    .argument('<out-dir>', t('help.outDirOfAudit'))
    .option('--out <file>', t('help.certificate.out', { file: CERTIFICATE_FILE }))
    .action((outDir: string, opts: { out?: string }) => {
      const { html, sha256, report } = certificateOf(outDir);
      const target = resolve(opts.out ?? join(outDir, CERTIFICATE_FILE));
      const tmp = `${target}.tmp-${process.pid}`;
      try {
        writeFileSync(tmp, html);
        renameSync(tmp, target);
      } catch (e) {
        rmSync(tmp, { force: true });
        throw new InputError(t('cmd.cannotWriteIt', { path: target, why: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
      }
      const lines = [t('certificate.wrote', { target, report: join(resolve(outDir), 'report.json'), sha256 })];
      lines.push(report.signature
        ? t('certificate.signed', { key: report.signature.key_fingerprint, outDir })
        : t('certificate.unsigned'));
      process.stderr.write(`${lines.join('\n')}\n`);
    });
}
