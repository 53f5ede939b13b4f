import { strict as assert } from 'node:assert';
import { allPromptTexts, callOn, load, roles, source, type Fixture } from './helpers';

describe('extract: LlamaIndex LLM objects', () => {
  describe('Python', () => {
    let f: Fixture;
    before(async () => {
      f = await load('python/llamaindex_app.py');
    });

    it('reports complete / chat and their async and streaming forms, not the LLM constructors', () => {
      assert.deepEqual(
        f.result.calls.map((c) => [c.api, c.provider]),
        [
          ['complete', 'openai'],
          ['chat', 'openai'],
          ['stream_complete', 'anthropic'],
          ['acomplete', 'anthropic'],
          ['achat', 'anthropic'],
        ],
      );
    });

    it('takes model, max_tokens and system_prompt from OpenAI(...) into llm.complete("...")', () => {
      const c = callOn(f, 'llm.complete(');
      assert.deepEqual(c.model && [c.model.value, c.model.source], ['gpt-4o-mini', 'constructor']);
      assert.deepEqual(c.maxTokens && [c.maxTokens.key, c.maxTokens.value, source(f, c.maxTokens.range)], ['max_tokens', 256, '256']);
      assert.deepEqual(roles(c), [
        ['system', 'You are a concise support agent for Acme Cloud. Answer in at most three sentences.'],
        ['user', 'Write a one-line status update about the database migration.'],
      ]);
    });

    it('reads ChatMessage(role=..., content=...) lists sent by llm.chat(messages)', () => {
      const c = callOn(f, 'llm.chat(messages)');
      assert.equal(c.model?.value, 'gpt-4o-mini');
      assert.deepEqual(roles(c), [
        ['system', 'You are a concise support agent for Acme Cloud. Answer in at most three sentences.'],
        ['system', 'You translate support answers into plain English.'],
      ]);
    });

    it('an Anthropic LlamaIndex LLM is priced as Anthropic, in streaming and async forms', () => {
      const stream = callOn(f, 'claude.stream_complete(');
      assert.deepEqual([stream.provider, stream.model?.value, stream.maxTokens?.value], ['anthropic', 'claude-3-5-haiku-20241022', 512]);
      assert.deepEqual(roles(stream), [['user', 'Summarize this ticket in one line: {ticket}']]);
      assert.equal(stream.prompts[0].templated, true);
      assert.deepEqual(roles(callOn(f, 'claude.acomplete(')), [['user', 'Explain {topic} to a new engineer.']]);
      assert.deepEqual(roles(callOn(f, 'claude.achat(')), [['user', 'List three risks of a big-bang migration.']]);
    });

    it('the same class names from the openai / anthropic SDKs are not LlamaIndex objects', async () => {
      const g = await load('python/llamaindex_lookalikes.py');
      assert.deepEqual(
        g.result.calls.map((c) => c.api),
        ['chat.completions.create'],
      );
      assert.deepEqual(roles(g.result.calls[0]), [['user', 'Say hello from the real OpenAI SDK.']]);
      for (const text of allPromptTexts(g.result)) assert.ok(!text.includes('LlamaIndex'), text);
    });
  });

  describe('TypeScript', () => {
    let f: Fixture;
    before(async () => {
      f = await load('ts/llamaindex.ts');
    });

    it('new OpenAI({ model, maxTokens }) from @llamaindex/openai + llm.complete({ prompt })', () => {
      assert.equal(f.result.calls.length, 2);
      const c = callOn(f, 'llm.complete(');
      assert.deepEqual([c.provider, c.api, c.model?.value, c.model?.source], ['openai', 'complete', 'gpt-4o-mini', 'constructor']);
      assert.deepEqual(c.maxTokens && [c.maxTokens.key, c.maxTokens.value], ['maxTokens', 300]);
      assert.deepEqual(roles(c), [['user', 'Write a headline for this article:\n${article}']]);
    });

    it('new Anthropic({ ... }) from llamaindex + claude.chat({ messages })', () => {
      const c = callOn(f, 'claude.chat(');
      assert.deepEqual([c.provider, c.api, c.model?.value, c.maxTokens?.value], ['anthropic', 'chat', 'claude-3-5-sonnet-20241022', 1024]);
      assert.deepEqual(roles(c), [['system', 'You are a patient math tutor. Give hints, not answers.']]);
    });

    it('the SDKs\' own OpenAI / Anthropic classes are not LlamaIndex objects', async () => {
      const g = await load('ts/llamaindex_lookalikes.ts');
      assert.deepEqual(
        g.result.calls.map((c) => [c.provider, c.api]),
        [['anthropic', 'messages.create']],
      );
      assert.deepEqual(roles(g.result.calls[0]), [['user', 'Hello from the real Anthropic SDK.']]);
    });
  });
});
