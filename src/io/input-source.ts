/**
 * What stands in front of the table and JSON Lines readers (issue #11): an input is recognised by
 * its first bytes, not its name. gzip (`1f 8b`) is unpacked as it streams, whatever the input;
 * a ZIP archive is read as an .xlsx workbook and its sheet handed on as CSV text; other known
 * binary formats are refused with the list of what is accepted; everything else is text, read
 * exactly as before. The SHA-256 and byte count in report.json are always the file's own bytes.
 */
import { closeSync, constants, createReadStream, fstatSync, open as fsOpen, openSync, readSync, statSync } from 'node:fs';
import { Socket } from 'node:net';
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputError } from '../errors.js';
import { createSha256 } from './hash.js';
import { FileChunks, type ChunkStream } from './file-chunks.js';
import { ZipFile } from './xlsx/zip.js';
import { readWorkbook } from './xlsx/workbook.js';
import { sheetAsCsv } from './xlsx/sheet.js';
import { DEFAULT_LIMITS, UnpackedBudget, type InputLimits } from './xlsx/limits.js';
import { t } from '../i18n/index.js';

export const ACCEPTED_FORMATS = 'CSV or TSV text (UTF-8, UTF-16 or Windows-1251), .xlsx workbooks, JSON Lines (consent), and any of them gzip-compressed (.gz)';

/**
 * Bytes read at a time, for every input. One constant, so that issue #16 can choose it by
 * measurement (64 KiB looked 3x cheaper to decode than 256 KiB); tests pass smaller ones
 * (`chunkSize`) to move chunk boundaries (issue #12 item 2).
 */
export const READ_CHUNK_BYTES = 256 * 1024;

/**
 * Bytes a read of the contact list asks for (issue #16 item 2). Each chunk read becomes a fresh
 * decoded string, and a large one costs more to make and to cut records from than its share.
 * Measured: the whole benchmark audit (1M rows, 1M consent records, `--notice --suppress`), only
 * the contact list's reads changed, 5 alternating rounds each, CPU seconds (user+sys) median
 * [range], 1-minute load average 7.8-13 on the shared 2-core machine (2 December 2026):
 *   32 KiB 25.95 [23.2-34.3]   64 KiB 23.94 [20.0-26.1]   128 KiB 26.57 [23.1-32.1]   256 KiB 29.00 [25.4-32.7]
 * 64 KiB also had the lowest system time (2.77 s against 3.57 s) and peak RSS (243 MiB against 265).
 * The consent files' reads are chosen on their own (src/evidence/consent-loader.ts).
 */
export const CONTACTS_CHUNK_BYTES = 64 * 1024;

export interface InputOptions {
  limits?: InputLimits | undefined;
  /** The sheet to read from a workbook; the first visible one when undefined. */
  sheet?: string | undefined;
  /** Bytes a read of a file asks for (default READ_CHUNK_BYTES). */
  chunkSize?: number | undefined;
  /** Stops an open() or a first read that waits for ever (issue #12 item 4). */
  signal?: AbortSignal | undefined;
}

export interface OpenedInput {
  /** The bytes of the text to read (a workbook's sheet as UTF-8 CSV). */
  stream: ChunkStream;
  format: 'text' | 'xlsx';
  compression: 'gzip' | undefined;
  /** The sheet read, for a workbook. */
  sheet: string | undefined;
  /** The file's size, when the stream is the file's own bytes (sizing by bytes read). */
  size: number | undefined;
  /** When the stream is not the file's bytes: the file's SHA-256 and size, once it is read. */
  raw: { sha256(): Promise<string>; bytes(): number } | undefined;
}

const BINARY_KINDS: [number[], BinaryKind][] = [
  [[0xd0, 0xcf, 0x11, 0xe0], 'xls'],
  [[0x25, 0x50, 0x44, 0x46], 'pdf'],
  [[0x89, 0x50, 0x4e, 0x47], 'png'],
  [[0xff, 0xd8, 0xff], 'jpeg'],
  [[0x37, 0x7a, 0xbc, 0xaf], '7z'],
  [[0x52, 0x61, 0x72, 0x21], 'rar'],
  [[0x42, 0x5a, 0x68], 'bzip2'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a], 'xz'],
  [[0x28, 0xb5, 0x2f, 0xfd], 'zstd'],
];

type BinaryKind = 'xls' | 'pdf' | 'png' | 'jpeg' | '7z' | 'rar' | 'bzip2' | 'xz' | 'zstd';

