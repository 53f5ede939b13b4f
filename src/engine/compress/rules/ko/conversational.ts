import { SENTENCE_START } from '../../text';
import type { CompressRule } from '../../types';

const VERB_OF_TELLING = '(?:설명|소개|말씀|얘기|이야기)(?:을|를)?[ \\t]*';
/** What makes a "let me explain" sentence an opener: 일단 / 먼저 / 우선, 간단히, or 상황 / 배경부터. */
const OPENER_HEAD =
  '(?:자,?[ \\t]*)?(?:(?:일단|먼저|우선)[ \\t]+(?:간단(?:하게|히)[ \\t]+)?(?:(?:상황|배경|맥락)(?:부터|을|를)?[ \\t]+)?|간단(?:하게|히)[ \\t]+|(?:상황|배경|맥락)(?:부터|을|를)?[ \\t]+)';

/**
 * Sentences that only announce an explanation ("자, 일단 상황부터 설명할게요.") and the same as a clause ("일단 간단하게
 * 설명하면, 너는 …" -> "너는 …"): what follows is the explanation itself.
 */
const ANNOUNCEMENT = new RegExp(
  `(?=[자일먼우간상배맥])${SENTENCE_START}${OPENER_HEAD}${VERB_OF_TELLING}(?:(?:하|드리)(?:면|자면)(?:요)?,[ \\t]*(?=\\S)|(?:할게요|드릴게요|할게|할게요|하겠습니다|드리겠습니다)[.!]+(?:[ \\t]+(?=\\S)|[ \\t]*(?=\\n|$)))`,
  'g',
);

/** "자," opening a sentence: a chat habit. */
const JA = new RegExp(`(?=자)${SENTENCE_START}자,[ \\t]*(?=[가-힣\\uE000-\\uF8FF])`, 'g');

/** "그리고 마지막으로 하나 더," / "마지막으로," / "하나 더," / "그리고" opening a sentence: asides and connectives. */
const ASIDE = new RegExp(
  `(?=[그마끝하뭐])${SENTENCE_START}(?:(?:뭐,?[ \\t]+)?그리고,?[ \\t]+)?(?:(?:마지막으로|끝으로)(?:[ \\t]+하나[ \\t]+더)?,?[ \\t]+|하나[ \\t]+더,[ \\t]*|뭐,?[ \\t]+(?=그리고|대충|암튼|아무튼|어쨌든)|(?<=그리고,?[ \\t]+))(?=[가-힣\\uE000-\\uF8FF])`,
  'g',
);

/** A line that only closes the chat ("뭐 대충 이 정도야.", "일단 이 정도예요."). */
const CLOSER = new RegExp(
  `(?=[뭐대일이])${SENTENCE_START}(?:뭐[ \\t]+)?(?:대충[ \\t]+|일단[ \\t]+)?이[ \\t]+정도(?:야|예요|에요|입니다)[.!~]*(?:[ \\t]+(?=\\S)|[ \\t]*(?=\\n|$))(?<=(?:뭐|대충|일단)[ \\t]+이[ \\t]+정도[^\\n]{0,8})`,
  'g',
);

/** "그냥" before a verb phrase: "just", a softener ("그냥 모른다고 하고" -> "모른다고 하고"). */
const JUST = /(?<![가-힣])그냥[ \t]+(?=[가-힣\uE000-\uF8FF])/g;

/**
 * "X라는 거 알아 두세요" / "X다는 점을 기억해 주세요" -> "X" / "X다": the fact is the instruction; asking to
 * remember it adds nothing.
 */
const KNOW_THAT = /(?<=[가-힣0-9\uE000-\uF8FF])(?:(이)?라|(다))는[ \t]+(?:거|것|점)(?:을|를)?[ \t]+(?:꼭[ \t]+)?(?:알아[ \t]?(?:두세요|둬요|둬|두시면[ \t]?(?:돼요|됩니다))|기억해[ \t]?(?:주세요|두세요|줘|둬)|참고해[ \t]?(?:주세요|줘))(?=[.!]|[ \t]*(?:\n|$))/g;

/**
 * "몇 가지 꼭 지켜 주셨으면 하는 것들이 있어요:" on its own line above a list -> "규칙:" (지키다) or "참고:" (the rest).
 */
