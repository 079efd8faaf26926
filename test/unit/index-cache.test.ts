/**
 * The consent index snapshot (issue #16): loaded only for exactly the inputs and settings it was
 * made from, by the program that made it; a truncated, damaged, foreign or stale one is ignored,
 * the index built from the files (the same index a run without a cache builds), and replaced.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { loadConsent, type ConsentLoadOptions, type LoadedConsent } from '../../src/evidence/consent-loader.js';
import { AUTO_SNAPSHOT_BYTES, defaultCacheDir, loadConsentIndex, type IndexCache } from '../../src/evidence/index-cache.js';
import { PhoneNormalizer } from '../../src/phone/normalize.js';

let dir: string;
let csv: string;
let jsonl: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'leadaudit-index-cache-'));
  csv = join(dir, 'consent.csv');
  jsonl = join(dir, 'web.jsonl');
  writeFileSync(csv, [
    'phone,consent_id,given_at,withdrawn_at,expires_at,channels,purposes,evidence_ref,evidence_sha256,notice_operator,notice_given_at,separate_document,kind,origin,opt_out_offered',
    `+7 916 111-22-33,C-1,03/04/2026,,,call|sms,marketing|service,form-1,${'a'.repeat(64)},ООО Ромашка,2026-01-10,да,реклама,subject,да`,
    '8 912 345-67-89,,2026-02-01T10:00:00+03:00,2026-03-01,2027-01-01,,marketing,form-2,,,,,,,',
    '+7 916 111-22-33,C-3,2026-05-01,,,call,marketing,,,ООО Ромашка,2026-01-10,,soft_opt_in,third_party,no',
    '+7 495 123-45-67,C-4,yesterday,,,call,marketing,form-4,,,,,,,',
    'not a phone,C-5,2026-01-01,,,call,marketing,form-5,,,,,,,',
    '',
  ].join('\n'));
  writeFileSync(jsonl, [
    JSON.stringify({ phone: '+79161112233', given_at: '2026-06-01', purposes: ['marketing'], consent_id: 'W-1', evidence_ref: 'https://example.com/w1' }),
    '{not json',
    JSON.stringify({ phone: '+447400123456', given_at: '2026-06-02', purposes: 'marketing', channels: 'sms' }),
  ].join('\n'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NUMBERS = ['+79161112233', '+79123456789', '+74951234567', '+447400123456', '+79990000000'];

/** Everything an audit reads from a load, as plain data. */
function view(l: LoadedConsent) {
  return {
    size: l.index.size,
    records: NUMBERS.map((n) => l.index.lookup(n).map((r) => ({
      consentId: r.consentId, file: r.file, line: r.line, givenAt: r.givenAt, withdrawnAt: r.withdrawnAt, expiresAt: r.expiresAt,
      channels: r.channels, purposes: r.purposes, evidenceRef: r.evidenceRef, evidenceSha256: r.evidenceSha256, notice: r.notice,
      noticeGivenAt: r.noticeGivenAt, noticeExempt: r.noticeExempt, separateDocument: r.separateDocument, kinds: r.kinds, origin: r.origin, optOutOffered: r.optOutOffered, i: r.i,
    }))),
    files: l.files.map((f) => ({ ...f })),
    invalid: NUMBERS.map((n) => l.invalid.for(n)),
    invalidSize: l.invalid.size,
  };
}

const phones = () => new PhoneNormalizer('RU');
let n = 0;
const newCache = (): IndexCache => ({ dir: join(dir, `cache-${n++}`), always: true });
/** `lookups`: how many look-ups the run expects; 1e9 reads a snapshot whole when it is opened, 0 by pages. */
const load = (cache: IndexCache | undefined, opts: ConsentLoadOptions = {}, paths = [csv, jsonl], lookups = 0) => loadConsentIndex(paths, phones(), opts, cache, lookups);
/** Both ways of reading a snapshot: by pages, and whole when opened (a run of many rows). */
const READS = [0, 1e9] as const;
const pagerOf = (l: LoadedConsent) => (l.index as unknown as { pager: unknown }).pager;
const snapshotOf = (cache: IndexCache) => join(cache.dir, readdirSync(cache.dir).find((f) => f.endsWith('.idx'))!);

