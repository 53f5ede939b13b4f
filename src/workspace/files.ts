/**
 * Finding and reading source files on disk, shared by both faces (the CLI's scan and the extension's workspace
 * scan) so they audit exactly the same files. Node-only: the engine never imports this.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { LanguageId } from '../engine/model';
import { formatBytes } from '../engine/format';

/**
 * File discovery for the CLI: which files under the paths given on the command line are audited.
 * Folders are walked honouring .gitignore (nested ones too) and skipping dependency, build and virtualenv folders;
 * a path named explicitly on the command line is always taken as given.
 */

/** Extensions the engine reads, mapped to its language ids. */
const LANGUAGE_BY_EXTENSION: Readonly<Record<string, LanguageId>> = {
  '.py': 'python',
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'typescriptreact',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.jsx': 'javascriptreact',
};

export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(LANGUAGE_BY_EXTENSION);

/** Folders that hold dependencies, build output or caches: never application code worth auditing. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set([
  'node_modules',
  '.git',
  'dist',
  'build',
  'out',
  '.venv',
  'venv',
  '__pycache__',
]);

/** A folder containing this file is a Python virtualenv, whatever its name. */
const VIRTUALENV_MARKER = 'pyvenv.cfg';

export function languageOf(filePath: string): LanguageId | null {
  // Declaration files describe types only: there is no call or prompt in them.
  if (/\.d\.[cm]?ts$/i.test(filePath)) return null;
  return LANGUAGE_BY_EXTENSION[path.extname(filePath).toLowerCase()] ?? null;
}

export interface SourceFile {
  /** As reported: the command-line path, joined with the relative path inside a folder (always `/`). */
  path: string;
  absPath: string;
  language: LanguageId;
}

export type SkipKind = 'not-found' | 'unreadable' | 'unsupported' | 'binary' | 'too-large' | 'audit-failed';

export interface SkippedPath {
  path: string;
  kind: SkipKind;
  /** A sentence for people: what happened and, where useful, what to do. */
  reason: string;
}

export interface WalkResult {
  /** Sorted by path, each file once. */
  files: SourceFile[];
  skipped: SkippedPath[];
  /** Command-line paths that do not exist (a usage error for the caller). */
  missing: string[];
}

export interface WalkOptions {
  /** Default true. */
  respectGitignore?: boolean;
}

export async function findSourceFiles(inputs: readonly string[], options: WalkOptions = {}): Promise<WalkResult> {
  const respectGitignore = options.respectGitignore ?? true;
  const found = new Map<string, SourceFile>();
  const skipped: SkippedPath[] = [];
  const missing: string[] = [];

  const addFile = async (display: string, absPath: string, language: LanguageId) => {
    // The same file reached twice (`scan src src/app.py`, a symlink) is audited once.
    const key = await fs.realpath(absPath).catch(() => absPath);
    if (!found.has(key)) found.set(key, { path: display, absPath, language });
  };

  for (const input of inputs) {
    const absPath = path.resolve(input);
    let stat;
    try {
      stat = await fs.stat(absPath);
    } catch (err) {
      if (errorCode(err) === 'ENOENT') missing.push(input);
      skipped.push({ path: input, kind: errorCode(err) === 'ENOENT' ? 'not-found' : 'unreadable', reason: describeFsError(err) });
      continue;
    }
    if (stat.isDirectory()) {
      let matchers = respectGitignore ? await gitignoreAbove(absPath) : [];
      // A folder named on the command line is wanted even if the repository ignores it; its own .gitignore files still apply.
      if (isIgnored(matchers, absPath, true)) matchers = [];
      await walkDirectory(absPath, input, '', matchers, respectGitignore, addFile, skipped);
    } else if (stat.isFile()) {
      const language = languageOf(absPath);
      if (language) await addFile(input, absPath, language);
      else skipped.push({ path: input, kind: 'unsupported', reason: `not a supported source file (${SUPPORTED_EXTENSIONS.join(' ')})` });
    } else {
      skipped.push({ path: input, kind: 'unsupported', reason: 'not a regular file or folder' });
    }
  }

  const files = [...found.values()].sort((a, b) => comparePaths(a.path, b.path));
  return { files, skipped, missing };
}

interface IgnoreMatcher {
  /** The folder holding the .gitignore: its patterns are relative to it. */
  base: string;
  ig: Ignore;
}

