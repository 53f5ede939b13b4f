import type { CompressRule } from '../../types';

/** A verbal noun with a separate 하다 ("질문을 하면" -> "질문하면"): one verb, which the ending rules then shorten. */
const PATTERN = /(?<![가-힣])([가-힣]{2,})(?:을|를)[ \t]+(?=(?:하|해)(?:면|고|여|서|야|는|세요|십시오|기|지|시|실|신|셔|[ \t]?주))/g;

/** Nouns that take 하다 only as a separate verb ("역할을 하다", "무엇을 하는지"): no "역할하다". */
const NOT_VERBAL = /^(?:역할|무엇|무언가|아무것|노릇)$|것$/;

export const lightVerb: CompressRule = {
  id: 'ko-light-verb',
  language: 'ko',
  description: 'Joins a verbal noun to its separate 하다 ("질문을 하면" -> "질문하면", "칭찬을 해 주신" -> "칭찬해 주신").',
  example: { before: '고객이 질문을 하면 답변을 해 주세요.', after: '고객이 질문하면 답변해 주세요.' },
  apply(text, ctx) {
    return ctx.replace(text, PATTERN, (m) => (NOT_VERBAL.test(m[1]) ? m[0] : m[1]));
  },
};
