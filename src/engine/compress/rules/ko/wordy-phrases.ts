import { SENTENCE_START, phrases } from '../../text';
import type { CompressRule } from '../../types';
import { OBJECT_AND_STEM, nounPhrase } from './hangul';

/** Long Korean phrasings and their short equivalents (none holds a negation). */
const TABLE: Record<string, string> = {
  '에 대해서': '에 대해',
  '에 대하여': '에 대해',
  '에 관해서': '에 관해',
  '에 관하여': '에 관해',
  '하기 위해서': '하기 위해',
  '위해서': '위해',
  '한 후에': '한 후',
  '한 뒤에': '한 뒤',
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
  '아래의': '아래',
  '다음의': '다음',
  '그 다음에': '그다음',
  '에 따라서': '에 따라',
  ', 그리고': ',',
  // The object particle after an embedded question is optional: "있는지를 확인" -> "있는지 확인".
  '는지를': '는지',
  '인지를': '인지',
  '라고 할 수 있습니다': '입니다',
  '하는 것이 좋습니다': ' 권장',
  '하는 것이 좋아요': ' 권장',
  '하는 게 좋습니다': ' 권장',
  '하는 게 좋아요': ' 권장',
  '해 주시는 것이 좋습니다': ' 권장',
  '해 주시는 게 좋습니다': ' 권장',
  '해 주시는 것이 좋아요': ' 권장',
  '하는 것이 중요합니다': ' 중요',
  '할 필요가 있습니다': ' 필요',
  '짧고 간결하게': '간결하게',
  '간단하고 간결하게': '간결하게',
  '정확하고 올바르게': '정확하게',
  '정확하고 올바른': '정확한',
  '등과 같은': '등',
  '와 같이': '처럼',
  '과 같이': '처럼',
  '는 것인지': '는지',
  '으로 하여': '으로',
  '로 하여': '로',
  '되도록이면': '되도록',
  '가급적이면': '가급적',
  '예를 들어,': '예:',
  '예를 들어': '예:',
  '예를 들면,': '예:',
  '예를 들면': '예:',
};

/** A phrase ends where the next syllable is not Hangul ("에 대해서는" stays). */
const PATTERN = new RegExp(`(?:${phrases(Object.keys(TABLE))})(?![가-힣])`, 'g');

/** A sentence opened with "그리고" (and): the line break or period already joins it. */
const AND_OPENER = new RegExp(`(?=그)${SENTENCE_START}그리고[ \\t,]+(?=[가-힣\\uE000-\\uF8FF])`, 'g');

/**
 * "읽을 수 있도록" -> "읽도록" (a consonant-final stem). Stems that change before 을 (들을 from 듣다, 지을 from 짓다)
 * are left alone.
 */
const CAN_SO_THAT = /([가-힣])을[ \t]?수[ \t]?있도록(?![가-힣])/g;
const CHANGED_STEMS = new Set(['들', '물', '걸', '실', '지', '나', '부', '이', '그', '저']);

/** "코드를 검토할 때는" -> "코드 검토 시", "불만을 표현하는 경우에는" -> "불만 표현 시", "모호한 경우" -> "모호 시". */
const WHEN = new RegExp(`${OBJECT_AND_STEM}(?:할[ \\t]?때(?:는|에는|에)?|(?:하는|한)[ \\t]?경우(?:에는|에|는)?)(?![가-힣])`, 'g');

export const koWordyPhrases: CompressRule = {
  id: 'ko-wordy-phrases',
  language: 'ko',
  description: 'Shortens wordy Korean phrasings ("에 대해서" -> "에 대해", "할 수 있도록" -> "하도록", "검토할 때는" -> "검토 시").',
  example: {
    before: '질문이 모호한 경우에는 이해할 수 있도록 다시 물어보세요.',
    after: '질문이 모호 시 이해하도록 다시 물어보세요.',
  },
  apply(text, ctx) {
    let out = ctx.replace(text, WHEN, (m) => `${nounPhrase(m[1], m[2], m[3])} 시`);
    out = ctx.replace(out, CAN_SO_THAT, (m) => (CHANGED_STEMS.has(m[1]) ? m[0] : `${m[1]}도록`));
    out = ctx.replace(out, AND_OPENER, '');
    return ctx.replace(out, PATTERN, (m) => {
      const short = TABLE[m[0].replace(/[ \t]+/g, ' ')];
      if (short === undefined) return m[0];
      // "답변하는 것이 좋습니다" -> "답변 권장" needs the verbal noun right before it.
      if (/^(?:하는|할|해) /.test(m[0]) && !/[가-힣]/.test(m.input.charAt(m.index - 1))) return m[0];
      return short;
    });
  },
};
