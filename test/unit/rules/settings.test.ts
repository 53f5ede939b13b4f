// Rule settings from options.rules[id]: on/off, severity, thresholds, and bad values (a note, never a crash).
import { strict as assert } from 'node:assert';
import { RULES, resolveRuleSettings } from '../../../src/engine/rules';
import { auditText, only } from './helpers';

const CALL = `from openai import OpenAI
client = OpenAI()

def answer(question):
    return client.chat.completions.create(
        model="gpt-4o",
        max_tokens=4096,
        messages=[{"role": "user", "content": question}],
    )
`;

describe('rule settings', () => {
  const highMaxTokens = RULES.find((r) => r.id === 'high-max-tokens')!;

  it('defaults: enabled, the rule severity, every threshold at its default', () => {
    const s = resolveRuleSettings(highMaxTokens, undefined);
    assert.equal(s.enabled, true);
    assert.equal(s.severity, 'warning');
    assert.equal(s.values['threshold'], 1024);
    assert.deepEqual(s.problems, []);
  });

  it('a bad value keeps the default and says why; an unknown key is named', () => {
    // As a user might write them in settings.json: the types are checked at run time.
    const s = resolveRuleSettings(highMaxTokens, JSON.parse('{"threshold": "big", "severity": "loud", "enabled": "no", "treshold": 5}'));
    assert.equal(s.values['threshold'], 1024);
    assert.equal(s.severity, 'warning');
    assert.equal(s.enabled, true);
    assert.equal(s.problems.length, 4);
    assert.match(s.problems.join('\n'), /threshold must be a number/);
    assert.match(s.problems.join('\n'), /treshold is not a setting of this rule \(known: enabled, severity, threshold/);
    const negative = resolveRuleSettings(highMaxTokens, { threshold: -1 });
    assert.match(negative.problems[0]!, /at least 1/);
  });

  it('a threshold from settings changes what fires', async () => {
    assert.equal(only(await auditText(CALL, 'python'), 'high-max-tokens').length, 1);
    assert.equal(only(await auditText(CALL, 'python', { rules: { 'high-max-tokens': { threshold: 8000 } } }), 'high-max-tokens').length, 0);
    const lower = only(await auditText(CALL, 'python', { rules: { 'high-max-tokens': { threshold: 2048 } } }), 'high-max-tokens');
    assert.equal(lower.length, 1);
    assert.ok(lower[0]!.fixes.some((f) => f.edits[0]?.newText === '2048'), 'the fix suggests the configured threshold');
  });

  it('each rule\'s main number is its `threshold` (system prompt size, example count)', async () => {
    const system = 'Answer questions about the return policy. Quote the rule number. Keep answers under 80 words.';
    const text = `from openai import OpenAI
client = OpenAI()
r = client.chat.completions.create(model="gpt-4o", max_tokens=100, messages=[{"role": "system", "content": "${system}"}, {"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}, {"role": "user", "content": "c"}, {"role": "assistant", "content": "d"}, {"role": "user", "content": q}])
`;
    const plain = await auditText(text, 'python');
    assert.equal(only(plain, 'bloated-system-prompt').length + only(plain, 'few-shot-overload').length, 0);
    const strict = await auditText(text, 'python', { rules: { 'bloated-system-prompt': { threshold: 10 }, 'few-shot-overload': { threshold: 1 } } });
    assert.match(only(strict, 'bloated-system-prompt')[0]!.message, /\(threshold 10\)/);
    assert.match(only(strict, 'few-shot-overload')[0]!.message, /^2 few-shot examples/);
    assert.deepEqual(strict.notes, []);
  });

  it('enabled: false switches a rule off; severity is taken from settings', async () => {
    const off = await auditText(CALL, 'python', { rules: { 'high-max-tokens': { enabled: false } } });
    assert.equal(only(off, 'high-max-tokens').length, 0);
    const error = await auditText(CALL, 'python', { rules: { 'high-max-tokens': { severity: 'error' } } });
    assert.equal(only(error, 'high-max-tokens')[0]!.severity, 'error');
  });

  it('bad settings and unknown rule ids become notes of the audit', async () => {
    const result = await auditText(CALL, 'python', { rules: { 'high-max-token': { enabled: false }, 'high-max-tokens': { threshold: '1k' } } });
    assert.equal(only(result, 'high-max-tokens').length, 1, 'a bad threshold falls back to the default');
    assert.ok(result.notes.some((n) => n.includes('unknown rule "high-max-token"')));
    assert.ok(result.notes.some((n) => n.includes('rules["high-max-tokens"].threshold must be a number')));
  });

  it('every rule declares a default for each setting that passes its own validation', () => {
    for (const rule of RULES) {
      const defaults = Object.fromEntries(Object.entries(rule.settings).map(([k, spec]) => [k, spec.default]));
      assert.deepEqual(resolveRuleSettings(rule, defaults).problems, [], rule.id);
      assert.ok(['error', 'warning', 'info', 'hint'].includes(rule.defaultSeverity));
    }
  });

  it('severities the issue fixes: missing-max-tokens and non-english-inflation info, context-overflow error', () => {
    const severity = (id: string) => RULES.find((r) => r.id === id)!.defaultSeverity;
    assert.equal(severity('missing-max-tokens'), 'info');
    assert.equal(severity('non-english-inflation'), 'info');
    assert.equal(severity('context-overflow'), 'error');
  });
});
