// Gaps reported by the engineers who consume extraction: constant roles from their use, local aliases, message dicts
// in any key order, few-shot example lists, module-qualified litellm, retry loops, half-typed calls.
import { strict as assert } from 'node:assert';
import { callAfter, callOn, constant, extractText, lineOf, load, roles, type Fixture } from './helpers';

describe('extract: what consumers rely on', () => {
  describe('prompt constants', () => {
    let f: Fixture;
    before(async () => {
      f = await load('python/constant_roles.py');
    });

    it('take their role from how a call sends them, else from their name', () => {
      assert.equal(constant(f, 'ROUTER_PROMPT').role, 'system', 'sent as {"role": "system", "content": ROUTER_PROMPT}');
      assert.equal(constant(f, 'ANSWER_TEMPLATE').role, 'user', 'not sent here: the name says nothing else');
    });

    it('a local alias of a constant is not listed as a prompt of its own; the call names the constant', () => {
      assert.ok(!f.result.prompts.some((p) => p.name === 'system'), f.result.prompts.map((p) => p.name).join(', '));
      const c = callAfter(f, 'def describe');
      assert.equal(c.prompts[0].role, 'system');
      assert.equal(c.prompts[0].name, 'STYLE_GUIDE');
    });

    it('message dicts that reach no call are found whatever the position of "role"', () => {
      const found = f.result.prompts.filter((p) => p.name === 'history').map((p) => [p.role, p.text]);
      assert.deepEqual(found, [
        ['system', 'You are a patient chess coach for beginners.'],
        ['user', 'Explain the Italian opening in three sentences.'],
      ]);
    });

    it('TypeScript: a constant in { content, role: "system" } is a system prompt, at the call and as a constant', async () => {
      const ts = await load('ts/constant_roles.ts');
      assert.equal(constant(ts, 'TRIAGE_PROMPT').role, 'system');
      assert.deepEqual(roles(callOn(ts, 'chat.completions.create(')).map((r) => r[0]), ['system'], 'the user turn is a parameter: no text');
    });
  });

  describe('LangChain few-shot templates', () => {
    it('FewShotChatMessagePromptTemplate examples inside a chat template reach the chain call as examples', async () => {
      const f = await load('python/few_shot.py');
      const c = callOn(f, 'chain.invoke(');
      assert.deepEqual(roles(c).filter((r) => r[0] === 'example').map((r) => r[1]), [
        'Is a tomato a fruit or a vegetable?',
        'Botanically a fruit; in cooking, a vegetable.',
        'Is a peanut a nut?',
        'No, it is a legume that grows underground.',
      ]);
      assert.equal(roles(c)[0][0], 'system');
    });

    it('FewShotPromptTemplate examples that reach no call are example prompt constants; prefix and suffix too', async () => {
      const f = await load('python/few_shot.py');
      const mine = f.result.prompts.filter((p) => p.name === 'antonyms');
      assert.deepEqual(mine.filter((p) => p.role === 'example').map((p) => p.text), ['cheerful', 'gloomy', 'generous', 'stingy']);
      assert.ok(mine.some((p) => p.role === 'user' && p.text === 'Give the antonym of every input word, in lower case.'));
    });

    it('LangChain.js new FewShotPromptTemplate({ examples })', async () => {
      const f = await load('ts/few_shot.js');
      const examples = f.result.prompts.filter((p) => p.role === 'example').map((p) => p.text);
      assert.deepEqual(examples, ['Portugal', 'Lisbon is the capital of Portugal.', 'Kenya', 'Nairobi is the capital of Kenya.']);
    });
  });

  it('litellm.completion(...) is a call, also in a notebook cell whose `import litellm` is elsewhere', async () => {
    const f = await extractText(
      [
        'resp = litellm.completion(model="gpt-4o-mini", messages=[{"role": "user", "content": "Say hello in Welsh, please."}], max_tokens=50)',
        'other = notlitellm.completion(model="gpt-4o", messages=[])',
      ].join('\n'),
      'python',
    );
    assert.equal(f.result.calls.length, 1);
    const c = f.result.calls[0];
    assert.equal(c.api, 'litellm.completion');
    assert.equal(c.maxTokens?.value, 50);
    assert.deepEqual(roles(c), [['user', 'Say hello in Welsh, please.']]);
  });

  describe('retry loops are not loops over data', () => {
    let f: Fixture;
    before(async () => {
      f = await load('python/retry_loops.py');
    });

    it('an attempt loop inside a loop over items reports the loop over items', () => {
      const c = callAfter(f, 'def each_with_retries');
      assert.equal(c.loop?.kind, 'for');
      assert.equal(c.loop?.range.start.line, lineOf(f.src, 'for item in items'));
    });

    it('while retries < 3, and a fallback loop whose success returns, are no loops over data', () => {
      assert.equal(callAfter(f, 'def counted_retries').loop, null);
      assert.equal(callAfter(f, 'def fallbacks').loop, null);
    });

    it('a loop over data that skips failures, or walks indexes, still is one', () => {
      assert.equal(callAfter(f, 'def skip_failures').loop?.kind, 'for');
      assert.equal(callAfter(f, 'def by_index').loop?.kind, 'for');
    });

    it('TypeScript: attempt <= MAX_ATTEMPTS is a retry; a while (tries < 3) inside for...of reports the for', async () => {
      const ts = await load('ts/retry_loops.ts');
      assert.equal(callAfter(ts, 'export async function ask(').loop, null);
      const c = callAfter(ts, 'export async function askAll');
      assert.equal(c.loop?.kind, 'for');
      assert.equal(c.loop?.range.start.line, lineOf(ts.src, 'for (const q of questions)'));
    });
  });

  describe('half-typed calls (unclosed brackets)', () => {
    it('Python: the call, its complete arguments and the message being typed are read back', async () => {
      const f = await extractText(
        [
          'import anthropic',
          'client = anthropic.Anthropic()',
          'msg = client.messages.create(model="claude-3-5-haiku-latest", max_tokens=300, system="You write release notes for a banking app.",',
          '    messages=[{"role": "user", "content": "Summarize the changes below."',
          '',
        ].join('\n'),
        'python',
      );
      assert.ok(f.result.syntaxErrors > 0);
      assert.equal(f.result.calls.length, 1);
      const c = f.result.calls[0];
      assert.equal(c.nameRange.start.line, 2);
      assert.equal(c.provider, 'anthropic');
      assert.equal(c.model?.value, 'claude-3-5-haiku-latest');
      assert.equal(c.maxTokens?.value, 300);
      assert.equal(c.argsResolved, false);
      assert.deepEqual(roles(c), [
        ['system', 'You write release notes for a banking app.'],
        ['user', 'Summarize the changes below.'],
      ]);
    });

    it('Python: complete message dicts before the unclosed list, with code after it', async () => {
      const f = await extractText(
        [
          'from openai import OpenAI',
          'client = OpenAI()',
          'resp = client.chat.completions.create(',
          '    model="gpt-4o",',
          '    messages=[{"role": "system", "content": "You review SQL for analytics teams."},',
          '              {"role": "user", "content": "Review this query for mistakes."}',
          '',
          'print("done")',
        ].join('\n'),
        'python',
      );
      const c = callOn(f, 'create(');
      assert.equal(c.model?.value, 'gpt-4o');
      assert.deepEqual(roles(c), [
        ['system', 'You review SQL for analytics teams.'],
        ['user', 'Review this query for mistakes.'],
      ]);
      assert.deepEqual(f.result.prompts, [], 'the messages are the call’s, not loose');
    });

    it('TypeScript: an options object left open', async () => {
      const f = await extractText(
        [
          "import OpenAI from 'openai';",
          'const client = new OpenAI();',
          'const r = await client.chat.completions.create({',
          "  model: 'gpt-4o-mini',",
          '  max_tokens: 200,',
          "  messages: [{ role: 'system', content: 'You review SQL for analytics teams.' }, { role: 'user', content: 'Review this query.' }",
          '',
          "console.log('done');",
        ].join('\n'),
        'typescript',
      );
      assert.equal(f.result.calls.length, 1);
      const c = f.result.calls[0];
      assert.equal(c.nameRange.start.line, 2);
      assert.equal(c.model?.value, 'gpt-4o-mini');
      assert.equal(c.maxTokens?.value, 200);
      assert.deepEqual(roles(c), [
        ['system', 'You review SQL for analytics teams.'],
        ['user', 'Review this query.'],
      ]);
    });
  });
});
