import type { CompressRule } from '../../types';
import { OBJECT_AND_STEM, hasFinalConsonant, nounPhrase, withFinalConsonant } from './hangul';

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
  '하실 수': '할 수',
  하시도록: '하도록',
  하시라고: '하라고',
  하시는지: '하는지',
  하셨는지: '했는지',
  하셔야: '해야',
  하시되: '하되',
  하시므로: '하므로',
  하시니: '하니',
  하시게: '하게',
  하신다면: '한다면',
  하실: '할',
  하시지: '하지',
  하시다가: '하다가',
  하셨던: '했던',
  하셨습니다: '했습니다',
  하십니다: '합니다',
};

/**
 * Native verbs in their honorific forms ("메시지를 보내시면", "물어보시는 경우", "있으신지"): only the 시 goes, so only
 * endings that attach unchanged are listed (no stem that would need its final consonant rebuilt).
 */
const NATIVE_STEMS = [
  '보내', '보', '물어보', '돌아오', '오', '가', '느끼', '기다리', '바꾸', '쓰', '받으', '돌려받으', '있으', '없으', '찾으', '읽으',
  '남기', '알리', '겪으', '지키', '따르', '고르', '고치', '맡기', '다루', '살피', '믿으', '잊으', '넣으', '담으', '올리',
  '내리', '지나', '나누', '누르', '들르', '머무르', '떠나', '만나', '배우', '가르치', '키우', '바라', '원하', '입으', '앉으', '않으', '두',
];
const NATIVE_ENDINGS: Record<string, string> = {
  시면: '면',
  시는: '는',
  시고: '고',
  시며: '며',
  시도록: '도록',
  시는지: '는지',
  시게: '게',
  시라고: '라고',
  시지: '지',
  시다가: '다가',
};
/** "보내신" / "받으실" -> "보낸" / "받을": the 시 goes and its final consonant moves to the stem ("받으" -> "받은"). */
const NATIVE_FINAL = new RegExp(`(?<![가-힣])(${NATIVE_STEMS.join('|')})(신|실)(?![가-힣])`, 'g');
/** 계시다 is the honorific of 있다: "계신" -> "있는", "계시면" -> "있으면". */
const STAY: Record<string, string> = { 계신지: '있는지', 계신: '있는', 계시는: '있는', 계시기: '있기', 계시면: '있으면', 계시고: '있고', 계시며: '있으며', 계십니다: '있습니다', 계셔서: '있어서', 계시지: '있지' };
const STAY_FORMS = new RegExp(`(?<=[ \\t]|^)(?:${Object.keys(STAY).join('|')})(?![가-힣])`, 'g');
const NATIVE = new RegExp(`(?<![가-힣])(${NATIVE_STEMS.join('|')})(${Object.keys(NATIVE_ENDINGS).join('|')})(?![가-힣])`, 'g');
/** "있으신지" / "없으신" -> "있는지" / "없는" (있다 and 없다 take 는 where other verbs take ㄴ). */
const EXIST = /(?<![가-힣])(있|없)으신(지|가)?(?![가-힣])/g;

