import type { CompressRule } from '../../types';

const LINE_START = '(?<=(?:^|\\n)[ \\t]*(?:[-*+•][ \\t]+)?)';
const LINE_END = '[.!]?[ \\t]*(?=\\n|$)';

/** "당신은 친절한 고객 상담원입니다." (a whole line) -> "역할: 친절한 고객 상담원". */
const ROLE = new RegExp(`${LINE_START}(?:당신은|너는|귀하는|당신의[ \\t]+역할은|너의[ \\t]+역할은)[ \\t]+([^.!?\\n]+?)[ \\t]?(?:입니다|이다|이에요|예요)${LINE_END}`, 'g');

/** "당신의 임무는 문의에 답변하는 것입니다." -> "임무: 문의에 답변". */
const DUTY = new RegExp(
  `${LINE_START}(?:당신의|너의|귀하의)?[ \\t]*(임무|목표|업무|과제|목적)(?:는|은)[ \\t]+([^.!?\\n]+?)(?:(하는)[ \\t]?것|[ \\t]?것)?[ \\t]?(?:입니다|이다)${LINE_END}`,
  'g',
);

export const roleLines: CompressRule = {
  id: 'ko-role-lines',
  language: 'ko',
  description: 'Rewrites a line that states the role or the task as a label line ("당신은 X입니다" -> "역할: X", "임무는 X하는 것입니다" -> "임무: X").',
  example: {
    before: '당신은 친절한 고객 상담원입니다.\n당신의 임무는 주문 문의에 답변하는 것입니다.',
    after: '역할: 친절한 고객 상담원\n임무: 주문 문의에 답변',
  },
  apply(text, ctx) {
    const out = ctx.replace(text, ROLE, (m) => `역할: ${m[1]}`);
    return ctx.replace(out, DUTY, (m) => {
      // "돕는 것" keeps its "것"; a verbal noun + 하는 것 becomes the noun.
      const kept = m[3] ? '' : /[ \t]?것[ \t]?(?:입니다|이다)/.test(m[0]) ? ' 것' : '';
      return `${m[1]}: ${m[2]}${kept}`;
    });
  },
};
