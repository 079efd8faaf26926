/**
 * `--export PLATFORM` (issue #15 item 3) through the real binary. Each platform's file is computed
 * here independently, with node:crypto, from the normalization its documentation states (quoted
 * at each expectation, checked 2026-12-02), never by calling leadaudit's code, and compared with
 * the file the binary wrote. The E.164 numbers of the case's clean rows are written out by hand.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { ROOT, leadaudit } from '../helpers/exec.js';

const CASE = join(ROOT, 'fixtures', 'export-platforms');
/** The clean rows of the case, in order (rows 1, 2, 3 and 5 of contacts.csv; NOTES.md says why). */
const E164 = ['+79161112233', '+79161112244', '+79161112255', '+447400123456'];
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const fileSha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const lines = (header: string, values: string[]) => `${[header, ...values].join('\n')}\n`;

let work: string;
beforeAll(() => { work = mkdtempSync(join(tmpdir(), 'leadaudit-export-')); });
afterAll(() => rmSync(work, { recursive: true, force: true }));

const base = ['--as-of', '2026-06-01', '--consent', join(CASE, 'consent.csv'), '--notice', join(CASE, 'notice.json')];
function run(out: string, extra: string[], env?: Record<string, string>) {
  return leadaudit(['audit', join(CASE, 'contacts.csv'), ...base, '--out-dir', join(work, out), ...extra], { env });
}
const read = (out: string, file: string) => readFileSync(join(work, out, file), 'utf8');
const ALL = ['--export', 'yandex-audiences', '--export', 'vk-ads', '--export', 'google-customer-match', '--export', 'meta', '--export', 'dialer'];

