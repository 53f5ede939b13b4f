import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { closeAllEditors, extensionApi, openAudited, resetSettings, setSetting, waitFor } from '../helpers';

function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Prompt Auditor');
}

const SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

describe('diagnostics', () => {
  afterEach(async () => {
    await resetSettings();
    await closeAllEditors();
  });

  it("publish every finding of the engine's rules in the extension's own collection", async () => {
    const { document, entry } = await openAudited('examples/contract_review.py');
    assert.ok(entry.result.diagnostics.length > 0, 'the example was written to trigger rules');
    const shown = await waitFor('diagnostics', () => ourDiagnostics(document.uri).length === entry.result.diagnostics.length && ourDiagnostics(document.uri));
    for (const finding of entry.result.diagnostics) {
      const match = shown.find((d) => (typeof d.code === 'object' ? d.code.value : d.code) === finding.rule && d.range.start.line === finding.range.start.line);
      assert.ok(match, `${finding.rule} on line ${finding.range.start.line + 1}`);
      assert.equal(match.message, finding.message);
      assert.equal(match.severity, SEVERITY[finding.severity]);
    }
  });

  it("link each code to the rule's page shipped with the extension", async () => {
    const { document } = await openAudited('examples/contract_review.py');
    const shown = await waitFor('diagnostics', () => ourDiagnostics(document.uri).length > 0 && ourDiagnostics(document.uri));
    for (const d of shown) {
      assert.ok(typeof d.code === 'object', 'code carries a link');
      const { value, target } = d.code as { value: string; target: vscode.Uri };
      assert.ok(target.path.endsWith(`/docs/rules/${value}.md`), target.toString());
      const page = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.ok(page.length > 100, `${value}.md has content`);
    }
  });

  it('follow rule settings live: a disabled rule disappears, a severity changes', async () => {
    const { document, entry } = await openAudited('examples/contract_review.py');
    const api = await extensionApi();
    const [first] = entry.result.diagnostics;
    assert.ok(first);
    await setSetting('rules', { [first.rule]: { enabled: false } });
    const without = await api.whenAnalyzed(document);
    assert.ok(!without.result.diagnostics.some((d) => d.rule === first.rule));
    await waitFor('the diagnostic to go', () => !ourDiagnostics(document.uri).some((d) => (d.code as { value: string }).value === first.rule));
    await setSetting('rules', { [first.rule]: { severity: 'error' } });
    const raised = await api.whenAnalyzed(document);
    assert.equal(raised.result.diagnostics.find((d) => d.rule === first.rule)?.severity, 'error');
    await waitFor('the error', () => ourDiagnostics(document.uri).some((d) => d.severity === vscode.DiagnosticSeverity.Error));
  });

  it('are removed when the document closes', async () => {
    const api = await extensionApi();
    const document = await vscode.workspace.openTextDocument({
      language: 'python',
      content: 'from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", max_tokens=16000, messages=[{"role": "user", "content": "Say yes or no."}])\n',
    });
    await vscode.window.showTextDocument(document);
    const entry = await api.whenAnalyzed(document);
    assert.ok(entry.result.diagnostics.length > 0, 'a 16,000-token cap for a yes/no answer is flagged');
    await waitFor('diagnostics', () => ourDiagnostics(document.uri).length > 0);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor('cleared', () => ourDiagnostics(document.uri).length === 0);
  });
});
