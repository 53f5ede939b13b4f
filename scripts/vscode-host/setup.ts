/**
 * Sets up the offline VS Code host: VS Code 1.100.3's server, taken from the npm package `code-server@4.100.3`,
 * built into a git-ignored cache folder. Nothing is downloaded from anywhere but the npm registry and Debian.
 * Why each step exists: see /work/shared/notes/vscode-offline-host.md (summarised beside each step).
 *
 * Idempotent: a stamp file records a finished setup, so a second run returns in milliseconds.
 * Usage: `node --import tsx scripts/vscode-host/setup.ts` (the integration runner calls ensureHost() itself).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, lstatSync, unlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { withLock } from './lock';

export const CODE_SERVER_VERSION = '4.100.3';
export const REPO_ROOT = resolve(__dirname, '..', '..');
export const HOST_CACHE = join(REPO_ROOT, '.cache', 'vscode-host');
const HOST_DIR = join(HOST_CACHE, `code-server-${CODE_SERVER_VERSION}`);
const STAMP = join(HOST_DIR, '.setup-complete.json');

/** Debian packages the host needs: chromium drives the workbench, ripgrep replaces a GitHub download, krb5 headers build `kerberos`. */
const DEBIAN_PACKAGES = ['chromium', 'ripgrep', 'libkrb5-dev'];

/** Native modules of VS Code's server that must be compiled here (the rest are Windows-only or prebuilt). */
const VSCODE_NATIVE_MODULES = ['kerberos', 'native-watchdog', 'node-pty', '@parcel/watcher', '@vscode/deviceid', '@vscode/spdlog'];

export interface HostPaths {
  /** `node_modules/code-server` */
  codeServerDir: string;
  /** `node_modules/code-server/lib/vscode` */
  vscodeDir: string;
  serverMain: string;
  chromium: string;
  /** The VS Code version the server reports (from its package.json). */
  vscodeVersion: string;
}

function stampMatches(): boolean {
  if (!existsSync(STAMP)) return false;
  try {
    const stamp = JSON.parse(readFileSync(STAMP, 'utf8')) as { version?: string; nodeAbi?: string };
    // Native modules are built for one Node ABI; a different Node needs a rebuild.
    return stamp.version === CODE_SERVER_VERSION && stamp.nodeAbi === process.versions.modules;
  } catch {
    return false;
  }
}

export function hostPaths(): HostPaths {
  const codeServerDir = join(HOST_DIR, 'node_modules', 'code-server');
  const vscodeDir = join(codeServerDir, 'lib', 'vscode');
  const vscodeVersion = existsSync(join(vscodeDir, 'package.json'))
    ? (JSON.parse(readFileSync(join(vscodeDir, 'package.json'), 'utf8')) as { version: string }).version
    : 'unknown';
  return {
    codeServerDir,
    vscodeDir,
    serverMain: join(vscodeDir, 'out', 'server-main.js'),
    chromium: process.env.PROMPT_AUDITOR_CHROMIUM ?? '/usr/bin/chromium',
    vscodeVersion,
  };
}

function log(message: string): void {
  process.stderr.write(`[vscode-host] ${message}\n`);
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): void {
  const started = Date.now();
  const result = spawnSync(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd} (exit ${result.status ?? result.signal}):\n${output}`);
  }
  log(`${cmd} ${args.join(' ')} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

function debianPackageInstalled(name: string): boolean {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

/** Installs missing Debian packages when we can (root + apt-get); otherwise says exactly what to install. */
export function ensureDebianPackages(): void {
  if (spawnSync('dpkg-query', ['--version']).status !== 0) {
    log('not a Debian system: make sure chromium, ripgrep and the Kerberos headers are installed');
    return;
  }
  const missing = DEBIAN_PACKAGES.filter((p) => !debianPackageInstalled(p));
  if (missing.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    throw new Error(`The VS Code test host needs these Debian packages: sudo apt-get install -y ${missing.join(' ')}`);
  }
  log(`installing Debian packages: ${missing.join(', ')}`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], REPO_ROOT, env);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], REPO_ROOT, env);
}

