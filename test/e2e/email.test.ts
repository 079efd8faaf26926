/**
 * Email runs end to end (issue #15): what report.json says of the key, the consent read by address,
 * the lists read as addresses and domains, and the summary in both languages. The verdicts of each
 * row are the fixtures' (fixtures/email-*).
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, leadaudit } from '../helpers/exec.js';

const fixture = (name: string) => join(ROOT, 'fixtures', name);

function run(name: string, extra: string[] = [], env: Record<string, string> = {}) {
  const out = mkdtempSync(join(tmpdir(), 'leadaudit-email-'));
  const args = readFileSync(join(fixture(name), 'args'), 'utf8').split(/\s+/).filter(Boolean);
  const r = leadaudit(['audit', 'contacts.csv', ...args, '--out-dir', out, ...extra], { cwd: fixture(name), env });
  return { r, out, report: JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) };
}

describe('an email run', () => {
  it('keys on the address: report.json names the email column and says the email consent is not snapshotted', () => {
    const { r, report } = run('email-idn');
    expect(r.status).toBe(0);
    expect(report.inputs.contacts.email_column).toBe('Эл. почта');
    expect(report.email).toEqual({
      key: 'email', consent_records: 6, consent_addresses: 6, consent_snapshot: false, phone_cells_blanked: true, soft_opt_in_rows: 0,
    });
    expect(r.stderr).toContain('phone columns "Телефон" are left empty in clean.csv');
  });

  it('reads a suppression list of addresses (with its header) and one of domains, and reports the line that is neither', () => {
    const { report } = run('email-suppression');
    const lists = report.inputs.suppress.map((s: Record<string, unknown>) => [s.name, s.key, s.addresses, s.domains, s.invalid_count]);
    expect(lists).toEqual([['unsubscribed', 'email', 2, 0, 1], ['domains', 'email', 0, 3, 0]]);
    expect(report.inputs.suppress[0].invalid[0]).toMatchObject({ line: 3, value: 'not-an-address' });
  });

  it('reads a record without an email as invalid on an email run, and one without a phone as invalid on a call run', () => {
    const email = run('email-mixed-channel-email').report.inputs.consent[0];
    expect(email).toMatchObject({ records: 4, valid: 3, invalid_count: 1, invalid_by_field: { email: 1 } });
    const call = run('email-mixed-channel-call').report.inputs.consent[0];
    expect(call).toMatchObject({ records: 4, valid: 3, invalid_count: 1, invalid_by_field: { phone: 1 } });
  });

  it('counts the clean rows resting on a soft opt-in and says so, in Russian too', () => {
    const { r, report } = run('email-uk-pecr-soft-opt-in', ['--lang', 'ru']);
    expect(report.email.soft_opt_in_rows).toBe(1);
    expect(r.stderr).toContain('1 чистая строка основана на отношениях с существующим клиентом (soft_opt_in)');
    expect(r.stderr).toContain('столбец электронной почты "e-mail"');
  });

  it('names the address in EMAIL_INVALID in the run\'s language', () => {
    const { out } = run('email-idn', ['--lang', 'ru']);
    const rejects = readFileSync(join(out, 'rejects.csv'), 'utf8');
    expect(rejects).toContain('""anna.example.ru"" не является действительным адресом электронной почты: нет знака @');
  });

  it('speaks of the address, not the number, in DUPLICATE and SUPPRESSED, in both languages', () => {
    const en = run('email-idn');
    expect(en.r.stderr).toMatch(/DUPLICATE +4 +Address already on an earlier row/);
    expect(en.r.stderr).not.toContain('Number already on an earlier row');
    expect(readFileSync(join(en.out, 'rejects.csv'), 'utf8')).toContain('DUPLICATE: the address егор@xn--80a1acny.xn--p1ai already appeared on line 2');
    expect(readFileSync(join(en.out, 'report.html'), 'utf8')).toContain('Address already on an earlier row');
    const ru = run('email-idn', ['--lang', 'ru']);
    expect(ru.r.stderr).toMatch(/DUPLICATE +4 +Адрес уже встречался в строке выше/);
    expect(readFileSync(join(ru.out, 'rejects.csv'), 'utf8')).toContain('DUPLICATE: адрес егор@xn--80a1acny.xn--p1ai уже встречался в строке 2');
    const suppressed = run('email-suppression', ['--lang', 'ru']);
    expect(suppressed.r.stderr).toMatch(/SUPPRESSED +\d+ +Адрес или его домен в стоп-листе/);
    expect(readFileSync(join(suppressed.out, 'report.html'), 'utf8')).toContain('Не пишите: адресат отказался от рассылки');
  });

  it('shows report.html and the certificate the email column, the email consent, the lists\' addresses and domains, the soft opt-in, the phones not audited', () => {
    const html = (o: string) => readFileSync(join(o, 'report.html'), 'utf8');
    const cert = (o: string) => readFileSync(join(o, 'certificate.html'), 'utf8');
    const idn = run('email-idn', ['--certificate']);
    expect(html(idn.out)).toContain('Email column (the contact key of --channel email) <q>Эл. почта</q>');
    expect(html(idn.out)).toContain('Phone columns left empty in clean.csv (not audited): <q>Телефон</q>');
    expect(html(idn.out)).toContain('6 records, 6 addresses');
    expect(cert(idn.out)).toMatch(/14 rows, email column <q>Эл. почта<\/q> <span class="muted">\(phone numbers not audited\)/);
    const listed = run('email-suppression', ['--lang', 'ru', '--certificate']);
    expect(html(listed.out)).toContain('адресов: 2, доменов целиком: 3 в 2 файлах');
    expect(html(listed.out)).toContain('адресов: 0, доменов целиком: 3,');
    expect(cert(listed.out)).toContain('адресов: 2, доменов целиком: 0');
    expect(cert(listed.out)).toContain('столбец электронной почты');
    const soft = run('email-uk-pecr-soft-opt-in', ['--lang', 'ru']);
    expect(html(soft.out)).toMatch(/Существующие клиенты \(soft_opt_in\)<\/dt><dd><strong class="warn" id="soft-opt-in">чистых строк: 1<\/strong>/);
    expect(html(soft.out)).toContain('простой бесплатный способ отказаться');
  });

  it('warns, in both languages, of an email column named on a phone run, where it is not used', () => {
    const en = run('email-mixed-channel-call', ['--email-column', 'email']);
    expect(en.r.status).toBe(0);
    const detail = 'the email column "email" (--email-column or --map contacts.email) is not used: a call run keys on the phone number and does not judge addresses; to audit the addresses, run with --channel email';
    expect(en.report.warnings).toEqual([{ code: 'email_column_unused', detail }]);
    expect(en.r.stderr).toContain(`warning: ${detail}`);
    const ru = run('email-mixed-channel-call', ['--channel', 'sms', '--map', 'contacts.email=email', '--lang', 'ru']);
    expect(ru.report.warnings.map((w: { code: string }) => w.code)).toEqual(['email_column_unused']);
    expect(ru.r.stderr).toContain('столбец электронной почты "email" (--email-column или --map contacts.email) не используется: при канале sms ключ контакта — номер телефона');
    expect(run('email-mixed-channel-call').report.warnings).toEqual([]);
    expect(run('email-mixed-channel-email', ['--email-column', 'email']).report.warnings).toEqual([]);
  });
});
