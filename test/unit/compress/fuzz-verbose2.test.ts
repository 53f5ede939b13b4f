// A fuzz in the phrasings the rules found on verbose2/tune rewrite (reminder openers, follow-the-rules closers, "when
// you are V-ing", "so that", "you have to", request wrappers inside a clause, object relatives, openings after "and",
// "when it is read"; 해요체 endings, favours with 돼요 / 좋겠어요 / 좋아요, 주셔도 되지만, one-syllable 하다 verbs,
// 않으신, 지금부터 ... 역할을 맡게 됩니다, 다시 한번 말씀드리지만, 아래와 같습니다, 포함되어 있습니다), most with a
// negation; in both styles. Same checks as the generalised-rules fuzz (phrasing-fuzz.ts). Every sentence names its
// item, so none is an exact repeat that the duplicate rule may drop.
import { strict as assert } from 'node:assert';
import { compressPrompt } from '../../../src/engine/compress';
import { countO200k } from './helpers';
import { negations } from './independent-checks';
import { FUZZ_ITEMS, describePhrasingFuzz, type Phrasing } from './phrasing-fuzz';
import { pick, prng } from './prng';

const EN_SENTENCES: Phrasing[] = [
  (x) => `Again, just to remind you: never share ${x}.`,
  (x) => `With that in mind, do not guess ${x}.`,
  (x) => `When you are writing about ${x}, do not add opinions.`,
  (x) => `Mention ${x} so that the user does not have to ask.`,
  (x) => `You have to confirm ${x}, but you don't have to repeat it.`,
  (x) => `The fields that we need you to extract from ${x} are never optional.`,
  (x) => `Here's what we would like you to keep in mind about ${x}: it is not final.`,
  (x) => `Use the data that our agents give you about ${x}, and nothing else.`,
  (x) => `The player explores ${x}, and your role is to describe it without spoilers.`,
  (x) => `Read ${x}, and you should not reply before checking it.`,
  (x) => `Quote ${x} only when it is needed, never when it is not needed.`,
  (x) => `I will send ${x}, and I would like you to check it without changing it.`,
  (x) => `Check all of the fields of ${x}, all the time, and never skip one.`,
  (x) => `You will be acting as the reviewer of ${x}. You should definitely not approve ${x} blindly.`,
  (x) => `Flag posts that are criticizing ${x}; do not remove them.`,
];

const KO_SENTENCES: Phrasing[] = [
  (x) => `${x} 반품은 7일 이내에만 가능해요. ${x} 이후는 불가능해요.`,
  (x) => `${x} 번호는 보통 10자리 번호예요. ${x} 외의 형식은 받지 않아요.`,
  (x) => `${x} 일정만 안내해 주시면 돼요. ${x} 약속은 하지 마세요.`,
  (x) => `${x} 같은 딱딱한 표현은 피해 주시면 좋겠어요.`,
  (x) => `${x}에 대해 짧게 칭찬해 주셔도 괜찮지만, 과장은 하지 마세요.`,
  (x) => `${x} 용어에 익숙하지 않으신 분들께는 쉽게 설명해 주세요.`,
  (x) => `지금부터 당신은 ${x} 상담원 역할을 맡게 됩니다. ${x} 진단은 하지 않습니다.`,
  (x) => `다시 한번 말씀드리지만, ${x}는 절대 공유하지 마세요.`,
  (x) => `${x} 형식은 아래와 같습니다. ${x} 외의 텍스트는 출력하지 마세요.`,
  (x) => `${x} 정보가 포함되어 있습니다. ${x} 개인정보는 포함되어 있지 않습니다.`,
  (x) => `${x} 대안 장소를 같이 추천해 주시면 좋을 것 같아요.`,
  (x) => `${x} 기준을 따라 주세요. ${x}에 없는 기준은 만들지 마세요.`,
  (x) => `${x} 같은 표현을 써 주세요. ${x} 외의 반말은 쓰지 마세요.`,
];

describePhrasingFuzz(
  'compress: verbose2 rules fuzz (1,000 generated prompts)',
  20261128,
  { en: EN_SENTENCES, ko: KO_SENTENCES },
  {
    en: ['en-filler', 'en-clauses', 'en-wordy-phrases', 'en-politeness', 'en-instruction-preamble'],
    ko: ['ko-declarative-endings', 'ko-request-endings', 'ko-native-verbs', 'ko-honorifics', 'ko-role-lines', 'ko-polite-filler'],
  },
  1000,
  ['faithful', 'terse'],
);

describe('compress: repeated sentences fuzz (1,000 generated prompts)', () => {
  // Prompts that repeat whole sentences on purpose (a reminder said twice): every occurrence of every protected item
  // and every negation survives, counted in the whole text, not per distinct sentence.
  it('keeps every occurrence of every negation and protected item', function () {
    this.timeout(60_000);
    const random = prng(20261129);
    for (let n = 0; n < 1000; n++) {
      const korean = random() < 0.5;
      const item = pick(random, FUZZ_ITEMS);
      const pool = (korean ? KO_SENTENCES : EN_SENTENCES).map((s) => s(item));
      const lines = Array.from({ length: 3 + Math.floor(random() * 4) }, () => `${pick(random, ['', '- '])}${pick(random, pool)}`);
      const text = lines.join('\n');
      const result = compressPrompt(text, { countTokens: countO200k, style: random() < 0.5 ? 'faithful' : 'terse' });
      const out = result?.text ?? text;
      assert.equal(negations(out), negations(text), `negations kept:\n${text}\n->\n${out}`);
      assert.equal(out.split(item).length, text.split(item).length, `every ${item} kept:\n${text}\n->\n${out}`);
    }
  });
});
