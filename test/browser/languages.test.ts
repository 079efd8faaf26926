/**
 * report.html, the spot-audit sheet and the certificate in both languages in a real browser (issue
 * #13): the demo audit run by the built CLI with --lang en and --lang ru, each page opened offline
 * in Debian's chromium. The pages say their language, show report.json's numbers in its forms
 * (1 234 in Russian), keep every bar label and table inside the page on screen and on A4, and the
 * certificate still prints on one A4 page with the longer Russian words. Screenshots of each page
 * in each language go to test-output/ (and docs/ when LEADAUDIT_DOCS_SCREENSHOT=1).
 */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { leadaudit, ROOT } from '../helpers/exec.js';
import { offlineBrowser, OUTPUT, type OfflineBrowser } from '../helpers/browser.js';

const DEMO = ['fixtures/demo/contacts.csv', '--as-of', '2026-11-01', '--consent', 'fixtures/demo/consent.csv',
  '--consent', 'fixtures/demo/consent-web.jsonl', '--notice', 'fixtures/demo/notice.json', '--suppress', 'fixtures/demo/suppress.txt',
  '--reassigned', 'fixtures/demo/reassigned.csv', '--list-date', 'reassigned=2026-10-28'];

let tmp: string;
let b: OfflineBrowser;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'leadaudit-lang-'));
  b = await offlineBrowser({ width: 1366, height: 900 });
});

afterAll(async () => {
  await b?.browser.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const open = (file: string): Promise<Page> => b.open(file);

/** Keeps a screenshot in test-output/, and in docs/ when asked (the README shows them). */
async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: join(OUTPUT, name), fullPage });
  if (process.env.LEADAUDIT_DOCS_SCREENSHOT === '1') copyFileSync(join(OUTPUT, name), join(ROOT, 'docs', name));
}

/** Elements that stick out of the page on screen (or, after emulating print at 680 px, on A4). */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('section, article, table, svg, .kpi, header, footer')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5 || el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.id || el.className || el.tagName);
  });
}

async function printedOnA4(page: Page): Promise<string[]> {
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 680, height: 1000 });
  const out = await overflowing(page);
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 1366, height: 900 });
  return out;
}

/** A count as shown: `1 234` (no-break spaces) in Russian, `1,234` in English. */
const count = (text: string) => Number(text.replace(/[^\d]/g, ''));

describe.each(['en', 'ru'] as const)('the pages in %s', (lang) => {
  let out: string;
  beforeAll(() => {
    out = join(tmp, lang);
    const r = leadaudit(['audit', ...DEMO, '--out-dir', out, '--trail', '--certificate', '--quiet', '--lang', lang]);
    expect(r.status, r.stderr).toBe(0);
    expect(leadaudit(['sample', out, '--size', '6', '--seed', '7', '--lang', lang]).status).toBe(0);
  });

  it('report.html: its language, the numbers of report.json, every bar label whole, nothing wider than the page or A4', async () => {
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.lang).toBe(lang);
    const page = await open(join(out, 'report.html'));
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    expect(count(await page.locator('#totals [data-total="rows"]').innerText())).toBe(report.totals.rows);
    expect(count(await page.locator('#totals [data-total="rejected"]').innerText())).toBe(report.totals.rejected);
    const rate = await page.locator('#totals [data-total="reject-rate"]').innerText();
    expect(rate).toBe(lang === 'ru' ? '73,5\u00a0%' : '73.5%');
    expect(await page.locator('#reasons-chart').innerText()).toContain(lang === 'ru' ? 'В уведомлении не указан оператор' : 'Notice lacks the operator');
    // Russian titles are longer: each label must start inside the chart, not be cut at its left edge.
    const labels = await page.locator('#reasons-chart svg text.label').evaluateAll((els) => {
      const svg = els[0]!.closest('svg')!.getBoundingClientRect();
      return els.map((el) => el.getBoundingClientRect().left - svg.left);
    });
    expect(Math.min(...labels)).toBeGreaterThanOrEqual(0);
    expect(await overflowing(page)).toEqual([]);
    expect(await printedOnA4(page)).toEqual([]);
    await shot(page, `report-${lang}.png`);
    await page.close();
    expect(b.requested).toEqual([]);
  });

  it('the spot-audit sheet: its language, every row card inside the page, on screen and on A4', async () => {
    const file = readdirSync(out).find((f) => f === 'spot-audit-7.html')!;
    const page = await open(join(out, file));
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    expect(await page.locator('article.row').count()).toBe(6);
    const heading = await page.locator('article.row h3').first().textContent();
    expect(heading).toBe(lang === 'ru' ? 'Решение и причины' : 'Verdict and reasons');
    expect(await overflowing(page)).toEqual([]);
    expect(await printedOnA4(page)).toEqual([]);
    await shot(page, `sheet-${lang}.png`);
    await page.close();
    expect(b.requested).toEqual([]);
  });

  it('the certificate: its language, and one A4 page', async () => {
    const page = await open(join(out, 'certificate.html'));
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    expect(await page.locator('h1').innerText()).toBe(lang === 'ru' ? 'Проверка списка контактов: contacts.csv' : 'Contact list audit: contacts.csv');
    // No role word broken across lines (a Russian role is longer): each word of a role cell in one line box.
    const broken = await page.locator('tbody th[scope="row"]').evaluateAll((cells) => cells.flatMap((cell) => {
      const text = cell.firstChild;
      if (!text || text.nodeType !== Node.TEXT_NODE) return [];
      return [...(text.textContent ?? '').matchAll(/\S+/g)].flatMap((m) => {
        const range = document.createRange();
        range.setStart(text, m.index);
        range.setEnd(text, m.index + m[0].length);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1 ? [m[0]] : [];
      });
    }));
    expect(broken).toEqual([]);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length).toBe(1);
    await shot(page, `certificate-${lang}.png`, true);
    await page.close();
    expect(b.requested).toEqual([]);
  });
});
