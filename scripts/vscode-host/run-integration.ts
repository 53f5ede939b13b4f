/**
 * `npm run test:integration`: runs test/integration inside a real VS Code extension host.
 *
 * 1. Stages the built extension (package.json + dist/, in $TMPDIR/prompt-auditor-integration/run-<pid>/: laid out as
 *    installed, with no node_modules above it) and compiles the tests (esbuild) into out/integration/run-<pid>/, so a
 *    concurrent `npm run build` cannot pull files from under a running host. PROMPT_AUDIT_TOKENIZER_MIRROR points
 *    tokenizer downloads at a loopback port the suite serves (test/integration/suite/13-tokenizer-download.test.ts).
 * 2. Runs the in-host suite (test/integration/index.ts, test-electron's `run()` contract) in one of two hosts:
 *    - `electron`: desktop VS Code through @vscode/test-electron's runTests (needs a download and a display);
 *    - `offline`:  VS Code's server from the npm package code-server + headless Debian Chromium (no download).
 *    PROMPT_AUDITOR_VSCODE=electron|offline|auto (default auto: electron when it can be downloaded, else offline).
 * 3. Runs the browser-level tests (test/integration/browser/*.test.ts, in Node, driving the offline workbench).
 * Prints the VS Code version the tests ran in and mocha's passing/failing lines; exits non-zero on any failure.
 * Usage: npm run test:integration [-- --grep <pattern>] [-- --no-browser]
 */
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import * as esbuild from 'esbuild';
import Mocha from 'mocha';
import { ensureHost, hostPaths, REPO_ROOT, chromiumVersion } from './setup';
import { openWorkbench, startServer } from './offline-host';

const VSCODE_VERSION = '1.100.3';
/** Prefix the in-host console puts on test output under the web workbench (see test/integration/index.ts). */
const OUTPUT_MARK = '[prompt-auditor-test] ';
const RUN_TIMEOUT_MS = Number(process.env.PROMPT_AUDITOR_TEST_TIMEOUT ?? 300_000);

interface Args {
  grep?: string;
  browser: boolean;
  keep: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { browser: true, keep: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--grep') args.grep = argv[++i];
    else if (argv[i] === '--no-browser') args.browser = false;
    else if (argv[i] === '--keep') args.keep = true;
    else throw new Error(`Unknown argument ${argv[i]} (expected --grep <pattern>, --no-browser, --keep)`);
  }
  return args;
}

/** Run folders of runs that are gone (killed before their cleanup): each is named after its runner's pid. */
function removeStaleRuns(runsDir: string): void {
  if (!existsSync(runsDir)) return;
  for (const name of readdirSync(runsDir)) {
    const pid = Number(/^run-(\d+)$/.exec(name)?.[1]);
    if (!pid || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch {
      rmSync(join(runsDir, name), { recursive: true, force: true });
    }
  }
}

interface Staged {
  runDir: string;
  /** Holds extensionDir: outside the repository (see stage()). */
  extensionRunDir: string;
  extensionDir: string;
  testsEntry: string;
  workspace: string;
}

function filesUnder(dir: string, suffix: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name), suffix) : e.name.endsWith(suffix) ? [join(dir, e.name)] : [],
  );
}

