// A fuzz in the phrasings the generalised rules rewrite (relative clauses with "you must", wh-headings, "let them know
// that", "in a X manner", "Your responses should be", honorific -신/-실 forms, 계시다, favours, -시기 바랍니다,
// 하고 있습니다, 예를 들어, 등과 같은): each sentence carries protected items and most a negation. After compression
// every item is present in order, every negation is kept, and the compressor's own checker finds nothing. (Every
// sentence names its item, so none is an exact repeat that the duplicate rule may drop.)
import { describePhrasingFuzz, type Phrasing } from './phrasing-fuzz';

const EN_SENTENCES: Phrasing[] = [
  (x: string) => `The documents that you must read for ${x} are below, and you must not skip them.`,
  (x: string) => `## What you should never do with ${x}`,
  (x: string) => `Things you must not do: share ${x}.`,
  (x: string) => `Let the customer know that ${x} is not refundable.`,
  (x: string) => `Never confirm that ${x} has been paid.`,
  (x: string) => `Explain ${x} in a calm and respectful manner, without blaming anyone.`,
  (x: string) => `Your responses should always be short and never mention ${x}.`,
  (x: string) => `Provide a response that is polite about ${x}, and do not guess.`,
  (x: string) => `It is perfectly fine to say that ${x} is unknown, but never invent it.`,
  (x: string) => `It is important that no one sees ${x}.`,
  (x: string) => `Remember that ${x} cannot be changed.`,
  (x: string) => `Try to keep ${x} out of the answer; avoid using it unless asked.`,
  (x: string) => `A lot of users ask about ${x}, so only answer what is asked.`,
  (x: string) => `Skip the fields that are not related to ${x}.`,
];

const KO_SENTENCES: Phrasing[] = [
  (x: string) => `고객님께서 ${x}를 받으신 날짜는 절대 공유하지 마세요.`,
  (x: string) => `${x}를 보내신 분이 많이 계시기 때문에 확인하지 않은 내용은 안내하지 마세요.`,
  (x: string) => `${x}는 알려 주셔야 하며, 추측해서는 안 됩니다.`,
  (x: string) => `${x} 규정을 따르시기 바랍니다. ${x} 외의 규정은 따르지 마세요.`,
  (x: string) => `예를 들어 ${x}와 같이 표시하고, 없는 값은 만들지 마세요.`,
  (x: string) => `${x} 등과 같은 정보는 처리하고 있습니다.`,
  (x: string) => `담당자가 ${x}를 결정하게 됩니다. 당신은 ${x}를 결정하지 않습니다.`,
  (x: string) => `${x} 예시를 보여 주셔도 괜찮습니다.`,
  (x: string) => `먼저 사과드리고 ${x}를 안내해 주시되, 약속은 하지 마세요.`,
  (x: string) => `최대한 간결하게 ${x}를 설명하는 것이 중요합니다.`,
  (x: string) => `${x}를 검증하고 계신지 확인하고, 아니면 진행 불가라고 안내해 주세요.`,
];

describePhrasingFuzz(
  'compress: generalised rules fuzz (1,000 generated prompts)',
  20261127,
  { en: EN_SENTENCES, ko: KO_SENTENCES },
  { en: ['en-clauses', 'en-instruction-preamble', 'en-wordy-phrases'], ko: ['ko-honorifics', 'ko-native-verbs', 'ko-wordy-phrases', 'ko-declarative-endings'] },
);
