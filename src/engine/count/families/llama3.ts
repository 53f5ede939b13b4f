import { vocabularyFamily } from '../family-helpers';

/** Llama 3, 3.1, 3.2, 3.3 share one 128K vocabulary (Llama 4 does not: it falls back to an approximation). */
export const llama3 = vocabularyFamily({
  id: 'llama3',
  vocabulary: 'llama3',
  accuracy: 'exact',
  framing: {
    // <|begin_of_text|> once; <|start_header_id|>{role}<|end_header_id|>\n\n{content}<|eot_id|> per message;
    // <|start_header_id|>assistant<|end_header_id|>\n\n primes the reply.
    perMessage: 5,
    perRequest: 5,
    source: "chat_template in Llama 3's tokenizer_config.json",
  },
  matches: (id) => /^(meta-)?llama-?3/.test(id),
});
