import { strict as assert } from 'node:assert';
import { allPromptTexts, constant, extractText, literalSources, load, source, type Fixture } from './helpers';

describe('extract: prompt constants and what is not a prompt', () => {
  describe('a Python prompt module', () => {
    let f: Fixture;
    before(async () => {
      f = await load('python/prompts_module.py');
    });

    it('reports SYSTEM_PROMPT with its role, value range and name range', () => {
      const c = constant(f, 'SYSTEM_PROMPT');
      assert.equal(c.role, 'system');
      assert.equal(c.text, 'You are a senior data analyst.\nExplain findings in plain language and always state your assumptions.');
      assert.equal(c.templated, false);
      assert.equal(source(f, c.nameRange), 'SYSTEM_PROMPT');
      assert.ok(source(f, c.range).startsWith('"""You are a senior'));
    });

    it('reports *_TMPL templates built by implicit concatenation as templated', () => {
      const c = constant(f, 'DEFAULT_SUMMARY_TMPL');
      assert.equal(c.templated, true);
      assert.equal(c.literals.length, 5);
      assert.ok(c.text.includes('{context_str}'));
      assert.equal(constant(f, 'REFINE_PROMPT_TMPL').templated, true);
    });

    it('reports builder functions that return f-strings under the function name', () => {
      const b = constant(f, 'build_prompt');
      assert.equal(b.text, 'Use the documents to answer.\n\nDocuments:\n{joined}\n\nQuestion: {question}');
      assert.equal(source(f, b.nameRange), 'build_prompt');
      assert.equal(constant(f, 'system_prompt_for').role, 'system');
    });

    it('does not report flags, file names, counts or docstrings', () => {
      const names = f.result.prompts.map((p) => p.name);
      for (const n of ['PROMPT_CACHING_BETA', 'PROMPT_FILE', 'prompt_tokens', 'PROMPT_VERSION', 'helper']) assert.ok(!names.includes(n), n);
      assert.ok(!allPromptTexts(f.result).some((t) => t.includes('This docstring is documentation')));
      assert.equal(f.result.prompts.length, 5);
    });
  });

  describe('negatives (Python and JavaScript)', () => {
    for (const file of ['python/negatives.py', 'ts/negatives.js']) {
      it(`${file}: no calls and no prompts from logs, errors, SQL, tool descriptions, beta flags, console/print`, async () => {
        const f = await load(file);
        assert.equal(f.result.syntaxErrors, 0);
        assert.deepEqual(f.result.calls, [], 'append/push, print/console.log, json.dumps/JSON.stringify, constructors and repo.create are not calls');
        assert.deepEqual(allPromptTexts(f.result), []);
      });
    }
  });

  describe('TypeScript constants', () => {
    it('reports a template-literal SYSTEM_PROMPT and an object key systemPrompt that reaches no call', async () => {
      const f = await load('ts/openai.ts');
      const c = constant(f, 'SYSTEM_PROMPT');
      assert.equal(c.role, 'system');
      assert.deepEqual(literalSources(f, c).length, 1);
    });
  });
});

describe('extract: prompts passed to helpers defined elsewhere', () => {
  it('reports string arguments of get_completion(...)-style helpers (a notebook cell, an imported helper)', async () => {
    const f = await extractText(
      [
        'from helpers import get_completion',
        'PROMPT = "Hi Claude, how are you?"',
        'print(get_completion(PROMPT))',
        'print(get_completion("Write a haiku about a robot.", "You are a Japanese poet who writes in English."))',
        'print(len("This sentence is not a prompt for anything at all"))',
        'short = get_completion("ok")',
      ].join('\n'),
      'python',
    );
    assert.deepEqual(
      f.result.prompts.map((p) => [p.name, p.role, p.text]),
      [
        ['PROMPT', 'user', 'Hi Claude, how are you?'],
        ['get_completion', 'user', 'Write a haiku about a robot.'],
        ['get_completion', 'system', 'You are a Japanese poet who writes in English.'],
      ],
    );
    assert.deepEqual(f.result.calls, []);
  });

  it('leaves helpers defined in the file to their wrapped call', async () => {
    const f = await load('python/wrappers.py');
    assert.ok(!f.result.prompts.some((p) => p.name === 'llm_call' || p.name === 'get_completion'));
  });
});
