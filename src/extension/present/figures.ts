import { accuracyMark, formatCount, formatUsd, formatUsdPerMonth, PRICE_UNKNOWN } from '../../engine/format';
import type { Accuracy, AuditedCall, AuditedPrompt, AuditedPromptConstant, AuditResult, TokenFigure } from '../../engine/model';

/**
 * How the extension words the engine's figures (CodeLens, hover, status bar, report). Pure functions over the
 * AuditResult, built on the engine's shared formatters so the editor and the CLI print the same numbers.
 */

const ACCURACY_RANK: Record<Accuracy, number> = { exact: 0, 'near-exact': 1, approximate: 2 };

export function worst(...accuracies: (Accuracy | undefined)[]): Accuracy {
  let result: Accuracy = 'exact';
  for (const a of accuracies) if (a && ACCURACY_RANK[a] > ACCURACY_RANK[result]) result = a;
  return result;
}

/** `1,234 tokens`, `1,234+ tokens` (a templated prompt's lower bound). The accuracy mark is the caller's. */
export function tokensText(figure: Pick<TokenFigure, 'tokens' | 'lowerBound'>): string {
  return `${formatCount(figure.tokens)}${figure.lowerBound ? '+' : ''} ${figure.tokens === 1 && !figure.lowerBound ? 'token' : 'tokens'}`;
}

/** The model a call is priced on, marked when it is the default because the code does not say. */
export function modelLabel(call: Pick<AuditedCall, 'effectiveModel' | 'model'>): string {
  return call.model ? call.effectiveModel : `${call.effectiveModel} (default model)`;
}

export function callAccuracy(call: AuditedCall): Accuracy {
  return worst(call.inputTokens.accuracy, call.cost?.accuracy);
}

/** True when the call's price is known (the catalog or an override has its model). */
export function isPriced(call: AuditedCall): boolean {
  return call.cost !== null && call.cost.requestUsd !== null;
}

/** CodeLens above a call: `≈ 1,234 tokens · $0.0031/request · $93/month · gpt-4o`. */
export function callLensTitle(call: AuditedCall): string {
  const mark = accuracyMark(callAccuracy(call));
  const parts = [tokensText(call.inputTokens)];
  if (isPriced(call)) parts.push(`${formatUsd(call.cost!.requestUsd)}/request`, formatUsdPerMonth(call.cost!.monthlyUsd));
  else parts.push(PRICE_UNKNOWN);
  parts.push(modelLabel(call));
  return `${mark ? `${mark} ` : ''}${parts.join(' · ')}`;
}

/** CodeLens above a prompt constant: `≈ 412 tokens · $0.062 per 1,000 uses · gpt-4o-mini`. */
export function constantLensTitle(constant: AuditedPromptConstant, defaultModel: string): string {
  const mark = accuracyMark(constant.tokens.accuracy);
  const cost = constant.costPer1000Usd === null ? PRICE_UNKNOWN : `${formatUsd(constant.costPer1000Usd)} per 1,000 uses`;
  return `${mark ? `${mark} ` : ''}${tokensText(constant.tokens)} · ${cost} · ${defaultModel}`;
}

export function accuracyWord(accuracy: Accuracy): string {
  return accuracy === 'exact' ? 'exact' : accuracy === 'near-exact' ? 'near-exact' : 'approximate';
}

/** A prompt's share of its call's billed input (framing tokens included in the whole), 0..1. */
export function promptShare(prompt: AuditedPrompt, call: AuditedCall): number {
  return call.inputTokens.tokens > 0 ? prompt.tokens.tokens / call.inputTokens.tokens : 0;
}

/** What a prompt costs per month: its share of the call's input cost, at the call's volume. Null when unpriced. */
export function promptMonthlyUsd(prompt: AuditedPrompt, call: AuditedCall): number | null {
  const cost = call.cost;
  if (!cost || cost.inputUsd === null || cost.requestUsd === null || cost.monthlyUsd === null) return null;
  if (cost.requestUsd === 0) return 0;
  const monthlyInput = cost.monthlyUsd * (cost.inputUsd / cost.requestUsd);
  return monthlyInput * promptShare(prompt, call);
}

export interface FileTotals {
  calls: number;
  /** Billed input tokens summed over the calls. */
  inputTokens: number;
  accuracy: Accuracy;
  lowerBound: boolean;
  /** Sums over the calls with a known price (null when no call has one). */
  requestUsd: number | null;
  monthlyUsd: number | null;
  callsPriceUnknown: number;
  prompts: number;
}

export function fileTotals(result: AuditResult): FileTotals {
  let inputTokens = 0;
  let requestUsd = 0;
  let monthlyUsd = 0;
  let priced = 0;
  let accuracy: Accuracy = 'exact';
  let lowerBound = false;
  for (const call of result.calls) {
    inputTokens += call.inputTokens.tokens;
    accuracy = worst(accuracy, callAccuracy(call));
    lowerBound ||= call.inputTokens.lowerBound;
    if (isPriced(call)) {
      priced++;
      requestUsd += call.cost!.requestUsd!;
      monthlyUsd += call.cost!.monthlyUsd ?? 0;
    }
  }
  return {
    calls: result.calls.length,
    inputTokens,
    accuracy,
    lowerBound,
    requestUsd: priced > 0 ? requestUsd : null,
    monthlyUsd: priced > 0 ? monthlyUsd : null,
    callsPriceUnknown: result.calls.length - priced,
    prompts: result.prompts.length,
  };
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