/** Rejects with the signal's reason when it aborts; never, without a signal. */
export function aborted(signal: AbortSignal | undefined): { promise: Promise<never>; off: () => void } {
  if (!signal) return { promise: new Promise<never>(() => {}), off: () => {} };
  let off = () => {};
  const promise = new Promise<never>((_, reject) => {
    if (signal.aborted) { reject(signal.reason); return; }
    const on = () => reject(signal.reason);
    signal.addEventListener('abort', on, { once: true });
    off = () => signal.removeEventListener('abort', on);
  });
  promise.catch(() => {});
  return { promise, off };
}

/**
 * An open() of a FIFO with no writer stays blocked in the thread pool, and the process can't exit
 * while it does (libuv joins its threads at exit): opening the FIFO for writing, without blocking,
 * lets it go. Only ever done for a FIFO, and only when the run is being stopped.
 */
function releaseFifo(path: string): void {
  try {
    if (!statSync(path).isFIFO()) return;
    closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK));
  } catch { /* no reader waiting after all (ENXIO), or gone */ }
}

function startsWith(head: Buffer, magic: number[]): boolean {
  return head.length >= magic.length && magic.every((b, i) => head[i] === b);
}

export function notAccepted(label: string, what: string): InputError {
  return new InputError(t('input.notAccepted', { label, what, accepted: t('input.accepted') }));
}

/** Opens a path (or `-`, standard input) and recognises what it holds. */
export async function openInput(path: string, label: string, opts: InputOptions = {}): Promise<OpenedInput> {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const { signal } = opts;
  signal?.throwIfAborted();
  if (path === '-') return openStdin(label, limits, signal);
  let fd: number | undefined;
  let size: number;
  const head = Buffer.alloc(8);
  let headLength: number;
  let regular = false;
  const stop = aborted(signal);
  try {
    // A FIFO with no writer blocks the open itself: race it with the signal, and let it go.
    const opening = new Promise<number>((resolve, reject) => fsOpen(path, 'r', (e, n) => (e ? reject(e) : resolve(n))));
    fd = await Promise.race([opening, stop.promise]).catch(async (e: unknown) => {
      let settled = false;
      opening.then((late) => { settled = true; closeSync(late); }, () => { settled = true; });
      // The open() may still be queued for the thread pool: until it is blocked in the kernel there
      // is no reader, and a non-blocking open for writing fails (ENXIO) without releasing anything.
      // Try again until the open returns (CI saw the run hang after its message, 1 run in ~20).
      for (let i = 0; i < 400 && !settled; i++) {
        releaseFifo(path);
        await new Promise((r) => setTimeout(r, 5));
      }
      throw e;
    });
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new InputError(t('input.folder', { label }));
    if (st.isFIFO() || st.isSocket()) {
      // Read through the event loop, not by a read() blocked in the thread pool: the process
      // could not exit while one waited for data no one sends. (The descriptor opened while the
      // writer was there: one opened after it left is never told of the end.)
      return { stream: new Socket({ fd, readable: true, writable: false }), format: 'text', compression: undefined, sheet: undefined, size: undefined, raw: undefined };
    }
    size = st.size;
    regular = st.isFile();
    headLength = regular ? readSync(fd, head, 0, 8, 0) : 0;
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    if (e instanceof InputError || (signal?.aborted && e === signal.reason)) throw e;
    throw new InputError(t('input.cannotRead', { label, why: describeFsError(e) }));
  } finally {
    stop.off();
  }
  const magic = head.subarray(0, headLength);
  if (startsWith(magic, [0x50, 0x4b, 0x03, 0x04]) || startsWith(magic, [0x50, 0x4b, 0x05, 0x06])) {
    // A workbook is read by random access, through a file handle of its own (a regular file).
    closeSync(fd);
    const fh = await open(path, 'r');
    try {
      return await openWorkbook(path, label, fh, size, limits, opts.sheet);
    } catch (e) {
      await fh.close();
      throw e;
    }
  }
  const binary = BINARY_KINDS.find(([m]) => startsWith(magic, m));
  if (binary) {
    closeSync(fd);
    throw notAccepted(label, t('input.thisIs', { kind: t(`input.kind.${binary[1]}`) }));
  }
  const chunkSize = opts.chunkSize ?? READ_CHUNK_BYTES;
  if (startsWith(magic, [0x1f, 0x8b])) return gunzipped(createReadStream('', { fd, highWaterMark: chunkSize }), label, limits);
  // A regular file is read where its bytes are used (src/io/file-chunks.ts); anything else that
  // is not a pipe (a terminal, a device) through a stream.
  const stream = regular ? new FileChunks(fd, chunkSize) : createReadStream('', { fd, highWaterMark: chunkSize });
  return { stream, format: 'text', compression: undefined, sheet: undefined, size, raw: undefined };
}

