import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';

describe('extension host', () => {
  it('runs inside a real VS Code with the extension installed', () => {
    assert.match(vscode.version, /^1\.\d+\.\d+/);
    const ext = vscode.extensions.getExtension('prompt-auditor.prompt-auditor');
    assert.ok(ext, 'extension prompt-auditor.prompt-auditor is loaded');
  });
});
