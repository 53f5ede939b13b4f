import { strict as assert } from 'node:assert';
import { closeAllEditors, hoverText, openAudited, positionOf } from '../helpers';

describe('hover on a prompt string', () => {
  afterEach(closeAllEditors);

  it('shows tokens, role, share of the request, $/month, accuracy and tokenizer', async () => {
    const { document, entry } = await openAudited('support_bot.py');
    const text = await hoverText(document.uri, positionOf(document, 'helpful support assistant', 3));
    const prompt = entry.result.calls[0]!.prompts.find((p) => p.name === 'SYSTEM_PROMPT')!;
    assert.match(text, /System prompt `SYSTEM_PROMPT`/);
    assert.match(text, /chat\.completions\.create/);
    assert.match(text, new RegExp(`\\*\\*Tokens:\\*\\* ${prompt.tokens.tokens.toLocaleString('en-US')} tokens \\(exact, \`o200k_base\`\\)`));
    assert.match(text, /\*\*Share of request:\*\* \d+% of [\d,]+ input tokens/);
    assert.match(text, /\*\*Cost:\*\* \$[\d.,]+\/month of the call's \$[\d.,]+\/month · gpt-4o/);
  });

  it('marks a templated prompt as a lower bound', async () => {
    const { document } = await openAudited('support_bot.py');
    const text = await hoverText(document.uri, positionOf(document, 'Customer question', 2));
    assert.match(text, /User prompt/);
    assert.match(text, /lower bound/);
  });

  it('says approximate for a Claude prompt', async () => {
    const { document } = await openAudited('contract_review.py');
    const text = await hoverText(document.uri, positionOf(document, 'review supplier contracts', 2));
    assert.match(text, /approximate/);
    assert.match(text, /claude-3-5-sonnet/);
  });

  it('shows $ per 1,000 uses for a constant no call in the file uses', async () => {
    const { document } = await openAudited('prompts_only.py');
    const text = await hoverText(document.uri, positionOf(document, 'three bullet points', 2));
    assert.match(text, /`SUMMARY_PROMPT`/);
    assert.match(text, /\$[\d.]+ per 1,000 uses as input on gpt-4o-mini/);
  });

  it('counts a Korean prompt with the model family tokenizer', async () => {
    const { document, entry } = await openAudited('shop_assistant_ko.ts');
    const text = await hoverText(document.uri, positionOf(document, '친절한 상담원', 1));
    // The call's prompt is counted with the call's model's tokenizer (Gemini), not the default model's.
    const prompt = entry.result.calls[0]!.prompts.find((p) => p.name === 'SYSTEM_INSTRUCTION')!;
    assert.notEqual(prompt.tokens.tokenizer, entry.result.prompts.find((p) => p.name === 'SYSTEM_INSTRUCTION')?.tokens.tokenizer);
    assert.match(text, new RegExp(`${prompt.tokens.tokens} tokens`));
    assert.ok(text.includes(prompt.tokens.tokenizer), `${prompt.tokens.tokenizer} named in the hover: ${text}`);
  });

  it('stays silent outside prompt strings', async () => {
    const { document } = await openAudited('support_bot.py');
    assert.equal(await hoverText(document.uri, positionOf(document, 'def answer', 1)), '');
    assert.equal(await hoverText(document.uri, positionOf(document, 'response.choices', 2)), '');
  });
});
