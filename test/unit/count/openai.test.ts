import assert from 'node:assert/strict';
import { get_encoding, type Tiktoken } from 'tiktoken';
import { encodeOpenAI, type OpenAIEncodingName } from '../../../src/engine/count/openai-encodings';
import { tokenizerFor, tokenizerForEncoding } from '../../../src/engine/count';
import { EDGE_CASES, HELD_OUT_CODE, KOREAN_SEEDS } from './corpus';

/** tiktoken (OpenAI's Rust BPE via WASM) is the reference: our counts must equal its ordinary-text encoding. */
describe('OpenAI encodings equal tiktoken', () => {
  const references: Partial<Record<OpenAIEncodingName, Tiktoken>> = {};
  after(() => Object.values(references).forEach((e) => e.free()));

  for (const encoding of ['o200k_base', 'cl100k_base'] as const) {
    describe(encoding, () => {
      const corpus = { ...HELD_OUT_CODE, ...KOREAN_SEEDS, ...EDGE_CASES };
      for (const [name, text] of Object.entries(corpus)) {
        it(`${name}: same token ids and count`, () => {
          const reference = (references[encoding] ??= get_encoding(encoding));
          const expected = Array.from(reference.encode_ordinary(text));
          assert.deepEqual(encodeOpenAI(encoding, text), expected);
          assert.equal(tokenizerForEncoding(encoding).countSync(text), expected.length);
        });
      }
      it('counts special-token text as ordinary text without throwing', async () => {
        const text = EDGE_CASES['special-token text']!;
        const n = await tokenizerForEncoding(encoding).count(text);
        // As ordinary text, <|endoftext|> is several tokens, never the single special token.
        assert.ok(n > 20, `expected ordinary-text tokens, got ${n}`);
      });
    });
  }

  it('large texts counted through the worker equal in-thread counts', async () => {
    const big = KOREAN_SEEDS['seed-003-ko']!.repeat(3);
    const tokenizer = await tokenizerFor('gpt-4o');
    const viaWorker = await tokenizer.count(big); // over OFF_THREAD_CHARS: counted in the worker
    const reference = (references.o200k_base ??= get_encoding('o200k_base'));
    assert.equal(viaWorker, reference.encode_ordinary(big).length);
  });
});
