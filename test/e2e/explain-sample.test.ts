/**
 * `leadaudit explain` and `leadaudit sample` (issue 6) on a fresh audit of fixtures/demo with
 * --trail: explain agrees with clean.csv and rejects.csv, finds rows by line, phone and id; sample
 * is reproducible, masks by default, and both need trail.jsonl.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parse } from 'csv-parse/sync';
import { ROOT, leadaudit } from '../helpers/exec.js';

const DEMO = join(ROOT, 'fixtures', 'demo');
let work: string;
let out: string;
let noTrail: string;
let trail: { line: number; verdict: string; phone: { raw: string; e164: string | null } | null; row: Record<string, string> }[];
let trailLines: string[];
let trailHeader: string | undefined;
let rejects: Map<number, string[]>;
let clean: Map<string, string>;

const audit = (dir: string, extra: string[]) => {
  const r = leadaudit(['audit', join(DEMO, 'contacts.csv'), '--as-of', '2026-11-01', '--consent', join(DEMO, 'consent.csv'),
    '--consent', join(DEMO, 'consent-web.jsonl'), '--notice', join(DEMO, 'notice.json'), '--suppress', join(DEMO, 'suppress.txt'), '--reassigned', join(DEMO, 'reassigned.csv'),
    '--out-dir', dir, '--quiet', ...extra]);
  expect(r.status, r.stderr).toBe(0);
};

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'leadaudit-explain-'));
  out = join(work, 'out');
  noTrail = join(work, 'no-trail');
  audit(out, ['--trail']);
  audit(noTrail, []);
  [trailHeader, ...trailLines] = readFileSync(join(out, 'trail.jsonl'), 'utf8').split('\n').filter(Boolean);
  // The demo's column names are all different: the test may key the cells by them.
  const { columns } = JSON.parse(trailHeader!) as { columns: string[] };
  trail = trailLines.map((l) => JSON.parse(l)).map((t) => ({ ...t, row: Object.fromEntries(columns.map((c, i) => [c, t.cells[i]])) }));
  const rej = parse(readFileSync(join(out, 'rejects.csv')), { columns: true, bom: true }) as Record<string, string>[];
  rejects = new Map(rej.map((r) => [Number(r.audit_line), r.audit_reasons!.split('|')]));
  const cl = parse(readFileSync(join(out, 'clean.csv')), { columns: true, bom: true }) as Record<string, string>[];
  clean = new Map(cl.map((r) => [r.id!, r.consent_id!]));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const explain = (...args: string[]) => leadaudit(['explain', out, ...args]);
const linesOf = (text: string) => [...text.matchAll(/^Line (\d+): (CLEAN|REJECTED)$/gm)].map((m) => [Number(m[1]), m[2]]);

describe('leadaudit explain', () => {
  it('--line: every row, with the verdict and reasons of clean.csv / rejects.csv', () => {
    expect(trail).toHaveLength(34);
    expect(rejects.size + clean.size).toBe(34);
    for (const t of trail) {
      const r = explain('--line', String(t.line));
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      const reasons = rejects.get(t.line);
      expect(linesOf(r.stdout)).toEqual([[t.line, reasons ? 'REJECTED' : 'CLEAN']]);
      if (reasons) {
        for (const code of reasons) expect(r.stdout).toMatch(new RegExp(`^  ${code}  `, 'm'));
      } else {
        // The record clean.csv names is the one the explanation says covers the row.
        expect(r.stdout).toContain(`Covered by ${clean.get(t.row.id!)} (`);
        expect(r.stdout).toContain('[covers the row]');
      }
    }
  }, 180_000); // 34 runs of the CLI

  it('--line: a rejected row reads as a lawyer checks it', () => {
    const r = explain('--line', '29');
    expect(r.status).toBe(0);
    const order = ['Line 29: REJECTED', 'CONSENT_PURPOSE_MISMATCH', '\nRow\n', 'Клаус Мюллер', '\nPhone number\n', '+4915123456789',
      '\nConsent evidence\n', 'W-2008  consent-web.jsonl:8  [reasons reported]', 'channels: sms; purposes: service',
      'do not include "marketing"', '\nNotice\n', 'Source of the data', '(from the row)'].map((s) => r.stdout.indexOf(s));
    expect(order).not.toContain(-1);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('--phone: the number written differently from the list finds the row and its duplicate', () => {
    // The list has `8 (916) 111-22-33` on line 2 and `+7 916 111-22-33` on line 13.
    const r = explain('--phone', '+79161112233');
    expect(r.status, r.stderr).toBe(0);
    expect(linesOf(r.stdout)).toEqual([[2, 'CLEAN'], [13, 'REJECTED']]);
    expect(r.stdout).toContain('2 rows match --phone "+79161112233": lines 2, 13');
    expect(r.stdout).toContain('+79161112233 already appeared on line 2');
    expect(linesOf(explain('--phone', '8 916 111-22-40').stdout)).toEqual([[14, 'REJECTED'], [30, 'REJECTED']]);
    expect(linesOf(explain('--phone', '(916) 111 22 37').stdout)).toEqual([[6, 'CLEAN']]);
  });

  it('--phone: a number that is not valid is found as written', () => {
    expect(linesOf(explain('--phone', 'n/a').stdout)).toEqual([[11, 'REJECTED']]);
    expect(linesOf(explain('--phone', '+7 916 111').stdout)).toEqual([[12, 'REJECTED']]);
    // The malformed row has no phone facts, but its phone cell is still found.
    expect(linesOf(explain('--phone', '+79161112254').stdout)).toEqual([[28, 'REJECTED']]);
  });

  it('--id: the id column, or a consent_id among the records of the row', () => {
    const byRow = explain('--id', '22');
    expect(byRow.status).toBe(0);
    expect(linesOf(byRow.stdout)).toEqual([[23, clean.has('22') ? 'CLEAN' : 'REJECTED']]);
    expect(linesOf(explain('--id', 'C-1006').stdout)).toEqual([[14, 'REJECTED'], [30, 'REJECTED']]);
    expect(linesOf(explain('--id', 'W-2004').stdout)).toEqual([[18, 'REJECTED']]);
  });

  it('--json prints the header line and the matching trail objects exactly as stored', () => {
    const r = explain('--phone', '+79161112233', '--json');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${trailHeader}\n${trailLines[0]}\n${trailLines[11]}\n`);
  });

  it('--mask masks the number and the name', () => {
    const r = explain('--line', '2', '--mask');
    expect(r.stdout).toContain('8 (916) ***-**-33');
    expect(r.stdout).toContain('А*** С*******');
    expect(r.stdout).not.toContain('111-22-33');
    expect(r.stdout).not.toContain('Анна');
  });

  it('no row matches: exit 1, a message on stderr, nothing on stdout', () => {
    for (const [args, message] of [
      [['--line', '99'], 'no row starts at line 99: the last row starts at line 35'],
      [['--phone', '+7 916 000-00-00'], 'no row has the number "+7 916 000-00-00" (+79160000000)'],
      [['--id', 'nope'], 'no row has id "nope" or a consent record with that consent_id'],
    ] as const) {
      const r = explain(...args);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`leadaudit: ${out}: ${message}\n`);
    }
  });

  it('usage errors: exit 2 with one line', () => {
    for (const [args, message] of [
      [[], 'say which row, with one of --line N, --phone P or --id VALUE'],
      [['--line', '2', '--id', '1'], '--line and --id given; name the row with exactly one'],
      [['--line', 'two'], '--line "two": not the line of a row'],
      [['--line', '1'], 'the header is line 1'],
    ] as const) {
      const r = explain(...args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(message);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
    const missing = leadaudit(['explain', join(work, 'nowhere'), '--line', '2']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`${join(work, 'nowhere')}: cannot read the out-dir`);
  });
});

describe('without trail.jsonl', () => {
  it('explain and sample exit 2 and say to re-run the audit with --trail', () => {
    for (const args of [['explain', noTrail, '--line', '2'], ['sample', noTrail, '--size', '3', '--seed', '1']]) {
      const r = leadaudit(args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`leadaudit: ${noTrail}: no trail.jsonl; re-run the audit with --trail\n`);
    }
    expect(readdirSync(noTrail).filter((f) => f.startsWith('spot-audit'))).toEqual([]);
  });
});

describe('leadaudit sample', () => {
  const sample = (dir: string, ...args: string[]) => {
    const r = leadaudit(['sample', out, '--out', join(work, dir), ...args]);
    expect(r.status, r.stderr).toBe(0);
    return r;
  };
  const sheet = (dir: string, seed: number, ext = 'html') => readFileSync(join(work, dir, `spot-audit-${seed}.${ext}`), 'utf8');
  const sampled = (html: string) => [...html.matchAll(/<article class="row (clean|rejected)" id="line-(\d+)">/g)].map((m) => Number(m[2]));

  it('the same seed gives byte-identical sheets; the seed and the paths are printed', () => {
    const r = sample('a', '--size', '5', '--seed', '42');
    sample('b', '--size', '5', '--seed', '42');
    for (const ext of ['html', 'md']) expect(sheet('a', 42, ext)).toBe(sheet('b', 42, ext));
    expect(r.stderr).toContain('seed 42\n');
    expect(r.stderr).toContain(`wrote ${join(work, 'a', 'spot-audit-42.html')}\n`);
    expect(r.stderr).toContain(`wrote ${join(work, 'a', 'spot-audit-42.md')}\n`);
    const lines = sampled(sheet('a', 42));
    expect(lines).toHaveLength(5);
    expect(lines).toEqual([...lines].sort((x, y) => x - y));
    expect(sheet('a', 42, 'md').match(/^## \d of 5: line \d+, (CLEAN|REJECTED)$/gm)).toHaveLength(5);
  });

  it('a different seed draws different rows', () => {
    sample('c', '--size', '5', '--seed', '42');
    sample('c', '--size', '5', '--seed', '43');
    expect(sampled(sheet('c', 43))).not.toEqual(sampled(sheet('c', 42)));
  });

  it('without --seed, a seed is chosen, printed, and draws the same rows again', () => {
    const r = sample('d', '--size', '4');
    const seed = Number(/seed (\d+) \(chosen at random: --seed \1 draws the same rows again\)/.exec(r.stderr)?.[1]);
    expect(Number.isInteger(seed)).toBe(true);
    sample('e', '--size', '4', '--seed', String(seed));
    expect(sheet('e', seed)).toBe(sheet('d', seed));
  });

  it('a size larger than the list gives every row, and says so', () => {
    const r = sample('f', '--size', '1000', '--seed', '1');
    expect(sampled(sheet('f', 1))).toEqual(trail.map((t) => t.line));
    expect(sheet('f', 1)).toContain('every row of the population');
    expect(r.stderr).toContain('sampled 34 of 34 rows (all of them)');
  });

  it('--from rejects draws only rejected rows, --from clean only clean ones', () => {
    sample('g', '--size', '5', '--seed', '9', '--from', 'rejects');
    const lines = sampled(sheet('g', 9));
    expect(lines).toHaveLength(5);
    for (const l of lines) expect(rejects.has(l)).toBe(true);
    sample('h', '--size', '100', '--seed', '9', '--from', 'clean');
    expect(sampled(sheet('h', 9))).toEqual(trail.filter((t) => !rejects.has(t.line)).map((t) => t.line));
  });

  it('masks phone numbers and names by default; --unmask shows them', () => {
    sample('m', '--size', '100', '--seed', '5');
    sample('u', '--size', '100', '--seed', '5', '--unmask');
    const numbers = new Set<string>();
    for (const t of trail) {
      const raw = t.phone?.raw ?? t.row['Телефон']!;
      if (raw.replace(/\D/g, '').length >= 6) numbers.add(raw.trim());
      if (t.phone?.e164) numbers.add(t.phone.e164);
    }
    const names = trail.map((t) => t.row['ФИО']!);
    expect(numbers.size).toBeGreaterThan(20);
    for (const ext of ['html', 'md']) {
      const masked = sheet('m', 5, ext);
      const plain = sheet('u', 5, ext);
      for (const n of numbers) {
        expect(masked, n).not.toContain(n);
        expect(plain, n).toContain(n);
      }
      for (const name of names) {
        expect(masked).not.toContain(name);
        expect(plain).toContain(name);
      }
      expect(masked).toContain(ext === 'html' ? '8 (916) ***-**-33' : '8 (916) \\*\\*\\*-\\*\\*-33');
    }
  });

  it('writes into the out-dir by default; bad options exit 2', () => {
    sample('x', '--size', '2', '--seed', '3');
    const r = leadaudit(['sample', out, '--size', '2', '--seed', '3']);
    expect(r.status).toBe(0);
    expect(existsSync(join(out, 'spot-audit-3.html'))).toBe(true);
    expect(readFileSync(join(out, 'spot-audit-3.md'), 'utf8')).toBe(sheet('x', 3, 'md'));
    for (const [args, message] of [
      [['--size', '0'], '--size "0": not a whole number of rows from 1'],
      [['--size', '3', '--seed', '-1'], '--seed "-1": not a whole number from 0 to 4294967295'],
      [['--size', '3', '--seed', '4294967296'], 'not a whole number from 0 to 4294967295'],
      [['--size', '3', '--from', 'some'], "'some' is invalid"],
      [[], "'--size <n>' not specified"],
    ] as const) {
      const bad = leadaudit(['sample', out, ...args]);
      expect(bad.status, `${args.join(' ')}: ${bad.stderr}`).toBe(2);
      expect(bad.stdout).toBe('');
      expect(bad.stderr).toContain(message);
    }
  });
});

describe('every cell is kept (issue #12 item 10)', () => {
  // Header names that collide: a repeated name, a name that looks like a renamed repeat, and
  // __proto__, which a plain object can't hold as a key.
  const header = 'phone,__proto__,x,x,x (2),';
  let dir: string;
  beforeAll(() => {
    dir = join(work, 'collide');
    const contacts = join(work, 'collide.csv');
    writeFileSync(contacts, `${header}\n+7 916 111-22-33,A,B,C,D,E\n+7 916 111-22-44,P,Q,R,S,T,extra\n`);
    const r = leadaudit(['audit', contacts, '--as-of', '2026-11-01', '--consent', join(DEMO, 'consent.csv'), '--out-dir', dir, '--quiet', '--trail']);
    expect(r.status, r.stderr).toBe(0);
  });

  it('the trail holds the header once and every cell of every row by position', () => {
    const lines = readFileSync(join(dir, 'trail.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ columns: ['phone', '__proto__', 'x', 'x', 'x (2)', ''], phone_column: 0 });
    expect(lines.slice(1).map((l) => l.cells)).toEqual([
      ['+7 916 111-22-33', 'A', 'B', 'C', 'D', 'E'],
      ['+7 916 111-22-44', 'P', 'Q', 'R', 'S', 'T', 'extra'],
    ]);
  });

  it('explain shows every cell, the repeated names told apart by their column', () => {
    const r = leadaudit(['explain', dir, '--line', '2']);
    expect(r.status, r.stderr).toBe(0);
    const row = r.stdout.split('\nRow\n')[1]!.split('\n\n')[0]!;
    expect(row.split('\n').map((l) => l.trim().split(/\s{2,}/))).toEqual([
      ['phone', '+7 916 111-22-33'],
      ['__proto__', 'A'],
      ['x (column 3)', 'B'],
      ['x (column 4)', 'C'],
      ['x (2)', 'D'],
      ['(column 6)', 'E'],
    ]);
    const malformed = leadaudit(['explain', dir, '--line', '3']);
    expect(malformed.stdout).toMatch(/^ +\(column 7\) +extra$/m);
  });

  it('the spot-audit sheet shows every cell', () => {
    const r = leadaudit(['sample', dir, '--size', '5', '--seed', '1', '--unmask', '--out', join(work, 'collide-sheet')]);
    expect(r.status, r.stderr).toBe(0);
    const md = readFileSync(join(work, 'collide-sheet', 'spot-audit-1.md'), 'utf8');
    for (const cell of ['| \\_\\_proto\\_\\_ | A |', '| x (column 3) | B |', '| x (column 4) | C |', '| x (2) | D |', '| (column 6) | E |', '| (column 7) | extra |']) expect(md).toContain(cell);
  });
});
