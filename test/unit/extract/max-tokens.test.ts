// max tokens through same-file constants: the finding stays at the argument (range), the fix edits the constant's
// literal (literal); parameters and arithmetic have no single literal to edit.
import { strict as assert } from 'node:assert';
import { callAfter, lineOf, load, source, type Fixture } from './helpers';

describe('extract: max tokens through constants', () => {
  describe('Python', () => {
    let f: Fixture;
    before(async () => {
      f = await load('python/max_tokens_constants.py');
    });

    it('max_tokens=MAX_TOKENS: the value, the argument as written, and the literal where the constant is defined', () => {
      const m = callAfter(f, 'def draft(').maxTokens!;
      assert.deepEqual([m.key, m.value, source(f, m.range), m.range.start.line], ['max_tokens', 4096, 'MAX_TOKENS', lineOf(f.src, 'max_tokens=MAX_TOKENS')]);
      assert.equal(source(f, m.literal!), '4_096');
      assert.equal(m.literal!.start.line, lineOf(f.src, 'MAX_TOKENS = 4_096'));
    });

    it('two calls sharing one constant share its literal', () => {
      const a = callAfter(f, 'def summary(').maxTokens!;
      const b = callAfter(f, 'def summary_again(').maxTokens!;
      assert.notEqual(a.range.startOffset, b.range.startOffset);
      assert.equal(a.literal!.startOffset, b.literal!.startOffset);
      assert.equal(source(f, a.literal!), '300');
    });

    it('a class attribute (Limits.ANSWER) and a configured object fed by a constant', () => {
      const attr = callAfter(f, 'def answer(').maxTokens!;
      assert.deepEqual([attr.value, source(f, attr.range), source(f, attr.literal!)], [512, 'Limits.ANSWER', '512']);
      const gemini = callAfter(f, 'def poem(').maxTokens!;
      assert.deepEqual([gemini.key, gemini.value, source(f, gemini.range), source(f, gemini.literal!)], ['max_output_tokens', 2048, 'GEMINI_CAP', '2048']);
    });

    it('no literal for a parameter default, arithmetic, or a literal written at the call', () => {
      const param = callAfter(f, 'def ask(').maxTokens!;
      assert.deepEqual([param.value, source(f, param.range), param.literal], [1000, 'max_tokens', undefined]);
      const doubled = callAfter(f, 'def doubled(').maxTokens!;
      assert.deepEqual([doubled.value, source(f, doubled.range), doubled.literal], [600, 'SUMMARY_TOKENS * 2', undefined]);
      const lit = callAfter(f, 'def literal(').maxTokens!;
      assert.deepEqual([lit.value, source(f, lit.range), lit.literal], [64, '64', undefined]);
    });
  });

  it('TypeScript: max_tokens: MAX_TOKENS and max_tokens: LIMITS.reply', async () => {
    const f = await load('ts/max_tokens_constants.ts');
    const a = callAfter(f, 'function reply(').maxTokens!;
    assert.deepEqual([a.value, source(f, a.range), source(f, a.literal!), a.literal!.start.line], [4096, 'MAX_TOKENS', '4096', lineOf(f.src, 'const MAX_TOKENS')]);
    const b = callAfter(f, 'function shortReply(').maxTokens!;
    assert.deepEqual([b.value, source(f, b.range), source(f, b.literal!)], [700, 'LIMITS.reply', '700']);
  });
});
