import * as vscode from 'vscode';
import { formatUsdPerMonth, PRICE_UNKNOWN } from '../../engine/format';
import { plural } from '../present/figures';
import { buildReport, reportCallLabel, type Report } from '../report/report-model';
import type { Services } from '../services';
import { COMMAND } from './ids';

/**
 * Prompt Auditor: Show Report. A quick pick of every known call, most expensive first; picking one opens it.
 * Returns the report without waiting for the pick (tests, other commands).
 */
export function createShowReport(services: Services) {
  return (): Report => {
    const scan = services.scanner.last;
    const sources = [...(scan ? [`workspace scan of ${scan.finishedAt.toLocaleTimeString()}`] : []), 'open files'];
    const report = buildReport(
      scan?.files ?? [],
      services.index.entries().map((e) => ({ uri: e.uri, result: e.result })),
      services.settings.get(vscode.window.activeTextEditor?.document.uri).audit,
      sources,
    );
    type Item = vscode.QuickPickItem & { open?: { uri: vscode.Uri; range: vscode.Range }; command?: string };
    const items: Item[] = report.calls.map((c) => ({
      ...reportCallLabel(c),
      open: { uri: c.uri, range: new vscode.Range(c.call.nameRange.start.line, c.call.nameRange.start.character, c.call.nameRange.end.line, c.call.nameRange.end.character) },
    }));
    if (!scan) items.push({ label: '', kind: vscode.QuickPickItemKind.Separator }, { label: '$(search) Scan the workspace for every call…', command: COMMAND.scanWorkspace });
    const pick = vscode.window.createQuickPick<Item>();
    const total = report.totals.monthlyUsd === null ? PRICE_UNKNOWN : formatUsdPerMonth(report.totals.monthlyUsd);
    pick.title = `Prompt Auditor — ${plural(report.totals.calls, 'call')} · ${total} (${report.sources.join(' + ')})`;
    pick.placeholder = report.calls.length ? 'Most expensive first; pick a call to open it' : 'No LLM calls found yet';
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    pick.items = items;
    pick.onDidAccept(() => {
      const item = pick.selectedItems[0];
      pick.hide();
      if (item?.open) void vscode.window.showTextDocument(item.open.uri, { selection: item.open.range });
      else if (item?.command) void vscode.commands.executeCommand(item.command);
    });
    pick.onDidHide(() => pick.dispose());
    pick.show();
    return report;
  };
}
