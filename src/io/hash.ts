/**
 * SHA-256 of the bytes as they stream by. (A hashing thread was tried: copying each chunk to it cost
 * the main thread more than hashing the chunk where it is.)
 */
import { createHash } from 'node:crypto';

export interface Sha256 {
  update(chunk: Uint8Array): void;
  digest(): Promise<string>;
}

export function createSha256(): Sha256 {
  const h = createHash('sha256');
  return {
    update: (chunk) => { h.update(chunk); },
    digest: () => Promise.resolve(h.digest('hex')),
  };
}
