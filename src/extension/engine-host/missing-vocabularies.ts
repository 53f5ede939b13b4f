import { FALLBACK_TOKENIZER_NAME, missingVocabulary } from '../../engine/count';
import type { AuditResult } from '../../engine/model';
import type { MissingVocabularyOf } from './protocol';

/**
 * The vocabularies a result's approximate figures stood in for, once each: only figures counted with the fallback
 * tokenizer are looked at (so an exact or near-exact result costs nothing), and only models whose vocabulary is
 * missing from disk are reported (unknown models fall back too, with nothing to download).
 */
export function missingVocabulariesOf(result: AuditResult, defaultModel: string): MissingVocabularyOf[] {
  const models = new Set<string>();
  for (const call of result.calls) if (call.inputTokens.tokenizer === FALLBACK_TOKENIZER_NAME) models.add(call.effectiveModel);
  if (result.prompts.some((p) => p.tokens.tokenizer === FALLBACK_TOKENIZER_NAME)) models.add(defaultModel);
  const found = new Map<string, MissingVocabularyOf>();
  for (const model of models) {
    const missing = missingVocabulary(model);
    if (missing && !found.has(missing.id)) found.set(missing.id, { ...missing, model });
  }
  return [...found.values()];
}
