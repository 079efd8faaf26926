/**
 * The consent index as one file (issue #16 item 1), read a page at a time when first used: a
 * 10-row audit against 5M consent records reads a few pages of a 400 MB snapshot, an audit of a
 * big list reads what its numbers touch. The file:
 *
 *   0  magic "LAIDX\r\n\x1a" (a text-mode copy or a truncated head shows at once)
 *   8  u32 FORMAT_VERSION        12 u32 bytes of the meta JSON
 *  16  f64 bytes of the whole file (a truncated file is found before anything else is read)
 *  24  u32 CRC-32 of every byte from 32 to the end       28 u32 bytes of the page checksums
 *  32  the meta JSON (what the index was made from, the interned tables, the load's counts and
 *      invalid records, where each column is), then the page checksums (u32 each), then every
 *      column, each at an offset that is a multiple of 8
 *
 * Why pages and not one read of the whole file: on this machine (a Firecracker VM) the first touch
 * of fresh memory costs about 3.6 ms a MiB, so reading a 400 MB snapshot into a buffer took 1.4 s
 * of system time before anything was looked up, while the same bytes streamed through one reused
 * 1 MiB buffer and checksummed take about 0.12 s (node scripts/measure/first-touch.mjs, 2026-12-02,
 * load 0.4-1.7). So a snapshot is opened by streaming it once through a small buffer to check the
 * whole file's CRC-32; nothing in it is used unless that holds. The columns are then typed arrays
 * of their full length that are not touched (the kernel gives their memory on first write), and a
 * page is read into them the first time a lookup needs it, by pages of records, of hash-table
 * slots and of the id arena (DEFAULT_PAGES). Each page has its own CRC-32, checked when it is read:
 * the file was whole when opened, and a page that no longer matches (the file written over in
 * place while the run read it) stops the run rather than being used. A run that will touch
 * nearly every page anyway (readsWhole()) has the check's one pass copy each column into its place
 * as it streams by instead, and reads no page afterwards.
 *
 * CRC-32 (node:zlib) and not SHA-256: it finds every flipped byte and every short read, which is
 * what a cache must survive, and runs at about 5 GB/s here against 1.6 GB/s for SHA-256 (256 MiB
 * already in memory: 50 ms against 165 ms). Nobody can be kept from writing a cache they own: the
 * check is against damage, not against its owner.
 */
import { closeSync, fstatSync, openSync, read, readSync } from 'node:fs';
import { promisify } from 'node:util';
import { crc32 } from 'node:zlib';
import { ConsentIndex, RECORD_BYTES, type ColumnPager, type IndexColumns, type IndexParts, type NoticeTuple } from './consent-index.js';
import { InvalidEvidence } from './invalid-evidence.js';
import type { ConsentFileStats } from './consent-loader.js';
import { InputError } from '../errors.js';
import { t } from '../i18n/index.js';

/**
 * Bump when the layout or the meaning of anything in it changes; email-keyed consent will. 4: the
 * record's facts byte also keeps opt_out_offered (bits 5-6; a format-3 snapshot has them 0, unknown).
 */
export const FORMAT_VERSION = 4;
const MAGIC = Buffer.from('LAIDX\r\n\x1a', 'latin1');
/** Bytes of the head; the checksum is of every byte after it. */
const HEAD = 32;

/** Page sizes as powers of two: records, hash-table slots, arena bytes a page. */
export interface PageShifts { records: number; slots: number; arena: number }
/** 1024 records (64 KiB), 16384 hash-table slots (64 KiB), 64 KiB of the arena. */
export const DEFAULT_PAGES: PageShifts = { records: 10, slots: 14, arena: 16 };

