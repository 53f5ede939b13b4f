import { phrases } from '../../text';
import type { CompressRule } from '../../types';
import { SENTENCE_END, hasFinalConsonant, isObjectParticle } from './hangul';

/**
 * Requests made with a native verb, and the verbal noun that says the same in a prompt's noun style
 * ("지켜 주세요" -> "준수", "보여 주세요" -> "표시"). Only verbs whose noun keeps the meaning are listed.
 */
const REQUESTED: Record<string, string> = {
  지켜: '준수',
  보여: '표시',
  고쳐: '수정',
  알려: '안내',
  써: '작성',
  적어: '기재',
  도와: '지원',
  골라: '선택',
  바꿔: '변경',
  넣어: '포함',
  나눠: '구분',
  나누어: '구분',
  남겨: '기록',
  답해: '답변',
  물어봐: '질문',
  여쭤봐: '질문',
  말씀드려: '안내',
  살펴봐: '검토',
  붙여: '추가',
  맡아: '담당',
  덧붙여: '추가',
  '주의를 기울여': '주의',
  따라: '준수',
  밝혀: '명시',
  나타내: '표시',
};

/** Objects that one uses rather than writes (with 써 / 쓰세요 -> 사용, not 작성). */
const USED_NOT_WRITTEN = /(?:표현|말|단어|어휘|용어|말투|존댓말|반말|높임말|문체|어조|톤|이모지|기호|도구|함수|형식)$/;

/** The same verbs as plain polite imperatives ("지키세요"). */
const IMPERATIVE: Record<string, string> = {
  지키세요: '준수',
  고치세요: '수정',
  쓰세요: '작성',
  고르세요: '선택',
  바꾸세요: '변경',
  답하세요: '답변',
  물어보세요: '질문',
  여쭤보세요: '질문',
  '여쭈어 보세요': '질문',
};

const REQUEST_ENDING =
  '[ \\t]?(?:주세요|주시면[ \\t]?(?:돼요|좋겠어요|좋아요|좋습니다|좋을[ \\t]?것[ \\t]?같(?:아요|습니다))|주면[ \\t]?좋(?:아요|겠어요|겠습니다)|주면[ \\t]?(?:됩니다|돼요|돼)|줘요|줘|주십시오|주시기[ \\t]?바랍니다|주시길[ \\t]?바랍니다|주셔야[ \\t]?합니다|주시면[ \\t]?됩니다|주셨으면[ \\t]?합니다|주시면[ \\t]?(?:좋겠습니다|감사하겠습니다)|주셨으면[ \\t]?좋겠습니다|주셨으면[ \\t]?좋겠어요|(?:줬|주었)으면[ \\t]?좋겠(?:어요|어|습니다))';

/**
 * Not after another verb in its -아/-어 form: "채워 넣어 주세요" is one verb ("fill in"), and its second half alone
 * ("넣어" -> "포함") would say something else.
 */
const NOT_SERIAL = '(?<![가-힣][아어워와여해봐줘쳐켜려져혀겨][ \\t])';

/** Groups: 1 object noun, 2 particle, 3 the verb, 4 a request ending when the verb is one of REQUESTED. */
const PATTERN = new RegExp(
  `(?:(?<![가-힣])([가-힣]+)(을|를)[ \\t]+)?${NOT_SERIAL}(?<![가-힣])(?:(${phrases(Object.keys(REQUESTED))})(${REQUEST_ENDING})|(${phrases(Object.keys(IMPERATIVE))}))${SENTENCE_END}`,
  'g',
);

/**
 * Any other regular verb whose stem ends in a consonant ("찾아 주세요", "읽어 주세요"): its -기 noun ("찾기", "읽기").
 * Stems that are irregular before 아/어 (들어 from 듣다, 물어 from 묻다, 걸어 from 걷다) are left alone.
 */
