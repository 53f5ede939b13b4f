import { normalizeModelId } from '../price/model-id';
import { openAIEncodingFamily } from './family-helpers';
import { claude } from './families/claude';
import { deepseek } from './families/deepseek';
import { deepseekV4 } from './families/deepseek-v4';
import { gemini } from './families/gemini';
import { llama3 } from './families/llama3';
import { openaiCl100k } from './families/openai-cl100k';
import { openaiO200k } from './families/openai-o200k';
import { qwen } from './families/qwen';
import { OPENAI_CHAT_FRAMING, type OpenAIEncodingName } from './openai-encodings';
import type { Tokenizer, TokenizerFamily } from './tokenizer';

/** One line per tokenizer family, first match wins (so specific families come before broader ones). */
export const FAMILIES: readonly TokenizerFamily[] = [
  openaiO200k,
  openaiCl100k,
  claude,
  deepseek,
  deepseekV4,
  qwen,
  llama3,
  gemini,
];

/** Models no family knows: o200k_base, labelled approximate. */
export const FALLBACK_TOKENIZER_NAME = 'o200k_base (≈)';

export const fallbackFamily = openAIEncodingFamily({
  id: 'unknown',
  name: FALLBACK_TOKENIZER_NAME,
  encoding: 'o200k_base',
  accuracy: 'approximate',
  framing: OPENAI_CHAT_FRAMING,
  matches: () => true,
});

export function familyFor(modelId: string): TokenizerFamily {
  const id = normalizeModelId(modelId);
  return FAMILIES.find((f) => f.matches(id)) ?? fallbackFamily;
}

/**
 * The tokenizer for a model id, loading its vocabulary (in the worker) on first use. Never rejects: when a vocabulary
 * cannot be had (not bundled, offline), the approximation is returned with `note` saying why.
 */
export async function tokenizerFor(modelId: string): Promise<Tokenizer> {
  const family = familyFor(modelId);
  try {
    return await family.load();
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return withNote(fallbackFamily.loaded()!, `${family.id} tokenizer unavailable (${reason}); counts are approximate.`);
  }
}

/** The tokenizer if it is loaded already (no waiting, no loading), else null: the editor's fast path. */
export function tokenizerForSync(modelId: string): Tokenizer | null {
  return familyFor(modelId).loaded();
}

/** An OpenAI encoding by name (`prompt-audit count --encoding`). */
export function tokenizerForEncoding(encoding: OpenAIEncodingName): Tokenizer {
  return (encoding === 'o200k_base' ? openaiO200k : openaiCl100k).loaded()!;
}

export const OPENAI_ENCODINGS: readonly OpenAIEncodingName[] = ['o200k_base', 'cl100k_base'];

function withNote(tokenizer: Tokenizer, note: string): Tokenizer {
  return {
    name: tokenizer.name,
    accuracy: tokenizer.accuracy,
    framing: tokenizer.framing,
    note,
    count: (text) => tokenizer.count(text),
    countSync: (text) => tokenizer.countSync(text),
  };
}
