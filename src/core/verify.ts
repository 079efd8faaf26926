/**
 * `leadaudit verify`: were these outputs made from those inputs, and by whom? Recomputes the
 * SHA-256 of every file report.json names and checks its signature (issue #14). It never passes on
 * what it could not check: an input it cannot reach, or one read from standard input, fails the
 * verdict unless `--input NAME=PATH` points at it or `--outputs-only` puts inputs out of scope; a
 * report.sig without a key to check it fails too. No terminal here: the CLI prints the result.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createHash, type KeyObject } from 'node:crypto';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { SIGNATURE_FILE, fingerprint, signatureHolds } from '../report/signature.js';
import { CERTIFICATE_FILE, isAuditReport, renderCertificate } from '../report/certificate.js';
import type { Report } from '../report/report-json.js';
import { VERSION } from '../version.js';
import { t, withLang } from '../i18n/index.js';
import { hashRegularFile } from '../io/hash.js';

/** A file report.json names with its hash. */
export interface RecordedFile {
  kind: 'input' | 'output';
  /** `contacts`, `consent:1`, `notice`, `suppress:<list>`, `reassigned`, `line-types`, `policy`; outputs by their report.json key. */
  name: string;
  /** Where it was (inputs) or where it should be now (outputs: in the out-dir given). */
  path: string;
  sha256: string;
}

export type FileStatus = 'matches' | 'differs' | 'missing' | 'unreachable' | 'stdin' | 'skipped' | 'unchecked';

export interface FileCheck extends RecordedFile {
  status: FileStatus;
  /** The path report.json records, when --input pointed somewhere else. */
  movedFrom?: string;
  /** Why a path that exists could not be hashed. */
  problem?: string;
}

export type SignatureStatus =
  | 'valid' // report.sig holds for report.json's bytes under the key given
  | 'invalid' // it does not, or report.json names another key
  | 'unsigned' // a key was given, but there is no report.sig
  | 'unchecked' // there is a report.sig, but no key was given
  | 'missing' // report.json says it is signed, but report.sig is gone (and no key was given)
  | 'none'; // not signed, and nobody asked

export interface SignatureCheck {
  status: SignatureStatus;
  path: string;
  /** The fingerprint of the key given (--key). */
  key?: string;
  /** The fingerprint report.json names. */
  claimed?: string;
}

export interface Verification {
  reportPath: string;
  createdAt: string | undefined;
  files: FileCheck[];
  signature: SignatureCheck;
  outputsOnly: boolean;
  passed: boolean;
}

export interface VerifyOptions {
  outDir: string;
  /** report.json as read: its bytes are what the signature covers. */
  reportBytes: Buffer;
  report: Record<string, any>;
  key?: KeyObject;
  /** --input NAME=PATH: where an input is now. */
  inputs: ReadonlyMap<string, string>;
  outputsOnly: boolean;
}

const FAILING: ReadonlySet<FileStatus> = new Set(['differs', 'missing', 'unreachable', 'stdin', 'unchecked']);

/** Every hashed file report.json names; outputs are looked for in the out-dir given (it may have moved). */
export function recordedFiles(report: Record<string, any>, outDir: string): RecordedFile[] {
  const entries: RecordedFile[] = [];
  const inputs = report.inputs ?? {};
  const input = (name: string, f: { path?: string; sha256?: string } | null | undefined) => {
    if (f?.sha256 && f.path) entries.push({ kind: 'input', name, path: f.path, sha256: f.sha256 });
  };
  input('contacts', inputs.contacts);
  (inputs.consent ?? []).forEach((c: { path: string; sha256: string }, i: number) => input(`consent:${i + 1}`, c));
  input('notice', inputs.notice);
  for (const s of inputs.suppress ?? []) input(`suppress:${s.name}`, s);
  input('reassigned', inputs.reassigned);
  input('line-types', inputs.line_types);
  input('policy', report.policy?.file);
  for (const [name, o] of Object.entries<Record<string, string>>(report.outputs ?? {})) {
    if (!o.sha256) continue;
    // The JUnit file lives where --junit put it; the rest in the out-dir.
    const path = name === 'junit' ? o.path! : join(outDir, basename(o.path!));
    entries.push({ kind: 'output', name, path, sha256: o.sha256 });
  }
  return entries;
}