const REGULAR = new RegExp(`${NOT_SERIAL}(?<![가-힣])([가-힣]*[가-힣])(아|어)${REQUEST_ENDING}${SENTENCE_END}`, 'g');
const IRREGULAR = new Set(['들', '물', '걸', '실', '깨달', '일컬']);

/**
 * "규정을 따르시기 바랍니다." / "받으시기 바랍니다." -> "규정을 따르기." / "받기.": a wish for what the reader does is
 * its -기 form. Stems that end in 시 or 으 themselves (마시다, 모시다, 모으다) are left alone.
 */
const WISH = new RegExp(`(?<![가-힣])([가-힣]*?[가-힣])(?<![마모다]|모으)(으)?시기[ \\t]?바랍니다${SENTENCE_END}`, 'g');

/** "보여 주셔도 괜찮습니다" -> "보여도 됩니다": a permission, without the favour. */
const MAY = /(?<=[가-힣][아어여워와봐줘져쳐켜려혀겨내])[ \t]?주셔도[ \t]?(?:괜찮습니다|됩니다)/g;

/** "작성해 주셔도 되지만" / "칭찬해 주셔도 괜찮지만" -> "작성해도 되지만": a permission mid-sentence, without the favour. */
const MAY_SO = /(?<=[가-힣][아어여워와봐줘져쳐켜려혀겨내해])[ \t]?주셔도(?=[ \t]?(?:괜찮|되|돼))/g;

/** "피해 주세요" / "정해 주세요" -> "피하기" / "정하기": a one-syllable 하다 verb, as its -기 form. */
const ONE_SYLLABLE_HA = new RegExp(`${NOT_SERIAL}(?<![가-힣])([가-힣])해${REQUEST_ENDING}${SENTENCE_END}`, 'g');

export const nativeVerbs: CompressRule = {
  id: 'ko-native-verbs',
  language: 'ko',
  description:
    'Turns requests with a native verb into the matching verbal noun ("규칙을 지켜 주세요" -> "규칙 준수", "보여 주세요" -> "표시") or its -기 form ("찾아 주세요" -> "찾기").',
  example: { before: '다음 규칙을 지켜 주세요.\n변경된 줄만 보여 주세요.', after: '다음 규칙 준수.\n변경된 줄만 표시.' },
  apply(text, ctx) {
    const out = ctx.replace(text, PATTERN, (m) => {
      let noun = m[3] ? REQUESTED[m[3].replace(/[ \t]+/g, ' ')] : IMPERATIVE[m[5]];
      // 쓰다 is "use" as well as "write": "존댓말을 써 주세요" asks to use it, not to write it.
      if ((m[3] === '써' || m[5] === '쓰세요') && m[1] && USED_NOT_WRITTEN.test(m[1])) noun = '사용';
      if (!noun) return m[0];
      if (!m[1] || !m[2]) return noun;
      return isObjectParticle(m[1], m[2]) ? `${m[1]} ${noun}` : `${m[1]}${m[2]} ${noun}`;
    });
    const plain = ctx.replace(ctx.replace(ctx.replace(out, MAY, '도 됩니다'), MAY_SO, '도'), ONE_SYLLABLE_HA, (m) => (/[말답]/.test(m[1]) ? m[0] : `${m[1]}하기`));
    const wished = ctx.replace(ctx.replace(plain, WISH, (m) => (m[1] === '하' || m[1] === '주' || m[1] === '드리' || m[1].endsWith('하') ? m[0] : `${m[1]}기`)), MAY, '도 됩니다');
    return ctx.replace(wished, REGULAR, (m) => {
      const stem = m[1];
      // A vowel-final stem counts only with its 어/아 written out ("맞추어", not the contracted "맞춰").
      const vowelStem = !hasFinalConsonant(stem.slice(-1)) && !/^하$/.test(stem.slice(-1)) && m[2] === '어';
      if ((!hasFinalConsonant(stem.slice(-1)) && !vowelStem) || IRREGULAR.has(stem.slice(-2)) || IRREGULAR.has(stem.slice(-1))) return m[0];
      return `${stem}기`;
    });
  },
};
