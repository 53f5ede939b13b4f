import type { Accuracy, Cost, Directive, TokenFigure } from '../model';
import type { AuditOptions, PriceOverride } from '../options';
import { rateAt, resolveModel, type ModelPrices } from './catalog';
import { CURRENT_CATALOG } from './data/current';
import { rulesFor } from './rules';

export interface PriceRequestInput {
  /** Model id as written. */
  model: string;
  /** All input tokens of one request, cached ones included (they choose the price tier, as the providers do). */
  inputTokens: number;
  /** Output bound of one request (max tokens, or the expected output). */
  outputTokens: number;
  /** Of `inputTokens`, how many are cache hits (billed at the cached-input price). */
  cachedInputTokens?: number;
  /** Of `inputTokens`, how many are written to the cache (Anthropic bills writes above input). */
  cacheWriteTokens?: number;
  /** Sent through the provider's batch API (50% at OpenAI, Anthropic, Google; no discount elsewhere). */
  batch?: boolean;
  /** How many such requests (default 1): totals are for all of them. */
  requests?: number;
  overrides?: Record<string, PriceOverride>;
  /** Where the overrides came from, for priceSource (`settings`, `.prompt-audit.json`). */
  overrideSource?: string;
}

export interface RequestPrice {
  model: string;
  resolvedModel: string | null;
  /** Null when the price is unknown (never 0). */
  inputUsd: number | null;
  outputUsd: number | null;
  totalUsd: number | null;
  priceSource: string;
  catalogDate: string;
  /** Per-1M rates applied (after tier, cache and batch rules); null when unknown. */
  rates: { input: number; cachedInput: number; cacheWrite: number; output: number; tier: string | null; batchMultiplier: number } | null;
  /** Why a figure is missing or what was assumed (batch not offered by the provider, ...). */
  notes: string[];
}

/**
 * Cost of `requests` requests of one shape. Input is billed at the rate of the tier the request's input size falls
 * in (Gemini 1.5 Pro above 128K), cached and cache-written tokens at their own rates, output at the output rate of
 * the same tier; a batch discount multiplies every rate.
 */
export function priceRequest(req: PriceRequestInput): RequestPrice {
  const prices = resolveModel(req.model, req.overrides ?? {}, req.overrideSource);
  if (!prices) {
    return {
      model: req.model,
      resolvedModel: null,
      inputUsd: null,
      outputUsd: null,
      totalUsd: null,
      priceSource: 'unknown model',
      catalogDate: CURRENT_CATALOG.catalogDate,
      rates: null,
      notes: [`No price for '${req.model}': add it to priceOverrides (settings or .prompt-audit.json).`],
    };
  }
  return priceWith(prices, req);
}

function priceWith(prices: ModelPrices, req: PriceRequestInput): RequestPrice {
  const notes: string[] = [];
  const rules = rulesFor(prices.provider);
  const requests = req.requests ?? 1;
  const input = Math.max(0, req.inputTokens);
  const cached = Math.min(input, Math.max(0, req.cachedInputTokens ?? 0));
  const written = Math.min(input - cached, Math.max(0, req.cacheWriteTokens ?? 0));
  const fresh = input - cached - written;

  let batchMultiplier = 1;
  if (req.batch) {
    if (rules.batchMultiplier === null) notes.push(`No batch discount known for ${prices.provider}; priced at standard rates.`);
    else batchMultiplier = rules.batchMultiplier;
  }
  const inputRate = rateAt(prices.input, input);
  const rates = {
    input: inputRate * batchMultiplier,
    cachedInput: (prices.cacheRead !== null ? rateAt(prices.cacheRead, input) : inputRate * rules.cacheReadShare) * batchMultiplier,
    cacheWrite: (prices.cacheWrite !== null ? rateAt(prices.cacheWrite, input) : inputRate * rules.cacheWriteShare) * batchMultiplier,
    output: rateAt(prices.output, input) * batchMultiplier,
    tier: tierLabel(prices.input, input),
    batchMultiplier,
  };
  const inputUsd = ((fresh * rates.input + cached * rates.cachedInput + written * rates.cacheWrite) / 1e6) * requests;
  const outputUsd = ((Math.max(0, req.outputTokens) * rates.output) / 1e6) * requests;
  if (prices.note) notes.push(prices.note);
  if (prices.contextWindow !== null && input + Math.max(0, req.outputTokens) > prices.contextWindow) {
    notes.push(`${input + req.outputTokens} tokens exceed ${prices.resolvedModel}'s context window of ${prices.contextWindow}.`);
  }
  return {
    model: req.model,
    resolvedModel: prices.resolvedModel,
    inputUsd,
    outputUsd,
    totalUsd: inputUsd + outputUsd,
    priceSource: prices.priceSource,
    catalogDate: prices.catalogDate,
    rates,
    notes,
  };
}

function tierLabel(price: ModelPrices['input'], input: number): string | null {
  if (typeof price === 'number') return null;
  const above = [...price.tiers].reverse().find((t) => input > t.start);
  return above ? `input > ${above.start.toLocaleString('en-US')} tokens` : `input <= ${price.tiers[0]!.start.toLocaleString('en-US')} tokens`;
}

/**
 * The Cost of one call as AuditResult carries it: per request and per month (requests per day x days per month;
 * a `prompt-audit: N/day` directive gives the call's own requests per day). All money null when the price is unknown.
 */
export function callCost(args: {
  model: string;
  inputTokens: TokenFigure;
  outputTokens: { tokens: number; assumed: boolean };
  requestsPerDay: number;
  options: Pick<AuditOptions, 'daysPerMonth' | 'priceOverrides'>;
  cachedInputTokens?: number;
  batch?: boolean;
  overrideSource?: string;
}): Cost {
  const price = priceRequest({
    model: args.model,
    inputTokens: args.inputTokens.tokens,
    outputTokens: args.outputTokens.tokens,
    cachedInputTokens: args.cachedInputTokens,
    batch: args.batch,
    overrides: args.options.priceOverrides,
    overrideSource: args.overrideSource,
  });
  const accuracy: Accuracy = args.inputTokens.accuracy;
  const monthlyUsd = price.totalUsd === null ? null : price.totalUsd * args.requestsPerDay * args.options.daysPerMonth;
  return {
    model: args.model,
    resolvedModel: price.resolvedModel,
    inputUsd: price.inputUsd,
    outputUsd: price.outputUsd,
    requestUsd: price.totalUsd,
    monthlyUsd,
    outputAssumed: args.outputTokens.assumed,
    accuracy,
    priceSource: price.priceSource,
    catalogDate: price.catalogDate,
  };
}

/**
 * Requests per day for one call: a `prompt-audit: N/day` directive on the call's first line or the line above it
 * (a directive applies to its own line and the line below), else the configured default.
 */
export function requestsPerDayFor(callStartLine: number, directives: readonly Directive[], options: Pick<AuditOptions, 'requestsPerDay'>): { requestsPerDay: number; fromDirective: boolean } {
  const directive = directives.find((d) => d.kind === 'volume' && d.requestsPerDay !== undefined && (d.line === callStartLine || d.line === callStartLine - 1));
  return directive ? { requestsPerDay: directive.requestsPerDay!, fromDirective: true } : { requestsPerDay: options.requestsPerDay, fromDirective: false };
}
