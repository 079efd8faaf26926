/**
 * The consent index as one file (issue #16 item 1), laid out so that it loads with one read: the
 * typed-array columns, the id arena and the hash table are views on the file's own bytes, nothing
 * is copied or rebuilt. The file:
 *
 *   0  magic "LAIDX\r\n\x1a" (a text-mode copy or a truncated head shows at once)
 *   8  u32 FORMAT_VERSION        12 u32 bytes of the meta JSON
 *  16  f64 bytes of the whole file (a truncated file is found before anything else is read)
 *  24  u32 CRC-32 of every byte from 32 to the end       28 u32 0
 *  32  the meta JSON (what the index was made from, the interned tables, the load's counts and
 *      invalid records), then every column, each at an offset that is a multiple of 8 (a
 *      Float64Array view needs it; the file is read into a buffer of its own, which starts aligned)
 *
 * CRC-32 (node:zlib) and not SHA-256: it finds every flipped byte and every short read, which is
 * what a cache must survive, and measured 135-166 ms against 260-467 ms for SHA-256 over 256 MiB
 * on this machine (node /tmp/index-cksum.mjs, load average ~8). Nobody can be kept from writing a
 * cache they own: the check is against damage, not against its owner.
 */
import { crc32 } from 'node:zlib';
import { ConsentIndex, type IndexColumns, type IndexParts, type NoticeTuple } from './consent-index.js';
import { InvalidEvidence } from './invalid-evidence.js';
import type { ConsentFileStats } from './consent-loader.js';

/** Bump when the layout or the meaning of anything in it changes; email-keyed consent will. */
export const FORMAT_VERSION = 1;
const MAGIC = Buffer.from('LAIDX\r\n\x1a', 'latin1');
/** Bytes of the head; the checksum is of every byte after it. */
export const SNAPSHOT_HEAD = 32;
const HEAD = SNAPSHOT_HEAD;

type ColumnType = Float64ArrayConstructor | Uint32ArrayConstructor | Uint16ArrayConstructor | Uint8ArrayConstructor | typeof Buffer;
const COLUMNS: readonly [keyof IndexColumns, ColumnType][] = [
  ['key', Float64Array], ['given', Float64Array], ['withdrawn', Float64Array], ['expires', Float64Array],
  ['heads', Uint32Array], ['next', Uint32Array], ['purposes', Uint32Array], ['channels', Uint32Array], ['notices', Uint32Array],
  ['lineOf', Uint32Array], ['idStart', Uint32Array], ['evStart', Uint32Array], ['evSha', Uint32Array],
  ['fileOf', Uint16Array], ['idLen', Uint16Array], ['evLen', Uint16Array], ['proven', Uint8Array], ['facts', Uint8Array], ['arena', Buffer],
];

/** What a file's load said, without what the run gives anew (its path, label and SHA-256). */
export type FileFacts = Omit<ConsentFileStats, 'path' | 'label' | 'sha256'>;

export interface SnapshotMeta {
  /** The program that wrote it (its version and build). */
  program: string;
  /** What the index was made from: the inputs and the settings that shape it. */
  key: string;
  files: FileFacts[];
  invalid: { numbers: [string, string[]][]; dropped: number };
}

interface StoredMeta extends SnapshotMeta {
  n: number;
  mask: number;
  keepText: boolean;
  sections: Record<string, [number, number]>;
  names: string[];
  lists: string[][];
  /** Notice tuples: [notice, noticeGivenAt, noticeExempt, origin], null for undefined. */
  tuples: [NoticeTuple['notice'], number | null, string | null, NoticeTuple['origin'] | null][];
}

