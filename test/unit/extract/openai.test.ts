import { strict as assert } from 'node:assert';
import { callOn, constant, literalSources, load, promptWith, roles, source, type Fixture } from './helpers';

describe('extract: OpenAI', () => {
  describe('Python chat completions', () => {
    let f: Fixture;
    before(async () => {
      f = await load('python/openai_chat.py');
    });

    it('finds every call and nothing else', () => {
      assert.equal(f.result.calls.length, 7);
      assert.equal(f.result.syntaxErrors, 0);
    });

    it('reads keys in any order, the model from a constant, and max_tokens', () => {
      const c = callOn(f, 'temperature=0,\n        model=GPT_MODEL');
      assert.equal(c.provider, 'openai');
      assert.equal(c.api, 'chat.completions.create');
      assert.deepEqual(c.model && { value: c.model.value, source: c.model.source }, { value: 'gpt-4o-mini', source: 'constant' });
      assert.equal(source(f, c.model!.range!), '"gpt-4o-mini"');
      assert.deepEqual(c.maxTokens && { key: c.maxTokens.key, value: c.maxTokens.value }, { key: 'max_tokens', value: 300 });
      assert.equal(source(f, c.maxTokens!.range), '300');
      const system = promptWith(c, 'friendly support agent');
      assert.equal(system.role, 'system');
      assert.equal(system.name, 'SYSTEM_MESSAGE');
      assert.equal(source(f, system.range), 'SYSTEM_MESSAGE');
      assert.deepEqual(literalSources(f, system), ['"You are a friendly support agent for Acme Cloud. Answer in two sentences or fewer."']);
      // the user message is a parameter: no literal, so no prompt string
      assert.equal(c.prompts.length, 1);
      assert.deepEqual(Object.keys(c.args).sort(), ['max_tokens', 'messages', 'model', 'temperature']);
      assert.equal(source(f, c.args.model), 'GPT_MODEL');
    });

    it('puts insertAt just inside the closing parenthesis', () => {
      const c = callOn(f, 'temperature=0,\n        model=GPT_MODEL');
      const closing = f.src.split('\n')[c.insertAt!.line][c.insertAt!.character];
      assert.equal(closing, ')');
    });

    it('reads few-shot examples (name: example_*) and max_completion_tokens', () => {
      const c = callOn(f, 'Translate corporate jargon');
      assert.deepEqual(roles(c).map((r) => r[0]), ['system', 'example', 'example']);
      assert.deepEqual(c.maxTokens && [c.maxTokens.key, c.maxTokens.value], ['max_completion_tokens', 200]);
    });

    it('sees through with_raw_response and beta.*.parse', () => {
      assert.equal(callOn(f, 'with_raw_response.create(').api, 'chat.completions.create');
      const parsed = callOn(f, 'completions.parse(');
      assert.equal(parsed.api, 'chat.completions.parse');
      assert.equal(parsed.model?.value, 'gpt-4o-2024-08-06');
    });

    it('keeps f-string placeholders as written and marks them templated', () => {
      const c = callOn(f, 'await aclient.chat.completions.create(');
      assert.deepEqual(roles(c), [['user', 'Answer briefly: {question}']]);
      assert.equal(c.prompts[0].templated, true);
      assert.equal(c.maxTokens, null);
    });

    it('finds the pre-1.0 module API and the legacy completions prompt', () => {
      const legacy = callOn(f, 'openai.ChatCompletion.create(');
      assert.equal(legacy.api, 'ChatCompletion.create');
      assert.deepEqual(roles(legacy), [['user', 'Write a haiku about {topic}']]);
      const completion = callOn(f, 'client.completions.create(');
      assert.equal(completion.api, 'completions.create');
      assert.equal(completion.provider, 'openai');
      assert.deepEqual(roles(completion), [['user', 'Say this is a test']]);
    });

    it('reports the system constant as a prompt constant with its role', () => {
      const c = constant(f, 'SYSTEM_MESSAGE');
      assert.equal(c.role, 'system');
      assert.equal(source(f, c.nameRange), 'SYSTEM_MESSAGE');
      assert.equal(c.templated, false);
    });
  });

  describe('Python Responses API', () => {
    let f: Fixture;
    before(async () => {
      f = await load('python/openai_responses.py');
    });

    it('reads instructions as the system prompt and a string input as the user prompt', () => {
      const c = callOn(f, 'response = client.responses.create(');
      assert.equal(c.api, 'responses.create');
      assert.deepEqual(roles(c), [
        ['system', 'You are a coding assistant that talks like a pirate.'],
        ['user', 'How do I check if a Python object is an instance of a class?'],
      ]);
      assert.deepEqual(c.maxTokens && [c.maxTokens.key, c.maxTokens.value], ['max_output_tokens', 500]);
    });

    it('reads an input message list with developer role and input_text parts', () => {
      const c = callOn(f, 'follow_up = client.responses.create(');
      assert.deepEqual(roles(c), [
        ['developer', 'Only answer questions about the weather.'],
        ['user', 'What should I wear in Seoul today?'],
      ]);
    });

    it('finds `with client.responses.stream(...)` and a chain split over lines', () => {
      assert.equal(callOn(f, 'client.responses.stream(').api, 'responses.stream');
      const chained = callOn(f, 'model="o4-mini"');
      assert.equal(chained.model?.value, 'o4-mini');
    });
  });

  describe('TypeScript', () => {
    let f: Fixture;
    before(async () => {
      f = await load('ts/openai.ts');
    });

    it('reads the object form: template literal prompts, constant model and system prompt', () => {
      const c = callOn(f, 'What should I read next?');
      assert.equal(c.model?.value, 'gpt-4o-mini');
      assert.equal(c.model?.source, 'constant');
      assert.deepEqual(roles(c), [
        ['system', 'You are a concise assistant for a bookstore.\nRecommend at most three books and explain each choice in one sentence.'],
        ['user', 'I like ${genre} novels. What should I read next?'],
      ]);
      assert.equal(c.prompts[1].templated, true);
      assert.equal(source(f, c.args.max_tokens), '400');
      assert.equal(f.src.split('\n')[c.insertAt!.line][c.insertAt!.character], '}');
    });

    it('resolves a request body built elsewhere, spreads included', () => {
      const c = callOn(f, 'return openai.chat.completions.create(params)');
      assert.equal(c.argsResolved, true);
      assert.equal(c.model?.value, 'gpt-4o');
      assert.deepEqual(c.maxTokens && [c.maxTokens.key, c.maxTokens.value], ['max_completion_tokens', 1000]);
      assert.deepEqual(roles(c), [['user', 'Answer like a librarian: ${question}']]);
      assert.deepEqual(c.args, {});
    });

    it('keeps a call whose body comes from elsewhere, marked unresolved', () => {
      const c = callOn(f, 'create(body)');
      assert.equal(c.argsResolved, false);
      assert.equal(c.model, null);
      assert.deepEqual(c.prompts, []);
    });

    it('finds responses.create, a stream chained over lines, and .withResponse()', () => {
      assert.deepEqual(roles(callOn(f, 'openai.responses.create(')).map((r) => r[0]), ['system', 'user']);
      assert.equal(callOn(f, '.stream({').api, 'responses.stream');
      assert.deepEqual(roles(callOn(f, 'Say this is a test')), [['user', 'Say this is a test']]);
    });

    it('reports the loop each per-item call runs in', () => {
      assert.equal(callOn(f, 'Tag this').loop?.kind, 'gather');
      assert.equal(callOn(f, 'Describe ${item}').loop?.kind, 'for');
      assert.equal(callOn(f, 'Rate ${item}').loop?.kind, 'forEach');
      assert.equal(callOn(f, 'What should I read next?').loop, null);
    });
  });
});