export async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

async function checkFile(f: RecordedFile, opts: VerifyOptions): Promise<FileCheck> {
  if (f.kind === 'input' && opts.outputsOnly) return { ...f, status: 'skipped' };
  const given = f.kind === 'input' ? opts.inputs.get(f.name) : undefined;
  const check: FileCheck = given === undefined ? { ...f, status: 'matches' } : { ...f, path: given, movedFrom: f.path, status: 'matches' };
  if (given === undefined && f.path === '-') return { ...check, status: 'stdin' };
  // A FIFO or a device would never end, a folder can't be hashed: neither is the file that was.
  // Checked on the open file, opened without blocking (issue #12 item 15: verify hung on a FIFO).
  const hash = await hashRegularFile(check.path).catch(() => ({ kind: 'missing' as const }));
  if (hash.kind === 'missing') return { ...check, status: f.kind === 'input' ? 'unreachable' : 'missing' };
  if (hash.kind === 'not-a-file') return { ...check, status: f.kind === 'input' ? 'unreachable' : 'missing', problem: t('verify.notRegular') };
  check.status = hash.sha256 === f.sha256 ? 'matches' : 'differs';
  return check;
}

/**
 * certificate.html, when the out-dir holds one: it is made from report.json alone, so this version
 * makes it again and compares the bytes. One made by another version can't be made again here: it
 * is not passed on trust, and the line says which version can check it.
 */
function checkCertificate(opts: VerifyOptions): FileCheck | undefined {
  const path = join(opts.outDir, CERTIFICATE_FILE);
  if (!existsSync(path)) return undefined;
  const entry = { kind: 'output' as const, name: 'certificate', path, sha256: '' };
  if (!statSync(path).isFile()) return { ...entry, status: 'missing', problem: t('verify.notRegular') };
  const text = readFileSync(path, 'utf8');
  const made = /<meta name="generator" content="leadaudit ([^"]+)">/.exec(text)?.[1];
  if (made !== undefined && made !== VERSION) {
    return { ...entry, status: 'unchecked', problem: t('verify.otherVersion', { made, version: VERSION }) };
  }
  if (!isAuditReport(opts.report)) return { ...entry, status: 'unchecked', problem: t('verify.lacks') };
  // The certificate was written in the audit's language (report.json \`lang\`): made again in it, whatever this run speaks.
  const expected = withLang(opts.report.lang === 'ru' ? 'ru' : 'en', () => renderCertificate(opts.report as Report, createHash('sha256').update(opts.reportBytes).digest('hex')));
  return { ...entry, sha256: createHash('sha256').update(expected).digest('hex'), status: text === expected ? 'matches' : 'differs' };
}

function checkSignature(opts: VerifyOptions): SignatureCheck {
  const path = join(opts.outDir, SIGNATURE_FILE);
  const claimed: string | undefined = opts.report.signature?.key_fingerprint;
  const present = existsSync(path) && statSync(path).isFile();
  const base = { path, ...(claimed ? { claimed } : {}) };
  if (!opts.key) {
    if (present) return { ...base, status: 'unchecked' };
    return { ...base, status: claimed ? 'missing' : 'none' };
  }
  const key = fingerprint(opts.key);
  if (!present) return { ...base, key, status: 'unsigned' };
  const holds = signatureHolds(opts.reportBytes, readFileSync(path), opts.key);
  // A valid signature over a report that names another signer is a contradiction: not valid.
  return { ...base, key, status: holds && (claimed === undefined || claimed === key) ? 'valid' : 'invalid' };
}

export async function verifyAudit(opts: VerifyOptions): Promise<Verification> {
  const files: FileCheck[] = [];
  for (const f of recordedFiles(opts.report, opts.outDir)) files.push(await checkFile(f, opts));
  const certificate = checkCertificate(opts);
  if (certificate) files.push(certificate);
  const signature = checkSignature(opts);
  const passed = files.every((f) => !FAILING.has(f.status)) && (signature.status === 'valid' || signature.status === 'none');
  return {
    reportPath: join(opts.outDir, 'report.json'),
    createdAt: typeof opts.report.created_at === 'string' ? opts.report.created_at : undefined,
    files,
    signature,
    outputsOnly: opts.outputsOnly,
    passed,
  };
}
