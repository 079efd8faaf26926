/**
 * `leadaudit verify` in words: one line per file, the signature and who made it, and the verdict.
 * Statuses in capitals are what fails the verdict. The only place these words are made.
 */
import type { FileCheck, SignatureCheck, Verification } from '../core/verify.js';
import { fmtDate, t } from '../i18n/index.js';

const STATUS: Record<FileCheck['status'], string> = {
  matches: 'matches', differs: 'DIFFERS', missing: 'MISSING', unreachable: 'UNREACHABLE', stdin: 'STDIN', skipped: 'skipped', unchecked: 'UNCHECKED',
};

const SIGNATURE_STATUS: Record<SignatureCheck['status'], string> = {
  valid: 'valid', invalid: 'INVALID', unsigned: 'UNSIGNED', unchecked: 'UNCHECKED', missing: 'MISSING', none: 'none',
};

const row = (status: string, kind: string, name: string, rest: string) => `${status.padEnd(11)} ${kind.padEnd(9)} ${name.padEnd(16)} ${rest}`;

function fileLine(f: FileCheck): string {
  let where = f.status === 'stdin' ? t('summary.stdin') : f.path;
  if (f.status === 'stdin') where += t('verify.stdin', { name: f.name });
  else if (f.movedFrom !== undefined) where += t('verify.moved', { from: f.movedFrom === '-' ? t('summary.stdin') : f.movedFrom });
  else if (f.problem) where += ` (${f.problem})`;
  else if (f.status === 'unreachable') where += t('verify.gone');
  else if (f.name === 'certificate' && f.status !== 'missing') where += f.status === 'matches' ? t('verify.certSame') : t('verify.certDiffers');
  else if (f.status === 'skipped') where += ' (--outputs-only)';
  return row(STATUS[f.status], f.kind, f.name, where);
}

function signatureLines(s: SignatureCheck, createdAt: string | undefined): string[] {
  const made = t('verify.made', { at: createdAt === undefined ? t('verify.noTime') : fmtDate(createdAt) });
  const lines = [row(SIGNATURE_STATUS[s.status], 'signature', 'report.sig', s.status === 'none' || s.status === 'unsigned' ? t('verify.noSig') : s.path)];
  switch (s.status) {
    case 'valid':
      lines.push(t('verify.signedBy', { key: String(s.key), made }));
      break;
    case 'invalid':
      lines.push(s.claimed !== undefined && s.claimed !== s.key
        ? t('verify.otherKey', { claimed: s.claimed, key: String(s.key) })
        : t('verify.badSig', { key: String(s.key) }));
      break;
    case 'unsigned':
      lines.push(t('verify.unsigned', { gone: s.claimed ? t('verify.sigGone', { claimed: s.claimed }) : '' }));
      break;
    case 'unchecked':
      lines.push(t('verify.uncheckedSig', { names: s.claimed ? t('verify.names', { claimed: s.claimed }) : '' }));
      break;
    case 'missing':
      lines.push(t('verify.sigMissing', { claimed: String(s.claimed) }));
      break;
    case 'none':
      lines.push(t('verify.notSigned', { made }));
      break;
  }
  return lines;
}

function verdict(v: Verification): string {
  if (v.passed) {
    const signed = v.signature.status === 'valid' ? t('verify.sigValid', { key: String(v.signature.key) }) : t('verify.notSignedShort');
    return v.outputsOnly ? t('verify.passedOutputs', { signed }) : t('verify.passed', { signed });
  }
  const count = (status: FileCheck['status']) => v.files.filter((f) => f.status === status).length;
  const problems: string[] = [];
  if (count('differs')) problems.push(t('verify.differ', { count: count('differs') }));
  if (count('missing')) problems.push(t('verify.missing', { count: count('missing') }));
  const unchecked = count('unreachable') + count('stdin');
  if (count('unchecked')) problems.push(t('verify.outputsUnchecked', { count: count('unchecked') }));
  if (unchecked) problems.push(t('verify.inputsUnchecked', { count: unchecked }));
  const s = v.signature.status;
  if (s === 'invalid') problems.push(t('verify.p.invalid'));
  if (s === 'unsigned') problems.push(t('verify.p.unsigned'));
  if (s === 'unchecked') problems.push(t('verify.p.unchecked'));
  if (s === 'missing') problems.push(t('verify.p.missing'));
  return t('verify.failed', { problems: problems.join('; ') });
}

export function renderVerification(v: Verification): string {
  return `${[...v.files.map(fileLine), ...signatureLines(v.signature, v.createdAt), verdict(v)].join('\n')}\n`;
}
