/**
 * report.html in a real browser (issue 6): the demo audit run by the built CLI, its report.json
 * rendered, and the page opened in Debian's chromium with the network off. Nothing may be fetched;
 * the numbers on the page must be those of report.json; it must print on A4 without being cut.
 * Writes test-output/report.png (and docs/report.png when LEADAUDIT_DOCS_SCREENSHOT=1).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { leadaudit, ROOT } from '../helpers/exec.js';
import { offlineBrowser, OUTPUT, type OfflineBrowser } from '../helpers/browser.js';
import { renderReportHtml } from '../../src/report/html.js';
import type { Report } from '../../src/report/report-json.js';

const DEMO = ['fixtures/demo/contacts.csv', '--as-of', '2026-11-01', '--consent', 'fixtures/demo/consent.csv',
  '--consent', 'fixtures/demo/consent-web.jsonl', '--notice', 'fixtures/demo/notice.json', '--suppress', 'fixtures/demo/suppress.txt', '--reassigned', 'fixtures/demo/reassigned.csv', '--list-date', 'reassigned=2026-10-28'];

let tmp: string;
let b: OfflineBrowser;

/** Runs the demo audit into a fresh out-dir and writes report.html next to its report.json. */
function auditAndRender(name: string, extra: string[], exit: number): { report: Report; html: string } {
  const outDir = join(tmp, name);
  const r = leadaudit(['audit', ...DEMO, '--out-dir', outDir, '--quiet', ...extra]);
  // Under --quiet only a failed gate speaks, in one line (issue #14).
  expect(r.stderr).toBe(exit === 1 ? `leadaudit: gate failed: ${JSON.parse(readFileSync(join(outDir, 'report.json'), 'utf8')).gate.failures.join('; ')}\n` : '');
  expect(r.status).toBe(exit);
  const report = JSON.parse(readFileSync(join(outDir, 'report.json'), 'utf8')) as Report;
  const html = join(outDir, 'report.html');
  writeFileSync(html, renderReportHtml(report));
  return { report, html };
}

const open = (file: string): Promise<Page> => b.open(file);

const numberIn = async (page: Page, selector: string) => Number((await page.locator(selector).innerText()).replace(/[^\d.]/g, ''));

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'leadaudit-html-'));
  b = await offlineBrowser({ width: 1366, height: 900 });
});

afterAll(async () => {
  await b?.browser.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('report.html in chromium', () => {
  it('shows the totals, one bar per reason and the gate of the demo run, offline', async () => {
    const { report, html } = auditAndRender('demo', [], 0);
    const page = await open(html);

    expect(await numberIn(page, '#totals [data-total="rows"]')).toBe(report.totals.rows);
    expect(await numberIn(page, '#totals [data-total="clean"]')).toBe(report.totals.clean);
    expect(await numberIn(page, '#totals [data-total="rejected"]')).toBe(report.totals.rejected);
    expect(await numberIn(page, '#totals [data-total="reject-rate"]')).toBeCloseTo(report.gate.reject_rate * 100, 1);

    const bars = await page.locator('#reasons-chart svg rect.bar').evaluateAll((els) =>
      els.map((el) => [el.getAttribute('data-code'), Number(el.getAttribute('data-count')), el.getBoundingClientRect().width] as const));
    const reasons = Object.entries(report.reasons);
    expect(reasons.length).toBeGreaterThan(0);
    expect(bars).toHaveLength(reasons.length);
    expect(new Map(bars.map(([code, count]) => [code, count]))).toEqual(new Map(reasons));
    // Largest first, and drawn: every bar is visible, longer for a larger count.
    for (let i = 1; i < bars.length; i++) {
      expect(bars[i]![1]).toBeLessThanOrEqual(bars[i - 1]![1]);
      expect(bars[i]![2]).toBeLessThanOrEqual(bars[i - 1]![2] + 0.01);
    }
    expect(Math.min(...bars.map((b) => b[2]))).toBeGreaterThan(0);
    const chartText = await page.locator('#reasons-chart').innerText();
    expect(chartText).toContain('Notice lacks the operator');

    const gate = await page.locator('#gate').innerText();
    expect(report.gate.conditions).toEqual([]);
    // No gate was set: the page says so, and does not call the run passed (issue #14).
    expect(gate).toMatch(/no gate set/i);
    expect(gate).not.toMatch(/passed/i);

    const inputs = await page.locator('#inputs').innerText();
    expect(inputs).toContain(report.inputs.contacts.sha256);
    for (const f of report.inputs.consent) expect(inputs).toContain(f.sha256);

    await page.screenshot({ path: join(OUTPUT, 'report.png') });
    if (process.env.LEADAUDIT_DOCS_SCREENSHOT === '1') {
      mkdirSync(join(ROOT, 'docs'), { recursive: true });
      copyFileSync(join(OUTPUT, 'report.png'), join(ROOT, 'docs', 'report.png'));
    }

    const pdf = await page.pdf({ format: 'A4' });
    writeFileSync(join(OUTPUT, 'report.pdf'), pdf);
    expect(pdf.length).toBeGreaterThan(10_000);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // A4 less 15 mm margins is 180 mm, 680 CSS pixels: nothing printed may be wider than that.
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 680, height: 1000 });
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      return [...document.querySelectorAll('section, table, svg, .kpi')]
        .filter((el) => el.getBoundingClientRect().right > width + 0.5 || el.scrollWidth > el.clientWidth + 1)
        .map((el) => el.id || el.className || el.tagName);
    });
    expect(overflow).toEqual([]);
    await page.close();
    expect(b.requested).toEqual([]);
  });

  it('shows a failed gate and why', async () => {
    const { report, html } = auditAndRender('gate-failed', ['--max-reject-rate', '0.05'], 1);
    const page = await open(html);
    expect(report.gate.passed).toBe(false);
    const gate = await page.locator('#gate').innerText();
    expect(gate).toMatch(/failed/i);
    for (const failure of report.gate.failures) expect(gate).toContain(failure);
    await page.close();
    expect(b.requested).toEqual([]);
  });
});
