// loop-call-batchable on calls made by a same-file helper that a loop calls (CallSite.loop.via).
import { strict as assert } from 'node:assert';
import { auditText, only, readFixture } from './helpers';

describe('loop-call-batchable through same-file helpers', () => {
  it('names the helper and the line it is called from inside the loop', async () => {
    const text = readFixture('loop-call-batchable', 'positive-helpers.ts');
    const result = await auditText(text, 'typescript');
    const lines = text.split('\n');
    const callLine = lines.findIndex((l) => l.includes('teams.push(await routeTicket(')) + 1;
    const d = only(result, 'loop-call-batchable').find((x) => x.message.includes('routeTicket'));
    assert.ok(d, result.diagnostics.map((x) => x.message).join('\n'));
    assert.match(d.message, new RegExp(`inside a for loop, through routeTicket\\(\\) called there on line ${callLine} \\(\\$`));
    const call = result.calls.find((c) => c.loop?.via?.name === 'routeTicket')!;
    assert.ok(typeof d.usdPerMonth === 'number' && d.usdPerMonth > 0);
    assert.equal(d.usdPerMonth, call.cost!.monthlyUsd! * 0.5);
  });

  it('a helper passed to Promise.all(urls.map(helper)) is reported as a gather', async () => {
    const result = await auditText(readFixture('loop-call-batchable', 'positive-helpers.ts'), 'typescript');
    const d = only(result, 'loop-call-batchable').find((x) => x.message.includes('altText'));
    assert.ok(d);
    assert.match(d.message, /inside a gather \/ Promise\.all over items, through altText\(\) called there on line \d+ \(/);
  });

  it('a helper called in a retry loop is not reported', async () => {
    for (const file of ['negative-helpers.py', 'negative-helpers.ts']) {
      const result = await auditText(readFixture('loop-call-batchable', file), file.endsWith('.py') ? 'python' : 'typescript');
      assert.equal(result.calls.length, 1, file);
      assert.equal(only(result, 'loop-call-batchable').length, 0, file);
    }
  });
});

describe('loop-call-batchable through a gateway', () => {
  it("an OpenRouter call to a Claude model gets OpenRouter's terms (no batch API), not Anthropic's Message Batches", async () => {
    const text = [
      'from openai import OpenAI',
      'client = OpenAI(base_url="https://openrouter.ai/api/v1")',
      'for doc in docs:',
      '    client.chat.completions.create(model="anthropic/claude-3-5-haiku", max_tokens=100,',
      '        messages=[{"role": "system", "content": "Summarise the document in one line."}, {"role": "user", "content": doc}])',
      '',
    ].join('\n');
    const result = await auditText(text, 'python');
    assert.equal(result.calls[0].provider, 'openrouter');
    const d = only(result, 'loop-call-batchable');
    assert.equal(d.length, 1);
    assert.match(d[0].message, /openrouter has no batch discount/);
    assert.doesNotMatch(d[0].message, /Message Batches/);
  });
});