async function walkDirectory(
  dir: string,
  displayRoot: string,
  relDir: string,
  inherited: IgnoreMatcher[],
  respectGitignore: boolean,
  addFile: (display: string, absPath: string, language: LanguageId) => Promise<void>,
  skipped: SkippedPath[],
): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (err) {
    skipped.push({ path: displayJoin(displayRoot, relDir), kind: 'unreadable', reason: describeFsError(err) });
    return;
  }
  const matchers = respectGitignore ? await withGitignoreOf(dir, inherited) : inherited;
  entries.sort((a, b) => comparePaths(a.name, b.name));

  for (const entry of entries) {
    const absPath = path.join(dir, entry.name);
    const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // Linked files are followed; linked folders are not (they loop, or lead out of the project).
      try {
        const target = await fs.stat(absPath);
        isFile = target.isFile();
        isDir = false;
      } catch (err) {
        if (languageOf(entry.name)) {
          skipped.push({ path: displayJoin(displayRoot, rel), kind: 'unreadable', reason: `broken symbolic link (${describeFsError(err)})` });
        }
        continue;
      }
    }
    if (isDir) {
      if (SKIPPED_DIRECTORIES.has(entry.name)) continue;
      if (isIgnored(matchers, absPath, true)) continue;
      if (await exists(path.join(absPath, VIRTUALENV_MARKER))) continue;
      await walkDirectory(absPath, displayRoot, rel, matchers, respectGitignore, addFile, skipped);
    } else if (isFile) {
      const language = languageOf(entry.name);
      if (!language || isIgnored(matchers, absPath, false)) continue;
      await addFile(displayJoin(displayRoot, rel), absPath, language);
    }
  }
}

/** Git's rule: patterns of deeper .gitignore files override shallower ones; the last decision wins. */
function isIgnored(matchers: readonly IgnoreMatcher[], absPath: string, isDir: boolean): boolean {
  let ignored = false;
  for (const { base, ig } of matchers) {
    const rel = path.relative(base, absPath).split(path.sep).join('/');
    if (!rel || rel.startsWith('..')) continue;
    const result = ig.test(isDir ? `${rel}/` : rel);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

async function withGitignoreOf(dir: string, inherited: IgnoreMatcher[]): Promise<IgnoreMatcher[]> {
  const content = await fs.readFile(path.join(dir, '.gitignore'), 'utf8').catch(() => null);
  return content === null ? inherited : [...inherited, { base: dir, ig: ignore().add(content) }];
}

/**
 * The .gitignore files that apply to a folder from above it: those of the enclosing repository's folders, from its
 * root down to (not including) the folder, plus the repository's .git/info/exclude. Outside a repository: none.
 */
async function gitignoreAbove(dir: string): Promise<IgnoreMatcher[]> {
  const chain: string[] = [];
  let current = path.dirname(dir);
  let root: string | null = (await exists(path.join(dir, '.git'))) ? dir : null;
  while (!root) {
    chain.unshift(current);
    if (await exists(path.join(current, '.git'))) root = current;
    else if (path.dirname(current) === current) return [];
    else current = path.dirname(current);
  }
  const matchers: IgnoreMatcher[] = [];
  const exclude = await fs.readFile(path.join(root, '.git', 'info', 'exclude'), 'utf8').catch(() => null);
  if (exclude) matchers.push({ base: root, ig: ignore().add(exclude) });
  let result = matchers;
  for (const folder of chain) result = await withGitignoreOf(folder, result);
  return result;
}

export type ReadResult = { ok: true; text: string } | { ok: false; skipped: SkippedPath };

/** Bytes inspected for a NUL byte, the cheap tell of a binary file (what git looks at too). */
const BINARY_SNIFF_BYTES = 8000;

/**
 * Reads a source file as UTF-8 text, or says why it is not audited: over the size limit (checked before reading),
 * binary (a NUL byte, or bytes that are not UTF-8), unreadable.
 */
export async function readSourceFile(file: Pick<SourceFile, 'path' | 'absPath'>, maxFileBytes: number): Promise<ReadResult> {
  try {
    const { size } = await fs.stat(file.absPath);
    if (size > maxFileBytes) {
      return {
        ok: false,
        skipped: {
          path: file.path,
          kind: 'too-large',
          reason: `${formatBytes(size)} is over the size limit of ${formatBytes(maxFileBytes)} (raise it with --max-file-bytes)`,
        },
      };
    }
    const bytes = await fs.readFile(file.absPath);
    if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
      return { ok: false, skipped: { path: file.path, kind: 'binary', reason: 'binary file (contains NUL bytes)' } };
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, skipped: { path: file.path, kind: 'binary', reason: 'not valid UTF-8 text' } };
    }
    return { ok: true, text };
  } catch (err) {
    return { ok: false, skipped: { path: file.path, kind: 'unreadable', reason: describeFsError(err) } };
  }
}

/** `examples/` + `bot/app.py` -> `examples/bot/app.py`; `.` + `app.py` -> `app.py`. */
export function displayJoin(root: string, rel: string): string {
  if (!rel) return root;
  if (root === '.' || root === './') return rel;
  const trimmed = root.replace(/[\\/]+$/, '');
  return `${trimmed || '/'}${trimmed ? '/' : ''}${rel}`;
}

/** Code-unit order, so the listing is the same on every machine and locale. */
function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.access(p);
    return true;
  } catch {
    return false;
  }
}

function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}

export function describeFsError(err: unknown): string {
  switch (errorCode(err)) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EISDIR':
      return 'is a folder';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
