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
export async function quickOpen(page: Page, fileName: string, line?: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill(line ? `${fileName}:${line}` : fileName);
    // Wait for the result list to show the file before accepting (a file created a moment ago may take a retry).
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first();
    const found = await row.waitFor({ timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    if (found) break;
    if (Date.now() > deadline) throw new Error(`Quick Open found no ${fileName} within ${timeoutMs} ms`);
  }
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

/** Puts the cursor on 1-based `line` of the active editor through Go to Line (Ctrl+G), as a user would. */
export async function goToLine(page: Page, line: number, column = 1): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 15_000 });
}

/**
 * Opens the code action menu at the cursor with `keys` (Ctrl+. quick fixes, Ctrl+Shift+R refactorings) and returns
 * its rows' texts once one matches `pattern`.
 */
export async function codeActionMenu(page: Page, keys: string, pattern: RegExp, timeoutMs = 30_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.keyboard.press(keys);
    const rows = page.locator('.action-widget .monaco-list-row');
    await rows.first().waitFor({ state: 'visible', timeout: 10_000 }).catch(() => undefined);
    const texts = (await rows.allInnerTexts()).map((t) => t.trim());
    if (texts.some((t) => pattern.test(t))) return texts;
    await page.keyboard.press('Escape');
    if (Date.now() > deadline) throw new Error(`No code action matching ${pattern} within ${timeoutMs} ms (seen: ${texts.join(' | ') || 'none'})`);
    await page.waitForTimeout(500);
  }
}

/**
 * Runs the open code action menu's row matching `pattern`: moves the keyboard focus down to it (a pointer click is
 * intercepted by the widget's overlay), then Enter.
 */
export async function chooseCodeAction(page: Page, pattern: RegExp): Promise<void> {
  const rows = page.locator('.action-widget .monaco-list-row');
  const count = await rows.count();
  for (let i = 0; i <= count; i++) {
    const focused = (await page.locator('.action-widget .monaco-list-row.focused').allInnerTexts())[0]?.trim() ?? '';
    if (pattern.test(focused)) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`No code action matching ${pattern} (seen: ${(await rows.allInnerTexts()).join(' | ')})`);
}
