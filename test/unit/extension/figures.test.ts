import { strict as assert } from 'node:assert';
import { formatCount, formatUsd, formatUsdPerMonth } from '../../../src/engine/format';
import {
  callAccuracy,
  callLensTitle,
  constantLensTitle,
  fileTotals,
  isPriced,
  modelLabel,
  plural,
  promptMonthlyUsd,
  promptShare,
  tokensText,
  worst,
} from '../../../src/extension/present/figures';
import { auditSource, CLAUDE, SUPPORT_BOT, UNKNOWN_MODEL } from './sources';

describe('extension figures (CodeLens titles and shared wording)', () => {
  it('titles a call with its tokens, $ per request, $ per month and model, as the engine priced it', async () => {
    const result = await auditSource(SUPPORT_BOT);
    const call = result.calls[0]!;
    const title = callLensTitle(call);
    // The user prompt is an f-string: the count is a lower bound.
    assert.equal(
      title,
      `${formatCount(call.inputTokens.tokens)}+ tokens · ${formatUsd(call.cost!.requestUsd)}/request · ${formatUsdPerMonth(call.cost!.monthlyUsd)} · gpt-4o`,
    );
  });

  it('says "price unknown" (never $0) for a model missing from the catalog', async () => {
    const call = (await auditSource(UNKNOWN_MODEL)).calls[0]!;
    assert.equal(isPriced(call), false);
    const title = callLensTitle(call);
    assert.match(title, / · price unknown · acme-internal-llm-7$/);
    assert.doesNotMatch(title, /\$/);
  });

  it('marks an approximate count (Claude has no published tokenizer) with ≈', async () => {
    const call = (await auditSource(CLAUDE)).calls[0]!;
    assert.equal(callAccuracy(call), 'approximate');
    assert.ok(callLensTitle(call).startsWith('≈ '), callLensTitle(call));
  });

  it('names the default model when the code does not say which model a call uses', async () => {
    const result = await auditSource('from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(messages=[{"role": "user", "content": "Hi"}])\n', 'python', {
      defaultModel: 'gpt-4.1-mini',
    });
    const call = result.calls[0]!;
    assert.equal(call.model, null);
    assert.equal(modelLabel(call), 'gpt-4.1-mini (default model)');
    assert.ok(callLensTitle(call).endsWith(' · gpt-4.1-mini (default model)'));
  });

  it('titles a prompt constant with its tokens and $ per 1,000 uses on the default model', async () => {
    const result = await auditSource(SUPPORT_BOT);
    const constant = result.prompts.find((p) => p.name === 'TRANSLATE_PROMPT')!;
    assert.equal(constantLensTitle(constant, 'gpt-4o-mini'), `${formatCount(constant.tokens.tokens)} tokens · ${formatUsd(constant.costPer1000Usd)} per 1,000 uses · gpt-4o-mini`);
    assert.match(constantLensTitle({ ...constant, costPer1000Usd: null }, 'mystery-model'), /· price unknown · mystery-model$/);
  });

  it('words token counts: singular, plural, lower bound', () => {
    assert.equal(tokensText({ tokens: 1, lowerBound: false }), '1 token');
    assert.equal(tokensText({ tokens: 1234, lowerBound: false }), '1,234 tokens');
    assert.equal(tokensText({ tokens: 1, lowerBound: true }), '1+ tokens');
    assert.equal(plural(1, 'call'), '1 call');
    assert.equal(plural(2500, 'call'), '2,500 calls');
  });

  it('keeps the least trusted accuracy', () => {
    assert.equal(worst(), 'exact');
    assert.equal(worst('exact', 'near-exact'), 'near-exact');
    assert.equal(worst('near-exact', undefined, 'approximate', 'exact'), 'approximate');
  });

  it("splits a call's monthly input cost over its prompts by their share of the input", async () => {
    const call = (await auditSource(SUPPORT_BOT)).calls[0]!;
    const shares = call.prompts.map((p) => promptShare(p, call));
    for (const s of shares) assert.ok(s > 0 && s < 1);
    // The chat framing tokens are in the input but in no prompt.
    assert.ok(shares.reduce((a, b) => a + b, 0) < 1);
    const monthlyInput = call.cost!.monthlyUsd! * (call.cost!.inputUsd! / call.cost!.requestUsd!);
    for (const p of call.prompts) assert.ok(Math.abs(promptMonthlyUsd(p, call)! - monthlyInput * promptShare(p, call)) < 1e-9);
  });

  it('has no monthly figure for a prompt of an unpriced call', async () => {
    const call = (await auditSource(UNKNOWN_MODEL)).calls[0]!;
    assert.equal(promptMonthlyUsd(call.prompts[0]!, call), null);
  });

  it("totals a file's calls, leaving unpriced calls out of the money and counting them", async () => {
    const priced = await auditSource(SUPPORT_BOT);
    const unknown = await auditSource(UNKNOWN_MODEL);
    const both = { ...priced, calls: [...priced.calls, ...unknown.calls] };
    const totals = fileTotals(both);
    assert.equal(totals.calls, 2);
    assert.equal(totals.inputTokens, priced.calls[0]!.inputTokens.tokens + unknown.calls[0]!.inputTokens.tokens);
    assert.equal(totals.requestUsd, priced.calls[0]!.cost!.requestUsd);
    assert.equal(totals.monthlyUsd, priced.calls[0]!.cost!.monthlyUsd);
    assert.equal(totals.callsPriceUnknown, 1);
    assert.equal(totals.lowerBound, true);
    assert.equal(fileTotals(unknown).requestUsd, null, 'no priced call: unknown, not $0');
  });
});
