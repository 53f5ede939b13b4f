import assert from 'node:assert/strict';
import { capabilityTier, cheaperAlternatives, priceRequest, resolveModel } from '../../../src/engine/price';

describe('cheaper comparable models', () => {
  it('classifies capability tiers from provider naming', () => {
    assert.equal(capabilityTier('gpt-4o-mini'), 'small');
    assert.equal(capabilityTier('claude-3-5-haiku-20241022'), 'small');
    assert.equal(capabilityTier('models/gemini-1.5-flash'), 'small');
    assert.equal(capabilityTier('qwen3-30b-a3b'), 'small');
    assert.equal(capabilityTier('gpt-4o'), 'standard');
    assert.equal(capabilityTier('claude-3-5-sonnet'), 'standard');
    assert.equal(capabilityTier('claude-opus-4-5'), 'frontier');
    assert.equal(capabilityTier('gemini-1.5-pro'), 'frontier');
    assert.equal(capabilityTier('o1'), 'reasoning');
    assert.equal(capabilityTier('deepseek-reasoner'), 'reasoning');
  });

  it('lists same-provider models of the same tier that are cheaper for this request, cheapest first', () => {
    const request = { inputTokens: 2000, outputTokens: 500 };
    const current = priceRequest({ model: 'claude-3-opus', ...request }).totalUsd!;
    const alternatives = cheaperAlternatives('claude-3-opus', request);
    assert.ok(alternatives.length > 0);
    for (const a of alternatives) {
      assert.equal(a.provider, 'anthropic');
      assert.equal(a.tier, 'frontier');
      assert.equal(capabilityTier(a.model), 'frontier');
      assert.ok(a.requestUsd < current);
      assert.equal(a.saving, 1 - a.requestUsd / current);
      assert.equal(priceRequest({ model: a.model, ...request }).totalUsd, a.requestUsd);
    }
    const costs = alternatives.map((a) => a.requestUsd);
    assert.deepEqual(costs, [...costs].sort((x, y) => x - y));
    assert.ok(alternatives.some((a) => a.model.startsWith('claude-opus-4')), 'newer, cheaper Opus models are offered');
  });

  it('can look across providers, and skips models whose context window is too small', () => {
    const request = { inputTokens: 150_000, outputTokens: 1000 };
    const across = cheaperAlternatives('gpt-4o', { inputTokens: 2000, outputTokens: 500 }, { sameProviderOnly: false, limit: 50 });
    assert.ok(across.some((a) => !a.sameProvider));
    for (const a of cheaperAlternatives('claude-3-5-sonnet', request, { sameProviderOnly: false, limit: 100 })) {
      const window = resolveModel(a.model)!.contextWindow;
      assert.ok(window === null || window >= 151_000, `${a.model} (${window}) must fit the request`);
    }
  });

  it('offers nothing for a model whose price is unknown', () => {
    assert.deepEqual(cheaperAlternatives('my-private-model', { inputTokens: 1000, outputTokens: 100 }), []);
  });
});
