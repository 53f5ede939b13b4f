/**
 * Provider pricing rules that catalogs do not carry (sources: the providers' pricing pages, as summarised in the
 * seed article of Jan 2026 and genai-prices' price comments):
 * - Batch APIs bill 50% of input and output at OpenAI (Batch API), Anthropic (Message Batches) and Google (Batch Mode).
 * - Cache reads, when a model's catalog entry has no cached price: Anthropic 10% of input, Google 25% (75% off);
 *   elsewhere a cached token costs a full input token (no discount is assumed that the catalog does not show).
 * - Cache writes, when the entry has none: Anthropic 125% of input (5-minute cache); elsewhere writes are not billed
 *   apart from input.
 */
export interface ProviderRules {
  /** Multiplier on every token price for batch requests; null when the provider has no batch discount. */
  batchMultiplier: number | null;
  /** Cache-read price as a share of the input price, used when the catalog has no cache-read price. */
  cacheReadShare: number;
  /** Cache-write price as a share of the input price, used when the catalog has none. */
  cacheWriteShare: number;
}

const NO_RULES: ProviderRules = { batchMultiplier: null, cacheReadShare: 1, cacheWriteShare: 1 };

export const PROVIDER_RULES: Record<string, ProviderRules> = {
  openai: { batchMultiplier: 0.5, cacheReadShare: 1, cacheWriteShare: 1 },
  anthropic: { batchMultiplier: 0.5, cacheReadShare: 0.1, cacheWriteShare: 1.25 },
  google: { batchMultiplier: 0.5, cacheReadShare: 0.25, cacheWriteShare: 1 },
};

/**
 * Providers that resell other makers' models (OpenRouter, Groq, Together): a call through one is billed, batched and
 * cached on the gateway's terms, whoever made the model.
 */
const GATEWAYS: ReadonlySet<string> = new Set(['openrouter', 'groq', 'together']);

/** Whose terms apply to a call sent to `callProvider` for a model made by `modelProvider` (null when unknown). */
export function termsProvider(callProvider: string, modelProvider: string | null | undefined): string {
  return GATEWAYS.has(callProvider) ? callProvider : (modelProvider ?? callProvider);
}

export function rulesFor(provider: string): ProviderRules {
  return PROVIDER_RULES[provider] ?? NO_RULES;
}