type ColumnType = Uint32ArrayConstructor | Uint16ArrayConstructor | Uint8ArrayConstructor;
type Unit = 'records' | 'slots' | 'arena';
/** name, type, what it is paged by, bytes an element (a record is RECORD_BYTES). */
const COLUMNS: readonly [keyof IndexColumns, ColumnType, Unit, number][] = [
  ['records', Uint8Array, 'records', RECORD_BYTES], ['heads', Uint32Array, 'slots', 4],
  ['evStart', Uint32Array, 'records', 4], ['evSha', Uint32Array, 'records', 4], ['evLen', Uint16Array, 'records', 2],
  ['arena', Uint8Array, 'arena', 1],
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
  pages: PageShifts;
  /** name -> [offset in the file, bytes, elements, index of its first page checksum] */
  sections: Record<string, [number, number, number, number]>;
  names: string[];
  lists: string[][];
  /** Notice tuples: [notice, noticeGivenAt, noticeExempt, origin], null for undefined. */
  tuples: [NoticeTuple['notice'], number | null, string | null, NoticeTuple['origin'] | null][];
}

const pad8 = (n: number) => (8 - (n % 8)) % 8;
const bytesOf = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
const pageBytes = (unit: Unit, bytes: number, pages: PageShifts) => (1 << pages[unit]) * bytes;

/** The snapshot's bytes, as pieces to write one after another (the columns are not copied). */
export function encodeSnapshot(index: ConsentIndex, meta: SnapshotMeta, pages: PageShifts = DEFAULT_PAGES): Buffer[] {
  const p = index.parts();
  const stored: Omit<StoredMeta, 'sections'> = {
    ...meta, n: p.n, mask: p.mask, keepText: p.keepText, pages, names: p.files, lists: p.lists,
    tuples: p.tuples.map((t) => [t.notice, t.noticeGivenAt ?? null, t.noticeExempt ?? null, t.origin ?? null]),
  };
  // Page checksums: each column's pages in turn.
  const crcs: number[] = [];
  const firstPage: Record<string, number> = {};
  for (const [name, , unit, bytes] of COLUMNS) {
    firstPage[name] = crcs.length;
    const b = bytesOf(p.columns[name]);
    const step = pageBytes(unit, bytes, pages);
    for (let at = 0; at < b.length; at += step) crcs.push(crc32(b.subarray(at, Math.min(b.length, at + step))));
  }
  const crcBytes = bytesOf(Uint32Array.from(crcs));
  // The sections' offsets depend on the meta's length, which holds them: lay them out after a
  // meta of the final length (offsets are written at a fixed width).
  const width = 16;
  const placeholder = Object.fromEntries(COLUMNS.map(([name]) => [name, [0, 0, 0, 0]]));
  const metaLength = Buffer.byteLength(JSON.stringify({ ...stored, sections: placeholder })) + COLUMNS.length * 4 * width;
  let at = HEAD + metaLength + pad8(metaLength) + crcBytes.length + pad8(crcBytes.length);
  const sections: StoredMeta['sections'] = {};
  for (const [name, , , bytes] of COLUMNS) {
    const c = p.columns[name];
    sections[name] = [at, c.byteLength, c.byteLength / bytes, firstPage[name]!];
    at += c.byteLength + pad8(c.byteLength);
  }
  const metaBytes = Buffer.alloc(metaLength, 0x20);
  metaBytes.write(JSON.stringify({ ...stored, sections }), 'utf8');
  const pieces: Buffer[] = [metaBytes, Buffer.alloc(pad8(metaLength)), crcBytes, Buffer.alloc(pad8(crcBytes.length))];
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
  head.writeUInt32LE(crcBytes.length, 28);
  return [head, ...nonEmpty];
}

export type SnapshotProblem = 'missing' | 'unreadable' | 'corrupt' | 'other-version';

/** A snapshot whose every byte was checked when opened; its columns are read from `fd` on demand. */
export interface OpenedSnapshot {
  path: string;
  fd: number;
  meta: SnapshotMeta;
  /** The page checksums, as they streamed by at the check. */
  crcs: Uint32Array;
  /**
   * The columns, when the check read them whole into their places (see readsWhole()); else read by
   * pages. An empty column is not among them.
   */
  columns?: Partial<Record<keyof IndexColumns, ArrayBufferView>> | undefined;
}

/** A column's place in the file, as the meta gives it, checked against the layout encodeSnapshot() makes. */
interface ColumnPlace {
  name: keyof IndexColumns;
  Type: ColumnType;
  unit: Unit;
  ebytes: number;
  offset: number;
  bytes: number;
  elements: number;
  firstPage: number;
}

