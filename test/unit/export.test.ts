/**
 * The export writer (issue #15 item 3) over a clean.csv written here by hand: the email path (an
 * email run's clean.csv carries `email_normalized`: trimmed, NFC, lowercase, the domain in ASCII),
 * repeated keys, and the list-size warnings. Expected files are computed here from the platforms'
 * documented normalization with node:crypto, not with leadaudit's code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AtomicFile } from '../../src/io/atomic-output.js';
import { writeExports, type ExportJob } from '../../src/export/write-exports.js';
import { platform, type Hashing, type PlatformId } from '../../src/export/platforms.js';
import { sizeWarnings } from '../../src/export/export-warnings.js';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'leadaudit-export-unit-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An email run's clean.csv: the input's columns (one of them also called email_normalized), then the audit's. */
const EMAILS = ['anna.smirnova@example.ru', 'егор@xn--80a1acny.xn--p1ai', 'b.ivanov+news@gmail.com'];
const CLEAN = [
  'id,email,email_normalized,phone_e164,consent_id,audit_removed',
  `1, Anna.Smirnova@Example.RU ,"not the audit's",,E1,`,
  `2,Егор@почта.рф,,,E2,`,
  `3,B.Ivanov+news@gmail.com,x,,E3,`,
].join('\n');
const CLEAN_WITH_KEYS = CLEAN.split('\n').map((l, i) => {
  if (i === 0) return l.replace('phone_e164', 'email_normalized,phone_e164');
  return l.replace(/,,(E\d),$/, `,${EMAILS[i - 1]},,$1,`);
}).join('\n');

async function exportsOf(text: string, key: 'phone' | 'email', wanted: [PlatformId, Hashing][], inputColumns = 3) {
  const name = `clean-${Math.random().toString(36).slice(2)}.csv`;
  writeFileSync(join(dir, name), `${text}\n`);
  const jobs: ExportJob[] = wanted.map(([p, hashing]) => ({ platform: p, hashing, file: new AtomicFile(dir, `${name}-${platform(p).file}`) }));
  const entries = await writeExports({ path: join(dir, name), delimiter: ',', inputColumns }, jobs, key, [], { keysUnique: false });
  return entries.map((e, i) => ({ ...e, text: readFileSync(jobs[i]!.file.tempPath, 'utf8') }));
}

describe('an email run', () => {
  it('takes the audit\'s email_normalized (after the input\'s columns), each platform\'s header and hashing', async () => {
    const [yandex, vk, google, meta] = await exportsOf(CLEAN_WITH_KEYS, 'email', [['yandex-audiences', 'sha256'], ['vk-ads', 'none'], ['google-customer-match', 'sha256'], ['meta', 'sha256']]);
    // Yandex Audiences (yandex.ru/support/audience/en/file.md): field "email", no uppercase letters; SHA-256.
    expect(yandex!.text).toBe(['email', ...EMAILS.map(sha256), ''].join('\n'));
    // VK Ads (target.my.com/help/advertisers/sourceuserlists/en): header "id", the address as is.
    expect(vk!.text).toBe(['id', ...EMAILS, ''].join('\n'));
    // Google (support.google.com/google-ads/answer/7476159): header "Email"; lowercase, no spaces,
    // then SHA-256. No Gmail dot or plus rule: the Customer Match pages state none (the dot rule is
    // Campaign Manager 360's enhanced conversions), so b.ivanov+news@gmail.com is hashed as it is.
    expect(google!.text).toBe(['Email', ...EMAILS.map(sha256), ''].join('\n'));
    expect(google!.text).toContain(sha256('b.ivanov+news@gmail.com'));
    // Meta (developers.facebook.com ... custom-audiences, hashing and normalizing): "email", trimmed, lowercase, SHA-256.
    expect(meta!.text).toBe(['email', ...EMAILS.map(sha256), ''].join('\n'));
    expect(meta).toMatchObject({ key: 'email', rows: 3, duplicates: 0, columns: ['email'] });
  });
});

describe('repeated keys', () => {
  const phones = ['id,phone,phone_e164,consent_id,audit_removed', '1,8 916 111-22-33,+79161112233,C1,', '2,+7 916 111 22 33,+79161112233,C2,', '3,+7 916 111 22 44,+79161112244,C3,'].join('\n');
  it('a list of unique items leaves a repeated key out and counts it; the dialer keeps every clean row', async () => {
    const [vk, dialer] = await exportsOf(phones, 'phone', [['vk-ads', 'none'], ['dialer', 'none']], 2);
    expect(vk!.text).toBe('id\n79161112233\n79161112244\n');
    expect(vk).toMatchObject({ rows: 2, duplicates: 1 });
    expect(dialer!.text).toBe('phone_e164\n+79161112233\n+79161112233\n+79161112244\n');
    expect(dialer).toMatchObject({ rows: 3, duplicates: 0 });
  });
});

describe('list sizes', () => {
  it('warns below a platform\'s minimum and above its maximum, rows and bytes', () => {
    expect(sizeWarnings(platform('vk-ads'), 1999, 10)).toEqual([{ code: 'export_below_minimum', platform: 'vk-ads', limit: 2000, actual: 1999 }]);
    expect(sizeWarnings(platform('vk-ads'), 2000, 10)).toEqual([]);
    expect(sizeWarnings(platform('vk-ads'), 5_000_001, 129 << 20)).toEqual([
      { code: 'export_above_maximum', platform: 'vk-ads', limit: 5_000_000, actual: 5_000_001 },
      { code: 'export_file_too_big', platform: 'vk-ads', limit: 128 << 20, actual: 129 << 20 },
    ]);
    expect(sizeWarnings(platform('yandex-audiences'), 99, 1)).toEqual([{ code: 'export_below_minimum', platform: 'yandex-audiences', limit: 100, actual: 99 }]);
    expect(sizeWarnings(platform('dialer'), 0, 0)).toEqual([]);
  });
});
