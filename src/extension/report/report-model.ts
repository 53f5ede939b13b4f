import * as vscode from 'vscode';
import { formatUsd, formatUsdPerMonth, PRICE_UNKNOWN } from '../../engine/format';
import type { AuditedCall, AuditResult } from '../../engine/model';
import { summarize, type ScanSummary } from '../../workspace/scan-report';
import type { AuditOptions } from '../../engine/options';
import { callAccuracy, modelLabel, tokensText } from '../present/figures';
import { accuracyMark } from '../../engine/format';

export interface ReportCall {
  uri: vscode.Uri;
  path: string;
  call: AuditedCall;
  diagnostics: number;
}

export interface Report {
  calls: ReportCall[];
  totals: ScanSummary;
  /** Where the figures come from: open documents (live) and/or the last workspace scan. */
  sources: string[];
}

/**
 * The report's content: every call known from the last workspace scan, with open documents' live results taking
 * precedence over the scanned copy of the same file. Sorted by monthly cost, unknown prices last.
 */
export function buildReport(
  scanned: { uri: vscode.Uri; path: string; result: AuditResult }[],
  open: { uri: vscode.Uri; result: AuditResult }[],
  options: AuditOptions,
  sources: string[],
): Report {
  const byUri = new Map<string, { uri: vscode.Uri; path: string; result: AuditResult }>();
  for (const f of scanned) byUri.set(f.uri.toString(), f);
  for (const f of open) byUri.set(f.uri.toString(), { uri: f.uri, path: vscode.workspace.asRelativePath(f.uri), result: f.result });
  const files = [...byUri.values()];
  const calls: ReportCall[] = files.flatMap((f) =>
    f.result.calls.map((call) => ({
      uri: f.uri,
      path: f.path,
      call,
      diagnostics: f.result.diagnostics.filter((d) => d.range.startOffset >= call.range.startOffset && d.range.endOffset <= call.range.endOffset).length,
    })),
  );
  calls.sort((a, b) => (b.call.cost?.monthlyUsd ?? -1) - (a.call.cost?.monthlyUsd ?? -1) || a.path.localeCompare(b.path));
  const totals = summarize({ files: files.map((f) => ({ path: f.path, language: f.result.language, result: f.result })), skipped: [], options });
  return { calls, totals, sources };
}

export function reportCallLabel(c: ReportCall): { label: string; description: string; detail: string } {
  const cost = c.call.cost;
  const mark = accuracyMark(callAccuracy(c.call));
  return {
    label: `${mark}${cost?.monthlyUsd != null ? formatUsdPerMonth(cost.monthlyUsd) : PRICE_UNKNOWN} · ${modelLabel(c.call)}`,
    description: `${c.path}:${c.call.nameRange.start.line + 1}`,
    detail: `${tokensText(c.call.inputTokens)} in · ${cost?.requestUsd != null ? `${formatUsd(cost.requestUsd)}/request` : PRICE_UNKNOWN} · ${c.call.api}${c.call.loop ? ` · in a ${c.call.loop.kind} loop` : ''}${c.diagnostics ? ` · ${c.diagnostics} finding${c.diagnostics === 1 ? '' : 's'}` : ''}`,
  };
}