/** Any verb ending in 하다 takes the plain form: only the honorific 시 goes ("원하시는" -> "원하는"). */
const VERB = new RegExp(`(?<=[가-힣])(${Object.keys(FORMS).join('|')})(?![가-힣])`, 'g');
/** The honorific subject particle: "고객님께서" -> "고객님이" (이 after a final consonant, else 가). */
const SUBJECT_PARTICLE = /(?<=[가-힣])께서(?![가-힣])/g;
/** "문의하실 때에는" -> "문의 시", "표현하시는 경우에는" -> "표현 시". */
const WHEN = new RegExp(`${OBJECT_AND_STEM}(?:하실[ \\t]?때(?:에는|는|에)?|하시는[ \\t]?경우(?:에는|에|는)?)(?![가-힣])`, 'g');
/** "답변하지 마시고" -> "답변하지 말고" (the prohibition stays, only the honorific goes). */
const DONT_AND = /(?<=지[ \t]?)마시고(?![가-힣])/g;
/** A favour asked in the middle of a sentence ("작성해 주시고," -> "작성하고,", "답변해 주는" -> "답변하는", "칭찬해 주신" -> "칭찬한"). */
const FAVOUR = /(?<=[가-힣]|(?:^|[ \t(])(?=해))(?:해|하여)[ \t]?(?:주(시고|시되|는|며|신|셔야)|드(리는|린|리고|리며))(?![가-힣])/g;
const FAVOUR_PLAIN: Record<string, string> = { 시고: '하고', 시되: '하되', 는: '하는', 며: '하며', 신: '한', 셔야: '해야', 리는: '하는', 린: '한', 리고: '하고', 리며: '하며' };
/**
 * "알려 주셔야 하며" -> "알려야 하며": the favour goes, the obligation stays (any verb in its -아/-어 form). Not at a
 * sentence end ("넣어 주셔야 합니다"), which the request rules turn into a noun.
 */
const FAVOUR_MUST = /(?<=[가-힣][아어여워와봐줘져쳐켜려혀겨내])[ \t]?주셔야(?=[ \t]?하(?:며|고|는|지|므로|기|되)(?![가-힣]))/g;
/** "보여 주시고" / "알려 주시면" / "남겨 주신" -> "보여 주고" / "알려 주면" / "남겨 준": the favour stays, its honorific goes. */
const GIVE = /(?<=[가-힣][아어여워와봐줘져쳐켜려혀겨내][ \t]?)주(시고|시면|시는|시며|신|실)(?![가-힣])/g;
const GIVE_PLAIN: Record<string, string> = { 시고: '주고', 시면: '주면', 시는: '주는', 시며: '주며', 신: '준', 실: '줄' };
/** "검증하고 계신지" -> "검증하는지": the honorific progressive of a 하다 verb. */
const DOING_NOW = /(?<=[가-힣])하고[ \t]+계(신지|신|시는|시면)(?![가-힣])/g;
const DOING_NOW_PLAIN: Record<string, string> = { 신지: '하는지', 신: '하는', 시는: '하는', 시면: '하면' };
/** "생각하시기 때문에" -> "생각하기 때문에" (not "하시기 바랍니다", which the request rules turn into a noun). */
const HASIGI = /(?<=[가-힣])하시기(?![가-힣])(?![ \t]?바랍니다)/g;
/**
 * A favour done for the user with a verbal noun ("사과드리고", "안내드립니다", "말씀드려야") -> the plain verb ("사과하고",
 * "안내합니다", "말해야"); not after a verb in its -아/-어 form ("도와드리는" is 돕다).
 */
const FAVOUR_NOUN = /(?<![가-힣])([가-힣]*[가-힣](?<![아어여워와봐줘져쳐켜려혀겨해]|(?<!안)내))드(리고|리는|리며|리면|린|릴|려야|려서|립니다)(?![가-힣])/g;
const FAVOUR_NOUN_PLAIN: Record<string, string> = { 리고: '하고', 리는: '하는', 리며: '하며', 리면: '하면', 린: '한', 릴: '할', 려야: '해야', 려서: '해서', 립니다: '합니다' };
const SPEAK = /(?<![가-힣])말씀(?:해[ \t]?주시면|하시면)(?![가-힣])/g;

export const honorifics: CompressRule = {
  id: 'ko-honorifics',
  language: 'ko',
  description:
    'Plain verb forms and particles for what the user does ("고객님께서 문의하시면" -> "고객님이 문의하면", "문의하실 때에는" -> "문의 시"); honorific nouns stay.',
  example: { before: '고객님께서 환불을 요청하시면 구매하신 날짜를 확인하세요.', after: '고객님이 환불을 요청하면 구매한 날짜를 확인하세요.' },
  apply(text, ctx) {
    let out = ctx.replace(text, FAVOUR, (m) => FAVOUR_PLAIN[m[1] ?? m[2]] ?? m[0]);
    out = ctx.replace(out, FAVOUR_MUST, '야');
    out = ctx.replace(out, DOING_NOW, (m) => DOING_NOW_PLAIN[m[1]] ?? m[0]);
    out = ctx.replace(out, GIVE, (m) => GIVE_PLAIN[m[1]] ?? m[0]);
    out = ctx.replace(out, HASIGI, '하기');
    out = ctx.replace(out, FAVOUR_NOUN, (m) => {
      // Thanks stay thanks; 말씀 is the humble noun of 말.
      if (/감사$/.test(m[1])) return m[0];
      return `${m[1] === '말씀' ? '말' : m[1]}${FAVOUR_NOUN_PLAIN[m[2]] ?? m[0]}`;
    });
    out = ctx.replace(out, WHEN, (m) => `${nounPhrase(m[1], m[2], m[3])} 시`);
    out = ctx.replace(out, VERB, (m) => FORMS[m[1].replace(/[ \t]+/g, ' ')] ?? m[0]);
    out = ctx.replace(out, NATIVE, (m) => {
      // A consonant stem keeps its 으 only where the plain ending takes it ("받으면", "받으며"): "받으시는" -> "받는".
      const plain = NATIVE_ENDINGS[m[2]] ?? m[2];
      const stem = m[1].length > 1 && m[1].endsWith('으') && !/^(?:면|며|라고)$/.test(plain) ? m[1].slice(0, -1) : m[1];
      return `${stem}${plain}`;
    });
    out = ctx.replace(out, EXIST, (m) => `${m[1]}는${m[2] ?? ''}`);
    out = ctx.replace(out, NATIVE_FINAL, (m) => {
      const stem = m[1].endsWith('으') && m[1].length > 1 ? m[1].slice(0, -1) : m[1];
      const last = stem === m[1] ? stem.slice(-1) : '으';
      const joined = withFinalConsonant(last, m[2] === '신' ? 4 : 8);
      if (!joined) return m[0];
      return stem === m[1] ? `${stem.slice(0, -1)}${joined}` : `${stem}${joined}`;
    });
    out = ctx.replace(out, STAY_FORMS, (m) => STAY[m[0]] ?? m[0]);
    out = ctx.replace(out, SUBJECT_PARTICLE, (m) => (hasFinalConsonant(m.input.charAt(m.index - 1)) ? '이' : '가'));
    out = ctx.replace(out, DONT_AND, '말고');
    return ctx.replace(out, SPEAK, '말하면');
  },
};
