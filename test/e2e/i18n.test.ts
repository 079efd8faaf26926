/**
 * Issue #13 through the real binary: every fixture case in both languages gives the same verdicts,
 * the same exit code and a byte-identical clean.csv; what the Russian run writes for people
 * (summary, one-line errors, audit_details, report.html, the certificate) holds no English sentence;
 * the language comes from --lang, LEADAUDIT_LANG or the locale; report.json records it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parse } from 'csv-parse/sync';
import { listCases, runCase } from '../helpers/fixture-case.js';
import { leadaudit, ROOT } from '../helpers/exec.js';
import { englishRuns, latinWords } from '../helpers/english.js';

const work = mkdtempSync(join(tmpdir(), 'leadaudit-i18n-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const DEMO = join(ROOT, 'fixtures/demo');
const table = (file: string) => parse(readFileSync(file), { columns: true, bom: true }) as Record<string, string>[];

/** The text of every input of a case: its words may appear in what the run shows (names, purposes, ids). */
function inputWords(dir: string, extra: string[] = []): Set<string> {
  const texts = readdirSync(dir).filter((f) => /\.(csv|jsonl|json|txt|tsv)$/.test(f) && !['expected.tsv', 'lines.tsv', 'error.txt'].includes(f))
    .map((f) => readFileSync(join(dir, f), 'latin1') + readFileSync(join(dir, f), 'utf8'));
  return latinWords(...texts, ...extra);
}

describe.each(listCases())('fixture $name in en and ru', (c) => {
  const en = runCase(c, join(work, `${c.name}-en`), ['--certificate']);
  const ru = runCase(c, join(work, `${c.name}-ru`), ['--certificate', '--lang', 'ru']);
  const allowed = inputWords(c.dir, c.args);

  it('exits the same way in both languages', () => {
    expect(ru.status).toBe(en.status);
    expect(ru.stdout).toBe(en.stdout);
  });

  if (c.exit === 2) {
    it('says the one-line error in Russian, with no English sentence and no stack', () => {
      const lines = ru.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^leadaudit: /);
      expect(ru.stderr).toMatch(/[а-яё]/i);
      expect(englishRuns(ru.stderr, allowed)).toEqual([]);
    });
    return;
  }

  it('gives the same verdicts and a byte-identical clean.csv', () => {
    const dirEn = join(work, `${c.name}-en`), dirRu = join(work, `${c.name}-ru`);
    expect(readFileSync(join(dirRu, 'clean.csv'))).toEqual(readFileSync(join(dirEn, 'clean.csv')));
    const verdicts = (dir: string) => table(join(dir, 'rejects.csv')).map((r) => [r.audit_line, r.audit_reasons]);
    expect(verdicts(dirRu)).toEqual(verdicts(dirEn));
    const reportEn = JSON.parse(readFileSync(join(dirEn, 'report.json'), 'utf8'));
    const reportRu = JSON.parse(readFileSync(join(dirRu, 'report.json'), 'utf8'));
    expect([reportEn.lang, reportRu.lang]).toEqual(['en', 'ru']);
    expect(reportRu.totals).toEqual(reportEn.totals);
    expect(reportRu.reasons).toEqual(reportEn.reasons);
    expect(Object.keys(reportRu).sort()).toEqual(Object.keys(reportEn).sort());
  });

  it('writes no English sentence for people in Russian: summary, audit_details, report.html, certificate', () => {
    const dir = join(work, `${c.name}-ru`);
    const details = table(join(dir, 'rejects.csv')).map((r) => r.audit_details).join('\n');
    const found = {
      summary: englishRuns(ru.stderr, allowed),
      audit_details: englishRuns(details, allowed),
      'report.html': englishRuns(readFileSync(join(dir, 'report.html'), 'utf8'), allowed),
      'certificate.html': englishRuns(readFileSync(join(dir, 'certificate.html'), 'utf8'), allowed),
    };
    expect(found).toEqual({ summary: [], audit_details: [], 'report.html': [], 'certificate.html': [] });
  });
});

