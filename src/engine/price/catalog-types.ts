/** The bundled price catalog's shape (src/engine/price/data/catalog-<date>.json, written by `npm run prices:update`). */

/** genai-prices' model matching rules, kept as they are so dated and suffixed ids resolve the same way. */
export type MatchRule =
  | { equals: string }
  | { starts_with: string }
  | { ends_with: string }
  | { contains: string }
  | { regex: string }
  | { or: MatchRule[] }
  | { and: MatchRule[] };

/** USD per 1M tokens; tiered when the rate depends on the request's input size (the tier applies to the whole request). */
export type TokenPrice = number | { base: number; tiers: { start: number; price: number }[] };

export interface CatalogModel {
  id: string;
  /** openai, anthropic, google, deepseek, mistral, xai, cohere, moonshotai, zhipuai, qwen, meta-llama. */
  provider: string;
  name: string;
  match: MatchRule;
  input: TokenPrice;
  output: TokenPrice;
  /** Cached-input (cache hit) price, when the catalog has one; else provider rules decide. */
  cacheRead: TokenPrice | null;
  /** Cache write (Anthropic's 5-minute cache), when the catalog has one. */
  cacheWrite: TokenPrice | null;
  contextWindow: number | null;
  maxOutput: number | null;
  deprecated?: boolean;
  note?: string;
}

export interface CatalogFile {
  /** YYYY-MM-DD the snapshot was taken. */
  catalogDate: string;
  source: string;
  models: CatalogModel[];
}
