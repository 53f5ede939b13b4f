import { strict as assert } from 'node:assert';
import { checkInvariants, compressPrompt } from '../../../src/engine/compress';
import { countO200k } from './helpers';
import { pick, prng } from './prng';

/**
 * 5,000 generated prompts (seeded), English and Korean, padded with the phrasings the rules remove and full of what
 * they must keep. After compression every protected item is still there, in order; every negated sentence still
 * carries a negation; and the public invariant checker finds nothing.
 */

const PROTECTED = [
  '{name}', '{{context}}', '${user.id}', '$1', '%(count)s', '%s', '<document>', '</document>', '`git push --force`',
  '"do not reply"', "'N/A'", 'https://acme.example.com/refunds?id=7', 'help@acme.example.com', '30', '5-7', '3~5',
  '2024-01-05', '10:30', '99.5%', '$19.99', 'ACME', 'PostgreSQL', 'gpt-4o', 'json.loads', '$x^2 + 1$', '<|endoftext|>',
];

const EN_PADDING = ['Please ', 'Kindly ', 'You should ', 'Make sure to ', 'It is very important that you ', 'I would like you to ', 'Remember to ', ''];
const EN_VERBS = ['check', 'summarize', 'explain', 'use', 'mention', 'share', 'quote', 'translate'];
const EN_NEGATED = (verb: string) => pick(random, [`do not ${verb}`, `never ${verb}`, `don't ${verb}`, `avoid using`, `only ${verb}`]);
const EN_FILLER = [' in order to help', ' due to the fact that it matters', ' very carefully', ' to the best of your ability', ''];

const KO_SUBJECTS = ['고객 정보', '주문 내역', '환불 정책', '답변 내용', '요약 결과'];
const KO_POSITIVE = ['확인해 주세요.', '요약하시기 바랍니다.', '사용해 주세요.', '설명해 주시기 바랍니다.', '제공해야 합니다.', '반드시 안내해 주세요.'];
const KO_NEGATIVE = ['공유하지 마세요.', '추측하지 말아 주세요.', '절대로 공유하지 마세요.', '수정하지 않도록 해 주세요.', '사용하면 안 됩니다.', '포함하지 마시기 바랍니다.'];
const KO_PADDING = ['매우 ', '혹시 ', '부디 ', '', ''];

let random = prng(20261125);

interface Generated {
  text: string;
  items: string[];
  /** Unique id of each sentence and whether it is negated. */
  sentences: Array<{ id: string; negated: boolean }>;
}

function generate(n: number): Generated {
  const korean = random() < 0.5;
  const items: string[] = [];
  const sentences: Generated['sentences'] = [];
  const lines: string[] = [];
  const count = 2 + Math.floor(random() * 7);
  for (let i = 0; i < count; i++) {
    const id = `ID${n}X${i}`;
    const negated = random() < 0.45;
    const extra = random() < 0.8 ? pick(random, PROTECTED) : '';
    const marker = pick(random, ['', '', '- ', `${i + 1}. `, '  ']);
    let line: string;
    if (korean) {
      const object = `${pick(random, KO_SUBJECTS)} ${id}${extra ? ` ${extra}` : ''}를 `;
      line = `${pick(random, KO_PADDING)}${object}${negated ? pick(random, KO_NEGATIVE) : pick(random, KO_POSITIVE)}`;
    } else {
      const verb = pick(random, EN_VERBS);
      const action = negated ? EN_NEGATED(verb) : verb;
      const padding = pick(random, EN_PADDING);
      line = `${padding}${padding ? action : action[0].toUpperCase() + action.slice(1)} the ${id} record${extra ? ` with ${extra}` : ''}${pick(random, EN_FILLER)}.`;
    }
    if (random() < 0.1) line = `**${line}**`;
    lines.push(marker + line);
    items.push(id);
    if (extra) items.push(extra);
    sentences.push({ id, negated });
    if (random() < 0.15) lines.push('');
  }
  if (random() < 0.2) lines.push(korean ? '감사합니다.' : 'Thank you!');
  return { text: lines.join(random() < 0.1 ? '\r\n' : '\n'), items, sentences };
}

const NEGATION = /\b(?:not|never|no|only|avoid|without)\b|n't\b|금지|않|말|마세요|절대|없|못|안 /i;

describe('compress: fuzz (5,000 generated prompts)', () => {
  // Both styles: the terse one runs every rule of the faithful one and more.
  for (const style of ['faithful', 'terse'] as const) it(`keeps every protected item in order and every negation, with no invariant break (${style} style)`, function () {
    this.timeout(60_000);
    random = prng(20261125);
    let compressed = 0;
    for (let n = 0; n < 5000; n++) {
      const g = generate(n);
      const result = compressPrompt(g.text, { countTokens: countO200k, style });
      const out = result?.text ?? g.text;
      if (result) compressed++;
      let from = 0;
      for (const item of g.items) {
        const at = out.indexOf(item, from);
        assert.ok(at >= 0, `prompt ${n}: lost or moved ${JSON.stringify(item)}\n${g.text}\n---\n${out}`);
        from = at + item.length;
      }
      for (const s of g.sentences) {
        const line = out.split(/\r?\n/).find((l) => l.includes(s.id));
        assert.ok(line, `prompt ${n}: sentence ${s.id} lost`);
        if (s.negated) assert.match(line, NEGATION, `prompt ${n}: negation lost in ${JSON.stringify(line)}`);
      }
      // The public checker agrees (the pipeline ran it too; every 5th prompt is enough to show they agree).
      if (result && n % 5 === 0) assert.deepEqual(checkInvariants(g.text, out), [], `prompt ${n}\n${g.text}\n---\n${out}`);
    }
    // The generator pads on purpose: most prompts must actually get compressed, or this test proves nothing.
    assert.ok(compressed > 4000, `only ${compressed} of 5000 prompts were compressed`);
  });
});
