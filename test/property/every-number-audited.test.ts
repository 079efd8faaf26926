/**
 * Issue #11, item 4: no number that was not audited and passed reaches clean.csv. Generated lists
 * (one to three phone columns; cells with zero to three numbers written in many ways, joined by
 * every separator people use, with junk and invalid numbers among them) are audited in-process;
 * clean.csv is parsed back, and every phone-like string in its phone cells (a run of number
 * characters with at least 7 digits) must be a valid number that the trail shows passed on that
 * row, that the generator gave consent, that is on no suppression list, and that no earlier row
 * held (the independent oracle, from the generated data alone).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { audit } from '../../src/core/audit.js';
import { toSettings } from '../../src/cli/audit-command.js';
import { normalizePhone } from '../../src/phone/normalize.js';
import { readTrail } from '../helpers/trail.js';

const RUNS = Number(process.env.PROPERTY_RUNS_NUMBERS ?? 60);
const POOL = Array.from({ length: 10 }, (_, i) => `+7916300${String(i).padStart(4, '0')}`);
const WRITE: ((e: string) => string)[] = [
  (e) => e,
  (e) => `+7 ${e.slice(2, 5)} ${e.slice(5, 8)}-${e.slice(8, 10)}-${e.slice(10)}`,
  (e) => `8 (${e.slice(2, 5)}) ${e.slice(5, 8)}-${e.slice(8, 10)}-${e.slice(10)}`,
  (e) => `8${e.slice(2)}`,
  (e) => `${e.slice(1)}.0`,
  (e) => `+7\u00a0${e.slice(2, 5)}\u00a0${e.slice(5)}`,
  (e) => `${e} (моб)`,
  (e) => `тел.: 8${e.slice(2)}`,
];
const JUNK = ['n/a', '12345678', '+7 123 456-78-90', 'нет', '8 916 300'];
const SEPARATORS = [', ', '; ', ' / ', ' или ', ' ', '\n', ',', ' or '];
const PHONE_LIKE = /\+?\d[\d \t().\-\u00a0\u2007\u2009\u202f]*\d/g;

const item = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...POOL), fc.integer({ min: 0, max: WRITE.length - 1 })).map(([e, w]) => WRITE[w]!(e)) },
  { weight: 1, arbitrary: fc.constantFrom(...JUNK) },
);
const cell = fc.tuple(fc.array(item, { maxLength: 3 }), fc.constantFrom(...SEPARATORS)).map(([items, sep]) => items.join(sep));
const list = fc.integer({ min: 1, max: 3 }).chain((columns) => fc.record({
  columns: fc.constant(columns),
  rows: fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 12 }),
  consented: fc.subarray(POOL),
  suppressed: fc.subarray(POOL),
}));

const PHONE_HEADERS = ['phone', 'Мобильный телефон', 'Телефон 2'];
const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'numbers-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('every phone-like string in clean.csv was audited and passed (issue #11)', () => {
  it('holds for generated lists', async () => {
    let run = 0;
    await fc.assert(fc.asyncProperty(list, async ({ columns, rows, consented, suppressed }) => {
      const at = join(dir, String(run++));
      const headers = PHONE_HEADERS.slice(0, columns);
      writeFileSync(`${at}-contacts.csv`, [['id', ...headers].join(','), ...rows.map((r, i) => [String(i + 1), ...r].map(quote).join(','))].join('\n') + '\n');
      writeFileSync(`${at}-consent.csv`, ['phone,given_at,purposes,evidence_ref', ...consented.map((e) => `${e},2026-01-01,marketing,f`)].join('\n') + '\n');
      writeFileSync(`${at}-dnc.txt`, suppressed.length ? `${suppressed.join('\n')}\n` : '+79990000000\n');
      copyFileSync(join(__dirname, '../../fixtures/messy-phones/notice.json'), `${at}-notice.json`);
      const settings = toSettings(`${at}-contacts.csv`, {
        consent: [`${at}-consent.csv`], suppress: [`${at}-dnc.txt`], notice: `${at}-notice.json`, outDir: `${at}-out`, policy: 'ru-152fz', asOf: '2026-06-01', trail: true, quiet: true,
      });
      await audit(settings);

      // The oracle: the first row each number was written on (any column, any part of a cell).
      const firstRow = new Map<string, number>();
      rows.forEach((r, i) => {
        for (const c of r) for (const m of c.matchAll(PHONE_LIKE)) {
          const p = normalizePhone(m[0], 'RU');
          if (p.kind === 'valid' && !firstRow.has(p.e164)) firstRow.set(p.e164, i + 1);
        }
      });
      const trail = new Map(readTrail(join(`${at}-out`, 'trail.jsonl')).rows.map((t) => [t.row.id, t]));
      const clean = parse(readFileSync(join(`${at}-out`, 'clean.csv')), { columns: true }) as Record<string, string>[];
      for (const row of clean) {
        const id = Number(row.id);
        const t = trail.get(row.id);
        expect(t.verdict).toBe('clean');
        const passed = new Set<string>(t.numbers ? t.numbers.filter((n: { verdict: string }) => n.verdict === 'passed').map((n: { e164: string }) => n.e164) : [t.phone.e164]);
        for (const h of headers) {
          for (const m of (row[h] ?? '').matchAll(PHONE_LIKE)) {
            if ((m[0].match(/\d/g) ?? []).length < 7) continue;
            const p = normalizePhone(m[0], 'RU');
            const where = `row ${id} ${h} ${JSON.stringify(row[h])}: ${JSON.stringify(m[0])}`;
            expect(p.kind, where).toBe('valid');
            if (p.kind !== 'valid') continue;
            expect(passed.has(p.e164), `${where} did not pass on that row`).toBe(true);
            expect(consented.includes(p.e164), `${where} has no consent`).toBe(true);
            expect(suppressed.includes(p.e164), `${where} is suppressed`).toBe(false);
            expect(firstRow.get(p.e164), `${where} is a duplicate`).toBe(id);
          }
        }
        expect(passed.has(row.phone_e164!)).toBe(true);
      }
      rmSync(`${at}-out`, { recursive: true, force: true });
    }), { numRuns: RUNS });
  }, 120_000);
});
