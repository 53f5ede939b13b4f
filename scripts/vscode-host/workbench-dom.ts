/**
 * Reading the real workbench's DOM through Playwright: what a user sees, not what the API reports. Shared by the
 * browser-level test and the VSIX check.
 */
import type { Page } from 'playwright-core';

export async function waitForWorkbench(page: Page): Promise<void> {
  await page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: 60_000 });
}

/**
 * Opens a file by name through Quick Open, as a user would, optionally at a line (`name:line` reveals it). F1 opens
 * the command palette on every browser (Ctrl+P is the browser's "print" in some setups); emptying its `>` prefix turns
 * it into "Go to File".
 */
export async function quickOpen(page: Page, fileName: string, line?: number): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(line ? `${fileName}:${line}` : fileName);
  // Wait for the result list to show the file before accepting.
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab', { hasText: fileName }).first().waitFor({ timeout: 15_000 });
}

/** The CodeLens texts shown in the active editor, once at least one matching `pattern` is there. */
export async function codeLensTexts(page: Page, pattern: RegExp, timeoutMs = 60_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const texts = await page.locator('.monaco-editor .codelens-decoration').allInnerTexts();
    if (texts.some((t) => pattern.test(t))) return texts;
    if (Date.now() > deadline) throw new Error(`No CodeLens matching ${pattern} within ${timeoutMs} ms (seen: ${texts.join(' | ') || 'none'})`);
    await page.waitForTimeout(250);
  }
}

/** The text of the status bar item whose text matches `pattern`. */
export async function statusBarItemText(page: Page, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const texts = await page.locator('.part.statusbar .statusbar-item').allInnerTexts();
    const found = texts.find((t) => pattern.test(t));
    if (found) return found.trim();
    if (Date.now() > deadline) throw new Error(`No status bar item matching ${pattern} within ${timeoutMs} ms (seen: ${texts.join(' | ')})`);
    await page.waitForTimeout(250);
  }
}
