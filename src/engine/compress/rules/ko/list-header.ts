import type { CompressRule } from '../../types';

/**
 * The sentence that introduces a list of rules ("답변할 때는 다음 규칙을 반드시 지켜 주세요.") becomes its label
 * ("답변 필수 규칙:"). Only when a list item follows on the next line, so the label has something to head.
 */
const PATTERN = new RegExp(
  [
    '(?=[^ \\t\\n])(?<=(?:^|\\n)[ \\t]*)',
    '(?:(?<![가-힣])([가-힣]{2,}?)(?:할[ \\t]?때(?:는|에는)|하실[ \\t]?때(?:는|에는)|[ \\t]시)[ \\t]+|([^.!?:\\n]{1,40}?[ \\t]?때)(?:는|에는)?[ \\t]+)?',
    '(?:(?:다음|아래의?)[ \\t]+(규칙|사항|지침|원칙|순서|단계|절차)(?:을|를)?[ \\t]+(반드시[ \\t]+|꼭[ \\t]+)?',
    '(?:지켜[ \\t]?주(?:세요|십시오|시기[ \\t]?바랍니다)|준수해[ \\t]?주(?:세요|십시오|시기[ \\t]?바랍니다)|따라[ \\t]?주(?:세요|십시오|시기[ \\t]?바랍니다)|지키세요|준수하세요|따르세요)',
    // "다음 사항에 특히 주의해 주세요." -> "특히 주의:"
    '|(?:다음|아래의?)[ \\t]+(?:사항|항목|점)에[ \\t]+(특히[ \\t]+)?주의(?:를[ \\t]?기울여[ \\t]?주(?:세요|십시오|시기[ \\t]?바랍니다)|해[ \\t]?주(?:세요|십시오|시기[ \\t]?바랍니다)|하세요|하십시오))',
    '[.:]?[ \\t]*(?=\\n[ \\t]*(?:[-*+•]|\\d{1,3}[.)]|[\\uE000-\\uF8FF][.)])[ \\t])',
  ].join(''),
  'g',
);

/** "다음은 고객 정보입니다:" -> "고객 정보:". */
const HERE_IS = /(?=[다아])(?<=(?:^|\n)[ \t]*)(?:다음은|아래는)[ \t]+([^.!?:\n]{1,40}?)[ \t]?입니다[ \t]*[:.]/g;

export const koListHeader: CompressRule = {
  id: 'ko-list-header',
  language: 'ko',
  description:
    'Turns the sentence that introduces a list of rules into its label ("답변할 때는 다음 규칙을 반드시 지켜 주세요." -> "답변 필수 규칙:", "다음은 고객 정보입니다:" -> "고객 정보:").',
  example: {
    before: '답변할 때는 다음 규칙을 반드시 지켜 주세요.\n- 존댓말 사용',
    after: '답변 필수 규칙:\n- 존댓말 사용',
  },
  apply(text, ctx) {
    const out = ctx.replace(text, PATTERN, (m) => {
      const clause = m[1] ? `${m[1]} ` : m[2] ? `${m[2]} ` : '';
      if (!m[3]) return `${clause}${m[5] ? '특히 ' : ''}주의:`;
      // "주문을 받을 때 아래 지침을 꼭 따라 주세요." -> "주문을 받을 때 필수 지침:".
      return `${clause}${m[4] ? '필수 ' : ''}${m[3]}:`;
    });
    return ctx.replace(out, HERE_IS, '$1:');
  },
};
