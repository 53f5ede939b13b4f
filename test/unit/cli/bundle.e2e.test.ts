// End to end on the built bundle: `node bin/prompt-audit.js scan ...`, as a user runs it after `npm run build`.
// The expectations below are read off the example files themselves (line numbers are 1-based, as printed).
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CallJson, FileJson, ScanJson } from '../../../src/cli/format/json';
import { formatCount, formatUsd, formatUsdPerMonth } from '../../../src/engine/format';

const repo = join(__dirname, '..', '..', '..');
const bin = join(repo, 'bin', 'prompt-audit.js');
/** Loading a large vocabulary (Gemini's) on a busy 2-core machine takes seconds: the scans get room. */
const SCAN_TIMEOUT_MS = 180_000;

function run(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: repo, encoding: 'utf8', timeout: SCAN_TIMEOUT_MS });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

interface ExpectedCall {
  line: number;
  provider: CallJson['provider'];
  api: string;
  model: string;
  maxTokens: { key: string; value: number; line: number };
  /** Prompt roles in order, with the constant they come through (null for an inline literal). */
  prompts: [string, string | null, 'templated' | 'static'][];
  requestsPerDay?: number;
  loop?: string;
}

const EXPECTED: Record<string, { language: string; calls: ExpectedCall[] }> = {
  'examples/classify_tickets.ts': {
    language: 'typescript',
    calls: [
      {
        line: 22,
        provider: 'openai',
        api: 'chat.completions.create',
        model: 'gpt-4o',
        maxTokens: { key: 'max_tokens', value: 4096, line: 24 },
        prompts: [
          ['system', 'CLASSIFIER_PROMPT', 'static'],
          ['user', null, 'templated'],
        ],
        loop: 'for', // classifyBacklog calls classifyTicket once per ticket
      },
    ],
  },
  'examples/contract_review.py': {
    language: 'python',
    calls: [
      {
        line: 104,
        provider: 'anthropic',
        api: 'messages.create',
        model: 'claude-3-5-sonnet-20241022',
        maxTokens: { key: 'max_tokens', value: 4096, line: 106 },
        prompts: [
          ['system', 'PLAYBOOK', 'static'],
          ['user', null, 'templated'],
        ],
        loop: 'comprehension', // review_batch calls review_contract once per contract
      },
    ],
  },
  'examples/hr_policy_faq.py': {
    language: 'python',
    calls: [
      {
        line: 31,
        provider: 'langchain',
        api: 'invoke',
        model: 'gpt-4o-mini',
        maxTokens: { key: 'max_tokens', value: 400, line: 12 },
        prompts: [['system', null, 'static']],
      },
      {
        line: 44,
        provider: 'langchain',
        api: 'invoke',
        model: 'gpt-4o-mini',
        maxTokens: { key: 'max_tokens', value: 400, line: 12 },
        prompts: [
          ['system', null, 'static'],
          ['user', null, 'templated'],
        ],
      },
    ],
  },
  'examples/shop_assistant_ko.ts': {
    language: 'typescript',
    calls: [
      {
        line: 30,
        provider: 'google',
        api: 'models.generateContent',
        model: 'gemini-2.0-flash',
        maxTokens: { key: 'maxOutputTokens', value: 1024, line: 35 },
        prompts: [
          ['user', null, 'templated'],
          ['system', 'SYSTEM_INSTRUCTION', 'static'],
        ],
        requestsPerDay: 3000,
      },
    ],
  },
  'examples/summarize_incidents.ts': {
    language: 'typescript',
    calls: [
      {
        line: 25,
        provider: 'vercel-ai',
        api: 'generateText',
        model: 'gpt-4o',
        maxTokens: { key: 'maxTokens', value: 2000, line: 29 },
        prompts: [
          ['system', 'SUMMARY_SYSTEM', 'static'],
          ['user', null, 'templated'],
        ],
        loop: 'for',
      },
      {
        line: 38,
        provider: 'vercel-ai',
        api: 'generateText',
        model: 'gpt-4o-mini',
        maxTokens: { key: 'maxTokens', value: 120, line: 44 },
        prompts: [['user', null, 'templated']],
      },
    ],
  },
  'examples/support_bot.py': {
    language: 'python',
    calls: [
      {
        line: 57,
        provider: 'openai',
        api: 'chat.completions.create',
        model: 'gpt-4o',
        maxTokens: { key: 'max_tokens', value: 800, line: 60 },
        prompts: [
          ['system', 'SYSTEM_PROMPT', 'static'],
          ['system', null, 'templated'],
        ],
        requestsPerDay: 5000,
      },
      {
        line: 71,
        provider: 'openai',
        api: 'chat.completions.create',
        model: 'gpt-4o-mini',
        maxTokens: { key: 'max_tokens', value: 1, line: 77 },
        prompts: [['system', 'ESCALATION_PROMPT', 'static']],
        requestsPerDay: 5000,
      },
    ],
  },
};

