/**
 * `npm run test:vsix`: builds the VSIX (`npm run package`), installs it into the offline VS Code server with
 * `--install-extension` (the way a user installs a downloaded VSIX), opens examples/ in the workbench and checks what
 * a user sees: a CodeLens above a call and the status bar item; a Gemini call approximate (≈) offline, with the
 * opt-in tokenizer download offered, and — after a click on its Download button, served by a loopback stand-in for the
 * CDN — near-exact (~). Also checks the package holds no sources, tests or source maps and stays under 30 MB.
 * Usage: npm run test:vsix [-- --skip-package]
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { installExtension, openWorkbench, startServer } from './offline-host';
import { ensureHost, REPO_ROOT } from './setup';
import { VOCABULARIES } from '../../src/engine/count/vocabularies';
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
    const cdn = await startTokenizerStandIn();
    const server = await startServer(host, { extensionsDir, env: { PROMPT_AUDIT_TOKENIZER_MIRROR: cdn.url } });
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
        const koLens = koLenses.find((t) => /gemini/.test(t)) ?? '';
        check(/^≈ /.test(koLens), `Gemini call without its vocabulary, offline: "${koLens}"`);
        check(cdn.requests.length === 0, 'nothing fetched while downloads are off (the default)');
        // The opt-in question, as a notification with its three buttons; a click on Download fetches the vocabulary.
        const offer = page.locator('.notification-toast', { hasText: 'Gemma 3 tokenizer' }).first();
        await offer.waitFor({ timeout: 60_000 });
        const offerText = (await offer.innerText()).replace(/\s+/g, ' ');
        check(/Gemini token counts are approximate \(≈\).*Download it once from 127\.0\.0\.1:\d+\?.*never leave the machine/.test(offerText), `download offered: "${offerText}"`);
        for (const name of ['Download', 'Not now', "Don't ask again"]) check((await offer.getByRole('button', { name }).count()) === 1, `offer button "${name}"`);
        await page.screenshot({ path: join(shots(), 'vsix-tokenizer-offer.png') });
        await offer.getByRole('button', { name: 'Download' }).click();
        const nearExact = await codeLensTexts(page, /^~ [\d,]+\+? tokens · .*gemini/, 120_000);
        check(true, `after Download: "${nearExact.find((t) => /gemini/.test(t))}"`);
        check(cdn.requests.length === 1 && cdn.requests[0] === cdn.path, `one request, for the tokenizer file only (${cdn.requests.join(', ')})`);
        await quickOpen(page, 'support_bot.py', line);
        await codeLensTexts(page, /gpt-4o/);
        await page.screenshot({ path: join(shots(), 'vsix-support_bot.png') });
        console.log(`  screenshots: ${relative(REPO_ROOT, join(shots(), 'vsix-support_bot.png'))}, vsix-tokenizer-offer.png`);
      } finally {
        await workbench.close();
      }
    } finally {
      await server.stop();
      await new Promise<void>((resolve) => cdn.server.close(() => resolve()));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function shots(): string {
  const dir = join(REPO_ROOT, 'test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The npm file CDN's stand-in on 127.0.0.1: serves the real Gemma 3 tokenizer.json at the path downloads ask for. */
async function startTokenizerStandIn(): Promise<{ server: Server; url: string; path: string; requests: string[] }> {
  const gemma = VOCABULARIES.gemma3;
  const path = `/${gemma.npmPackage}@${gemma.version}/${gemma.path}`;
  const body = readFileSync(join(REPO_ROOT, 'node_modules', gemma.npmPackage, gemma.path));
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url === path) res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, path, requests };
}

function readFileSyncLines(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n');
}

main().catch((err: unknown) => {
  console.error(`✘ ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
