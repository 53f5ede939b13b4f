import type { CompressRule } from '../../types';
import { OBJECT_AND_STEM, nounPhrase } from './hangul';

/** Every way of saying "do not" after a verbal noun + 하지, and "하면 안 됩니다". */
const ENDINGS = [
  '하지[ \\t]?(?:마세요|마십시오|마시오|마라|마(?=[.!]|[ \\t]*(?:\\n|$))|말아[ \\t]?줘|말아[ \\t]?주세요|말아[ \\t]?주십시오|말아야[ \\t]?합니다|말아야[ \\t]?해요|말[ \\t]?것|마시기[ \\t]?바랍니다|않도록[ \\t]?(?:해|하여)[ \\t]?주세요|않도록[ \\t]?(?:해|하여)[ \\t]?주십시오|않도록[ \\t]?주의해[ \\t]?주세요|않도록[ \\t]?주의하세요|않도록[ \\t]?하세요|않도록[ \\t]?합니다|않아야[ \\t]?합니다|않아야[ \\t]?해요)',
  '하면[ \\t]+안[ \\t]?(?:됩니다|돼요|된다|됨)',
  '(?:해서는|하셔서는|해[ \\t]?드려서는)[ \\t]+안[ \\t]?(?:됩니다|돼요|된다|됨)',
].join('|');

const PATTERN = new RegExp(`${OBJECT_AND_STEM}(?:${ENDINGS})`, 'g');

/** A native verb + 지 마세요 ("받지 마세요" -> "받기 금지"): the verb's noun form with 기. */
const NATIVE = new RegExp(
  `(?:(?<![가-힣])([가-힣]+)(을|를)[ \\t]+)?(?<![가-힣])([가-힣]*[^하\\s\\P{Script=Hangul}])지[ \\t]?(?:마세요|마십시오|마시오|말아[ \\t]?주세요|말아[ \\t]?주십시오|마시기[ \\t]?바랍니다|않도록[ \\t]?(?:해|하여)[ \\t]?주세요|않도록[ \\t]?(?:해|하여)[ \\t]?주십시오|않도록[ \\t]?하세요)`,
  'gu',
);

/** "말은 하지 말아 주세요" / "요청하는 것은 절대로 하지 마세요": a noun + 하지 말다 -> "말 금지", "요청하는 것 절대 금지". */
const NOUN_THEN_DONT = new RegExp(
  `(?<![가-힣])([가-힣]+)(?:은|는|을|를)[ \\t]+((?:절대|절대로)[ \\t]+)?하지[ \\t]?(?:마세요|마십시오|마시오|말아[ \\t]?주세요|말아[ \\t]?주십시오|마시기[ \\t]?바랍니다)`,
  'g',
);

export const prohibitions: CompressRule = {
  id: 'ko-prohibitions',
  language: 'ko',
  description:
    'Turns "~하지 마세요 / 말아 주세요 / 않도록 해 주세요 / 하면 안 됩니다" into "X 금지", and "받지 마세요" into "받기 금지" (one prohibition in, one out).',
  example: {
    before: '개인정보를 공유하지 마세요.\n추측하지 말아 주세요.\n예약을 받지 마세요.',
    after: '개인정보 공유 금지.\n추측 금지.\n예약 받기 금지.',
  },
  apply(text, ctx) {
    const out = ctx.replace(text, PATTERN, (m) => `${nounPhrase(m[1], m[2], m[3])} 금지`);
    const native = ctx.replace(out, NATIVE, (m) => `${nounPhrase(m[1], m[2], `${m[3]}기`)} 금지`);
    return ctx.replace(native, NOUN_THEN_DONT, (m) => `${m[1]} ${m[2] ? '절대 ' : ''}금지`);
  },
};