describe('--export, each platform at its default hashing', () => {
  let r: ReturnType<typeof run>;
  beforeAll(() => { r = run('all', [...ALL, '--export-columns', 'id,name']); });

  it('runs', () => expect(r.status, r.stderr).toBe(0));

  it('yandex-audiences: header phone; digits with the country code, no symbols; SHA-256 hex', () => {
    // yandex.ru/support/audience/en/file.md: "phone ... A string of numbers that contains the
    // mobile phone number and country code. You cannot insert spaces or use additional symbols"
    // (79995551111); "Field values can be hashed (SHA-256)".
    expect(read('all', 'export-yandex-audiences.csv')).toBe(lines('phone', E164.map((n) => sha256(n.slice(1)))));
  });

  it('vk-ads: header id; [country code][region code][number], plain (VK Ads encrypts on upload)', () => {
    // target.my.com/help/advertisers/sourceuserlists/en: "For csv files, the header must contain
    // "id""; "Phone numbers - in the format [country code] [region code] [number] without spaces and
    // other characters: 79011234567. You can upload both already encrypted and in open form".
    expect(read('all', 'export-vk-ads.csv')).toBe(lines('id', E164.map((n) => n.replace('+', ''))));
  });

  it('google-customer-match: header Phone; SHA-256 of the E.164 form, + included', () => {
    // support.google.com/google-ads/answer/7476159: "Phone matching: Use "Phone" as the column
    // header name"; the Customer Match template: "Phone numbers must be formatted as E.164 prior to
    // hashing" (E.164: "+", country code, number).
    expect(read('all', 'export-google-customer-match.csv')).toBe(lines('Phone', E164.map((n) => sha256(n))));
    // The case's first number, by hand: no leading + would be a different list.
    expect(read('all', 'export-google-customer-match.csv')).toContain(sha256('+79161112233'));
    expect(read('all', 'export-google-customer-match.csv')).not.toContain(sha256('79161112233'));
  });

  it('meta: header phone; digits only with the country code (no +), SHA-256 hex', () => {
    // facebook.com/business/help/2082575038703844: column header "phone", "Phone numbers must
    // include a country code"; Marketing API hashing and normalizing: remove symbols, letters and
    // leading zeros, hash with SHA-256 (a "+" left in matches nothing).
    const want = E164.map((n) => sha256(n.replace(/\D/g, '')));
    expect(read('all', 'export-meta.csv')).toBe(lines('phone', want));
    expect(want[0]).toBe(sha256('79161112233'));
  });

  it('dialer: phone_e164 plus the --export-columns, every clean row; a formula cell neutralized', () => {
    expect(read('all', 'export-dialer.csv')).toBe([
      'phone_e164,id,name',
      '+79161112233,1,Анна Смирнова',
      '+79161112244,2,Борис Иванов',
      '+79161112255,3,"\'=HYPERLINK(""http://example.invalid"")"',
      '+447400123456,5,Emily Clark',
      '',
    ].join('\n'));
  });

  it('no rejected row reaches an export: the number without consent and the duplicate are in none', () => {
    for (const f of readdirSync(join(work, 'all')).filter((n) => n.startsWith('export-'))) {
      const text = read('all', f);
      for (const k of ['+79161112266', '79161112266', sha256('+79161112266'), sha256('79161112266')]) expect(text, f).not.toContain(k);
      expect(text.split('\n').filter(Boolean)).toHaveLength(5);
    }
  });

  it('report.json lists each file with its platform, rows, hashing and SHA-256; the schema describes it', () => {
    const report = JSON.parse(read('all', 'report.json'));
    const want = { 'yandex-audiences': 'sha256', 'vk-ads': 'none', 'google-customer-match': 'sha256', meta: 'sha256', dialer: 'none' } as const;
    for (const [p, hashing] of Object.entries(want)) {
      const o = report.outputs[`export_${p.replace(/-/g, '_')}`];
      expect(o, p).toMatchObject({ platform: p, rows: 4, hashing, key: 'phone', duplicates: 0 });
      expect(o.path).toBe(join(work, 'all', `export-${p}.csv`));
      expect(o.sha256).toBe(fileSha(o.path));
    }
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(JSON.parse(leadaudit(['schema', 'report']).stdout));
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  });

  it('warns, in report.json and the summary, about lists smaller than a platform takes', () => {
    const report = JSON.parse(read('all', 'report.json'));
    expect(report.outputs.export_vk_ads.warnings).toEqual([{ code: 'export_below_minimum', limit: 2000, actual: 4 }]);
    expect(report.outputs.export_meta.warnings).toEqual([{ code: 'export_below_minimum', limit: 100, actual: 4 }]);
    expect(report.outputs.export_dialer.warnings).toEqual([]);
    expect(report.warnings.map((w: { code: string }) => w.code)).toEqual(Array(4).fill('export_below_minimum'));
    expect(r.stderr).toContain('vk-ads: the export holds 4 rows, fewer than the 2000 the platform takes in a list');
    expect(r.stderr).toContain('export-meta.csv: 4 rows for meta, SHA-256 of each phone number');
    expect(r.stderr).toContain('export-vk-ads.csv: 4 rows for vk-ads, phone number not hashed');
  });

  it('verify passes, and fails when one byte of an export is changed', () => {
    const ok = leadaudit(['verify', join(work, 'all'), '--outputs-only']);
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/matches\s+output\s+export_meta/);
    const copy = join(work, 'flipped');
    cpSync(join(work, 'all'), copy, { recursive: true });
    const f = join(copy, 'export-meta.csv');
    const bytes = readFileSync(f);
    bytes[bytes.length - 2] = bytes[bytes.length - 2] === 0x30 ? 0x31 : 0x30; // one hex digit of the last hash
    writeFileSync(f, bytes);
    const bad = leadaudit(['verify', copy, '--outputs-only']);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/DIFFERS\s+output\s+export_meta/);
    expect(bad.stdout).toMatch(/matches\s+output\s+export_dialer/);
  });
});

