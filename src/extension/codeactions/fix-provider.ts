import * as vscode from 'vscode';
import type { Fix } from '../../engine/model';
import { COMMAND } from '../commands/ids';
import { toRange, toWorkspaceEdit } from '../convert/ranges';
import { DIAGNOSTIC_SOURCE } from '../diagnostics/diagnostics-publisher';
import type { DocumentIndex } from '../index/document-index';
import { needsPreview } from '../preview/preview-text';
import type { UiTimings } from '../timing';
import { diagnosticsAt } from './fix-plan';

/**
 * The engine's fixes as quick fixes (and refactors) on its diagnostics. A fix is a set of text edits applied as one
 * edit; a fix that rewrites a prompt's wording (it carries a diff) runs the preview command instead, so the user sees
 * the diff and the figures before anything changes.
 */
export class FixProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.RefactorRewrite],
  };

  constructor(
    private readonly index: DocumentIndex,
    private readonly timings: UiTimings,
  ) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    return this.timings.provide('codeActions.provide', [], () => {
      const only = context.only;
      if (only && !FixProvider.metadata.providedCodeActionKinds!.some((kind) => only.contains(kind))) return [];
      const entry = this.index.get(document.uri);
      if (!entry || entry.version !== document.version) return []; // edits of another version would land in the wrong place
      const span = { startOffset: document.offsetAt(range.start), endOffset: document.offsetAt(range.end) };
      const actions: vscode.CodeAction[] = [];
      for (const diagnostic of diagnosticsAt(entry.result.diagnostics, span)) {
        const shown = context.diagnostics.find((d) => d.source === DIAGNOSTIC_SOURCE && codeOf(d) === diagnostic.rule && d.range.isEqual(toRange(diagnostic.range)));
        for (const fix of diagnostic.fixes) actions.push(this.toAction(document, fix, shown));
      }
      return actions;
    });
  }

  private toAction(document: vscode.TextDocument, fix: Fix, shown: vscode.Diagnostic | undefined): vscode.CodeAction {
    const action = new vscode.CodeAction(fix.title, fix.kind === 'quickfix' ? vscode.CodeActionKind.QuickFix : vscode.CodeActionKind.RefactorRewrite);
    if (needsPreview(fix)) {
      action.command = { command: COMMAND.previewFix, title: fix.title, tooltip: 'Shows the change as a diff before applying it', arguments: [document.uri, document.version, fix] };
    } else action.edit = toWorkspaceEdit(document.uri, fix.edits);
    action.isPreferred = fix.safe;
    action.diagnostics = shown ? [shown] : [];
    return action;
  }
}

function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}
