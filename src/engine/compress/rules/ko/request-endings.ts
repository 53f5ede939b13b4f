import type { CompressRule } from '../../types';
import { OBJECT_AND_STEM, SENTENCE_END, nounPhrase } from './hangul';

/** Request endings after a verbal noun (제공해 주세요, 설명하시기 바랍니다, 확인해야 합니다, 요약 부탁드립니다). */
const ENDINGS = [
  '(?:해|하여)[ \\t]?(?:주세요|주십시오|주시오|주시기[ \\t]?바랍니다|주시길[ \\t]?바랍니다|주시면[ \\t]?감사하겠습니다|주시면[ \\t]?좋겠습니다|주시면[ \\t]?(?:됩니다|돼요|좋겠어요)|주면[ \\t]?(?:됩니다|돼요|돼)|주셨으면[ \\t]?좋겠어요|(?:줬|주었)으면[ \\t]?좋겠(?:어요|어|습니다)|주시면[ \\t]?좋(?:을[ \\t]?것[ \\t]?같(?:아요|습니다)|아요|습니다)|주면[ \\t]?좋(?:아요|겠어요|겠습니다)|주셔야[ \\t]?돼요|주셨으면[ \\t]?합니다|주셨으면[ \\t]?좋겠습니다|주셔야[ \\t]?(?:합니다|해요|한다)|줘요|줘)',
  // The same request made on the user's behalf ("안내해 드리면 됩니다", "환불해 드립니다").
  '(?:해|하여)[ \\t]?(?:드리세요|드리십시오|드리면[ \\t]?됩니다|드려야[ \\t]?합니다|드립니다)',
  '하(?:세요|십시오|시오|시기[ \\t]?바랍니다|길[ \\t]?바랍니다|도록[ \\t]?하세요|도록[ \\t]?해[ \\t]?주세요|도록[ \\t]?해[ \\t]?주시기[ \\t]?바랍니다|도록[ \\t]?하십시오|도록[ \\t]?합니다|셔야[ \\t]?(?:합니다|됩니다)|여야[ \\t]?합니다|시면[ \\t]?(?:됩니다|돼요)|면[ \\t]?(?:됩니다|돼요))',
  '해야[ \\t]?(?:합니다|해요|한다|함|됩니다|돼요|해|돼)',
  // A wish in 해요체 / 반말 ("통일했으면 좋겠어요").
  '했으면[ \\t]?좋겠(?:어요|어|습니다)',
  '[ \\t]?부탁(?:드립니다|드려요|합니다)',
].join('|');

const PATTERN = new RegExp(`${OBJECT_AND_STEM}(?:${ENDINGS})${SENTENCE_END}`, 'g');

/** A request joined to the next one by a comma ("존댓말을 사용하고, 쉽게 설명" -> "존댓말 사용, 쉽게 설명"). */
const LISTED = new RegExp(`${OBJECT_AND_STEM}하고(?=,)`, 'g');

/** Nouns that read oddly as a bare instruction, and the one that says it ("말씀" -> "안내"). */
const STEM_AS_INSTRUCTION: Record<string, string> = { 말씀: '안내' };

export const requestEndings: CompressRule = {
  id: 'ko-request-endings',
  language: 'ko',
  description: 'Ends requests with the verbal noun ("답변을 제공해 주세요" -> "답변 제공", "~하시기 바랍니다" -> noun ending).',
  example: {
    before: '고객의 질문에 답변을 제공해 주세요.\n결과를 요약하시기 바랍니다.',
    after: '고객의 질문에 답변 제공.\n결과 요약.',
  },
  apply(text, ctx) {
    const out = ctx.replace(text, PATTERN, (m) => nounPhrase(m[1], m[2], STEM_AS_INSTRUCTION[m[3]] ?? m[3]));
    return ctx.replace(out, LISTED, (m) => nounPhrase(m[1], m[2], m[3]));
  },
};
