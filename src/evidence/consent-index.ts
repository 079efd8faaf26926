/**
 * Consent records by E.164 number, kept compact (issue #5): tens of millions of records must fit,
 * and a Map of objects costs about a kilobyte a record and can't hold more than 2^24 keys. So the
 * records live in typed-array columns (numbers as float64 keys, dates as float64 milliseconds,
 * purpose and channel lists and notice values interned, consent ids in one UTF-8 arena), and a
 * hash table from number to the first of its records chains each number's records in read order
 * (the later `--consent` file, then the later line, comes last: rule 4's tie-break depends on it).
 * `lookup()` materializes the few records of one number as ConsentRecord objects.
 */
import type { ConsentRecord } from './consent-record.js';
import type { Origin } from '../policy/campaign.js';
import { IndexedRecord, factsByte } from './indexed-record.js';
import type { NoticeField } from '../notice-fields.js';
import { e164Key, hashKey } from './number-table.js';
import { ownCopy } from '../io/string-copy.js';

const NONE: readonly ConsentRecord[] = Object.freeze([]);
const NO_ID = 0xffffffff;

/** Interns values: the same list or text is stored once, records hold its number. */
class Interner<T> {
  private readonly ids = new Map<string, number>();
  values: T[] = [];
  /** The values of a sealed index (nothing more is added to it). */
  static of<T>(values: T[]): Interner<T> {
    const i = new Interner<T>();
    i.values = values;
    return i;
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

/** A sealed index's columns: name -> typed array (the arena is a Buffer). */
export interface IndexColumns {
  key: F64; given: F64; withdrawn: F64; expires: F64;
  purposes: U32; channels: U32; notices: U32; fileOf: U16; lineOf: U32;
  idStart: U32; idLen: U16; proven: U8; facts: U8;
  evStart: U32; evLen: U16; evSha: U32; heads: U32; next: U32; arena: Buffer<ArrayBuffer>;
}
type F64 = Float64Array<ArrayBuffer>;
type U32 = Uint32Array<ArrayBuffer>;
type U16 = Uint16Array<ArrayBuffer>;
type U8 = Uint8Array<ArrayBuffer>;

export interface IndexParts {
  n: number;
  mask: number;
  keepText: boolean;
  columns: IndexColumns;
  files: string[];
  lists: string[][];
  tuples: NoticeTuple[];
}

function grow<A extends Float64Array | Uint32Array | Uint16Array | Uint8Array>(a: A, size: number): A {
  const b = new (a.constructor as new (n: number) => A)(size);
  b.set(a.subarray(0, Math.min(a.length, size)) as never);
  return b;
}

export class ConsentIndex {
  private n = 0;
  private cap = 1024;
  private key = new Float64Array(this.cap);
  private given = new Float64Array(this.cap);
  private withdrawn = new Float64Array(this.cap);
  private expires = new Float64Array(this.cap);
  private purposes = new Uint32Array(this.cap);
  private channels = new Uint32Array(this.cap);
  private notices = new Uint32Array(this.cap);
  private fileOf = new Uint16Array(this.cap);
  private lineOf = new Uint32Array(this.cap);
  /** Start of the consent id in the arena, NO_ID when the record had none (file:line stands in). */
  private idStart = new Uint32Array(this.cap);
  private idLen = new Uint16Array(this.cap);
  /** 1 when the record has an evidence_ref. */
  private proven = new Uint8Array(this.cap);
  /** separate_document and kind (factsByte). */
  private facts = new Uint8Array(this.cap);
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
   * is that record's key, so a slot costs 4 bytes. `next` chains the rest in read order.
   */
  private heads = new Uint32Array(0);
  private next = new Uint32Array(0);
  private mask = 0;
  private sealed = false;

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
    const need = Buffer.byteLength(text, 'utf8');
    if (this.arenaUsed + need > this.arena.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.arena.length * 2, this.arenaUsed + need));
      this.arena.copy(bigger, 0, 0, this.arenaUsed);
      this.arena = bigger;
    }
    const start = this.arenaUsed;
    this.arenaUsed += this.arena.write(text, start, 'utf8');
    return [start, Math.min(this.arenaUsed - start, 0xffff)];
  }

  private text(start: number, len: number): string {
    return this.arena.toString('utf8', start, start + len);
  }

  private ensure(): void {
    if (this.n < this.cap) return;
    this.resize(this.cap * 2);
  }

  /** Makes room for about `n` more records at once (the loader estimates them from the file size). */
  reserve(n: number): void {
    if (this.n + n > this.cap) this.resize(this.n + n);
  }

  private resize(cap: number): void {
    this.cap = cap;
    this.key = grow(this.key, cap);
    this.given = grow(this.given, cap);
    this.withdrawn = grow(this.withdrawn, cap);
    this.expires = grow(this.expires, cap);
    this.purposes = grow(this.purposes, cap);
    this.channels = grow(this.channels, cap);
    this.notices = grow(this.notices, cap);
    this.fileOf = grow(this.fileOf, cap);
    this.lineOf = grow(this.lineOf, cap);
    this.idStart = grow(this.idStart, cap);
    this.idLen = grow(this.idLen, cap);
    this.proven = grow(this.proven, cap);
    this.facts = grow(this.facts, cap);
    if (this.keepText) {
      this.evStart = grow(this.evStart, cap);
      this.evLen = grow(this.evLen, cap);
      this.evSha = grow(this.evSha, cap);
    }
  }

  add(r: ConsentRecord): void {
    if (this.sealed) throw new Error('ConsentIndex: add after seal');
    this.ensure();
    const i = this.n++;
    this.key[i] = e164Key(r.e164);
    this.given[i] = r.givenAt;
    this.withdrawn[i] = r.withdrawnAt ?? NaN;
    this.expires[i] = r.expiresAt ?? NaN;
    this.purposes[i] = this.lists.id(r.purposes.join('|'), () => r.purposes);
    this.channels[i] = this.lists.id(r.channels.join('|'), () => r.channels);
    let f = this.fileIds.get(r.file);
    if (f === undefined) {
      f = this.files.length;
      this.files.push(r.file);
      this.fileIds.set(r.file, f);
    }
    this.fileOf[i] = f;
    this.lineOf[i] = r.line;
    if (r.consentId === `${r.file}:${r.line}`) {
      this.idStart[i] = NO_ID;
    } else {
      [this.idStart[i], this.idLen[i]] = this.put(r.consentId);
    }
    this.proven[i] = r.evidenceRef === '' ? 0 : 1;
    this.facts[i] = factsByte(r);
    if (this.keepText && r.evidenceRef !== '') [this.evStart[i], this.evLen[i]] = this.put(r.evidenceRef);
    if (this.keepText) this.evSha[i] = r.evidenceSha256 === undefined ? NO_ID : this.put(r.evidenceSha256)[0];
    const hasNotice = r.noticeGivenAt !== undefined || r.noticeExempt !== undefined || r.origin !== undefined || Object.keys(r.notice).length > 0;
    this.notices[i] = hasNotice
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
    this.resize(Math.max(this.n, 1));
    this.arena = Buffer.from(this.arena.subarray(0, this.arenaUsed));
    let cap = 16;
    while (cap * 0.7 < this.n) cap *= 2;
    this.heads = new Uint32Array(cap).fill(NO_ID);
    this.next = new Uint32Array(Math.max(this.n, 1)).fill(NO_ID);
    this.mask = cap - 1;
    // Backwards, prepending: each number's chain ends up in read order.
    for (let i = this.n - 1; i >= 0; i--) {
      const s = this.slot(this.key[i]!);
      this.next[i] = this.heads[s]!;
      this.heads[s] = i;
    }
  }

  private slot(key: number): number {
    let i = hashKey(key) & this.mask;
    for (;;) {
      const head = this.heads[i]!;
      if (head === NO_ID || this.key[head] === key) return i;
      i = (i + 1) & this.mask;
    }
  }

  /** The number's records, in read order. */
  lookup(e164: string, key = e164Key(e164)): readonly ConsentRecord[] {
    if (!this.sealed) this.seal();
    if (this.n === 0) return NONE;
    const s = this.slot(key);
    if (this.heads[s] === NO_ID) return NONE;
    const out: ConsentRecord[] = [];
    for (let i = this.heads[s]!; i !== NO_ID; i = this.next[i]!) out.push(this.record(i, e164));
    return out;
  }

  private record(i: number, e164: string): ConsentRecord {
    return new IndexedRecord(this, i, e164);
  }

  /** @internal The consent id of record i (decoded from the arena only when asked for). */
  idOf(i: number): string {
    const start = this.idStart[i]!;
    return start === NO_ID ? `${this.fileName(i)}:${this.lineOf[i]!}` : this.text(start, this.idLen[i]!);
  }

  /** @internal Record i's evidence_ref; without keepText only whether it has one is kept. */
  evidenceOf(i: number): string {
    return this.proven[i] === 0 ? '' : this.keepText ? this.text(this.evStart[i]!, this.evLen[i]!) : '(present)';
  }

  /** @internal Record i's evidence_sha256 (kept only with keepText). */
  evidenceShaOf(i: number): string | undefined {
    if (!this.keepText || this.evSha[i] === NO_ID) return undefined;
    return this.text(this.evSha[i]!, 64);
  }

  /** @internal */
  fileName(i: number): string {
    return this.files[this.fileOf[i]!]!;
  }

  /**
   * The sealed index as plain parts, for a snapshot (src/evidence/index-snapshot.ts): every column,
   * the arena and the hash table as they are, and the interned tables.
   */
  parts(): IndexParts {
    this.seal();
    return {
      n: this.n, mask: this.mask, keepText: this.keepText,
      columns: {
        key: this.key, given: this.given, withdrawn: this.withdrawn, expires: this.expires,
        purposes: this.purposes, channels: this.channels, notices: this.notices, fileOf: this.fileOf, lineOf: this.lineOf,
        idStart: this.idStart, idLen: this.idLen, proven: this.proven, facts: this.facts,
        evStart: this.evStart, evLen: this.evLen, evSha: this.evSha, heads: this.heads, next: this.next, arena: this.arena,
      },
      files: this.files, lists: this.lists.values, tuples: this.noticeTuples.values,
    };
  }

  /** A sealed index over the parts of parts() (views on a snapshot's bytes: nothing is copied). */
  static fromParts(p: IndexParts): ConsentIndex {
    const x = new ConsentIndex(p.keepText);
    const c = p.columns;
    x.n = p.n; x.cap = Math.max(p.n, 1); x.mask = p.mask;
    x.key = c.key; x.given = c.given; x.withdrawn = c.withdrawn; x.expires = c.expires;
    x.purposes = c.purposes; x.channels = c.channels; x.notices = c.notices; x.fileOf = c.fileOf; x.lineOf = c.lineOf;
    x.idStart = c.idStart; x.idLen = c.idLen; x.proven = c.proven; x.facts = c.facts;
    x.evStart = c.evStart; x.evLen = c.evLen; x.evSha = c.evSha; x.heads = c.heads; x.next = c.next;
    x.arena = c.arena; x.arenaUsed = c.arena.length;
    x.files = p.files;
    x.lists = Interner.of(p.lists);
    x.noticeTuples = Interner.of(p.tuples);
    x.sealed = true;
    return x;
  }

  /** @internal Plain fields of record i. */
  fields(i: number) {
    const tuple = this.noticeTuples.values[this.notices[i]!]!;
    const w = this.withdrawn[i]!, x = this.expires[i]!;
    return {
      line: this.lineOf[i]!,
      givenAt: this.given[i]!,
      withdrawnAt: Number.isNaN(w) ? undefined : w,
      expiresAt: Number.isNaN(x) ? undefined : x,
      channels: this.lists.values[this.channels[i]!]!,
      purposes: this.lists.values[this.purposes[i]!]!,
      tuple,
      facts: this.facts[i]!,
    };
  }
}
