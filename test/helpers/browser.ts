/**
 * Debian's chromium, offline, for the browser tests (`npm run test:browser`): one context that lets
 * only file: URLs through and lists every other request it blocked (a page must ask for none).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from './exec.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Where the screenshots go (and docs/ when LEADAUDIT_DOCS_SCREENSHOT=1). */
export const OUTPUT = join(ROOT, 'test-output');

export interface OfflineBrowser {
  browser: Browser;
  context: BrowserContext;
  /** Every URL but file: ones that a page asked for. */
  requested: string[];
  /** Opens a file in a new page and waits for it to load. */
  open(file: string): Promise<Page>;
}

export async function offlineBrowser(viewport: { width: number; height: number }): Promise<OfflineBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  mkdirSync(OUTPUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport });
  const requested: string[] = [];
  await context.setOffline(true);
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    requested.push(url);
    return route.abort('blockedbyclient');
  });
  const open = async (file: string) => {
    const page = await context.newPage();
    page.on('request', (req) => { if (!req.url().startsWith('file:')) requested.push(req.url()); });
    const response = await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    expect(response === null || response.ok()).toBe(true);
    return page;
  };
  return { browser, context, requested, open };
}