function setUp(): void {
  const started = Date.now();
  ensureDebianPackages();
  // Start clean: a half-finished earlier attempt leaves an inconsistent tree.
  rmSync(HOST_DIR, { recursive: true, force: true });
  mkdirSync(HOST_DIR, { recursive: true });
  writeFileSync(join(HOST_DIR, 'package.json'), JSON.stringify({ private: true, description: 'Offline VS Code test host (generated)' }, null, 2));
  // npm >= 11 blocks dependency install scripts unless allowed; allow only what we build on purpose.
  writeFileSync(join(HOST_DIR, '.npmrc'), 'allow-scripts=argon2\nfund=false\naudit=false\n');

  // 1. code-server's postinstall insists on --unsafe-perm as root and then downloads: skip scripts, build by hand.
  run('npm', ['install', `code-server@${CODE_SERVER_VERSION}`, '--ignore-scripts', '--no-save'], HOST_DIR);
  const { codeServerDir, vscodeDir } = hostPaths();
  // argon2 (code-server's password hashing, used by its own CLI wrapper) has no prebuilt binary we can fetch.
  run('npm', ['rebuild', 'argon2'], HOST_DIR, { npm_config_build_from_source: 'true' });

  // 2. VS Code's own server dependencies.
  writeFileSync(join(vscodeDir, '.npmrc'), `allow-scripts=${VSCODE_NATIVE_MODULES.join(',')}\nfund=false\naudit=false\n`);
  run('npm', ['install', '--omit=dev', '--ignore-scripts'], vscodeDir);
  // @vscode/ripgrep's postinstall downloads from GitHub; it is skipped when bin/ exists, so provide Debian's rg.
  const rgBin = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgBin, { recursive: true });
  copyFileSync(process.env.PROMPT_AUDITOR_RG ?? '/usr/bin/rg', join(rgBin, 'rg'));
  // node-pty's build asks before fetching node-gyp: answer yes.
  run('npm', ['rebuild'], vscodeDir, { npm_config_yes: 'true' });
  // VS Code looks some modules up in node_modules.asar (an archive in desktop builds): point it at node_modules.
  const asar = join(vscodeDir, 'node_modules.asar');
  if (existsSync(asar) || isSymlink(asar)) unlinkSync(asar);
  symlinkSync('node_modules', asar);

  // 3. Dependencies shared by the built-in extensions (TypeScript for the TS language features).
  run('npm', ['install', '--omit=dev'], join(vscodeDir, 'extensions'));

  if (!existsSync(join(codeServerDir, 'lib', 'vscode', 'out', 'server-main.js'))) {
    throw new Error('code-server installed but lib/vscode/out/server-main.js is missing');
  }
  writeFileSync(STAMP, JSON.stringify({ version: CODE_SERVER_VERSION, nodeAbi: process.versions.modules, finished: new Date().toISOString() }, null, 2));
  log(`VS Code ${hostPaths().vscodeVersion} server ready in ${((Date.now() - started) / 1000).toFixed(0)} s at ${HOST_DIR}`);
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Makes sure the offline host is ready; fast when it already is. Safe to call from concurrent runs. */
export async function ensureHost(): Promise<HostPaths> {
  if (!stampMatches()) {
    mkdirSync(HOST_CACHE, { recursive: true });
    await withLock(join(HOST_CACHE, '.setup.lock'), () => {
      if (!stampMatches()) setUp(); // another run may have finished it while we waited
    });
  } else if (!existsSync(hostPaths().chromium)) {
    ensureDebianPackages(); // the cache survived but the machine is new
  }
  const paths = hostPaths();
  if (!existsSync(paths.chromium)) throw new Error(`Chromium not found at ${paths.chromium} (set PROMPT_AUDITOR_CHROMIUM)`);
  return paths;
}

/** `chromium --version`, for the run's header. */
export function chromiumVersion(path: string): string {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'chromium (version unknown)';
  }
}

if (require.main === module) {
  ensureHost().then(
    (paths) => log(`ready: VS Code ${paths.vscodeVersion} (${paths.serverMain})`),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exitCode = 1;
    },
  );
}