const POINTS_HEADER = new RegExp(
  `(?=[그몇아다])(?<=(?:^|\\n)[ \\t]*)(?:(?:그래서|그리고)[ \\t]+)?(?:몇[ \\t]?가지|아래|다음)[ \\t]+(?:꼭[ \\t]+|반드시[ \\t]+)?(지켜|참고해|알아[ \\t]?둬|기억해)[ \\t]*(?:주셨으면|줬으면|주셔야|줘야|주시면)[ \\t]*(?:하는|할|좋겠는|좋은)[ \\t]+(?:것들?|부분들?|게|거|점들?)(?:이|가)?[ \\t]+(?:있어요|있는데요|있습니다|있어|있는데)[.:]?(?=[ \\t]*(?:\\n|$))`,
  'g',
);

/** 받침 (final consonant index) of stems that conjugate regularly before 아/어: ㄱ ㄲ ㄴ ㄹ ㅁ ㅄ ㅆ ㅈ ㅊ ㅋ ㅌ ㅍ. */
const REGULAR_FINALS = new Set([1, 2, 4, 8, 16, 18, 20, 22, 23, 24, 25, 26]);

/** The 해요체 / 반말 statement of a stem's last syllable ("보내" -> "보내", "잡" -> "잡아", "하" -> "해"), or null. */
function statementOf(syllable: string): string | null {
  if (syllable === '하') return '해';
  if (syllable === '되') return '돼';
  if (syllable === '좋') return '좋아';
  const c = syllable.charCodeAt(0) - 0xac00;
  if (c < 0 || c > 11171) return null;
  const final = c % 28;
  const vowel = Math.floor(c / 28) % 21;
  // Vowel stems ending in ㅐ / ㅔ / ㅓ / ㅏ / ㅕ take no 어 (보내요, 서요, 가요, 켜요).
  if (final === 0) return [0, 1, 4, 5, 6].includes(vowel) ? syllable : null;
  if (!REGULAR_FINALS.has(final)) return null;
  // ㅏ / ㅑ / ㅗ stems take 아, the rest 어 (잡아, 있어, 먹어).
  return syllable + ([0, 2, 8].includes(vowel) ? '아' : '어');
}

/** "~거든요." / "~거든." at a sentence end: an explanation in 해요체 / 반말 -> the plain statement ("잡거든요" -> "잡아요"). */
const GEODEUN = /(?<![가-힣])([가-힣]*?)([가-힣])거든(요)?(?=[.!~]|[ \t]*(?:\n|$))/g;

export const koConversational: CompressRule = {
  id: 'ko-conversational',
  language: 'ko',
  description:
    'Drops chat padding: "자, 일단 상황부터 설명할게요." and "일단 간단하게 설명하면,", asides ("그리고 마지막으로 하나 더,"), closing lines ("뭐 대충 이 정도야."), a softening "그냥", "~라는 거 알아 두세요", "~거든요" endings (-> 해요체), and "몇 가지 꼭 지켜 주셨으면 하는 것들이 있어요:" -> "규칙:".',
  example: {
    before: '자, 일단 상황부터 설명할게요. 너는 카페 주문 봇이에요. 손님들이 그냥 편하게 주문하거든요.\n몇 가지 꼭 지켜 주셨으면 하는 것들이 있어요:\n- 메뉴만 받기.\n그리고 마지막으로 하나 더, 영업시간은 9시까지라는 거 알아 두세요.',
    after: '너는 카페 주문 봇이에요. 손님들이 편하게 주문해요.\n규칙:\n- 메뉴만 받기.\n영업시간은 9시까지.',
  },
  mayRemoveLines: true,
  apply(text, ctx) {
    let out = ctx.replace(text, ANNOUNCEMENT, '');
    out = ctx.replace(out, JA, '');
    out = ctx.replace(out, CLOSER, '');
    out = ctx.replace(out, ASIDE, '');
    out = ctx.replace(out, POINTS_HEADER, (m) => (m[1] === '지켜' ? '규칙:' : '참고:'));
    out = ctx.replace(out, KNOW_THAT, (m) => (m[2] ? '다' : ''));
    out = ctx.replace(out, JUST, '');
    return ctx.replace(out, GEODEUN, (m) => {
      // "물어볼 거거든" is the noun 거 (것) and its copula: "물어볼 거." would drop the copula, so it stays.
      if (!m[1] && m[2] === '거') return m[0];
      const statement = statementOf(m[2]);
      return statement === null ? m[0] : `${m[1]}${statement}${m[3] ?? ''}`;
    });
  },
};
