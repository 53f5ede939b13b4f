import { strict as assert } from 'node:assert';
import { formatCount, formatUsd } from '../../../src/engine/format';
import { findPromptAt, hoverMarkdown, rangeContains, targetRange } from '../../../src/extension/present/hover-markdown';
import { auditSource, CLAUDE, offsetOf, SUPPORT_BOT } from './sources';

describe('prompt hover (pure part)', () => {
  it('finds the prompt literal under the cursor, in a call and through a constant', async () => {
    const result = await auditSource(SUPPORT_BOT);
    const inSystem = findPromptAt(result, offsetOf(SUPPORT_BOT, 'helpful support assistant', 3));
    assert.equal(inSystem?.kind, 'call-prompt');
    assert.equal(inSystem.kind === 'call-prompt' && inSystem.prompt.name, 'SYSTEM_PROMPT');
    assert.ok(inSystem.literal, 'the literal itself, the tightest match');
    const range = targetRange(inSystem);
    assert.ok(rangeContains(range, offsetOf(SUPPORT_BOT, 'helpful support assistant')));
    assert.equal(SUPPORT_BOT.slice(range.startOffset, range.startOffset + 3), '"""');

    const atArgument = findPromptAt(result, offsetOf(SUPPORT_BOT, '"content": SYSTEM_PROMPT}', 13));
    assert.equal(atArgument?.kind, 'call-prompt', 'the expression that supplies the prompt at the call');
    assert.equal(atArgument.literal, null);

    const unused = findPromptAt(result, offsetOf(SUPPORT_BOT, 'TRANSLATE_PROMPT =', 2));
    assert.equal(unused?.kind, 'constant');
    assert.deepEqual(unused.kind === 'constant' && unused.usedBy, []);
  });

  it('finds nothing outside prompts', async () => {
    const result = await auditSource(SUPPORT_BOT);
    assert.equal(findPromptAt(result, offsetOf(SUPPORT_BOT, 'def answer', 2)), null);
    assert.equal(findPromptAt(result, offsetOf(SUPPORT_BOT, 'response.choices', 3)), null);
  });

  it('shows tokens, role, share of the request, $ per month, accuracy and tokenizer', async () => {
    const result = await auditSource(SUPPORT_BOT);
    const target = findPromptAt(result, offsetOf(SUPPORT_BOT, 'helpful support assistant'))!;
    assert.equal(target.kind, 'call-prompt');
    const { prompt, call } = target as Extract<typeof target, { kind: 'call-prompt' }>;
    const markdown = hoverMarkdown(target, 'gpt-4o-mini');
    const lines = markdown.split('\n').filter(Boolean);
    assert.equal(lines[0], '**Prompt Auditor** · System prompt `SYSTEM_PROMPT` · `chat.completions.create`');
    assert.equal(lines[1], `**Tokens:** ${formatCount(prompt.tokens.tokens)} tokens (exact, \`${prompt.tokens.tokenizer}\`)`);
    assert.equal(lines[2], `**Share of request:** ${Math.round((prompt.tokens.tokens / call.inputTokens.tokens) * 100)}% of ${formatCount(call.inputTokens.tokens)} input tokens`);
    assert.match(lines[3]!, /^\*\*Cost:\*\* \$[\d.,]+\/month of the call's \$[\d.,]+\/month · gpt-4o · 1,000 requests\/day$/);
  });

  it('says a templated prompt is a lower bound, and a Claude count is approximate', async () => {
    const result = await auditSource(SUPPORT_BOT);
    const user = hoverMarkdown(findPromptAt(result, offsetOf(SUPPORT_BOT, 'Customer question', 2))!, 'gpt-4o-mini');
    assert.match(user, /User prompt/);
    assert.match(user, /\+ tokens .* — a lower bound: placeholders are filled at run time/);
    const claude = await auditSource(CLAUDE);
    const text = hoverMarkdown(findPromptAt(claude, offsetOf(CLAUDE, 'risky clauses', 2))!, 'gpt-4o-mini');
    assert.match(text, /\(approximate, `[^`]+`\)/);
    assert.match(text, /claude-3-5-sonnet-latest/);
  });

  it("prices a constant no call uses at 1,000 uses on the default model", async () => {
    const result = await auditSource(SUPPORT_BOT);
    const constant = result.prompts.find((p) => p.name === 'TRANSLATE_PROMPT')!;
    const markdown = hoverMarkdown(findPromptAt(result, constant.nameRange.startOffset)!, 'gpt-4o-mini');
    assert.ok(markdown.startsWith('**Prompt Auditor** · User prompt `TRANSLATE_PROMPT`'), markdown);
    assert.ok(markdown.includes(`**Cost:** ${formatUsd(constant.costPer1000Usd)} per 1,000 uses as input on gpt-4o-mini (the default model)`), markdown);
  });

  it('lists each call that sends a constant, with its own tokenizer count', async () => {
    const result = await auditSource(SUPPORT_BOT);
    const constant = result.prompts.find((p) => p.name === 'SYSTEM_PROMPT')!;
    const target = findPromptAt(result, constant.nameRange.startOffset)!;
    assert.equal(target.kind, 'constant');
    const markdown = hoverMarkdown(target, 'gpt-4o-mini');
    assert.match(markdown, new RegExp(`Used by \`chat\\.completions\\.create\` on line ${result.calls[0]!.nameRange.start.line + 1}:`));
  });
});
