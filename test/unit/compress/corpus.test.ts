import { strict as assert } from 'node:assert';
import { checkInvariants, compressPrompt } from '../../../src/engine/compress';
import { corpus, countO200k } from './helpers';

/**
 * The verbose system prompts in test/fixtures/compress/ (support bots, summarisers, classifiers, coding assistants,
 * written for this test): at least 15% fewer o200k tokens per language (the bar), held just under what is
 * measured now (EN 17.9%, KO 15.1%: 15.5% while exact repeats with a negation were dropped, see duplicate-sentences),
 * with no invariant broken in any of them.
 */
const FLOOR: Record<'en' | 'ko', number> = { en: 0.178, ko: 0.151 };

for (const language of ['en', 'ko'] as const) {
  describe(`compress: ${language} corpus`, () => {
    const prompts = corpus(language);
    const results = prompts.map((p) => ({ ...p, result: compressPrompt(p.text, { countTokens: countO200k }) }));

    it('has at least 10 prompts', () => {
      assert.ok(prompts.length >= 10, `${prompts.length} prompts`);
    });

    it(`saves at least ${(FLOOR[language] * 100).toFixed(1)}% of o200k tokens over the corpus`, () => {
      const before = results.reduce((sum, r) => sum + countO200k(r.text), 0);
      const after = results.reduce((sum, r) => sum + (r.result ? r.result.tokensAfter : countO200k(r.text)), 0);
      const saved = 1 - after / before;
      assert.ok(saved >= FLOOR[language], `saved ${(saved * 100).toFixed(1)}% (${before} -> ${after} tokens)`);
    });

    for (const r of results) {
      it(`${r.name}: compresses without breaking an invariant`, () => {
        assert.ok(r.result, 'every verbose prompt in the corpus has something to remove');
        assert.deepEqual(checkInvariants(r.text, r.result.text), []);
        assert.ok(r.result.tokensAfter < r.result.tokensBefore);
        assert.equal(r.result.tokensAfter, countO200k(r.result.text));
      });
    }
  });
}
