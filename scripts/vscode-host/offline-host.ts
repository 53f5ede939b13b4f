/**
 * A real VS Code workbench without an Electron download: VS Code's own server (from code-server's npm package)
 * plus headless Debian Chromium driven by playwright-core. Used by the integration runner and the browser-level
 * tests. Every process started here is stopped by stop(), also when the caller fails or is interrupted.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { HostPaths } from './setup';

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface ServerOptions {
  /** Where installed extensions live; a fresh temp folder when omitted. */
  extensionsDir?: string;
  /** Log lines of the server go here (they are noisy; the runner only shows them on failure). */
  onOutput?: (line: string) => void;
  /** Extra environment for the server; its extension host inherits it (the web workbench has no other way in). */
  env?: Record<string, string>;
  /** Remote machine settings (<user-data-dir>/Machine/settings.json): they apply to every workspace opened. */
  machineSettings?: Record<string, unknown>;
}

/** Quiet, deterministic workbench: no git prompts about the repository around the staged workspace, no auto save. */
export const TEST_MACHINE_SETTINGS: Record<string, unknown> = {
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'files.autoSave': 'off',
  'workbench.startupEditor': 'none',
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'workbench.tips.enabled': false,
};

export interface RunningServer {
  port: number;
  origin: string;
  /** The temp folder holding HOME, server data and user data. */
  dataDir: string;
  extensionsDir: string;
  stop(): Promise<void>;
}

/** Processes still to be stopped when this process exits abnormally. */
const cleanups = new Set<() => void>();
let exitHooksInstalled = false;

function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  const stopAll = (): void => {
    for (const cleanup of [...cleanups]) cleanup();
  };
  process.on('exit', stopAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      stopAll();
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    });
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Kills a process group started with `detached: true` (the server forks its extension host and pty host). */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

/** An environment for the server: HOME in a temp folder so nothing is written to ~/.vscode-server-oss. */
export function isolatedEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(home, '.cache') };
  // Variables of an outer VS Code / npm run would leak into the extension host.
  for (const key of Object.keys(env)) if (key.startsWith('VSCODE_') || key.startsWith('ELECTRON_')) delete env[key];
  return env;
}

