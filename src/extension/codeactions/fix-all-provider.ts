import * as vscode from 'vscode';
import { toWorkspaceEdit } from '../convert/ranges';
import type { DocumentIndex, IndexEntry } from '../index/document-index';
import { describeError, type Log } from '../log';
import type { UiTimings } from '../timing';
import { fixAllTitle, planFixAll } from './fix-plan';

/** `source.fixAll.promptAuditor`: what `editor.codeActionsOnSave` and "Fix All" / "Source Action…" ask for. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('promptAuditor');

/**
 * One source action that applies every `safe` fix of the file (the engine marks as safe what cannot change what a
 * prompt asks: a cap to the model's maximum, cache_control, layout-only compression) as one edit, one undo step.
 * Only offered when asked for by kind; on a file edited since its last audit it waits for the audit of this version.
 */
export class FixAllProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [FIX_ALL_KIND] };

  constructor(
    private readonly index: DocumentIndex,
    private readonly log: Log,
    private readonly timings: UiTimings,
  ) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    if (!context.only?.contains(FIX_ALL_KIND)) return []; // source actions are never shown unasked
    let entry: IndexEntry | undefined = this.index.get(document.uri);
    if (!entry || entry.version !== document.version) {
      try {
        entry = await this.index.whenAnalyzed(document);
      } catch (err) {
        this.log.warn(`Fix all: ${document.uri.fsPath} could not be audited: ${describeError(err)}`);
        return [];
      }
    }
    const current = entry;
    if (token.isCancellationRequested || current.version !== document.version) return [];
    return this.timings.provide('codeActions.fixAll', [], () => {
      const plan = planFixAll(current.result.diagnostics);
      if (plan.fixes.length === 0) return [];
      const action = new vscode.CodeAction(fixAllTitle(plan), FIX_ALL_KIND);
      action.edit = toWorkspaceEdit(document.uri, plan.edits);
      return [action];
    });
  }
}
