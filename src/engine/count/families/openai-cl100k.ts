import { openAIEncodingFamily } from '../family-helpers';
import { OPENAI_CHAT_FRAMING } from '../openai-encodings';

/** gpt-4 and gpt-4-turbo, gpt-3.5, the v3 and ada-002 embeddings. (gpt-4o and later are o200k: that family is checked first.) */
export const openaiCl100k = openAIEncodingFamily({
  id: 'openai-cl100k',
  name: 'cl100k_base',
  encoding: 'cl100k_base',
  accuracy: 'exact',
  framing: OPENAI_CHAT_FRAMING,
  matches: (id) => /^(gpt-4(-|$)|gpt-3\.5|text-embedding-3|text-embedding-ada-002)/.test(id),
});
