import { SENTENCE_START } from '../../text';
import type { CompressRule } from '../../types';
import { nounPhrase } from './hangul';

const LINE_START = '(?<=(?:^|\\n)[ \\t]*(?:[-*+•][ \\t]+)?)';
const LINE_END = '[.!]?[ \\t]*(?=\\n|$)';

/** "당신은 친절한 고객 상담원입니다." (a whole line) -> "역할: 친절한 고객 상담원". */
const ROLE = new RegExp(`(?=[당너귀])${LINE_START}(?:당신은|너는|귀하는|당신의[ \\t]+역할은|너의[ \\t]+역할은)[ \\t]+([^.!?\\n]+?)[ \\t]?(?:입니다|이다|이에요|예요|이야|야)${LINE_END}`, 'g');

/**
 * "지금부터 당신은 X 역할을 맡게 됩니다." -> "역할: X.": a role given as a duty; when more follows on the line, the
 * sentence keeps its full stop.
 */
const ROLE_TAKEN = new RegExp(
  `(?=[지앞이오당너])${LINE_START}(?:(?:지금부터|앞으로|이제부터|오늘부터)[ \\t]+)?(?:당신은|너는)[ \\t]+([^.!?\\n]+?)[ \\t]+역할을[ \\t]+(?:맡게[ \\t]?됩니다|맡습니다|맡아요|합니다|하게[ \\t]?됩니다|해요|하게[ \\t]?될[ \\t]?거야|할[ \\t]?거야)([.!]?)(?=([ \\t]*(?:\\n|$))|[ \\t]+\\S)`,
  'g',
);

/**
 * A banmal 야 after a verb's -아/-어 form or after 거 / 것 is no copula: "너는 존댓말을 써야" (must), "너는 도우미 역할을
 * 하게 될 거야" (will).
 */
const NOT_A_ROLE = /(?:(?<![이])[해써워와봐줘돼져켜려혀겨내]야|(?:거|것|수)[ \t]?(?:이야|야|예요|이에요))[.!]?[ \t]*$/;

/** "당신의 임무는 문의에 답변하는 것입니다." -> "임무: 문의에 답변". */
const DUTY = new RegExp(
  `(?=[당너귀임목업과])${LINE_START}(?:당신의|너의|귀하의)?[ \\t]*(임무|목표|업무|과제|목적)(?:는|은)[ \\t]+([^.!?\\n]+?)(?:(하는)[ \\t]?것|[ \\t]?것)?[ \\t]?(?:입니다|이다)${LINE_END}`,
  'g',
);

/** "문장을 번역해 주시는 것이 당신의 임무입니다." -> "임무: 문장을 번역". */
const DUTY_LAST = new RegExp(
  `(?=[^ \\t\\n])${LINE_START}([^.!?\\n]+?)(?:하는|해[ \\t]?주시는|해[ \\t]?주는|하여[ \\t]?주시는)[ \\t]?것이[ \\t]+(?:당신의[ \\t]+|너의[ \\t]+)?(임무|역할|목표|업무)(?:입니다|이다)${LINE_END}`,
  'g',
);

/** "당신은 항상 존댓말을 사용합니다." -> "항상 존댓말을 사용합니다.": the subject of an instruction that is not a role statement. */
const SUBJECT = new RegExp(`(?=[당너귀])${SENTENCE_START}(?:당신은|너는|귀하는)[ \\t]+(?![^.!?\\n]*(?:입니다|이다|이에요|예요|야)(?:[.!?]|[ \\t]*(?:\\n|$)))`, 'g');

/** "당신의 답변은" -> "답변은": in a system prompt every "your" is the assistant's. */
const POSSESSIVE = /(?<![가-힣])(?:당신의|너의|귀하의)[ \t]+(?=[가-힣\uE000-\uF8FF])/g;

export const roleLines: CompressRule = {
  id: 'ko-role-lines',
  language: 'ko',
  description:
    'Rewrites a line that states the role or the task as a label line ("당신은 X입니다" -> "역할: X", "임무는 X하는 것입니다" -> "임무: X"); drops "당신은/당신의" elsewhere.',
  example: {
    before: '당신은 친절한 고객 상담원입니다.\n당신의 임무는 주문 문의에 답변하는 것입니다.',
    after: '역할: 친절한 고객 상담원\n임무: 주문 문의에 답변',
  },
  apply(text, ctx) {
    let out = ctx.replace(text, ROLE_TAKEN, (m) => `역할: ${m[1]}${m[3] === undefined ? '.' : ''}`);
    out = ctx.replace(out, ROLE, (m) => (NOT_A_ROLE.test(m[0]) ? m[0] : `역할: ${m[1]}`));
    out = ctx.replace(out, DUTY, (m) => {
      // "돕는 것" keeps its "것"; a verbal noun + 하는 것 becomes the noun, and its object particle goes.
      if (m[3]) return `${m[1]}: ${m[2].replace(/(?<![가-힣])([가-힣]+)(을|를)[ \t]+([가-힣]{2,})$/, (all, noun: string, particle: string, stem: string) => nounPhrase(noun, particle, stem))}`;
      return `${m[1]}: ${m[2]}${/[ \t]?것[ \t]?(?:입니다|이다)/.test(m[0]) ? ' 것' : ''}`;
    });
    out = ctx.replace(out, DUTY_LAST, (m) => `${m[2]}: ${m[1].replace(/(?<![가-힣])([가-힣]+)(을|를)[ \t]+([가-힣]{2,})$/, (all, noun: string, particle: string, stem: string) => nounPhrase(noun, particle, stem))}`);
    out = ctx.replace(out, SUBJECT, '');
    return ctx.replace(out, POSSESSIVE, '');
  },
};
