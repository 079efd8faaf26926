/**
 * Issue #13 over what #12 and #14 added, through the real binary: the evidence folder, reassigned
 * numbers, line types and masking explained, sampled and verified in Russian with no English
 * sentence meant for people; the out-dir lock, invalid records counted past the first 100, JSON
 * nested too deep, a --mask-column that is not there and the line types a policy asks for, each in
 * Russian, on one line where it is an error (exit 2), and word for word in English as before.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { leadaudit, ROOT } from '../helpers/exec.js';
import { englishRuns, latinWords } from '../helpers/english.js';

const work = mkdtempSync(join(tmpdir(), 'leadaudit-i18n-inputs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ru = (args: string[], cwd?: string) => leadaudit(args, { cwd, env: { LEADAUDIT_LANG: 'ru' } });
const en = (args: string[], cwd?: string) => leadaudit(args, { cwd });

/** Every Latin word of a case's inputs: names, purposes and ids they hold may be shown. */
function inputWords(dir: string): Set<string> {
  const texts = readdirSync(dir).filter((f) => /\.(csv|jsonl|json|txt)$/.test(f)).map((f) => readFileSync(join(dir, f), 'utf8'));
  return latinWords(...texts, readFileSync(join(dir, 'args'), 'utf8'));
}

/** The lines of the rows in an out-dir's trail (its first line is the header). */
function trailLines(out: string): number[] {
  return readFileSync(join(out, 'trail.jsonl'), 'utf8').trim().split('\n').slice(1).map((l) => (JSON.parse(l) as { line: number }).line);
}

interface Case { name: string; explain: string[]; sample: string[]; says: string[] }

const CASES: Case[] = [
  { name: 'evidence-files', explain: [], sample: [], says: ['в папке доказательств', 'SHA-256'] },
  { name: 'reassigned-numbers', explain: [], sample: [], says: ['прежнего абонента', 'отключ'] },
  { name: 'line-types-us-tcpa-auto', explain: [], sample: [], says: ['по файлу --line-types'] },
  { name: 'line-types-sms', explain: [], sample: [], says: ['по файлу --line-types'] },
  { name: 'masking', explain: ['--mask-column', 'Заметки'], sample: ['--mask-column', 'Город'], says: ['Заметки'] },
];

describe.each(CASES)('fixture $name: explain, sample and verify in Russian', (c) => {
  const dir = join(ROOT, 'fixtures', c.name);
  const args = readFileSync(join(dir, 'args'), 'utf8').split(/\s+/).filter(Boolean);
  const out = join(work, c.name);
  const audit = ru(['audit', 'contacts.csv', ...args, '--out-dir', out, '--trail'], dir);
  const allowed = inputWords(dir);

  it('explains every row, samples and verifies with no English sentence', () => {
    expect(audit.status, audit.stderr).toBe(0);
    const lines = trailLines(out);
    const explained = lines.map((line) => ru(['explain', out, '--line', String(line), ...c.explain]));
    expect(explained.map((r) => r.status)).toEqual(lines.map(() => 0));
    const sample = ru(['sample', out, '--size', '100', '--seed', '3', ...c.sample]);
    const verify = ru(['verify', out]);
    expect([sample.status, verify.status]).toEqual([0, 0]);
    const text = explained.map((r) => r.stdout).join('\n');
    const found = {
      summary: englishRuns(audit.stderr, allowed),
      explain: englishRuns(text, allowed),
      'sheet.html': englishRuns(readFileSync(join(out, 'spot-audit-3.html'), 'utf8'), allowed),
      'sheet.md': englishRuns(readFileSync(join(out, 'spot-audit-3.md'), 'utf8'), allowed),
      'report.html': englishRuns(readFileSync(join(out, 'report.html'), 'utf8'), allowed),
      verify: englishRuns(verify.stdout, allowed),
    };
    expect(found).toEqual({ summary: [], explain: [], 'sheet.html': [], 'sheet.md': [], 'report.html': [], verify: [] });
    for (const words of c.says) expect(text).toContain(words);
  });
});

