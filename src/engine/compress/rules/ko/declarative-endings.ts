import type { CompressRule } from '../../types';
import { OBJECT_AND_STEM, SENTENCE_END, nounPhrase } from './hangul';

/** "존댓말을 사용합니다." -> "존댓말 사용." */
const HAMNIDA = new RegExp(`${OBJECT_AND_STEM}합니다${SENTENCE_END}`, 'g');

/** "출력 형식은 JSON입니다." -> "출력 형식은 JSON." (the copula after a noun or a protected span). */
const IMNIDA = new RegExp(`(?<=[가-힣\\uE000-\\uF8FF])입니다${SENTENCE_END}`, 'g');

export const declarativeEndings: CompressRule = {
  id: 'ko-declarative-endings',
  language: 'ko',
  description: 'Shortens statement endings to noun style ("존댓말을 사용합니다" -> "존댓말 사용", "JSON입니다" -> "JSON").',
  example: {
    before: '항상 존댓말을 사용합니다.\n출력 형식은 JSON입니다.',
    after: '항상 존댓말 사용.\n출력 형식은 JSON.',
  },
  apply(text, ctx) {
    const out = ctx.replace(text, HAMNIDA, (m) => nounPhrase(m[1], m[2], m[3]));
    return ctx.replace(out, IMNIDA, '');
  },
};
