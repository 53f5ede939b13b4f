// "Set max tokens" on a cap that comes from a same-file constant: the constant's literal is edited when only this call
// uses it; a constant shared by several calls gets no edit (each call keeps its own finding), so "fix all" never
// makes conflicting edits of one literal.
import { strict as assert } from 'node:assert';
import { planFixAll } from '../../../src/extension/codeactions/fix-plan';
import { applyFix, auditText, fixNamed, only } from './helpers';

describe('max tokens fixes through same-file constants', () => {
  it('high-max-tokens: a constant only this call uses is lowered where it is defined', async () => {
    const text = `from openai import OpenAI
client = OpenAI()
MAX_TOKENS = 4_096
r = client.chat.completions.create(model="gpt-4o", max_tokens=MAX_TOKENS, messages=[{"role": "user", "content": "Write a blog post."}])
`;
    const d = only(await auditText(text, 'python'), 'high-max-tokens')[0]!;
    assert.equal(d.range.start.line, 3, 'the finding stays at the argument');
    const fix = fixNamed(d, 'Set max_tokens to 1,024 (MAX_TOKENS on line 3)');
    assert.equal(fix.safe, false);
    const after = applyFix(text, fix);
    assert.ok(after.includes('MAX_TOKENS = 1024\n'), after);
    assert.ok(after.includes('max_tokens=MAX_TOKENS,'), after);
  });

  it('high-max-tokens: a constant two calls share gets a finding per call, no edit, and a note saying why', async () => {
    const text = `import OpenAI from 'openai';
const client = new OpenAI();
const MAX_OUTPUT = 4000;
export const a = (q: string) => client.chat.completions.create({ model: 'gpt-4o', max_tokens: MAX_OUTPUT, messages: [{ role: 'user', content: q }] });
export const b = (q: string) => client.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: MAX_OUTPUT, messages: [{ role: 'user', content: q }] });
`;
    const found = only(await auditText(text, 'typescript'), 'high-max-tokens');
    assert.deepEqual(found.map((d) => d.range.start.line), [3, 4]);
    for (const d of found) {
      assert.ok(!d.fixes.some((f) => f.title.startsWith('Set max_tokens')), d.fixes.map((f) => f.title).join(' | '));
      assert.match(d.message, /MAX_OUTPUT is shared by 2 calls: lower it where it is defined if all of them can take 1,024/);
    }
  });

  it('context-overflow: a shared constant above the models\' maximum makes no conflicting "fix all" edits', async () => {
    const text = `import anthropic
client = anthropic.Anthropic()
CAP = 100_000
a = client.messages.create(model="claude-3-haiku-20240307", max_tokens=CAP, messages=[{"role": "user", "content": "Hi"}])
b = client.messages.create(model="claude-3-5-haiku-20241022", max_tokens=CAP, messages=[{"role": "user", "content": "Hello"}])
`;
    const result = await auditText(text, 'python');
    const found = only(result, 'context-overflow');
    assert.deepEqual(found.map((d) => d.range.start.line), [3, 4]);
    const plan = planFixAll(result.diagnostics);
    const constantAt = text.indexOf('100_000');
    assert.ok(!plan.edits.some((e) => e.range.startOffset <= constantAt && constantAt < e.range.endOffset), 'fix all leaves the shared constant alone');
    assert.deepEqual(plan.conflicting, []);
  });

  it('context-overflow: a constant only this call uses is offered, but not applied by "fix all"', async () => {
    const text = `import anthropic
client = anthropic.Anthropic()
CAP = 8192
a = client.messages.create(model="claude-3-haiku-20240307", max_tokens=CAP, messages=[{"role": "user", "content": "Hi"}])
`;
    const result = await auditText(text, 'python');
    const d = only(result, 'context-overflow')[0]!;
    const fix = fixNamed(d, 'Set max_tokens to 4,096 (CAP on line 3)');
    assert.equal(fix.safe, false);
    assert.ok(applyFix(text, fix).includes('CAP = 4096\n'));
    assert.deepEqual(planFixAll(result.diagnostics).fixes, []);
  });
});
