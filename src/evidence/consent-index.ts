/**
 * Consent records by E.164 number, kept compact (issue #5): tens of millions of records must fit,
 * and a Map of objects costs about a kilobyte a record and can't hold more than 2^24 keys. So the
 * records live in one typed array, 64 bytes each (numbers as float64 keys, dates as float64
 * milliseconds, purpose and channel lists and notice values interned, consent ids in one UTF-8
 * arena), and a
 * hash table from number to the first of its records chains each number's records in read order
 * (the later `--consent` file, then the later line, comes last: rule 4's tie-break depends on it).
 * `lookup()` materializes the few records of one number as ConsentRecord objects.
 */
import { NO_NOTICE, type ConsentRecord } from './consent-record.js';
import type { Origin } from '../policy/campaign.js';
import { IndexedRecord, factsByte } from './indexed-record.js';
import type { NoticeField } from '../notice-fields.js';
import { e164Key, hashKey } from './number-table.js';
import { ownCopy } from '../io/string-copy.js';
import { writeShortText } from '../io/line-buffer.js';

const NONE: readonly ConsentRecord[] = Object.freeze([]);
const NO_ID = 0xffffffff;

/** Interns values: the same list or text is stored once, records hold its number. */
class Interner<T> {
  private readonly ids = new Map<string, number>();
  private readonly byRef = new Map<object, number>();
  values: T[] = [];
  /** The values of a sealed index (nothing more is added to it). */
  static of<T>(values: T[]): Interner<T> {
    const i = new Interner<T>();
    i.values = values;
    return i;
  }
  /**
   * The id of a list: by reference when it is a frozen list shared by many records (the consent
   * loader's cache of split lists), else by its text.
   */
  list(this: Interner<string[]>, list: string[]): number {
    const frozen = Object.isFrozen(list);
    if (frozen) {
      const id = this.byRef.get(list);
      if (id !== undefined) return id;
    }
    const id = this.id(list.join('|'), () => list);
    if (frozen) this.byRef.set(list, id);
    return id;
  }

  /** `make` builds the value the first time its key is seen. */
  id(key: string, make: () => T): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(key, id);
      this.values.push(make());
    }
    return id;
  }
}

export interface NoticeTuple {
  notice: Partial<Record<NoticeField, string>>;
  noticeGivenAt: number | undefined;
  noticeExempt: string | undefined;
  /** Where the data came from: part of what decides the row's notice checks, so interned with them. */
  origin: Origin | undefined;
}

/**
 * A sealed index's columns: the records (RECORD_BYTES each), the evidence texts' places (with
 * keepText), the hash table and the arena.
 */
export interface IndexColumns {
  records: U8; evStart: U32; evLen: U16; evSha: U32; heads: U32; arena: Buffer<ArrayBuffer>;
}
type U32 = Uint32Array<ArrayBuffer>;
type U16 = Uint16Array<ArrayBuffer>;
type U8 = Uint8Array<ArrayBuffer>;

/**
 * A record's fields side by side in 64 bytes, one cache line (issue #16): a lookup reads a
 * record's dates, lists, notice, line and id together, and with each field in a column of its own
 * it missed the cache once a field (about 16 misses, 2.0-2.4 us a number over 600k numbers of the
 * benchmark's 1M consent file, against 1.3-1.5 us side by side: node
 * scripts/measure/index-lookups.mjs, 2026-12-02). Float64 slots 0-3, then uint32, uint16 and byte
 * slots by their index in a view of that width.
 */
export const RECORD_BYTES = 64;
/** A record's slots in each view: float64 (8 a record), uint32 (16), uint16 (32), byte (64). */
const W64 = RECORD_BYTES / 8, W32 = RECORD_BYTES / 4, W16 = RECORD_BYTES / 2;
const F_KEY = 0, F_GIVEN = 1, F_WITHDRAWN = 2, F_EXPIRES = 3;
const U_NEXT = 8, U_LINE = 9, U_ID = 10, U_NOTICES = 11, U_PURPOSES = 12, U_CHANNELS = 13;
const H_FILE = 28, H_IDLEN = 29;
const B_PROVEN = 60, B_FACTS = 61;

