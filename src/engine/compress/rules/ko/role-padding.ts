import { phrases, startsWithOneOf } from '../../text';
import type { CompressRule } from '../../types';

/**
 * Praise of the assistant, and "전문적인" (every assistant is; the seed article drops it too); tone words (친절한,
 * 정중한) stay, and so does praise with a complement
 * or a subject ("Python에 대한 지식이 풍부한", "공감 능력이 뛰어난": what follows a particle says what is praised).
 */
const PRAISE_LIST = [
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
];
const PRAISE = phrases(PRAISE_LIST);
/** The praise words that end a chain before the noun ("전문적인"), as opposed to joining one ("유능하고"). */
const ADNOMINAL = phrases(PRAISE_LIST.filter((p) => !/고$/.test(p) && p !== '매우'));

/** A line that states the role. */
const ROLE_LINE = /(?=[역당너귀])(?<=(?:^|\n)[ \t]*(?:[-*+•][ \t]+)?)(?:역할:|당신은|너는|귀하는)[^\n]*/g;

/**
 * Praise inside it; not after a particle (then it is a predicate with a subject or complement), and not right after a
 * joining "-고" (CHAIN_END handles that: "친절하고 전문적인 상담원" must become "친절한 상담원", not "친절하고 상담원").
 */
const PATTERN = new RegExp(
  `${startsWithOneOf(PRAISE_LIST)}(?<![가-힣])(?<!(?:대한|관한|대해|관해|[이가을를에도로와과의]|고)[ \\t]+)(?:${PRAISE})[ \\t]+(?=[가-힣\\uE000-\\uF8FF])`,
  'g',
);

/** "친절하고 전문적인 상담원" -> "친절한 상담원": the joined adjective takes the ending of the praise that goes. */
const CHAIN_END = new RegExp(`(?<![가-힣])([가-힣]+)(하|이)고[ \\t]+(?:${ADNOMINAL})[ \\t]+(?=[가-힣\\uE000-\\uF8FF])`, 'g');

export const koRolePadding: CompressRule = {
  id: 'ko-role-padding',
  language: 'ko',
  description: 'Removes praise of the assistant from role lines ("유능하고 경험이 풍부한 상담원" -> "상담원").',
  example: { before: '역할: 유능하고 경험이 풍부한 고객 상담원', after: '역할: 고객 상담원' },
  apply(text, ctx) {
    return ctx.replace(text, ROLE_LINE, (m) => {
      // A removal can expose the next praise word ("유능하고 경험이 풍부한"): repeat until nothing changes.
      let line = m[0];
      for (let i = 0; i < 3; i++) {
        const next = ctx.replace(ctx.replace(line, PATTERN, ''), CHAIN_END, (c) => `${c[1]}${c[2] === '하' ? '한' : '인'} `);
        if (next === line) break;
        line = next;
      }
      return line;
    });
  },
};
