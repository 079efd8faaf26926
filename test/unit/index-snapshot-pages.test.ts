/**
 * A snapshot's columns are read a page at a time, the first time a lookup needs them (issue #16:
 * a 10-row audit against millions of consent records must not read them all). With pages of two
 * records, two hash-table slots and four arena bytes, every lookup crosses page boundaries: what
 * it gives must be what the index built from the files gives, for every number in it and for
 * numbers not in it (whose probes run over slots of several pages); a lookup reads only the pages
 * it touches; and a page written over after the snapshot was opened stops the run with one line
 * rather than being used.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, openSync, closeSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConsent, type LoadedConsent } from '../../src/evidence/consent-loader.js';
import { DEFAULT_PAGES, closeSnapshot, encodeSnapshot, openSnapshotFile, readsWhole, restoreSnapshot, type OpenedSnapshot, type PageShifts } from '../../src/evidence/index-snapshot.js';
import type { ConsentIndex } from '../../src/evidence/consent-index.js';
import { InputError } from '../../src/errors.js';
import { PhoneNormalizer } from '../../src/phone/normalize.js';

let dir: string;
let csv: string;
const PRESENT: string[] = [];
const ABSENT: string[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'leadaudit-pages-'));
  csv = join(dir, 'consent.csv');
  const lines = ['phone,consent_id,given_at,withdrawn_at,expires_at,channels,purposes,evidence_ref,evidence_sha256,notice_operator'];
  // 300 records of 180 numbers: some numbers have several records (chains across pages), ids of
  // several lengths, some without an id (file:line stands in), dates and lists that vary.
  for (let i = 0; i < 300; i++) {
    const k = (i * 7) % 180;
    const e164 = `+7916${String(1000000 + k * 37).padStart(7, '0')}`;
    if (i < 180) PRESENT.push(e164);
    const id = i % 5 === 0 ? '' : `C-${'x'.repeat(i % 9)}${i}`;
    const withdrawn = i % 11 === 0 ? '2026-03-01' : '';
    const sha = i % 4 === 0 ? 'ab'.repeat(32) : '';
    lines.push(`${e164},${id},2026-01-${String((i % 28) + 1).padStart(2, '0')},${withdrawn},,${i % 3 ? 'call' : 'call|sms'},marketing,form-${i},${sha},${i % 6 ? '' : 'ООО Ромашка'}`);
  }
  for (let k = 0; k < 60; k++) ABSENT.push(`+7916${String(2000000 + k * 13).padStart(7, '0')}`);
  writeFileSync(csv, `${lines.join('\n')}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PROGRAM = 'test+pages';
const TINY: PageShifts = { records: 1, slots: 1, arena: 2 };

function viewOf(index: ConsentIndex, numbers: readonly string[]) {
  return numbers.map((n) => index.lookup(n).map((r) => ({
    consentId: r.consentId, file: r.file, line: r.line, givenAt: r.givenAt, withdrawnAt: r.withdrawnAt, expiresAt: r.expiresAt,
    channels: r.channels, purposes: r.purposes, evidenceRef: r.evidenceRef, evidenceSha256: r.evidenceSha256, notice: r.notice, i: r.i,
  })));
}

/** `lookups`: how many look-ups the run expects (enough of them: the snapshot is read whole when opened). */
async function snapshotOf(built: LoadedConsent, pages: PageShifts, name: string, lookups = 0): Promise<OpenedSnapshot> {
  const file = join(dir, name);
  const pieces = encodeSnapshot(built.index, { program: PROGRAM, key: 'k', files: [], invalid: built.invalid.toData() }, pages);
  writeFileSync(file, Buffer.concat(pieces));
  const opened = await openSnapshotFile(file, PROGRAM, lookups);
  if ('problem' in opened) throw new Error(`snapshot not opened: ${opened.problem}`);
  return opened;
}

