import { strict as assert } from 'node:assert';
import { callOn, constant, load, roles, type Fixture } from './helpers';

describe('extract: Vercel AI SDK', () => {
  let f: Fixture;
  before(async () => {
    f = await load('ts/vercel.tsx');
  });

  it('parses TSX and finds streamText / generateText / generateObject', () => {
    assert.equal(f.result.syntaxErrors, 0);
    assert.deepEqual(
      f.result.calls.map((c) => c.api),
      ['streamText', 'generateText', 'generateObject', 'generateText'],
    );
    for (const c of f.result.calls) assert.equal(c.provider, 'vercel-ai');
  });

  it("reads the model id out of model: provider('...') (through a constant too)", () => {
    assert.deepEqual(callOn(f, 'streamText({').model && [callOn(f, 'streamText({').model!.value, callOn(f, 'streamText({').model!.source], ['claude-sonnet-4-5', 'constant']);
    assert.equal(callOn(f, "openai('gpt-4o-mini')").model?.value, 'gpt-4o-mini');
    assert.equal(callOn(f, "model: 'anthropic/claude-haiku-4.5'").model?.value, 'anthropic/claude-haiku-4.5');
  });

  it('reads system, prompt, messages with content parts, maxTokens and maxOutputTokens', () => {
    const stream = callOn(f, 'streamText({');
    assert.deepEqual(roles(stream), [['system', 'You are a helpful assistant. Keep answers short.']]);
    assert.deepEqual(stream.maxTokens && [stream.maxTokens.key, stream.maxTokens.value], ['maxOutputTokens', 1024]);
    const poem = callOn(f, 'Write a four-line poem');
    assert.deepEqual(roles(poem), [['user', 'Write a four-line poem about the sea.']]);
    assert.deepEqual(poem.maxTokens && [poem.maxTokens.key, poem.maxTokens.value], ['maxTokens', 120]);
    assert.deepEqual(roles(callOn(f, 'generateObject({')), [
      ['system', 'You are a chef.'],
      ['user', 'Generate a lasagna recipe.'],
    ]);
  });

  it('does not take a zod .describe() string for a prompt', () => {
    const all = f.result.calls.flatMap((c) => c.prompts.map((p) => p.text));
    assert.ok(!all.includes('The name of the recipe'));
  });
});

describe('extract: LangChain', () => {
  describe('Python', () => {
    let f: Fixture;
    before(async () => {
      f = await load('python/langchain_app.py');
    });

    it('attaches a ChatPromptTemplate in a `prompt | llm` chain, and the model settings, to invoke', () => {
      const c = callOn(f, 'chain.invoke(');
      assert.equal(c.provider, 'langchain');
      assert.equal(c.api, 'invoke');
      assert.deepEqual(c.model && [c.model.value, c.model.source], ['gpt-4o', 'constructor']);
      assert.deepEqual(c.maxTokens && [c.maxTokens.key, c.maxTokens.value], ['max_tokens', 512]);
      assert.deepEqual(roles(c), [
        ['system', 'You are a world class technical documentation writer.'],
        ['user', '{input}'],
        ['user', 'How can LangSmith help with testing?'],
      ]);
      assert.equal(c.prompts[1].templated, true);
    });

    it('reads SystemMessage/HumanMessage lists and a positional string', () => {
      assert.deepEqual(roles(callOn(f, 'claude.invoke(messages)')), [
        ['system', 'Translate the following from English into Italian.'],
        ['user', 'hi!'],
      ]);
      assert.equal(callOn(f, 'claude.invoke(messages)').model?.value, 'claude-3-5-sonnet-20241022');
      assert.deepEqual(roles(callOn(f, 'llm.invoke("Tell me a joke')), [['user', 'Tell me a joke about bears.']]);
    });

    it('follows with_structured_output back to the model', () => {
      const c = callOn(f, 'structured_llm.invoke(');
      assert.equal(c.model?.value, 'gpt-4o');
    });

    it('reports templates and message lists that reach no call as prompt constants', () => {
      const summary = constant(f, 'summary_prompt');
      assert.equal(summary.templated, true);
      assert.ok(summary.text.startsWith('Write a concise summary'));
      assert.equal(constant(f, 'joke_prompt').text, 'Tell me a {adjective} joke about {content}.');
      const history = f.result.prompts.filter((p) => p.name === 'history').map((p) => [p.role, p.text]);
      assert.deepEqual(history, [
        ['system', 'You are a pirate.'],
        ['user', 'Where is the treasure?'],
        ['assistant', 'Arr, buried on the island!'],
      ]);
    });

    it('does not report the chat model constructors as calls', () => {
      assert.equal(f.result.calls.length, 4);
    });
  });

  describe('Python RAG chains', () => {
    let f: Fixture;
    before(async () => {
      f = await load('python/langchain_rag.py');
    });

    it('follows create_stuff_documents_chain / create_retrieval_chain back to the prompt and the model', () => {
      const c = callOn(f, 'rag_chain.invoke(');
      assert.equal(c.model?.value, 'gpt-3.5-turbo');
      assert.deepEqual(roles(c).map((r) => r[0]), ['system', 'user', 'user']);
      assert.equal(c.prompts[0].name, 'system_prompt');
      assert.equal(c.prompts[0].literals.length, 4);
    });

    it('reads a `{...} | prompt | llm | parser` chain and RetrievalQA chain_type_kwargs', () => {
      assert.ok(callOn(f, 'chain2.invoke(').prompts[0].text.startsWith('Answer the question based only'));
      assert.deepEqual(roles(callOn(f, 'qa.invoke(')), [
        ['user', 'Use the context to answer.\n{context}\nQ: {question}\nA:'],
        ['user', 'Who wrote the report?'],
      ]);
    });

    it('reports a template once, not again under the variable that wraps it in a PromptTemplate', () => {
      assert.deepEqual(f.result.prompts.map((p) => p.name), ['system_prompt', 'template']);
    });
  });

  describe('JavaScript', () => {
    let f: Fixture;
    before(async () => {
      f = await load('ts/langchain.js');
    });

    it('reads new ChatAnthropic({model, maxTokens}) + invoke("...")', () => {
      const c = callOn(f, 'model.invoke(');
      assert.deepEqual(c.model && c.model.value, 'claude-3-5-sonnet-20241022');
      assert.deepEqual(c.maxTokens && [c.maxTokens.key, c.maxTokens.value], ['maxTokens', 1024]);
      assert.deepEqual(roles(c), [['user', 'What is the distance between the earth and the moon?']]);
    });

    it('reads new SystemMessage("...") and new HumanMessage({content})', () => {
      assert.deepEqual(roles(callOn(f, 'new SystemMessage')), [
        ['system', 'You are a helpful assistant that translates English to French.'],
        ['user', 'I love programming.'],
      ]);
    });

    it('reads ChatPromptTemplate.fromMessages through prompt.pipe(model)', () => {
      const c = callOn(f, 'chain.invoke(');
      assert.deepEqual(roles(c).slice(0, 2), [
        ['system', 'You are a helpful assistant that translates {input_language} to {output_language}.'],
        ['user', '{input}'],
      ]);
      assert.equal(c.model?.value, 'claude-3-5-sonnet-20241022');
    });

    it('reports PromptTemplate.fromTemplate as a constant', () => {
      assert.equal(constant(f, 'jokeTemplate').text, 'Tell me a joke about {topic}');
    });
  });
});
