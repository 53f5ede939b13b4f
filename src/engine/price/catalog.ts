import type { PriceOverride } from '../options';
import type { CatalogFile, CatalogModel, TokenPrice } from './catalog-types';
import { CURRENT_CATALOG } from './data/current';
import { matches } from './match';
import { normalizeModelId } from './model-id';

/** A catalog older than this is called out as stale wherever its date is shown. */
export const STALE_AFTER_DAYS = 90;

export interface CatalogInfo {
  catalogDate: string;
  source: string;
  ageDays: number;
  stale: boolean;
  models: number;
}

export function catalogInfo(now: Date = new Date(), catalog: CatalogFile = CURRENT_CATALOG): CatalogInfo {
  const ageDays = Math.max(0, Math.floor((now.getTime() - Date.parse(`${catalog.catalogDate}T00:00:00Z`)) / 86_400_000));
  return { catalogDate: catalog.catalogDate, source: catalog.source, ageDays, stale: ageDays > STALE_AFTER_DAYS, models: catalog.models.length };
}

/** A model's prices as the cost model uses them: from the catalog, or from a user override. */
export interface ModelPrices {
  /** The model id as written. */
  model: string;
  /** Catalog id (or the override's key). */
  resolvedModel: string;
  provider: string;
  input: TokenPrice;
  output: TokenPrice;
  cacheRead: TokenPrice | null;
  cacheWrite: TokenPrice | null;
  contextWindow: number | null;
  maxOutput: number | null;
  /** `catalog (@pydantic/genai-prices 0.1.8; ...)` or `override (settings)` / `override (.prompt-audit.json)`. */
  priceSource: string;
  catalogDate: string;
  note?: string;
}

/**
 * Resolves a model id to its prices: user overrides first (by the id as written or normalized), then the catalog
 * (genai-prices' match rules over the normalized id, so dated ids, `models/` and provider prefixes resolve).
 * Unknown model -> null (its price is unknown, never 0).
 */
export function resolveModel(
  modelId: string,
  overrides: Record<string, PriceOverride> = {},
  overrideSource = 'settings',
  catalog: CatalogFile = CURRENT_CATALOG,
): ModelPrices | null {
  const id = normalizeModelId(modelId);
  const overrideKey = Object.keys(overrides).find((k) => k === modelId || normalizeModelId(k) === id);
  const found = findInCatalog(id, catalog);
  if (overrideKey !== undefined) {
    const o = overrides[overrideKey]!;
    return {
      model: modelId,
      resolvedModel: overrideKey,
      provider: found?.provider ?? providerGuess(id),
      input: o.input,
      output: o.output,
      cacheRead: o.cachedInput ?? null,
      cacheWrite: o.cacheWrite ?? null,
      contextWindow: o.contextWindow ?? found?.contextWindow ?? null,
      maxOutput: o.maxOutput ?? found?.maxOutput ?? null,
      priceSource: `override (${overrideSource})`,
      catalogDate: catalog.catalogDate,
    };
  }
  if (!found) return null;
  return {
    model: modelId,
    resolvedModel: found.id,
    provider: found.provider,
    input: found.input,
    output: found.output,
    cacheRead: found.cacheRead,
    cacheWrite: found.cacheWrite,
    contextWindow: found.contextWindow,
    maxOutput: found.maxOutput,
    priceSource: `catalog (${catalog.source})`,
    catalogDate: catalog.catalogDate,
    ...(found.note ? { note: found.note } : {}),
  };
}

/** An Ollama / llama.cpp build tag (`deepseek-r1:7b`, `qwen2.5:14b-instruct-q4_K_M`, `llama3.2:latest`): a local model, no API price. */
const LOCAL_TAG = /:(latest|\d+(\.\d+)?[bm](\b|[-_]))/i;
const ROUTER_SUFFIX = /:(free|beta|thinking|nitro|floor|online|extended|exacto)$/;

const lookupCache = new WeakMap<CatalogFile, Map<string, CatalogModel | null>>();

function findInCatalog(id: string, catalog: CatalogFile): CatalogModel | null {
  let cache = lookupCache.get(catalog);
  if (!cache) lookupCache.set(catalog, (cache = new Map()));
  const hit = cache.get(id);
  if (hit !== undefined) return hit;
  if (LOCAL_TAG.test(id)) {
    cache.set(id, null);
    return null;
  }
  // Exact ids first (so `gpt-4o-mini` never lands on a broader rule listed earlier), then the match rules in catalog order.
  const found =
    catalog.models.find((m) => m.id.toLowerCase() === id) ??
    catalog.models.find((m) => matches(m.match, id)) ??
    // OpenRouter-style variant suffixes (`:free`, `:beta`, `:thinking`) and `-latest` aliases. Other tags are not
    // stripped: `deepseek-r1:7b` on Ollama is a local model, not DeepSeek's paid API.
    (ROUTER_SUFFIX.test(id) ? findInCatalog(id.replace(ROUTER_SUFFIX, ''), catalog) : null) ??
    (id.endsWith('-latest') ? findInCatalog(id.slice(0, -'-latest'.length), catalog) : null);
  cache.set(id, found);
  return found;
}

/** Provider of an id no catalog entry covers (an override for a new model): for provider rules only. */
function providerGuess(id: string): string {
  if (/^(gpt|o\d|chatgpt)/.test(id)) return 'openai';
  if (id.startsWith('claude')) return 'anthropic';
  if (id.startsWith('gemini')) return 'google';
  if (id.startsWith('deepseek')) return 'deepseek';
  return 'unknown';
}

/** Every model in the catalog (for the cheaper-alternatives helper and completions). */
export function catalogModels(catalog: CatalogFile = CURRENT_CATALOG): readonly CatalogModel[] {
  return catalog.models;
}

/** The per-1M rate of a price at a request's input size: a tier applies to the whole request once its input exceeds `start`. */
export function rateAt(price: TokenPrice, requestInputTokens: number): number {
  if (typeof price === 'number') return price;
  let rate = price.base;
  for (const tier of price.tiers) if (requestInputTokens > tier.start) rate = tier.price;
  return rate;
}