describe('a snapshot read page by page', () => {
  it('gives what the built index gives, for every number in it and for numbers not in it', async () => {
    for (const keepText of [false, true]) {
      const built = await loadConsent([csv], new PhoneNormalizer('RU'), { keepText });
      expect(built.index.size).toBe(300);
      const expected = viewOf(built.index, [...PRESENT, ...ABSENT]);
      expect(expected.slice(0, PRESENT.length).every((records) => records.length > 0)).toBe(true);
      expect(expected.some((records) => records.length > 1)).toBe(true);
      for (const [pages, name, lookups] of [[TINY, 'tiny', 0], [DEFAULT_PAGES, 'default', 0], [{ records: 3, slots: 2, arena: 5 }, 'mixed', 0],
        [TINY, 'tiny-whole', 1e9], [DEFAULT_PAGES, 'default-whole', 1e9]] as const) {
        const opened = await snapshotOf(built, pages, `${name}-${keepText}.idx`, lookups);
        expect(opened.columns !== undefined).toBe(lookups > 0);
        const { index } = restoreSnapshot(opened);
        // Asked in another order than the build's, twice over: pages are read once and kept.
        const order = [...ABSENT, ...PRESENT].reverse();
        const got = viewOf(index, order);
        expect(got).toEqual(order.map((n) => expected[[...PRESENT, ...ABSENT].indexOf(n)]));
        expect(viewOf(index, PRESENT)).toEqual(expected.slice(0, PRESENT.length));
      }
    }
  });

  it('reads only the pages a lookup touches', async () => {
    const built = await loadConsent([csv], new PhoneNormalizer('RU'), {});
    const opened = await snapshotOf(built, TINY, 'lazy.idx');
    const { index } = restoreSnapshot(opened);
    const pager = (index as unknown as { pager: { recLoaded: Uint8Array; slotLoaded: Uint8Array } }).pager;
    const loaded = () => [pager.recLoaded.reduce((s, x) => s + x, 0), pager.slotLoaded.reduce((s, x) => s + x, 0)];
    expect(loaded()).toEqual([0, 0]);
    const records = index.lookup(PRESENT[0]!);
    expect(records[0]!.consentId).toBe(viewOf(built.index, [PRESENT[0]!])[0]![0]!.consentId);
    const [rec, slots] = loaded();
    expect(rec).toBeGreaterThan(0);
    expect(rec).toBeLessThan(pager.recLoaded.length / 4);
    expect(slots).toBeLessThan(pager.slotLoaded.length / 4);
    // parts() (a snapshot made from this index) reads everything first.
    index.parts();
    expect(loaded()).toEqual([pager.recLoaded.length, pager.slotLoaded.length]);
  });

  it('a page written over after the snapshot was opened stops the run; it is not used', async () => {
    const built = await loadConsent([csv], new PhoneNormalizer('RU'), {});
    const opened = await snapshotOf(built, TINY, 'changed.idx');
    const { index } = restoreSnapshot(opened);
    // Every byte of the columns set to 0xff in place (the file checked whole when opened).
    const fd = openSync(opened.path, 'r+');
    const first = (opened.meta as unknown as { sections: Record<string, [number]> }).sections.records![0];
    writeSync(fd, Buffer.alloc(4096, 0xff), 0, 4096, first);
    closeSync(fd);
    let thrown: unknown;
    try {
      viewOf(index, PRESENT);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as Error).message).toMatch(/changed\.idx: the consent index snapshot changed while this run read it/);
    expect((thrown as Error).message).not.toMatch(/\n/);
  });
});

