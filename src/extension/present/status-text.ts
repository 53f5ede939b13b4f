import { accuracyMark, formatUsd, formatUsdPerMonth, PRICE_UNKNOWN } from '../../engine/format';
import type { AuditResult, TokenFigure } from '../../engine/model';
import type { ScanSummary } from '../../workspace/scan-report';
import type { StatusBarMode } from '../config/settings';
import { fileTotals, plural, tokensText, type FileTotals } from './figures';

/**
 * The status bar's words, as pure functions of the engine's figures (the StatusBar class only places them):
 * the active file's calls, a selection's count, and the workspace total of the last scan.
 */

/** `$(symbol-event) 2 calls · 1,234 tokens · $0.0031/request` (or `· $93/month` in month mode). */
export function fileStatusText(result: AuditResult, mode: StatusBarMode): string {
  const totals = fileTotals(result);
  const parts: string[] = [];
  if (totals.calls > 0) {
    parts.push(plural(totals.calls, 'call'), `${accuracyMark(totals.accuracy)}${tokensText({ tokens: totals.inputTokens, lowerBound: totals.lowerBound })}`);
    if (totals.requestUsd === null) parts.push(PRICE_UNKNOWN);
    else parts.push(mode === 'month' ? formatUsdPerMonth(totals.monthlyUsd) : `${formatUsd(totals.requestUsd)}/request`);
    if (totals.callsPriceUnknown > 0 && totals.requestUsd !== null) parts.push(`${totals.callsPriceUnknown} ${PRICE_UNKNOWN}`);
  } else if (totals.prompts > 0) parts.push(plural(totals.prompts, 'prompt'), 'no LLM calls');
  else parts.push('no LLM calls');
  return `$(symbol-event) ${parts.join(' · ')}`;
}

/** The tooltip's line about the file: both money figures, whichever the status bar shows. */
export function fileSummary(result: AuditResult, mode: StatusBarMode): string {
  const totals: FileTotals = fileTotals(result);
  if (totals.calls === 0) return totals.prompts > 0 ? `${plural(totals.prompts, 'prompt constant')}, no LLM call in this file.` : 'No LLM call or prompt in this file.';
  const perRequest = totals.requestUsd === null ? PRICE_UNKNOWN : `${formatUsd(totals.requestUsd)} per request`;
  const perMonth = totals.monthlyUsd === null ? PRICE_UNKNOWN : formatUsdPerMonth(totals.monthlyUsd);
  const unknown = totals.callsPriceUnknown > 0 ? ` ${totals.callsPriceUnknown} of them with an unknown price (not in the sums).` : '';
  return `This file: ${plural(totals.calls, 'call')} · ${perRequest} · ${perMonth} (status bar shows per ${mode}).${unknown}`;
}

/** `$(selection) 412 tokens · $0.000062 · gpt-4o-mini`: a selection as one request's input on the default model. */
export function selectionStatusText(count: { tokens: TokenFigure; inputUsd: number | null } | null, model: string): string {
  if (!count) return '$(selection) selection not counted';
  const cost = count.inputUsd === null ? PRICE_UNKNOWN : formatUsd(count.inputUsd);
  return `$(selection) ${accuracyMark(count.tokens.accuracy)}${tokensText(count.tokens)} · ${cost} · ${model}`;
}

/** The tooltip's workspace line from the last scan (markdown). */
export function workspaceSummary(scan: { totals: ScanSummary; finishedAt: Date } | null): string | null {
  if (!scan) return null;
  const total = scan.totals;
  return (
    `**Workspace** (scan of ${scan.finishedAt.toLocaleTimeString()}): ${plural(total.calls, 'call')} in ${plural(total.files, 'file')} · ` +
    `${total.monthlyUsd === null ? PRICE_UNKNOWN : formatUsdPerMonth(total.monthlyUsd)}` +
    (total.callsPriceUnknown ? ` (${total.callsPriceUnknown} ${PRICE_UNKNOWN})` : '')
  );
}
