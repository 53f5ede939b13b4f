import { strict as assert } from 'node:assert';
import { checkInvariants, compressPrompt, type CompressionStyle } from '../../../src/engine/compress';
import { countO200k } from './helpers';
import { inOrder, negations } from './independent-checks';
import { pick, prng } from './prng';

/** Protected items of every kind the scanner knows, put into each generated sentence. */
export const FUZZ_ITEMS = [
  '{order_id}', '{{name}}', '<policy>', '`LIMIT 100`', '"K7XQ2M"', 'https://acme.example.com/help', 'help@acme.example.com',
  '75,000', '3-5', '2~3', '2025-03-14', '09:30', 'ACME', 'gpt-4o', '$19.99', '%(count)s', '${user.id}',
];

export type Phrasing = (item: string) => string;

/**
 * A fuzz of `count` prompts made of the given phrasings, each sentence carrying a protected item (of `itemPool`) and a unique
 * reference: after compression (in each style) every item is present in order, every negation is kept, and the
 * compressor's own checker finds nothing. A second case checks that the listed rules fire on the phrasings, so the
 * fuzz exercises them.
 */
export function describePhrasingFuzz(
  title: string,
  seed: number,
  phrasings: { en: readonly Phrasing[]; ko: readonly Phrasing[] },
  rulesFired: { en: readonly string[]; ko: readonly string[] },
  count = 1000,
  styles: readonly CompressionStyle[] = ['faithful'],
  itemPool: readonly string[] = FUZZ_ITEMS,
): void {
  describe(title, () => {
    for (const style of styles) {
      it(`keeps every protected item in order and every negation (${style} style)`, function () {
        this.timeout(60_000);
        const random = prng(seed);
        for (let n = 0; n < count; n++) {
          const korean = random() < 0.5;
          const lines: string[] = [];
          const items: string[] = [];
          for (let i = 0; i < 2 + Math.floor(random() * 5); i++) {
            // A reference makes each sentence unique (an exact repeat may go: that is the duplicate rule's job).
            const item = pick(random, itemPool);
            const ref = `R${n}X${i}`;
            items.push(item, ref);
            lines.push(`${pick(random, ['', '- ', `${i + 1}. `])}${pick(random, korean ? phrasings.ko : phrasings.en)(`${item} ${ref}`)}`);
          }
          const text = lines.join('\n');
          const result = compressPrompt(text, { countTokens: countO200k, style });
          const out = result?.text ?? text;
          assert.equal(inOrder(items, out), null, `items kept in order:\n${text}\n->\n${out}`);
          assert.equal(negations(out), negations(text), `negations kept:\n${text}\n->\n${out}`);
          if (result) assert.deepEqual(checkInvariants(text, out), [], `${text}\n->\n${out}`);
        }
      });
    }

    it('rewrites the phrasings it is built from (the fuzz exercises those rules)', () => {
      const en = compressPrompt(phrasings.en.map((s, i) => s(`item${i}`)).join('\n'), { countTokens: countO200k });
      const ko = compressPrompt(phrasings.ko.map((s, i) => s(`항목${i}`)).join('\n'), { countTokens: countO200k });
      assert.ok(en && ko);
      for (const id of rulesFired.en) assert.ok(en.applied.includes(id), id);
      for (const id of rulesFired.ko) assert.ok(ko.applied.includes(id), id);
    });
  });
}
