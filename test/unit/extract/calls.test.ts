import { strict as assert } from 'node:assert';
import { callAfter, callOn, extractText, load, roles, source, type Fixture } from './helpers';

describe('extract: loops, wrappers, other providers, directives', () => {
  describe('loops over data', () => {
    let f: Fixture;
    before(async () => {
      f = await load('python/loops.py');
    });

    it('reports for, while, comprehension and asyncio.gather', () => {
      assert.equal(callAfter(f, 'for review in reviews').loop?.kind, 'for');
      assert.equal(callAfter(f, 'while True').loop?.kind, 'while');
      assert.equal(callAfter(f, 'def comprehension').loop?.kind, 'comprehension');
      assert.equal(callAfter(f, 'asyncio.gather(').loop?.kind, 'gather');
    });

    it('gives the loop range (the whole loop statement)', () => {
      const loop = callAfter(f, 'for review in reviews').loop!;
      assert.ok(source(f, loop.range).startsWith('for review in reviews:'));
    });

    it('does not count a function defined inside a loop, or a call after it', () => {
      assert.equal(callOn(f, 'Hello there, model.').loop, null);
      assert.equal(callOn(f, 'Outside any loop.').loop, null);
    });

    it('reads the chat history list built with append before the call, not after it', () => {
      assert.deepEqual(roles(callAfter(f, 'while True')), [['system', 'You are a cheerful assistant.']]);
    });
  });

  describe('wrapper functions', () => {
    let f: Fixture;
    before(async () => {
      f = await load('python/wrappers.py');
    });

    it('takes the model from the wrapper parameter default and max tokens from the call', () => {
      const c = callAfter(f, 'def llm_call');
      assert.deepEqual(c.model && [c.model.value, c.model.source], ['claude-3-5-sonnet-20241022', 'default']);
      assert.equal(source(f, c.model!.range!), '"claude-3-5-sonnet-20241022"');
      assert.equal(c.maxTokens?.value, 4096);
      assert.deepEqual(c.prompts, [], 'an empty default system prompt is not a prompt');
    });

    it('takes a system prompt from a parameter default', () => {
      const c = callAfter(f, 'def get_completion');
      assert.deepEqual(roles(c), [['system', 'You are a meticulous proofreader. Fix grammar only.']]);
    });

    it('resolves self.* attributes set in __init__ (model and max tokens from defaults)', () => {
      const c = callAfter(f, 'def run(self');
      assert.deepEqual(c.model && [c.model.value, c.model.source], ['gpt-4o-mini', 'default']);
      assert.equal(c.maxTokens?.value, 256);
      assert.deepEqual(roles(c), [['system', 'Summarize the text in three bullet points.']]);
    });

    it('reads create(**PARAMS) from a same-file dict; create(**kwargs) is a call with unresolved arguments', () => {
      const known = callAfter(f, 'def from_params');
      assert.equal(known.argsResolved, true);
      assert.equal(known.model?.value, 'gpt-4o');
      assert.equal(known.maxTokens?.value, 800);
      assert.deepEqual(roles(known), [['system', 'You are a release-notes writer.']]);
      const unknown = callAfter(f, 'def from_unknown');
      assert.equal(unknown.argsResolved, false);
      assert.equal(unknown.provider, 'openai');
      assert.equal(callAfter(f, 'def from_request').argsResolved, false);
    });

    it('attaches literals passed at the wrapper call sites to the call inside the wrapper', async () => {
      const w = await extractText(
        [
          'import anthropic',
          'client = anthropic.Anthropic()',
          'def get_completion(prompt: str, system_prompt=""):',
          '    return client.messages.create(model="claude-3-haiku-20240307", max_tokens=2000, system=system_prompt,',
          '        messages=[{"role": "user", "content": prompt}]).content[0].text',
          'PROMPT = "Tell me a story about a brave little toaster."',
          'print(get_completion(PROMPT))',
          'print(get_completion("Write a haiku about rain.", system_prompt="You are a Japanese poet."))',
          'class Bot:',
          '    def ask(self, question):',
          '        return client.messages.create(model="claude-3-haiku-20240307", max_tokens=100, messages=[{"role": "user", "content": f"Q: {question}"}])',
          '    def run(self):',
          '        return self.ask("What is the capital of France?")',
        ].join('\n'),
        'python',
      );
      assert.deepEqual(roles(w.result.calls[0]), [
        ['system', 'You are a Japanese poet.'],
        ['user', 'Tell me a story about a brave little toaster.'],
        ['user', 'Write a haiku about rain.'],
      ]);
      assert.deepEqual(roles(w.result.calls[1]), [
        ['user', 'Q: {question}'],
        ['user', 'What is the capital of France?'],
      ]);
    });
  });

  describe('other providers', () => {
    let f: Fixture;
    before(async () => {
      f = await load('python/providers_misc.py');
    });

    it('tells DeepSeek behind the OpenAI SDK by its base_url', () => {
      const c = callOn(f, 'deepseek.chat.completions.create(');
      assert.equal(c.provider, 'deepseek');
      assert.equal(c.model?.value, 'deepseek-chat');
    });

    it('reads Mistral chat.complete and Cohere chat (preamble = system)', () => {
      const m = callOn(f, 'mistral.chat.complete(');
      assert.equal(m.provider, 'mistral');
      assert.equal(m.maxTokens?.value, 200);
      const c = callOn(f, 'co.chat(');
      assert.equal(c.provider, 'cohere');
      assert.deepEqual(roles(c).map((r) => r[0]), ['system', 'user']);
    });
  });

  describe('directives', () => {
    it('reads ignore and volume directives from comments only', async () => {
      const f = await load('python/directives.py');
      assert.deepEqual(
        f.result.directives.map((d) => ({ line: d.line, kind: d.kind, rules: d.rules, perDay: d.requestsPerDay })),
        [
          { line: 4, kind: 'volume', rules: [], perDay: 5000 },
          { line: 7, kind: 'ignore', rules: ['high-max-tokens', 'missing-cache'], perDay: undefined },
          { line: 10, kind: 'ignore', rules: [], perDay: undefined },
        ],
      );
      assert.equal(f.result.calls.length, 3);
    });

    it('reads // and /* */ directives in TypeScript, with per-hour volumes', async () => {
      const f = await extractText('// prompt-audit: 100/hour\nconst a = 1;\n/* prompt-audit: ignore cheaper-model */\nconst s = "prompt-audit: ignore";\n', 'typescript');
      assert.deepEqual(
        f.result.directives.map((d) => [d.line, d.kind, d.rules, d.requestsPerDay]),
        [
          [0, 'volume', [], 2400],
          [2, 'ignore', ['cheaper-model'], undefined],
        ],
      );
    });
  });

  describe('comments between arguments', () => {
    it('are not taken for arguments (Python and TypeScript)', async () => {
      const py = await extractText(
        'import google.generativeai as genai\nm = genai.GenerativeModel("gemini-1.5-flash")\nr = m.generate_content(  # ask\n    # the prompt:\n    "Write a limerick.",  # positional\n    generation_config={"max_output_tokens": 50},  # cap\n)\n',
        'python',
      );
      assert.deepEqual(roles(py.result.calls[0]), [['user', 'Write a limerick.']]);
      assert.equal(py.result.calls[0].maxTokens?.value, 50);
      const ts = await extractText(
        "import OpenAI from 'openai';\nconst c = new OpenAI();\nc.chat.completions.create({\n  // the model\n  model: 'gpt-4o', /* cheap */\n  messages: [/* one */ { role: 'user', content: 'Hi there, model.' }],\n});\n",
        'typescript',
      );
      assert.deepEqual(roles(ts.result.calls[0]), [['user', 'Hi there, model.']]);
      assert.equal(ts.result.calls[0].model?.value, 'gpt-4o');
    });
  });

  describe('positions', () => {
    it('counts characters in UTF-16 units (Korean text and an emoji before the prompt)', async () => {
      const f = await load('python/korean.py');
      const c = callOn(f, 'client.chat.completions.create(');
      const system = c.prompts[0];
      assert.ok(system.text.startsWith('당신은 친절한'));
      const lit = system.literals[0].range;
      assert.equal(source(f, lit).slice(0, 4), '"당신은');
      const lines = f.src.split('\n');
      assert.equal(lines[lit.start.line].slice(lit.start.character, lit.start.character + 4), '"당신은');
      assert.equal(lines[lit.end.line].slice(lit.end.character - 3, lit.end.character), '🙂"');
    });

    it('parses JSX in .jsx files', async () => {
      const f = await load('ts/widget.jsx');
      assert.equal(f.result.syntaxErrors, 0);
      assert.deepEqual(roles(callOn(f, 'coffee shop')), [['user', 'Suggest a name for a coffee shop.']]);
    });
  });
});

