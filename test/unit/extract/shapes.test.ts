// Shapes measured on real code that the extractor once got wrong: wrappers named like SDK methods, message lists
// returned by builder methods, LangChain templates filled in before model.invoke, prompt lists handed to an imported
// helper, and strings at UI / HTTP helpers that are not prompts.
import { strict as assert } from 'node:assert';
import { allPromptTexts, callAfter, callOn, constant, lineOf, literalSources, load, roles, type Fixture } from './helpers';

describe('extract: real-code shapes', () => {
  describe('wrappers named like SDK methods (Python)', () => {
    let f: Fixture;
    before(async () => {
      f = await load('python/wrapper_shapes.py');
    });

    it('a module function `chat(messages)` feeds the call inside it from its call site', () => {
      const c = callAfter(f, 'def chat(messages');
      assert.deepEqual(roles(c), [['user', 'Name three uses for a paperclip.']]);
    });

    it('`desk.chat(...)` calls the class method, not the module function of the same name nor the Cohere SDK', () => {
      const cohere = callOn(f, 'co.chat(');
      assert.equal(cohere.provider, 'cohere');
      assert.deepEqual(roles(cohere), [
        ['system', 'You are a hotel concierge in Porto.'],
        ['user', 'Where can we hear fado tonight?'],
      ]);
      assert.equal(f.result.calls.filter((c) => c.api === 'chat').length, 1, 'desk.chat(...) is not an SDK call');
      assert.ok(!roles(callAfter(f, 'def chat(messages')).some(([, t]) => t.includes('fado')));
    });

    it('a message list returned by self.build(q) is the request messages, inline or through a variable', () => {
      const inline = callAfter(f, 'def run(self');
      assert.deepEqual(roles(inline), [
        ['system', 'You recommend restaurants near the hotel, with opening hours.'],
        ['user', 'A quiet place for dinner with children, please.'],
      ]);
      const saved = callAfter(f, 'def run_saved');
      assert.deepEqual(roles(saved), [['system', 'You recommend restaurants near the hotel, with opening hours.']], 'only the callers of run_saved feed it');
      assert.equal(f.result.prompts.length, 0, 'nothing is left over as a standalone prompt');
    });
  });

  describe('wrappers named like SDK methods (TypeScript)', () => {
    let f: Fixture;
    before(async () => {
      f = await load('ts/wrapper_shapes.ts');
    });

    it('`run(system, prompt)` call sites feed generateText inside it, a filtered and joined list included', () => {
      const c = callOn(f, 'generateText(');
      assert.deepEqual(roles(c), [
        ['system', 'You write short, warm party invitations.'],
        ['user', 'Event: ${event}\nKeep it under 80 words.'],
      ]);
      assert.ok(literalSources(f, c.prompts[1]).includes("'Keep it under 80 words.'"));
    });

    it('this.buildMessages(q) and this.chat("...") reach the request through a class method wrapper', () => {
      const c = callOn(f, 'chat.completions.create(');
      assert.deepEqual(roles(c), [
        ['system', 'You answer questions about vegetable gardening in cool climates.'],
        ['user', 'When should I plant tomatoes outdoors?'],
      ]);
    });
  });

  describe('LangChain templates filled in before invoke', () => {
    it('format_messages, format_prompt(...).to_messages() and template.invoke({...}) attach the template (Python)', async () => {
      const f = await load('python/langchain_format.py');
      for (const fn of ['def sort_formatted', 'def sort_prompt_value', 'def sort_invoked']) {
        const c = callAfter(f, fn);
        assert.equal(c.model?.value, 'gpt-4o-mini', fn);
        assert.deepEqual(roles(c), [
          ['system', 'You sort support tickets into billing, bug or question.'],
          ['user', 'Ticket: {ticket}'],
        ], fn);
        assert.ok(c.prompts[1].templated);
      }
      assert.equal(f.result.prompts.length, 0, 'the template is not also a standalone prompt');
    });

    it('await prompt.formatMessages({...}) then model.invoke(messages) (TypeScript)', async () => {
      const f = await load('ts/langchain_format.ts');
      const c = callOn(f, 'model.invoke(');
      assert.equal(c.maxTokens?.value, 200);
      assert.deepEqual(roles(c), [
        ['system', 'You translate recipes into French, keeping the quantities.'],
        ['user', '{recipe}'],
      ]);
    });
  });

  describe('prompt lists handed to an imported helper', () => {
    let f: Fixture;
    before(async () => {
      f = await load('python/prompt_chain.py');
    });

    it('each step of a list passed to a local function that loops over it into llm_call(...) is a prompt', () => {
      const steps = f.result.prompts.filter((p) => p.name === 'cleanup_steps');
      assert.deepEqual(steps.map((p) => [p.role, p.literals[0].range.start.line]), [
        ['user', lineOf(f.src, 'Remove every greeting')],
        ['user', lineOf(f.src, 'Summarize what each person')],
      ]);
    });

    it('a module-level loop over a list of questions reads every question into the helper prompt', () => {
      const p = constant(f, 'llm_call');
      const lines = p.literals.map((l) => l.range.start.line);
      assert.ok(lines.includes(lineOf(f.src, 'Which of these tasks')) && lines.includes(lineOf(f.src, 'Which tasks depend')), JSON.stringify(lines));
      assert.ok(p.templated);
    });
  });

  describe('strings that are not prompts', () => {
    it('UI labels and helpers named like chat/response helpers are not prompts (Python)', async () => {
      const f = await load('python/not_prompts_ui.py');
      assert.deepEqual(f.result.prompts, []);
      assert.equal(f.result.calls.length, 1);
      assert.deepEqual(allPromptTexts(f.result), []);
    });

    it('HTTP response bodies and UI labels are not prompts, next to a real call (TypeScript)', async () => {
      const f = await load('ts/not_prompts_http.ts');
      assert.deepEqual(f.result.prompts, []);
      assert.equal(f.result.calls.length, 1);
      assert.deepEqual(allPromptTexts(f.result), []);
    });
  });
});
