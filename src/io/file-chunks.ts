/**
 * A regular file's bytes, chunk by chunk, read where they are used (issue #16). A stream's read
 * goes to libuv's thread pool and its answer comes back through the event loop: a hand-over to
 * another thread and back for every 64 KiB, which on this 2-core machine cost more CPU time than
 * the read itself (a regular file's bytes come from the page cache in microseconds). Measured over
 * the benchmark's 1M-row snapshot audit, the same build with and without it, 5 alternating pairs:
 * 0.19 CPU s less (median), less in every pair; with the synchronous writes of
 * src/io/atomic-output.ts, 9.06 -> 8.52 CPU s (medians of 6 pairs, 3 December 2026; README,
 * Performance). Pipes, sockets, terminals and
 * devices are still read through a stream: a read there can wait for ever, and a run must stay
 * interruptible (issue #12 item 4). Nothing else then makes the event loop turn while a big file
 * is read, so the reading lets it turn now and then (TURN_MS).
 */
import { closeSync, readSync } from 'node:fs';

/** What the readers need of an input's bytes: a Readable is one, and so is FileChunks. */
export interface ChunkStream extends AsyncIterable<Buffer | string> {
  destroy(): void;
}

/**
 * How long reading may go on without letting the event loop turn. A read that answers at once
 * never does, and a signal (SIGINT, SIGTERM: issue #12 item 4) and timers are seen only when it
 * turns: one setImmediate() this often costs nothing measurable.
 */
const TURN_MS = 20;

export class FileChunks implements ChunkStream {
  private position = 0;
  private closed = false;
  private turned = performance.now();

  /** `fd`: a regular file's, open for reading; closed at the end, on an error and by destroy(). */
  constructor(private readonly fd: number, private readonly chunkSize: number) {}

  async *[Symbol.asyncIterator](): AsyncIterator<Buffer> {
    try {
      while (!this.closed) {
        if (performance.now() - this.turned >= TURN_MS) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          this.turned = performance.now();
          if (this.closed) return;
        }
        // A fresh buffer a chunk, as a stream hands out: a reader may keep a chunk it was given.
        const buf = Buffer.allocUnsafe(this.chunkSize);
        const n = readSync(this.fd, buf, 0, buf.length, this.position);
        if (n === 0) return;
        this.position += n;
        yield n === buf.length ? buf : buf.subarray(0, n);
      }
    } finally {
      this.destroy();
    }
  }

  /** Closes the file; later reads end at once (its descriptor may by then be another file's). */
  destroy(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }
}
