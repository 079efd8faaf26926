import { describe, expect, it } from 'vitest';
import { escapeMarkdown, humanInstant, renderSheetHtml, renderSheetMarkdown, rowView, type SheetInput } from '../../src/report/sheet.js';
import type { AuditReport, TrailEntry } from '../../src/report/trail-reader.js';
import { Reservoir, mulberry32 } from '../../src/cli/sample-command.js';

const SHA = 'ab'.repeat(32);

/** A trail row's cells and columns from a column -> value map (the names here are all different). */
const cellsOf = (row: Record<string, string>) => ({ columns: Object.keys(row), cells: Object.values(row), phoneColumn: undefined });
const TRAIL_SHA = 'cd'.repeat(32);

const report = (): AuditReport => ({
  tool: { name: 'leadaudit', version: '0.1.0' },
  policy: { name: 'ru-152fz', preset: 'ru-152fz', file: null },
  as_of: '2026-11-01T00:00:00.000Z',
  campaign: {
    purpose: 'marketing', channel: 'call', region: 'RU',
    required_notice: ['operator', 'purpose', 'legal_basis', 'pdn_list', 'recipients', 'rights', 'source'],
  },
  inputs: {
    contacts: { path: '/data/contacts.csv', sha256: SHA, rows: 3, phone_column: 'Телефон' },
    consent: [{ path: '/data/consent.csv', sha256: SHA }],
    notice: { path: '/data/notice.json', sha256: SHA },
  },
  outputs: { trail: { path: '/out/trail.jsonl', sha256: TRAIL_SHA, rows: 3 } },
  totals: { rows: 3, clean: 1, rejected: 2 },
});

const notice = (from: string) => Object.fromEntries(
  ['operator', 'purpose', 'legal_basis', 'pdn_list', 'recipients', 'rights'].map((f) => [f, { value: `${f} value`, from }]),
);

const clean: TrailEntry = {
  line: 2,
  verdict: 'clean',
  ...cellsOf({ id: '1', 'ФИО': 'Анна Смирнова', 'Телефон': '8 (916) 111-22-33', source: 'ООО «Лиды»' }),
  phone: { raw: '8 (916) 111-22-33', status: 'valid', e164: '+79161112233', type: 'MOBILE', country: 'RU', ext: null, problem: null },
  consent: {
    required: true, covering: 'C-2', reported: null,
    records: [
      { consent_id: 'C-1', file: 'consent.csv', line: 2, given_at: '2025-01-01T00:00:00.000Z', withdrawn_at: null, expires_at: null, channels: ['call'], purposes: ['marketing'], evidence_ref: 'rec/1.mp3', operator: null, fate: 'covers', reasons: [] },
      { consent_id: 'C-2', file: 'consent.csv', line: 3, given_at: '2026-02-10T08:05:00.000Z', withdrawn_at: null, expires_at: null, channels: [], purposes: ['marketing'], evidence_ref: 'rec/2.mp3', operator: null, fate: 'covers', reasons: [] },
      { consent_id: 'C-3', file: 'consent.csv', line: 4, given_at: '2026-12-01T00:00:00.000Z', withdrawn_at: null, expires_at: null, channels: ['call'], purposes: ['marketing'], evidence_ref: 'rec/3.mp3', operator: null, fate: 'not-yet-given', reasons: [] },
    ],
  },
  notice: { ...notice('consent'), source: { value: 'ООО «Лиды»', from: 'row' }, retention: null, given_at: null, exempt: null },
  reasons: [],
  details: [],
  call_window: null,
};

