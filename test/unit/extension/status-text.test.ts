import { strict as assert } from 'node:assert';
import { formatCount, formatUsd, formatUsdPerMonth } from '../../../src/engine/format';
import { fileStatusText, fileSummary, selectionStatusText, workspaceSummary } from '../../../src/extension/present/status-text';
import { auditSource, CLAUDE, SUPPORT_BOT, UNKNOWN_MODEL } from './sources';

describe('status bar text', () => {
  it("shows the active file's calls, tokens and $ per request, or $ per month in month mode", async () => {
    const result = await auditSource(SUPPORT_BOT);
    const call = result.calls[0]!;
    const tokens = `${formatCount(call.inputTokens.tokens)}+ tokens`;
    assert.equal(fileStatusText(result, 'request'), `$(symbol-event) 1 call · ${tokens} · ${formatUsd(call.cost!.requestUsd)}/request`);
    assert.equal(fileStatusText(result, 'month'), `$(symbol-event) 1 call · ${tokens} · ${formatUsdPerMonth(call.cost!.monthlyUsd)}`);
  });

  it('marks approximate totals and says "price unknown" when no call has a price', async () => {
    assert.match(fileStatusText(await auditSource(CLAUDE), 'request'), /^\$\(symbol-event\) 1 call · ≈[\d,]+ tokens · \$[\d.]+\/request$/);
    assert.match(fileStatusText(await auditSource(UNKNOWN_MODEL), 'request'), /^\$\(symbol-event\) 1 call · ≈[\d,]+ tokens · price unknown$/);
  });

  it('counts unpriced calls next to the sum of the priced ones', async () => {
    const priced = await auditSource(SUPPORT_BOT);
    const unknown = await auditSource(UNKNOWN_MODEL);
    const text = fileStatusText({ ...priced, calls: [...priced.calls, ...unknown.calls] }, 'request');
    assert.match(text, /^\$\(symbol-event\) 2 calls · ≈[\d,]+\+ tokens · \$[\d.]+\/request · 1 price unknown$/);
  });

  it('says "no LLM calls" for prompts alone and for plain code', async () => {
    const prompts = await auditSource('SUMMARY_PROMPT = "Summarize the text in three bullet points."\nREPLY_PROMPT = "Reply politely and briefly."\n');
    assert.equal(prompts.prompts.length, 2);
    assert.equal(fileStatusText(prompts, 'request'), '$(symbol-event) 2 prompts · no LLM calls');
    assert.equal(fileSummary(prompts, 'request'), '2 prompt constants, no LLM call in this file.');
    const none = await auditSource('x = 1\n');
    assert.equal(fileStatusText(none, 'month'), '$(symbol-event) no LLM calls');
    assert.equal(fileSummary(none, 'month'), 'No LLM call or prompt in this file.');
  });

  it('gives both money figures in the tooltip line, whichever the status bar shows', async () => {
    const result = await auditSource(SUPPORT_BOT);
    const cost = result.calls[0]!.cost!;
    assert.equal(fileSummary(result, 'month'), `This file: 1 call · ${formatUsd(cost.requestUsd)} per request · ${formatUsdPerMonth(cost.monthlyUsd)} (status bar shows per month).`);
  });

  it("shows a selection's tokens and cost on the default model", () => {
    const tokens = { tokens: 1234, accuracy: 'exact' as const, tokenizer: 'o200k_base', lowerBound: false };
    assert.equal(selectionStatusText({ tokens, inputUsd: 0.000185 }, 'gpt-4o-mini'), `$(selection) 1,234 tokens · ${formatUsd(0.000185)} · gpt-4o-mini`);
    assert.equal(selectionStatusText({ tokens: { ...tokens, accuracy: 'approximate' }, inputUsd: null }, 'acme'), '$(selection) ≈1,234 tokens · price unknown · acme');
    assert.equal(selectionStatusText(null, 'gpt-4o-mini'), '$(selection) selection not counted');
  });

  it("puts the last scan's workspace total in the tooltip", () => {
    assert.equal(workspaceSummary(null), null);
    const finishedAt = new Date(2026, 0, 2, 3, 4, 5);
    const totals = { files: 2, calls: 3, prompts: 4, diagnostics: { error: 0, warning: 1, info: 0, hint: 0 }, monthlyUsd: 1234.5, callsPriceUnknown: 1, skipped: 0 };
    assert.equal(workspaceSummary({ totals, finishedAt }), `**Workspace** (scan of ${finishedAt.toLocaleTimeString()}): 3 calls in 2 files · $1,235/month (1 price unknown)`);
    assert.match(workspaceSummary({ totals: { ...totals, monthlyUsd: null, callsPriceUnknown: 0 }, finishedAt })!, /· price unknown$/);
  });
});
