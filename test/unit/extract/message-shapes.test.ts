// openai-node v3, Gemini Content/Part helpers, message lists stored under dotted paths, tool outputs.
import { strict as assert } from 'node:assert';
import { allPromptTexts, callOn, extractText, load, roles, type Fixture } from './helpers';

describe('extract: message shapes', () => {
  describe('openai-node v3 (OpenAIApi)', () => {
    let f: Fixture;
    before(async () => {
      f = await load('ts/openai_v3.js');
    });

    it('createChatCompletion({ model, messages, max_tokens }) with messages built by unshift / push', () => {
      const c = callOn(f, 'openai.createChatCompletion(');
      assert.deepEqual([c.provider, c.api, c.model?.value], ['openai', 'createChatCompletion', 'gpt-3.5-turbo']);
      assert.deepEqual(c.maxTokens && [c.maxTokens.key, c.maxTokens.value], ['max_tokens', 150]);
      assert.deepEqual(roles(c), [['system', 'You are a friendly barista bot. Keep replies under 40 words.']]);
    });

    it('createCompletion({ model, prompt })', () => {
      const c = callOn(f, 'openai.createCompletion(');
      assert.deepEqual([c.provider, c.api, c.model?.value, c.maxTokens?.value], ['openai', 'createCompletion', 'text-davinci-003', 32]);
      assert.deepEqual(roles(c), [['user', 'Write a tagline for ${product}.']]);
    });

    it('the Configuration / OpenAIApi constructors are not calls', () => {
      assert.equal(f.result.calls.length, 2);
    });
  });

  describe('Gemini Content / Part helpers', () => {
    it('Python: types.UserContent / ModelContent (model -> assistant), Part.from_text, Content(role=...)', async () => {
      const f = await load('python/gemini_helpers.py');
      const c = callOn(f, 'contents=history +');
      assert.deepEqual([c.provider, c.model?.value, c.maxTokens?.value], ['google', 'gemini-2.0-flash', 128]);
      assert.deepEqual(roles(c), [
        ['user', 'My name is Ada and I like chess.'],
        ['assistant', 'Nice to meet you, Ada! Chess is a great game.'],
        ['user', 'What is my name and hobby?'],
      ]);
      assert.deepEqual(roles(callOn(f, 'Suggest a name for a bakery.')), [
        ['user', 'Suggest a name for a bakery.'],
        ['assistant', 'How about Rise and Shine?'],
        ['user', 'Something shorter, please.'],
      ]);
    });

    it('TS: createUserContent([...]) with createPartFromText, and chat history of createUserContent / createModelContent', async () => {
      const f = await load('ts/gemini_helpers.ts');
      const c = callOn(f, 'ai.models.generateContent(');
      assert.deepEqual([c.model?.value, c.maxTokens?.value], ['gemini-2.0-flash', 120]);
      assert.deepEqual(roles(c), [
        ['user', 'Describe a sunrise over the sea.'],
        ['user', 'Use exactly two sentences.'],
      ]);
      const chat = callOn(f, 'chat.sendMessage(');
      assert.deepEqual([chat.provider, chat.model?.value], ['google', 'gemini-2.5-flash']);
      assert.deepEqual(roles(chat), [
        ['user', 'I have two dogs in my house.'],
        ['assistant', 'Great to meet you. What would you like to know?'],
        ['user', 'How many paws are in my house?'],
      ]);
    });
  });

  describe('messages stored under a dotted path', () => {
    it('Streamlit: st.session_state.messages = [...], appended to as st.session_state["messages"], sent later', async () => {
      const f = await load('python/streamlit_state.py');
      const c = callOn(f, 'client.chat.completions.create(');
      assert.deepEqual(roles(c), [
        ['system', 'You are a home-cooking assistant. Suggest recipes using only the listed ingredients.'],
        ['user', 'Keep each recipe under 200 words.'],
      ]);
      // Attached to the call, so not also reported as standalone constants; the assistant turn appended after the
      // call is not part of it.
      assert.deepEqual(f.result.prompts.map((p) => p.name), []);
    });

    it('JS: state.messages = [...] then state.messages.push(...), in another function', async () => {
      const f = await load('ts/state_messages.ts');
      assert.deepEqual(roles(callOn(f, 'openai.chat.completions.create(')), [
        ['system', 'You are a travel planner. Answer with a day-by-day itinerary.'],
        ['user', 'Mention one local dish per day.'],
      ]);
    });

    it('JS: pushes onto a list written in the object literal itself', async () => {
      const f = await extractText(
        [
          'import OpenAI from "openai";',
          'const openai = new OpenAI();',
          'const state = { messages: [{ role: "system", content: "You are a travel planner." }] };',
          'export async function send() {',
          '  state.messages.push({ role: "user", content: "Mention one local dish per day." });',
          '  return openai.chat.completions.create({ model: "gpt-4o", messages: state.messages });',
          '}',
        ].join('\n'),
        'typescript',
      );
      assert.deepEqual(roles(f.result.calls[0]), [
        ['system', 'You are a travel planner.'],
        ['user', 'Mention one local dish per day.'],
      ]);
    });
  });

  describe('tool outputs are data, not prompts', () => {
    let f: Fixture;
    before(async () => {
      f = await load('python/tool_outputs.py');
    });

    it('Anthropic tool_result blocks', () => {
      assert.deepEqual(roles(callOn(f, 'claude.messages.create(')), [['user', 'What is the weather in Lisbon right now?']]);
    });

    it('OpenAI {"role": "tool"} messages', () => {
      assert.deepEqual(roles(callOn(f, 'client.chat.completions.create(')), [
        ['system', 'You are a shipping assistant.'],
        ['user', 'Where is order 1182?'],
      ]);
    });

    it('Responses function_call_output items', () => {
      const c = callOn(f, 'client.responses.create(');
      assert.deepEqual(roles(c), [['user', 'Now tell me the balance in one short sentence.']]);
    });

    it('LangChain ToolMessage(...)', () => {
      assert.deepEqual(roles(callOn(f, 'llm.invoke(')), [
        ['system', 'You are a stock-price helper.'],
        ['user', 'How did ACME close today?'],
      ]);
    });

    it('no tool output is reported anywhere, also not as a standalone prompt', () => {
      const texts = allPromptTexts(f.result).join('\n');
      for (const output of ['Sunny, 24 degrees', 'left the Rotterdam depot', '42.10 EUR', 'ACME closed at 31.20']) assert.ok(!texts.includes(output), output);
    });

    it('TS: tool messages and tool_result blocks', async () => {
      const g = await load('ts/tool_outputs.ts');
      assert.deepEqual(roles(callOn(g, 'openai.chat.completions.create(')), [['user', 'Convert 100 USD to JPY.']]);
      assert.deepEqual(roles(callOn(g, 'anthropic.messages.create(')), [['user', 'Is the staging server up?']]);
      const texts = allPromptTexts(g.result).join('\n');
      assert.ok(!texts.includes('151.3 JPY') && !texts.includes('HTTP 200'), texts);
    });
  });
});
