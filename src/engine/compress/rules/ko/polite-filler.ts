import { SENTENCE_START, phrases } from '../../text';
import type { CompressRule } from '../../types';

const COURTESY = `(?:${phrases([
  '감사합니다',
  '고맙습니다',
  '감사드립니다',
  '미리 감사드립니다',
  '미리 감사합니다',
  '잘 부탁드립니다',
  '잘 부탁드려요',
  '부탁드립니다',
  '수고하세요',
  '좋은 하루 되세요',
  '고마워',
  '고마워요',
])})[.!~]*`;

/** Sentences that only thank or greet; at a line end the space before them goes too. */
const COURTESY_SENTENCES = new RegExp(
  `(?<=[.!?。])[ \\t]+${COURTESY}[ \\t]*(?=\\n|$)|(?=[감고잘부수좋미])${SENTENCE_START}${COURTESY}[ \\t]*(?=\\n|$|\\S)`,
  'g',
);

/** A greeting opening the prompt or a line ("안녕하세요!"): it addresses no one the model can answer. */
const GREETING = /(?=안)(?<=(?:^|\n)[ \t]*)안녕하(?:세요|십니까)[!.~]*(?:[ \t]+(?=\S)|[ \t]*(?=\n|$))/g;

/** Softeners in front of a request. */
const SOFTENERS = new RegExp(
  `(?<![가-힣])(?:${phrases(['혹시', '부디', '가능하시다면', '번거로우시겠지만', '죄송하지만', '괜찮으시다면', '실례지만', '바쁘시겠지만'])}),?[ \\t]+(?=[가-힣\\uE000-\\uF8FF])`,
  'g',
);

/**
 * Openers that only announce a repeat or an aside ("다시 한번 말씀드리지만,", "참고로,", "또한"): the sentence after
 * them says the same without them.
 */
const OPENERS = new RegExp(
  `(?=[다반참덧또])${SENTENCE_START}(?:${phrases(['다시 한번 말씀드리지만', '다시 한 번 말씀드리지만', '다시 말씀드리지만', '다시 한번 강조하지만', '다시 한 번 강조하지만', '다시 강조하지만', '반복하지만', '참고로', '덧붙여', '또한'])}),?[ \\t]+(?=[가-힣\\uE000-\\uF8FF])`,
  'g',
);

export const politeFiller: CompressRule = {
  id: 'ko-polite-filler',
  language: 'ko',
  description: 'Drops courtesy sentences ("감사합니다.", "잘 부탁드립니다.") and softeners ("혹시", "부디", "번거로우시겠지만").',
  example: { before: '부디 정확하게 답변해 주세요. 감사합니다.', after: '정확하게 답변해 주세요.' },
  mayRemoveLines: true,
  apply(text, ctx) {
    const out = ctx.replace(ctx.replace(text, COURTESY_SENTENCES, ''), GREETING, '');
    return ctx.replace(ctx.replace(out, SOFTENERS, ''), OPENERS, '');
  },
};
