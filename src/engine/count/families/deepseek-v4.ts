import { vocabularyFamily } from '../family-helpers';
import { DEEPSEEK_FRAMING } from './deepseek';

/** DeepSeek V4 and later: no tokenizer published when this was written; V3's vocabulary, labelled near-exact. */
export const deepseekV4 = vocabularyFamily({
  id: 'deepseek-v4',
  vocabulary: 'deepseek-v3',
  accuracy: 'near-exact',
  framing: DEEPSEEK_FRAMING,
  matches: (id) => id.startsWith('deepseek'),
});
