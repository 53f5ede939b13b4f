import { strict as assert } from 'node:assert';
import { callAfter, callOn, constant, extractText, literalSources, load, roles, source, type Fixture } from './helpers';

describe('extract: prompt values', () => {
  describe('Python', () => {
    let f: Fixture;
    before(async () => {
      f = await load('python/values.py');
    });

    it('builds a message list with append and reads 4_096 through a constant', () => {
      const c = callOn(f, 'max_tokens=MAX_TOKENS');
      assert.deepEqual(roles(c), [
        ['system', 'You are Ada, a patient tutor.'],
        ['user', 'Grade this essay:\n{text}'],
      ]);
      assert.deepEqual(c.maxTokens && [c.maxTokens.key, c.maxTokens.value], ['max_tokens', 4096]);
      assert.equal(source(f, c.maxTokens!.range), 'MAX_TOKENS');
    });

    it('.format: the template is the text, the filled-in values are holes', () => {
      const p = callAfter(f, 'template.format(').prompts[0];
      assert.equal(p.text, 'Write a blog post about {topic} for {audience}.');
      assert.equal(p.templated, true);
      assert.deepEqual(literalSources(f, p), ['"Write a blog post about {topic} for {audience}."']);
    });

    it('.replace and % keep the template text', () => {
      assert.deepEqual(roles(callOn(f, 'base.replace(')), [['user', 'Answer the question: QUESTION']]);
      const pct = callOn(f, '% name').prompts[0];
      assert.equal(pct.text, 'Write a short greeting for %s.');
      assert.equal(pct.templated, true);
    });

    it('applies dedent and strip to an f-string', () => {
      const p = callAfter(f, 'def dedented').prompts[0];
      assert.equal(p.text, 'Review the following code.\nPoint out bugs first.\n\n{code}');
      assert.equal(p.templated, true);
    });

    it('joins a literal list with its separator, every literal reported', () => {
      const p = callAfter(f, '"\\n".join(').prompts[0];
      assert.equal(p.text, 'You follow these rules:\n1. Be brief.\n2. Cite sources.');
      assert.deepEqual(literalSources(f, p), ['"\\n"', '"You follow these rules:"', '"1. Be brief."', '"2. Cite sources."']);
    });

    it('repeats "..." * n', () => {
      const p = callAfter(f, '* 3').prompts[0];
      assert.equal(p.text, 'Repeat after me. '.repeat(3));
      assert.equal(p.literals.length, 1);
    });

    it('looks up a key of a same-file dict constant', () => {
      assert.deepEqual(roles(callOn(f, 'PROMPTS["summarize"]')), [['user', 'Summarize the following text in one paragraph.']]);
    });

    it('resolves names by scope: the same variable name in two functions', () => {
      assert.deepEqual(roles(callAfter(f, 'def scoped_one')), [['system', 'Reply in French.']]);
      assert.deepEqual(roles(callAfter(f, 'def scoped_two')), [['system', 'Reply in German.']]);
    });

    it('reports both branches of a ternary as literals', () => {
      const p = callAfter(f, 'def conditional').prompts[0];
      assert.deepEqual(literalSources(f, p), ['"Say hello in Korean."', '"Say hello in Japanese."']);
      assert.equal(p.templated, true);
    });

    it('reports message lists built in a function that reaches no call as constants', () => {
      const system = f.result.prompts.find((p) => p.name === 'system' && p.text.startsWith('You are Ada'));
      assert.ok(system);
      assert.equal(system.text, 'You are Ada, a patient tutor. Be encouraging and kind.');
      assert.deepEqual(literalSources(f, system), ['"You are Ada, a patient tutor."', '" "', '"Be strict."', '"Be encouraging and kind."']);
    });
  });

  describe('TypeScript', () => {
    let f: Fixture;
    before(async () => {
      f = await load('ts/values.ts');
    });

    it('resolves names by scope', () => {
      assert.deepEqual(roles(callAfter(f, 'function scopedA')), [['system', 'Reply in French.']]);
      assert.deepEqual(roles(callAfter(f, 'function scopedB')), [['system', 'Reply in German.']]);
    });

    it('joins an array with spread `as const` items', () => {
      const p = callAfter(f, 'function joined').prompts[0];
      assert.equal(p.text, 'You follow these rules:\nBe brief.\nCite your sources.\nNever guess.');
      assert.deepEqual(literalSources(f, p), ["'\\n'", "'You follow these rules:'", "'Be brief.'", "'Cite your sources.'", "'Never guess.'"]);
    });

    it('reads a dedent tagged template and .trim()', () => {
      const p = callAfter(f, 'function dedented').prompts[0];
      assert.equal(p.text, 'Review this code.\nPoint out bugs first.\n\n${code}');
      assert.equal(p.templated, true);
    });

    it('builds a list with push; a ternary inside; 4_096; satisfies', () => {
      const c = callAfter(f, 'function pushed');
      assert.equal(c.prompts[0].text, 'You are Ada, a patient tutor.');
      assert.deepEqual(literalSources(f, c.prompts[1]), ["'Grade strictly: '", "'Grade kindly: '"]);
      assert.equal(c.maxTokens?.value, 4096);
    });

    it('keeps .replace templates and sees through a non-null assertion', () => {
      assert.equal(callOn(f, "template.replace('NAME'").prompts[0].text, 'Write a birthday card for NAME.');
      assert.equal(callOn(f, "('Summarize: ' + text)!").prompts[0].text, 'Summarize: ${text}');
    });
  });

  describe('block scopes (TypeScript)', () => {
    it('keeps let/const in if/else blocks and for loops apart', async () => {
      const f = await extractText(
        [
          "import OpenAI from 'openai';",
          'const client = new OpenAI();',
          "const prompt = 'Module-level prompt text.';",
          'export async function run(kind: string, items: string[]) {',
          "  if (kind === 'a') {",
          "    const prompt = 'Prompt for kind A only.';",
          "    await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] });",
          '  } else {',
          "    const prompt = 'Prompt for every other kind.';",
          "    await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] });",
          '  }',
          '  for (const prompt of items) {',
          "    await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] });",
          '  }',
          "  await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] });",
          '}',
        ].join('\n'),
        'typescript',
      );
      assert.deepEqual(
        f.result.calls.map((c) => c.prompts.map((p) => p.text)),
        [['Prompt for kind A only.'], ['Prompt for every other kind.'], [], ['Module-level prompt text.']],
      );
    });
  });

  describe('edge values', () => {
    it('reads a long chain of + concatenations whole (every literal, in order)', async () => {
      const parts = Array.from({ length: 60 }, (_, i) => `'line ${i} of the prompt\\n'`);
      const f = await extractText(
        `import OpenAI from 'openai';\nconst c = new OpenAI();\nconst PROMPT = ${parts.join(' +\n  ')};\nc.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: PROMPT }] });\n`,
        'typescript',
      );
      const p = f.result.calls[0].prompts[0];
      assert.equal(p.literals.length, 60);
      assert.equal(p.text, Array.from({ length: 60 }, (_, i) => `line ${i} of the prompt\n`).join(''));
      assert.equal(p.templated, false);
    });

    it('decodes escapes, raw strings and implicit concatenation of f and plain strings', async () => {
      const f = await extractText(
        [
          'from openai import OpenAI',
          'client = OpenAI()',
          'name = "x"',
          'client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": r"raw \\n stays" "\\ttab " f"{name!r:>4} {{braces}}"}])',
        ].join('\n'),
        'python',
      );
      const p = f.result.calls[0].prompts[0];
      assert.equal(p.text, 'raw \\n stays\ttab x {braces}');
      assert.equal(p.literals.length, 3 + 1);
    });

    it('decodes JS escapes in strings and templates', async () => {
      const f = await extractText(
        "import OpenAI from 'openai';\nconst c = new OpenAI();\nc.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'tab\\there \\u00e9 \\x41' + `\\n${1 + 1}\\`` }] });\n",
        'typescript',
      );
      assert.equal(f.result.calls[0].prompts[0].text, 'tab\there é A\n${1 + 1}`');
    });
  });
});

