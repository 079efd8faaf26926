/**
 * A hash table from phone numbers to small integers, for the per-number state an audit keeps (the
 * duplicate set: number -> first line; suppression lists: number -> list). An E.164 number has at
 * most 15 digits, so it is held exactly as a float64 key (`+79161234567` -> 79161234567): 12 bytes
 * a slot in typed arrays, where a Map would cost several times that and can't hold over 2^24 keys.
 */
const EMPTY = 0; // no E.164 number is 0
/** Linear probing stays quick up to three quarters full; fuller tables cost more probes. */
const MAX_LOAD = 0.75;

export function e164Key(e164: string): number {
  return Number(e164.slice(1));
}

/** A 32-bit hash of a number key (its low and high 32 bits mixed, murmur3's finalizer). */
export function hashKey(key: number): number {
  const lo = key >>> 0;
  const hi = (key / 4294967296) >>> 0;
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 13);
}

export class NumberTable {
  private keys: Float64Array;
  private values: Uint32Array;
  private cap: number;
  size = 0;

  constructor(initialCapacity = 1024) {
    let cap = 16;
    while (cap * MAX_LOAD < initialCapacity) cap *= 2;
    this.keys = new Float64Array(cap);
    this.values = new Uint32Array(cap);
    this.cap = cap;
  }

  /** Bytes held by the table's arrays. */
  get bytes(): number {
    return this.keys.byteLength + this.values.byteLength;
  }

  /**
   * The slot of `key`: the hash scaled to the capacity (which need not be a power of two, so a
   * reserved table is just as big as it must be), then linear probing.
   */
  private slot(key: number): number {
    const cap = this.cap;
    let i = Math.min(cap - 1, Math.floor(((hashKey(key) >>> 0) * cap) / 4294967296));
    const keys = this.keys;
    while (keys[i] !== EMPTY && keys[i] !== key) i = i + 1 === cap ? 0 : i + 1;
    return i;
  }

  get(key: number): number | undefined {
    const i = this.slot(key);
    return this.keys[i] === EMPTY ? undefined : this.values[i];
  }

  has(key: number): boolean {
    return this.keys[this.slot(key)] !== EMPTY;
  }

  /** Sets the value of `key`; returns false (and keeps the old value) when the key is present. */
  add(key: number, value: number): boolean {
    const i = this.slot(key);
    if (this.keys[i] !== EMPTY) return false;
    this.keys[i] = key;
    this.values[i] = value;
    if (++this.size > this.keys.length * MAX_LOAD) this.grow();
    return true;
  }

  /** Sets the value of `key`, present or not. */
  set(key: number, value: number): void {
    if (!this.add(key, value)) this.values[this.slot(key)] = value;
  }

  /**
   * Makes room for `n` keys at once. Growing step by step holds the old and the new arrays at the
   * same time, at every doubling; sizing the table early, while it is small, avoids those peaks.
   */
  reserve(n: number): void {
    const cap = Math.ceil(n / MAX_LOAD) + 1;
    if (cap > this.keys.length) this.rehash(cap);
  }

  private grow(): void {
    this.rehash(this.keys.length * 2);
  }

  private rehash(cap: number): void {
    const oldKeys = this.keys, oldValues = this.values;
    this.keys = new Float64Array(cap);
    this.values = new Uint32Array(cap);
    this.cap = cap;
    for (let j = 0; j < oldKeys.length; j++) {
      const k = oldKeys[j]!;
      if (k !== EMPTY) {
        const i = this.slot(k);
        this.keys[i] = k;
        this.values[i] = oldValues[j]!;
      }
    }
  }
}
