import assert from 'node:assert/strict';
import { familyFor, tokenizerFor, tokenizerForSync } from '../../../src/engine/count';

describe('tokenizer registry: model id -> tokenizer', () => {
  const cases: [string, string, string][] = [
    ['gpt-4o', 'o200k_base', 'exact'],
    ['gpt-4o-mini-2024-07-18', 'o200k_base', 'exact'],
    ['gpt-4.1-nano', 'o200k_base', 'exact'],
    ['gpt-5.2', 'o200k_base', 'exact'],
    ['o1', 'o200k_base', 'exact'],
    ['o3-mini', 'o200k_base', 'exact'],
    ['openai/gpt-4o', 'o200k_base', 'exact'],
    ["openai('gpt-4o')", 'o200k_base', 'exact'],
    ['gpt-4', 'cl100k_base', 'exact'],
    ['gpt-4-turbo-2024-04-09', 'cl100k_base', 'exact'],
    ['gpt-3.5-turbo', 'cl100k_base', 'exact'],
    ['claude-3-5-sonnet-20241022', 'claude (≈ o200k_base)', 'approximate'],
    ['claude-opus-4-5', 'claude (≈ o200k_base)', 'approximate'],
    ['deepseek-chat', 'deepseek-v3', 'exact'],
    ['deepseek-reasoner', 'deepseek-v3', 'exact'],
    ['deepseek-v4-flash', 'deepseek-v3', 'near-exact'],
    ['qwen-max', 'qwen3', 'exact'],
    ['Qwen/Qwen3-235B-A22B', 'qwen3', 'exact'],
    ['meta-llama/Llama-3.1-8B-Instruct', 'llama3', 'exact'],
    ['models/gemini-1.5-pro', 'gemma3', 'near-exact'],
    ['gemini-2.0-flash', 'gemma3', 'near-exact'],
    ['some-new-model', 'o200k_base (≈)', 'approximate'],
  ];
  for (const [model, name, accuracy] of cases) {
    it(`${model} -> ${name} (${accuracy})`, async () => {
      const tokenizer = await tokenizerFor(model);
      assert.equal(tokenizer.name, name);
      assert.equal(tokenizer.accuracy, accuracy);
      assert.equal(tokenizer.note, undefined);
    });
  }

  it('the sync path returns only loaded tokenizers and never starts a load', async () => {
    // OpenAI encodings are in-thread: always available synchronously.
    assert.equal(tokenizerForSync('gpt-4o')?.name, 'o200k_base');
    const family = familyFor('llama-3.3-70b');
    await tokenizerFor('llama-3.3-70b');
    assert.equal(tokenizerForSync('llama-3.3-70b'), family.loaded());
    assert.notEqual(tokenizerForSync('llama-3.3-70b'), null);
  });
});
