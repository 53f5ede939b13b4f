import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { closeAllEditors, codeLenses, extensionApi, lineOf, openAudited, resetSettings, setSetting, tokensIn, waitFor } from '../helpers';

describe('status bar', () => {
  afterEach(async () => {
    await resetSettings();
    await closeAllEditors();
  });

  it("shows the active file's calls: count, tokens and $ per request", async () => {
    const { entry } = await openAudited('support_bot.py');
    const api = await extensionApi();
    const text = await waitFor('the status bar to show the file', () => /call/.test(api.statusBar().text) && api.statusBar().text);
    const call = entry.result.calls[0]!;
    assert.match(text, /^\$\(symbol-event\) 1 call · [\d,]+\+? tokens · \$[\d.]+\/request$/);
    assert.equal(tokensIn(text), call.inputTokens.tokens);
    assert.ok(api.statusBar().visible);
  });

  it('switches to $ per month live when the setting changes', async () => {
    await openAudited('support_bot.py');
    const api = await extensionApi();
    await waitFor('per request', () => api.statusBar().text.includes('/request'));
    await setSetting('statusBar.mode', 'month');
    const text = await waitFor('per month', () => api.statusBar().text.includes('/month') && api.statusBar().text);
    assert.doesNotMatch(text, /\/request/);
  });

  it("shows the selection's tokens and cost on the default model", async () => {
    const { document, editor } = await openAudited('prompts_only.py');
    const api = await extensionApi();
    // Select the value of TRANSLATE_PROMPT without its quotes: the same text the constant's CodeLens counts.
    const start = document.getText().indexOf('Translate the');
    const end = document.getText().indexOf('unchanged.') + 'unchanged.'.length;
    editor.selection = new vscode.Selection(document.positionAt(start), document.positionAt(end));
    const text = await waitFor('the selection figure', () => api.statusBar().text.startsWith('$(selection)') && api.statusBar().text);
    assert.match(text, /^\$\(selection\) [\d,]+ tokens · \$[\d.]+ · gpt-4o-mini$/);
    const lens = (await codeLenses(document.uri)).find((l) => l.range.start.line === lineOf(document, 'TRANSLATE_PROMPT ='))!;
    assert.equal(tokensIn(text), tokensIn(lens.command!.title), 'selection count equals the constant count of the same text');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await waitFor('the file figure again', () => !api.statusBar().text.startsWith('$(selection)'));
  });

  it('says "no LLM calls" for code without any', async () => {
    await openAudited('no_llm.py');
    const api = await extensionApi();
    assert.match(await waitFor('no calls', () => api.statusBar().text.includes('no LLM calls') && api.statusBar().text), /no LLM calls/);
  });

  it('says "price unknown" when the model is not in the catalog', async () => {
    await openAudited('unknown_model.py');
    const api = await extensionApi();
    assert.match(await waitFor('price unknown', () => api.statusBar().text.includes('price unknown') && api.statusBar().text), /1 call · [≈~]?[\d,]+ tokens · price unknown/);
  });

  it('hides for documents of other languages', async () => {
    await openAudited('support_bot.py');
    const api = await extensionApi();
    await waitFor('visible', () => api.statusBar().visible);
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'hello' });
    await vscode.window.showTextDocument(document);
    await waitFor('hidden', () => !api.statusBar().visible);
  });

  it('opens the report when clicked', async () => {
    const extension = vscode.extensions.getExtension('prompt-auditor.prompt-auditor')!;
    const commands = (extension.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands.map((c) => c.command);
    assert.ok(commands.includes('promptAuditor.showReport'));
    await openAudited('support_bot.py');
    const api = await extensionApi();
    await waitFor('the item', () => api.statusBar().visible);
    assert.equal(api.statusBar().command, 'promptAuditor.showReport', 'a click runs Show Report');
    assert.match(api.statusBar().tooltip, /\[Show Report\]\(command:promptAuditor\.showReport\)/);
    const report = await vscode.commands.executeCommand<{ calls: unknown[] }>(api.statusBar().command!);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.ok(report && report.calls.length >= 1);
  });
});
