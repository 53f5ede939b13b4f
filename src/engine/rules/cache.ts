import type { AuditedCall } from '../model';
import type { AuditOptions } from '../options';
import { normalizeModelId, priceRequest } from '../price';
import { requestsPerMonth } from './money';

/**
 * Prompt caching facts the cache rules share (sources: Anthropic's prompt caching documentation; OpenAI's prompt
 * caching guide; Google's Gemini implicit caching notes; the seed article: OpenAI 50% automatic, Anthropic reads 0.1x /
 * writes 1.25x, 1,024-token minimum). Prices come from the catalog and provider rules, never from here.
 */

/** Anthropic's minimum cacheable prompt per model family; 1,024 for the models not listed (Sonnet / Opus 3.x-4.1). */
const ANTHROPIC_MINIMUMS: ReadonlyArray<[RegExp, number]> = [
  [/opus-4-[56]|haiku-4-5/, 4096],
  [/sonnet-4-6/, 2048],
  [/claude-3(-5)?-haiku|haiku-3/, 2048],
];

/** The smallest prompt prefix a provider caches for this model; the general 1,024 where nothing more is known. */
export function minCacheableTokens(modelId: string, provider: string): number {
  const id = normalizeModelId(modelId);
  if (provider === 'anthropic') return ANTHROPIC_MINIMUMS.find(([re]) => re.test(id))?.[1] ?? 1024;
  if (provider === 'google' && /gemini-2\.5-pro/.test(id)) return 2048;
  return 1024;
}

/**
 * Share of requests that find the prefix still cached, for requests spread evenly (Poisson) over the day: a request
 * hits when another came within the cache lifetime before it (each hit refreshes the lifetime).
 */
export function cacheHitShare(requestsPerDay: number, ttlSeconds: number): number {
  if (requestsPerDay <= 0) return 0;
  return 1 - Math.exp(-(requestsPerDay / 86_400) * ttlSeconds);
}

/**
 * Monthly saving from caching `tokens` of the call's prefix: every request pays them at the cached rate on a hit and
 * at the cache-write rate on a miss, instead of the input rate. Null when the price is unknown; negative when cache
 * writes cost more than the hits save (too few requests within the cache lifetime).
 */
export function cachingSavingPerMonth(
  call: AuditedCall,
  tokens: number,
  options: AuditOptions,
  ttlSeconds: number,
  opts: { explicitWrites: boolean },
): number | null {
  const base = { model: call.effectiveModel, inputTokens: call.inputTokens.tokens, outputTokens: call.outputTokens.tokens, overrides: options.priceOverrides };
  const plain = priceRequest(base).totalUsd;
  const hit = priceRequest({ ...base, cachedInputTokens: tokens }).totalUsd;
  // Automatic caches (OpenAI, DeepSeek, Gemini implicit) bill a miss as plain input; Anthropic bills the write.
  const miss = opts.explicitWrites ? priceRequest({ ...base, cacheWriteTokens: tokens }).totalUsd : plain;
  if (plain === null || hit === null || miss === null) return null;
  const share = cacheHitShare(call.requestsPerDay, ttlSeconds);
  const expected = share * hit + (1 - share) * miss;
  return (plain - expected) * requestsPerMonth(call, options);
}
