// "Fix all" (source.fixAll.promptAuditor) in the real host: the provider declares the kind, VS Code's own code action
// request and editor.codeActionsOnSave find it, it applies every safe fix in one edit, and one undo restores the file.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { closeAllEditors, codeActions, extensionApi, nextUpdate, openAudited, openAuditedUri, resetSettings, undoUntil, waitFor, workspaceUri, writeFixtures } from '../helpers';
import { FIX_ALL } from '../../shared/llm-sources';

const FIX_ALL_KIND = 'source.fixAll.promptAuditor';
const folder = 'fixall-fixtures';

function wholeDocument(document: vscode.TextDocument): vscode.Range {
  return new vscode.Range(0, 0, document.lineCount, 0);
}

describe('fix all (source.fixAll)', () => {
  let uri: vscode.Uri;
  before(async () => {
    await extensionApi();
    uri = vscode.Uri.joinPath(await writeFixtures(folder, { 'fixall.py': FIX_ALL }), 'fixall.py');
  });
  afterEach(async () => {
    await resetSettings();
    await vscode.workspace.getConfiguration('editor').update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAllEditors();
    await writeFixtures(folder, { 'fixall.py': FIX_ALL });
  });
  after(async () => {
    await vscode.workspace.fs.delete(workspaceUri(folder), { recursive: true, useTrash: false });
  });

  it('is contributed and declared as source.fixAll.promptAuditor', async () => {
    const manifest = vscode.extensions.getExtension('prompt-auditor.prompt-auditor')!.packageJSON as {
      contributes: { codeActions: { languages: string[]; actions: { kind: string; title: string; description?: string }[] }[] };
    };
    const declared = manifest.contributes.codeActions.flatMap((c) => c.actions.map((a) => ({ ...a, languages: c.languages })));
    const fixAll = declared.find((a) => a.kind === FIX_ALL_KIND);
    assert.ok(fixAll?.title && fixAll.description, 'contributes.codeActions names the fix-all kind');
    assert.deepEqual([...fixAll.languages].sort(), ['javascript', 'javascriptreact', 'python', 'typescript', 'typescriptreact']);
    for (const kind of ['quickfix', 'refactor.rewrite']) assert.ok(declared.some((a) => a.kind === kind), kind);
  });

  it('answers a request for source.fixAll with one action that applies every safe fix, and one undo restores the file', async () => {
    const { document, entry } = await openAuditedUri(uri);
    const safe = entry.result.diagnostics.flatMap((d) => d.fixes.filter((f) => f.safe).map((f) => ({ rule: d.rule, fix: f })));
    assert.deepEqual(safe.map((s) => s.rule).sort(), ['bloated-system-prompt', 'cache-opportunity', 'context-overflow'], 'the fixture has three safe fixes');
    const unsafe = entry.result.diagnostics.flatMap((d) => d.fixes.filter((f) => !f.safe));
    assert.ok(unsafe.length >= 4, 'and unsafe ones that must stay out');

    const actions = (await codeActions(uri, wholeDocument(document), 'source.fixAll')).filter((a) => a.kind?.value === FIX_ALL_KIND);
    assert.equal(actions.length, 1, 'exactly one fix-all action');
    const action = actions[0]!;
    assert.equal(action.title, 'Apply 3 safe Prompt Auditor fixes');
    const original = document.getText();
    const version = document.version;
    const reaudited = nextUpdate(uri, (e) => e.version > version);
    assert.equal(await vscode.workspace.applyEdit(action.edit!), true);
    const text = document.getText();
    assert.ok(text.includes('max_tokens=16384,'), 'the cap is the model maximum');
    assert.ok(text.includes('system=[{"type": "text", "text": KB, "cache_control": {"type": "ephemeral"}}],'), 'cache_control added');
    assert.ok(text.includes('STYLE = """Answer in plain English. Keep answers short.'), 'layout-only compression applied');
    assert.ok(!/Answer in plain English\. {2,}/.test(text), 'the runs of spaces are gone');
    // No unsafe fix: ids, ignores and rewording stay as written.
    assert.ok(!text.includes('prompt-audit: ignore'));
    assert.ok(text.includes('model="gpt-4o"') && text.includes('model="claude-3-5-sonnet-latest"'));
    const after = await reaudited;
    assert.deepEqual(after.result.diagnostics.flatMap((d) => d.fixes.filter((f) => f.safe)), [], 'nothing safe is left to fix');
    await undoUntil(document, original);
  });

  it('also answers the broader "source" kind (Source Action… menu), never the lightbulb', async () => {
    const { document } = await openAuditedUri(uri);
    const source = await codeActions(uri, wholeDocument(document), 'source');
    assert.ok(source.some((a) => a.kind?.value === FIX_ALL_KIND));
    const unasked = await codeActions(uri, new vscode.Range(0, 0, 0, 0));
    assert.ok(!unasked.some((a) => a.kind?.value.startsWith('source')), unasked.map((a) => a.title).join(' | '));
  });

  it('offers nothing on a file without safe fixes', async () => {
    const { document } = await openAudited('support_bot.py');
    const actions = await codeActions(document.uri, wholeDocument(document), 'source.fixAll');
    assert.ok(!actions.some((a) => a.kind?.value === FIX_ALL_KIND), actions.map((a) => a.title).join(' | '));
  });

  it('runs on save through editor.codeActionsOnSave, right after an edit (no waiting for the debounce)', async () => {
    await vscode.workspace.getConfiguration('editor').update('codeActionsOnSave', { [FIX_ALL_KIND]: 'explicit' }, vscode.ConfigurationTarget.Workspace);
    const { document, editor } = await openAuditedUri(uri);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# edited just before saving\n'));
    await vscode.commands.executeCommand('workbench.action.files.save');
    await waitFor('the save to finish', () => !document.isDirty);
    const text = document.getText();
    assert.ok(text.startsWith('# edited just before saving\n'));
    assert.ok(text.includes('max_tokens=16384,') && text.includes('"cache_control": {"type": "ephemeral"}'), 'the safe fixes were applied by the save');
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.equal(onDisk, text, 'and saved');
  });
});
