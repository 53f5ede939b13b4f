// Per-line ignores: `# prompt-audit: ignore <rule>` / `// prompt-audit: ignore` on the line above a call (or on it).
import { strict as assert } from 'node:assert';
import { applyFix, auditText, fixNamed, only } from './helpers';

const py = (directive: string) => `from openai import OpenAI
client = OpenAI()

def classify(ticket):
    ${directive}
    response = client.chat.completions.create(
        model="gpt-4o",
        max_tokens=4096,
        messages=[{"role": "system", "content": "Classify the ticket as billing or shipping. Respond with only the label."}, {"role": "user", "content": ticket}],
    )
    return response
`;

describe('per-line ignores', () => {
  it('a named ignore above a multi-line call silences that rule on the whole call, and only that rule', async () => {
    const plain = await auditText(py('pass'), 'python');
    assert.equal(only(plain, 'high-max-tokens').length, 1);
    const ignored = await auditText(py('# prompt-audit: ignore high-max-tokens'), 'python');
    assert.equal(only(ignored, 'high-max-tokens').length, 0);
    assert.equal(ignored.diagnostics.length, plain.diagnostics.length - 1, 'other rules still report');
  });

  it('a bare ignore silences every rule on the call; another rule id silences nothing', async () => {
    const all = await auditText(py('# prompt-audit: ignore'), 'python');
    assert.equal(all.diagnostics.filter((d) => d.range.start.line >= 5).length, 0);
    const other = await auditText(py('# prompt-audit: ignore few-shot-overload'), 'python');
    assert.equal(only(other, 'high-max-tokens').length, 1);
  });

  it('TypeScript: // prompt-audit: ignore on the line above', async () => {
    const ts = (directive: string) => `import OpenAI from 'openai';
const client = new OpenAI();
export async function go(q: string) {
  ${directive}
  return client.chat.completions.create({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: q }],
  });
}
`;
    assert.equal(only(await auditText(ts(''), 'typescript'), 'missing-max-tokens').length, 1);
    assert.equal(only(await auditText(ts('// prompt-audit: ignore missing-max-tokens'), 'typescript'), 'missing-max-tokens').length, 0);
  });

  it('the ignore fix writes the comment with the call\'s indentation, or adds the rule to an ignore already there', async () => {
    const text = py('pass');
    const d = only(await auditText(text, 'python'), 'high-max-tokens')[0]!;
    const fix = fixNamed(d, 'Ignore high-max-tokens');
    const after = applyFix(text, fix);
    assert.ok(after.includes('    pass\n    # prompt-audit: ignore high-max-tokens\n    response = client'), after);

    const withIgnore = py('# prompt-audit: ignore missing-max-tokens');
    const result = await auditText(withIgnore, 'python');
    const again = fixNamed(only(result, 'high-max-tokens')[0]!, 'Ignore high-max-tokens');
    const merged = applyFix(withIgnore, again);
    assert.ok(merged.includes('# prompt-audit: ignore missing-max-tokens, high-max-tokens\n'), merged);
    assert.equal(only(await auditText(merged, 'python'), 'high-max-tokens').length, 0);
  });

  it('a Python statement continued with a backslash gets the comment above its first line', async () => {
    const text = `from openai import OpenAI
client = OpenAI()
response = \\
    client.chat.completions.create(model="gpt-4o", max_tokens=4096, messages=[{"role": "user", "content": "Write a haiku."}])
`;
    const d = only(await auditText(text, 'python'), 'high-max-tokens')[0]!;
    const after = applyFix(text, fixNamed(d, 'Ignore'));
    assert.ok(after.includes('client = OpenAI()\n# prompt-audit: ignore high-max-tokens\nresponse = \\\n'), after);
    assert.equal(only(await auditText(after, 'python'), 'high-max-tokens').length, 0);
  });
});
