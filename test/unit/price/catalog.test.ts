import assert from 'node:assert/strict';
import { callCost, catalogInfo, normalizeModelId, priceRequest, rateAt, requestsPerDayFor, resolveModel } from '../../../src/engine/price';
import type { Directive } from '../../../src/engine/model';

describe('price catalog lookup', () => {
  // Every model the seed articles price, with the catalog entry it must land on.
  const SEED_MODELS: [string, string][] = [
    ['gpt-4o', 'gpt-4o'],
    ['gpt-4o-mini', 'gpt-4o-mini'],
    ['o1', 'o1'],
    ['o1-mini', 'o1-mini'],
    ['o3-mini', 'o3-mini'],
    ['claude-3-5-sonnet', 'claude-3-5-sonnet'],
    ['claude-3-5-haiku', 'claude-3-5-haiku-latest'],
    ['claude-3-opus', 'claude-3-opus-latest'],
    ['claude-opus-4-5', 'claude-opus-4-5'],
    ['gemini-1.5-pro', 'gemini-1.5-pro'],
    ['gemini-1.5-flash', 'gemini-1.5-flash'],
    ['gemini-2.0-flash', 'gemini-2.0-flash'],
    ['deepseek-chat', 'deepseek-chat'],
    ['deepseek-reasoner', 'deepseek-reasoner'],
    ['qwen-max', 'qwen-max'],
    ['qwen3-235b-a22b', 'qwen3-235b-a22b'],
    ['kimi-k2', 'kimi-k2'],
    ['glm-4.7', 'GLM-4.7'],
  ];
  for (const [model, resolved] of SEED_MODELS) {
    it(`${model} resolves to ${resolved} with a positive input and output price`, () => {
      const p = resolveModel(model);
      assert.ok(p, `${model} must resolve`);
      assert.equal(p.resolvedModel, resolved);
      assert.ok(rateAt(p.input, 1) > 0 && rateAt(p.output, 1) > 0);
    });
  }

  it('strips OpenRouter variant suffixes but not local model tags', () => {
    assert.equal(resolveModel('deepseek-chat:free')?.resolvedModel, 'deepseek-chat');
    assert.equal(resolveModel('gpt-4o:online')?.resolvedModel, 'gpt-4o');
    // An Ollama tag names a local build: pricing it as DeepSeek's paid API would invent a cost.
    assert.equal(resolveModel('deepseek-r1:7b'), null);
    assert.equal(resolveModel('llama3.2:latest'), null);
  });

  it("matches the article's price table where the providers have not changed their prices since", () => {
    // o1-mini (article $3/$12; OpenAI now $1.10/$4.40) and Claude Opus 4.5 (article $15/$75, Anthropic's page
    // $5/$25) differ: the article is out of date or wrong there, the catalog follows the providers.
    const table: [string, number, number][] = [
      ['gpt-4o', 2.5, 10], ['gpt-4o-mini', 0.15, 0.6], ['o1', 15, 60], ['o3-mini', 1.1, 4.4],
      ['claude-3-5-sonnet', 3, 15], ['claude-3-5-haiku', 0.8, 4], ['claude-3-opus', 15, 75],
      ['gemini-1.5-pro', 1.25, 5], ['gemini-1.5-flash', 0.075, 0.3], ['gemini-2.0-flash', 0.1, 0.4],
    ];
    for (const [model, input, output] of table) {
      const p = resolveModel(model)!;
      assert.deepEqual([rateAt(p.input, 1000), rateAt(p.output, 1000)], [input, output], model);
    }
    const flash = resolveModel('gemini-1.5-flash')!;
    assert.deepEqual([rateAt(flash.input, 200_000), rateAt(flash.output, 200_000)], [0.15, 0.6], 'Flash above 128K');
  });

  it('resolves ids as they appear in code: dated, prefixed, wrapped', () => {
    const cases: [string, string][] = [
      ['claude-3-5-sonnet-20241022', 'claude-3-5-sonnet'],
      ['claude-3-5-haiku-latest', 'claude-3-5-haiku-latest'],
      ['models/gemini-1.5-pro', 'gemini-1.5-pro'],
      ['models/gemini-1.5-flash-002', 'gemini-1.5-flash'],
      ['openai/gpt-4o', 'gpt-4o'],
      ["openai('gpt-4o-mini')", 'gpt-4o-mini'],
      ['anthropic("claude-3-opus-20240229")', 'claude-3-opus-latest'],
      ['GPT-4o', 'gpt-4o'],
      ['gpt-4o-2024-08-06', 'gpt-4o'],
      ['us.anthropic.claude-3-5-sonnet-20241022-v2:0', 'claude-3-5-sonnet'],
      ['claude-3-5-sonnet@20240620', 'claude-3-5-sonnet'],
      ['qwen/qwen-2.5-72b-instruct', 'qwen-2.5-72b-instruct'],
      ['deepseek/deepseek-chat', 'deepseek-chat'],
    ];
    for (const [written, resolved] of cases) assert.equal(resolveModel(written)?.resolvedModel, resolved, written);
    assert.equal(normalizeModelId('  "models/Gemini-2.0-Flash" '), 'gemini-2.0-flash');
  });

  it('an unknown model has an unknown price: null, never 0', () => {
    assert.equal(resolveModel('my-private-finetune'), null);
    const p = priceRequest({ model: 'my-private-finetune', inputTokens: 1000, outputTokens: 100 });
    assert.deepEqual([p.inputUsd, p.outputUsd, p.totalUsd, p.resolvedModel], [null, null, null, null]);
    assert.match(p.notes[0]!, /priceOverrides/);
    const cost = callCost({
      model: 'my-private-finetune',
      inputTokens: { tokens: 1000, accuracy: 'approximate', tokenizer: 'o200k_base (≈)', lowerBound: false },
      outputTokens: { tokens: 500, assumed: true },
      requestsPerDay: 1000,
      options: { daysPerMonth: 30, priceOverrides: {} },
    });
    assert.deepEqual([cost.requestUsd, cost.monthlyUsd], [null, null]);
  });

  it('user overrides win over the catalog and name their source', () => {
    const overrides = { 'gpt-4o': { input: 1, output: 2 }, 'my-finetune': { input: 3, output: 12, contextWindow: 8000 } };
    const p = priceRequest({ model: 'openai/gpt-4o', inputTokens: 1_000_000, outputTokens: 1_000_000, overrides, overrideSource: '.prompt-audit.json' });
    assert.deepEqual([p.inputUsd, p.outputUsd, p.priceSource], [1, 2, 'override (.prompt-audit.json)']);
    const custom = resolveModel('my-finetune', overrides);
    assert.equal(custom?.contextWindow, 8000);
    assert.equal(priceRequest({ model: 'my-finetune', inputTokens: 1e6, outputTokens: 0, overrides }).totalUsd, 3);
  });

  it('provider rules: Anthropic cache reads and writes, no batch discount where none exists', () => {
    const sonnet = priceRequest({ model: 'claude-3-5-sonnet', inputTokens: 1e6, outputTokens: 0, cachedInputTokens: 5e5, cacheWriteTokens: 5e5 });
    assert.equal(cents(sonnet.inputUsd!), cents(0.5 * 0.3 + 0.5 * 3.75)); // reads 10%, writes 125% of $3
    const deepseekBatch = priceRequest({ model: 'deepseek-chat', inputTokens: 1e6, outputTokens: 0, batch: true });
    assert.equal(deepseekBatch.rates!.batchMultiplier, 1);
    assert.match(deepseekBatch.notes.join(' '), /No batch discount known for deepseek/);
    const geminiCached = priceRequest({ model: 'gemini-1.5-pro', inputTokens: 1e6, outputTokens: 0, cachedInputTokens: 1e6 });
    assert.equal(geminiCached.rates!.cachedInput, 2.5 * 0.25, 'Google: 75% off the tier rate when the catalog has no cache price');
  });

  it('per month = per request x requests per day x days', () => {
    const cost = callCost({
      model: 'gpt-4o-mini',
      inputTokens: { tokens: 2000, accuracy: 'exact', tokenizer: 'o200k_base', lowerBound: false },
      outputTokens: { tokens: 500, assumed: true },
      requestsPerDay: 5000,
      options: { daysPerMonth: 30, priceOverrides: {} },
    });
    const perRequest = (2000 * 0.15 + 500 * 0.6) / 1e6;
    assert.equal(cents(cost.requestUsd! * 1e6), cents(perRequest * 1e6));
    assert.equal(cents(cost.monthlyUsd!), cents(perRequest * 5000 * 30));
    assert.equal(cost.outputAssumed, true);
    assert.equal(cost.accuracy, 'exact');
  });

  it('a volume directive on the line above a call (or on its line) sets its requests per day', () => {
    const range = { start: { line: 9, character: 0 }, end: { line: 9, character: 24 }, startOffset: 0, endOffset: 24 };
    const directives: Directive[] = [
      { line: 9, kind: 'volume', rules: [], requestsPerDay: 5000, range },
      { line: 20, kind: 'ignore', rules: [], range },
    ];
    assert.deepEqual(requestsPerDayFor(10, directives, { requestsPerDay: 1000 }), { requestsPerDay: 5000, fromDirective: true });
    assert.deepEqual(requestsPerDayFor(9, directives, { requestsPerDay: 1000 }), { requestsPerDay: 5000, fromDirective: true });
    assert.deepEqual(requestsPerDayFor(11, directives, { requestsPerDay: 1000 }), { requestsPerDay: 1000, fromDirective: false });
    assert.deepEqual(requestsPerDayFor(21, directives, { requestsPerDay: 1000 }), { requestsPerDay: 1000, fromDirective: false });
  });

  it('says when a request does not fit the context window', () => {
    const p = priceRequest({ model: 'gpt-4o', inputTokens: 130_000, outputTokens: 1000 });
    assert.match(p.notes.join(' '), /exceed gpt-4o's context window of 128000/);
  });

  it("shows the catalog's date and calls it stale after 90 days", () => {
    const info = catalogInfo();
    assert.match(info.catalogDate, /^\d{4}-\d{2}-\d{2}$/);
    const taken = Date.parse(`${info.catalogDate}T00:00:00Z`);
    assert.equal(catalogInfo(new Date(taken + 90 * 86_400_000)).stale, false);
    assert.equal(catalogInfo(new Date(taken + 91 * 86_400_000)).stale, true);
    assert.equal(catalogInfo(new Date(taken + 91 * 86_400_000)).ageDays, 91);
    assert.ok(info.models > 200);
  });

  it('every catalog entry has a context window or max output where models.dev knows them', () => {
    const p = resolveModel('gpt-4o')!;
    assert.deepEqual([p.contextWindow, p.maxOutput], [128000, 16384]);
    assert.equal(resolveModel('claude-3-5-sonnet')!.maxOutput, 8192);
  });
});

function cents(usd: number): number {
  return Math.round(usd * 100 + 1e-7);
}
