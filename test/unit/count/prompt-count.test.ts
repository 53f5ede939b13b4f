import assert from 'node:assert/strict';
import { countPrompt, countPromptSync, requestInputTokens, tokenizerFor, tokenizerForEncoding } from '../../../src/engine/count';
import { CountCache } from '../../../src/engine/count/cache';
import type { PromptRole } from '../../../src/engine/model';

interface ChatModel {
  encodeChat(chat: { role: string; content: string }[]): number[];
}

describe('prompt and request token figures', () => {
  const o200k = tokenizerForEncoding('o200k_base');

  it('a plain prompt is exact and not a lower bound', async () => {
    const figure = await countPrompt('You are a support agent for Acme Store.', false, 0, o200k, { placeholderTokens: 0 });
    assert.deepEqual(figure, { tokens: o200k.countSync('You are a support agent for Acme Store.'), accuracy: 'exact', tokenizer: 'o200k_base', lowerBound: false });
  });

  it('a templated prompt counts its literal parts, adds placeholderTokens per placeholder and is a lower bound', async () => {
    const parts = ['Summarise the ticket from ', ' about order ', '.'];
    const literal = parts.reduce((n, p) => n + o200k.countSync(p)!, 0);
    const zero = await countPrompt(parts, true, 2, o200k, { placeholderTokens: 0 });
    assert.equal(zero.tokens, literal);
    assert.equal(zero.lowerBound, true);
    const five = await countPrompt(parts, true, 2, o200k, { placeholderTokens: 5 });
    assert.equal(five.tokens, literal + 10);
    assert.deepEqual(countPromptSync(parts, true, 2, o200k, { placeholderTokens: 5 }), five);
  });

  it("an OpenAI request's input matches an independent chat encoding (gpt-tokenizer encodeChat)", async () => {
    const messages: { role: PromptRole; content: string }[] = [
      { role: 'system', content: '당신은 친절하고 전문적인 고객 상담원입니다.' },
      { role: 'user', content: 'My order #1234 never arrived. Can I get a refund?' },
      { role: 'assistant', content: 'Sure, let me check.' },
      { role: 'user', content: '고마워요!' },
    ];
    const prompts = [];
    for (const m of messages) prompts.push({ role: m.role, tokens: await countPrompt(m.content, false, 0, o200k, { placeholderTokens: 0 }) });
    const figure = requestInputTokens('openai', prompts, await tokenizerFor('gpt-4o'));
    const reference = (require('gpt-tokenizer/cjs/model/gpt-4o') as ChatModel).encodeChat(messages).length;
    assert.equal(figure.tokens, reference);
    assert.equal(figure.accuracy, 'exact');
  });

  it('framing follows the model family: Gemini adds none, DeepSeek frames per its chat template', async () => {
    const gemini = await tokenizerFor('gemini-2.0-flash');
    const user = { role: 'user' as const, tokens: { tokens: 10, accuracy: 'exact' as const, tokenizer: 'x', lowerBound: false } };
    const system = { ...user, role: 'system' as const };
    assert.equal(requestInputTokens('google', [system, user], gemini).tokens, 20);
    const deepseek = await tokenizerFor('deepseek-chat');
    // BOS + system (no marker) + <｜User｜> + user + <｜Assistant｜>
    assert.equal(requestInputTokens('deepseek', [system, user], deepseek).tokens, 20 + 1 + 2);
    assert.equal(requestInputTokens('openai', [], deepseek).tokens, 0, 'no prompts, no framing');
  });

  it('an unknown model takes the framing of the provider it is called through, and the worst accuracy', async () => {
    const unknown = await tokenizerFor('brand-new-model');
    const p = { role: 'user' as const, tokens: { tokens: 10, accuracy: 'exact' as const, tokenizer: 'x', lowerBound: true } };
    const viaGoogle = requestInputTokens('google', [p], unknown);
    assert.equal(viaGoogle.tokens, 10);
    assert.equal(viaGoogle.accuracy, 'approximate');
    assert.equal(viaGoogle.lowerBound, true);
    assert.equal(requestInputTokens('openai', [p], unknown).tokens, 10 + 4 + 3);
  });

  it('Claude figures are labelled approximate', async () => {
    const claude = await tokenizerFor('claude-3-5-haiku-20241022');
    const figure = await countPrompt('Hello, Claude', false, 0, claude, { placeholderTokens: 0 });
    assert.equal(figure.accuracy, 'approximate');
    assert.equal(requestInputTokens('anthropic', [{ role: 'user', tokens: figure }], claude).accuracy, 'approximate');
  });
});

describe('count cache', () => {
  it('keys short strings by value and long ones by digest, evicting the least recently used', () => {
    const cache = new CountCache(2);
    assert.equal(CountCache.key('abc'), '=abc');
    const long = 'x'.repeat(1000);
    assert.match(CountCache.key(long), /^#[A-Za-z0-9+/=]+:1000$/);
    assert.equal(CountCache.key(long), CountCache.key('x'.repeat(1000)));
    assert.notEqual(CountCache.key(long), CountCache.key(`${'x'.repeat(999)}y`));
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    assert.equal(cache.get('b'), undefined);
    assert.equal(cache.get('a'), 1);
    assert.equal(cache.size, 2);
  });
});
