import type { CompressRule } from '../../types';
import { OBJECT_AND_STEM, SENTENCE_END, nounPhrase } from './hangul';

/** "존댓말을 사용합니다." -> "존댓말 사용." */
const HAMNIDA = new RegExp(`${OBJECT_AND_STEM}합니다${SENTENCE_END}`, 'g');

/** "사용할 수 있습니다." -> "사용 가능." */
const CAN = new RegExp(`${OBJECT_AND_STEM}(?:할|하실)[ \\t]?수[ \\t]?(?:있습니다|있어요|있다)${SENTENCE_END}`, 'g');

/** "요청을 처리하고 있습니다." / "결정하게 됩니다." -> "요청 처리." / "결정.": the state or outcome in noun style. */
const DOING = new RegExp(`${OBJECT_AND_STEM}(?:하고[ \\t]?(?:있습니다|있어요|있다)|하게[ \\t]?(?:됩니다|돼요|된다))${SENTENCE_END}`, 'g');

/** "정리하는 일을 맡고 있습니다." -> "정리하는 일 담당.": a duty held. */
const IN_CHARGE = new RegExp(`(?<![가-힣])([가-힣]+)(을|를)[ \\t]+맡고[ \\t]?(?:있습니다|있어요|있다)${SENTENCE_END}`, 'g');

/** "…핵심 내용을 정리하는 것." / "추출하는 거예요." -> "…핵심 내용 정리." / "추출": a task ending in "하는 것" (after 입니다 went). */
const THE_DOING = new RegExp(`${OBJECT_AND_STEM}하는[ \\t]?(?:것(?:입니다|이에요)?|거예요|거야)${SENTENCE_END}`, 'g');

/** "사용하셔도 됩니다." / "사용해도 괜찮습니다." -> "사용 가능.": a permission. */
const MAY = new RegExp(`${OBJECT_AND_STEM}(?:하셔도|해도)[ \\t]?(?:됩니다|돼요|괜찮습니다|좋습니다|괜찮아요|좋아요|돼|괜찮아)${SENTENCE_END}`, 'g');

/** "정보가 포함되어 있습니다." -> "정보가 포함됨.": a state in noun style. */
const DOEO_ITDA = new RegExp(`(?<![가-힣])([가-힣]{2,}?)되어[ \\t]?있(?:습니다|어요)${SENTENCE_END}`, 'g');

/** "1~3일이 소요됩니다." -> "1~3일이 소요." */
const DOEMNIDA = new RegExp(`(?<![가-힣])([가-힣]{2,}?)됩니다${SENTENCE_END}`, 'g');

/** "형식은 다음과 같습니다:" / "형식은 아래와 같습니다." -> "형식:", with its colon or at a line end (mid-line, "같습니다." -> ":" would make the next sentence the label's value). */
const AS_FOLLOWS = /(?<=[가-힣])(?:은|는)[ \t]+(?:다음과|아래와)[ \t]+같습니다[ \t]*(?::|\.?(?=[ \t]*(?:\n|$)))/g;

/** "가능해요." / "처리돼요." -> "가능." / "처리.": the polite 해요체 statement of a verbal noun. */
const HAEYO = new RegExp(`${OBJECT_AND_STEM}해요${SENTENCE_END}`, 'g');
const DWAEYO = new RegExp(`(?<![가-힣])([가-힣]{2,}?)돼요${SENTENCE_END}`, 'g');

/** "10자리 번호예요." -> "10자리 번호.": the 해요체 copula after a noun ("하는 거예요" keeps its 거: it is no noun). */
const IEYO = new RegExp(`(?<=[가-힣\\uE000-\\uF8FF])(?<![거것])(?:이에요|예요)${SENTENCE_END}`, 'g');

/** Thanks stay words of thanks ("감사합니다" -> "감사" reads as a bare noun). */
const NOT_A_STATEMENT = new Set(['감사', '고맙', '미안', '죄송']);

/** "출력 형식은 JSON입니다." -> "출력 형식은 JSON." (the copula after a noun or a protected span). */
const IMNIDA = new RegExp(`(?<=[가-힣\\uE000-\\uF8FF])입니다${SENTENCE_END}`, 'g');

export const declarativeEndings: CompressRule = {
  id: 'ko-declarative-endings',
  language: 'ko',
  description:
    'Shortens statement endings to noun style ("존댓말을 사용합니다" -> "존댓말 사용", "사용할 수 있습니다" -> "사용 가능", "JSON입니다" -> "JSON").',
  example: {
    before: '항상 존댓말을 사용합니다.\n출력 형식은 JSON입니다.',
    after: '항상 존댓말 사용.\n출력 형식은 JSON.',
  },
  apply(text, ctx) {
    let out = ctx.replace(text, HAMNIDA, (m) => (NOT_A_STATEMENT.has(m[3].slice(-2)) ? m[0] : nounPhrase(m[1], m[2], m[3])));
    out = ctx.replace(out, HAEYO, (m) => (NOT_A_STATEMENT.has(m[3].slice(-2)) ? m[0] : nounPhrase(m[1], m[2], m[3])));
    out = ctx.replace(out, DWAEYO, '$1');
    out = ctx.replace(out, IEYO, '');
    out = ctx.replace(out, CAN, (m) => `${nounPhrase(m[1], m[2], m[3])} 가능`);
    out = ctx.replace(out, DOING, (m) => nounPhrase(m[1], m[2], m[3]));
    out = ctx.replace(out, MAY, (m) => `${nounPhrase(m[1], m[2], m[3])} 가능`);
    out = ctx.replace(out, THE_DOING, (m) => nounPhrase(m[1], m[2], m[3]));
    out = ctx.replace(out, IN_CHARGE, (m) => nounPhrase(m[1], m[2], '담당'));
    out = ctx.replace(out, DOEMNIDA, '$1');
    out = ctx.replace(out, DOEO_ITDA, '$1됨');
    out = ctx.replace(out, AS_FOLLOWS, ':');
    return ctx.replace(out, IMNIDA, '');
  },
};