describe('extract: raw HTTP requests and module-level functions', () => {
  it('reads requests.post / json.dumps bodies sent to provider endpoints, and ignores other URLs', async () => {
    const f = await load('python/http_requests.py');
    assert.deepEqual(
      f.result.calls.map((c) => [c.provider, c.api]),
      [
        ['openai', 'chat.completions.create'],
        ['anthropic', 'messages.create'],
        ['google', 'models.generateContent'],
      ],
    );
    // the wrapper's messages come from its call site, built with append
    assert.deepEqual(roles(f.result.calls[0]).map((r) => r[0]), ['system', 'user']);
    assert.deepEqual(f.result.calls[0].model && [f.result.calls[0].model.value, f.result.calls[0].model.source], ['gpt-3.5-turbo-0613', 'default']);
    assert.equal(f.result.calls[1].maxTokens?.value, 256);
    assert.equal(f.result.calls[2].model?.value, 'gemini-1.5-flash');
  });

  it('reads fetch(url, { body: JSON.stringify(...) })', async () => {
    const f = await load('ts/http.ts');
    assert.equal(f.result.calls.length, 1);
    assert.deepEqual(roles(f.result.calls[0]), [['user', 'Say hello over HTTP.']]);
    assert.equal(f.result.calls[0].maxTokens?.value, 50);
  });

  it('finds litellm.completion / completion and ai.generateText on a namespace import', async () => {
    const py = await extractText(
      'import litellm\nfrom litellm import completion\nr = litellm.completion(model="gpt-4o", messages=[{"role": "user", "content": "Hello from litellm."}])\nq = completion(model="claude-3-haiku-20240307", messages=[{"role": "user", "content": "Second call here."}])\n',
      'python',
    );
    assert.deepEqual(py.result.calls.map((c) => [c.provider, c.model?.value]), [
      ['openai', 'gpt-4o'],
      ['anthropic', 'claude-3-haiku-20240307'],
    ]);
    const ts = await extractText("import * as ai from 'ai';\nimport { openai } from '@ai-sdk/openai';\nawait ai.generateText({ model: openai('gpt-4o'), prompt: 'Namespace import call.' });\n", 'typescript');
    assert.deepEqual(roles(ts.result.calls[0]), [['user', 'Namespace import call.']]);
  });
});