/**
 * Reads a snapshot's pages into the columns on first use (src/evidence/index-snapshot.ts): a page
 * whose flag is 0 is not read yet. Records, hash-table slots and arena bytes are paged apart.
 */
export interface ColumnPager {
  readonly recShift: number;
  readonly recLoaded: Uint8Array;
  loadRecords(page: number): void;
  readonly slotShift: number;
  readonly slotLoaded: Uint8Array;
  loadSlots(page: number): void;
  readonly arenaShift: number;
  readonly arenaLoaded: Uint8Array;
  loadArena(page: number): void;
  loadAll(): void;
}

export interface IndexParts {
  n: number;
  mask: number;
  keepText: boolean;
  columns: IndexColumns;
  files: string[];
  lists: string[][];
  tuples: NoticeTuple[];
}

/** Texts up to this long (consent ids, mostly) are written by writeShortText(). */
const SHORT_TEXT = 32;

function grow<A extends Uint32Array | Uint16Array | Uint8Array>(a: A, size: number): A {
  const b = new (a.constructor as new (n: number) => A)(size);
  b.set(a.subarray(0, Math.min(a.length, size)) as never);
  return b;
}

export class ConsentIndex {
  private n = 0;
  private cap = 1024;
  /** The records, RECORD_BYTES each, and views of them by width. */
  private rec = new Uint8Array(this.cap * RECORD_BYTES);
  private f64 = new Float64Array(this.rec.buffer);
  private u32 = new Uint32Array(this.rec.buffer);
  private u16 = new Uint16Array(this.rec.buffer);
  /** Where the evidence_ref text is in the arena: kept only with keepText (for the trail). */
  private evStart = new Uint32Array(0);
  private evLen = new Uint16Array(0);
  /** Where the evidence_sha256 (64 hex digits) is in the arena, NO_ID when none: kept with keepText (issue #14). */
  private evSha = new Uint32Array(0);
  private arena = Buffer.allocUnsafe(1 << 16);
  private arenaUsed = 0;
  private files: string[] = [];
  private readonly fileIds = new Map<string, number>();
  private lists = new Interner<string[]>();
  private noticeTuples = new Interner<NoticeTuple>();
  /**
   * Hash table (built by seal): slot -> the number's first record (NO_ID: empty); the number itself
   * is that record's key, so a slot costs 4 bytes. Each record's next field chains the rest in read order.
   */
  private heads = new Uint32Array(0);
  private mask = 0;
  private sealed = false;
  /** Set when the columns come from a snapshot read page by page; undefined: all in memory. */
  private pager: ColumnPager | undefined;

  /**
   * @param keepText keep each record's evidence_ref text and evidence_sha256 (for the evidence
   *   trail and --evidence-dir); otherwise only whether it has one is kept, which is all the verdict
   *   needs without --evidence-dir.
   */
  constructor(private readonly keepText = false) {
    this.noticeTuples.id('', () => ({ notice: {}, noticeGivenAt: undefined, noticeExempt: undefined, origin: undefined }));
    if (keepText) {
      this.evStart = new Uint32Array(this.cap);
      this.evLen = new Uint16Array(this.cap);
      this.evSha = new Uint32Array(this.cap);
    }
  }

  get size(): number {
    return this.n;
  }

