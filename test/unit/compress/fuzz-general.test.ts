// A fuzz in the phrasings the generalised rules rewrite (relative clauses with "you must", wh-headings, "let them know
// that", "in a X manner", "Your responses should be", honorific -신/-실 forms, 계시다, favours, -시기 바랍니다,
// 하고 있습니다, 예를 들어, 등과 같은): each sentence carries protected items and most a negation. After compression
// every item is present in order, every negation is kept, and the compressor's own checker finds nothing. (Every
// sentence names its item, so none is an exact repeat that the duplicate rule may drop.)
import { strict as assert } from 'node:assert';
import { checkInvariants, compressPrompt } from '../../../src/engine/compress';
import { countO200k } from './helpers';
import { inOrder, negations } from './independent-checks';
import { pick, prng } from './prng';

const ITEMS = [
  '{order_id}', '{{name}}', '<policy>', '`LIMIT 100`', '"K7XQ2M"', 'https://acme.example.com/help', 'help@acme.example.com',
  '75,000', '3-5', '2~3', '2025-03-14', '09:30', 'ACME', 'gpt-4o', '$19.99', '%(count)s', '${user.id}',
];

const EN_SENTENCES = [
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

const KO_SENTENCES = [
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

describe('compress: generalised rules fuzz (1,000 generated prompts)', () => {
  it('keeps every protected item in order and every negation', function () {
    this.timeout(60_000);
    const random = prng(20261127);
    for (let n = 0; n < 1000; n++) {
      const korean = random() < 0.5;
      const lines: string[] = [];
      const items: string[] = [];
      for (let i = 0; i < 2 + Math.floor(random() * 5); i++) {
        // A reference makes each sentence unique (an exact repeat may go: that is the duplicate rule's job).
        const item = pick(random, ITEMS);
        const ref = `R${n}X${i}`;
        items.push(item, ref);
        lines.push(`${pick(random, ['', '- ', `${i + 1}. `])}${pick(random, korean ? KO_SENTENCES : EN_SENTENCES)(`${item} ${ref}`)}`);
      }
      const text = lines.join('\n');
      const result = compressPrompt(text, { countTokens: countO200k });
      const out = result?.text ?? text;
      assert.equal(inOrder(items, out), null, `items kept in order:\n${text}\n->\n${out}`);
      assert.equal(negations(out), negations(text), `negations kept:\n${text}\n->\n${out}`);
      if (result) assert.deepEqual(checkInvariants(text, out), [], `${text}\n->\n${out}`);
    }
  });

  it('rewrites the phrasings it is built from (the fuzz exercises the new rules)', () => {
    const en = compressPrompt(EN_SENTENCES.map((s, i) => s(`item${i}`)).join('\n'), { countTokens: countO200k });
    const ko = compressPrompt(KO_SENTENCES.map((s, i) => s(`항목${i}`)).join('\n'), { countTokens: countO200k });
    assert.ok(en && ko);
    for (const id of ['en-clauses', 'en-instruction-preamble', 'en-wordy-phrases']) assert.ok(en.applied.includes(id), id);
    for (const id of ['ko-honorifics', 'ko-native-verbs', 'ko-wordy-phrases', 'ko-declarative-endings']) assert.ok(ko.applied.includes(id), id);
  });
});
