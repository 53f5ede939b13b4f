import { phrases } from '../../text';
import type { CompressRule } from '../../types';

/**
 * Praise of the assistant, and "전문적인" (every assistant is; the seed article drops it too); tone words (친절한,
 * 정중한) stay, and so does praise with a complement
 * or a subject ("Python에 대한 지식이 풍부한", "공감 능력이 뛰어난": what follows a particle says what is praised).
 */
const PRAISE = phrases([
  '고도로 숙련된',
  '숙련된',
  '숙련되고',
  '뛰어난',
  '뛰어나고',
  '유능한',
  '유능하고',
  '세계 최고의',
  '최고 수준의',
  '최고의',
  '박식한',
  '박식하고',
  '지식이 풍부한',
  '지식이 풍부하고',
  '경험이 풍부한',
  '경험이 풍부하고',
  '경험 많은',
  '풍부한 경험을 가진',
  '풍부한 지식을 갖춘',
  '다년간의 경험을 가진',
  '전문성을 갖춘',
  '똑똑한',
  '똑똑하고',
  '우수한',
  '우수하고',
  '탁월한',
  '탁월하고',
  '전문적인',
  '전문적이고',
  '매우',
]);

/** A line that states the role. */
const ROLE_LINE = /(?<=(?:^|\n)[ \t]*(?:[-*+•][ \t]+)?)(?:역할:|당신은|너는|귀하는)[^\n]*/g;

/** Praise inside it; not after a particle (then it is a predicate with a subject or complement). */
const PATTERN = new RegExp(
  `(?<![가-힣])(?<!(?:대한|관한|대해|관해|[이가을를에도로와과의])[ \\t]+)(?:${PRAISE})[ \\t]+(?=[가-힣\\uE000-\\uF8FF])`,
  'g',
);

export const koRolePadding: CompressRule = {
  id: 'ko-role-padding',
  language: 'ko',
  description: 'Removes praise of the assistant from role lines ("유능하고 경험이 풍부한 상담원" -> "상담원").',
  example: { before: '역할: 유능하고 경험이 풍부한 고객 상담원', after: '역할: 고객 상담원' },
  apply(text, ctx) {
    return ctx.replace(text, ROLE_LINE, (m) => ctx.replace(m[0], PATTERN, ''));
  },
};
