import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { closeAllEditors, codeLenses, codeLensTitles, dollars, extensionApi, lineOf, nextUpdate, openAudited, resetSettings, tokensIn } from '../helpers';

describe('CodeLens', () => {
  afterEach(async () => {
    await resetSettings();
    await closeAllEditors();
  });

  it('shows tokens, $/request, $/month and the model above an OpenAI call', async () => {
    const { document, entry } = await openAudited('support_bot.py');
    const call = entry.result.calls[0];
    assert.ok(call, 'the engine found the call');
    const lenses = await codeLenses(document.uri);
    const lens = lenses.find((l) => l.range.start.line === lineOf(document, 'client.chat.completions.create'));
    assert.ok(lens, `a lens on the call's line; got ${lenses.map((l) => `${l.range.start.line}: ${l.command?.title}`).join(' | ')}`);
    const title = lens.command!.title;
    assert.match(title, /^[\d,]+\+? tokens · \$[\d.]+\/request · \$[\d,.]+\/month · gpt-4o$/);
    assert.equal(tokensIn(title), call.inputTokens.tokens);
    assert.ok(Math.abs(dollars(title, '/request') - call.cost!.requestUsd!) / call.cost!.requestUsd! < 0.05, 'per-request figure is the engine cost, rounded');
  });

  it('shows tokens and $ per 1,000 uses on the default model above a prompt constant', async () => {
    const { document, entry } = await openAudited('support_bot.py');
    const constant = entry.result.prompts.find((p) => p.name === 'SYSTEM_PROMPT');
    assert.ok(constant, 'SYSTEM_PROMPT is a prompt constant');
    const lens = (await codeLenses(document.uri)).find((l) => l.range.start.line === lineOf(document, 'SYSTEM_PROMPT ='));
    assert.ok(lens);
    assert.match(lens.command!.title, /^[\d,]+ tokens · \$[\d.]+ per 1,000 uses · gpt-4o-mini$/);
    assert.equal(tokensIn(lens.command!.title), constant.tokens.tokens);
  });

  it('marks approximate figures with ≈ (Claude has no published tokenizer)', async () => {
    const { document, entry } = await openAudited('contract_review.py');
    assert.equal(entry.result.calls[0]?.inputTokens.accuracy, 'approximate');
    const titles = await codeLensTitles(document.uri);
    const callTitle = titles.find((t) => t.includes('claude-3-5-sonnet'));
    assert.ok(callTitle?.startsWith('≈ '), `approximate lens: ${titles.join(' | ')}`);
  });

  it('says "price unknown" for a model missing from the catalog, never $0', async () => {
    const { document } = await openAudited('unknown_model.py');
    const titles = await codeLensTitles(document.uri);
    const callTitle = titles.find((t) => t.includes('acme-internal-llm-7'));
    assert.ok(callTitle, titles.join(' | '));
    assert.match(callTitle, /price unknown/);
    assert.doesNotMatch(callTitle, /\$0\b|\$0\.00\b/);
  });

  it('shows a lower bound for a templated prompt in a JavaScript loop', async () => {
    const { document, entry } = await openAudited('summarize.js');
    assert.equal(entry.result.calls[0]?.inputTokens.lowerBound, true);
    const titles = await codeLensTitles(document.uri);
    assert.ok(titles.some((t) => /^[\d,]+\+ tokens · .* · gpt-4o$/.test(t)), titles.join(' | '));
  });

  it('covers TypeScript, TSX and JSX calls', async () => {
    for (const [file, model] of [
      ['classify.ts', 'gpt-4o-mini'],
      ['widget.tsx', 'gpt-4o-mini'],
      ['chat.jsx', 'claude-3-5-haiku-20241022'],
      ['shop_assistant_ko.ts', 'gemini-2.0-flash'],
    ]) {
      const { document } = await openAudited(file);
      const titles = await codeLensTitles(document.uri);
      assert.ok(titles.some((t) => t.endsWith(` · ${model}`) && /\/request/.test(t)), `${file}: ${titles.join(' | ')}`);
    }
  });

  it('updates the token count after the prompt is edited', async () => {
    const { document, editor, entry } = await openAudited('prompts_only.py');
    const before = entry.result.prompts.find((p) => p.name === 'TRANSLATE_PROMPT')!.tokens.tokens;
    // A fixed target: a late audit of the current version, stored before the edit lands, must not count.
    const edited = document.version + 1;
    const updated = nextUpdate(document.uri, (e) => e.version >= edited);
    const at = document.positionAt(document.getText().indexOf('unchanged.') + 'unchanged.'.length);
    await editor.edit((b) => b.insert(at, ' Preserve the original formatting, line breaks and any code blocks exactly as they are.'));
    await updated;
    const lens = (await codeLenses(document.uri)).find((l) => l.range.start.line === lineOf(document, 'TRANSLATE_PROMPT ='));
    assert.ok(lens);
    assert.ok(tokensIn(lens.command!.title) > before + 10, `${lens.command!.title} (was ${before} tokens)`);
  });

  it('opens the breakdown with each prompt, the output bound and cheaper comparable models', async () => {
    const { document, entry } = await openAudited('support_bot.py');
    const lens = (await codeLenses(document.uri)).find((l) => l.command?.command === 'promptAuditor.showCallBreakdown');
    assert.ok(lens);
    const rows = await vscode.commands.executeCommand<{ label: string; description?: string }[]>(lens.command!.command, ...(lens.command!.arguments ?? []));
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.ok(rows && rows.length > 0);
    const labels = rows.map((r) => `${r.label} ${r.description ?? ''}`);
    const call = entry.result.calls[0]!;
    for (const prompt of call.prompts) assert.ok(labels.some((l) => l.includes(prompt.role)), `${prompt.role} row in ${labels.join(' | ')}`);
    assert.ok(labels.some((l) => l.includes('output bound') && l.includes('300 tokens')), 'max_tokens=300 is the output bound');
    const alternatives = rows.filter((r) => r.label.startsWith('$(arrow-swap)'));
    assert.ok(alternatives.length > 0, 'gpt-4o has cheaper models of its tier in the catalog');
    for (const alt of alternatives) assert.ok(dollars(alt.description!, '/request') < call.cost!.requestUsd!, `${alt.label} is cheaper`);
  });

  it('disappears when CodeLens is toggled off and comes back when toggled on', async () => {
    const { document } = await openAudited('support_bot.py');
    assert.ok((await codeLensTitles(document.uri)).length > 0);
    const api = await extensionApi();
    assert.equal(await vscode.commands.executeCommand('promptAuditor.toggleCodeLens'), false);
    assert.equal(api.settings(document.uri).codeLensEnabled, false);
    assert.deepEqual(await codeLensTitles(document.uri), []);
    assert.equal(await vscode.commands.executeCommand('promptAuditor.toggleCodeLens'), true);
    assert.ok((await codeLensTitles(document.uri)).length > 0);
  });
});
