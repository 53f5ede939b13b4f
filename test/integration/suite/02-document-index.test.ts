import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { closeAllEditors, extensionApi, nextUpdate, openAudited, resetSettings, setSetting, workspaceUri } from '../helpers';

describe('document index', () => {
  afterEach(async () => {
    await resetSettings();
    await closeAllEditors();
  });

  it('audits each supported language when its file opens', async () => {
    for (const [file, language] of [
      ['support_bot.py', 'python'],
      ['classify.ts', 'typescript'],
      ['widget.tsx', 'typescriptreact'],
      ['summarize.js', 'javascript'],
      ['chat.jsx', 'javascriptreact'],
    ] as const) {
      const { document, entry } = await openAudited(file);
      assert.equal(document.languageId, language, file);
      assert.equal(entry.result.language, language, file);
      assert.equal(entry.version, document.version, file);
      assert.equal(entry.skippedTooLarge, false);
    }
  });

  it('ignores documents of other languages', async () => {
    const api = await extensionApi();
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# not code' });
    await vscode.window.showTextDocument(document);
    await assert.rejects(api.whenAnalyzed(document), /not a python/);
    assert.equal(api.result(document.uri), undefined);
  });

  it('re-audits after an edit, once typing pauses (debounced)', async () => {
    const { document, editor } = await openAudited('no_llm.py');
    const api = await extensionApi();
    const before = document.version;
    const updated = nextUpdate(document.uri, (e) => e.version > before);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# one\n'));
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# two\n'));
    const entry = await updated;
    assert.equal(entry.version, before + 2, 'no audit of the intermediate version: the burst was debounced into one');
    assert.equal(api.result(document.uri)?.version, document.version);
  });

  it('keeps the worker copy in step across many small edits (incremental sync)', async () => {
    const { document, editor } = await openAudited('broken.py');
    const api = await extensionApi();
    const before = (await api.whenAnalyzed(document)).result.syntaxErrors;
    for (let i = 0; i < 20; i++) await editor.edit((b) => b.insert(document.lineAt(document.lineCount - 1).range.end, ' '));
    const after = await api.whenAnalyzed(document);
    assert.equal(after.version, document.version);
    assert.equal(after.result.syntaxErrors, before, 'whitespace at the end changes nothing the engine sees');
  });

  it('uses the debounce setting live', async () => {
    await setSetting('debounceMs', 1500);
    const { document, editor } = await openAudited('no_llm.py');
    const api = await extensionApi();
    assert.equal(api.settings(document.uri).debounceMs, 1500);
    const editedAt = Date.now();
    const version = document.version + 1;
    const updated = nextUpdate(document.uri, (e) => e.version >= version);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# slow\n'));
    assert.equal(document.version, version);
    await updated;
    assert.ok(Date.now() - editedAt >= 1400, `re-audited after ${Date.now() - editedAt} ms, not before the debounce`);
  });

  it('audits at once on save without waiting for the debounce', async () => {
    await setSetting('debounceMs', 10_000);
    const { document, editor } = await openAudited('no_llm.py');
    const target = document.version + 1;
    const updated = nextUpdate(document.uri, (e) => e.version >= target);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# saved\n'));
    const savedAt = Date.now();
    await document.save();
    const entry = await updated;
    assert.ok(Date.now() - savedAt < 8_000, 'the save triggered the audit, not the 10 s debounce');
    assert.equal(entry.version, document.version);
  });

  it('skips a file over the size limit with a note instead of auditing it', async () => {
    await setSetting('maxFileSize', 1000);
    const uri = workspaceUri('big_generated.py');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(`DATA = "${'x'.repeat(5000)}"\n`));
    const { entry } = await openAudited('big_generated.py');
    assert.equal(entry.skippedTooLarge, true);
    assert.match(entry.result.notes.join(' '), /over the size limit/);
    const api = await extensionApi();
    assert.match(api.statusBar().text, /file too large/);
  });

  it('audits the same file again once the size limit is raised', async () => {
    await setSetting('maxFileSize', 1000);
    const { document, entry } = await openAudited('big_generated.py');
    assert.equal(entry.skippedTooLarge, true);
    await setSetting('maxFileSize', 100_000);
    const after = await (await extensionApi()).whenAnalyzed(document);
    assert.equal(after.skippedTooLarge, false);
    assert.equal(after.result.notes.length, 0);
  });

  it('survives binary-looking and unparsable text', async () => {
    const api = await extensionApi();
    const document = await vscode.workspace.openTextDocument({ language: 'python', content: '\u0000\u0001\u0002 def (((( """ \uFFFD'.repeat(200) });
    const entry = await api.whenAnalyzed(document);
    assert.equal(entry.result.calls.length, 0);
    assert.ok(entry.result.syntaxErrors >= 0);
  });

  it('recovers when the audit worker dies: documents are re-sent and audited again', async () => {
    const { document, editor, entry } = await openAudited('support_bot.py');
    const api = await extensionApi();
    const before = entry.result.calls[0]!.inputTokens.tokens;
    const reaudited = nextUpdate(document.uri, (e) => e.version === document.version);
    await api.restartEngine();
    const after = await reaudited;
    assert.equal(after.result.calls[0]?.inputTokens.tokens, before, 'the new worker audits the same text the same way');
    // Edits after the restart reach the new worker too (it got the whole text, then the edit).
    const target = document.version + 1;
    const edited = nextUpdate(document.uri, (e) => e.version >= target);
    await editor.edit((b) => b.insert(document.positionAt(document.getText().indexOf('Never reveal')), 'Always answer in English. '));
    assert.ok((await edited).result.calls[0]!.inputTokens.tokens > before);
  });

  it('forgets a document when it closes', async () => {
    const api = await extensionApi();
    const document = await vscode.workspace.openTextDocument({ language: 'javascript', content: 'const a = 1;\n' });
    await api.whenAnalyzed(document);
    assert.ok(api.result(document.uri));
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(api.result(document.uri), undefined);
  });
});
