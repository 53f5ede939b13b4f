// The opt-in terse style (CompressOptions.style = 'terse', setting promptAuditor.compression.style): every rule of the
// default style plus the rules marked terse (telegraphic English without articles). Same invariants, same
// independent checks; its savings are held per corpus here (docs/compression.md has the figures).
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { COMPRESS_RULES, compressPrompt } from '../../../src/engine/compress';
import { describeCorpus } from './corpus-suite';
import { FIXTURES, countO200k } from './helpers';

describe('compress: terse style is opt-in', () => {
  const text = 'Please make sure to summarize the article in a sentence and list the key facts.';

  it('the default style runs no terse rule', () => {
    const faithful = compressPrompt(text, { countTokens: countO200k });
    assert.equal(faithful?.text, 'Summarize the article in a sentence and list the key facts.');
    assert.ok(!faithful?.applied.some((id) => COMPRESS_RULES.find((r) => r.id === id)?.style === 'terse'));
  });

  it('the terse style runs them too, and saves more', () => {
    const terse = compressPrompt(text, { countTokens: countO200k, style: 'terse' });
    assert.equal(terse?.text, 'Summarize article in sentence and list key facts.');
    assert.ok(terse?.applied.includes('en-articles'));
    assert.ok(terse!.tokensAfter < compressPrompt(text, { countTokens: countO200k })!.tokensAfter);
  });

  it('at least one rule is terse-only', () => {
    assert.ok(COMPRESS_RULES.some((r) => r.style === 'terse'));
  });
});

/** Floors just under the savings measured in the terse style (Korean has no terse rule yet: the default figures). */
describeCorpus('terse held-out', join(FIXTURES, 'heldout'), { en: 0.17, ko: 0.101 }, 10, 'terse');
describeCorpus('terse validation', join(FIXTURES, 'validation'), { en: 0.166, ko: 0.123 }, 10, 'terse');
describeCorpus('terse verbose2 tune', join(FIXTURES, 'verbose2', 'tune'), { en: 0.156, ko: 0.112 }, 8, 'terse');
// Measured once with the fresh half of verbose2: EN 13.7%; 14.0% with the rules written after; 14.2% with the conversational rules.
describeCorpus('terse verbose2 fresh', join(FIXTURES, 'verbose2', 'fresh'), { en: 0.141, ko: 0.098 }, 7, 'terse');