const rejected: TrailEntry = {
  line: 5,
  verdict: 'rejected',
  ...cellsOf({ id: '4', 'ФИО': 'Борис <b>Иванов</b>', 'Телефон': '+7 916 111-22-47', source: 'a|b' }),
  phone: { raw: '+7 916 111-22-47', status: 'valid', e164: '+79161112247', type: 'MOBILE', country: 'RU', ext: null, problem: null },
  consent: {
    required: true, covering: null, reported: 'C-9',
    records: [
      { consent_id: 'C-9', file: 'consent.csv', line: 9, given_at: '2026-01-01T00:00:00.000Z', withdrawn_at: null, expires_at: '2026-10-01T00:00:00.000Z', channels: ['sms'], purposes: ['service'], evidence_ref: null, operator: null, fate: 'does-not-cover', reasons: ['CONSENT_EXPIRED', 'CONSENT_PURPOSE_MISMATCH', 'CONSENT_CHANNEL_MISMATCH', 'CONSENT_UNPROVEN'] },
    ],
  },
  notice: { ...notice('manifest'), rights: null, source: null, retention: null, given_at: null, exempt: null },
  reasons: ['CONSENT_EXPIRED', 'NOTICE_RIGHTS_MISSING', 'NOTICE_SOURCE_MISSING'],
  details: ['CONSENT_EXPIRED: consent C-9 expired at 2026-10-01T00:00:00.000Z', 'NOTICE_RIGHTS_MISSING: no rights', 'NOTICE_SOURCE_MISSING: no source'],
  call_window: null,
};

const malformed: TrailEntry = {
  line: 7,
  verdict: 'rejected',
  ...cellsOf({ id: '6', 'ФИО': 'Вера Кузнецова', 'Телефон': '+7 916 111-22-54', source: 'x' }),
  phone: null,
  consent: null,
  notice: {},
  reasons: ['ROW_MALFORMED'],
  details: ['ROW_MALFORMED: 5 fields where the header has 4: 6;Вера Кузнецова;+7 916 111-22-54;x;extra'],
  call_window: null,
};

const sheet = (over: Partial<SheetInput> = {}): SheetInput => ({
  report: report(), outDir: '/out', seed: 42, size: 2, from: 'all', population: 3,
  trail: { rows: 3, sha256: TRAIL_SHA }, mask: true, rows: [clean, rejected], version: '0.1.0', ...over,
});

