import { strict as assert } from 'node:assert';
import { callOn, load, roles, source, type Fixture } from './helpers';

describe('extract: Google Gemini', () => {
  describe('Python', () => {
    let f: Fixture;
    before(async () => {
      f = await load('python/gemini.py');
    });

    it('does not report the GenerativeModel constructor or client as calls', () => {
      assert.equal(f.result.calls.length, 5);
      for (const c of f.result.calls) assert.equal(c.provider, 'google');
    });

    it('takes model, system_instruction and max_output_tokens from GenerativeModel into the chat call', () => {
      const c = callOn(f, 'send_message("Explain photosynthesis.")');
      assert.equal(c.api, 'send_message');
      assert.deepEqual(c.model && [c.model.value, c.model.source], ['gemini-1.5-flash', 'constructor']);
      assert.deepEqual(c.maxTokens && [c.maxTokens.key, c.maxTokens.value], ['max_output_tokens', 8192]);
      assert.equal(source(f, c.maxTokens!.range), '8192');
      assert.deepEqual(roles(c), [
        ['system', 'You are a biology teacher for high school students. Explain with everyday examples.'],
        ['user', 'Hello, can you help me study?'],
        ['assistant', 'Of course! Which topic are we studying today?'],
        ['user', 'Explain photosynthesis.'],
      ]);
    });

    it('reads a positional prompt and GenerationConfig(max_output_tokens=...)', () => {
      const c = callOn(f, 'flash.generate_content(');
      assert.equal(c.model?.value, 'models/gemini-1.5-flash');
      assert.deepEqual(c.maxTokens && [c.maxTokens.key, c.maxTokens.value], ['max_output_tokens', 20]);
      assert.deepEqual(roles(c), [['user', 'Write a one-sentence story about a magic backpack.']]);
    });

    it('reads client.models.generate_content with GenerateContentConfig (thinking budget is not max tokens)', () => {
      const c = callOn(f, 'response = client.models.generate_content(');
      assert.equal(c.api, 'models.generate_content');
      assert.deepEqual(c.model && [c.model.value, c.model.source], ['gemini-2.0-flash', 'constant']);
      assert.deepEqual(c.maxTokens && c.maxTokens.value, 300);
      assert.deepEqual(roles(c), [
        ['user', 'Why is the sky blue?'],
        ['system', "You're a language translator."],
        ['system', 'Your mission is to translate text in English to French.'],
      ]);
    });

    it('reads types.Content / Part.from_text contents', () => {
      assert.deepEqual(roles(callOn(f, 'structured = client.models.generate_content(')), [['user', 'List three prime numbers.']]);
    });

    it('carries chats.create settings into send_message', () => {
      const c = callOn(f, 'chat.send_message("What is your favourite toy?")');
      assert.equal(c.model?.value, 'gemini-2.5-flash');
      assert.deepEqual(roles(c), [
        ['system', 'Answer like you are a dog.'],
        ['user', 'What is your favourite toy?'],
      ]);
    });
  });

  describe('TypeScript', () => {
    let f: Fixture;
    before(async () => {
      f = await load('ts/gemini.ts');
    });

    it('reads ai.models.generateContent({model, contents, config: {systemInstruction, maxOutputTokens}})', () => {
      const c = callOn(f, 'ai.models.generateContent(');
      assert.equal(c.api, 'models.generateContent');
      assert.equal(c.model?.value, 'gemini-2.5-flash');
      assert.deepEqual(c.maxTokens && [c.maxTokens.key, c.maxTokens.value], ['maxOutputTokens', 100]);
      assert.deepEqual(roles(c), [
        ['user', 'Hello there'],
        ['system', 'You are a cat. Your name is Neko.'],
      ]);
    });

    it('reads chat history in {role, parts: [{text}]} form, role model = assistant', () => {
      const c = callOn(f, "chat.sendMessage({ message: 'I have two dogs");
      assert.deepEqual(roles(c), [
        ['user', 'Hello'],
        ['assistant', 'Great to meet you. What would you like to know?'],
        ['user', 'I have two dogs in my house.'],
      ]);
    });

    it('carries getGenerativeModel settings into generateContent and startChat/sendMessage', () => {
      const c = callOn(f, "model.generateContent('Where should I go");
      assert.deepEqual(c.model && [c.model.value, c.model.source], ['gemini-1.5-flash', 'constructor']);
      assert.deepEqual(c.maxTokens && c.maxTokens.value, 250);
      assert.deepEqual(roles(c), [
        ['system', 'You are a travel agent. Suggest one destination.'],
        ['user', 'Where should I go in October?'],
      ]);
      const chat = callOn(f, "session.sendMessage('And in winter?')");
      assert.deepEqual(roles(chat).map((r) => r[0]), ['system', 'user', 'assistant', 'user']);
    });
  });
});
