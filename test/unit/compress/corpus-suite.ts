import { strict as assert } from 'node:assert';
import { checkInvariants, compressPrompt, type CompressionStyle } from '../../../src/engine/compress';
import { corpus, countO200k, savingOf } from './helpers';
import { assertKeeps } from './independent-checks';

/**
 * The suite a corpus of verbose system prompts in `<root>/{en,ko}/*.md` runs: at least `minPrompts` (10) prompts per language, the
 * o200k saving over the whole corpus at or above `floor` (the measured figure is in the test's title), and every
 * prompt shorter with its invariants kept, checked by the compressor's checker and independently of it.
 */
export function describeCorpus(
  title: string,
  root: string,
  floor: Record<'en' | 'ko', number>,
  minPrompts = 10,
  style: CompressionStyle = 'faithful',
): void {
  for (const language of ['en', 'ko'] as const) {
    describe(`compress: ${title} ${language} corpus`, () => {
      const prompts = corpus(language, root, '.md');
      const results = prompts.map((p) => ({ ...p, result: compressPrompt(p.text, { countTokens: countO200k, style }) }));
      const { before, after, saved } = savingOf(results);

      it(`has at least ${minPrompts} prompts`, () => {
        assert.ok(prompts.length >= minPrompts, `${prompts.length} prompts`);
      });

      it(`saves at least ${(floor[language] * 100).toFixed(1)}% of o200k tokens over the corpus (measured ${(saved * 100).toFixed(1)}%: ${before} -> ${after})`, () => {
        assert.ok(saved >= floor[language], `saved ${(saved * 100).toFixed(1)}% (${before} -> ${after} tokens)`);
      });

      for (const r of results) {
        it(`${r.name}: shorter, with placeholders, numbers, code, URLs, quotes, negations and structure kept`, () => {
          assert.ok(r.result, 'every verbose prompt has something to remove');
          assert.ok(r.result.tokensAfter < r.result.tokensBefore);
          assert.equal(r.result.tokensAfter, countO200k(r.result.text));
          assert.deepEqual(checkInvariants(r.text, r.result.text), []);
          assertKeeps(r.text, r.result.text);
        });
      }
    });
  }
}

/**
 * Wrong rewrites a corpus showed, through the whole pipeline (faithful style): each input must come back exactly as the
 * second column gives it, with its invariants kept.
 */
export function describeRegressions(title: string, cases: ReadonlyArray<readonly [string, string]>): void {
  describe(`compress: ${title} regressions`, () => {
    for (const [input, expected] of cases) {
      it(`${input === expected ? 'leaves' : 'rewrites'} ${JSON.stringify(input)}`, () => {
        const result = compressPrompt(input, { countTokens: countO200k });
        assert.equal(result?.text ?? input, expected);
        if (result) assert.deepEqual(checkInvariants(input, result.text), []);
      });
    }
  });
}
