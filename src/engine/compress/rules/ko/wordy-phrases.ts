import { phrases } from '../../text';
import type { CompressRule } from '../../types';

/** Long Korean phrasings and their short equivalents (none holds a negation). */
const TABLE: Record<string, string> = {
  '에 대해서': '에 대해',
  '에 대하여': '에 대해',
  '을 통해서': '을 통해',
  '를 통해서': '를 통해',
  '을 통하여': '을 통해',
  '를 통하여': '를 통해',
  '에 있어서': '에서',
  '할 수 있도록': '하도록',
  '경우에는': '경우',
  '때에는': '때',
  '그리고 또한': '또한',
  '절대로': '절대',
  '반드시 꼭': '반드시',
  '꼭 반드시': '반드시',
  '다음과 같은': '다음',
  '아래와 같은': '아래',
  '라고 할 수 있습니다': '입니다',
  '하는 것이 좋습니다': ' 권장',
  '할 필요가 있습니다': ' 필요',
};

/** A phrase ends where the next syllable is not Hangul ("에 대해서는" stays). */
const PATTERN = new RegExp(`(?:${phrases(Object.keys(TABLE))})(?![가-힣])`, 'g');

export const koWordyPhrases: CompressRule = {
  id: 'ko-wordy-phrases',
  language: 'ko',
  description: 'Shortens wordy Korean phrasings ("에 대해서" -> "에 대해", "할 수 있도록" -> "하도록", "경우에는" -> "경우").',
  example: {
    before: '질문이 모호한 경우에는 이해할 수 있도록 다시 물어보세요.',
    after: '질문이 모호한 경우 이해하도록 다시 물어보세요.',
  },
  apply(text, ctx) {
    return ctx.replace(text, PATTERN, (m) => {
      const short = TABLE[m[0].replace(/[ \t]+/g, ' ')];
      if (short === undefined) return m[0];
      // "답변하는 것이 좋습니다" -> "답변 권장" needs the verbal noun right before it.
      if (/^(?:하는|할) /.test(m[0]) && !/[가-힣]/.test(m.input.charAt(m.index - 1))) return m[0];
      return short;
    });
  },
};
