import * as vscode from 'vscode';

// activate() only wires features together; each feature lives in its own folder under src/extension/.
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Prompt Auditor', { log: true });
  context.subscriptions.push(log);
  log.info('Prompt Auditor activated');
}

export function deactivate(): void {}