/** Unpacks gzip as it streams, hashing the packed bytes and counting the unpacked ones. */
function gunzipped(source: Readable, label: string, limits: InputLimits): OpenedInput {
  const hash = createSha256();
  let bytes = 0;
  const budget = new UnpackedBudget(label, limits);
  const gunzip = createGunzip({ chunkSize: READ_CHUNK_BYTES });
  source.on('data', (c: Buffer) => { hash.update(c); bytes += c.length; });
  source.on('error', (e) => gunzip.destroy(e));
  const stream = Readable.from((async function* () {
    try {
      for await (const chunk of source.pipe(gunzip) as AsyncIterable<Buffer>) {
        budget.add(chunk.length);
        yield chunk;
      }
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(t('input.badGzip', { label, why: (e as Error).message }));
    } finally {
      source.destroy();
    }
  })(), { objectMode: false });
  return { stream, format: 'text', compression: 'gzip', sheet: undefined, size: undefined, raw: { sha256: () => hash.digest(), bytes: () => bytes } };
}

async function openWorkbook(path: string, label: string, fh: FileHandle, size: number, limits: InputLimits, wanted: string | undefined): Promise<OpenedInput> {
  const budget = new UnpackedBudget(label, limits);
  const zip = await ZipFile.open(path, label, fh, size);
  const wb = await readWorkbook(zip, budget, label, limits);
  const sheet = wanted === undefined
    ? wb.sheets.find((s) => !s.hidden) ?? wb.sheets[0]
    : wb.sheets.find((s) => s.name === wanted) ?? wb.sheets.find((s) => s.name.trim().toLowerCase() === wanted.trim().toLowerCase());
  if (!sheet) {
    throw new InputError(wanted === undefined
      ? t('input.noSheet', { label })
      : t('input.sheetMissing', { label, sheet: JSON.stringify(wanted), sheets: wb.sheets.map((s) => s.name).join(', ') }));
  }
  // The report's hash is the workbook file's; one sequential pass, next to the random-access reads.
  const hash = createSha256();
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) hash.update(chunk);
  const digest = hash.digest();
  const rows = sheetAsCsv(zip, wb, sheet, budget, label, limits);
  const stream = Readable.from((async function* () {
    try { yield* rows; } finally { await fh.close(); }
  })(), { objectMode: false });
  return { stream, format: 'xlsx', compression: undefined, sheet: sheet.name, size: undefined, raw: { sha256: () => digest, bytes: () => size } };
}

/** Standard input: the first chunk says whether it is gzip; it is handed on with the rest. */
async function openStdin(label: string, limits: InputLimits, signal: AbortSignal | undefined): Promise<OpenedInput> {
  const it = (process.stdin as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  // A pipe that never sends a byte must not hold the run past a signal (issue #12 item 4).
  const stop = aborted(signal);
  let first: IteratorResult<Buffer>;
  try {
    first = await Promise.race([it.next(), stop.promise]);
  } catch (e) {
    process.stdin.destroy();
    throw e;
  } finally {
    stop.off();
  }
  const head: Buffer | undefined = first.done ? undefined : first.value;
  const all = Readable.from((async function* () {
    if (head) yield head;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  })(), { objectMode: false });
  all.on('close', () => { void it.return?.(); });
  if (head && startsWith(head, [0x50, 0x4b, 0x03, 0x04])) throw new InputError(t('input.xlsxStdin', { label }));
  const binary = head && BINARY_KINDS.find(([m]) => startsWith(head, m));
  if (binary) throw notAccepted(label, t('input.thisIs', { kind: t(`input.kind.${binary[1]}`) }));
  if (head && startsWith(head, [0x1f, 0x8b])) return gunzipped(all, label, limits);
  return { stream: all, format: 'text', compression: undefined, sheet: undefined, size: undefined, raw: undefined };
}

export function describeFsError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT': return t('fs.ENOENT');
    case 'EACCES': case 'EPERM': return t('fs.EACCES');
    case 'EISDIR': return t('fs.EISDIR');
    default: return err?.message ?? String(e);
  }
}
