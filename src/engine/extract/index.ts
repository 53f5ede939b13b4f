import type { ExtractResult, LanguageId } from '../model';

/**
 * Extraction entry point. PLACEHOLDER until the extraction work lands: returns an empty result.
 * Contract: never throws; returns what it could read.
 */
export async function extract(_text: string, language: LanguageId): Promise<ExtractResult> {
  return { language, calls: [], prompts: [], directives: [], syntaxErrors: 0 };
}
