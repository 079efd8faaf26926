/**
 * The scrub certificate in a real browser (issue #14): the demo audit run by the built CLI with
 * --sign and --certificate, the page opened in Debian's chromium with the network off. Its
 * numbers and hashes must be report.json's, its signer the key's fingerprint, its commands must
 * work when pasted into a shell, and it must print on exactly one A4 page, also when a run has as
 * many files, conditions and long names as the page's caps allow. Writes test-output/certificate.png
 * (and docs/certificate.png when LEADAUDIT_DOCS_SCREENSHOT=1).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BIN, leadaudit, ROOT } from '../helpers/exec.js';
import { offlineBrowser, OUTPUT, type OfflineBrowser } from '../helpers/browser.js';
import { renderCertificate } from '../../src/report/certificate.js';
import type { Report } from '../../src/report/report-json.js';

const DEMO = ['fixtures/demo/contacts.csv', '--as-of', '2026-11-01', '--consent', 'fixtures/demo/consent.csv',
  '--consent', 'fixtures/demo/consent-web.jsonl', '--notice', 'fixtures/demo/notice.json', '--suppress', 'dnc=fixtures/demo/suppress.txt', '--reassigned', 'fixtures/demo/reassigned.csv', '--list-date', 'reassigned=2026-10-28',
  '--list-date', 'dnc=2026-10-30'];
/** A4 at 96 CSS pixels an inch. */
const A4 = { width: 210 / 25.4 * 96, height: 297 / 25.4 * 96 };

let tmp: string;
let b: OfflineBrowser;
let fingerprint: string;
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

const open = (file: string): Promise<Page> => b.open(file);

/** Prints the page as the browser's print dialog would (its own @page size): the PDF and its page count. */
async function printed(page: Page): Promise<{ pdf: Buffer; pages: number; mediaBoxes: string[] }> {
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const text = pdf.toString('latin1');
  return {
    pdf,
    pages: (text.match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length,
    mediaBoxes: [...text.matchAll(/\/MediaBox\s*\[([^\]]+)\]/g)].map((m) => m[1]!.trim().split(/\s+/).map((n) => Math.round(Number(n))).join(' ')),
  };
}

/** In print: the sheet's natural height and anything wider than the page. */
async function printLayout(page: Page): Promise<{ height: number; overflow: string[] }> {
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: Math.round(A4.width), height: Math.round(A4.height) });
  return page.evaluate((pageWidth) => {
    const sheet = document.querySelector<HTMLElement>('.sheet')!;
    sheet.style.height = 'auto';
    const height = sheet.getBoundingClientRect().height;
    const overflow = [...document.querySelectorAll('section, table, pre, .result, header')]
      .filter((el) => el.getBoundingClientRect().right > pageWidth + 0.5 || el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.id || el.className || el.tagName);
    return { height, overflow };
  }, A4.width);
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'leadaudit-certificate-'));
  const keygen = leadaudit(['keygen', '--out', join(tmp, 'keys')]);
  expect(keygen.status, keygen.stderr).toBe(0);
  fingerprint = keygen.stdout.trim();
  b = await offlineBrowser({ width: 1000, height: 1250 });
});

