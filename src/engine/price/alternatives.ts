import type { PriceOverride } from '../options';
import { catalogModels, resolveModel } from './catalog';
import type { CatalogModel } from './catalog-types';
import { priceRequest } from './cost';
import { normalizeModelId } from './model-id';

/**
 * Capability tiers, from model naming conventions the providers use consistently (mini/nano/flash/haiku/lite are
 * their small tiers; opus/pro and o1-pro their top ones; o-series, R1 and "thinking" models reason). Used only to
 * suggest comparable models, never to price.
 */
export type CapabilityTier = 'small' | 'standard' | 'frontier' | 'reasoning';

export function capabilityTier(modelId: string): CapabilityTier {
  const id = normalizeModelId(modelId);
  if (/(^|-)(mini|nano|flash|haiku|lite|small|tiny|turbo|air)(-|$)|flashx/.test(id)) return 'small';
  // Open-weight sizes: under 100B parameters (total, or active for MoE `-a3b`) is the small tier.
  const size = /(?:^|[-r])(\d+(?:\.\d+)?)b(?:-|$)/.exec(id);
  if (size && Number(size[1]) < 100) return 'small';
  if (/^o[134](-|$)|reasoner|(^|-)r1(-|$)|thinking|qwq/.test(id)) return 'reasoning';
  if (/opus|(^|-)pro(-|$)|gpt-4\.5|ultra|max(-|$)/.test(id)) return 'frontier';
  return 'standard';
}

/** Catalog entries that are not text chat models (audio, images, embeddings, fine-tune prefixes, previews). */
// gpt-oss is open-weight (listed under OpenAI, not served by its API). Legacy completion-era models are no upgrade.
const NOT_A_CHAT_MODEL = /^gpt-oss|^(ada|babbage|curie|davinci|text-)|-(0301|0314|0613)$|^gemini-(pro|1\.0)|audio|tts|realtime|transcribe|image|search|embed|moderation|vision|computer-use|deep-research|(^|-)live|preview|(^|-)exp(-|$)|^ft:|\.ft-|:|(^|-)vl(-|$)|lumimaid|sonar|safeguard/i;

export interface Alternative {
  model: string;
  provider: string;
  tier: CapabilityTier;
  sameProvider: boolean;
  /** Cost of the reference request on this model. */
  requestUsd: number;
  /** Share of the current model's cost saved, 0..1. */
  saving: number;
}

/**
 * Cheaper models of the same capability tier for a request of `inputTokens` / `outputTokens`, cheapest first, that
 * fit the request in their context window. Empty when the current model's price is unknown.
 */
export function cheaperAlternatives(
  modelId: string,
  request: { inputTokens: number; outputTokens: number },
  // Same provider by default: a "switch model" fix can only swap the id within the same SDK.
  opts: { sameProviderOnly?: boolean; limit?: number; overrides?: Record<string, PriceOverride> } = {},
): Alternative[] {
  const current = resolveModel(modelId, opts.overrides ?? {});
  if (!current) return [];
  const currentCost = priceRequest({ model: modelId, ...request, overrides: opts.overrides }).totalUsd;
  if (currentCost === null || currentCost <= 0) return [];
  const tier = capabilityTier(current.resolvedModel);
  const seen = new Set<string>();
  const out: Alternative[] = [];
  for (const m of catalogModels()) {
    if (!isCandidate(m, current.resolvedModel, tier, request)) continue;
    if ((opts.sameProviderOnly ?? true) && m.provider !== current.provider) continue;
    const cost = priceRequest({ model: m.id, ...request }).totalUsd;
    if (cost === null || cost >= currentCost || seen.has(m.id)) continue;
    seen.add(m.id);
    out.push({ model: m.id, provider: m.provider, tier, sameProvider: m.provider === current.provider, requestUsd: cost, saving: 1 - cost / currentCost });
  }
  out.sort((a, b) => a.requestUsd - b.requestUsd || Number(b.sameProvider) - Number(a.sameProvider));
  return out.slice(0, opts.limit ?? 5);
}

function isCandidate(m: CatalogModel, currentId: string, tier: CapabilityTier, request: { inputTokens: number; outputTokens: number }): boolean {
  if (m.id === currentId || m.deprecated || NOT_A_CHAT_MODEL.test(m.id)) return false;
  if (capabilityTier(m.id) !== tier) return false;
  if (m.contextWindow !== null && request.inputTokens + request.outputTokens > m.contextWindow) return false;
  return true;
}