describe('--hash', () => {
  it('none writes each platform\'s normalized value itself', () => {
    const r = run('plain', ['--export', 'yandex-audiences,google-customer-match,meta', '--hash', 'none']);
    expect(r.status, r.stderr).toBe(0);
    expect(read('plain', 'export-yandex-audiences.csv')).toBe(lines('phone', E164.map((n) => n.slice(1))));
    expect(read('plain', 'export-google-customer-match.csv')).toBe(lines('Phone', E164));
    expect(read('plain', 'export-meta.csv')).toBe(lines('phone', E164.map((n) => n.slice(1))));
    expect(r.stderr).toContain('export-meta.csv: 4 rows for meta, phone number not hashed');
  });

  it('PLATFORM=FORM sets one platform; a bare form the others', () => {
    const r = run('mixed', ['--export', 'meta', '--export', 'dialer', '--hash', 'none', '--hash', 'meta=sha256']);
    expect(r.status, r.stderr).toBe(0);
    expect(read('mixed', 'export-meta.csv')).toBe(lines('phone', E164.map((n) => sha256(n.slice(1)))));
    expect(read('mixed', 'export-dialer.csv')).toBe(lines('phone_e164', E164));
  });

  const refused: [string, string[], string][] = [
    ['VK Ads takes no SHA-256', ['--export', 'vk-ads', '--hash', 'sha256'], '--hash "sha256": vk-ads does not take sha256 (it takes none)'],
    ['a dialer dials numbers, never hashes', ['--export', 'dialer', '--export', 'meta', '--hash', 'sha256'], 'dialer does not take sha256 (it takes none); for the other platforms write --hash PLATFORM=sha256'],
    ['an unknown form', ['--export', 'meta', '--hash', 'md5'], '--hash "md5": is not one of sha256, none'],
    ['a platform not exported', ['--export', 'meta', '--hash', 'vk-ads=none'], '--hash "vk-ads=none": vk-ads is not exported: add --export vk-ads'],
    ['--hash without --export', ['--hash', 'none'], '--hash "none": has nothing to act on without --export'],
    ['an unknown platform', ['--export', 'tiktok'], '--export "tiktok": is not one of yandex-audiences, vk-ads, google-customer-match, meta, dialer'],
    ['--export-columns without the dialer', ['--export', 'meta', '--export-columns', 'name'], '--export-columns "name": only the dialer export carries columns: add --export dialer'],
    ['an --export-columns name not in the list', ['--export', 'dialer', '--export-columns', 'email'], '--export-columns "email" is not a column of the list (its columns: id, name, phone)'],
    ['a dialer file from an email run', ['--channel', 'email', '--export', 'dialer'], '--export dialer: an email run (--channel email) audits the addresses, not the phone numbers'],
  ];
  it.each(refused)('%s: exit 2, one line, nothing written', (_, args, message) => {
    const out = `refused-${args.join('-').replace(/[^a-z0-9]+/gi, '-')}`;
    const r = run(out, args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(message);
    expect(existsSync(join(work, out))).toBe(false);
  });
});

describe('checked before any file is read', () => {
  it('a dialer file from an email run is refused even when the consent file does not exist', () => {
    const r = leadaudit(['audit', join(CASE, 'contacts.csv'), '--consent', join(work, 'no-such.csv'), '--channel', 'email', '--export', 'dialer', '--out-dir', join(work, 'early')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--export dialer: an email run');
    expect(r.stderr).not.toContain('no-such.csv');
  });
});

describe('a policy that allows duplicates', () => {
  it('keeps row 6 (row 1\'s number) clean: the dialer file has it twice, each ad-platform file once, counted', () => {
    const policy = join(work, 'allow-duplicates.json');
    writeFileSync(policy, JSON.stringify({ extends: 'ru-152fz', name: 'allow-duplicates', duplicates: 'allow' }));
    const r = run('dups', ['--policy', policy, '--export', 'meta,dialer,vk-ads']);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(read('dups', 'report.json'));
    expect(report.totals.clean).toBe(5);
    expect(read('dups', 'export-dialer.csv')).toBe(lines('phone_e164', [...E164, '+79161112233']));
    expect(read('dups', 'export-vk-ads.csv')).toBe(lines('id', E164.map((n) => n.slice(1))));
    expect(read('dups', 'export-meta.csv')).toBe(lines('phone', E164.map((n) => sha256(n.slice(1)))));
    expect(report.outputs.export_meta).toMatchObject({ rows: 4, duplicates: 1 });
    expect(report.outputs.export_dialer).toMatchObject({ rows: 5, duplicates: 0 });
  });
});

describe('exports and the out-dir', () => {
  it('a later run without --export takes the earlier run\'s export files away at commit', () => {
    expect(run('again', ['--export', 'meta', '--export', 'dialer']).status).toBe(0);
    expect(existsSync(join(work, 'again', 'export-meta.csv'))).toBe(true);
    const r = run('again', ['--export', 'dialer']);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(join(work, 'again')).filter((n) => n.startsWith('export-'))).toEqual(['export-dialer.csv']);
  });

  it('reads clean.csv back whatever its dialect: --csv-excel in Russian (";" and a BOM) gives the same files', () => {
    const r = run('excel', [...ALL, '--export-columns', 'id,name', '--csv-excel'], { LEADAUDIT_LANG: 'ru' });
    expect(r.status, r.stderr).toBe(0);
    expect(read('excel', 'clean.csv').startsWith('\uFEFFid;name;phone;phone_e164')).toBe(true);
    for (const f of readdirSync(join(work, 'all')).filter((n) => n.startsWith('export-'))) expect(read('excel', f), f).toBe(read('all', f));
    expect(r.stderr).toContain('export-vk-ads.csv: 4 строки для vk-ads, номер телефона без хеширования');
    expect(r.stderr).toMatch(/vk-ads: в выгрузке 4 строки — меньше 2\s000, которые площадка принимает в список/);
  });
});
