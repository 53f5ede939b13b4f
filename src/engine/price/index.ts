/**
 * Pricing API (what audit.ts and the adapters use):
 *   resolveModel(modelId, overrides?, overrideSource?) -> ModelPrices | null   catalog or override; null = unknown
 *   priceRequest({model, inputTokens, outputTokens, cachedInputTokens?, cacheWriteTokens?, batch?, requests?, overrides?})
 *       -> {model, resolvedModel, inputUsd, outputUsd, totalUsd, priceSource, catalogDate, rates, notes}
 *   callCost({model, inputTokens: TokenFigure, outputTokens: {tokens, assumed}, requestsPerDay, options}) -> Cost
 *   requestsPerDayFor(callStartLine, directives, options) -> {requestsPerDay, fromDirective}   the volume directive
 *   catalogInfo(now?) -> {catalogDate, source, ageDays, stale}                  show the date; stale after 90 days
 *   cheaperAlternatives(modelId, {inputTokens, outputTokens}, {sameProviderOnly?, limit?}) -> Alternative[]
 *   capabilityTier(modelId) -> 'small' | 'standard' | 'frontier' | 'reasoning'
 *   parseWorkspaceConfig(parsedJson) -> {options, problems}                      `.prompt-audit.json`
 *   parsePriceOverrides(value) -> {overrides, problems}                          the priceOverrides setting
 *   normalizeModelId(raw) -> string
 */
export { resolveModel, catalogInfo, catalogModels, rateAt, STALE_AFTER_DAYS, type ModelPrices, type CatalogInfo } from './catalog';
export { priceRequest, callCost, requestsPerDayFor, type PriceRequestInput, type RequestPrice } from './cost';
export { cheaperAlternatives, capabilityTier, type Alternative, type CapabilityTier } from './alternatives';
export { parseWorkspaceConfig, parsePriceOverrides, describeProblems, type ConfigProblem, type WorkspaceConfig } from './workspace-config';
export { normalizeModelId } from './model-id';
export { PROVIDER_RULES, rulesFor, termsProvider, type ProviderRules } from './rules';
export type { CatalogFile, CatalogModel, TokenPrice } from './catalog-types';