  private put(text: string): [number, number] {
    // At most 3 bytes a UTF-16 unit: room made for that, so the text is measured only by writing it.
    const need = text.length * 3;
    if (this.arenaUsed + need > this.arena.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.arena.length * 2, this.arenaUsed + need));
      this.arena.copy(bigger, 0, 0, this.arenaUsed);
      this.arena = bigger;
    }
    const start = this.arenaUsed;
    this.arenaUsed += text.length <= SHORT_TEXT ? writeShortText(this.arena, start, text) : this.arena.write(text, start, 'utf8');
    return [start, Math.min(this.arenaUsed - start, 0xffff)];
  }

  private text(start: number, len: number): string {
    const p = this.pager;
    if (p !== undefined && len > 0) {
      for (let page = start >>> p.arenaShift, last = (start + len - 1) >>> p.arenaShift; page <= last; page++) {
        if (p.arenaLoaded[page] === 0) p.loadArena(page);
      }
    }
    return this.arena.toString('utf8', start, start + len);
  }

  private ensure(): void {
    if (this.n < this.cap) return;
    this.resize(this.cap * 2);
  }

  /**
   * Makes room for about `total` records in all, when that is more than there is room for (the
   * loader estimates it from the file's size and the bytes a record so far, batch by batch). Room
   * that is never written is never given memory, so an estimate a little high costs nothing, while
   * growing late copies every record (old and new at once: 5M records took 808 MiB instead of 581).
   */
  expect(total: number): void {
    if (this.sealed || total <= this.cap) return;
    this.resize(Math.max(Math.ceil(total), Math.ceil(this.cap * 1.25)));
  }

  private resize(cap: number): void {
    this.cap = cap;
    this.views(grow(this.rec, cap * RECORD_BYTES));
    if (this.keepText) {
      this.evStart = grow(this.evStart, cap);
      this.evLen = grow(this.evLen, cap);
      this.evSha = grow(this.evSha, cap);
    }
  }

  /** Views of the record bytes `rec` by width. */
  private views(rec: U8): void {
    this.rec = rec;
    this.f64 = new Float64Array(rec.buffer, rec.byteOffset, rec.byteLength / 8);
    this.u32 = new Uint32Array(rec.buffer, rec.byteOffset, rec.byteLength / 4);
    this.u16 = new Uint16Array(rec.buffer, rec.byteOffset, rec.byteLength / 2);
  }

  add(r: ConsentRecord): void {
    if (this.sealed) throw new Error('ConsentIndex: add after seal');
    this.ensure();
    const i = this.n++;
    const f8 = i * W64, u = i * W32, h = i * W16, b = i * RECORD_BYTES;
    this.f64[f8 + F_KEY] = e164Key(r.e164);
    this.f64[f8 + F_GIVEN] = r.givenAt;
    this.f64[f8 + F_WITHDRAWN] = r.withdrawnAt ?? NaN;
    this.f64[f8 + F_EXPIRES] = r.expiresAt ?? NaN;
    this.u32[u + U_PURPOSES] = this.lists.list(r.purposes);
    this.u32[u + U_CHANNELS] = this.lists.list(r.channels);
    let f = this.fileIds.get(r.file);
    if (f === undefined) {
      f = this.files.length;
      this.files.push(r.file);
      this.fileIds.set(r.file, f);
    }
    this.u16[h + H_FILE] = f;
    this.u32[u + U_LINE] = r.line;
    // The id made from the file and line (no consent_id): told apart without making that text
    // for every record that has an id of its own.
    const id = r.consentId;
    if (id.length > r.file.length && id.charCodeAt(r.file.length) === 58 && id.startsWith(r.file) && id === `${r.file}:${r.line}`) {
      this.u32[u + U_ID] = NO_ID;
    } else {
      const [start, len] = this.put(r.consentId);
      this.u32[u + U_ID] = start;
      this.u16[h + H_IDLEN] = len;
    }
    this.rec[b + B_PROVEN] = r.evidenceRef === '' ? 0 : 1;
    this.rec[b + B_FACTS] = factsByte(r);
    if (this.keepText && r.evidenceRef !== '') [this.evStart[i], this.evLen[i]] = this.put(r.evidenceRef);
    if (this.keepText) this.evSha[i] = r.evidenceSha256 === undefined ? NO_ID : this.put(r.evidenceSha256)[0];
    const hasNotice = r.noticeGivenAt !== undefined || r.noticeExempt !== undefined || r.origin !== undefined || (r.notice !== NO_NOTICE && Object.keys(r.notice).length > 0);
    this.u32[u + U_NOTICES] = hasNotice
      ? this.noticeTuples.id(JSON.stringify([r.notice, r.noticeGivenAt, r.noticeExempt, r.origin]), () => ({
        // Copies: a kept cell would keep its whole input chunk alive (string-copy.ts).
        notice: Object.fromEntries(Object.entries(r.notice).map(([f, v]) => [f, ownCopy(v)])),
        noticeGivenAt: r.noticeGivenAt,
        noticeExempt: r.noticeExempt === undefined ? undefined : ownCopy(r.noticeExempt),
        origin: r.origin,
      }))
      : 0;
  }

  /** Called once every file is loaded: trims the columns and builds the number table. */
  seal(): void {
    if (this.sealed) return;
    this.sealed = true;
    // Views of the first n records, not copies: a copy would hold both at once (20M records: 2.6 GB
    // for a moment), and the room past n that was never written was never given memory either.
    const n = Math.max(this.n, 1);
    this.cap = n;
    this.views(this.rec.subarray(0, n * RECORD_BYTES));
    if (this.keepText) {
      this.evStart = this.evStart.subarray(0, n);
      this.evLen = this.evLen.subarray(0, n);
      this.evSha = this.evSha.subarray(0, n);
    }
    this.arena = this.arena.subarray(0, this.arenaUsed);
    let cap = 16;
    while (cap * 0.7 < this.n) cap *= 2;
    this.heads = new Uint32Array(cap).fill(NO_ID);
    this.mask = cap - 1;
    // Backwards, prepending: each number's chain ends up in read order.
    for (let i = this.n - 1; i >= 0; i--) {
      const s = this.slot(this.f64[i * W64 + F_KEY]!);
      this.u32[i * W32 + U_NEXT] = this.heads[s]!;
      this.heads[s] = i;
    }
  }

  private slot(key: number): number {
    let i = hashKey(key) & this.mask;
    const p = this.pager;
    for (;;) {
      if (p !== undefined && p.slotLoaded[i >>> p.slotShift] === 0) p.loadSlots(i >>> p.slotShift);
      const head = this.heads[i]!;
      if (head === NO_ID) return i;
      this.page(head);
      if (this.f64[head * W64 + F_KEY] === key) return i;
      i = (i + 1) & this.mask;
    }
  }

  /** Record i's columns read in, when they come from a snapshot page by page. */
  private page(i: number): void {
    const p = this.pager;
    if (p !== undefined && p.recLoaded[i >>> p.recShift] === 0) p.loadRecords(i >>> p.recShift);
  }

  /*
   * A batch's look-ups read ahead (issue #16, src/rules/index.ts prefetchBatch): a look-up reads a
   * hash-table slot and then the record it names, two reads from memory that is not in the cache
   * (97 MB for 1M records). One row at a time, each read waits for the one before it and for the
   * row's other work; done for a whole batch first, in two tight loops (every slot, then every
   * record), the processor has many of them under way at once, and the look-ups that follow find
   * them in the cache. Neither loads a snapshot page that is not read in yet (a look-up does).
   */
  /** The record slot `key` hashes to names (NO_ID: none, or its page not read in). */
  prefetchSlot(key: number): number {
    if (!this.sealed || this.n === 0) return NO_ID;
    const i = hashKey(key) & this.mask;
    const p = this.pager;
    if (p !== undefined && p.slotLoaded[i >>> p.slotShift] === 0) return NO_ID;
    return this.heads[i]!;
  }

  /** The key of record `i` from prefetchSlot() (0: none, or its page not read in). */
  prefetchRecord(i: number): number {
    if (i === NO_ID) return 0;
    const p = this.pager;
    if (p !== undefined && p.recLoaded[i >>> p.recShift] === 0) return 0;
    return this.f64[i * W64 + F_KEY]!;
  }

  /** The number's records, in read order. */
  lookup(e164: string, key = e164Key(e164)): readonly ConsentRecord[] {
    if (!this.sealed) this.seal();
    if (this.n === 0) return NONE;
    const s = this.slot(key);
    const first = this.heads[s]!;
    if (first === NO_ID) return NONE;
    // Most numbers have one record: an array of that size (a push makes room for 17).
    if (this.u32[first * W32 + U_NEXT] === NO_ID) return [new IndexedRecord(this, first, e164)];
    const out: ConsentRecord[] = [];
    for (let i = first; i !== NO_ID; i = this.u32[i * W32 + U_NEXT]!) {
      this.page(i);
      out.push(new IndexedRecord(this, i, e164));
    }
    return out;
  }

  /** @internal The consent id of record i (decoded from the arena only when asked for). */
  idOf(i: number): string {
    this.page(i);
    const start = this.u32[i * W32 + U_ID]!;
    return start === NO_ID ? `${this.fileName(i)}:${this.u32[i * W32 + U_LINE]!}` : this.text(start, this.u16[i * W16 + H_IDLEN]!);
  }

  /** @internal Record i's evidence_ref; without keepText only whether it has one is kept. */
  evidenceOf(i: number): string {
    this.page(i);
    return this.rec[i * RECORD_BYTES + B_PROVEN] === 0 ? '' : this.keepText ? this.text(this.evStart[i]!, this.evLen[i]!) : '(present)';
  }

  /** @internal Record i's evidence_sha256 (kept only with keepText). */
  evidenceShaOf(i: number): string | undefined {
    this.page(i);
    if (!this.keepText || this.evSha[i] === NO_ID) return undefined;
    return this.text(this.evSha[i]!, 64);
  }

  /** @internal */
  fileName(i: number): string {
    this.page(i);
    return this.files[this.u16[i * W16 + H_FILE]!]!;
  }

  /**
   * The sealed index as plain parts, for a snapshot (src/evidence/index-snapshot.ts): every column,
   * the arena and the hash table as they are, and the interned tables.
   */
  parts(): IndexParts {
    this.seal();
    this.pager?.loadAll();
    return {
      n: this.n, mask: this.mask, keepText: this.keepText,
      columns: { records: this.rec, evStart: this.evStart, evLen: this.evLen, evSha: this.evSha, heads: this.heads, arena: this.arena },
      files: this.files, lists: this.lists.values, tuples: this.noticeTuples.values,
    };
  }

  /**
   * A sealed index over the parts of parts(); with a pager, the columns are filled from a
   * snapshot as lookups need them.
   */
  static fromParts(p: IndexParts, pager?: ColumnPager): ConsentIndex {
    const x = new ConsentIndex(p.keepText);
    const c = p.columns;
    x.n = p.n; x.cap = Math.max(p.n, 1); x.mask = p.mask;
    x.views(c.records);
    x.evStart = c.evStart; x.evLen = c.evLen; x.evSha = c.evSha; x.heads = c.heads;
    x.arena = c.arena; x.arenaUsed = c.arena.length;
    x.files = p.files;
    x.lists = Interner.of(p.lists);
    x.noticeTuples = Interner.of(p.tuples);
    x.pager = pager;
    x.sealed = true;
    return x;
  }

  /*
   * Record i's fields, read where they are kept (IndexedRecord's getters). Only for a record that
   * lookup() handed out: its page is read in already, and pages are never let go.
   */
  /** @internal */
  lineOf(i: number): number {
    return this.u32[i * W32 + U_LINE]!;
  }

  /** @internal */
  givenAtOf(i: number): number {
    return this.f64[i * W64 + F_GIVEN]!;
  }

  /** @internal NaN: none. */
  withdrawnAtOf(i: number): number {
    return this.f64[i * W64 + F_WITHDRAWN]!;
  }

  /** @internal NaN: none. */
  expiresAtOf(i: number): number {
    return this.f64[i * W64 + F_EXPIRES]!;
  }

  /** @internal */
  channelsOf(i: number): string[] {
    return this.lists.values[this.u32[i * W32 + U_CHANNELS]!]!;
  }

  /** @internal */
  purposesOf(i: number): string[] {
    return this.lists.values[this.u32[i * W32 + U_PURPOSES]!]!;
  }

  /** @internal */
  tupleOf(i: number): NoticeTuple {
    return this.noticeTuples.values[this.u32[i * W32 + U_NOTICES]!]!;
  }

  /** @internal The facts byte (src/evidence/indexed-record.ts). */
  factsOf(i: number): number {
    return this.rec[i * RECORD_BYTES + B_FACTS]!;
  }
}