describe('prompt-audit bundle (end to end)', function () {
  this.timeout(SCAN_TIMEOUT_MS);
  let json: ScanJson;

  before(() => {
    // `npm test` builds first; a bare `npm run test:unit` on a fresh clone builds here.
    if (!existsSync(join(repo, 'dist', 'cli.js'))) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: repo, stdio: 'inherit' });
    const { code, out, err } = run(['scan', 'examples/', '--format', 'json']);
    assert.equal(code, 0, err);
    json = JSON.parse(out) as ScanJson;
  });

  const file = (path: string): FileJson => {
    const f = json.files.find((x) => x.path === path);
    assert.ok(f, `${path} not in the scan`);
    return f;
  };

  it('lists every example, sorted, with the contract fields at every level', () => {
    assert.equal(json.version, 1);
    assert.deepEqual(json.files.map((f) => [f.path, f.language]), Object.entries(EXPECTED).map(([p, e]) => [p, e.language]));
    assert.deepEqual(json.skipped, []);
    for (const f of json.files) {
      assert.deepEqual(Object.keys(f).slice(0, 5), ['path', 'language', 'calls', 'prompts', 'diagnostics']);
      assert.equal(f.syntaxErrors, 0, f.path);
      for (const c of f.calls) {
        assert.deepEqual(Object.keys(c).slice(0, 7), ['line', 'endLine', 'provider', 'api', 'model', 'maxTokens', 'prompts']);
        for (const p of c.prompts) assert.deepEqual(Object.keys(p).slice(0, 5), ['role', 'startLine', 'endLine', 'text', 'templated']);
      }
      for (const d of f.diagnostics) assert.deepEqual(Object.keys(d).slice(0, 5), ['rule', 'severity', 'line', 'endLine', 'message']);
    }
  });

  for (const [path, expected] of Object.entries(EXPECTED)) {
    it(`finds the calls of ${path}`, () => {
      const calls = file(path).calls;
      assert.deepEqual(
        calls.map((c) => ({ line: c.line, provider: c.provider, api: c.api, model: c.model, maxTokens: c.maxTokens })),
        expected.calls.map(({ line, provider, api, model, maxTokens }) => ({ line, provider, api, model, maxTokens })),
      );
      calls.forEach((c, i) => {
        const want = expected.calls[i]!;
        assert.deepEqual(
          c.prompts.map((p) => [p.role, p.name, p.templated ? 'templated' : 'static']),
          want.prompts,
          `prompts of the call on line ${c.line}`,
        );
        assert.ok(c.endLine >= c.line, `call on line ${c.line} ends after it starts`);
        assert.equal(c.requestsPerDay, want.requestsPerDay ?? 1000, `volume of the call on line ${c.line}`);
        assert.equal(c.loop, want.loop ?? null, `loop of the call on line ${c.line}`);
        assert.equal(c.cacheControl, false);
      });
    });
  }

  it('gives prompts their text as written, placeholders kept, and 1-based lines', () => {
    const support = file('examples/support_bot.py').calls[0]!;
    assert.ok(support.prompts[0]!.text.startsWith('You are the support assistant for Acme Cloud'));
    assert.equal(support.prompts[1]!.text, 'The customer is {conversation.customer_name}, on the {conversation.plan} plan.');
    // `{"role": "system", "content": SYSTEM_PROMPT}` is on line 48 of the file.
    assert.equal(support.prompts[0]!.startLine, 48);
    const korean = file('examples/shop_assistant_ko.ts').calls[0]!.prompts.find((p) => p.role === 'system')!;
    assert.ok(korean.text.startsWith("당신은 온라인 쇼핑몰 '하루마켓'의 고객센터 상담 도우미입니다."));
  });

  it('counts tokens with each model family and says how exact the count is', () => {
    const byPath = (path: string, i = 0) => file(path).calls[i]!;
    for (const c of [byPath('examples/support_bot.py'), byPath('examples/classify_tickets.ts'), byPath('examples/summarize_incidents.ts')]) {
      assert.equal(c.tokenizer, 'o200k_base');
      assert.equal(c.exact, true);
    }
    const claude = byPath('examples/contract_review.py');
    assert.equal(claude.exact, false);
    assert.equal(claude.accuracy, 'approximate');
    // The playbook alone is well over a thousand tokens; the call's input includes it.
    assert.ok(claude.prompts[0]!.tokens > 1000 && claude.inputTokens > claude.prompts[0]!.tokens, `playbook ${claude.prompts[0]!.tokens}`);
    const gemini = byPath('examples/shop_assistant_ko.ts');
    assert.equal(gemini.exact, false);
    assert.equal(gemini.accuracy, 'near-exact');
    for (const f of json.files) {
      for (const c of f.calls) {
        const sum = c.prompts.reduce((n, p) => n + p.tokens, 0);
        assert.ok(c.inputTokens >= sum && sum > 0, `${f.path}:${c.line} input ${c.inputTokens} vs prompts ${sum}`);
        assert.equal(c.lowerBound, c.prompts.some((p) => p.templated), `${f.path}:${c.line} lower bound`);
      }
    }
  });

  it('prices every call per request and per month from the volume', () => {
    for (const f of json.files) {
      for (const c of f.calls) {
        assert.ok(c.cost, `${f.path}:${c.line} has a price`);
        assert.ok(c.cost.requestUsd > 0);
        assert.ok(Math.abs(c.cost.inputUsd + c.cost.outputUsd - c.cost.requestUsd) < 1e-9);
        assert.ok(Math.abs(c.cost.monthlyUsd - c.cost.requestUsd * c.requestsPerDay * json.options.daysPerMonth) < 1e-6, `${f.path}:${c.line} monthly`);
        assert.equal(c.outputTokens, c.maxTokens!.value);
        assert.equal(c.outputAssumed, false);
      }
    }
    const monthly = json.files.flatMap((f) => f.calls).reduce((n, c) => n + c.cost!.monthlyUsd, 0);
    assert.ok(Math.abs(json.summary.monthlyUsd! - monthly) < 0.01);
    assert.equal(json.summary.calls, 9);
    assert.ok(json.catalog && /^\d{4}-\d{2}-\d{2}$/.test(json.catalog.date) && json.catalog.source.length > 0);
    for (const c of json.files.flatMap((f) => f.calls)) assert.equal(c.cost!.catalogDate, json.catalog.date);
  });

  // What each example was written to show (examples/README.md), at the line the finding belongs to.
  const FINDINGS: [string, string, number, string][] = [
    ['examples/classify_tickets.ts', 'high-max-tokens', 24, 'max_tokens: 4096 for a one-word answer'],
    ['examples/contract_review.py', 'cache-opportunity', 107, 'a long static system prompt without cache_control'],
    ['examples/summarize_incidents.ts', 'loop-call-batchable', 25, 'one request per report in a for loop'],
    ['examples/shop_assistant_ko.ts', 'non-english-inflation', 34, 'a Korean system instruction'],
  ];
  for (const [path, rule, line, why] of FINDINGS) {
    it(`flags ${rule} in ${path} (${why})`, () => {
      const found = file(path).diagnostics.filter((d) => d.rule === rule);
      assert.deepEqual(found.map((d) => d.line), [line], `${rule} in ${path}`);
      const d = found[0]!;
      assert.ok(typeof d.usdPerMonth === 'number' && d.usdPerMonth > 0, `${rule} says what is at stake`);
      assert.ok(d.message.length > 20 && d.docsUrl.length > 0);
    });
  }

  it('offers the fix the finding is about', () => {
    const cache = file('examples/contract_review.py').diagnostics.find((d) => d.rule === 'cache-opportunity')!;
    assert.ok(cache.fixes.some((t) => /cache_control/.test(t)), cache.fixes.join(' | '));
    const cap = file('examples/classify_tickets.ts').diagnostics.find((d) => d.rule === 'high-max-tokens')!;
    assert.ok(cap.fixes.some((t) => /^Set max_tokens to /.test(t)), cap.fixes.join(' | '));
  });

  it('prints a table by default; --fail-on warning exits 1 when warnings exist', () => {
    const { code, out, err } = run(['scan', 'examples', '--fail-on', 'warning']);
    assert.equal(code, 1, err);
    assert.match(out, /^examples\/support_bot\.py {2}\(python\)$/m);
    // The table shows the same figures as the JSON.
    const support = file('examples/support_bot.py').calls[0]!;
    const row = out.split('\n').find((l) => /^ +57 {2}openai chat\.completions\.create/.test(l));
    assert.ok(row, out);
    assert.deepEqual(row.trim().split(/\s{2,}/), [
      '57',
      'openai chat.completions.create',
      'gpt-4o',
      '800',
      `${formatCount(support.inputTokens)}+`,
      formatUsd(support.cost!.requestUsd),
      formatUsdPerMonth(support.cost!.monthlyUsd),
    ]);
    assert.match(out, /^Total: 6 files, 9 LLM calls, /m);
    assert.match(out, /^Estimated cost: \$[\d,]+\/month/m);
  });

  it('exits 2 with a message for bad arguments, unknown commands and missing paths', () => {
    const bad = run(['scan', 'examples/', '--format', 'yaml']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--format must be table or json, got 'yaml'/);
    const unknown = run(['scna', 'examples/']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /unknown command 'scna'/);
    const missing = run(['scan', 'no-such-folder/']);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /no-such-folder\/: no such file or folder/);
  });
});