describe('the Russian outputs of the other commands', () => {
  const out = join(work, 'demo-commands-ru');
  const args = ['audit', join(DEMO, 'contacts.csv'), '--as-of', '2026-11-01', '--consent', join(DEMO, 'consent.csv'),
    '--consent', join(DEMO, 'consent-web.jsonl'), '--notice', join(DEMO, 'notice.json'), '--suppress', join(DEMO, 'suppress.txt'),
    '--reassigned', join(DEMO, 'reassigned.csv'), '--list-date', 'reassigned=2026-10-28', '--out-dir', out, '--trail', '--certificate'];
  const audit = leadaudit(args, { env: { LEADAUDIT_LANG: 'ru' } });
  const allowed = inputWords(DEMO);
  const ru = (a: string[]) => leadaudit(a, { env: { LEADAUDIT_LANG: 'ru' } });

  it('explain, sample (HTML and Markdown), reasons, verify and every --help hold no English sentence', () => {
    expect(audit.status).toBe(0);
    const explain = ru(['explain', out, '--line', '29']);
    const sample = ru(['sample', out, '--size', '8', '--seed', '11']);
    const reasons = ru(['reasons']);
    const verify = ru(['verify', out]);
    expect([explain.status, sample.status, reasons.status, verify.status]).toEqual([0, 0, 0, 0]);
    const helps = ['', 'audit', 'explain', 'sample', 'verify', 'reasons', 'keygen', 'init', 'certificate', 'schema', 'policy', 'policy show']
      .map((cmd) => ru([...cmd.split(' ').filter(Boolean), '--help']).stdout).join('\n');
    const found = {
      explain: englishRuns(explain.stdout, allowed),
      sample: englishRuns(sample.stderr, allowed),
      'sheet.html': englishRuns(readFileSync(join(out, 'spot-audit-11.html'), 'utf8'), allowed),
      'sheet.md': englishRuns(readFileSync(join(out, 'spot-audit-11.md'), 'utf8'), allowed),
      reasons: englishRuns(reasons.stdout, allowed),
      verify: englishRuns(verify.stdout, allowed),
      help: englishRuns(helps, allowed),
    };
    expect(found).toEqual({ explain: [], sample: [], 'sheet.html': [], 'sheet.md': [], reasons: [], verify: [], help: [] });
    expect(explain.stdout).toContain('Строка 29: ОТКЛОНЕНА');
    expect(reasons.stdout).toContain('ч. 3 ст. 9 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных»');
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('<html lang="ru">');
    expect(readFileSync(join(out, 'spot-audit-11.html'), 'utf8')).toContain('<html lang="ru">');
  });

  it('JUnit test names stay English; the failure texts follow the language', () => {
    const names = (l: string) => {
      const file = join(work, `junit-${l}.xml`);
      leadaudit([...args.slice(0, -4), '--out-dir', join(work, `junit-${l}`), '--junit', file, '--lang', l]);
      const xml = readFileSync(file, 'utf8');
      return { names: [...xml.matchAll(/<testcase [^>]*name="([^"]*)"/g)].map((m) => m[1]), xml };
    };
    const en = names('en'), ru = names('ru');
    expect(ru.names).toEqual(en.names);
    expect(ru.names).toContain('CONSENT_MISSING: No consent on record');
    expect(ru.xml).toContain('Что делать: Получите у поставщика подтверждение согласия');
  });

  it('policy show prints the policy as data: the same bytes in both languages', () => {
    expect(ru(['policy', 'show']).stdout).toBe(leadaudit(['policy', 'show']).stdout);
  });

  it('the check finds an English sentence left in a Russian output', () => {
    // What the check is for: a text someone forgot to put in the catalogue.
    const summary = audit.stderr.replace('причины:', 'why these rows were rejected:');
    expect(englishRuns(summary, allowed)).toEqual(['why these rows were rejected']);
    expect(englishRuns(audit.stderr, allowed)).toEqual([]);
  });
});

describe('choosing the language', () => {
  const out = join(work, 'choose');
  const demo = (extra: string[], env: Record<string, string>) => leadaudit(['audit', join(DEMO, 'contacts.csv'), '--as-of', '2026-11-01',
    '--consent', join(DEMO, 'consent.csv'), '--out-dir', out, ...extra], { env });

  it('LANG=ru_RU.UTF-8 prints the summary in Russian, with Russian numbers, dates and plural forms', () => {
    const r = demo([], { LEADAUDIT_LANG: '', LC_ALL: '', LC_MESSAGES: '', LANG: 'ru_RU.UTF-8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^leadaudit 0\.\d+\.\d+: .*, политика ru-152fz, канал call \(способ набора live\), цель marketing, на 01\.11\.2026\n/);
    expect(r.stderr).toMatch(/\n {2}отклонено +27 {2}\(79,4\u00a0%\)\n/);
    expect(r.stderr).toContain('причины:\n');
    expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).lang).toBe('ru');
  });

  it('--lang wins over the environment, before or after the command; LC_ALL over LANG', () => {
    const env = { LEADAUDIT_LANG: 'ru' };
    expect(demo(['--lang', 'en'], env).stderr).toContain('\nreasons:\n');
    expect(leadaudit(['--lang', 'en', 'reasons'], { env }).stdout).toMatch(/^Reason codes under ru-152fz:/);
    expect(leadaudit(['reasons', '--lang=ru']).stdout).toMatch(/^Коды причин по политике ru-152fz:/);
    expect(demo([], { LEADAUDIT_LANG: '', LC_ALL: 'en_US.UTF-8', LANG: 'ru_RU.UTF-8' }).stderr).toContain('\nreasons:\n');
  });

  it('refuses a language it does not speak: one line, exit 2, nothing written', () => {
    const r = demo(['--lang', 'de'], {});
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('leadaudit: --lang "de": not a language leadaudit speaks (en, ru)\n');
    expect(existsSync(join(out, 'report.json')) && JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).lang !== undefined).toBe(true);
    const bad = leadaudit(['reasons'], { env: { LEADAUDIT_LANG: 'fr' } });
    expect([bad.status, bad.stderr]).toEqual([2, 'leadaudit: LEADAUDIT_LANG "fr": not a language leadaudit speaks (en, ru)\n']);
  });

  it('says usage errors and bad input in Russian on one line, exit 2', () => {
    const unknown = leadaudit(['audit', 'x.csv', '--bogus'], { env: { LEADAUDIT_LANG: 'ru' } });
    expect([unknown.status, unknown.stderr]).toEqual([2, 'leadaudit: неизвестный параметр «--bogus» (см. --help)\n']);
    const missing = leadaudit(['audit', join(DEMO, 'nope.csv'), '--consent', join(DEMO, 'consent.csv'), '--out-dir', join(work, 'missing')], { env: { LEADAUDIT_LANG: 'ru' } });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`leadaudit: ${join(DEMO, 'nope.csv')}: не удаётся прочитать: нет такого файла\n`);
    const date = leadaudit(['audit', join(DEMO, 'contacts.csv'), '--consent', join(DEMO, 'consent.csv'), '--as-of', '30.02.2026'], { env: { LEADAUDIT_LANG: 'ru' } });
    expect([date.status, date.stderr]).toEqual([2, 'leadaudit: --as-of "30.02.2026": не является датой (в феврале 2026 г. нет 30-го числа): укажите в виде 2026-11-28, 28.11.2026 или 2026-11-28T09:00:00+03:00\n']);
  });
});
