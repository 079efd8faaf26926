/**
 * Signed reports (issue #14): report.json's bytes signed with an Ed25519 key (node:crypto), the
 * 64-byte signature written as report.sig, exactly what `openssl pkeyutl -sign -rawin` makes, so a
 * report can be checked without leadaudit too. A key is named by its fingerprint: the SHA-256 of
 * the public key's DER SubjectPublicKeyInfo, in lower-case hex, which
 * `openssl pkey -pubin -in leadaudit-key.pub.pem -outform DER | sha256sum` prints as well.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import { t } from '../i18n/index.js';

export const SIGNATURE_FILE = 'report.sig';
export const KEY_FILE = 'leadaudit-key.pem';
export const PUBLIC_KEY_FILE = 'leadaudit-key.pub.pem';

/** What report.json says about its own signature; null when it is not signed. */
export interface SignatureClaim {
  algorithm: 'ed25519';
  /** The fingerprint of the signing key's public half. */
  key_fingerprint: string;
  /** The file that holds the signature, next to report.json. */
  file: typeof SIGNATURE_FILE;
}

export function fingerprint(key: KeyObject): string {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256').update(pub.export({ type: 'spki', format: 'der' })).digest('hex');
}

export function signBytes(bytes: Uint8Array, key: KeyObject): Buffer {
  return sign(null, bytes, key);
}

export function signatureHolds(bytes: Uint8Array, signature: Uint8Array, key: KeyObject): boolean {
  try {
    return verify(null, bytes, key, signature);
  } catch {
    // A signature of the wrong length, for instance: it does not hold.
    return false;
  }
}

export function generateKeyPair(): { privatePem: string; publicPem: string; fingerprint: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }) as string,
    fingerprint: fingerprint(publicKey),
  };
}

const PRIVATE_PEM = /-----BEGIN (ENCRYPTED |RSA |EC |)PRIVATE KEY-----/;
const PUBLIC_PEM = /-----BEGIN (RSA )?PUBLIC KEY-----/;

/**
 * Reads an Ed25519 key of the kind wanted from a PEM file, before anything else is done; every
 * problem is an InputError naming the flag and the file: `--sign "k.pem": is a public key; ...`.
 */
export function readKey(path: string, kind: 'private' | 'public', flag: string): KeyObject {
  const fail = (problem: string) => new InputError(t('key.bad', { flag, value: JSON.stringify(path), problem }));
  let text: string;
  try {
    text = readFileSync(path, 'latin1');
  } catch (e) {
    throw fail(t('key.cannotRead', { why: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
  }
  const [wanted, other] = kind === 'private' ? [PRIVATE_PEM, PUBLIC_PEM] : [PUBLIC_PEM, PRIVATE_PEM];
  if (other.test(text) && !wanted.test(text)) {
    throw fail(kind === 'private'
      ? t('key.isPublic', { file: KEY_FILE })
      : t('key.isPrivate', { file: PUBLIC_KEY_FILE }));
  }
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(text)) {
    throw fail(t('key.encrypted'));
  }
  let key: KeyObject;
  try {
    key = kind === 'private' ? createPrivateKey(text) : createPublicKey(text);
  } catch {
    throw fail(kind === 'private' ? t('key.notPemPrivate') : t('key.notPemPublic'));
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw fail(t('key.notEd25519', { type: (key.asymmetricKeyType ?? 'unknown').toUpperCase() }));
  }
  return key;
}
