// The rules stage itself: a failing rule is a note, not a crash; diagnostics are sorted and carry their rule's docs.
import { strict as assert } from 'node:assert';
import { withDefaults } from '../../../src/engine/options';
import { RULES, SourceText, runRules } from '../../../src/engine/rules';
import { defineRule } from '../../../src/engine/rules/rule';
import { auditText } from './helpers';

describe('rules stage', () => {
  it('a rule that throws becomes a note; the other rules still report', async () => {
    const text = 'from openai import OpenAI\nclient = OpenAI()\nr = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hi"}])\n';
    const audited = await auditText(text, 'python');
    const broken = defineRule({ id: 'broken', description: 'throws', defaultSeverity: 'warning', offersModelSwitch: false, settings: {}, check: async () => { throw new Error('boom'); } });
    const out = await runRules(
      { source: new SourceText(text, 'python'), calls: audited.calls, prompts: audited.prompts, directives: audited.directives },
      withDefaults(),
      [broken, ...RULES],
    );
    assert.deepEqual(out.notes, ['Rule broken failed: boom']);
    assert.ok(out.diagnostics.some((d) => d.rule === 'missing-max-tokens'));
  });

  it('bad input never crashes the stage: broken code, no calls, a binary-looking file', async () => {
    for (const text of ['def broken(:\n  client.chat.completions.create(model="gpt-4o"', '', '\u0000\u0001\u0002 not code']) {
      const result = await auditText(text, 'python');
      assert.ok(Array.isArray(result.diagnostics));
    }
  });

  it('diagnostics come sorted by position, each rule id from the registry', async () => {
    const text = `from openai import OpenAI
client = OpenAI()
a = client.chat.completions.create(model="gpt-4o", max_tokens=9000, messages=[{"role": "user", "content": "Write a story."}])
b = client.chat.completions.create(model="gpt-4o-minii", messages=[{"role": "user", "content": "Hi"}])
`;
    const result = await auditText(text, 'python');
    const offsets = result.diagnostics.map((d) => d.range.startOffset);
    assert.deepEqual(offsets, [...offsets].sort((x, y) => x - y));
    const ids = new Set(RULES.map((r) => r.id));
    assert.ok(result.diagnostics.length >= 3);
    for (const d of result.diagnostics) assert.ok(ids.has(d.rule));
  });
});