describe('masking in Russian', () => {
  const dir = join(ROOT, 'fixtures', 'masking');
  const out = join(work, 'masking-sheet');
  const args = readFileSync(join(dir, 'args'), 'utf8').split(/\s+/).filter(Boolean);

  it('the sheet names the masked columns by kind in Russian; no value of them shows', () => {
    expect(ru(['audit', 'contacts.csv', ...args, '--out-dir', out, '--trail'], dir).status).toBe(0);
    expect(ru(['sample', out, '--size', '100', '--seed', '4', '--mask-column', 'Город']).status).toBe(0);
    const sheet = readFileSync(join(out, 'spot-audit-4.md'), 'utf8');
    expect(sheet).toContain('маскированы: столбцы с персональными данными ФИО (имя), Телефон (телефон), E-mail (эл. почта), Адрес (адрес)');
    expect(sheet).toContain('Заметки (указан в --mask-column), Город (указан в --mask-column), а также номера телефонов в любом месте');
    expect(sheet).toContain('--seed 4 --from all --mask-column \'Город\'');
    for (const city of ['Казань', 'Самара']) expect(sheet).not.toContain(city);
    expect(sheet).toContain('| Город | К\\*\\*\\*\\*\\* |');
  });

  it('a --mask-column that is not a column: one line in Russian, exit 2, as in English', () => {
    const r = ru(['explain', out, '--line', '2', '--mask-column', 'Нет такого']);
    expect([r.status, r.stderr]).toEqual([2, `leadaudit: --mask-column "Нет такого": в проверенном списке нет такого столбца (столбцы: id, ФИО, Телефон, E-mail, Адрес, Дата рождения, Паспорт, Заметки, Город)\n`]);
    expect(en(['explain', out, '--line', '2', '--mask-column', 'Нет такого']).stderr).toBe(
      'leadaudit: --mask-column "Нет такого": no such column in the audited list (columns: id, ФИО, Телефон, E-mail, Адрес, Дата рождения, Паспорт, Заметки, Город)\n');
    const audit = ru(['audit', 'contacts.csv', ...args.filter((a) => a !== 'Заметки' && a !== '--mask-column'), '--mask-column', 'Нет', '--out-dir', join(work, 'no-col')], dir);
    expect(audit.status).toBe(2);
    expect(audit.stderr).toMatch(/^leadaudit: contacts\.csv:1: столбца --mask-column "Нет" нет в заголовке \(столбцы: id, ФИО, .*\)\n$/);
  });
});