describe('rowView', () => {
  it('reads a clean row: the covering record, the others and their fate, the notice sources', () => {
    const v = rowView(clean, report(), false);
    expect(v.verdict).toBe('CLEAN');
    expect(v.reasons).toEqual([]);
    expect(v.consent.summary).toContain('Covered by C-2 (consent.csv:3)');
    expect(v.consent.records.map((r) => [r.id, r.role])).toEqual([['C-1', ''], ['C-2', 'covers the row'], ['C-3', '']]);
    expect(v.consent.records[0]!.fate).toContain('a more recently given record is used');
    expect(v.consent.records[1]!.channels).toBe('any');
    expect(v.consent.records[1]!.given).toBe('2026-02-10 08:05 UTC');
    expect(v.consent.records[2]!.fate).toContain('given after 2026-11-01');
    const byField = Object.fromEntries(v.notice.fields.map((f) => [f.field, f]));
    expect(byField.operator).toMatchObject({ value: 'operator value', from: 'consent record C-2', found: true });
    expect(byField.source).toMatchObject({ value: 'ООО «Лиды»', from: 'the row' });
    expect(byField.retention).toMatchObject({ value: 'MISSING', found: false, missing: false, from: 'not required by the policy' });
    expect(v.phone).toContainEqual({ label: 'Normalized (E.164)', value: '+79161112233' });
    expect(v.phone).toContainEqual({ label: 'Region assumed', value: 'RU (the number is written without a country code)' });
  });

  it('reads a rejected row: reasons with titles, why the reported record does not cover, what is missing', () => {
    const v = rowView(rejected, report(), false);
    expect(v.verdict).toBe('REJECTED');
    expect(v.reasons[0]).toEqual({ code: 'CONSENT_EXPIRED', title: 'Consent expired', detail: 'consent C-9 expired at 2026-10-01T00:00:00.000Z' });
    expect(v.consent.summary).toContain('No record covers the campaign; the reasons of C-9 (consent.csv:9)');
    const fate = v.consent.records[0]!.fate;
    for (const part of ['expired at 2026-10-01', 'do not include "marketing"', 'do not include "call"', 'no evidence_ref']) expect(fate).toContain(part);
    const byField = Object.fromEntries(v.notice.fields.map((f) => [f.field, f]));
    expect(byField.rights).toMatchObject({ value: 'MISSING', missing: true });
    expect(byField.purpose!.from).toBe('the notice manifest (notice.json)');
  });

  it('reads a malformed row: its fields as far as they go, nothing checked', () => {
    const v = rowView(malformed, report(), true);
    expect(v.phone).toBeUndefined();
    expect(v.consent.summary).toBe('Not checked: the row could not be read.');
    expect(v.notice.fields).toEqual([]);
    // The raw text in the details is masked too: the name and the number.
    expect(v.reasons[0]!.detail).toBe('5 fields where the header has 4: 6;В*** К********;+7 916 ***-**-54;x;extra');
  });

  it('masks a short name in the details as a whole word only', () => {
    const entry: TrailEntry = { ...malformed, ...cellsOf({ id: '6', 'ФИО': 'Ли', 'Телефон': '', source: 'Лиды' }),
      details: ['ROW_MALFORMED: 5 fields where the header has 4: 6;Ли;;Лиды;extra'] };
    expect(rowView(entry, report(), true).reasons[0]!.detail).toBe('5 fields where the header has 4: 6;Л*;;Лиды;extra');
  });

  it('masks the number (as written and E.164) and name columns, and only them', () => {
    const v = rowView(clean, report(), true);
    expect(v.data).toEqual([
      { label: 'id', value: '1' },
      { label: 'ФИО', value: 'А*** С*******' },
      { label: 'Телефон', value: '8 (916) ***-**-33' },
      { label: 'source', value: 'ООО «Лиды»' },
    ]);
    expect(v.phone!.slice(0, 2)).toEqual([{ label: 'As written', value: '8 (916) ***-**-33' }, { label: 'Normalized (E.164)', value: '+7916*****33' }]);
    expect(v.consent.records[1]!.evidence).toBe('rec/2.mp3');
  });
});

