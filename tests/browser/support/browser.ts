import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with everything that would reach the network on its own turned off. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium fonts-noto-cjk`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * What every console page in the journeys runs with: Chinese, and reduced motion, which the
 * console honours by opening dialogs without animation. A click that landed during a dialog's
 * zoom-in was lost on a loaded machine; without the zoom there is nothing to land in.
 */
export const CONSOLE_CONTEXT = { locale: 'zh-CN', reducedMotion: 'reduce' } as const;

/** A fresh page (its own sessionStorage) at a desktop size, speaking Chinese. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ ...CONSOLE_CONTEXT, viewport: { width: 1366, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

/** Saves a full-page screenshot when BROWSER_SCREENSHOTS names a folder (for looking at the console). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.BROWSER_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