describe('extract: interpolated constants and imported names', () => {
  it('substitutes a same-file constant into an f-string and reports both literals in text order', async () => {
    const f = await extractText(
      [
        'from openai import OpenAI',
        'from prompts import SHARED_RULES',
        'client = OpenAI()',
        'PREFIX = "You are a careful assistant."',
        'def ask(q):',
        '    return client.chat.completions.create(model="gpt-4o", messages=[',
        '        {"role": "system", "content": f"{PREFIX} Answer in {LANG}."},',
        '        {"role": "system", "content": SHARED_RULES},',
        '        {"role": "user", "content": q},',
        '    ])',
        'LANG = "Korean"',
      ].join('\n'),
      'python',
    );
    const c = f.result.calls[0];
    // PREFIX and LANG are module constants (LANG is bound later but read when ask() runs); SHARED_RULES comes from
    // another module and cannot be read here, so it is no prompt string of this file.
    assert.deepEqual(roles(c), [['system', 'You are a careful assistant. Answer in Korean.']]);
    assert.deepEqual(literalSources(f, c.prompts[0]), ['f"{PREFIX} Answer in {LANG}."', '"You are a careful assistant."', '"Korean"']);
    assert.equal(c.prompts[0].templated, false);
  });

  it('keeps a TS template literal placeholder for an imported constant', async () => {
    const f = await extractText(
      "import OpenAI from 'openai';\nimport { RULES } from './rules';\nconst c = new OpenAI();\nconst stream = c.chat.completions.stream({ model: 'gpt-4o', messages: [{ role: 'system', content: `Follow these rules: ${RULES}` }] });\n",
      'typescript',
    );
    const call = f.result.calls[0];
    assert.equal(call.api, 'chat.completions.stream');
    assert.deepEqual(roles(call), [['system', 'Follow these rules: ${RULES}']]);
    assert.equal(call.prompts[0].templated, true);
  });
});