describe('the hardening of #12 in Russian', () => {
  const demo = join(ROOT, 'fixtures', 'demo');

  it('the out-dir lock: whose it is, in Russian, with the date as Russians write it', () => {
    const out = join(work, 'locked');
    mkdirSync(out);
    writeFileSync(join(out, '.leadaudit.lock'), JSON.stringify({ pid: process.pid, host: hostname(), started: '2026-12-01T10:00:00.000Z', token: 't' }));
    const r = ru(['audit', join(demo, 'contacts.csv'), '--consent', join(demo, 'consent.csv'), '--as-of', '2026-11-01', '--out-dir', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`leadaudit: --out-dir ${out}: туда уже пишет другой запуск leadaudit (pid ${process.pid} на ${hostname()}, с 01.12.2026 10:00:00 UTC); дождитесь его окончания или укажите другую --out-dir (если никакой запуск не идёт, удалите ${join(out, '.leadaudit.lock')})\n`);
  });

  it('every invalid consent record counted past the first 100: the summary says so in Russian, by field', () => {
    const consent = join(work, 'many-invalid.csv');
    const bad = Array.from({ length: 150 }, (_, i) => `+7 916 ${7000000 + i},вчера,marketing,форма`);
    writeFileSync(consent, ['phone,given_at,purposes,evidence_ref', '+7 916 111-22-33,2026-01-10,marketing,форма', ...bad].join('\n'));
    const args = ['audit', join(demo, 'contacts.csv'), '--consent', consent, '--as-of', '2026-11-01'];
    const r = ru([...args, '--out-dir', join(work, 'many-ru')]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`внимание: ${consent}: недействительных записей о согласии 150 из 151, они не использованы (строка 3: given_at "вчера" не является датой`);
    expect(r.stderr).toContain('; ...; по полям: given_at 150; первые 100 перечислены в inputs.consent в report.json)');
    expect(englishRuns(r.stderr, latinWords(readFileSync(join(demo, 'contacts.csv'), 'utf8')))).toEqual([]);
    expect(en([...args, '--out-dir', join(work, 'many-en')]).stderr).toContain('; ...; by field: given_at 150; the first 100 are listed in report.json inputs.consent)');
  });

  it('a notice manifest nested too deep: one line in Russian with file, line and path, exit 2', () => {
    const notice = join(work, 'deep.json');
    writeFileSync(notice, `{"operator":\n${'['.repeat(40)}${']'.repeat(40)}}`);
    const args = ['audit', join(demo, 'contacts.csv'), '--consent', join(demo, 'consent.csv'), '--notice', notice, '--out-dir', join(work, 'deep')];
    const r = ru(args);
    expect([r.status, r.stderr]).toEqual([2, `leadaudit: ${notice}:2: $.operator: вложенность глубже 32 уровней; манифест уведомления содержит только тексты и списки текстов\n`]);
    expect(en(args).stderr).toBe(`leadaudit: ${notice}:2: $.operator: nested more than 32 levels deep; a notice manifest holds texts and lists of texts\n`);
  });

  it('a report.json that is not JSON: verify and certificate say where, in Russian, on one line', () => {
    const out = join(work, 'broken-report');
    mkdirSync(out);
    writeFileSync(join(out, 'report.json'), '{"lang": "ru",\n  "totals": }');
    for (const cmd of ['verify', 'certificate']) {
      const r = ru([cmd, out]);
      expect([r.status, r.stderr]).toEqual([2, `leadaudit: ${join(out, 'report.json')}: не удаётся прочитать: синтаксическая ошибка: } там, где должно быть значение\n`]);
    }
    expect(en(['verify', out]).stderr).toMatch(/^leadaudit: .*report\.json: cannot be read: Unexpected token '}', .* is not valid JSON\n$/);
  });

  it('a Latin-1 list read as Windows-1251: the warning in Russian, in the summary and report.json', () => {
    const file = join(work, 'latin.csv');
    writeFileSync(file, Buffer.from('id;name;phone\n1;Histórico Müller;+7 916 111-22-33\n', 'latin1'));
    const r = ru(['audit', file, '--consent', join(demo, 'consent.csv'), '--out-dir', join(work, 'latin'), '--json']);
    expect(r.status).toBe(0);
    const warning = 'прочитан как windows-1251, но не похож на русский текст (кириллицей в кириллических словах записаны 0 из 2 символов вне ASCII); если это Latin-1 или Windows-1252, укажите --encoding windows-1252';
    expect(JSON.parse(r.stdout).inputs.contacts.encoding_warning).toBe(warning);
    expect(r.stderr).toContain(`внимание: ${file}: ${warning}`);
  });
});

describe('the options of #14 in Russian', () => {
  const dir = join(ROOT, 'fixtures', 'line-types-sms');

  it('us-tcpa SMS without --line-types: the warning in the summary and report.html, in Russian', () => {
    const out = join(work, 'no-line-types');
    const r = ru(['audit', 'contacts.csv', '--as-of', '2026-07-15', '--consent', 'consent.csv', '--policy', 'us-tcpa', '--channel', 'sms',
      '--suppress', 'national-dnc=dnc.txt', '--list-date', 'national-dnc=2026-06-20', '--out-dir', out], dir);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('внимание: нет --line-types: libphonenumber не отличает мобильные номера этого региона от стационарных');
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<h2 id="warnings-h">Предупреждения</h2>');
    expect(html).toContain('<code>line_types_missing</code>: нет --line-types');
  });

  it('--list-date reassigned twice, and a suppression list called reassigned: one line each in Russian, exit 2', () => {
    const demo = join(ROOT, 'fixtures', 'demo');
    const base = ['audit', join(demo, 'contacts.csv'), '--consent', join(demo, 'consent.csv'), '--reassigned', join(demo, 'reassigned.csv'), '--out-dir', join(work, 'opts')];
    const twice = ru([...base, '--list-date', 'reassigned=2026-10-28', '--list-date', 'reassigned=2026-10-29']);
    expect([twice.status, twice.stderr]).toEqual([2, 'leadaudit: --list-date "reassigned=2026-10-29": второй раз задаёт дату списка --reassigned\n']);
    const named = ru([...base, '--suppress', `reassigned=${join(demo, 'suppress.txt')}`]);
    expect([named.status, named.stderr]).toEqual([2, `leadaudit: --suppress "reassigned=${join(demo, 'suppress.txt')}": имя «reassigned» занято списком --reassigned: назовите этот стоп-лист иначе\n`]);
    const folder = ru([...base, '--evidence-dir', join(work, 'no-such-folder')]);
    expect([folder.status, folder.stderr]).toEqual([2, `leadaudit: --evidence-dir "${join(work, 'no-such-folder')}": нет такой папки\n`]);
  });
});
