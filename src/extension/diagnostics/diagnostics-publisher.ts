import * as vscode from 'vscode';
import type { Diagnostic, Severity } from '../../engine/model';
import { toRange } from '../convert/ranges';
import type { DocumentIndex } from '../index/document-index';
import type { UiTimings } from '../timing';
import { docsUri } from './docs-link';

export const DIAGNOSTIC_SOURCE = 'Prompt Auditor';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** The engine's diagnostic as VS Code shows it; the code links to the rule's page. */
export function toVsDiagnostic(diagnostic: Diagnostic, extensionUri: vscode.Uri): vscode.Diagnostic {
  const result = new vscode.Diagnostic(toRange(diagnostic.range), diagnostic.message, SEVERITY[diagnostic.severity]);
  result.source = DIAGNOSTIC_SOURCE;
  result.code = { value: diagnostic.rule, target: docsUri(diagnostic, extensionUri) };
  return result;
}

/** Publishes every indexed document's diagnostics in the extension's own collection. */
export class DiagnosticsPublisher implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('prompt-auditor');
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly index: DocumentIndex,
    private readonly extensionUri: vscode.Uri,
    private readonly timings: UiTimings,
  ) {
    this.subscription = index.onDidUpdate((uri) => this.timings.handle('diagnostics.publish', () => this.publish(uri)));
  }

  publish(uri: vscode.Uri): void {
    const entry = this.index.get(uri);
    if (!entry) {
      this.collection.delete(uri);
      return;
    }
    this.collection.set(
      uri,
      entry.result.diagnostics.map((d) => toVsDiagnostic(d, this.extensionUri)),
    );
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}
