import * as vscode from 'vscode';
import { formatCount, formatUsd, formatUsdPerMonth, PRICE_UNKNOWN } from '../../engine/format';
import type { AuditedCall } from '../../engine/model';
import type { Alternative } from '../../engine/price';
import { toRange } from '../convert/ranges';
import { accuracyWord, callLensTitle, modelLabel, promptShare, tokensText } from '../present/figures';
import type { Services } from '../services';

export interface BreakdownRow {
  label: string;
  description?: string;
  detail?: string;
  /** Where selecting the row goes. */
  range?: vscode.Range;
  kind?: vscode.QuickPickItemKind;
}

/** The rows of a call's breakdown: each prompt, the output bound, the price, the same request on comparable models. */
export function breakdownRows(call: AuditedCall, alternatives: Alternative[]): BreakdownRow[] {
  const rows: BreakdownRow[] = [{ label: 'Input', kind: vscode.QuickPickItemKind.Separator }];
  for (const prompt of call.prompts) {
    rows.push({
      label: `$(comment) ${prompt.role}${prompt.name ? ` · ${prompt.name}` : ''}`,
      description: `${tokensText(prompt.tokens)} · ${Math.round(promptShare(prompt, call) * 100)}% of the input`,
      detail: `${accuracyWord(prompt.tokens.accuracy)} · ${prompt.tokens.tokenizer}${prompt.templated ? ' · templated: a lower bound' : ''} — ${preview(prompt.text)}`,
      range: toRange(prompt.range),
    });
  }
  const promptTokens = call.prompts.reduce((sum, p) => sum + p.tokens.tokens, 0);
  const framing = call.inputTokens.tokens - promptTokens;
  if (framing > 0) rows.push({ label: '$(symbol-operator) chat framing', description: `${formatCount(framing)} tokens the API adds around the messages` });
  if (!call.argsResolved) rows.push({ label: '$(warning) some arguments could not be read', description: 'the input may be larger than shown' });
  rows.push({ label: `$(symbol-number) total input`, description: `${tokensText(call.inputTokens)} (${accuracyWord(call.inputTokens.accuracy)}, ${call.inputTokens.tokenizer})` });
  rows.push({ label: 'Output', kind: vscode.QuickPickItemKind.Separator });
  rows.push({
    label: `$(arrow-right) output bound`,
    description: call.outputTokens.assumed
      ? `${formatCount(call.outputTokens.tokens)} tokens assumed (no max tokens at the call; promptAuditor.expectedOutputTokens)`
      : `${formatCount(call.outputTokens.tokens)} tokens (${call.maxTokens?.key ?? 'max tokens'})`,
    range: call.maxTokens ? toRange(call.maxTokens.range) : undefined,
  });
  rows.push({ label: 'Price', kind: vscode.QuickPickItemKind.Separator });
  const cost = call.cost;
  rows.push({
    label: `$(credit-card) ${modelLabel(call)}`,
    description:
      cost && cost.requestUsd !== null
        ? `${formatUsd(cost.requestUsd)}/request (input ${formatUsd(cost.inputUsd)}, output ${formatUsd(cost.outputUsd)}) · ${formatUsdPerMonth(cost.monthlyUsd)} at ${formatCount(call.requestsPerDay)}/day`
        : `${PRICE_UNKNOWN}: the model is not in the price catalog (add it under promptAuditor.priceOverrides)`,
    detail: cost ? `${cost.resolvedModel ? `priced as ${cost.resolvedModel} · ` : ''}${cost.priceSource}, ${cost.catalogDate}` : undefined,
  });
  if (alternatives.length > 0) {
    rows.push({ label: 'Same request on cheaper comparable models', kind: vscode.QuickPickItemKind.Separator });
    const perMonth = call.cost && call.cost.requestUsd ? (call.cost.monthlyUsd ?? 0) / call.cost.requestUsd : null;
    for (const alt of alternatives) {
      rows.push({
        label: `$(arrow-swap) ${alt.model}`,
        description: `${formatUsd(alt.requestUsd)}/request${perMonth !== null ? ` · ${formatUsdPerMonth(alt.requestUsd * perMonth)}` : ''} · ${Math.round(alt.saving * 100)}% less`,
        detail: `${alt.provider}${alt.sameProvider ? ' (same provider: swap the model id)' : ''} · ${alt.tier} tier — check quality on your own prompts before switching`,
        range: call.model?.range ? toRange(call.model.range) : undefined,
      });
    }
  } else if (call.cost && call.cost.requestUsd !== null) {
    rows.push({ label: '$(check) no cheaper model of the same tier in the catalog', kind: undefined });
  }
  return rows;
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

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
    pick.items = rows;
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
