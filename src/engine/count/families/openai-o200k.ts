import { openAIEncodingFamily } from '../family-helpers';
import { OPENAI_CHAT_FRAMING } from '../openai-encodings';

/** gpt-4o, gpt-4.1, gpt-4.5, gpt-5.x, the o-series, gpt-oss (o200k_harmony shares o200k_base's vocabulary). */
export const openaiO200k = openAIEncodingFamily({
  id: 'openai-o200k',
  name: 'o200k_base',
  encoding: 'o200k_base',
  accuracy: 'exact',
  framing: OPENAI_CHAT_FRAMING,
  matches: (id) => /^(gpt-4o|chatgpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|gpt-oss|o[134](-|$)|codex-|computer-use)/.test(id),
});
