import type { CompressRule } from '../../types';

/** A verbal noun with a separate 하다 ("질문을 하면" -> "질문하면"): one verb, which the ending rules then shorten. */
const PATTERN = /(?<![가-힣])([가-힣]{2,})(?:을|를)[ \t]+(?=(?:하|해)(?:면|고|여|서|야|는|세요|십시오|기|지|[ \t]?주))/g;

export const lightVerb: CompressRule = {
  id: 'ko-light-verb',
  language: 'ko',
  description: 'Joins a verbal noun to its separate 하다 ("질문을 하면" -> "질문하면", "칭찬을 해 주신" -> "칭찬해 주신").',
  example: { before: '고객이 질문을 하면 답변을 해 주세요.', after: '고객이 질문하면 답변해 주세요.' },
  apply(text, ctx) {
    return ctx.replace(text, PATTERN, '$1');
  },
};
