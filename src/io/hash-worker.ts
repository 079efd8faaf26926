/**
 * SHA-256 off the main thread. Hashing every input and output byte costs about a tenth of an
 * audit; a worker thread does it on the second core while the main thread parses and judges.
 * Chunks are copied and transferred, so the caller may reuse its buffers.
 */
import { Worker } from 'node:worker_threads';
import { createHash } from 'node:crypto';

const SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const hashes = new Map();
parentPort.on('message', (m) => {
  if (m.op === 'update') {
    let h = hashes.get(m.id);
    if (!h) { h = createHash('sha256'); hashes.set(m.id, h); }
    h.update(new Uint8Array(m.buf));
  } else if (m.op === 'digest') {
    const h = hashes.get(m.id) ?? createHash('sha256');
    hashes.delete(m.id);
    parentPort.postMessage({ id: m.id, hex: h.digest('hex') });
  }
});
`;

let worker: Worker | undefined;
let users = 0;
let nextId = 1;
const pending = new Map<number, (hex: string) => void>();

function shared(): Worker {
  if (!worker) {
    worker = new Worker(SOURCE, { eval: true });
    worker.on('message', (m: { id: number; hex: string }) => {
      const resolve = pending.get(m.id);
      pending.delete(m.id);
      // The thread keeps the process alive only while a digest is awaited.
      if (pending.size === 0) worker?.unref();
      resolve?.(m.hex);
    });
    worker.unref();
  }
  return worker;
}

/** An incremental SHA-256 computed by the shared hashing thread. */
export class OffThreadHash implements Sha256 {
  private readonly id = nextId++;
  private done = false;

  constructor() {
    shared();
    users++;
  }

  update(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    const copy = new Uint8Array(chunk.length);
    copy.set(chunk);
    worker!.postMessage({ op: 'update', id: this.id, buf: copy.buffer }, [copy.buffer]);
  }

  digest(): Promise<string> {
    if (this.done) throw new Error('digest called twice');
    this.done = true;
    return new Promise((resolve) => {
      pending.set(this.id, (hex) => {
        resolve(hex);
        if (--users === 0 && pending.size === 0) {
          void worker?.terminate();
          worker = undefined;
        }
      });
      worker!.ref();
      worker!.postMessage({ op: 'digest', id: this.id });
    });
  }
}

/** The interface both kinds of hash share. */
export interface Sha256 {
  update(chunk: Uint8Array): void;
  digest(): Promise<string>;
}

class LocalHash implements Sha256 {
  private readonly h = createHash('sha256');
  update(chunk: Uint8Array): void {
    this.h.update(chunk);
  }
  digest(): Promise<string> {
    return Promise.resolve(this.h.digest('hex'));
  }
}

let threaded = false;

/**
 * Whether new hashes run on the hashing thread. Starting a thread costs tens of milliseconds, more
 * than hashing a small list takes: the audit turns it on for large inputs only.
 */
export function hashOnThread(on: boolean): void {
  threaded = on;
}

export function createSha256(): Sha256 {
  return threaded ? new OffThreadHash() : new LocalHash();
}
