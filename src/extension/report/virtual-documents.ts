import * as vscode from 'vscode';

export const VIRTUAL_SCHEME = 'prompt-auditor';

/** Read-only documents the extension writes (price catalog, fix previews): no "save changes?" prompt when closed. */
export class VirtualDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;

  /** Sets a document's text and returns its uri (open it with openTextDocument). */
  set(path: string, content: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: VIRTUAL_SCHEME, path });
    this.contents.set(uri.toString(), content);
    this.emitter.fire(uri);
    return uri;
  }

  /** Forgets a document's text (it reads as empty if reopened). */
  delete(uri: vscode.Uri): void {
    this.contents.delete(uri.toString());
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
