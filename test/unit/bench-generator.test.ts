import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { CONSENT_HEADER, CONTACTS_HEADER, generate, generateStrings } from '../../scripts/bench/generate.mjs';

interface Generated {
  contacts: string;
  consent: string;
  notice: string;
  suppress: string;
  stats: { contacts: { distinct: number; duplicates: number; junk: number; empty: number; foreign: number } };
}
const gen = generateStrings as (p: { rows: number; consent?: number; seed?: number; eol?: 'lf' | 'crlf' }) => Generated;

const readList = (text: string): string[][] => parse(text, { delimiter: ';', relax_column_count: true });
const readConsent = (text: string): string[][] => parse(text, { delimiter: ',', relax_column_count: true });

describe('benchmark generator', () => {
  const a = gen({ rows: 3000, consent: 2500, seed: 7 });
  const dirs: string[] = [];
  afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

  it('gives the same bytes for the same seed', () => {
    const b = gen({ rows: 3000, consent: 2500, seed: 7 });
    expect(b.contacts).toBe(a.contacts);
    expect(b.consent).toBe(a.consent);
    expect(b.suppress).toBe(a.suppress);
    expect(b.notice).toBe(a.notice);
  });

  it('gives different data for a different seed', () => {
    const c = gen({ rows: 3000, consent: 2500, seed: 8 });
    expect(c.contacts).not.toBe(a.contacts);
    expect(c.consent).not.toBe(a.consent);
  });

  it('writes files byte-identical to the in-memory generation', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-gen-'));
    dirs.push(dir);
    await generate({ rows: 3000, consent: 2500, seed: 7, outDir: dir });
    expect(readFileSync(join(dir, 'contacts.csv'), 'utf8')).toBe(a.contacts);
    expect(readFileSync(join(dir, 'consent.csv'), 'utf8')).toBe(a.consent);
    expect(readFileSync(join(dir, 'suppress.txt'), 'utf8')).toBe(a.suppress);
    expect(readFileSync(join(dir, 'notice.json'), 'utf8')).toBe(a.notice);
    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'));
    expect(meta).toMatchObject({ rows: 3000, consent: 2500, seed: 7 });
  });

  it('produces the requested number of rows, each with the header\'s field count (csv-parse, ";")', () => {
    for (const [rows, eol] of [[3000, 'lf'], [1, 'lf'], [0, 'lf'], [500, 'crlf']] as const) {
      const text = rows === 3000 ? a.contacts : gen({ rows, consent: 10, seed: 3, eol }).contacts;
      const records = readList(text);
      expect(records[0]).toEqual(CONTACTS_HEADER);
      expect(records.length - 1).toBe(rows);
      for (const r of records) expect(r.length).toBe(CONTACTS_HEADER.length);
    }
  });

  it('produces the requested number of consent records, each with the header\'s field count', () => {
    const records = readConsent(a.consent);
    expect(records[0]).toEqual(CONSENT_HEADER);
    expect(records.length - 1).toBe(2500);
    for (const r of records) expect(r.length).toBe(CONSENT_HEADER.length);
  });

  it('makes a list messy the way bought bases are', () => {
    const rows = readList(a.contacts).slice(1);
    const phones = rows.map((r) => r[2]!);
    const { stats } = a;
    const share = (n: number) => n / rows.length;
    expect(share(stats.contacts.duplicates)).toBeGreaterThan(0.05);
    expect(share(stats.contacts.duplicates)).toBeLessThan(0.1);
    expect(stats.contacts.junk).toBeGreaterThan(0);
    expect(stats.contacts.foreign).toBeGreaterThan(0);
    expect(phones.filter((p) => p.trim() === '').length).toBe(stats.contacts.empty);
    // A dozen and more ways of writing a number (digits masked to see the shape).
    const shapes = new Set(phones.map((p) => p.replace(/\d/g, '9')));
    expect(shapes.size).toBeGreaterThan(20);
    expect(phones.some((p) => /^7\.\d{10}E\+10$/.test(p))).toBe(true);
    expect(phones.some((p) => p.startsWith('тел.: +7 '))).toBe(true);
    // Quoted fields with the delimiter inside.
    expect(rows.some((r) => r.some((cell) => cell.includes(';')))).toBe(true);
  });

  it('makes the first N rows of a longer list the N-row list', () => {
    const longer = gen({ rows: 6000, consent: 0, seed: 7 });
    expect(longer.contacts.startsWith(a.contacts)).toBe(true);
  });
});
