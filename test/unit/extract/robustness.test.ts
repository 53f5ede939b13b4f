import { strict as assert } from 'node:assert';
import { extract } from '../../../src/engine/extract';
import { callOn, extractText } from './helpers';

describe('extract: broken input never throws', () => {
  it('unterminated strings: reports syntax errors and still finds the intact calls', async () => {
    const src = [
      'from openai import OpenAI',
      'client = OpenAI()',
      'ok = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Intact prompt here."}])',
      'BROKEN = "this string never ends',
      'also = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": """unterminated triple',
    ].join('\n');
    const f = await extractText(src, 'python');
    assert.ok(f.result.syntaxErrors > 0);
    assert.equal(callOn(f, 'Intact prompt here.').prompts[0].text, 'Intact prompt here.');

    const ts = await extractText("import OpenAI from 'openai';\nconst c = new OpenAI();\nc.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: `never closed ${x}\n", 'typescript');
    assert.ok(ts.result.syntaxErrors > 0);
  });

  it('half-typed code: what is complete is read', async () => {
    const py = await extractText(
      [
        'import anthropic',
        'client = anthropic.Anthropic()',
        'done = client.messages.create(model="claude-sonnet-4-5", max_tokens=64, messages=[{"role": "user", "content": "Finished call."}])',
        'def later():',
        '    msg = client.messages.create(',
        '        model="claude-sonnet-4-5",',
        '        max_tokens=1024,',
        '        messages=[{"role": "user", "content": "Hi',
      ].join('\n'),
      'python',
    );
    assert.ok(py.result.syntaxErrors > 0);
    assert.equal(callOn(py, 'Finished call.').maxTokens?.value, 64);
    const ts = await extractText(
      [
        "import Anthropic from '@anthropic-ai/sdk';",
        'const client = new Anthropic();',
        "const done = await client.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 64, messages: [{ role: 'user', content: 'Finished call.' }] });",
        'export async function later() {',
        '  const msg = await client.messages.create({',
        "    model: 'claude-sonnet-4-5',",
        '    max_tokens: 512,',
        "    messages: [{ role: 'user', content: 'Hi' }",
      ].join('\n'),
      'typescript',
    );
    assert.ok(ts.result.syntaxErrors > 0);
    assert.equal(callOn(ts, 'Finished call.').maxTokens?.value, 64);
  });

  it('a 10 MB minified JavaScript bundle returns promptly with a note instead of blocking', async () => {
    const unit =
      'function f0(a,b){var c=a+b;if(c>10){return openai.chat.completions.create({model:"gpt-4o",messages:[{role:"user",content:"hi "+c}]})}return c*2};var x0=[1,2,3].map(function(v){return v*v});';
    const src = unit.repeat(Math.ceil(10_000_000 / unit.length));
    assert.ok(src.length >= 10_000_000);
    const r = await extract(src, 'javascript', { parseBudgetMs: 300 });
    assert.deepEqual(r.calls, []);
    assert.equal(r.notes?.length, 1);
    assert.match(r.notes![0], /Skipped: parsing took longer than 300 ms/);
  });

  it("a binary file's content is skipped with a note", async () => {
    const bytes = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
    for (const language of ['python', 'typescript', 'javascript'] as const) {
      const r = await extract(bytes, language);
      assert.deepEqual(r.calls, []);
      assert.deepEqual(r.prompts, []);
      assert.match(r.notes?.[0] ?? '', /binary/);
    }
  });

  it('empty text and text in the wrong language do not throw', async () => {
    assert.deepEqual((await extract('', 'python')).calls, []);
    const r = await extract('<?php echo "hello"; $x = array(1, 2); ?>\n#include <stdio.h>\nint main() { return 0; }', 'typescript');
    assert.ok(r.syntaxErrors > 0);
    assert.deepEqual(r.calls, []);
  });
});
