/**
 * Issue #14, item 1: evidence files under --evidence-dir. References by path and by SHA-256, the
 * escapes that must never be followed, hashes checked, and every file hashed once.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { EvidenceDir } from '../../src/evidence/evidence-dir.js';
import { InputError } from '../../src/errors.js';
import { judgeConsent } from '../../src/rules/consent.js';
import type { ConsentRecord } from '../../src/evidence/consent-record.js';
import type { Campaign } from '../../src/rules/context.js';
import { explain } from '../../src/reasons.js';

const work = mkdtempSync(join(tmpdir(), 'leadaudit-evidence-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

const dir = join(work, 'evidence');
mkdirSync(join(dir, 'rec'), { recursive: true });
writeFileSync(join(dir, 'rec', 'a.mp3'), 'recording A');
writeFileSync(join(dir, 'scan b.pdf'), 'scan B');
writeFileSync(join(work, 'secret.txt'), 'outside the folder');
symlinkSync(join(work, 'secret.txt'), join(dir, 'leak.txt'));
symlinkSync(work, join(dir, 'up'));
symlinkSync(join(dir, 'rec', 'a.mp3'), join(dir, 'alias.mp3'));

describe('EvidenceDir.check', () => {
  const ev = new EvidenceDir(dir);

  it('finds a file by its path under the folder, with its SHA-256', () => {
    expect(ev.check('rec/a.mp3', undefined)).toEqual({ state: 'found', file: 'rec/a.mp3', sha256: sha('recording A') });
    expect(ev.check('./scan b.pdf', undefined)).toMatchObject({ state: 'found', file: 'scan b.pdf' });
    // A link that stays inside the folder is followed.
    expect(ev.check('alias.mp3', undefined)).toMatchObject({ state: 'found', sha256: sha('recording A') });
  });

  it('finds a file by sha256:<hex>, whatever its name', () => {
    expect(ev.check(`sha256:${sha('scan B').toUpperCase()}`, undefined)).toEqual({ state: 'found', file: 'scan b.pdf', sha256: sha('scan B') });
  });

  it('says missing for a path with no file, a folder, a web address, a hash no file has, a malformed hash', () => {
    expect(ev.check('rec/b.mp3', undefined)).toEqual({ state: 'missing', why: 'no-file' });
    expect(ev.check('rec', undefined)).toEqual({ state: 'missing', why: 'not-file' });
    expect(ev.check('https://romashka.example/forms/log/1', undefined)).toEqual({ state: 'missing', why: 'url' });
    expect(ev.check(`sha256:${sha('nothing')}`, undefined)).toEqual({ state: 'missing', why: 'no-hash-match' });
    expect(ev.check('sha256:abc', undefined)).toEqual({ state: 'missing', why: 'bad-hash' });
  });

  it('never leaves the folder: absolute paths, `..`, links out', () => {
    expect(ev.check(join(work, 'secret.txt'), undefined)).toEqual({ state: 'outside', why: 'absolute' });
    expect(ev.check('C:\\evidence\\a.mp3', undefined)).toEqual({ state: 'outside', why: 'absolute' });
    expect(ev.check('../secret.txt', undefined)).toEqual({ state: 'outside', why: 'dotdot' });
    // `..` is refused even where it would come back inside.
    expect(ev.check('rec/../scan b.pdf', undefined)).toEqual({ state: 'outside', why: 'dotdot' });
    expect(ev.check('rec\\..\\..\\secret.txt', undefined)).toEqual({ state: 'outside', why: 'dotdot' });
    expect(ev.check('leak.txt', undefined)).toEqual({ state: 'outside', why: 'symlink' });
    expect(ev.check('up/secret.txt', undefined)).toEqual({ state: 'outside', why: 'symlink' });
  });

  it('checks the evidence_sha256 a record gives: mismatched when the file differs', () => {
    expect(ev.check('rec/a.mp3', sha('recording A'))).toMatchObject({ state: 'found' });
    expect(ev.check('rec/a.mp3', sha('another recording'))).toEqual({
      state: 'mismatched', why: 'hash-differs', file: 'rec/a.mp3', sha256: sha('recording A'), expected: sha('another recording'),
    });
    expect(ev.check(`sha256:${sha('scan B')}`, sha('recording A'))).toMatchObject({ state: 'mismatched' });
  });

  it('hashes each file once, and the index by hash covers only the files inside', () => {
    const fresh = new EvidenceDir(dir);
    for (let i = 0; i < 5; i++) fresh.check('rec/a.mp3', undefined);
    fresh.check('alias.mp3', undefined);
    expect(fresh.stats()).toMatchObject({ hashedFiles: 1, hashedBytes: 'recording A'.length });
    fresh.check(`sha256:${sha('scan B')}`, undefined);
    // The walk hashed scan b.pdf (new) and met rec/a.mp3 twice (itself and its alias): no second read.
    expect(fresh.stats()).toMatchObject({ hashedFiles: 2, hashedBytes: 'recording A'.length + 'scan B'.length });
    expect(fresh.check(`sha256:${sha('outside the folder')}`, undefined)).toMatchObject({ state: 'missing', why: 'no-hash-match' });
  });

  it('counts distinct files found and mismatched, distinct references missing and outside', () => {
    const fresh = new EvidenceDir(dir);
    fresh.check('rec/a.mp3', undefined);
    fresh.check('rec/a.mp3', undefined);
    fresh.check('scan b.pdf', sha('x'));
    fresh.check('nope', undefined);
    fresh.check('nope', undefined);
    fresh.check('../x', undefined);
    fresh.check('/x', undefined);
    expect(fresh.stats()).toMatchObject({ found: 1, mismatched: 1, missing: 1, outside: 2 });
  });

  it('refuses a folder that is not there, or a file, with exit-2 errors naming the flag', () => {
    expect(() => new EvidenceDir(join(work, 'none'))).toThrow(InputError);
    expect(() => new EvidenceDir(join(work, 'none'))).toThrow(/--evidence-dir .*: no such folder/);
    expect(() => new EvidenceDir(join(work, 'secret.txt'))).toThrow(/not a folder/);
  });
});

describe('judgeConsent with --evidence-dir: a record whose evidence fails no longer covers', () => {
  const E164 = '+79161112233';
  const rec = (id: string, given: string, ref: string, evidenceSha256?: string): ConsentRecord => ({
    e164: E164, consentId: id, file: 'consent.csv', line: 2, givenAt: Date.parse(`${given}T00:00:00Z`), withdrawnAt: undefined, expiresAt: undefined,
    channels: ['call'], purposes: ['marketing'], evidenceRef: ref, evidenceSha256, notice: {}, noticeGivenAt: undefined, noticeExempt: undefined,
    separateDocument: undefined, kinds: undefined, origin: undefined,
  });
  const campaign = { asOf: Date.parse('2026-11-01T00:00:00Z'), purpose: 'marketing', channel: 'call', proofRequired: true } as unknown as Campaign;
  const ev = new EvidenceDir(dir);

  it('falls back to the earlier record whose file is there', () => {
    const d = judgeConsent([rec('old', '2026-01-01', 'rec/a.mp3'), rec('new', '2026-05-01', 'rec/gone.mp3')], campaign, E164, { evidence: ev });
    expect(d.findings).toEqual([]);
    expect(d.covering?.consentId).toBe('old');
    expect(d.considered.map((c) => c.fate)).toEqual(['covers', 'does-not-cover']);
  });

  it('reports CONSENT_UNPROVEN with the reason when no record has its file', () => {
    const d = judgeConsent([rec('a', '2026-01-01', '../secret.txt'), rec('b', '2026-05-01', 'rec/a.mp3', sha('tampered'))], campaign, E164, { evidence: ev });
    expect(d.findings.map((f) => f.code)).toEqual(['CONSENT_UNPROVEN']);
    expect(d.reported?.consentId).toBe('b');
    expect(explain(d.findings[0]!)).toBe(`CONSENT_UNPROVEN: consent b: its evidence file rec/a.mp3 has the SHA-256 ${sha('recording A')}, not the ${sha('tampered')} the record gives`);
    const out = judgeConsent([rec('a', '2026-01-01', '../secret.txt')], campaign, E164, { evidence: ev });
    expect(explain(out.findings[0]!)).toBe('CONSENT_UNPROVEN: consent a: its evidence_ref "../secret.txt" leads out of the evidence folder (..)');
  });

  it('does not look at the evidence of a record that does not count', () => {
    const fresh = new EvidenceDir(dir);
    judgeConsent([rec('future', '2027-01-01', 'rec/a.mp3')], campaign, E164, { evidence: fresh });
    expect(fresh.stats().hashedFiles).toBe(0);
  });
});
