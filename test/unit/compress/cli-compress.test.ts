import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCompress } from '../../../src/cli/commands/compress';
import { countO200k } from './helpers';

function io() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t), color: false },
  };
}

describe('cli: prompt-audit compress', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'compress-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const verbose = 'You are a highly sophisticated assistant. Please answer in order to help.\nDo not guess {x}.\n';

  it('prints the compressed text and the token figures on stderr', async () => {
    const file = join(dir, 'prompt.txt');
    writeFileSync(file, verbose);
    const { out, io: cio } = io();
    assert.equal(await runCompress([file], cio), 0);
    assert.equal(out.stdout, 'You are an assistant. Answer to help.\nDo not guess {x}.\n');
    assert.match(out.stderr, new RegExp(`${countO200k(verbose)} -> ${countO200k(out.stdout)} tokens .*o200k_base.*en-politeness`));
  });

  it('prints {text, tokensBefore, tokensAfter, applied} with --json', async () => {
    const file = join(dir, 'prompt.txt');
    writeFileSync(file, verbose);
    const { out, io: cio } = io();
    assert.equal(await runCompress(['--json', file], cio), 0);
    const json = JSON.parse(out.stdout);
    assert.deepEqual(Object.keys(json), ['text', 'tokensBefore', 'tokensAfter', 'applied']);
    assert.equal(json.text, 'You are an assistant. Answer to help.\nDo not guess {x}.\n');
    assert.equal(json.tokensBefore, countO200k(verbose));
    assert.equal(json.tokensAfter, countO200k(json.text));
    assert.deepEqual(json.applied, ['en-politeness', 'en-role-padding', 'en-wordy-phrases']);
  });

  it('reads standard input with -, and returns a tight prompt byte for byte', async () => {
    const tight = 'Answer in JSON.\r\n\tNo prose.  ';
    const { out, io: cio } = io();
    assert.equal(await runCompress(['-'], cio, async () => Buffer.from(tight)), 0);
    assert.equal(out.stdout, tight);
    assert.match(out.stderr, /no safe shorter rewrite found; text unchanged/);
  });

  it('--style terse also drops articles; a bad --style is a usage error', async () => {
    const prompt = 'Read the ticket and write a reply to the customer.\n';
    const faithful = io();
    assert.equal(await runCompress(['-'], faithful.io, async () => Buffer.from(prompt)), 0);
    const terse = io();
    assert.equal(await runCompress(['--style', 'terse', '-'], terse.io, async () => Buffer.from(prompt)), 0);
    assert.match(faithful.out.stdout, /\bthe ticket\b/);
    assert.doesNotMatch(terse.out.stdout, /\bthe\b/);
    assert.ok(countO200k(terse.out.stdout) < countO200k(prompt));
    const bad = io();
    assert.equal(await runCompress(['--style', 'short', '-'], bad.io, async () => Buffer.from(prompt)), 2);
    assert.match(bad.out.stderr, /--style must be faithful or terse/);
  });

  it('prints a unified diff with --diff', async () => {
    const { out, io: cio } = io();
    assert.equal(await runCompress(['--diff', '-'], cio, async () => Buffer.from('Please be very brief.\nUse JSON.')), 0);
    assert.equal(out.stdout, ['--- - (before)', '+++ - (compressed)', '@@ -1,2 +1,2 @@', '-Please be very brief.', '+Be brief.', ' Use JSON.', ''].join('\n'));
  });

  it('counts with the tokenizer of --model', async () => {
    const { out, io: cio } = io();
    assert.equal(await runCompress(['--json', '--model', 'gpt-4', '-'], cio, async () => Buffer.from('Please be very brief.')), 0);
    assert.equal(JSON.parse(out.stdout).text, 'Be brief.');
  });

  it('says clearly what is wrong, never with a stack trace', async () => {
    const cases: Array<[string[], number, RegExp, (() => Promise<Buffer>)?]> = [
      [[join(dir, 'missing.txt')], 1, /cannot read .*missing\.txt: no such file/],
      [[dir], 1, /cannot read .*: is a folder/],
      [['-'], 1, /looks binary/, async () => Buffer.from([0x50, 0x00, 0x51])],
      [['-'], 1, /MB; prompts above 1 MB are not compressed/, async () => Buffer.alloc(1_200_000, 0x61)],
      [[], 2, /give a FILE, or - for standard input/],
      [['a', 'b'], 2, /give one FILE/],
      [['--json', '--diff', '-'], 2, /--json or --diff, not both/],
      [['--model', ' ', '-'], 2, /--model needs a model id/],
      [['--nope', '-'], 2, /Unknown option '--nope'/],
    ];
    for (const [args, code, message, stdin] of cases) {
      const { out, io: cio } = io();
      assert.equal(await runCompress(args, cio, stdin), code, args.join(' '));
      assert.match(out.stderr, message);
      assert.doesNotMatch(out.stderr, /\n\s+at /, 'no stack trace');
    }
  });

  it('prints its help', async () => {
    const { out, io: cio } = io();
    assert.equal(await runCompress(['--help'], cio), 0);
    assert.match(out.stdout, /Usage: prompt-audit compress/);
  });
});