/**
 * The columns' places and how many pages they make in all; throws when the meta's sections are
 * not where encodeSnapshot() puts them.
 */
function placesOf(m: StoredMeta): { places: ColumnPlace[]; pages: number } {
  const places: ColumnPlace[] = [];
  let pages = 0;
  for (const [name, Type, unit, ebytes] of COLUMNS) {
    const [offset, bytes, elements, firstPage] = m.sections[name]!;
    if (offset % 8 !== 0 || bytes !== elements * ebytes || firstPage !== pages) throw new Error(`snapshot section ${name} out of place`);
    pages += Math.ceil(bytes / pageBytes(unit, ebytes, m.pages));
    places.push({ name, Type, unit, ebytes, offset, bytes, elements, firstPage });
  }
  return { places, pages };
}

const newColumn = (c: ColumnPlace) => (c.name === 'arena' ? Buffer.alloc(c.bytes) : new c.Type(c.bytes / c.Type.BYTES_PER_ELEMENT));
const bytesView = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/**
 * Whether a run that will make about `lookups` look-ups reads the snapshot whole when it opens it,
 * rather than by pages: when its look-ups will touch nearly every page of records anyway (twice as
 * many look-ups as pages of records leave about one page in seven untouched, spread at random).
 * Then the check's one pass puts every byte in its place, and no page is read and checked a
 * second time (the 1M-row benchmark: about 0.1 CPU s, README Performance). A 10-row audit against
 * millions of records still reads a few pages.
 */
export function readsWhole(records: number, pages: PageShifts, lookups: number): boolean {
  return lookups >= 2 * Math.ceil(records / 2 ** pages.records);
}

/** Bytes a streaming check reads at a time, into one buffer (measured: see the file's comment). */
const CHECK_READ_BYTES = 1 << 20;
const readAsync = promisify(read);

/** Reads exactly `length` bytes at `position` into `into` (a short read: the file is shorter). */
function readFully(fd: number, into: Uint8Array, position: number): boolean {
  for (let got = 0; got < into.length;) {
    const n = readSync(fd, into, got, into.length - got, position + got);
    if (n === 0) return false;
    got += n;
  }
  return true;
}

/**
 * Opens a snapshot and checks it whole (head, length, the CRC-32 of every byte after the head,
 * program) by streaming it once; the file stays open for the pages to be read from, unless the
 * run's `lookups` have its columns read whole in that pass (readsWhole()). Nothing in a file that
 * fails is used, and its descriptor is closed.
 */
