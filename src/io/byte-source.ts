/**
 * The bytes of an input, chunk by chunk, hashed and counted as they go by: the stage between what
 * an input is (src/io/input-source.ts: a file, standard input, gzip unpacked, a workbook's sheet,
 * recognised by its first bytes, issue #11) and decoding and tokenizing. Kept apart from both, so
 * that any byte stream can be put in front of the readers.
 *
 * Interruptible in every phase (issue #12 item 4): an abort signal settles a pending read at once,
 * with the signal's reason.
 */
import { InputError } from '../errors.js';
import { createSha256 } from './hash.js';
import { aborted, describeFsError, openInput, type InputOptions, type OpenedInput } from './input-source.js';
import { t } from '../i18n/index.js';

export { READ_CHUNK_BYTES, describeFsError } from './input-source.js';

export interface ByteSourceOptions {
  /** A path, or `-` for standard input. */
  path: string;
  /** How messages name the input. */
  label: string;
  /** Limits and the sheet, for gzip and .xlsx inputs. */
  input?: InputOptions | undefined;
  /** Bytes a read asks for (default READ_CHUNK_BYTES); tests move chunk boundaries with it. */
  chunkSize?: number | undefined;
  signal?: AbortSignal | undefined;
}

export class ByteSource {
  private readonly hash = createSha256();
  /** Bytes of the stream read so far (a packed input's unpacked bytes). */
  bytesRead = 0;
  private readonly chunks: AsyncIterator<Buffer>;
  private readonly onAbort = () => this.destroy();

  constructor(readonly input: OpenedInput, readonly label: string, private readonly signal?: AbortSignal) {
    this.chunks = input.stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  static async open(opts: ByteSourceOptions): Promise<ByteSource> {
    opts.signal?.throwIfAborted();
    const input = await openInput(opts.path, opts.label, { ...opts.input, chunkSize: opts.chunkSize, signal: opts.signal });
    return new ByteSource(input, opts.label, opts.signal);
  }

  /** The input's size in bytes, when its stream is the file's own bytes. */
  get size(): number | undefined {
    return this.input.size;
  }

  /** Bytes of the file itself (a packed input's own size, not what it unpacks to). */
  get fileBytes(): number {
    return this.input.raw ? this.input.raw.bytes() : this.bytesRead;
  }

  /** The next chunk, or undefined at the end. */
  async next(): Promise<Buffer | undefined> {
    this.signal?.throwIfAborted();
    let r: IteratorResult<Buffer>;
    try {
      // Not every stream settles a pending read when destroyed (standard input behind a wrapper):
      // the signal is raced with the read itself, a race of its own each time (one long-lived
      // promise raced with every read would keep every chunk read reachable from it).
      const stop = this.signal ? aborted(this.signal) : undefined;
      try {
        r = await (stop ? Promise.race([this.chunks.next(), stop.promise]) : this.chunks.next());
      } finally {
        stop?.off();
      }
    } catch (e) {
      this.signal?.throwIfAborted();
      // A packed input's own problems (a limit, a damaged archive) are already one-line messages.
      if (e instanceof InputError) throw e;
      throw new InputError(t('input.cannotRead', { label: this.label, why: describeFsError(e) }));
    }
    this.signal?.throwIfAborted();
    if (r.done) {
      this.signal?.removeEventListener('abort', this.onAbort);
      return undefined;
    }
    const chunk = typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
    // The report's hash is the file's own bytes: a packed input hashes them as it unpacks.
    if (!this.input.raw) this.hash.update(chunk);
    this.bytesRead += chunk.length;
    return chunk;
  }

  /** The SHA-256 of the file's bytes; call once, at the end. */
  sha256(): Promise<string> {
    return this.input.raw ? this.input.raw.sha256() : this.hash.digest();
  }

  /** Stops reading and closes the input. */
  destroy(): void {
    this.signal?.removeEventListener('abort', this.onAbort);
    this.input.stream.destroy();
  }
}
