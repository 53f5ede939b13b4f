/**
 * Tree-sitter setup: finds the wasm runtime, grammars and .scm queries (from the dist bundle or from the sources under
 * tsx), loads each grammar once, lazily, and caches its Parser, Language and Query.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Language, Parser, Query, type Tree } from 'web-tree-sitter';
import type { LanguageId } from '../model';
import { useDirectHeapAccess, type HeapModule } from './wasm-heap';

/** The grammar family a language id parses with; one query file per family. */
export type GrammarId = 'python' | 'javascript' | 'typescript' | 'tsx';

const GRAMMAR_OF: Record<LanguageId, GrammarId> = {
  python: 'python',
  javascript: 'javascript',
  javascriptreact: 'javascript',
  typescript: 'typescript',
  typescriptreact: 'tsx',
};

/** Which .scm files make a grammar's query: the TypeScript grammars share the JavaScript patterns (same node names). */
const QUERY_FILES: Record<GrammarId, string[]> = {
  python: ['python.scm'],
  javascript: ['javascript.scm', 'javascript-only.scm'],
  typescript: ['javascript.scm', 'typescript-only.scm'],
  tsx: ['javascript.scm', 'typescript-only.scm'],
};

const GRAMMAR_PACKAGE: Record<GrammarId, [pkg: string, file: string]> = {
  python: ['tree-sitter-python', 'tree-sitter-python.wasm'],
  javascript: ['tree-sitter-javascript', 'tree-sitter-javascript.wasm'],
  typescript: ['tree-sitter-typescript', 'tree-sitter-typescript.wasm'],
  tsx: ['tree-sitter-typescript', 'tree-sitter-tsx.wasm'],
};

let assetRoot: string | null = null;

/**
 * Where the bundled assets live: a folder holding `web-tree-sitter.wasm`, `grammars/*.wasm` and `queries/*.scm`
 * (what esbuild.mjs writes to dist/). Without it, files next to this module are tried, then the npm packages.
 */
export function setAssetRoot(dir: string | null): void {
  assetRoot = dir;
}

function candidates(relative: string): string[] {
  const roots = assetRoot ? [assetRoot] : [];
  roots.push(__dirname);
  return roots.map((r) => join(r, relative));
}

function firstExisting(paths: string[]): string | null {
  for (const p of paths) if (existsSync(p)) return p;
  return null;
}

function packageFile(pkg: string, file: string): string | null {
  try {
    return join(dirname(require.resolve(`${pkg}/package.json`)), file);
  } catch {
    return null;
  }
}

function runtimeWasmPath(): string {
  const found = firstExisting(candidates('web-tree-sitter.wasm'));
  if (found) return found;
  try {
    const fromPackage = require.resolve('web-tree-sitter/web-tree-sitter.wasm');
    if (existsSync(fromPackage)) return fromPackage;
  } catch {
    // not installed as a package (bundled use): fall through to the error below
  }
  throw new Error('web-tree-sitter.wasm not found (set the asset root to the folder holding the bundled assets)');
}

function grammarWasmPath(grammar: GrammarId): string {
  const [pkg, file] = GRAMMAR_PACKAGE[grammar];
  const found = firstExisting(candidates(join('grammars', file)));
  if (found) return found;
  const fromPackage = packageFile(pkg, file);
  if (fromPackage && existsSync(fromPackage)) return fromPackage;
  throw new Error(`${file} not found (set the asset root to the folder holding the bundled assets)`);
}

function queryPath(file: string): string {
  const found = firstExisting(candidates(join('queries', file)));
  if (found) return found;
  throw new Error(`query ${file} not found (set the asset root to the folder holding the bundled assets)`);
}

/** A loaded grammar: one Parser (reused across documents; parsing is synchronous) and its compiled query. */
export interface LoadedGrammar {
  id: GrammarId;
  language: Language;
  parser: Parser;
  query: Query;
  /** Capture index -> capture name, so hot loops compare numbers, not strings. */
  captureNames: string[];
}

let runtime: Promise<void> | null = null;
let directHeap = false;

/** Whether the runtime's glue reads and writes 32-bit values straight from wasm memory (see wasm-heap.ts). */
export function usesDirectHeapAccess(): boolean {
  return directHeap;
}

const grammars = new Map<GrammarId, Promise<LoadedGrammar>>();

function initRuntime(): Promise<void> {
  if (!runtime) {
    const wasm = runtimeWasmPath();
    const options: HeapModule & { locateFile: () => string } = { locateFile: () => wasm };
    runtime = Parser.init(options)
      .then(() => {
        directHeap = useDirectHeapAccess(options);
      })
      .catch((err: unknown) => {
        runtime = null;
        throw err;
      });
  }
  return runtime;
}

/** Loads (once) and returns the grammar for a language. Rejects when an asset is missing. */
export function loadGrammar(language: LanguageId): Promise<LoadedGrammar> {
  const id = GRAMMAR_OF[language];
  let pending = grammars.get(id);
  if (!pending) {
    pending = (async () => {
      await initRuntime();
      const lang = await Language.load(readFileSync(grammarWasmPath(id)));
      const parser = new Parser();
      parser.setLanguage(lang);
      const source = QUERY_FILES[id].map((f) => readFileSync(queryPath(f), 'utf8')).join('\n');
      const query = new Query(lang, source);
      return { id, language: lang, parser, query, captureNames: query.captureNames } satisfies LoadedGrammar;
    })();
    pending.catch(() => grammars.delete(id));
    grammars.set(id, pending);
  }
  return pending;
}

/**
 * Parses with a time budget: tree-sitter checks the progress callback as it goes, so a pathological input (a 10 MB
 * minified bundle) is abandoned instead of blocking. Returns null when the budget ran out.
 */
export function parseWithBudget(grammar: LoadedGrammar, text: string, oldTree: Tree | null, budgetMs: number): Tree | null {
  const deadline = performance.now() + budgetMs;
  let calls = 0;
  const tree = grammar.parser.parse(text, oldTree, {
    progressCallback: () => {
      // performance.now() is cheap, but the callback fires very often; sample it.
      if ((++calls & 63) !== 0) return false;
      return performance.now() > deadline;
    },
  });
  // A cancelled parse would otherwise resume on the parser's next call, with the next document's text.
  if (!tree) grammar.parser.reset();
  return tree;
}
