import { vocabularyFamily } from '../family-helpers';
import type { ChatFraming } from '../tokenizer';

export const GEMINI_FRAMING: ChatFraming = {
  // The Gemini API's countTokens reports text tokens only (its documented example: "The quick brown fox jumps
  // over the lazy dog." -> 10 tokens, the bare text's count), and usage metadata bills the same figure.
  perMessage: 0,
  perRequest: 0,
  source: 'Gemini API countTokens documentation: contents are counted without framing tokens',
};

/**
 * Gemini: Google publishes no Gemini tokenizer; Gemma 3's 262K vocabulary is reported to be Gemini 2.0's, so counts
 * are near-exact for Gemini (exact for Gemma 3 itself, which this family also serves).
 */
export const gemini = vocabularyFamily({
  id: 'gemma3',
  vocabulary: 'gemma3',
  accuracy: 'near-exact',
  framing: GEMINI_FRAMING,
  matches: (id) => /^(gemini|gemma-?3)/.test(id),
});
