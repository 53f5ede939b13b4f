// A fuzz in the chatty phrasings the conversational-padding rules rewrite ("Hey so", "the thing is", "kind of", a
// softening "just", "goes like this:", asides and closers; 자, 일단 … 설명할게요, 그냥, ~거든요, ~라는 거 알아 두세요,
// 마지막으로 하나 더): each sentence carries protected items and most a negation, in both styles. After compression
// every item is present in order, every negation is kept, and the compressor's own checker finds nothing.
import { describePhrasingFuzz, type Phrasing } from './phrasing-fuzz';

const EN_SENTENCES: Phrasing[] = [
  (x: string) => `Hey so you're going to be the assistant for ${x}, and you should never guess.`,
  (x: string) => `Ok so here's what I need. The thing is, ${x} is not public.`,
  (x: string) => `Priority goes like this: ${x} first, never the rest.`,
  (x: string) => `If it's kind of unclear, just ask about ${x} instead of guessing; don't make it up.`,
  (x: string) => `Oh and one last thing, don't ever share ${x}.`,
  (x: string) => `Return just the JSON for ${x}, nothing else. Just say "no" if ${x} is missing.`,
  (x: string) => `A couple of things that are really important for you to get right:\n- ${x} must not leak.`,
  (x: string) => `As I said, ${x} is basically read-only, so never write to it lol.`,
  (x: string) => `Most of the time they ask about ${x}, and honestly nobody cares about the rest.`,
  (x: string) => `You're going to help sort ${x}; avoid jargon as much as you can and do not add notes.`,
  (x: string) => `Thanks, that's basically it! ${x}`,
];

const KO_SENTENCES: Phrasing[] = [
  (x: string) => `자, 일단 상황부터 설명할게요. ${x}는 절대 공유하지 마세요.`,
  (x: string) => `일단 간단하게 설명하면, ${x}는 우리 봇이야. 추측하지 마.`,
  (x: string) => `그리고 마지막으로 하나 더, ${x}는 바꾸지 마세요.`,
  (x: string) => `${x}는 그냥 영어 그대로 두세요. 번역하지 마세요.`,
  (x: string) => `참고로 ${x}까지라는 거 알아 두세요.`,
  (x: string) => `손님들이 ${x}를 보내거든요. 그러니 없는 메뉴는 받지 마세요.`,
  (x: string) => `몇 가지 꼭 지켜 주셨으면 하는 것들이 있어요:\n- ${x}는 공개하지 마세요.`,
  (x: string) => `${x} 문체는 통일해 주셨으면 좋겠어요. 반말은 쓰지 않았으면 좋겠어요.`,
  (x: string) => `뭐 대충 이 정도야. ${x}`,
  (x: string) => `일단 힌트부터 줘. ${x}의 답은 바로 알려 주지 마.`,
];

describePhrasingFuzz(
  'compress: conversational padding fuzz (1,000 generated prompts)',
  20261128,
  { en: EN_SENTENCES, ko: KO_SENTENCES },
  { en: ['en-conversational', 'en-filler'], ko: ['ko-conversational', 'ko-request-endings'] },
  1000,
  ['faithful', 'terse'],
);