describe('a snapshot read whole when opened (a run of many rows)', () => {
  it('is read whole when the run expects at least twice as many look-ups as pages of records', async () => {
    expect(readsWhole(300, TINY, 299)).toBe(false);
    expect(readsWhole(300, TINY, 300)).toBe(true);
    expect(readsWhole(5_000_000, DEFAULT_PAGES, 10)).toBe(false);
    expect(readsWhole(5_000_000, DEFAULT_PAGES, 9766)).toBe(true);
    const built = await loadConsent([csv], new PhoneNormalizer('RU'), {});
    expect((await snapshotOf(built, TINY, 'few.idx', 299)).columns).toBeUndefined();
    expect((await snapshotOf(built, TINY, 'many.idx', 300)).columns).toBeDefined();
  });

  it('opens no snapshot with a flipped byte anywhere past its head, read whole or by pages', async () => {
    const built = await loadConsent([csv], new PhoneNormalizer('RU'), {});
    const file = join(dir, 'flipped.idx');
    const good = Buffer.concat(encodeSnapshot(built.index, { program: PROGRAM, key: 'k', files: [], invalid: built.invalid.toData() }, TINY));
    let tried = 0;
    // Every 7th byte and the last ones (the whole file is about 30 KB; each open reads all of it).
    for (let at = 32; at < good.length; at += at > good.length - 64 ? 1 : 7) {
      const b = Buffer.from(good);
      b[at]! ^= 0x20;
      writeFileSync(file, b);
      for (const lookups of [0, 1e9]) {
        const opened = await openSnapshotFile(file, PROGRAM, lookups);
        expect('problem' in opened ? opened.problem : `opened with byte ${at} flipped`).toMatch(/^(corrupt|other-version)$/);
        if (!('problem' in opened)) closeSnapshot(opened);
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(2 * (good.length - 32) / 7);
  });

  it('opens no snapshot cut short, read whole or by pages', async () => {
    const built = await loadConsent([csv], new PhoneNormalizer('RU'), {});
    const file = join(dir, 'cut.idx');
    const good = Buffer.concat(encodeSnapshot(built.index, { program: PROGRAM, key: 'k', files: [], invalid: built.invalid.toData() }, TINY));
    for (const size of [good.length - 1, good.length - 100, Math.floor(good.length / 2), 40]) {
      writeFileSync(file, good.subarray(0, size));
      for (const lookups of [0, 1e9]) expect(await openSnapshotFile(file, PROGRAM, lookups)).toEqual({ problem: 'corrupt' });
    }
  });
});

describe('reading a batch ahead (issue #16: prefetchSlot, prefetchRecord)', () => {
  const keyOf = (e164: string) => Number(e164.slice(1));
  it('names the record a look-up of a present number reads first, and changes nothing', async () => {
    const built = await loadConsent([csv], new PhoneNormalizer('RU'), {});
    const before = viewOf(built.index, [...PRESENT, ...ABSENT]);
    for (const e164 of PRESENT) {
      const i = built.index.prefetchSlot(keyOf(e164));
      // Linear probing: the first slot holds this number's first record or another number's.
      const key = built.index.prefetchRecord(i);
      if (key === keyOf(e164)) expect(built.index.lookup(e164)[0]!.i).toBe(i);
      else expect(key).toBeGreaterThan(0);
    }
    // Most present numbers sit in their first slot (a table under 70% full).
    expect(PRESENT.filter((e) => built.index.prefetchRecord(built.index.prefetchSlot(keyOf(e))) === keyOf(e)).length).toBeGreaterThan(PRESENT.length / 2);
    for (const e164 of ABSENT) expect(built.index.prefetchRecord(built.index.prefetchSlot(keyOf(e164)))).not.toBe(keyOf(e164));
    expect(viewOf(built.index, [...PRESENT, ...ABSENT])).toEqual(before);
  });

  it('reads no snapshot page that is not read in yet, and reads the pages a look-up read', async () => {
    const built = await loadConsent([csv], new PhoneNormalizer('RU'), {});
    const { index } = restoreSnapshot(await snapshotOf(built, TINY, 'ahead.idx'));
    const pager = (index as unknown as { pager: { recLoaded: Uint8Array; slotLoaded: Uint8Array } }).pager;
    const loaded = () => [pager.recLoaded.reduce((s, x) => s + x, 0), pager.slotLoaded.reduce((s, x) => s + x, 0)];
    for (const e164 of [...PRESENT, ...ABSENT]) expect(index.prefetchRecord(index.prefetchSlot(keyOf(e164)))).toBe(0);
    expect(loaded()).toEqual([0, 0]);
    const first = index.lookup(PRESENT[0]!)[0]!;
    const pages = loaded();
    const i = index.prefetchSlot(keyOf(PRESENT[0]!));
    expect([first.i, 0xffffffff]).toContain(i);
    if (i === first.i) expect(index.prefetchRecord(i)).toBe(keyOf(PRESENT[0]!));
    expect(loaded()).toEqual(pages);
  });
});