/** `--install-extension` into an extensions folder, through the same server script. */
export function installExtension(host: HostPaths, vsix: string, extensionsDir: string): string {
  const home = mkdtempSync(join(tmpdir(), 'prompt-auditor-install-'));
  try {
    const result = spawnSync(
      process.execPath,
      [host.serverMain, '--accept-server-license-terms', '--server-data-dir', join(home, 'server'), '--user-data-dir', join(home, 'user'), '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'],
      { env: isolatedEnv(home), encoding: 'utf8', timeout: 120_000 },
    );
    const output = `${result.stdout}\n${result.stderr}`.trim();
    if (result.status !== 0) throw new Error(`--install-extension failed (exit ${result.status}):\n${output}`);
    return output;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

export async function startServer(host: HostPaths, options: ServerOptions = {}): Promise<RunningServer> {
  installExitHooks();
  const dataDir = mkdtempSync(join(tmpdir(), 'prompt-auditor-vscode-'));
  const extensionsDir = options.extensionsDir ?? join(dataDir, 'extensions');
  // The server keeps machine settings under its user data dir (--user-data-dir below).
  const machineDir = join(dataDir, 'user', 'Machine');
  mkdirSync(machineDir, { recursive: true });
  writeFileSync(join(machineDir, 'settings.json'), JSON.stringify(options.machineSettings ?? TEST_MACHINE_SETTINGS, null, 2));
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      host.serverMain,
      '--host', '127.0.0.1',
      '--port', String(port),
      '--without-connection-token',
      '--accept-server-license-terms',
      '--enable-smoke-test-driver',
      '--telemetry-level', 'off',
      '--disable-workspace-trust',
      '--server-data-dir', join(dataDir, 'server'),
      '--user-data-dir', join(dataDir, 'user'),
      '--extensions-dir', extensionsDir,
    ],
    { env: { ...isolatedEnv(dataDir), ...options.env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const cleanup = (): void => {
    killGroup(child, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  };
  cleanups.add(cleanup);

  const ready = new Promise<void>((resolve, reject) => {
    let buffer = '';
    const onData = (chunk: Buffer): void => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        options.onOutput?.(line);
        if (line.includes('Extension host agent listening on')) resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`VS Code server exited early (code ${code}, signal ${signal})`)));
    setTimeout(() => reject(new Error('VS Code server did not start within 60 s')), 60_000).unref();
  });
  try {
    await ready;
  } catch (err) {
    cleanup();
    cleanups.delete(cleanup);
    throw err;
  }

  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    dataDir,
    extensionsDir,
    async stop() {
      cleanups.delete(cleanup);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((r) => child.once('exit', () => r()));
        killGroup(child, 'SIGTERM');
        const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
        killGroup(child, 'SIGKILL'); // stragglers of the group (extension host, file watcher)
      }
      // PROMPT_AUDITOR_KEEP_HOST_DATA=1 keeps the logs (server-data-dir/data/logs) for a post-mortem.
      if (process.env.PROMPT_AUDITOR_KEEP_HOST_DATA) process.stderr.write(`[vscode-host] kept ${dataDir}\n`);
      else rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface WorkbenchOptions {
  folder: string;
  extensionDevelopmentPath?: string;
  extensionTestsPath?: string;
  viewport?: { width: number; height: number };
}

/** The workbench URL with VS Code's `payload` parameter (what `code --extensionDevelopmentPath ...` sets on desktop). */
export function workbenchUrl(server: RunningServer, options: WorkbenchOptions): string {
  const remote = (path: string): string => `vscode-remote://127.0.0.1:${server.port}${path}`;
  const payload: [string, string][] = [];
  if (options.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)]);
  if (options.extensionTestsPath) payload.push(['extensionTestsPath', remote(options.extensionTestsPath)]);
  payload.push(['skipWelcome', 'true']);
  const query = new URLSearchParams({ folder: options.folder, payload: JSON.stringify(payload) });
  return `${server.origin}/?${query.toString()}`;
}

export interface OpenWorkbench {
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export async function launchBrowser(host: HostPaths): Promise<Browser> {
  installExitHooks();
  const browser = await chromium.launch({ executablePath: host.chromium, headless: true, args: CHROMIUM_FLAGS, timeout: 60_000 });
  const cleanup = (): void => {
    // Synchronous best effort on exit: Playwright's own process handling kills the browser when we exit.
    void browser.close().catch(() => undefined);
  };
  cleanups.add(cleanup);
  browser.once('disconnected', () => cleanups.delete(cleanup));
  return browser;
}

/**
 * Opens the workbench. `hooks` receive VS Code's smoke-test driver callbacks: every workbench log line
 * (`codeAutomationLog`) and the test run's exit code (`codeAutomationExit`).
 */
export async function openWorkbench(
  host: HostPaths,
  server: RunningServer,
  options: WorkbenchOptions,
  hooks: { onLog?: (level: string, args: unknown[]) => void; onExit?: (code: number) => void } = {},
): Promise<OpenWorkbench> {
  const browser = await launchBrowser(host);
  try {
    const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 } });
    const page = await context.newPage();
    if (process.env.PROMPT_AUDITOR_BROWSER_CONSOLE) page.on('console', (m) => process.stderr.write(`[browser ${m.type()}] ${m.text().slice(0, 300)}\n`));
    await page.exposeFunction('codeAutomationLog', (level: string, args: unknown[]) => hooks.onLog?.(level, args));
    await page.exposeFunction('codeAutomationExit', (code: number) => hooks.onExit?.(code));
    await page.goto(workbenchUrl(server, options), { waitUntil: 'domcontentloaded', timeout: 60_000 });
    return { browser, page, close: () => browser.close() };
  } catch (err) {
    await browser.close().catch(() => undefined);
    throw err;
  }
}
