import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { WorkspaceScanResult } from '../../../src/extension/workspace/workspace-scan';
import type { Report } from '../../../src/extension/report/report-model';
import { closeAllEditors, extensionApi, openAudited, resetSettings, waitFor } from '../helpers';

describe('commands', () => {
  afterEach(async () => {
    await resetSettings();
    await closeAllEditors();
  });

  it('are contributed under the "Prompt Auditor" category and registered', async () => {
    const manifest = vscode.extensions.getExtension('prompt-auditor.prompt-auditor')!.packageJSON as { contributes: { commands: { command: string; category?: string }[] } };
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const c of manifest.contributes.commands) {
      assert.equal(c.category, 'Prompt Auditor', c.command);
      assert.ok(registered.has(c.command), `${c.command} is registered`);
    }
    for (const wanted of ['showReport', 'scanWorkspace', 'toggleCodeLens', 'chooseDefaultModel', 'showPriceCatalog']) {
      assert.ok(manifest.contributes.commands.some((c) => c.command === `promptAuditor.${wanted}`), wanted);
    }
  });

  it('Scan Workspace audits every supported file, like `prompt-audit scan`', async () => {
    await extensionApi();
    const scan = await vscode.commands.executeCommand<WorkspaceScanResult>('promptAuditor.scanWorkspace');
    assert.ok(scan && !scan.cancelled);
    const supported = await vscode.workspace.findFiles('**/*.{py,ts,tsx,js,jsx,mjs,cjs}', '**/node_modules/**');
    assert.equal(scan.files.length + scan.skipped.length, supported.length, `${scan.files.map((f) => f.path).join(', ')} + ${scan.skipped.map((s) => s.path).join(', ')}`);
    const calls = scan.files.reduce((n, f) => n + f.result.calls.length, 0);
    assert.equal(scan.totals.calls, calls);
    assert.ok(calls >= 8, `the fixtures hold at least 8 calls (got ${calls})`);
    assert.ok(scan.totals.monthlyUsd && scan.totals.monthlyUsd > 0);
  });

  it('puts the workspace total of the last scan in the status bar tooltip', async () => {
    await openAudited('support_bot.py');
    const api = await extensionApi();
    const scan = await vscode.commands.executeCommand<WorkspaceScanResult>('promptAuditor.scanWorkspace');
    const tooltip = await waitFor('the workspace total', () => api.statusBar().tooltip.includes('**Workspace** (scan') && api.statusBar().tooltip);
    assert.match(tooltip, new RegExp(`${scan!.totals.calls} calls in ${scan!.files.length} files`));
    assert.strictEqual(api.lastScan(), scan, 'the API exposes the same scan');
  });

  it('Show Report lists every call, most expensive first', async () => {
    await vscode.commands.executeCommand('promptAuditor.scanWorkspace');
    const report = await vscode.commands.executeCommand<Report>('promptAuditor.showReport');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.ok(report && report.calls.length >= 8);
    const monthly = report.calls.map((c) => c.call.cost?.monthlyUsd ?? -1);
    assert.deepEqual(monthly, [...monthly].sort((a, b) => b - a));
    assert.ok(report.calls.some((c) => c.call.cost?.monthlyUsd == null), 'the unknown-price call is listed too');
  });

  it('Choose Default Model sets the setting (with a model id argument)', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('promptAuditor.chooseDefaultModel', 'claude-3-5-haiku-20241022');
    await waitFor('the new default model', () => api.settings().audit.defaultModel === 'claude-3-5-haiku-20241022');
  });

  it('Choose Default Model without an argument offers the catalog in a quick pick', async () => {
    await extensionApi();
    const result = await vscode.commands.executeCommand('promptAuditor.chooseDefaultModel');
    assert.equal(result, undefined, 'returns without waiting for the pick');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  it('Show Price Catalog Info opens the catalog with its date, source and models', async () => {
    await extensionApi();
    const catalog = await vscode.commands.executeCommand<{ catalogDate: string; models: { id: string }[] }>('promptAuditor.showPriceCatalog');
    assert.ok(catalog && catalog.models.length > 100);
    const editor = await waitFor('the catalog document', () => vscode.window.activeTextEditor?.document.uri.scheme === 'prompt-auditor' && vscode.window.activeTextEditor);
    const text = editor.document.getText();
    assert.ok(text.includes(catalog.catalogDate));
    assert.ok(text.includes('| gpt-4o |'));
    assert.equal(editor.document.languageId, 'markdown');
  });

  it('logs a failing command to the output channel instead of throwing', async () => {
    const api = await extensionApi();
    const missing = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'no-such-dir', 'nowhere.py');
    const result = await vscode.commands.executeCommand('promptAuditor.showCallBreakdown', missing);
    assert.equal(result, undefined, 'the command resolves, it does not reject');
    const logged = api.loggedErrors().find((e) => e.includes('Command promptAuditor.showCallBreakdown failed') && e.includes('nowhere.py'));
    assert.ok(logged, api.loggedErrors().join('\n'));
  });

  it('Show Log opens the output channel without errors', async () => {
    const api = await extensionApi();
    const before = api.loggedErrors().length;
    await vscode.commands.executeCommand('promptAuditor.showLog');
    assert.deepEqual(api.loggedErrors().slice(before), [], 'Show Log logs no error');
  });
});
