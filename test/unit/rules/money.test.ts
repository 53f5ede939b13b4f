// The dollars in rule messages: recomputed here from the catalog's rates and the configured volume.
import { strict as assert } from 'node:assert';
import { formatUsdPerMonth } from '../../../src/engine/format';
import { rateAt, resolveModel } from '../../../src/engine/price';
import { cacheHitShare } from '../../../src/engine/rules/cache';
import { auditText, only } from './helpers';

const rates = (model: string) => {
  const m = resolveModel(model)!;
  return { input: rateAt(m.input, 0), output: rateAt(m.output, 0), cacheRead: m.cacheRead === null ? null : rateAt(m.cacheRead, 0), cacheWrite: m.cacheWrite === null ? null : rateAt(m.cacheWrite, 0) };
};
const close = (a: number | null | undefined, b: number, what: string) => {
  assert.ok(a !== null && a !== undefined, `${what}: known`);
  assert.ok(Math.abs(a - b) <= Math.max(1e-9, Math.abs(b) * 1e-6), `${what}: ${a} vs ${b}`);
};

describe('dollars at stake', () => {
  it('high-max-tokens: the cap\'s worst case against the suggested cap, per month at the call\'s volume', async () => {
    const text = `from openai import OpenAI
client = OpenAI()
# prompt-audit: 2500/day
r = client.chat.completions.create(model="gpt-4o", max_tokens=4096, messages=[{"role": "user", "content": "Write a short poem."}])
`;
    const d = only(await auditText(text, 'python', { daysPerMonth: 30 }), 'high-max-tokens')[0]!;
    const expected = ((4096 - 1024) * rates('gpt-4o').output * 2500 * 30) / 1e6;
    close(d.usdPerMonth, expected, 'usdPerMonth');
    assert.ok(d.message.includes(formatUsdPerMonth((4096 * rates('gpt-4o').output * 2500 * 30) / 1e6)), d.message);
    assert.ok(d.message.includes('2,500 requests/day on gpt-4o'), d.message);
  });

  it('an unknown price says "price unknown" and carries null, never $0', async () => {
    const text = `from openai import OpenAI
client = OpenAI()
r = client.chat.completions.create(model="acme-llm-7", max_tokens=4096, messages=[{"role": "user", "content": "Write a short poem."}])
`;
    const result = await auditText(text, 'python');
    const d = only(result, 'high-max-tokens')[0]!;
    assert.equal(d.usdPerMonth, null);
    assert.match(d.message, /price unknown/);
    assert.doesNotMatch(d.message, /\$0\b/);
    assert.equal(only(result, 'unknown-model').length, 1);
  });

  it('bloated-system-prompt: the prompt\'s tokens at the input rate, per month', async () => {
    const prompt = 'You are an assistant for a bakery. '.repeat(60).trim();
    const text = `from openai import OpenAI
client = OpenAI()
r = client.chat.completions.create(model="gpt-4o-mini", max_tokens=100, messages=[{"role": "system", "content": "${prompt}"}, {"role": "user", "content": "Hi"}])
`;
    const result = await auditText(text, 'python', { requestsPerDay: 400, daysPerMonth: 31 });
    const call = result.calls[0]!;
    const system = call.prompts.find((p) => p.role === 'system')!;
    assert.ok(system.tokens.tokens > 400);
    const d = only(result, 'bloated-system-prompt')[0]!;
    close(d.usdPerMonth, (system.tokens.tokens * rates('gpt-4o-mini').input * 400 * 31) / 1e6, 'usdPerMonth');
    assert.match(d.message, new RegExp(`${system.tokens.tokens.toLocaleString('en-US')} tokens`));
  });

  it('loop-call-batchable: the Batch API saves half of the call\'s monthly cost', async () => {
    const text = `from openai import OpenAI
client = OpenAI()
for row in rows:
    client.chat.completions.create(model="gpt-4o", max_tokens=200, messages=[{"role": "user", "content": f"Tag: {row}"}])
`;
    const result = await auditText(text, 'python');
    const d = only(result, 'loop-call-batchable')[0]!;
    close(d.usdPerMonth, result.calls[0]!.cost!.monthlyUsd! * 0.5, 'usdPerMonth');
    assert.match(d.message, /Batch API bills 50% less/);
  });

  it('cache-opportunity: hits at 0.1x, misses written at 1.25x, for the share of requests within 5 minutes', async () => {
    const kb = 'Meridian Bank customers can freeze a card in the app under Cards > Freeze. '.repeat(80);
    const text = `import anthropic
client = anthropic.Anthropic()
KB = "${kb}"
r = client.messages.create(model="claude-3-5-sonnet-latest", max_tokens=300, system=KB, messages=[{"role": "user", "content": "Hi"}])
`;
    const result = await auditText(text, 'python', { requestsPerDay: 1000 });
    const call = result.calls[0]!;
    const system = call.prompts.find((p) => p.role === 'system')!.tokens.tokens;
    const r = rates('claude-3-5-sonnet-latest');
    const hits = 1 - Math.exp((-1000 / 86400) * 300);
    close(cacheHitShare(1000, 300), hits, 'hit share');
    const perRequest = (system * (r.input - hits * r.cacheRead! - (1 - hits) * r.cacheWrite!)) / 1e6;
    const d = only(result, 'cache-opportunity')[0]!;
    close(d.usdPerMonth, perRequest * 1000 * 30, 'usdPerMonth');
    assert.ok(r.cacheRead! / r.input < 0.11 && r.cacheWrite! / r.input > 1.24, 'catalog: reads 0.1x, writes 1.25x');
    // Too few requests: writes would cost more than the hits save, so there is nothing to recommend.
    const rare = await auditText(text.replace('r = client', '# prompt-audit: 20/day\nr = client'), 'python');
    assert.equal(only(rare, 'cache-opportunity').length, 0);
  });

  it('few-shot-overload: the share of the examples above the limit', async () => {
    const turns = Array.from({ length: 8 }, (_, i) => `{"role": "user", "content": "Review number ${i} was fine"}, {"role": "assistant", "content": "positive"}`).join(', ');
    const text = `from openai import OpenAI
client = OpenAI()
r = client.chat.completions.create(model="gpt-4o-mini", max_tokens=3, messages=[{"role": "system", "content": "Label reviews."}, ${turns}, {"role": "user", "content": review}])
`;
    const result = await auditText(text, 'python');
    const call = result.calls[0]!;
    const exampleTokens = call.prompts.filter((p) => p.role !== 'system' && !p.templated).reduce((n, p) => n + p.tokens.tokens, 0);
    const d = only(result, 'few-shot-overload')[0]!;
    assert.match(d.message, /^8 few-shot examples/);
    close(d.usdPerMonth, ((exampleTokens * rates('gpt-4o-mini').input * 1000 * 30) / 1e6) * (3 / 8), 'usdPerMonth');
  });
});
