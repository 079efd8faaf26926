/**
 * `leadaudit verify` in words: one line per file, the signature and who made it, and the verdict.
 * Statuses in capitals are what fails the verdict. The only place these words are made.
 */
import type { FileCheck, SignatureCheck, Verification } from '../core/verify.js';

const STATUS: Record<FileCheck['status'], string> = {
  matches: 'matches', differs: 'DIFFERS', missing: 'MISSING', unreachable: 'UNREACHABLE', stdin: 'STDIN', skipped: 'skipped', unchecked: 'UNCHECKED',
};

const SIGNATURE_STATUS: Record<SignatureCheck['status'], string> = {
  valid: 'valid', invalid: 'INVALID', unsigned: 'UNSIGNED', unchecked: 'UNCHECKED', missing: 'MISSING', none: 'none',
};

const row = (status: string, kind: string, name: string, rest: string) => `${status.padEnd(11)} ${kind.padEnd(9)} ${name.padEnd(16)} ${rest}`;

function fileLine(f: FileCheck): string {
  let where = f.status === 'stdin' ? 'standard input' : f.path;
  if (f.status === 'stdin') where += ` (the audit read it from standard input: --input ${f.name}=FILE checks a copy)`;
  else if (f.movedFrom !== undefined) where += ` (given by --input; report.json has ${f.movedFrom === '-' ? 'standard input' : f.movedFrom})`;
  else if (f.problem) where += ` (${f.problem})`;
  else if (f.status === 'unreachable') where += ' (not there any more)';
  else if (f.name === 'certificate' && f.status !== 'missing') where += f.status === 'matches' ? ' (made again from report.json: the same)' : ' (not what report.json makes)';
  else if (f.status === 'skipped') where += ' (--outputs-only)';
  return row(STATUS[f.status], f.kind, f.name, where);
}

function signatureLines(s: SignatureCheck, createdAt: string | undefined): string[] {
  const made = `the report says it was made at ${createdAt ?? '(no time recorded)'}`;
  const lines = [row(SIGNATURE_STATUS[s.status], 'signature', 'report.sig', s.status === 'none' || s.status === 'unsigned' ? '(no report.sig)' : s.path)];
  switch (s.status) {
    case 'valid':
      lines.push(`signed by the key ${s.key} (SHA-256 of its public key); ${made}`);
      break;
    case 'invalid':
      lines.push(s.claimed !== undefined && s.claimed !== s.key
        ? `report.json names the key ${s.claimed} as its signer; the key given is ${s.key}`
        : `the signature does not hold for report.json's bytes under the key ${s.key}: report.json was changed after it was signed, or another key signed it`);
      break;
    case 'unsigned':
      lines.push(`--key was given, but there is no report.sig: report.json is not signed${s.claimed ? ` (it names the key ${s.claimed}: its signature is gone)` : ''}`);
      break;
    case 'unchecked':
      lines.push(`report.sig is here, but no --key was given: the signature was not checked${s.claimed ? `; report.json names the key ${s.claimed}` : ''}. Give the signer's public key: --key leadaudit-key.pub.pem`);
      break;
    case 'missing':
      lines.push(`report.json says the key ${s.claimed} signed it, but report.sig is gone`);
      break;
    case 'none':
      lines.push(`report.json is not signed: the hashes show that the files match it, not who made it; ${made}`);
      break;
  }
  return lines;
}

function verdict(v: Verification): string {
  if (v.passed) {
    const signed = v.signature.status === 'valid' ? `, and its signature is valid (key ${v.signature.key})` : ' (not signed)';
    return v.outputsOnly
      ? `verify: passed for the outputs only (--outputs-only): every output matches report.json${signed}; the inputs were not checked`
      : `verify: passed: every input and output matches report.json${signed}`;
  }
  const count = (status: FileCheck['status']) => v.files.filter((f) => f.status === status).length;
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  const problems: string[] = [];
  if (count('differs')) problems.push(`${n(count('differs'), 'file differs', 'files differ')} from report.json`);
  if (count('missing')) problems.push(`${n(count('missing'), 'output is', 'outputs are')} missing`);
  const unchecked = count('unreachable') + count('stdin');
  if (count('unchecked')) problems.push(`${n(count('unchecked'), 'output', 'outputs')} could not be checked`);
  if (unchecked) problems.push(`${n(unchecked, 'input', 'inputs')} could not be checked (point --input NAME=PATH at ${unchecked === 1 ? 'it' : 'them'}, or give --outputs-only to leave inputs out)`);
  const s = v.signature.status;
  if (s === 'invalid') problems.push('the signature is not valid');
  if (s === 'unsigned') problems.push('report.json is not signed');
  if (s === 'unchecked') problems.push('the signature was not checked (no --key)');
  if (s === 'missing') problems.push('report.sig is missing');
  return `verify: FAILED: ${problems.join('; ')}`;
}

export function renderVerification(v: Verification): string {
  return `${[...v.files.map(fileLine), ...signatureLines(v.signature, v.createdAt), verdict(v)].join('\n')}\n`;
}
