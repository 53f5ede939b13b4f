import * as vscode from 'vscode';
import type { Fix } from '../../engine/model';
import { toRange } from '../convert/ranges';
import { DIAGNOSTIC_SOURCE } from '../diagnostics/diagnostics-publisher';
import type { DocumentIndex } from '../index/document-index';
import type { UiTimings } from '../timing';

/** The engine's fixes as quick fixes on its diagnostics: each fix is a set of text edits, applied as one edit. */
export class FixProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.RefactorRewrite],
  };

  constructor(
    private readonly index: DocumentIndex,
    private readonly timings: UiTimings,
  ) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    return this.timings.measure('codeActions.provide', () => {
      const entry = this.index.get(document.uri);
      if (!entry || entry.version !== document.version) return []; // edits of another version would land in the wrong place
      const actions: vscode.CodeAction[] = [];
      for (const diagnostic of entry.result.diagnostics) {
        if (!toRange(diagnostic.range).intersection(range)) continue;
        const shown = context.diagnostics.find((d) => d.source === DIAGNOSTIC_SOURCE && codeOf(d) === diagnostic.rule && d.range.isEqual(toRange(diagnostic.range)));
        for (const fix of diagnostic.fixes) actions.push(this.toAction(document, fix, shown));
      }
      return actions;
    });
  }

  private toAction(document: vscode.TextDocument, fix: Fix, shown: vscode.Diagnostic | undefined): vscode.CodeAction {
    const action = new vscode.CodeAction(fix.title, fix.kind === 'quickfix' ? vscode.CodeActionKind.QuickFix : vscode.CodeActionKind.RefactorRewrite);
    const edit = new vscode.WorkspaceEdit();
    for (const e of fix.edits) edit.replace(document.uri, toRange(e.range), e.newText);
    action.edit = edit;
    action.isPreferred = fix.safe;
    action.diagnostics = shown ? [shown] : [];
    return action;
  }
}

function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}
