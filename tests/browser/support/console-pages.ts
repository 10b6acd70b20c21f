import type { Locator, Page } from 'playwright-core';

/** Signs in through the login page, as a person would. */
export async function signIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/** Signs out through the user menu in the header. */
export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
}

/** Waits for what a user would see, saying what the page showed instead when it does not come. */
export async function expectVisible(page: Page, locator: Locator): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'visible' });
  } catch (error) {
    const text = await page
      .locator('body')
      .innerText()
      .catch(() => '(no page)');
    // Dialogs and drop-downs are appended to the body: show its end as well as its start.
    const shown = text.length > 3000 ? `${text.slice(0, 1500)}\n[…]\n${text.slice(-1500)}` : text;
    throw new Error(`${(error as Error).message}\n--- the page showed ---\n${shown}`);
  }
}

/**
 * Waits until no antd dialog is still zooming in. On a loaded machine a click that lands during
 * the animation, or right after a drag (dnd-kit swallows the next click for a moment), was lost.
 */
export async function dialogSettled(page: Page): Promise<void> {
  await page.getByRole('dialog').first().waitFor({ state: 'visible' });
  await page.waitForFunction(() => !document.querySelector('.ant-modal[class*="zoom"]'));
}
