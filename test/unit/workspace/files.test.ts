import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { displayJoin, findSourceFiles, languageOf, readSourceFile } from '../../../src/workspace/files';

/** Writes a tree of files under a fresh temporary folder (outside any git repository) and returns its path. */
function tree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'prompt-audit-walk-'));
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), content);
  }
  return root;
}

describe('cli file walker', () => {
  const roots: string[] = [];
  const make = (files: Record<string, string | Buffer>) => {
    const root = tree(files);
    roots.push(root);
    return root;
  };
  after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

  it('maps extensions to the engine language ids', () => {
    assert.equal(languageOf('a.py'), 'python');
    for (const ext of ['ts', 'mts', 'cts']) assert.equal(languageOf(`a.${ext}`), 'typescript');
    assert.equal(languageOf('a.tsx'), 'typescriptreact');
    for (const ext of ['js', 'mjs', 'cjs']) assert.equal(languageOf(`a.${ext}`), 'javascript');
    assert.equal(languageOf('a.jsx'), 'javascriptreact');
    assert.equal(languageOf('A.PY'), 'python');
    assert.equal(languageOf('types.d.ts'), null);
    assert.equal(languageOf('notes.md'), null);
    assert.equal(languageOf('Makefile'), null);
  });

  it('finds source files by extension, sorted, with paths joined to the argument as given', async () => {
    const root = make({
      'b.ts': '',
      'a.py': '',
      'sub/c.tsx': '',
      'sub/readme.md': '',
      'sub/deeper/d.mjs': '',
      'data.json': '{}',
    });
    const { files, skipped, missing } = await findSourceFiles([`${root}/`]);
    assert.deepEqual(
      files.map((f) => f.path),
      [`${root}/a.py`, `${root}/b.ts`, `${root}/sub/c.tsx`, `${root}/sub/deeper/d.mjs`],
    );
    assert.deepEqual(files.map((f) => f.language), ['python', 'typescript', 'typescriptreact', 'javascript']);
    assert.deepEqual(skipped, []);
    assert.deepEqual(missing, []);
  });

  it('skips dependency, build, cache and virtualenv folders', async () => {
    const root = make({
      'app.py': '',
      'node_modules/openai/index.js': '',
      '.git/hooks/pre-commit.py': '',
      'dist/cli.js': '',
      'build/lib/app.py': '',
      'out/main.js': '',
      '.venv/lib/site.py': '',
      'venv/lib/site.py': '',
      'env311/pyvenv.cfg': 'home = /usr/bin',
      'env311/lib/python3.11/site-packages/openai/__init__.py': '',
      'pkg/__pycache__/mod.py': '',
      'pkg/mod.py': '',
    });
    const { files } = await findSourceFiles([root]);
    assert.deepEqual(files.map((f) => f.path), [`${root}/app.py`, `${root}/pkg/mod.py`]);
  });

  it('honours .gitignore, nested .gitignore files and negations', async () => {
    const root = make({
      '.gitignore': 'generated/\n*.gen.ts\nsecret.py\n',
      'app.ts': '',
      'schema.gen.ts': '',
      'secret.py': '',
      'generated/client.ts': '',
      'web/.gitignore': 'legacy/\n!keep.gen.ts\n',
      'web/page.tsx': '',
      'web/keep.gen.ts': '',
      'web/other.gen.ts': '',
      'web/legacy/old.js': '',
      'other/legacy/kept.js': '',
    });
    const { files } = await findSourceFiles([root]);
    assert.deepEqual(
      files.map((f) => f.path.slice(root.length + 1)),
      ['app.ts', 'other/legacy/kept.js', 'web/keep.gen.ts', 'web/page.tsx'],
    );
    const all = await findSourceFiles([root], { respectGitignore: false });
    assert.equal(all.files.length, 9);
  });

  it('applies the .gitignore files of the enclosing repository above the scanned folder', async () => {
    const root = make({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'fixtures/\n',
      'src/app.py': '',
      'src/fixtures/sample.py': '',
    });
    const { files } = await findSourceFiles([join(root, 'src')]);
    assert.deepEqual(files.map((f) => f.path), [`${join(root, 'src')}/app.py`]);
    // A folder named on the command line is scanned even when the repository ignores it.
    const explicit = await findSourceFiles([join(root, 'src', 'fixtures')]);
    assert.deepEqual(explicit.files.map((f) => f.path), [`${join(root, 'src', 'fixtures')}/sample.py`]);
  });

  it('takes a file named on the command line as given, once, and reports unsupported ones', async () => {
    const root = make({ 'a.py': '', 'notes.txt': '' });
    const { files, skipped } = await findSourceFiles([join(root, 'a.py'), root, join(root, 'notes.txt')]);
    assert.deepEqual(files.map((f) => f.path), [join(root, 'a.py')]);
    assert.equal(skipped.length, 1);
    assert.equal(skipped[0]!.kind, 'unsupported');
    assert.match(skipped[0]!.reason, /not a supported source file \(\.py .*\.tsx/);
  });

  it('reports paths that do not exist and broken links with a clear reason', async () => {
    const root = make({ 'ok.py': '' });
    symlinkSync(join(root, 'gone.py'), join(root, 'link.py'));
    const { files, skipped, missing } = await findSourceFiles([join(root, 'nope'), root]);
    assert.deepEqual(missing, [join(root, 'nope')]);
    assert.deepEqual(files.map((f) => f.path), [`${root}/ok.py`]);
    assert.deepEqual(
      skipped.map((s) => [s.path, s.kind, s.reason]),
      [
        [join(root, 'nope'), 'not-found', 'no such file or folder'],
        [`${root}/link.py`, 'unreadable', 'broken symbolic link (no such file or folder)'],
      ],
    );
  });

  it('reads text and skips binary, non-UTF-8 and oversized files with a note', async () => {
    const root = make({
      'text.py': 'PROMPT = "안녕하세요"\n',
      'nul.py': Buffer.from([0x70, 0x00, 0x01, 0x02]),
      'latin1.py': Buffer.from('x = "caf\xe9"\n', 'latin1'),
      'big.js': 'x'.repeat(5000),
    });
    const ok = await readSourceFile({ path: 'text.py', absPath: join(root, 'text.py') }, 1000);
    assert.deepEqual(ok, { ok: true, text: 'PROMPT = "안녕하세요"\n' });

    const nul = await readSourceFile({ path: 'nul.py', absPath: join(root, 'nul.py') }, 1000);
    assert.ok(!nul.ok && nul.skipped.kind === 'binary' && /NUL/.test(nul.skipped.reason));

    const latin1 = await readSourceFile({ path: 'latin1.py', absPath: join(root, 'latin1.py') }, 1000);
    assert.ok(!latin1.ok && latin1.skipped.kind === 'binary' && /UTF-8/.test(latin1.skipped.reason));

    const big = await readSourceFile({ path: 'big.js', absPath: join(root, 'big.js') }, 4096);
    assert.ok(!big.ok);
    assert.equal(big.skipped.kind, 'too-large');
    assert.equal(big.skipped.reason, '5 KB is over the size limit of 4 KB (raise it with --max-file-bytes)');

    const gone = await readSourceFile({ path: 'gone.py', absPath: join(root, 'gone.py') }, 1000);
    assert.ok(!gone.ok && gone.skipped.kind === 'unreadable' && gone.skipped.reason === 'no such file or folder');
  });

  it('strips a UTF-8 byte order mark', async () => {
    const root = make({ 'bom.py': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('x = 1\n')]) });
    const read = await readSourceFile({ path: 'bom.py', absPath: join(root, 'bom.py') }, 1000);
    assert.deepEqual(read, { ok: true, text: 'x = 1\n' });
  });

  it('joins display paths as given', () => {
    assert.equal(displayJoin('examples/', 'bot.py'), 'examples/bot.py');
    assert.equal(displayJoin('examples', 'sub/bot.py'), 'examples/sub/bot.py');
    assert.equal(displayJoin('./src', 'a.ts'), './src/a.ts');
    assert.equal(displayJoin('.', 'a.ts'), 'a.ts');
    assert.equal(displayJoin('/', 'a.ts'), '/a.ts');
    assert.equal(displayJoin('a.py', ''), 'a.py');
  });
});
