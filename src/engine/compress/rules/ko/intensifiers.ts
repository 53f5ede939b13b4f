import type { CompressRule } from '../../types';

/** Degree and filler adverbs before a word ("매우 중요합니다" -> "중요합니다"); 너무 ("too") is meaning, not degree, and stays. */
const PATTERN = /(?<![가-힣])(?:매우|정말로|정말|아주|굉장히|대단히|무척|몹시|엄청|실제로)[ \t]+(?=[가-힣])/g;

/** "최대한 간결하게" / "가능한 한 쉽게" -> "간결하게" / "쉽게": effort hedges before an adverb (not before a noun or verb, where they set a limit). */
const AS_MUCH_AS = /(?<![가-힣])(?:최대한|가능한[ \t]?한|가능한[ \t]?만큼)[ \t]+(?=[가-힣]+(?:게|히)(?![가-힣]))/g;

export const koIntensifiers: CompressRule = {
  id: 'ko-intensifiers',
  language: 'ko',
  description: 'Drops degree adverbs (매우, 정말, 아주, 굉장히) before a word.',
  example: { before: '매우 정확하고 아주 간결하게 답변하세요.', after: '정확하고 간결하게 답변하세요.' },
  apply(text, ctx) {
    return ctx.replace(ctx.replace(text, PATTERN, ''), AS_MUCH_AS, '');
  },
};
