// "Compress prompt" shows what it does before anything is applied: a diff of the file before and after, the tokens
// before and after and the $ per month saved in the diff's title and in the question; Apply writes it as one undoable
// edit. The tests answer the question through the same command the diff editor's ✓ button runs.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { formatCount, formatUsdPerMonth } from '../../../src/engine/format';
import type { Fix } from '../../../src/engine/model';
import type { FixPreviewShown } from '../../../src/extension/preview/fix-previews';
import { closeAllEditors, codeActions, extensionApi, openAuditedUri, undoUntil, waitFor, workspaceUri, writeFixtures } from '../helpers';
import { WORDY } from '../../shared/llm-sources';

const folder = 'preview-fixtures';

/** The "Compress prompt" code action on the bloated-system-prompt diagnostic, and the engine fix behind it. */
async function compressAction(): Promise<{ document: vscode.TextDocument; action: vscode.CodeAction; fix: Fix }> {
  const { document, entry } = await openAuditedUri(vscode.Uri.joinPath(workspaceUri(folder), 'support.py'));
  const diagnostic = entry.result.diagnostics.find((d) => d.rule === 'bloated-system-prompt');
  assert.ok(diagnostic, entry.result.diagnostics.map((d) => d.rule).join(', '));
  const fix = diagnostic.fixes.find((f) => f.title.startsWith('Compress prompt'));
  assert.ok(fix?.preview?.diff, 'the engine gives the fix a diff');
  const range = new vscode.Range(diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.line, diagnostic.range.end.character);
  const action = (await codeActions(document.uri, range)).find((a) => a.title === fix.title);
  assert.ok(action, 'VS Code offers the fix');
  return { document, action, fix };
}

async function openPreview(action: vscode.CodeAction): Promise<FixPreviewShown> {
  assert.ok(action.command, 'the action runs a command');
  const shown = await vscode.commands.executeCommand<FixPreviewShown>(action.command.command, ...(action.command.arguments ?? []));
  assert.ok(shown, 'a preview opened');
  return shown;
}

function activeDiff(): vscode.TabInputTextDiff | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputTextDiff ? input : undefined;
}

describe('compress prompt: preview before applying', () => {
  before(async () => {
    await extensionApi();
    await writeFixtures(folder, { 'support.py': WORDY });
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('promptAuditor.discardFixPreview');
    await closeAllEditors();
    await writeFixtures(folder, { 'support.py': WORDY });
  });
  after(() => vscode.workspace.fs.delete(workspaceUri(folder), { recursive: true, useTrash: false }));

  it('is a quick fix that runs the preview command instead of carrying an edit', async () => {
    const { action } = await compressAction();
    assert.equal(action.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.equal(action.edit, undefined, 'nothing is applied by choosing it');
    assert.equal(action.command?.command, 'promptAuditor.previewFix');
  });

  it('shows the diff, the tokens before and after and the $/month saved, then applies as one undoable edit', async () => {
    const { document, action, fix } = await compressAction();
    const original = document.getText();
    const shown = await openPreview(action);
    const figures = `${formatCount(fix.preview!.tokensBefore!)} → ${formatCount(fix.preview!.tokensAfter!)} tokens, saves ${formatUsdPerMonth(fix.preview!.usdPerMonthSaved)}`;
    assert.ok(fix.preview!.tokensAfter! < fix.preview!.tokensBefore!);
    assert.equal(shown.message, `Apply: ${figures}`);
    assert.equal(shown.title, `support.py: Compress prompt (preview) — ${figures}`);
    const diff = await waitFor('the diff editor', activeDiff);
    assert.equal(diff.original.toString(), shown.before.toString());
    assert.equal(diff.modified.toString(), shown.after.toString());
    assert.equal(vscode.window.tabGroups.activeTabGroup.activeTab?.label, shown.title);
    const before = (await vscode.workspace.openTextDocument(shown.before)).getText();
    const after = (await vscode.workspace.openTextDocument(shown.after)).getText();
    assert.equal(before, original, 'left: the file as it is');
    assert.ok(!after.includes('highly sophisticated') && after.includes('{"role": "system", "content": SYSTEM_PROMPT}'), 'right: the prompt compressed, the call untouched');
    assert.equal(document.getText(), original, 'nothing applied yet');
    assert.equal(document.isDirty, false);
    assert.deepEqual((await extensionApi()).fixPreview()?.title, shown.title);

    assert.equal(await vscode.commands.executeCommand('promptAuditor.applyFixPreview'), true);
    assert.equal(document.getText(), after, 'the file is what the preview showed');
    await waitFor('the diff to close', () => !vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputTextDiff)));
    assert.equal((await extensionApi()).fixPreview(), null);
    await undoUntil(document, original);
  });

  it('Discard closes the diff and leaves the file as it was', async () => {
    const { document, action } = await compressAction();
    const original = document.getText();
    await openPreview(action);
    await waitFor('the diff editor', activeDiff);
    assert.equal(await vscode.commands.executeCommand('promptAuditor.discardFixPreview'), true);
    await waitFor('the diff to close', () => !activeDiff());
    assert.equal(document.getText(), original);
    assert.equal(await vscode.commands.executeCommand('promptAuditor.applyFixPreview'), false, 'nothing left to apply');
    assert.equal(document.getText(), original);
  });

  it('closing the diff editor discards the preview', async () => {
    const { document, action } = await compressAction();
    const original = document.getText();
    await openPreview(action);
    await waitFor('the diff editor', activeDiff);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await waitFor('the preview to be discarded', async () => (await extensionApi()).fixPreview() === null);
    assert.equal(await vscode.commands.executeCommand('promptAuditor.applyFixPreview'), false);
    assert.equal(document.getText(), original);
  });

  it('does not apply a preview of a version the file has moved on from', async () => {
    const { document, action } = await compressAction();
    await openPreview(action);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(0, 0), '# edited after the preview\n');
    await vscode.workspace.applyEdit(edit);
    const edited = document.getText();
    assert.equal(await vscode.commands.executeCommand('promptAuditor.applyFixPreview'), false);
    assert.equal(document.getText(), edited, 'only the user edit is there');
    assert.ok(edited.includes('highly sophisticated'));
  });
});
