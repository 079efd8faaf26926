/**
 * Signed reports and a verify that never passes on what it could not check (issue #14), through
 * the real binary: keygen, audit --sign, verify --key with the right key, a wrong one, a flipped
 * byte in report.json; --input for a moved input, standard input, --outputs-only. The signature
 * is also checked with node:crypto and with OpenSSL, independently of leadaudit.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { ROOT, leadaudit } from '../helpers/exec.js';

const DEMO = join(ROOT, 'fixtures', 'demo');
let work: string;
let inputs: string;
let keys: string;
let otherKeys: string;
let signed: string;
let fp: string;
const auditArgs = (dir: string, out: string, ...extra: string[]) => ['audit', join(dir, 'contacts.csv'), '--as-of', '2026-11-01',
  '--consent', join(dir, 'consent.csv'), '--notice', join(dir, 'notice.json'), '--out-dir', out, '--quiet', ...extra];
const pub = () => join(keys, 'leadaudit-key.pub.pem');
const copy = (from: string, name: string) => { const to = join(work, name); cpSync(from, to, { recursive: true }); return to; };
const last = (stdout: string) => stdout.trimEnd().split('\n').at(-1);

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'leadaudit-verify-'));
  inputs = copy(DEMO, 'inputs');
  keys = join(work, 'keys');
  otherKeys = join(work, 'other-keys');
  const k = leadaudit(['keygen', '--out', keys]);
  expect(k.status, k.stderr).toBe(0);
  fp = k.stdout.trim();
  expect(leadaudit(['keygen', '--out', otherKeys]).status).toBe(0);
  signed = join(work, 'signed');
  const r = leadaudit(auditArgs(inputs, signed, '--sign', join(keys, 'leadaudit-key.pem')));
  expect(r.status, r.stderr).toBe(0);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('leadaudit keygen', () => {
  it('writes a private key only its owner can read, and a public key whose fingerprint it prints', () => {
    expect(statSync(join(keys, 'leadaudit-key.pem')).mode & 0o777).toBe(0o600);
    const der = createPublicKey(readFileSync(pub())).export({ type: 'spki', format: 'der' });
    expect(fp).toBe(createHash('sha256').update(der).digest('hex'));
    // The same fingerprint as the README's OpenSSL command.
    const openssl = execFileSync('sh', ['-c', `openssl pkey -pubin -in '${pub()}' -outform DER | sha256sum`], { encoding: 'utf8' });
    expect(openssl.split(' ')[0]).toBe(fp);
    expect(createPrivateKey(readFileSync(join(keys, 'leadaudit-key.pem'))).asymmetricKeyType).toBe('ed25519');
  });

  it('never overwrites: when either file exists nothing is written (exit 2)', () => {
    const before = readFileSync(join(keys, 'leadaudit-key.pem'));
    const again = leadaudit(['keygen', '--out', keys]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already exist.*nothing was written/);
    expect(readFileSync(join(keys, 'leadaudit-key.pem'))).toEqual(before);
    const half = join(work, 'half');
    mkdirSync(half);
    writeFileSync(join(half, 'leadaudit-key.pub.pem'), 'mine\n');
    expect(leadaudit(['keygen', '--out', half]).status).toBe(2);
    expect(existsSync(join(half, 'leadaudit-key.pem'))).toBe(false);
    expect(readFileSync(join(half, 'leadaudit-key.pub.pem'), 'utf8')).toBe('mine\n');
  });
});

describe('audit --sign', () => {
  it("writes report.sig, the Ed25519 signature of report.json's bytes, and report.json names the key", () => {
    const bytes = readFileSync(join(signed, 'report.json'));
    const sig = readFileSync(join(signed, 'report.sig'));
    expect(sig).toHaveLength(64);
    expect(verify(null, bytes, createPublicKey(readFileSync(pub())), sig)).toBe(true);
    execFileSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', pub(), '-rawin', '-in', join(signed, 'report.json'), '-sigfile', join(signed, 'report.sig')]);
    const report = JSON.parse(bytes.toString('utf8'));
    expect(report.signature).toEqual({ algorithm: 'ed25519', key_fingerprint: fp, file: 'report.sig' });
    expect(new Date(report.created_at).toISOString()).toBe(report.created_at);
    // `leadaudit schema report` describes both new fields.
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(JSON.parse(leadaudit(['schema', 'report']).stdout));
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...report, signature: { ...report.signature, key_fingerprint: 'not hex' } })).toBe(false);
  });

  it.each([
    ['a public key', () => pub(), /--sign ".*leadaudit-key\.pub\.pem": is a public key; signing needs the private key/],
    ['an RSA key', () => {
      const f = join(work, 'rsa.pem');
      writeFileSync(f, generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
      return f;
    }, /--sign ".*rsa\.pem": is a key of type RSA, not Ed25519/],
    ['no file', () => join(work, 'nope.pem'), /--sign ".*nope\.pem": cannot read it \(ENOENT\)/],
    ['not a key', () => join(inputs, 'notice.json'), /--sign ".*notice\.json": is not a private key in PEM form/],
  ])('refuses %s with one line and exit 2, before anything is written', (_name, key, message) => {
    const out = join(work, 'never-signed');
    const r = leadaudit(auditArgs(inputs, out, '--sign', key()));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it('a later run without --sign removes the report.sig that no longer signs anything', () => {
    const dir = copy(signed, 'resigned');
    expect(leadaudit(auditArgs(inputs, dir)).status).toBe(0);
    expect(existsSync(join(dir, 'report.sig'))).toBe(false);
    expect(leadaudit(['verify', dir]).status).toBe(0);
  });
});

describe('verify --key', () => {
  it('checks every hash and the signature, and says who signed and when the report says it was made', () => {
    const r = leadaudit(['verify', signed, '--key', pub()]);
    expect(r.status, r.stdout).toBe(0);
    const report = JSON.parse(readFileSync(join(signed, 'report.json'), 'utf8'));
    expect(r.stdout).toMatch(/^valid +signature +report\.sig /m);
    expect(r.stdout).toContain(`signed by the key ${fp} (SHA-256 of its public key); the report says it was made at ${report.created_at}`);
    expect(last(r.stdout)).toBe(`verify: passed: every input and output matches report.json, and its signature is valid (key ${fp})`);
  });

  it('fails a report.sig made by another key', () => {
    const dir = copy(signed, 'wrong-signature');
    const mallory = createPrivateKey(readFileSync(join(otherKeys, 'leadaudit-key.pem')));
    writeFileSync(join(dir, 'report.sig'), sign(null, readFileSync(join(dir, 'report.json')), mallory));
    const r = leadaudit(['verify', dir, '--key', pub()]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^INVALID +signature /m);
    expect(r.stdout).toContain("the signature does not hold for report.json's bytes");
    expect(last(r.stdout)).toBe('verify: FAILED: the signature is not valid');
  });

  it("fails with another signer's public key, naming both keys", () => {
    const r = leadaudit(['verify', signed, '--key', join(otherKeys, 'leadaudit-key.pub.pem')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`report\\.json names the key ${fp} as its signer; the key given is [0-9a-f]{64}`));
  });

  it('finds a flipped byte in report.json that no hash covers: the count of clean rows', () => {
    const dir = copy(signed, 'flipped-report');
    const file = join(dir, 'report.json');
    const text = readFileSync(file, 'utf8');
    const clean: number = JSON.parse(text).totals.clean;
    const field = `"clean": ${clean},`;
    expect(text.indexOf(field)).toBeGreaterThan(0);
    const at = Buffer.byteLength(text.slice(0, text.indexOf(field) + field.length - 2));
    const bytes = readFileSync(file);
    bytes[at] = bytes[at]! ^ 0x01; // the last digit of the count: 0 <-> 1, 8 <-> 9, ...
    writeFileSync(file, bytes);
    expect(JSON.parse(readFileSync(file, 'utf8')).totals.clean).toBe(clean ^ 1);
    const r = leadaudit(['verify', dir, '--key', pub()]);
    expect(r.status).toBe(1);
    // Every file still matches its hash: only the signature tells.
    expect(r.stdout).not.toMatch(/^(DIFFERS|MISSING)/m);
    expect(r.stdout).toMatch(/^INVALID +signature /m);
  });

  it('a key but no report.sig does not pass', () => {
    const unsigned = join(work, 'unsigned');
    expect(leadaudit(auditArgs(inputs, unsigned)).status).toBe(0);
    const r = leadaudit(['verify', unsigned, '--key', pub()]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^UNSIGNED +signature +report\.sig +\(no report\.sig\)$/m);
    expect(last(r.stdout)).toBe('verify: FAILED: report.json is not signed');
  });

  it('a report.sig but no key does not pass: the signature was not checked', () => {
    const r = leadaudit(['verify', signed]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^UNCHECKED +signature /m);
    expect(r.stdout).toContain(`report.json names the key ${fp}`);
    expect(last(r.stdout)).toBe('verify: FAILED: the signature was not checked (no --key)');
  });

  it('a signed report whose report.sig is gone does not pass, with a key or without', () => {
    const dir = copy(signed, 'sig-gone');
    unlinkSync(join(dir, 'report.sig'));
    const without = leadaudit(['verify', dir]);
    expect(without.status).toBe(1);
    expect(without.stdout).toContain(`report.json says the key ${fp} signed it, but report.sig is gone`);
    const withKey = leadaudit(['verify', dir, '--key', pub()]);
    expect(withKey.status).toBe(1);
    expect(withKey.stdout).toMatch(/^UNSIGNED +signature/m);
  });

  it('refuses a private key, and a file that is not a key (exit 2)', () => {
    const r = leadaudit(['verify', signed, '--key', join(keys, 'leadaudit-key.pem')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--key ".*leadaudit-key\.pem": is a private key; checking needs only the public key/);
    expect(leadaudit(['verify', signed, '--key', join(inputs, 'notice.json')]).status).toBe(2);
  });
});

describe('verify: inputs it cannot reach', () => {
  let moved: string;
  let out: string;
  beforeAll(() => {
    moved = copy(inputs, 'inputs-old-place');
    out = join(work, 'moved-out');
    expect(leadaudit(auditArgs(moved, out)).status).toBe(0);
    cpSync(moved, join(work, 'inputs-new-place'), { recursive: true });
    rmSync(moved, { recursive: true });
  });
  const now = (f: string) => join(work, 'inputs-new-place', f);

  it('an input that is not where report.json says fails the verdict, and says what to do', () => {
    const r = leadaudit(['verify', out]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^UNREACHABLE +input +contacts +.*inputs-old-place\/contacts\.csv \(not there any more\)$/m);
    expect(r.stdout).toMatch(/^UNREACHABLE +input +consent:1 /m);
    expect(r.stdout).toMatch(/^matches +output +clean /m);
    expect(last(r.stdout)).toBe('verify: FAILED: 3 inputs could not be checked (point --input NAME=PATH at them, or give --outputs-only to leave inputs out)');
  });

  it('--input NAME=PATH points at its new place', () => {
    const r = leadaudit(['verify', out, '--input', `contacts=${now('contacts.csv')}`, '--input', `consent:1=${now('consent.csv')}`, '--input', `notice=${now('notice.json')}`]);
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/^matches +input +contacts +.*inputs-new-place\/contacts\.csv \(given by --input; report\.json has .*inputs-old-place\/contacts\.csv\)$/m);
    expect(last(r.stdout)).toBe('verify: passed: every input and output matches report.json (not signed)');
  });

  it('--input pointing at another file is found out', () => {
    const r = leadaudit(['verify', out, '--input', `contacts=${now('consent.csv')}`, '--input', `consent:1=${now('consent.csv')}`, '--input', `notice=${now('notice.json')}`]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^DIFFERS +input +contacts /m);
  });

  it('--outputs-only leaves the inputs out of scope, and the verdict says so', () => {
    const r = leadaudit(['verify', out, '--outputs-only']);
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/^skipped +input +contacts +.* \(--outputs-only\)$/m);
    expect(last(r.stdout)).toBe('verify: passed for the outputs only (--outputs-only): every output matches report.json (not signed); the inputs were not checked');
  });

  it.each([
    [['--input', 'contact=x.csv'], /--input "contact=x\.csv": report\.json names no input "contact" \(its inputs: contacts, consent:1, notice\)/],
    [['--input', 'contacts'], /--input "contacts": must be NAME=PATH/],
    [['--input', 'contacts=/no/such/file.csv'], /--input "contacts=\/no\/such\/file\.csv": no such file/],
    [['--input', `contacts=${ROOT}/package.json`, '--outputs-only'], /--input and --outputs-only: give one or the other/],
  ])('a bad --input is exit 2 with one line: %j', (args, message) => {
    const r = leadaudit(['verify', out, ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('verify: a list read from standard input', () => {
  it('is listed as such and fails unless --input gives a copy or --outputs-only leaves it out', () => {
    const out = join(work, 'stdin-out');
    const a = leadaudit(['audit', '-', '--as-of', '2026-11-01', '--consent', join(inputs, 'consent.csv'), '--out-dir', out, '--quiet'], { input: readFileSync(join(inputs, 'contacts.csv')) });
    expect(a.status, a.stderr).toBe(0);
    const r = leadaudit(['verify', out]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^STDIN +input +contacts +standard input \(the audit read it from standard input: --input contacts=FILE checks a copy\)$/m);
    expect(r.stdout).toMatch(/^matches +input +consent:1 /m);
    const copyGiven = leadaudit(['verify', out, '--input', `contacts=${join(inputs, 'contacts.csv')}`]);
    expect(copyGiven.status, copyGiven.stdout).toBe(0);
    expect(copyGiven.stdout).toMatch(/^matches +input +contacts +.*contacts\.csv \(given by --input; report\.json has standard input\)$/m);
    const other = leadaudit(['verify', out, '--input', `contacts=${join(inputs, 'consent.csv')}`]);
    expect(other.status).toBe(1);
    expect(leadaudit(['verify', out, '--outputs-only']).status).toBe(0);
  });
});