describe('extract: requests built by functions, batches', () => {
  it('reads a message list or a request dict returned by a same-file function', async () => {
    const f = await extractText(
      [
        'from openai import OpenAI',
        'client = OpenAI()',
        'def build_messages(question):',
        '    return [{"role": "system", "content": "You answer questions about astronomy."}, {"role": "user", "content": question}]',
        'def request_body():',
        '    return {"model": "gpt-4o-mini", "max_tokens": 120}',
        'r = client.chat.completions.create(model="gpt-4o", messages=build_messages("Why do stars twinkle?"))',
        's = client.chat.completions.create(messages=[{"role": "user", "content": "Hello there, model."}], **request_body())',
      ].join('\n'),
      'python',
    );
    assert.deepEqual(roles(f.result.calls[0]), [
      ['system', 'You answer questions about astronomy.'],
      ['user', 'Why do stars twinkle?'],
    ]);
    assert.deepEqual([f.result.calls[1].model?.value, f.result.calls[1].maxTokens?.value, f.result.calls[1].argsResolved], ['gpt-4o-mini', 120, true]);
  });

  it('reads every request of an Anthropic message batch', async () => {
    const f = await extractText(
      'import anthropic\nclient = anthropic.Anthropic()\nbatch = client.messages.batches.create(requests=[\n  {"custom_id": "a", "params": {"model": "claude-3-5-haiku-20241022", "max_tokens": 1024, "messages": [{"role": "user", "content": "Hello, world"}]}},\n  {"custom_id": "b", "params": {"model": "claude-3-5-haiku-20241022", "max_tokens": 1024, "messages": [{"role": "user", "content": "Hi again, friend"}]}},\n])\n',
      'python',
    );
    assert.equal(f.result.calls.length, 1);
    const c = f.result.calls[0];
    assert.deepEqual([c.provider, c.api, c.model?.value, c.maxTokens?.value], ['anthropic', 'messages.batches.create', 'claude-3-5-haiku-20241022', 1024]);
    assert.deepEqual(roles(c), [
      ['user', 'Hello, world'],
      ['user', 'Hi again, friend'],
    ]);
  });
});
