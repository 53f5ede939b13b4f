import { formatCount, formatUsdPerMonth } from '../format';
import type { AuditedCall, AuditedPromptConstant } from '../model';
import type { AuditOptions } from '../options';
import { priceRequest, type RequestPrice } from '../price';

/**
 * Dollars at stake for rule messages: what some tokens of one call cost per month at the call's volume
 * (requests per day x days per month), priced with the call's own request (so tiers and overrides apply).
 * Unknown price -> null, printed "price unknown", never $0.
 */

export type Rates = NonNullable<RequestPrice['rates']>;

/** Per-1M rates for this call's request shape; null when its model has no price. */
export function callRates(call: AuditedCall, options: AuditOptions): Rates | null {
  return priceRequest({
    model: call.effectiveModel,
    inputTokens: call.inputTokens.tokens,
    outputTokens: call.outputTokens.tokens,
    overrides: options.priceOverrides,
  }).rates;
}

export function requestsPerMonth(call: Pick<AuditedCall, 'requestsPerDay'>, options: AuditOptions): number {
  return call.requestsPerDay * options.daysPerMonth;
}

/** Monthly cost of `tokens` input tokens sent with every request of the call. */
export function inputUsdPerMonth(call: AuditedCall, tokens: number, options: AuditOptions): number | null {
  const rates = callRates(call, options);
  return rates === null ? null : (tokens * rates.input * requestsPerMonth(call, options)) / 1e6;
}

/** Monthly cost of `tokens` output tokens per request. */
export function outputUsdPerMonth(call: AuditedCall, tokens: number, options: AuditOptions): number | null {
  const rates = callRates(call, options);
  return rates === null ? null : (tokens * rates.output * requestsPerMonth(call, options)) / 1e6;
}

/** Sum of monthly figures; null when any is unknown (a partial sum would understate). */
export function sumUsd(values: ReadonlyArray<number | null>): number | null {
  let total = 0;
  for (const v of values) {
    if (v === null) return null;
    total += v;
  }
  return total;
}

/** `at 1,000 requests/day on gpt-4o` (the model as the call writes it, or the default model when it names none). */
export function volumeOf(call: AuditedCall): string {
  const model = call.model ? call.effectiveModel : `${call.effectiveModel} (default model)`;
  return `at ${formatCount(call.requestsPerDay)} requests/day on ${model}`;
}

/** `$93/month`, or `price unknown`. */
export function perMonth(usd: number | null): string {
  return formatUsdPerMonth(usd);
}

/** `25%` for 0.25 (whole percent, at least 1% when positive). */
export function percent(share: number): string {
  const p = Math.round(share * 100);
  return `${p === 0 && share > 0 ? 1 : p}%`;
}

/**
 * Prompt constants no call in this file sends (a prompts module): the calls live elsewhere, so they are priced as
 * input on the default model at the default volume.
 */
export function unsentConstants(calls: readonly AuditedCall[], constants: readonly AuditedPromptConstant[]): AuditedPromptConstant[] {
  const sent = new Set(calls.flatMap((c) => c.prompts.flatMap((p) => p.literals.map((l) => l.range.startOffset))));
  return constants.filter((k) => !k.literals.some((l) => sent.has(l.range.startOffset)));
}

/** Monthly cost of `tokens` of a prompt constant sent with every request at the default volume; null when unknown. */
export function constantUsdPerMonth(constant: AuditedPromptConstant, tokens: number, options: AuditOptions): number | null {
  if (constant.costPer1000Usd === null || constant.tokens.tokens === 0) return null;
  return ((constant.costPer1000Usd / 1000) * tokens * options.requestsPerDay * options.daysPerMonth) / constant.tokens.tokens;
}

/** `at 1,000 requests/day on gpt-4o-mini (default model)`, for prompt constants. */
export function defaultVolume(options: AuditOptions): string {
  return `at ${formatCount(options.requestsPerDay)} requests/day on ${options.defaultModel} (default model)`;
}
