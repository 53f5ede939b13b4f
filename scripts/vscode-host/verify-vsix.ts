/**
 * `npm run test:vsix`: builds the VSIX (`npm run package`), installs it into the offline VS Code server with
 * `--install-extension` (the way a user installs a downloaded VSIX), opens examples/ in the workbench and checks what
 * a user sees: a CodeLens above a call and the status bar item. Also checks the package holds no sources, tests or
 * source maps and stays under 30 MB. Usage: npm run test:vsix [-- --skip-package]
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { installExtension, openWorkbench, startServer } from './offline-host';
import { ensureHost, REPO_ROOT } from './setup';
import { codeLensTexts, quickOpen, statusBarItemText, waitForWorkbench } from './workbench-dom';

const VSIX = join(REPO_ROOT, 'prompt-auditor.vsix');
const MAX_BYTES = 30 * 1024 * 1024;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

function check(ok: boolean, what: string): void {
  console.log(`${ok ? '✔' : '✘'} ${what}`);
  if (!ok) process.exitCode = 1;
}

async function main(): Promise<void> {
  if (!process.argv.includes('--skip-package') || !existsSync(VSIX)) {
    execFileSync('npm', ['run', 'package'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const size = statSync(VSIX).size;
  check(size <= MAX_BYTES, `VSIX is ${(size / 1024 / 1024).toFixed(2)} MB (limit 30 MB)`);

  const host = await ensureHost();
  const work = mkdtempSync(join(tmpdir(), 'prompt-auditor-vsix-'));
  try {
    const extensionsDir = join(work, 'extensions');
    mkdirSync(extensionsDir);
    const started = Date.now();
    const output = installExtension(host, VSIX, extensionsDir);
    check(/successfully installed/i.test(output), `--install-extension into VS Code ${host.vscodeVersion} (${Date.now() - started} ms)`);
    const installed = readdirSync(extensionsDir).find((d) => d.startsWith('prompt-auditor.prompt-auditor-'));
    check(installed !== undefined, `installed as ${installed}`);
    const files = filesUnder(join(extensionsDir, installed!)).map((f) => relative(join(extensionsDir, installed!), f));
    const unwanted = files.filter((f) => /\.(ts|map)$/.test(f) || /^(src|test|scripts|node_modules)\//.test(f) || f === 'dist/cli.js');
    check(unwanted.length === 0, `no sources, tests, maps or dependencies in the package${unwanted.length ? `: ${unwanted.join(', ')}` : ''}`);
    for (const needed of ['dist/extension.js', 'dist/audit-worker.js', 'dist/count-worker.js', 'dist/web-tree-sitter.wasm', 'media/icon.png']) {
      check(files.includes(needed), `ships ${needed}`);
    }

    const workspace = join(work, 'examples');
    cpSync(join(REPO_ROOT, 'examples'), workspace, { recursive: true });
    const server = await startServer(host, { extensionsDir });
    try {
      const workbench = await openWorkbench(host, server, { folder: workspace, viewport: { width: 1400, height: 860 } });
      try {
        const page = workbench.page;
        await waitForWorkbench(page);
        const line = readFileSyncLines(join(workspace, 'support_bot.py')).findIndex((l) => l.includes('chat.completions.create')) + 1;
        await quickOpen(page, 'support_bot.py', line);
        const lenses = await codeLensTexts(page, /tokens · \$[\d.]+\/request · \$[\d,.]+\/month · gpt-4o/);
        check(true, `CodeLens from the installed VSIX: "${lenses.find((t) => /\/request/.test(t))}"`);
        const status = await statusBarItemText(page, /calls? · [\d,]+\+? tokens/);
        check(true, `status bar: "${status}"`);
        // Gemini's vocabulary is not shipped (33 MB): offline, the installed extension must still show a figure.
        const koLine = readFileSyncLines(join(workspace, 'shop_assistant_ko.ts')).findIndex((l) => l.includes('generateContent')) + 1;
        await quickOpen(page, 'shop_assistant_ko.ts', koLine);
        const koLenses = await codeLensTexts(page, /tokens · .*gemini/, 120_000);
        check(true, `Gemini call without its vocabulary, offline: "${koLenses.find((t) => /gemini/.test(t))}"`);
        await quickOpen(page, 'support_bot.py', line);
        await codeLensTexts(page, /gpt-4o/);
        const shots = join(REPO_ROOT, 'test-results', 'screenshots');
        mkdirSync(shots, { recursive: true });
        await page.screenshot({ path: join(shots, 'vsix-support_bot.png') });
        console.log(`  screenshot: ${relative(REPO_ROOT, join(shots, 'vsix-support_bot.png'))}`);
      } finally {
        await workbench.close();
      }
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function readFileSyncLines(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n');
}

main().catch((err: unknown) => {
  console.error(`✘ ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