afterAll(async () => {
  await b?.browser.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('certificate.html in chromium', () => {
  it("shows report.json's counts and hashes, the signer, and commands that work when pasted; one A4 page, offline", async () => {
    const out = join(tmp, 'demo');
    const r = leadaudit(['audit', ...DEMO, '--out-dir', out, '--trail', '--max-reject-rate', '0.8', '--sign', join(tmp, 'keys', 'leadaudit-key.pem'), '--certificate', '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    const reportBytes = readFileSync(join(out, 'report.json'));
    const report = JSON.parse(reportBytes.toString('utf8')) as Report;
    const page = await open(join(out, 'certificate.html'));

    for (const key of ['rows', 'clean', 'rejected'] as const) {
      expect(Number((await page.locator(`#result [data-total="${key}"]`).innerText()).replace(/\D/g, ''))).toBe(report.totals[key]);
    }
    const gate = await page.locator('#result').innerText();
    expect(gate).toContain('Passed');
    expect(gate).toContain('73.5% rejected <= 80% (--max-reject-rate)');

    const audited = await page.locator('#audited [data-sha256]').evaluateAll((els) => els.map((el) => el.getAttribute('data-sha256')));
    const i = report.inputs;
    expect(audited).toEqual([i.contacts.sha256, ...i.consent.map((c) => c.sha256), i.notice!.sha256, ...i.suppress.map((s) => s.sha256), i.reassigned!.sha256]);
    const auditedText = await page.locator('#audited').innerText();
    expect(auditedText).toContain('list dnc of 2026-10-30');
    const produced = await page.locator('#outputs [data-sha256]').evaluateAll((els) => els.map((el) => el.getAttribute('data-sha256')));
    expect(produced).toEqual([report.outputs.clean.sha256, report.outputs.rejects.sha256, report.outputs.trail!.sha256, sha256(reportBytes)]);
    expect(await page.locator('#certificate-number').innerText()).toBe(sha256(reportBytes).slice(0, 16));

    expect(await page.locator('#fingerprint').innerText()).toBe(fingerprint);
    expect(await page.locator('#signature').getAttribute('data-signed')).toBe('true');
    expect(await page.locator('#signature').innerText()).toContain(report.created_at.slice(0, 10));
    expect(await page.locator('#policy').innerText()).toContain('ru-152fz');

    // The commands, pasted into a shell where leadaudit is on the PATH and the signer's public key
    // is at hand, all succeed and print what the page says they print.
    const commands = await page.locator('#verify pre').innerText();
    const bin = join(tmp, 'bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'leadaudit'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
    const shellDir = join(tmp, 'shell');
    mkdirSync(shellDir, { recursive: true });
    copyFileSync(join(tmp, 'keys', 'leadaudit-key.pub.pem'), join(shellDir, 'leadaudit-key.pub.pem'));
    const shell = spawnSync('bash', ['-e', '-c', commands], { cwd: shellDir, encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, NO_COLOR: '1' } });
    expect(shell.status, shell.stdout + shell.stderr).toBe(0);
    expect(shell.stdout).toContain(`verify: passed: every input and output matches report.json, and its signature is valid (key ${fingerprint})`);
    expect(shell.stdout).toContain(`${sha256(reportBytes)}  ${join(out, 'report.json')}`);
    expect(shell.stdout).toContain('Signature Verified Successfully');
    expect(shell.stdout).toContain(`${fingerprint}  -`);
    expect(await page.locator('#verify').innerText()).toContain(sha256(reportBytes));

    await page.screenshot({ path: join(OUTPUT, 'certificate.png'), fullPage: true });
    if (process.env.LEADAUDIT_DOCS_SCREENSHOT === '1') copyFileSync(join(OUTPUT, 'certificate.png'), join(ROOT, 'docs', 'certificate.png'));
    const print = await printed(page);
    writeFileSync(join(OUTPUT, 'certificate.pdf'), print.pdf);
    expect(print.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(print.pages).toBe(1);
    expect(print.mediaBoxes).toEqual(['0 0 595 842']); // A4 in points
    const layout = await printLayout(page);
    expect(layout.overflow).toEqual([]);
    expect(layout.height).toBeLessThanOrEqual(A4.height);
    await page.close();
    expect(b.requested).toEqual([]);
  });

  it('an unsigned run with no gate says both plainly (made later by leadaudit certificate)', async () => {
    const out = join(tmp, 'plain');
    expect(leadaudit(['audit', ...DEMO, '--out-dir', out, '--quiet']).status).toBe(0);
    const made = leadaudit(['certificate', out]);
    expect(made.status, made.stderr).toBe(0);
    const page = await open(join(out, 'certificate.html'));
    expect(await page.locator('#signature').getAttribute('data-signed')).toBe('false');
    expect(await page.locator('#signature').innerText()).toMatch(/^Not signed\./m);
    const gate = await page.locator('#gate').innerText();
    expect(gate).toMatch(/no gate set/i);
    expect(await page.locator('#result').innerText()).not.toMatch(/passed/i);
    expect(await page.locator('#verify pre').innerText()).not.toContain('--key');
    expect((await printed(page)).pages).toBe(1);
    await page.close();
    expect(b.requested).toEqual([]);
  });

  it('the fullest page still set at full size prints on one A4 page', async () => {
    const report = JSON.parse(readFileSync(join(tmp, 'demo', 'report.json'), 'utf8')) as Report;
    const file = join(OUTPUT, 'certificate-full-size.html');
    writeFileSync(file, renderCertificate(fullestAtFullSize(report), 'f'.repeat(64)));
    const page = await open(file);
    expect(await page.locator('.sheet').getAttribute('class')).toBe('sheet');
    expect(await page.locator('#audited [data-sha256]').count()).toBe(6);
    expect((await printed(page)).pages).toBe(1);
    const layout = await printLayout(page);
    expect(layout.overflow).toEqual([]);
    expect(layout.height).toBeLessThanOrEqual(A4.height);
    await page.close();
  });

  it('the fullest page the caps allow (many files, conditions, long names, standard input) still prints on one A4 page', async () => {
    const out = join(tmp, 'demo');
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
    const full = fullest(report);
    const file = join(OUTPUT, 'certificate-fullest.html');
    writeFileSync(file, renderCertificate(full, 'f'.repeat(64)));
    const page = await open(file);
    expect(await page.locator('.sheet').getAttribute('class')).toContain('dense');
    const audited = await page.locator('#audited').innerText();
    expect(audited).toContain('and 5 more consent files');
    expect(audited).toContain('and 5 more list files');
    expect(audited).toContain('standard input');
    expect(await page.locator('#result').innerText()).toContain('more conditions: report.json');
    expect(await page.locator('#verify pre').innerText()).toContain('--input contacts=');
    const print = await printed(page);
    writeFileSync(join(OUTPUT, 'certificate-fullest.pdf'), print.pdf);
    expect(print.pages).toBe(1);
    const layout = await printLayout(page);
    expect(layout.overflow).toEqual([]);
    expect(layout.height).toBeLessThanOrEqual(A4.height);
    await page.close();
    expect(b.requested).toEqual([]);
  });
});

/**
 * The fullest page still set at full size: as many files and as long texts as the page takes
 * before it is set smaller (src/report/certificate.ts, weight()).
 */
function fullestAtFullSize(base: Report): Report {
  const r = structuredClone(base) as Report & Record<string, any>;
  const dir = '/srv/audits/2026/vendor-a/';
  const sha = 'd'.repeat(64);
  r.inputs.contacts.path = `${dir}${'b'.repeat(35)}.csv`; // just under the long-name mark
  r.inputs.contacts.phone_column = 'Мобильный телефон (контактное лицо, основной)';
  r.inputs.consent = [0, 1].map((k) => ({ ...base.inputs.consent[0]!, path: `${dir}consent-${k}-${'c'.repeat(40)}.csv`, records: 123_456_789, valid: 123_456_000 }));
  r.inputs.notice = { path: `${dir}notice.json`, sha256: sha };
  r.policy = { ...r.policy, name: 'p'.repeat(30), file: { path: `${dir}policy.json`, sha256: sha }, legal_basis: ['l'.repeat(44), 'm'.repeat(44)] };
  r.inputs.suppress = [0].map((k) => ({ ...(base.inputs.suppress[0]! as object), name: `list-${k}-${'s'.repeat(25)}`, path: `${dir}dnc-${k}-${'d'.repeat(40)}.csv`, sha256: sha, numbers: 123_456_789 })) as Report['inputs']['suppress'];
  // One list in all: the demo's reassigned-numbers list would be a second (issue #14).
  r.inputs.reassigned = null;
  r.reasons = Object.fromEntries(['ROW_MALFORMED', 'PHONE_MISSING', 'PHONE_INVALID', 'PHONE_TYPE_BLOCKED', 'DUPLICATE', 'SUPPRESSED', 'CONSENT_MISSING', 'CONSENT_WITHDRAWN',
    'CONSENT_EXPIRED', 'NOTICE_LEGAL_BASIS_MISSING', 'NOTICE_RETENTION_MISSING', 'NOTICE_OPERATOR_MISSING'].map((c, k) => [c, 123_456_789 - k]));
  r.gate = { ...r.gate, conditions: [] };
  return r;
}

/** The demo's report with every list as long as the certificate's caps let through, and longer. */
function fullest(base: Report): Report {
  const r = structuredClone(base) as Report & Record<string, any>;
  const dir = `/srv/audits/2026/ООО «Ромашка» — входящие базы/${'очень-длинная-папка/'.repeat(6)}`;
  const long = (stem: string) => `${dir}${stem}-${'x'.repeat(120)}.csv`;
  const sha = 'e'.repeat(64);
  r.inputs.contacts.path = '-';
  r.inputs.contacts.phone_column = 'Мобильный телефон (контактное лицо, основной номер)';
  r.inputs.consent = Array.from({ length: 7 }, (_, k) => ({ ...base.inputs.consent[0]!, path: long(`consent-${k}`), records: 123_456_789, valid: 123_456_000 }));
  r.inputs.notice = { path: long('notice'), sha256: sha };
  r.policy = { ...r.policy, name: `policy-${'n'.repeat(90)}`, preset: 'eu-gdpr', file: { path: long('policy'), sha256: sha },
    legal_basis: Array.from({ length: 8 }, (_, k) => `Law number ${k} of a member state, Art. ${k}(1)(a) and the implementing act`) };
  r.inputs.suppress = Array.from({ length: 6 }, (_, k) => ({ ...(base.inputs.suppress[0]! as object), name: `list-${k}-${'l'.repeat(60)}`, path: long(`dnc-${k}`), sha256: sha, numbers: 123_456_789 })) as Report['inputs']['suppress'];
  r.gate = {
    passed: false, reject_rate: 0.999, failures: [],
    conditions: [
      { condition: 'max_reject_rate', set_by: 'policy', limit: 0.01, reject_rate: 0.999, passed: false },
      { condition: 'fail_on', set_by: '--fail-on', codes: ['ROW_MALFORMED', 'PHONE_MISSING', 'PHONE_INVALID', 'DUPLICATE', 'SUPPRESSED', 'CONSENT_MISSING', 'CONSENT_WITHDRAWN', 'CONSENT_EXPIRED'],
        rows: { ROW_MALFORMED: 1_000_000, PHONE_MISSING: 2_000_000, PHONE_INVALID: 3_000_000, DUPLICATE: 4_000_000, SUPPRESSED: 5_000_000, CONSENT_MISSING: 6_000_000, CONSENT_WITHDRAWN: 7_000_000, CONSENT_EXPIRED: 8_000_000 }, passed: false },
      ...Array.from({ length: 5 }, (_, k) => ({ condition: 'required_list' as const, set_by: 'policy' as const, list: `list-${k}-${'l'.repeat(60)}`, max_age_days: 31, date: '2026-01-01T00:00:00.000Z', state: 'stale' as const, passed: false })),
    ],
  };
  r.reasons = Object.fromEntries(['ROW_MALFORMED', 'PHONE_MISSING', 'PHONE_INVALID', 'PHONE_TYPE_BLOCKED', 'DUPLICATE', 'SUPPRESSED', 'CONSENT_MISSING', 'CONSENT_WITHDRAWN',
    'CONSENT_EXPIRED', 'NOTICE_LEGAL_BASIS_MISSING', 'NOTICE_RETENTION_MISSING', 'NOTICE_OPERATOR_MISSING', 'LIST_STALE'].map((c, k) => [c, 123_456_789 - k]));
  r.totals = { rows: 123_456_789, clean: 123_456, rejected: 123_333_333 };
  // Outputs keep their names (the tool chooses them); their folder is as long as the inputs'.
  for (const k of ['clean', 'rejects', 'trail', 'report'] as const) if (r.outputs[k]) r.outputs[k]!.path = `${dir}audit-out/${r.outputs[k]!.path.split('/').pop()}`;
  return r;
}
