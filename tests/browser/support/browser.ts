import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { pinnedChromium, testFontConfig } from './pinned-chromium';
import type { SuiteResources } from './suite';

/**
 * The pinned Chromium from @sparticuz/chromium (CHROMIUM_PATH runs another), headless, with
 * everything that would reach the network on its own turned off, and a CJK font for screenshots.
 * Registered with the suite's resources as soon as it runs.
 */
export async function launchBrowser(resources: SuiteResources): Promise<Browser> {
  const override = process.env.CHROMIUM_PATH;
  if (override && !existsSync(override)) throw new Error(`CHROMIUM_PATH=${override} does not exist`);
  const [{ executablePath, env }, fontConfig] = await Promise.all([
    override ? { executablePath: override, env: {} } : pinnedChromium(),
    testFontConfig(),
  ]);
  const browser = await chromium
    .launch({
      executablePath,
      headless: true,
      env: { ...process.env, ...env, FONTCONFIG_FILE: fontConfig },
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
    })
    .catch((error: Error) => {
      throw new Error(`could not launch ${executablePath}${override ? ' (CHROMIUM_PATH)' : ''}: ${error.message}`);
    });
  resources.add('browser', () => browser.close());
  return browser;
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
