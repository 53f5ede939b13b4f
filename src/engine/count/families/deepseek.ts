import { vocabularyFamily } from '../family-helpers';
import type { ChatFraming } from '../tokenizer';

/** The chat_template of DeepSeek-V3's tokenizer_config.json. */
export const DEEPSEEK_FRAMING: ChatFraming = {
  // {bos}{system}<｜User｜>{user}<｜Assistant｜>{assistant}<｜end▁of▁sentence｜> ... <｜Assistant｜>
  perMessage: 1,
  perRole: { system: 0, assistant: 2 },
  perRequest: 2,
  source: "chat_template in DeepSeek-V3's tokenizer_config.json: BOS + <｜User｜> per user turn + <｜Assistant｜> generation prompt",
};

/** DeepSeek V3 / V3.1 / V3.2 and R1 (deepseek-chat, deepseek-reasoner) share the V3 tokenizer: exact. */
export const deepseek = vocabularyFamily({
  id: 'deepseek-v3',
  vocabulary: 'deepseek-v3',
  accuracy: 'exact',
  framing: DEEPSEEK_FRAMING,
  matches: (id) => /^deepseek-(chat|reasoner|v3|r1|coder)/.test(id),
});
