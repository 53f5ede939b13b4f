/**
 * Browser-level test: the real workbench (VS Code's server + headless Chromium) opened on examples/, checked through
 * the DOM the user sees. Runs in Node, driven by scripts/vscode-host/run-integration.ts, which stages the extension
 * and the workspace and passes their paths in the environment.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkbench, startServer, type OpenWorkbench, type RunningServer } from '../../../scripts/vscode-host/offline-host';
import { ensureHost, REPO_ROOT } from '../../../scripts/vscode-host/setup';
import { codeLensTexts, quickOpen, statusBarItemText, waitForWorkbench } from '../../../scripts/vscode-host/workbench-dom';

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

  afterEach(function () {
    if (this.currentTest?.state === 'failed') console.log(`      --- workbench log (last 40 lines) ---\n${workbenchLog.slice(-40).join('\n')}`);
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
});