/** A private copy of everything the host loads: the extension as VS Code sees it, the compiled tests, a workspace. */
async function stage(): Promise<Staged> {
  if (!existsSync(join(REPO_ROOT, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run `npm run build` first');
  const runsDir = join(REPO_ROOT, 'out', 'integration');
  removeStaleRuns(runsDir);
  const runDir = join(runsDir, `run-${process.pid}`);
  rmSync(runDir, { recursive: true, force: true });
  // The extension as a user has it: outside the repository, so the engine finds no node_modules above it and its
  // vocabularies come from dist/tokenizers or the download cache only, as in an installed VSIX.
  const installedRunsDir = join(tmpdir(), 'prompt-auditor-integration');
  removeStaleRuns(installedRunsDir);
  const extensionRunDir = join(installedRunsDir, `run-${process.pid}`);
  rmSync(extensionRunDir, { recursive: true, force: true });
  const extensionDir = join(extensionRunDir, 'extension');
  mkdirSync(extensionDir, { recursive: true });
  cpSync(join(REPO_ROOT, 'package.json'), join(extensionDir, 'package.json'));
  cpSync(join(REPO_ROOT, 'dist'), join(extensionDir, 'dist'), { recursive: true });
  // What the VSIX ships besides the bundle: the icon and the rule pages diagnostics link to.
  if (existsSync(join(REPO_ROOT, 'media'))) cpSync(join(REPO_ROOT, 'media'), join(extensionDir, 'media'), { recursive: true });
  if (existsSync(join(REPO_ROOT, 'docs', 'rules'))) cpSync(join(REPO_ROOT, 'docs', 'rules'), join(extensionDir, 'docs', 'rules'), { recursive: true });

  // Tests are bundled (our own imports inlined); vscode comes from the host, mocha from the repo's node_modules
  // (out/ sits inside the repo, so Node's lookup finds it).
  const testsDir = join(runDir, 'tests');
  const entryPoints = [join(REPO_ROOT, 'test', 'integration', 'index.ts'), ...filesUnder(join(REPO_ROOT, 'test', 'integration', 'suite'), '.test.ts')];
  await esbuild.build({
    entryPoints,
    outbase: join(REPO_ROOT, 'test', 'integration'),
    outdir: testsDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });

  // The workspace the tests open: fixtures and the examples users see first. A copy, so edits never touch the repo.
  const workspace = join(runDir, 'workspace');
  cpSync(join(REPO_ROOT, 'test', 'integration', 'fixtures'), workspace, { recursive: true });
  if (existsSync(join(REPO_ROOT, 'examples'))) cpSync(join(REPO_ROOT, 'examples'), join(workspace, 'examples'), { recursive: true });
  return { runDir, extensionRunDir, extensionDir, testsEntry: join(testsDir, 'index.js'), workspace };
}

interface SuiteResult {
  exitCode: number;
  passing: number;
  failing: number;
  version: string | null;
  /** The budget figures the in-host suite logs (activation, slowest UI-path task), repeated in the summary. */
  figures: string[];
}

/** Reads mocha's summary and our version line from the host's output. */
function summarize(exitCode: number, output: string, grep?: string): SuiteResult {
  const passing = Number(/(\d+) passing/.exec(output)?.[1] ?? 0);
  const failing = Number(/(\d+) failing/.exec(output)?.[1] ?? 0);
  const version = /^VS Code (\d+\.\d+\.\d+)/m.exec(output)?.[1] ?? null;
  // No summary at all means the run never reached mocha (activation crash, load error): a failure.
  // (With --grep, a suite may legitimately select nothing.)
  const ok = exitCode === 0 && failing === 0 && (passing > 0 || grep !== undefined);
  const figures = [/^\s*(activation: .*target <= 50 ms\))/m, /^\s*(slowest UI-path task: .*target <= 50 ms\))/m].flatMap((re) => re.exec(output)?.[1] ?? []);
  return { exitCode: ok ? 0 : exitCode || 1, passing, failing, version, figures };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The in-host suite under the offline server + headless Chromium. */
async function runOffline(staged: Staged, env: Record<string, string>): Promise<SuiteResult> {
  const host = await ensureHost();
  console.log(`Host: VS Code ${host.vscodeVersion} server (code-server npm package) + ${chromiumVersion(host.chromium)}, headless`);
  const serverLog: string[] = [];
  const server = await startServer(host, { onOutput: (line) => serverLog.push(line), env: { ...env, PROMPT_AUDITOR_OUTPUT_MARK: OUTPUT_MARK } });
  let output = '';
  try {
    let resolveExit: (code: number) => void = () => undefined;
    const exited = new Promise<number>((r) => (resolveExit = r));
    const workbench = await openWorkbench(
      host,
      server,
      { folder: staged.workspace, extensionDevelopmentPath: staged.extensionDir, extensionTestsPath: staged.testsEntry },
      {
        onLog: (_level, args) => {
          const text = args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
          if (process.env.PROMPT_AUDITOR_WORKBENCH_LOG) appendFileSync(process.env.PROMPT_AUDITOR_WORKBENCH_LOG, `${_level} ${text}\n`);
          // The workbench logs a lot; the test run's console arrives with our marker (see test/integration/index.ts).
          if (!text.includes(OUTPUT_MARK)) return;
          for (const line of text.split('\n')) {
            const at = line.indexOf(OUTPUT_MARK);
            const clean = (at < 0 ? line : line.slice(at + OUTPUT_MARK.length)).trimEnd();
            output += `${clean}\n`;
            process.stdout.write(`${clean}\n`);
          }
        },
        onExit: (code) => resolveExit(code),
      },
    );
    try {
      const exitCode = await withTimeout(exited, RUN_TIMEOUT_MS, 'The in-host test run');
      return summarize(exitCode, output, env.PROMPT_AUDITOR_TEST_GREP);
    } finally {
      await workbench.close();
    }
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n--- last server output ---\n${serverLog.slice(-40).join('\n')}`);
    return { ...summarize(1, output), exitCode: 1 };
  } finally {
    await server.stop();
  }
}


/** The in-host suite under desktop VS Code, downloaded by @vscode/test-electron. */
async function runElectron(staged: Staged, env: Record<string, string>): Promise<SuiteResult> {
  const { runTests } = await import('@vscode/test-electron');
  const userDir = join(staged.runDir, 'electron-user');
  let output = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    output += chunk.toString();
    return (write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
  try {
    const exitCode = await runTests({
      version: VSCODE_VERSION,
      cachePath: join(REPO_ROOT, '.vscode-test'),
      extensionDevelopmentPath: staged.extensionDir,
      extensionTestsPath: staged.testsEntry,
      extensionTestsEnv: env,
      launchArgs: [staged.workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(userDir, 'data'), '--extensions-dir', join(userDir, 'ext')],
    }).catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      return 1;
    });
    return summarize(exitCode, output, env.PROMPT_AUDITOR_TEST_GREP);
  } finally {
    process.stdout.write = write;
  }
}

/** auto: desktop VS Code when it can be downloaded (and shown), else the offline server. */
async function chooseHost(): Promise<'electron' | 'offline'> {
  const requested = (process.env.PROMPT_AUDITOR_VSCODE ?? 'auto').toLowerCase();
  if (requested === 'electron' || requested === 'offline') return requested;
  if (requested !== 'auto') throw new Error(`PROMPT_AUDITOR_VSCODE must be electron, offline or auto (got ${requested})`);
  if (process.platform === 'linux' && !process.env.DISPLAY) return 'offline';
  try {
    const { downloadAndUnzipVSCode } = await import('@vscode/test-electron');
    await withTimeout(downloadAndUnzipVSCode({ version: VSCODE_VERSION, cachePath: join(REPO_ROOT, '.vscode-test'), timeout: 15_000 }), 120_000, 'VS Code download');
    return 'electron';
  } catch (err) {
    console.log(`Desktop VS Code unavailable (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); using the offline VS Code server.`);
    return 'offline';
  }
}

/** The browser-level tests run in Node and drive the offline workbench themselves. */
async function runBrowserTests(staged: Staged, grep: string | undefined): Promise<SuiteResult> {
  await ensureHost();
  const files = filesUnder(join(REPO_ROOT, 'test', 'integration', 'browser'), '.test.ts');
  process.env.PROMPT_AUDITOR_STAGED_EXTENSION = staged.extensionDir;
  process.env.PROMPT_AUDITOR_STAGED_WORKSPACE = staged.workspace;
  const mocha = new Mocha({ ui: 'bdd', timeout: 120_000, color: false, reporter: 'spec' });
  if (grep) mocha.grep(grep);
  for (const file of files) mocha.addFile(file);
  let output = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    output += chunk.toString();
    return (write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
  try {
    const failures = await new Promise<number>((resolve) => mocha.run(resolve));
    return { ...summarize(failures ? 1 : 0, output, grep), version: hostPaths().vscodeVersion, figures: [] };
  } finally {
    process.stdout.write = write;
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const staged = await stage();
  // Also on Ctrl+C / SIGTERM (offline-host's handlers exit the process after stopping the server and browser).
  const removeRunDir = (): void => {
    if (args.keep) return;
    rmSync(staged.runDir, { recursive: true, force: true });
    rmSync(staged.extensionRunDir, { recursive: true, force: true });
  };
  process.on('exit', removeRunDir);
  const env: Record<string, string> = {
    PROMPT_AUDITOR_TEST_WORKSPACE: staged.workspace,
    // Tokenizer downloads go to a stand-in on this loopback port, started by the suite that tests them: never out.
    PROMPT_AUDIT_TOKENIZER_MIRROR: `http://127.0.0.1:${await freeLoopbackPort()}`,
  };
  if (args.grep) env.PROMPT_AUDITOR_TEST_GREP = args.grep;
  try {
    const mode = await chooseHost();
    console.log(`\nIntegration tests in a real VS Code extension host (${mode}), workspace ${relative(REPO_ROOT, staged.workspace)}`);
    const inHost = mode === 'electron' ? await runElectron(staged, env) : await runOffline(staged, env);
    const results: [string, SuiteResult][] = [['in-host', inHost]];
    if (args.browser && filesUnder(join(REPO_ROOT, 'test', 'integration', 'browser'), '.test.ts').length > 0) {
      console.log('\nBrowser-level tests (offline workbench in headless Chromium)');
      results.push(['browser', await runBrowserTests(staged, args.grep)]);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`\nVS Code ${inHost.version ?? 'version not reported'} · ${mode} host · ${seconds} s`);
    for (const [name, r] of results) console.log(`  ${name}: ${r.passing} passing, ${r.failing} failing${r.exitCode && !r.failing ? ` (exit code ${r.exitCode})` : ''}`);
    for (const figure of inHost.figures) console.log(`  ${figure}`);
    return results.some(([, r]) => r.exitCode !== 0) ? 1 : 0;
  } finally {
    removeRunDir();
  }
}

/** A port nothing listens on now (the in-host suite listens on it later). */
function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.stack ?? err.message : err);
    process.exitCode = 1;
  },
);