export async function openSnapshotFile(path: string, program: string, lookups = 0): Promise<OpenedSnapshot | { problem: SnapshotProblem }> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable' };
  }
  let keep = false;
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { problem: 'unreadable' };
    const head = Buffer.alloc(HEAD);
    if (st.size < HEAD || !readFully(fd, head, 0) || !head.subarray(0, 8).equals(MAGIC)) return { problem: 'corrupt' };
    if (head.readUInt32LE(8) !== FORMAT_VERSION) return { problem: 'other-version' };
    const metaLength = head.readUInt32LE(12);
    const crcBytes = head.readUInt32LE(28);
    // The meta and the page checksums are kept as they stream by: what is used is what was checked.
    const prefix = metaLength + pad8(metaLength) + crcBytes;
    if (head.readDoubleLE(16) !== st.size || HEAD + prefix > st.size || crcBytes % 4 !== 0) return { problem: 'corrupt' };
    const prefixBytes = Buffer.alloc(prefix);
    if (!readFully(fd, prefixBytes, HEAD)) return { problem: 'corrupt' };
    let crc = crc32(prefixBytes);
    // Nothing read here is used unless the whole file's checksum holds, below; until then the meta
    // only says where to put the columns' bytes, if the run reads them whole.
    let meta: StoredMeta | undefined;
    try {
      meta = JSON.parse(prefixBytes.toString('utf8', 0, metaLength)) as StoredMeta;
    } catch {
      meta = undefined;
    }
    const columns = meta && wholeColumns(meta, prefix, program, st.size, lookups);
    let at = HEAD + prefix;
    const buf = Buffer.allocUnsafeSlow(Math.min(CHECK_READ_BYTES, Math.max(1, st.size - at)));
    /**
     * Reads [at, to) through `buf`, adding it to the checksum, and copies it into `into` when given.
     * Through `buf` even then: read straight into a column's fresh memory, the kernel meets each of
     * its pages for the first time inside the read, which costs more on this VM than the program
     * meeting it in a copy (system time 0.23-0.24 s against 0.10-0.12); read into the one small
     * buffer that stays in the cache, checksummed there and copied on, the 80 MiB snapshot of 1M
     * records took 0.24-0.25 s of CPU instead of 0.34-0.36 s (three runs each, 3 December 2026;
     * `node scripts/measure/first-touch.mjs SNAPSHOT`, steps 4 and 5).
     */
    const readTo = async (to: number, into?: Uint8Array): Promise<boolean> => {
      const base = at;
      while (at < to) {
        const { bytesRead } = await readAsync(fd, buf, 0, Math.min(buf.length, to - at), at);
        if (bytesRead === 0) return false;
        const piece = buf.subarray(0, bytesRead);
        crc = crc32(piece, crc);
        into?.set(piece, at - base);
        at += bytesRead;
      }
      return true;
    };
    for (const [place, column] of columns ?? []) {
      if (!(await readTo(place.offset)) || !(await readTo(place.offset + place.bytes, bytesView(column)))) return { problem: 'corrupt' };
    }
    if (!(await readTo(st.size))) return { problem: 'corrupt' };
    if (crc !== head.readUInt32LE(24) || meta === undefined) return { problem: 'corrupt' };
    if (meta.program !== program) return { problem: 'other-version' };
    const crcs = new Uint32Array(crcBytes / 4);
    prefixBytes.copy(Buffer.from(crcs.buffer), 0, prefix - crcBytes);
    keep = true;
    const whole = columns && (Object.fromEntries(columns.map(([place, column]) => [place.name, column])) as OpenedSnapshot['columns']);
    return { path, fd, meta, crcs, columns: whole };
  } catch {
    return { problem: 'unreadable' };
  } finally {
    if (!keep) closeSync(fd);
  }
}

/**
 * The columns to read the snapshot into whole, in file order, when its meta (not yet checked) names
 * this program, lays the columns out as encodeSnapshot() does within the file, and the run's
 * look-ups call for it (readsWhole()); else undefined, and the check streams the file through a
 * small buffer. A meta that is wrong in any way only means the file is checked that way and then
 * found corrupt or of another version, as before. `prefix`: the bytes of the meta and the page
 * checksums, after the head.
 */
function wholeColumns(meta: StoredMeta, prefix: number, program: string, size: number, lookups: number)
  : [ColumnPlace, ArrayBufferView][] | undefined {
  if (lookups <= 0) return undefined;
  let places: ColumnPlace[];
  try {
    if (meta.program !== program || !readsWhole(meta.n, meta.pages, lookups)) return undefined;
    places = placesOf(meta).places;
  } catch {
    return undefined;
  }
  let end = HEAD + prefix;
  for (const c of places) {
    if (!Number.isSafeInteger(c.offset) || !Number.isSafeInteger(c.bytes) || c.offset < end || c.offset + c.bytes > size) return undefined;
    end = c.offset + c.bytes;
  }
  return places.filter((c) => c.bytes > 0).map((c) => [c, newColumn(c)]);
}

/** Closes a snapshot that is not going to be used. */
export function closeSnapshot(s: OpenedSnapshot): void {
  closeSync(s.fd);
}

/** The descriptor of a snapshot in use is closed when its index is collected. */
const closer = new FinalizationRegistry<number>((fd) => {
  try { closeSync(fd); } catch { /* closed already */ }
});

/** A column of a paged index: where it is in the file, and its pages' checksums. */
interface PagedColumn {
  view: Uint8Array;
  offset: number;
  bpe: number;
  elements: number;
  firstPage: number;
}

/** Reads a snapshot's pages into the index's columns the first time they are used. */
class SnapshotPager implements ColumnPager {
  readonly recShift: number;
  readonly slotShift: number;
  readonly arenaShift: number;
  readonly recLoaded: Uint8Array;
  readonly slotLoaded: Uint8Array;
  readonly arenaLoaded: Uint8Array;
  private readonly byUnit: Record<Unit, PagedColumn[]> = { records: [], slots: [], arena: [] };

