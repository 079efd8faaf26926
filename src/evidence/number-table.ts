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

/**
 * The table is split into SHARDS tables by the top bits of the hash, each grown on its own (by half
 * again) when three quarters full. Memory follows the keys held, without an estimate made ahead of
 * time, and growing one shard holds its old and new arrays at once: 1/64 of the table, not all of
 * it. (Issue #16: a duplicate set sized ahead of time from the list's rows took 67 MB at the start
 * of a 4M-row audit, and that up-front allocation kept V8 promoting 1.7 MB at every scavenge
 * instead of 0.1 MB for the rest of the run: peak RSS 343 -> 293 MiB with `--single-threaded-gc`,
 * which can't be set from inside a running process. Grown as it fills, the table does not do that.)
 */
const SHARD_BITS = 6;
const SHARDS = 1 << SHARD_BITS;
const LOW_BITS = 32 - SHARD_BITS;
const LOW_MASK = (1 << LOW_BITS) - 1;
const LOW_SPAN = 2 ** LOW_BITS;
const GROWTH = 1.5;
const MIN_SHARD = 16;

class Shard {
  keys: Float64Array;
  values: Uint32Array;
  size = 0;
  constructor(cap: number) {
    this.keys = new Float64Array(cap);
    this.values = new Uint32Array(cap);
  }
}

export class NumberTable {
  private readonly shards: Shard[] = [];
  size = 0;

  constructor(initialCapacity = 1024) {
    const cap = shardCapacity(initialCapacity);
    for (let s = 0; s < SHARDS; s++) this.shards.push(new Shard(cap));
  }

  /** Bytes held by the table's arrays. */
  get bytes(): number {
    let n = 0;
    for (const s of this.shards) n += s.keys.byteLength + s.values.byteLength;
    return n;
  }

  /**
   * The key in the slot where `key` would be looked for first, read ahead of a batch's look-ups
   * (src/rules/index.ts prefetchBatch); changes nothing.
   */
  touch(key: number): number {
    const h = hashKey(key) >>> 0;
    const keys = this.shardOf(h).keys;
    return keys[Math.floor(((h & LOW_MASK) * keys.length) / LOW_SPAN)]!;
  }

  get(key: number): number | undefined {
    const h = hashKey(key) >>> 0;
    const shard = this.shardOf(h);
    const i = slotOf(shard, key, h);
    return shard.keys[i] === EMPTY ? undefined : shard.values[i];
  }

  has(key: number): boolean {
    const h = hashKey(key) >>> 0;
    const shard = this.shardOf(h);
    return shard.keys[slotOf(shard, key, h)] !== EMPTY;
  }

  /** Sets the value of `key`; returns false (and keeps the old value) when the key is present. */
  add(key: number, value: number): boolean {
    return this.firstOf(key, value) === undefined;
  }

  /**
   * The value of `key` when it is present (left as it is); else adds `key` with `value` and
   * answers undefined. One probe for both (the duplicate set asks this of every number).
   */
  firstOf(key: number, value: number): number | undefined {
    const h = hashKey(key) >>> 0;
    const shard = this.shardOf(h);
    const i = slotOf(shard, key, h);
    if (shard.keys[i] !== EMPTY) return shard.values[i];
    this.insert(shard, i, key, value);
    return undefined;
  }

  /** Sets the value of `key`, present or not. */
  set(key: number, value: number): void {
    const h = hashKey(key) >>> 0;
    const shard = this.shardOf(h);
    const i = slotOf(shard, key, h);
    if (shard.keys[i] !== EMPTY) shard.values[i] = value;
    else this.insert(shard, i, key, value);
  }

  private shardOf(h: number): Shard {
    return this.shards[h >>> LOW_BITS]!;
  }

  /** Puts a new key in its empty slot `i`; grows the shard by half once it is three quarters full. */
  private insert(shard: Shard, i: number, key: number, value: number): void {
    shard.keys[i] = key;
    shard.values[i] = value;
    this.size++;
    if (++shard.size > shard.keys.length * MAX_LOAD) rehash(shard, Math.ceil(shard.keys.length * GROWTH));
  }
}

/**
 * A shard's capacity for `n` keys in the whole table: its share, with room for the spread of a
 * uniform hash (four standard deviations), below three quarters full.
 */
function shardCapacity(n: number): number {
  const share = n / SHARDS;
  return Math.max(MIN_SHARD, Math.ceil((share + 4 * Math.sqrt(share) + 1) / MAX_LOAD) + 1);
}

/**
 * The slot of `key` (hash `h`) in its shard: the hash's low bits scaled to the shard's capacity
 * (which need not be a power of two), then linear probing.
 */
function slotOf(shard: Shard, key: number, h: number): number {
  const keys = shard.keys;
  const cap = keys.length;
  let i = Math.floor(((h & LOW_MASK) * cap) / LOW_SPAN);
  while (keys[i] !== EMPTY && keys[i] !== key) i = i + 1 === cap ? 0 : i + 1;
  return i;
}

function rehash(shard: Shard, cap: number): void {
  const oldKeys = shard.keys, oldValues = shard.values;
  shard.keys = new Float64Array(cap);
  shard.values = new Uint32Array(cap);
  for (let j = 0; j < oldKeys.length; j++) {
    const k = oldKeys[j]!;
    if (k !== EMPTY) {
      const h = hashKey(k) >>> 0;
      const i = slotOf(shard, k, h);
      shard.keys[i] = k;
      shard.values[i] = oldValues[j]!;
    }
  }
}
