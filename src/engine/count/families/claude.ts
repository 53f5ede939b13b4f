import { openAIEncodingFamily } from '../family-helpers';
import type { ChatFraming } from '../tokenizer';

export const CLAUDE_FRAMING: ChatFraming = {
  // Not published. Messages API usage for a one-message request ("Hello, Claude", ~4 text tokens) reports about
  // 10 input tokens: the turn markers and the primed assistant turn. Approximate, like the count.
  perMessage: 3,
  perRequest: 3,
  source: 'estimate from Messages API usage of one-message requests (Anthropic publishes no framing)',
};

/**
 * Claude 3 and later: Anthropic has not published the tokenizer (the npm `@anthropic-ai/tokenizer` is Claude 2's and
 * says so), so counts are o200k_base's, labelled approximate. Exact counts need Anthropic's count_tokens endpoint.
 */
export const claude = openAIEncodingFamily({
  id: 'claude',
  name: 'claude (≈ o200k_base)',
  encoding: 'o200k_base',
  accuracy: 'approximate',
  framing: CLAUDE_FRAMING,
  matches: (id) => id.startsWith('claude'),
});
