import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { get_encoding } from 'tiktoken';
import { runCount } from '../../../src/cli/commands/count';
import { KOREAN_SEEDS } from './corpus';

const root = join(__dirname, '..', '..', '..');
const seedFile = join(root, 'test', 'fixtures', 'count', 'seed-003-ko.txt');

function io() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t), color: false } };
}

describe('prompt-audit count', function () {
  this.timeout(120_000);

  it('--model maps to the right encoding and the count equals tiktoken', async () => {
    const text = KOREAN_SEEDS['seed-003-ko']!;
    for (const [model, encoding] of [['gpt-4o', 'o200k_base'], ['gpt-4', 'cl100k_base'], ['o3-mini', 'o200k_base'], ['gpt-3.5-turbo', 'cl100k_base']] as const) {
      const { out, io: cio } = io();
      assert.equal(await runCount(['--model', model, '--json', seedFile], cio), 0);
      const json = JSON.parse(out.stdout) as { tokens: number; tokenizer: string; exact: boolean };
      const reference = get_encoding(encoding);
      assert.deepEqual([json.tokenizer, json.tokens, json.exact], [encoding, reference.encode_ordinary(text).length, true], model);
      reference.free();
    }
  });

  it('reads standard input with -, and labels approximate counts', async () => {
    const { out, io: cio } = io();
    assert.equal(await runCount(['--model', 'claude-3-5-sonnet', '-'], cio, async () => Buffer.from('Hello, Claude')), 0);
    assert.match(out.stdout, /^≈\d+ tokens {2}\(claude \(≈ o200k_base\), approximate\)\n$/);
  });

  it('bad input: clear message and non-zero exit', async () => {
    const bin = join(mkdtempSync(join(tmpdir(), 'prompt-audit-count-')), 'blob.bin');
    writeFileSync(bin, Buffer.from([0x50, 0x4b, 0, 0, 1, 2]));
    const cases: [string[], number, RegExp][] = [
      [[], 2, /give a FILE/],
      [['--model', 'gpt-4o', '--encoding', 'o200k_base', seedFile], 2, /not both/],
      [['--encoding', 'p50k', seedFile], 2, /unknown encoding 'p50k'/],
      [['does-not-exist.txt'], 1, /cannot read does-not-exist.txt: no such file/],
      [[root], 1, /is a directory/],
      [[bin], 1, /looks binary/],
    ];
    for (const [args, code, message] of cases) {
      const { out, io: cio } = io();
      assert.equal(await runCount(args, cio), code, args.join(' '));
      assert.match(out.stderr, message);
    }
  });

  describe('through the built CLI', () => {
    before(function () {
      this.timeout(120_000);
      if (!existsSync(join(root, 'dist', 'cli.js')) || !existsSync(join(root, 'dist', 'count-worker.js'))) {
        execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
      }
    });
    const cli = (args: string[], input?: string) => spawnSync(process.execPath, [join(root, 'bin', 'prompt-audit.js'), ...args], { cwd: root, input, encoding: 'utf8' });

    it('count --encoding cl100k_base, count --model deepseek-chat (worker bundle) and price --json', () => {
      const cl = cli(['count', '--encoding', 'cl100k_base', '--json', seedFile]);
      assert.equal(cl.status, 0, cl.stderr);
      const reference = get_encoding('cl100k_base');
      assert.equal((JSON.parse(cl.stdout) as { tokens: number }).tokens, reference.encode_ordinary(KOREAN_SEEDS['seed-003-ko']!).length);
      reference.free();

      const ds = cli(['count', '--model', 'deepseek-chat', '-'], '안녕하세요 <|endoftext|>');
      assert.equal(ds.status, 0, ds.stderr);
      assert.match(ds.stdout, /^\d+ tokens {2}\(deepseek-v3, exact\)/);

      const price = cli(['price', '--model', 'gemini-1.5-flash', '--input', '5000', '--output', '800', '--requests', '2200', '--json']);
      assert.equal(price.status, 0, price.stderr);
      const json = JSON.parse(price.stdout) as { inputUsd: number; outputUsd: number; resolvedModel: string };
      assert.deepEqual([Math.round(json.inputUsd * 100 + 1e-7), Math.round(json.outputUsd * 100 + 1e-7), json.resolvedModel], [83, 53, 'gemini-1.5-flash']);

      const bad = cli(['price', '--model', 'gpt-4o', '--input', 'many', '--output', '1']);
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /--input expects a whole number, got 'many'/);
      assert.doesNotMatch(bad.stderr, /\n\s+at /);
    });
  });
});
