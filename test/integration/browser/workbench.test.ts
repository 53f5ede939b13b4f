/**
 * Browser-level test: the real workbench (VS Code's server + headless Chromium) opened on examples/, checked through
 * the DOM the user sees. Runs in Node, driven by scripts/vscode-host/run-integration.ts, which stages the extension
 * and the workspace and passes their paths in the environment.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkbench, startServer, type OpenWorkbench, type RunningServer } from '../../../scripts/vscode-host/offline-host';
import { ensureHost, REPO_ROOT } from '../../../scripts/vscode-host/setup';
import { chooseCodeAction, codeActionMenu, codeLensTexts, goToLine, quickOpen, statusBarItemText, waitForWorkbench } from '../../../scripts/vscode-host/workbench-dom';
import { WORDY } from '../../shared/llm-sources';

const SCREENSHOTS = join(REPO_ROOT, 'test-results', 'screenshots');

function workspace(): string {
  return process.env.PROMPT_AUDITOR_STAGED_WORKSPACE!;
}

/** 1-based line of the first occurrence of `needle` in a file. */
function lineOf(file: string, needle: string): number {
  const index = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(needle));
  assert.ok(index >= 0, `${needle} in ${file}`);
  return index + 1;
}

describe('workbench on examples/ (browser level)', function () {
  this.timeout(180_000);
  let server: RunningServer | undefined;
  let workbench: OpenWorkbench | undefined;
  /** The workbench's own log (errors of the extension host show up here), printed when a test fails. */
  const workbenchLog: string[] = [];

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    console.log(`      --- workbench log (last 40 lines) ---\n${workbenchLog.slice(-40).join('\n')}`);
    const shot = join(SCREENSHOTS, `failed-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 60)}.png`);
    await workbench?.page.screenshot({ path: shot }).then(() => console.log(`      screenshot of the failure: ${shot.slice(REPO_ROOT.length + 1)}`), () => undefined);
  });

  before(async () => {
    const extension = process.env.PROMPT_AUDITOR_STAGED_EXTENSION;
    const workspace = process.env.PROMPT_AUDITOR_STAGED_WORKSPACE;
    assert.ok(extension && workspace, 'run through npm run test:integration (it stages the extension and workspace)');
    const host = await ensureHost();
    server = await startServer(host);
    workbench = await openWorkbench(
      host,
      server,
      { folder: join(workspace, 'examples'), extensionDevelopmentPath: extension, viewport: { width: 1400, height: 860 } },
      { onLog: (level, args) => workbenchLog.push(`${level} ${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`) },
    );
    await waitForWorkbench(workbench.page);
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  after(async () => {
    await workbench?.close();
    await server?.stop();
  });

  it('shows a CodeLens above the call and the status bar item, and saves a screenshot', async () => {
    const page = workbench!.page;
    await quickOpen(page, 'support_bot.py', lineOf(join(workspace(), 'examples', 'support_bot.py'), 'chat.completions.create'));
    await codeLensTexts(page, /tokens · \$[\d.]+\/request · \$[\d,.]+\/month · gpt-4o/);
    const status = await statusBarItemText(page, /\d+ calls? · [\d,]+\+? tokens · \$[\d.]+\/request/);
    assert.match(status, /calls?/);
    const file = join(SCREENSHOTS, 'support_bot-codelens.png');
    await page.screenshot({ path: file });
    console.log(`      screenshot: ${file.slice(REPO_ROOT.length + 1)}`);
  });

  it('shows the prompt hover when the pointer rests on a prompt string', async () => {
    const page = workbench!.page;
    const needle = 'Review the following contract';
    await quickOpen(page, 'contract_review.py', lineOf(join(workspace(), 'examples', 'contract_review.py'), needle));
    await codeLensTexts(page, /claude-3-5-sonnet/);
    const word = page.locator('.monaco-editor .view-line span', { hasText: needle }).first();
    await word.waitFor({ timeout: 15_000 });
    await word.hover();
    const hover = page.locator('.monaco-hover-content', { hasText: 'Prompt Auditor' }).first();
    await hover.waitFor({ state: 'visible', timeout: 20_000 });
    const text = await hover.innerText();
    assert.match(text, /User prompt/);
    assert.match(text, /Tokens/);
    assert.match(text, /approximate/);
    await page.screenshot({ path: join(SCREENSHOTS, 'contract_review-hover.png') });
  });

  it('previews "Compress prompt" as a diff with its figures, and applies it from the diff title', async () => {
    const page = workbench!.page;
    // A wordy prompt of the kind "Compress prompt" rewrites, next to the examples (in the staged copy, not the repo's).
    const file = join(workspace(), 'examples', 'wordy_support.py');
    writeFileSync(file, WORDY);
    await quickOpen(page, 'wordy_support.py', lineOf(file, 'messages=['));
    await codeLensTexts(page, /gpt-4o/);
    await goToLine(page, lineOf(file, 'messages=['), 40);
    await codeActionMenu(page, 'Control+.', /Compress prompt/);
    await page.screenshot({ path: join(SCREENSHOTS, 'quick-fix-menu.png') });
    await chooseCodeAction(page, /Compress prompt/);
    // The diff editor: its tab carries the figures; the question too.
    const tab = page.locator('.tabs-container .tab', { hasText: 'Compress prompt (preview)' }).first();
    await tab.waitFor({ timeout: 30_000 });
    assert.match(await tab.innerText(), /wordy_support\.py: Compress prompt \(preview\)/);
    const question = page.locator('.notification-toast', { hasText: /Apply: [\d,]+ → [\d,]+ tokens, saves \$[\d.,]+\/month/ }).first();
    await question.waitFor({ timeout: 15_000 });
    await page.locator('.monaco-diff-editor').first().waitFor({ timeout: 15_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(SCREENSHOTS, 'compress-preview.png') });
    // The ✓ in the diff editor's title applies it.
    await page.locator('.editor-actions .action-label[aria-label^="Apply Previewed Fix"]').first().click();
    await tab.waitFor({ state: 'detached', timeout: 15_000 });
    const activeTab = page.locator('.tabs-container .tab.active', { hasText: 'wordy_support.py' });
    await activeTab.waitFor({ timeout: 15_000 });
    const editorText = await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText();
    assert.ok(!editorText.includes('highly sophisticated') && editorText.includes('SYSTEM_PROMPT'), 'the editor shows the compressed prompt');
  });

  it('lists cheaper models in the refactor menu anywhere in a call', async () => {
    const page = workbench!.page;
    const file = join(workspace(), 'examples', 'support_bot.py');
    const line = lineOf(file, 'chat.completions.create') + 1;
    await quickOpen(page, 'support_bot.py', line);
    await codeLensTexts(page, /gpt-4o/);
    await goToLine(page, line, 12);
    const rows = await codeActionMenu(page, 'Control+Shift+R', /Switch to \S+ \(−\d+% per request/);
    assert.ok(rows.filter((r) => r.startsWith('Switch to ')).length >= 1, rows.join(' | '));
    await page.screenshot({ path: join(SCREENSHOTS, 'switch-model-refactor.png') });
    await page.keyboard.press('Escape');
  });
});
