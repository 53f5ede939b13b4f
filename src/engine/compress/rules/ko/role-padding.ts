import { phrases } from '../../text';
import type { CompressRule } from '../../types';

/** Praise of the assistant; tone words (친절한, 정중한, 전문적인) stay. */
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
  '매우',
]);

const PATTERN = new RegExp(
  `(?<=(?:^|\\n)[ \\t]*(?:[-*+•][ \\t]+)?(?:역할:|당신은|너는|귀하는)[^\\n]*?)(?<![가-힣])(?:${PRAISE})[ \\t]+(?=[가-힣\\uE000-\\uF8FF])`,
  'g',
);

export const koRolePadding: CompressRule = {
  id: 'ko-role-padding',
  language: 'ko',
  description: 'Removes praise of the assistant from role lines ("유능하고 경험이 풍부한 상담원" -> "상담원").',
  example: { before: '역할: 유능하고 경험이 풍부한 고객 상담원', after: '역할: 고객 상담원' },
  apply(text, ctx) {
    return ctx.replace(text, PATTERN, '');
  },
};