const pad8 = (n: number) => (8 - (n % 8)) % 8;
const bytesOf = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** The snapshot's bytes, as pieces to write one after another (the columns are not copied). */
export function encodeSnapshot(index: ConsentIndex, meta: SnapshotMeta): Buffer[] {
  const p = index.parts();
  const sections: Record<string, [number, number]> = {};
  const stored: Omit<StoredMeta, 'sections'> = {
    ...meta, n: p.n, mask: p.mask, keepText: p.keepText, names: p.files, lists: p.lists,
    tuples: p.tuples.map((t) => [t.notice, t.noticeGivenAt ?? null, t.noticeExempt ?? null, t.origin ?? null]),
  };
  // The sections' offsets depend on the meta's length, which holds them: lay them out after a
  // meta of the final length (offsets are written at a fixed width).
  const width = 16;
  const placeholder = Object.fromEntries(COLUMNS.map(([name]) => [name, [0, 0]]));
  const metaLength = Buffer.byteLength(JSON.stringify({ ...stored, sections: placeholder })) + COLUMNS.length * 2 * width;
  let at = HEAD + metaLength + pad8(metaLength);
  for (const [name] of COLUMNS) {
    const b = p.columns[name].byteLength;
    sections[name] = [at, b];
    at += b + pad8(b);
  }
  const json = JSON.stringify({ ...stored, sections });
  const metaBytes = Buffer.alloc(metaLength, 0x20);
  metaBytes.write(json, 'utf8');
  const pieces: Buffer[] = [metaBytes, Buffer.alloc(pad8(metaLength))];
  for (const [name] of COLUMNS) {
    const b = bytesOf(p.columns[name]);
    pieces.push(b, Buffer.alloc(pad8(b.length)));
  }
  // Empty pieces left out: Node 20's crc32() of a view on an empty ArrayBuffer returns 0, not the
  // running value.
  const nonEmpty = pieces.filter((piece) => piece.length > 0);
  let crc = 0;
  for (const piece of nonEmpty) crc = crc32(piece, crc);
  const head = Buffer.alloc(HEAD);
  MAGIC.copy(head, 0);
  head.writeUInt32LE(FORMAT_VERSION, 8);
  head.writeUInt32LE(metaLength, 12);
  head.writeDoubleLE(at, 16);
  head.writeUInt32LE(crc, 24);
  return [head, ...nonEmpty];
}

export type SnapshotProblem = 'corrupt' | 'other-version';

/**
 * Checks a snapshot's bytes (read whole into a buffer of their own; `crc`: the CRC-32 of the bytes
 * after the head, computed as they were read): the head, the length, the checksum, then the meta.
 * Nothing in a file that fails is used.
 */
export function openSnapshot(bytes: Buffer, crc: number, program: string): { meta: SnapshotMeta } | { problem: SnapshotProblem } {
  if (bytes.length < HEAD || !bytes.subarray(0, 8).equals(MAGIC)) return { problem: 'corrupt' };
  if (bytes.readUInt32LE(8) !== FORMAT_VERSION) return { problem: 'other-version' };
  const metaLength = bytes.readUInt32LE(12);
  if (bytes.readDoubleLE(16) !== bytes.length || HEAD + metaLength > bytes.length) return { problem: 'corrupt' };
  if (crc !== bytes.readUInt32LE(24)) return { problem: 'corrupt' };
  let meta: StoredMeta;
  try {
    meta = JSON.parse(bytes.toString('utf8', HEAD, HEAD + metaLength)) as StoredMeta;
  } catch {
    return { problem: 'corrupt' };
  }
  if (meta.program !== program) return { problem: 'other-version' };
  return { meta };
}

/** The index and the load's facts, from a snapshot openSnapshot() accepted. */
export function restoreSnapshot(bytes: Buffer, meta: SnapshotMeta): { index: ConsentIndex; files: FileFacts[]; invalid: InvalidEvidence } {
  const m = meta as StoredMeta;
  const columns = {} as Record<keyof IndexColumns, unknown>;
  for (const [name, Type] of COLUMNS) {
    const [offset, length] = m.sections[name]!;
    if (offset % 8 !== 0 || offset + length > bytes.length) throw new Error(`snapshot section ${name} out of place`);
    columns[name] = Type === Buffer
      ? bytes.subarray(offset, offset + length)
      : new (Type as Float64ArrayConstructor)(bytes.buffer, bytes.byteOffset + offset, length / (Type as Float64ArrayConstructor).BYTES_PER_ELEMENT);
  }
  const parts: IndexParts = {
    n: m.n, mask: m.mask, keepText: m.keepText, columns: columns as unknown as IndexColumns, files: m.names, lists: m.lists,
    tuples: m.tuples.map(([notice, givenAt, exempt, origin]) => ({
      notice, noticeGivenAt: givenAt ?? undefined, noticeExempt: exempt ?? undefined, origin: origin ?? undefined,
    })),
  };
  return { index: ConsentIndex.fromParts(parts), files: m.files, invalid: InvalidEvidence.fromData(m.invalid) };
}
