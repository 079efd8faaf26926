/**
 * SHA-256 of the bytes as they stream by. (A hashing thread was tried: copying each chunk to it cost
 * the main thread more than hashing the chunk where it is.)
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

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

export type FileHash = { kind: 'hashed'; sha256: string } | { kind: 'missing' } | { kind: 'not-a-file' };

/**
 * The SHA-256 of a regular file, or why there is none. Only regular files are read (issue #12
 * item 15: `verify` on a report naming /dev/zero hung): the file is opened without blocking (a FIFO
 * with no writer would block the open) and checked on the open descriptor, so what is read is
 * what was checked.
 */
/** Bytes a hashing read asks for: large reads into one reused buffer, one pass (issue #16, see README). */
const HASH_READ_BYTES = 1 << 20;

export async function hashRegularFile(path: string, signal?: AbortSignal): Promise<FileHash> {
  let fh: FileHandle;
  try {
    fh = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    if (code === 'ENXIO' || code === 'EISDIR') return { kind: 'not-a-file' };
    throw e;
  }
  try {
    if (!(await fh.stat()).isFile()) return { kind: 'not-a-file' };
    const h = createHash('sha256');
    const buf = Buffer.allocUnsafeSlow(HASH_READ_BYTES);
    for (;;) {
      signal?.throwIfAborted();
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      h.update(buf.subarray(0, bytesRead));
    }
    return { kind: 'hashed', sha256: h.digest('hex') };
  } finally {
    await fh.close();
  }
}