describe('the consent index snapshot', () => {
  it('is written once, then loaded, and gives what a build from the files gives', async () => {
    for (const keepText of [false, true]) {
      const fresh = view(await loadConsent([csv, jsonl], phones(), { keepText }));
      expect(fresh.size).toBe(5);
      // opt_out_offered yes, no, unsaid (the JSON Lines record): kept in the record's facts byte (format 4).
      expect(fresh.records[0]!.map((r) => [r.consentId, r.kinds, r.optOutOffered])).toEqual([['C-1', ['advertising'], true], ['C-3', ['soft_opt_in'], false], ['W-1', undefined, undefined]]);
      const cache = newCache();
      const first = await load(cache, { keepText });
      expect(first.origin).toMatchObject({ source: 'built', reason: 'missing', written: true });
      const second = await load(cache, { keepText });
      expect(second.origin).toMatchObject({ source: 'snapshot', reason: undefined, written: false, path: first.origin.path });
      expect(view(second)).toEqual(fresh);
      expect(pagerOf(second)).toBeDefined();
      // Read whole when opened: the same, and no page is read afterwards.
      const whole = await load(cache, { keepText }, undefined, 1e9);
      expect(whole.origin).toMatchObject({ source: 'snapshot', reason: undefined, written: false, path: first.origin.path });
      expect(pagerOf(whole)).toBeUndefined();
      expect(view(whole)).toEqual(fresh);
      expect(view(first)).toEqual(fresh);
    }
  });

  it('is owner-only: 0600 in a 0700 folder', async () => {
    const cache = newCache();
    await load(cache);
    expect(statSync(cache.dir).mode & 0o777).toBe(0o700);
    expect(statSync(snapshotOf(cache)).mode & 0o777).toBe(0o600);
    expect(readdirSync(cache.dir)).toHaveLength(1);
  });

  /** Damages the snapshot, then checks the next load ignores it for `reason` and replaces it. */
  async function damaged(reason: string, damage: (file: string) => void, opts: ConsentLoadOptions = {}, lookups = 0) {
    const cache = newCache();
    await load(cache, opts);
    damage(snapshotOf(cache));
    const again = await load(cache, opts, undefined, lookups);
    expect(again.origin).toMatchObject({ source: 'built', reason, written: true });
    expect(view(again)).toEqual(view(await loadConsent([csv, jsonl], phones(), opts)));
    expect((await load(cache, opts, undefined, lookups)).origin.source).toBe('snapshot');
  }

  it.each(READS)('ignores a truncated snapshot, and one cut to its head or to nothing (look-ups %d)', async (lookups) => {
    await damaged('corrupt', (f) => truncateSync(f, statSync(f).size - 3), {}, lookups);
    await damaged('corrupt', (f) => truncateSync(f, 20), {}, lookups);
    await damaged('corrupt', (f) => truncateSync(f, 0), {}, lookups);
  });

  it.each(READS)('ignores a snapshot with a flipped byte anywhere past its head (look-ups %d)', async (lookups) => {
    for (const where of [0.1, 0.5, 0.9, 1]) {
      await damaged('corrupt', (f) => {
        const b = readFileSync(f);
        const at = Math.min(b.length - 1, Math.max(40, Math.floor(b.length * where)));
        b[at]! ^= 0x10;
        writeFileSync(f, b);
      }, {}, lookups);
    }
  });

  it.each(READS)('ignores a snapshot of another format or another program build (look-ups %d)', async (lookups) => {
    await damaged('other-version', (f) => {
      const b = readFileSync(f);
      b.writeUInt32LE(b.readUInt32LE(8) + 1, 8);
      writeFileSync(f, b);
    }, {}, lookups);
    // The program named in the meta, with a checksum that fits: a well-made snapshot of another build.
    await damaged('other-version', (f) => {
      const b = readFileSync(f);
      const text = b.toString('latin1');
      const at = text.indexOf('"program":"') + '"program":"'.length;
      b[at] = b[at] === 0x39 ? 0x38 : 0x39;
      b.writeUInt32LE(crc32(b.subarray(32)), 24);
      writeFileSync(f, b);
    }, {}, lookups);
  });

  it('ignores a snapshot of other files of the same names and sizes', async () => {
    const mine = join(dir, 'consent.csv');
    const cache = newCache();
    await load(cache);
    const before = readFileSync(mine);
    try {
      // The same size, one record's id changed: only the SHA-256 tells.
      writeFileSync(mine, before.toString('utf8').replace('C-3', 'C-9'));
      const again = await load(cache);
      expect(again.origin).toMatchObject({ source: 'built', reason: 'other-input', written: true });
      expect(again.index.lookup('+79161112233').map((r) => r.consentId)).toEqual(['C-1', 'C-9', 'W-1']);
      expect(view(again)).toEqual(view(await loadConsent([csv, jsonl], phones())));
    } finally {
      writeFileSync(mine, before);
    }
    // Back to the first bytes: the replaced snapshot is of the other ones.
    expect((await load(cache)).origin).toMatchObject({ source: 'built', reason: 'other-input' });
  });

  it('keeps apart snapshots of other sizes, files, file order and settings', async () => {
    const cache = newCache();
    const base = await load(cache);
    const variants: [ConsentLoadOptions, string[]][] = [
      [{ dateOrder: 'mdy' }, [csv, jsonl]],
      [{ keepText: true }, [csv, jsonl]],
      [{ columns: { consent_id: ['evidence_ref'] } }, [csv, jsonl]],
      [{ encoding: 'windows-1251' }, [csv, jsonl]],
      [{ input: { limits: { maxUnpackedBytes: 1 << 20, maxRows: 10, maxSharedStrings: 10 } } }, [csv, jsonl]],
      [{}, [jsonl, csv]],
      [{}, [csv]],
    ];
    for (const [opts, paths] of variants) {
      const first = await load(cache, opts, paths);
      expect(first.origin).toMatchObject({ source: 'built', reason: 'missing', written: true });
      expect(first.origin.path).not.toBe(base.origin.path);
      expect(view(first)).toEqual(view(await loadConsent(paths, phones(), opts)));
      // Another's snapshot under this one's name: its key says whose it is.
      copyFileSync(base.origin.path!, first.origin.path!);
      const again = await load(cache, opts, paths);
      expect(again.origin).toMatchObject({ source: 'built', reason: 'other-input', written: true });
      expect(view(again)).toEqual(view(first));
    }
    // The date order shapes the index: 03/04/2026 is 3 April one way and 4 March the other.
    const dmy = (await load(cache, {})).index.lookup('+79161112233')[0]!.givenAt;
    const mdy = (await load(cache, { dateOrder: 'mdy' })).index.lookup('+79161112233')[0]!.givenAt;
    expect([dmy, mdy]).toEqual([Date.parse('2026-04-03'), Date.parse('2026-03-04')]);
    // Another region reads national numbers differently: a snapshot of its own.
    const kz = await loadConsentIndex([csv, jsonl], new PhoneNormalizer('KZ'), {}, cache);
    expect(kz.origin).toMatchObject({ source: 'built', reason: 'missing' });
  });

  it('is neither read nor written with --no-cache; an input that is no file fails as it does without a cache', async () => {
    expect((await load(undefined)).origin).toEqual({ source: 'built', path: undefined, reason: 'disabled', written: false });
    const cache = newCache();
    const without = await loadConsent([csv, dir], phones()).catch((e: Error) => e.message);
    expect(without).toMatch(/folder/);
    await expect(load(cache, {}, [csv, dir])).rejects.toThrow(without as string);
    await expect(load(cache, {}, [csv, join(dir, 'none.csv')])).rejects.toThrow(/none\.csv/);
  });

  it('an audit writes one only for consent files of 1 MiB or more', async () => {
    const cache: IndexCache = { dir: join(dir, `cache-${n++}`) };
    expect((await load(cache)).origin).toMatchObject({ source: 'built', reason: 'missing', written: false });
    const big = join(dir, 'big.csv');
    const lines = ['phone,given_at,purposes'];
    for (let i = 0; lines.join('\n').length < AUTO_SNAPSHOT_BYTES; i++) {
      for (let j = 0; j < 1000; j++) lines.push(`+7916${String(i * 1000 + j).padStart(7, '0')},2026-01-01,marketing`);
    }
    writeFileSync(big, `${lines.join('\n')}\n`);
    expect((await load(cache, {}, [big])).origin).toMatchObject({ source: 'built', reason: 'missing', written: true });
    expect((await load(cache, {}, [big])).origin.source).toBe('snapshot');
  });

  it('a cache folder that cannot be written: the index is built, and the run told why', async () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, '');
    const r = await load({ dir: join(blocker, 'cache'), always: true });
    expect(r.origin).toMatchObject({ source: 'built', reason: 'missing', written: false, path: undefined });
    expect(r.origin.writeError).toMatchObject({ dir: join(blocker, 'cache') });
    expect(view(r)).toEqual(view(await loadConsent([csv, jsonl], phones())));
  });

  it('lives in $XDG_CACHE_HOME/leadaudit, else ~/.cache/leadaudit', () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/x/cache' })).toBe('/x/cache/leadaudit');
    expect(defaultCacheDir({ XDG_CACHE_HOME: 'relative' })).toMatch(/\/\.cache\/leadaudit$/);
    expect(defaultCacheDir({})).toMatch(/\/\.cache\/leadaudit$/);
  });
});
