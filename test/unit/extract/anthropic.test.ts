import { strict as assert } from 'node:assert';
import { callOn, literalSources, load, promptWith, roles, source, type Fixture } from './helpers';

describe('extract: Anthropic', () => {
  describe('Python', () => {
    let f: Fixture;
    before(async () => {
      f = await load('python/anthropic_messages.py');
    });

    it('reads system as a string and content as text blocks', () => {
      const c = callOn(f, 'message = client.messages.create(');
      assert.equal(c.provider, 'anthropic');
      assert.equal(c.api, 'messages.create');
      assert.deepEqual(c.model && [c.model.value, c.model.source], ['claude-3-5-sonnet-20241022', 'constant']);
      assert.deepEqual(roles(c), [
        ['system', 'You are a world-class poet. Respond only with short poems.'],
        ['user', 'Why is the ocean salty?'],
      ]);
    });

    it('reads system blocks, cache_control, and a prompt built by + from implicit concatenation and "-" * 80', () => {
      const c = callOn(f, 'cached = client.messages.create(');
      assert.equal(c.cacheControl, true);
      const long = promptWith(c, 'employee handbook');
      assert.equal(long.role, 'system');
      assert.ok(long.text.endsWith('-'.repeat(80)));
      assert.deepEqual(literalSources(f, long), [
        '"The following is the complete employee handbook. "',
        '"Read it carefully before answering any question about company policy.\\n"',
        '"-"',
      ]);
      assert.equal(callOn(f, 'message = client.messages.create(').cacheControl, false);
    });

    it('does not take thinking.budget_tokens for max tokens', () => {
      const c = callOn(f, 'thinking = client.messages.create(');
      assert.deepEqual(c.maxTokens && [c.maxTokens.key, c.maxTokens.value], ['max_tokens', 3200]);
    });

    it('follows += into the prompt and reports every literal in order', () => {
      const c = callOn(f, 'with client.messages.stream(');
      assert.equal(c.api, 'messages.stream');
      const p = c.prompts[0];
      assert.equal(p.text, 'Here is some context:\n<context>\n{context}\n</context>\nAnswer the question using only the context.\nQuestion: {question}');
      assert.equal(p.templated, true);
      assert.equal(p.name, 'prompt');
      assert.deepEqual(literalSources(f, p), [
        '"Here is some context:\\n<context>\\n"',
        '"\\n</context>\\n"',
        '"Answer the question using only the context.\\n"',
        'f"Question: {question}"',
      ]);
    });

    it('reads the legacy text completion with max_tokens_to_sample', () => {
      const c = callOn(f, 'res = client.completions.create(');
      assert.equal(c.provider, 'anthropic');
      assert.deepEqual(c.maxTokens && [c.maxTokens.key, c.maxTokens.value], ['max_tokens_to_sample', 1000]);
      assert.equal(c.prompts[0].text, '{anthropic.HUMAN_PROMPT} {question}{anthropic.AI_PROMPT}');
    });

    it('leaves text inside tool results out: a tool output is data sent back, not a prompt', () => {
      const c = callOn(f, 'What is the weather in SF?');
      assert.deepEqual(roles(c), [['user', 'What is the weather in SF?']]);
    });
  });

  describe('TypeScript', () => {
    let f: Fixture;
    before(async () => {
      f = await load('ts/anthropic.ts');
    });

    it('reads system blocks with cache_control and .repeat(n)', () => {
      const c = callOn(f, 'const message = await client.messages.create(');
      assert.equal(c.cacheControl, true);
      const handbook = promptWith(c, 'Employee handbook section.');
      assert.equal(handbook.text, 'Employee handbook section. '.repeat(40));
      assert.equal(handbook.name, 'HANDBOOK');
      assert.deepEqual(literalSources(f, handbook), ["'Employee handbook section. '"]);
      assert.equal(source(f, handbook.range), 'HANDBOOK');
    });

    it('ignores budget_tokens and follows += with template literals', () => {
      const t = callOn(f, 'budget_tokens').maxTokens;
      assert.deepEqual(t && [t.key, t.value], ['max_tokens', 3200]);
    });

    it('reads messages.stream with a + system prompt and a prompt built with +=', () => {
      const c = callOn(f, 'client.messages.stream(');
      assert.deepEqual(roles(c), [
        ['system', 'You are an essayist. Write clearly.'],
        ['user', 'Write a short essay. The topic is ${topic}. Use three paragraphs.'],
      ]);
      assert.equal(c.prompts[1].literals.length, 3);
    });

    it('reads the text part next to an image part', () => {
      assert.deepEqual(roles(callOn(f, "type: 'image'")), [['user', 'Describe this image in one sentence.']]);
    });
  });
});
