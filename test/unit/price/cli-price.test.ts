import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPrice } from '../../../src/cli/commands/price';

function io() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t), color: false } };
}

describe('prompt-audit price', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'prompt-audit-price-cli-'));

  it('prints a readable breakdown with the catalog source and date', async () => {
    const { out, io: cio } = io();
    const code = await runPrice(['--model', 'gpt-4o', '--input', '2000', '--output', '2500', '--requests', '15000'], cio, dir());
    assert.equal(code, 0);
    assert.match(out.stdout, /gpt-4o: 15,000 requests x \(2,000 input \+ 2,500 output tokens\)/);
    assert.match(out.stdout, /input\s+\$75\.00/);
    assert.match(out.stdout, /output\s+\$375\.00/);
    assert.match(out.stdout, /total\s+\$450\.00/);
    assert.match(out.stdout, /prices: catalog \(@pydantic\/genai-prices .*\), \d{4}-\d{2}-\d{2}/);
  });

  it('bad input: a clear message, exit 2, no stack trace', async () => {
    const cases: [string[], RegExp][] = [
      [['--input', '1', '--output', '1'], /--model is required/],
      [['--model', 'gpt-4o', '--output', '1'], /--input is required/],
      [['--model', 'gpt-4o', '--input', '1'], /--output is required/],
      [['--model', 'gpt-4o', '--input', '-5', '--output', '1'], /--input|-5/],
      [['--model', 'gpt-4o', '--input', '1.5', '--output', '1'], /--input expects a whole number/],
      [['--model', 'gpt-4o', '--input', '10', '--output', '1', '--cached-input', '20'], /cannot exceed --input/],
      [['--model', 'gpt-4o', '--input', '1', '--output', '1', '--bogus'], /bogus/],
      [['--model', 'gpt-4o', '--input', '1', '--output', '1', 'extra'], /unexpected argument 'extra'/],
    ];
    for (const [args, message] of cases) {
      const { out, io: cio } = io();
      assert.equal(await runPrice(args, cio, dir()), 2, args.join(' '));
      assert.match(out.stderr, message, args.join(' '));
      assert.doesNotMatch(out.stderr, /\n\s+at /, 'no stack trace');
    }
  });

  it('an unknown model prints "price unknown" and exits 1', async () => {
    const { out, io: cio } = io();
    assert.equal(await runPrice(['--model', 'acme-llm-9', '--input', '1', '--output', '1'], cio, dir()), 1);
    assert.match(out.stdout, /acme-llm-9: price unknown/);
    assert.doesNotMatch(out.stdout, /\$0\.00/);
  });

  it('uses priceOverrides from ./.prompt-audit.json, and reports an invalid file by field while the catalog stays in use', async () => {
    const good = dir();
    writeFileSync(join(good, '.prompt-audit.json'), JSON.stringify({ priceOverrides: { 'acme-llm-9': { input: 1, output: 4 } } }));
    let { out, io: cio } = io();
    assert.equal(await runPrice(['--model', 'acme-llm-9', '--input', '1000000', '--output', '1000000', '--json'], cio, good), 0);
    const json = JSON.parse(out.stdout) as { totalUsd: number; priceSource: string };
    assert.deepEqual([json.totalUsd, json.priceSource], [5, 'override (.prompt-audit.json)']);

    const bad = dir();
    writeFileSync(join(bad, '.prompt-audit.json'), JSON.stringify({ priceOverrides: { 'gpt-4o': { input: 'free', output: 0 } } }));
    ({ out, io: cio } = io());
    assert.equal(await runPrice(['--model', 'gpt-4o', '--input', '1000000', '--output', '0', '--json'], cio, bad), 0);
    assert.match(out.stderr, /priceOverrides\["gpt-4o"\]\.input must be a number/);
    assert.equal((JSON.parse(out.stdout) as { inputUsd: number }).inputUsd, 2.5, 'bundled catalog price');

    const broken = dir();
    writeFileSync(join(broken, '.prompt-audit.json'), '{ "priceOverrides": ');
    ({ out, io: cio } = io());
    assert.equal(await runPrice(['--model', 'gpt-4o', '--input', '1', '--output', '1'], cio, broken), 0);
    assert.match(out.stderr, /\.prompt-audit\.json is not valid JSON/);
  });
});
