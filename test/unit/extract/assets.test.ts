import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Query } from 'web-tree-sitter';
import { loadGrammar } from '../../../src/engine/extract/parser';

const ROOT = join(__dirname, '..', '..', '..');

describe('extract: grammars, queries and assets', () => {
  for (const language of ['python', 'javascript', 'typescript', 'typescriptreact'] as const) {
    it(`compiles the ${language} query with every capture the index reads`, async () => {
      const g = await loadGrammar(language);
      assert.ok(g.query instanceof Query);
      for (const capture of ['call.name', 'call.member', 'assign.name', 'bind', 'bind.name', 'bind.value', 'scope.function', 'scope.class', 'import', 'comment', 'message.string', 'prompt_arg.key', 'loop.body']) {
        assert.ok(g.captureNames.includes(capture), `${language} query lacks @${capture}`);
      }
    });
  }

  it('loads the same grammar once per process', async () => {
    assert.equal(await loadGrammar('typescript'), await loadGrammar('typescript'));
    assert.notEqual(await loadGrammar('typescript'), await loadGrammar('typescriptreact'));
  });

  it('finds the runtime, grammars and queries in a bundle folder given with setAssetRoot', function () {
    this.timeout(60_000);
    // The layout esbuild.mjs writes to dist/: web-tree-sitter.wasm, grammars/*.wasm, queries/*.scm.
    const dir = mkdtempSync(join(tmpdir(), 'prompt-audit-assets-'));
    try {
      cpSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm'), join(dir, 'web-tree-sitter.wasm'));
      mkdirSync(join(dir, 'grammars'));
      cpSync(join(dirname(require.resolve('tree-sitter-python/package.json')), 'tree-sitter-python.wasm'), join(dir, 'grammars', 'tree-sitter-python.wasm'));
      cpSync(join(ROOT, 'src', 'engine', 'extract', 'queries'), join(dir, 'queries'), { recursive: true });
      assert.ok(readdirSync(join(dir, 'queries')).includes('python.scm'));
      // The npm packages are made unreachable, so only the asset root can supply the wasm files.
      const script = [
        "const Module = require('module'); const orig = Module._resolveFilename;",
        "Module._resolveFilename = function (req, ...rest) { if (/^tree-sitter-python|web-tree-sitter\\.wasm$/.test(req)) throw new Error('not installed'); return orig.call(this, req, ...rest); };",
        "const { setAssetRoot, extract } = require('./src/engine/extract');",
        `setAssetRoot(${JSON.stringify(dir)});`,
        "extract('from openai import OpenAI\\nOpenAI().chat.completions.create(model=\"gpt-4o\", messages=[{\"role\": \"user\", \"content\": \"Hi from the bundle.\"}])\\n', 'python')",
        '  .then((r) => process.stdout.write(JSON.stringify(r.calls.map((c) => c.prompts[0].text))));',
      ].join('\n');
      const out = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(out, JSON.stringify(['Hi from the bundle.']));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says which asset is missing instead of throwing from extract()', function () {
    this.timeout(60_000);
    const dir = mkdtempSync(join(tmpdir(), 'prompt-audit-empty-'));
    try {
      // An asset root without the grammar, in a process where the package fallback cannot be reached either.
      const script = [
        "const parser = require('./src/engine/extract/parser');",
        `parser.setAssetRoot(${JSON.stringify(dir)});`,
        "const Module = require('module'); const orig = Module._resolveFilename;",
        "Module._resolveFilename = function (req, ...rest) { if (/^tree-sitter-python/.test(req)) throw new Error('not installed'); return orig.call(this, req, ...rest); };",
        "require('./src/engine/extract').extract('x = 1\\n', 'python').then((r) => process.stdout.write(JSON.stringify(r.notes)));",
      ].join('\n');
      const out = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: ROOT, encoding: 'utf8' });
      const notes = JSON.parse(out) as string[];
      assert.equal(notes.length, 1);
      assert.match(notes[0], /tree-sitter-python\.wasm not found/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
