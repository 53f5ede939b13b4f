import * as vscode from 'vscode';
import { toRange } from '../convert/ranges';
import { breakdownRows, type BreakdownRow } from '../present/breakdown';
import { callLensTitle } from '../present/figures';
import type { Services } from '../services';

/** CodeLens click on a call: a quick pick with the breakdown; picking a row reveals its source. Returns the rows. */
export function createShowCallBreakdown(services: Services) {
  return async (uri?: vscode.Uri, callIndex?: number): Promise<BreakdownRow[] | undefined> => {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!target) return undefined;
    const document = await vscode.workspace.openTextDocument(target);
    const entry = await services.index.whenAnalyzed(document);
    const calls = entry.result.calls;
    const cursorLine = vscode.window.activeTextEditor?.selection.active.line ?? 0;
    const call = callIndex !== undefined ? calls[callIndex] : calls.find((c) => c.range.start.line <= cursorLine && cursorLine <= c.range.end.line);
    if (!call) {
      void vscode.window.showInformationMessage('Prompt Auditor: no LLM call here.');
      return undefined;
    }
    const alternatives = call.cost && call.cost.requestUsd !== null
      ? await services.engine.request({
          kind: 'alternatives',
          model: call.effectiveModel,
          inputTokens: call.inputTokens.tokens,
          outputTokens: call.outputTokens.tokens,
          options: services.settings.get(document.uri).audit,
        })
      : [];
    const rows = breakdownRows(call, alternatives);
    const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { range?: vscode.Range }>();
    pick.title = `${vscode.workspace.asRelativePath(document.uri)}:${call.nameRange.start.line + 1} ${call.api} — ${callLensTitle(call)}`;
    pick.items = rows.map(({ separator, range, ...row }) => ({ ...row, kind: separator ? vscode.QuickPickItemKind.Separator : undefined, range: range ? toRange(range) : undefined }));
    pick.matchOnDescription = true;
    pick.onDidAccept(() => {
      const range = pick.selectedItems[0]?.range;
      pick.hide();
      if (range) void vscode.window.showTextDocument(document, { selection: range });
    });
    pick.onDidHide(() => pick.dispose());
    pick.show();
    return rows;
  };
}
