import { vocabularyFamily } from '../family-helpers';

/** Qwen 2 / 2.5 / 3 and the hosted qwen-max/plus/turbo share Qwen's byte-level BPE (Qwen3 adds special tokens only). */
export const qwen = vocabularyFamily({
  id: 'qwen3',
  vocabulary: 'qwen3',
  accuracy: 'exact',
  framing: {
    // ChatML: <|im_start|>{role}\n{content}<|im_end|>\n, and <|im_start|>assistant\n to prime the reply.
    perMessage: 5,
    perRequest: 3,
    source: "ChatML chat_template in Qwen3's tokenizer_config.json",
  },
  matches: (id) => /^(qwen|qwq)/.test(id),
});