describe('renderSheetHtml', () => {
  it('is one self-contained page, printable on A4, with the audit, the draw and a review box per row', () => {
    const html = renderSheetHtml(sheet());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('@page { size: A4');
    expect(html).not.toMatch(/<script|<link|<img|src=|url\(|@import|https?:\/\/(?!romashka)/);
    for (const text of ['/data/contacts.csv', SHA, TRAIL_SHA, 'ru-152fz', '2026-11-01', 'Seed', '42', 'matches the one in report.json',
      'leadaudit sample /out --size 2 --seed 42 --from all']) expect(html).toContain(text);
    expect(html.match(/class="review"/g)).toHaveLength(2);
    expect(html.match(/<article /g)).toHaveLength(2);
    expect(html.indexOf('id="line-2"')).toBeLessThan(html.indexOf('id="line-5"'));
    // The lawyer's order within a row.
    const row = html.slice(html.indexOf('id="line-5"'));
    const order = ['Verdict and reasons', 'The row', 'Phone number', 'Consent evidence', 'Notice'].map((h) => row.indexOf(`<h3>${h}</h3>`)).concat(row.indexOf('Checked by'));
    expect(order).not.toContain(-1);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('escapes everything taken from the files', () => {
    const html = renderSheetHtml(sheet({ mask: false }));
    expect(html).toContain('Борис &lt;b&gt;Иванов&lt;/b&gt;');
    expect(html).not.toContain('<b>Иванов');
  });

  it('masks by default and shows everything when unmasked', () => {
    const masked = renderSheetHtml(sheet());
    for (const full of ['111-22-33', '+79161112233', '111-22-47', '+79161112247', 'Анна', 'Смирнова']) expect(masked).not.toContain(full);
    expect(masked).toContain('masked: the columns of personal data ФИО (name), Телефон (phone), and phone numbers anywhere');
    const plain = renderSheetHtml(sheet({ mask: false }));
    for (const full of ['8 (916) 111-22-33', '+79161112233', '+7 916 111-22-47', 'Анна Смирнова']) expect(plain).toContain(full);
    expect(plain).toContain('--from all --unmask');
    expect(plain).toContain('NOT masked');
  });

  it('says when the whole population was drawn, and when the trail differs from report.json', () => {
    const all = renderSheetHtml(sheet({ size: 10, rows: [clean, rejected, malformed] }));
    expect(all).toContain('every row of the population');
    const tampered = renderSheetHtml(sheet({ trail: { rows: 3, sha256: 'ef'.repeat(32) } }));
    expect(tampered).toContain('WARNING: the SHA-256 of trail.jsonl differs from the one in report.json');
  });

  it('is the same text for the same input', () => {
    expect(renderSheetHtml(sheet())).toBe(renderSheetHtml(sheet()));
  });
});

describe('renderSheetMarkdown', () => {
  it('has the same sections, masked, with Markdown escaped', () => {
    const md = renderSheetMarkdown(sheet({ rows: [clean, rejected, malformed], size: 3 }));
    expect(md).toContain('# Spot audit of contacts.csv, seed 42');
    expect(md).toContain('## 2 of 3: line 5, REJECTED');
    expect(md).toContain('| ФИО | А\\*\\*\\* С\\*\\*\\*\\*\\*\\*\\* |');
    expect(md).toContain('| source | a\\|b |');
    expect(md).toContain('| ФИО | Б\\*\\*\\*\\* \\<b\\>И\\*\\*\\*\\*\\*\\</b\\> |');
    expect(md).toContain('| Subject\'s rights | **MISSING** |');
    expect(md.match(/\*\*Review\*\*/g)).toHaveLength(3);
    expect(md).not.toContain('111-22-33');
  });

  it('escapeMarkdown neutralizes markup and line breaks', () => {
    expect(escapeMarkdown('a|b *c* _d_ [e](f) <g> `h` #i\nj')).toBe('a\\|b \\*c\\* \\_d\\_ \\[e\\](f) \\<g\\> \\`h\\` \\#i ↵ j');
  });
});

describe('humanInstant', () => {
  it.each([
    ['2026-02-10T08:05:00.000Z', '2026-02-10 08:05 UTC'],
    ['2026-02-10T08:05:30.000Z', '2026-02-10 08:05:30 UTC'],
    ['2026-02-10T00:00:00.000Z', '2026-02-10'],
    [null, '—'],
    ['yesterday', 'yesterday'],
  ])('%s -> %s', (iso, text) => {
    expect(humanInstant(iso)).toBe(text);
  });
});

describe('the draw', () => {
  const draw = (seed: number, k: number, n: number) => {
    const r = new Reservoir<number>(k, mulberry32(seed));
    for (let i = 0; i < n; i++) r.offer(i);
    return [...r.items].sort((a, b) => a - b);
  };

  it('is reproducible, depends on the seed, and takes everything when k >= n', () => {
    expect(draw(1, 5, 1000)).toEqual(draw(1, 5, 1000));
    expect(draw(1, 5, 1000)).not.toEqual(draw(2, 5, 1000));
    expect(draw(1, 50, 7)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(new Set(draw(3, 100, 1000)).size).toBe(100);
  });

  it('gives every item about the same chance (Algorithm R)', () => {
    const hits = new Array<number>(20).fill(0);
    for (let seed = 0; seed < 4000; seed++) for (const i of draw(seed, 5, 20)) hits[i]!++;
    // Expected 4000 * 5 / 20 = 1000 each.
    for (const h of hits) expect(h).toBeGreaterThan(880), expect(h).toBeLessThan(1120);
  });

  it('mulberry32 gives numbers in [0, 1)', () => {
    const next = mulberry32(0xffffffff);
    for (let i = 0; i < 1000; i++) {
      const x = next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});
