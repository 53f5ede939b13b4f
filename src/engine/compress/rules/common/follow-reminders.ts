import { SENTENCE_START } from '../../text';
import type { CompressRule } from '../../types';

/**
 * A sentence that only asks to follow the rules already given ("Please follow the guidelines above carefully.",
 * "위의 규칙들을 꼭 지켜 주세요."): the rules bind the model whether or not it is told to follow them. Only where no
 * list or colon follows, since there "these rules" announces what comes next (en-list-header, ko-list-header).
 */
const EN = new RegExp(
  `(?=[PpMmBbAaRrFfSsOoKkCc])${SENTENCE_START}(?:please[ \\t]+)?(?:(?:make[ \\t]+sure[ \\t]+(?:that[ \\t]+you[ \\t]+|you[ \\t]+|to[ \\t]+)|be[ \\t]+sure[ \\t]+to|always|remember[ \\t]+to|carefully)[ \\t]+)?` +
    `(?:follow|stick[ \\t]+to|adhere[ \\t]+to|obey|observe|comply[ \\t]+with|keep[ \\t]+to)[ \\t]+(?:all[ \\t]+(?:of[ \\t]+)?)?(?:these|the|those|our|my)[ \\t]+(?:above[ \\t]+)?` +
    `(?:rules|guidelines|instructions|requirements|constraints|principles)(?:[ \\t]+(?:above|carefully|strictly|closely|exactly|precisely|at[ \\t]+all[ \\t]+times|in[ \\t]+every[ \\t]+(?:response|answer|reply)))*[ \\t]*[.!]+`,
  'gi',
);

const KO = new RegExp(
  `(?=[위앞이모])${SENTENCE_START}(?:위의?|앞의|이상의|모든|위의[ \\t]+모든)[ \\t]+(?:규칙|지침|사항|원칙|가이드라인|주의사항|주의[ \\t]사항)(?:들)?(?:을|를)[ \\t]+(?:(?:꼭|반드시|항상|모두|잘|철저히)[ \\t]+)*` +
    `(?:지켜서?|준수해서?|준수하여|따라서?)(?:[ \\t]+(?:작성|답변|응답)(?:해|하여)?)?[ \\t]?(?:주세요|줘|주십시오|주시기[ \\t]?바랍니다|주시길[ \\t]?바랍니다|주셔야[ \\t]?합니다)?[.!]+`,
  'g',
);

/** The sentence and the spaces around it, when what follows is not a list (then the sentence introduces it). */
function dropReminder(m: RegExpExecArray): string {
  const rest = m.input.slice(m.index + m[0].length);
  const next = /^[ \t]*(?:\n[ \t]*)*(\S.*)?/.exec(rest)?.[1] ?? '';
  return /^(?:[-*+•]|\d{1,3}[.)]|[\uE000-\uF8FF][.)])[ \t]/.test(next) || /^:/.test(rest) ? m[0] : '';
}

export const followReminders: CompressRule = {
  id: 'follow-reminders',
  language: 'any',
  description:
    'Drops a sentence that only asks to follow the rules already given ("Please follow the guidelines above carefully.", "위의 규칙들을 꼭 지켜 주세요.") unless a list follows it.',
  example: {
    before: '- Answer in English.\n- Cite sources.\nPlease follow these rules carefully.',
    after: '- Answer in English.\n- Cite sources.',
  },
  mayRemoveLines: true,
  apply(text, ctx) {
    return ctx.replace(ctx.replace(text, EN, dropReminder), KO, dropReminder);
  },
};
