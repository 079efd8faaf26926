/**
 * `--export` on an email run (issue #15 items 1 and 3), through the real binary over the email-idn
 * case: the ad-platform files hold the audited addresses only (clean.csv's email_normalized), each
 * platform's hash computed here with node:crypto from its documentation; no phone leaves an email run.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ROOT, leadaudit } from '../helpers/exec.js';

const CASE = join(ROOT, 'fixtures', 'email-idn');
/** The case's clean rows (1, 4, 6, 13), normalized by hand: trimmed, NFC, lowercase, the domain in ASCII. */
const EMAILS = ['егор@xn--80a1acny.xn--p1ai', 'ivan.petrov@example.com', 'ёлка@xn--e1afmkfd.xn--p1ai', 'maria@xn--e1afmkfd.xn--p1ai'];
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const lines = (header: string, values: string[]) => `${[header, ...values].join('\n')}\n`;

let out: string;
let r: ReturnType<typeof leadaudit>;
beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'leadaudit-export-email-'));
  const args = readFileSync(join(CASE, 'args'), 'utf8').split(/\s+/).filter(Boolean);
  r = leadaudit(['audit', 'contacts.csv', ...args, '--out-dir', out, '--export', 'yandex-audiences,vk-ads,google-customer-match,meta'], { cwd: CASE });
});
afterAll(() => rmSync(out, { recursive: true, force: true }));
const read = (f: string) => readFileSync(join(out, f), 'utf8');

describe('--export on an email run', () => {
  it('runs', () => expect(r.status, r.stderr).toBe(0));

  it('each platform gets the audited addresses, under its email header, hashed as documented', () => {
    // Yandex Audiences: field "email", no uppercase letters, SHA-256 (yandex.ru/support/audience/en/file.md).
    expect(read('export-yandex-audiences.csv')).toBe(lines('email', EMAILS.map(sha256)));
    // VK Ads: header "id", the address in plain (target.my.com/help/advertisers/sourceuserlists/en).
    expect(read('export-vk-ads.csv')).toBe(lines('id', EMAILS));
    // Google: header "Email", lowercase and no spaces, SHA-256 (support.google.com/google-ads/answer/7476159).
    expect(read('export-google-customer-match.csv')).toBe(lines('Email', EMAILS.map(sha256)));
    // Meta: "email", trimmed and lowercase, SHA-256 (developers.facebook.com ... custom-audiences).
    expect(read('export-meta.csv')).toBe(lines('email', EMAILS.map(sha256)));
  });

  it('no phone number leaves an email run', () => {
    for (const f of ['export-vk-ads.csv', 'export-meta.csv']) expect(read(f)).not.toMatch(/7916/);
    const report = JSON.parse(read('report.json'));
    expect(report.outputs.export_meta).toMatchObject({ key: 'email', rows: 4, hashing: 'sha256', columns: ['email'] });
    expect(r.stderr).toContain('export-meta.csv: 4 rows for meta, SHA-256 of each email address');
  });
});
