import type { CompressRule } from '../../types';
import { OBJECT_AND_STEM, hasFinalConsonant, nounPhrase } from './hangul';

/**
 * Honorific verb forms describing what the user does ("고객이 문의하시면"): the model reads the plain form the same
 * way, and its own tone instructions ("존댓말을 사용") are words, not verb forms, so they stay. Nouns such as 고객님
 * are kept: the model may echo them when it addresses the user.
 */
const FORMS: Record<string, string> = {
  하시면: '하면',
  하시는: '하는',
  하시고: '하고',
  하시며: '하며',
  하셔서: '해서',
  하셨다면: '했다면',
  하셨으면: '했으면',
  하셨을: '했을',
  하신: '한',
  '하실 수 있도록': '하도록',
};

/** Any verb ending in 하다 takes the plain form: only the honorific 시 goes ("원하시는" -> "원하는"). */
const VERB = new RegExp(`(?<=[가-힣])(${Object.keys(FORMS).join('|')})(?![가-힣])`, 'g');
/** The honorific subject particle: "고객님께서" -> "고객님이" (이 after a final consonant, else 가). */
const SUBJECT_PARTICLE = /(?<=[가-힣])께서(?![가-힣])/g;
/** "문의하실 때에는" -> "문의 시", "표현하시는 경우에는" -> "표현 시". */
const WHEN = new RegExp(`${OBJECT_AND_STEM}(?:하실[ \\t]?때(?:에는|는|에)?|하시는[ \\t]?경우(?:에는|에|는)?)(?![가-힣])`, 'g');
/** "답변하지 마시고" -> "답변하지 말고" (the prohibition stays, only the honorific goes). */
const DONT_AND = /(?<=지[ \t]?)마시고(?![가-힣])/g;
/** A favour asked in the middle of a sentence ("작성해 주시고," -> "작성하고,", "답변해 주는" -> "답변하는", "칭찬해 주신" -> "칭찬한"). */
const FAVOUR = /(?<=[가-힣])(?:해|하여)[ \t]?주(시고|는|며|신)(?![가-힣])/g;
const FAVOUR_PLAIN: Record<string, string> = { 시고: '하고', 는: '하는', 며: '하며', 신: '한' };
const SPEAK = /(?<![가-힣])말씀(?:해[ \t]?주시면|하시면)(?![가-힣])/g;

export const honorifics: CompressRule = {
  id: 'ko-honorifics',
  language: 'ko',
  description:
    'Plain verb forms and particles for what the user does ("고객님께서 문의하시면" -> "고객님이 문의하면", "문의하실 때에는" -> "문의 시"); honorific nouns stay.',
  example: { before: '고객님께서 환불을 요청하시면 구매하신 날짜를 확인하세요.', after: '고객님이 환불을 요청하면 구매한 날짜를 확인하세요.' },
  apply(text, ctx) {
    let out = ctx.replace(text, FAVOUR, (m) => FAVOUR_PLAIN[m[1]] ?? m[0]);
    out = ctx.replace(out, WHEN, (m) => `${nounPhrase(m[1], m[2], m[3])} 시`);
    out = ctx.replace(out, VERB, (m) => FORMS[m[1]] ?? m[0]);
    out = ctx.replace(out, SUBJECT_PARTICLE, (m) => (hasFinalConsonant(m.input.charAt(m.index - 1)) ? '이' : '가'));
    out = ctx.replace(out, DONT_AND, '말고');
    return ctx.replace(out, SPEAK, '말하면');
  },
};