  constructor(private readonly fd: number, private readonly path: string, private readonly crcs: Uint32Array,
    pages: PageShifts, columns: [Unit, PagedColumn][]) {
    this.recShift = pages.records;
    this.slotShift = pages.slots;
    this.arenaShift = pages.arena;
    for (const [unit, c] of columns) if (c.elements > 0) this.byUnit[unit].push(c);
    // A unit's pages: enough for its longest column.
    const count = (unit: Unit) => Math.ceil(Math.max(0, ...this.byUnit[unit].map((c) => c.elements)) / 2 ** pages[unit]);
    this.recLoaded = new Uint8Array(count('records'));
    this.slotLoaded = new Uint8Array(count('slots'));
    this.arenaLoaded = new Uint8Array(count('arena'));
  }

  private load(unit: Unit, shift: number, page: number): void {
    for (const c of this.byUnit[unit]) {
      const from = page << shift;
      if (from >= c.elements) continue;
      const count = Math.min(c.elements - from, 1 << shift);
      const into = c.view.subarray(from * c.bpe, (from + count) * c.bpe);
      if (!readFully(this.fd, into, c.offset + from * c.bpe) || crc32(into) !== this.crcs[c.firstPage + page]) {
        throw new InputError(t('index.changed', { path: this.path }));
      }
    }
  }

  loadRecords(page: number): void {
    this.load('records', this.recShift, page);
    this.recLoaded[page] = 1;
  }

  loadSlots(page: number): void {
    this.load('slots', this.slotShift, page);
    this.slotLoaded[page] = 1;
  }

  loadArena(page: number): void {
    this.load('arena', this.arenaShift, page);
    this.arenaLoaded[page] = 1;
  }

  loadAll(): void {
    for (let p = 0; p < this.recLoaded.length; p++) if (this.recLoaded[p] === 0) this.loadRecords(p);
    for (let p = 0; p < this.slotLoaded.length; p++) if (this.slotLoaded[p] === 0) this.loadSlots(p);
    for (let p = 0; p < this.arenaLoaded.length; p++) if (this.arenaLoaded[p] === 0) this.loadArena(p);
  }
}

/**
 * The index and the load's facts, from a snapshot openSnapshotFile() accepted. The columns are
 * allocated at their full length and filled page by page as lookups need them.
 */
export function restoreSnapshot(s: OpenedSnapshot): { index: ConsentIndex; files: FileFacts[]; invalid: InvalidEvidence } {
  const m = s.meta as StoredMeta;
  const columns = {} as Record<keyof IndexColumns, unknown>;
  const paged: [Unit, PagedColumn][] = [];
  const { places, pages } = placesOf(m);
  for (const c of places) {
    // Read whole when opened (an empty column is not read: it is made here either way).
    const column = s.columns?.[c.name] ?? newColumn(c);
    columns[c.name] = column;
    paged.push([c.unit, { view: bytesView(column), offset: c.offset, bpe: c.ebytes, elements: c.elements, firstPage: c.firstPage }]);
  }
  // One checksum a page of every column, no more and no fewer.
  if (pages !== s.crcs.length) throw new Error('snapshot page checksums out of place');
  const cols = columns as unknown as IndexColumns;
  // Every byte already in place: no pages to read, and the file is not needed again.
  const pager = s.columns ? undefined : new SnapshotPager(s.fd, s.path, s.crcs, m.pages, paged);
  const parts: IndexParts = {
    n: m.n, mask: m.mask, keepText: m.keepText, columns: cols, files: m.names, lists: m.lists,
    tuples: m.tuples.map(([notice, givenAt, exempt, origin]) => ({
      notice, noticeGivenAt: givenAt ?? undefined, noticeExempt: exempt ?? undefined, origin: origin ?? undefined,
    })),
  };
  const index = ConsentIndex.fromParts(parts, pager);
  if (pager) closer.register(index, s.fd);
  else closeSync(s.fd);
  return { index, files: m.files, invalid: InvalidEvidence.fromData(m.invalid) };
}
