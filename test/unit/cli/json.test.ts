import { strict as assert } from 'node:assert';
import { formatJson, toScanJson } from '../../../src/cli/format/json';
import { UNKNOWN_COST, call, constant, cost, diagnostic, prompt, range, report, result, tokens } from './audit-builders';

describe('cli json serializer', () => {
  it('has the contract shape with 1-based lines', () => {
    const json = toScanJson(
      report([
        {
          path: 'src/bot.py',
          result: result({
            calls: [call()],
            prompts: [constant()],
            diagnostics: [diagnostic()],
          }),
        },
      ]),
    );
    assert.equal(json.version, 1);
    assert.equal(json.files.length, 1);
    const file = json.files[0]!;
    assert.equal(file.path, 'src/bot.py');
    assert.equal(file.language, 'python');

    const c = file.calls[0]!;
    // nameRange starts on 0-based line 10, the call ends on 0-based line 14.
    assert.equal(c.line, 11);
    assert.equal(c.endLine, 15);
    assert.equal(c.provider, 'openai');
    assert.equal(c.api, 'chat.completions.create');
    assert.equal(c.model, 'gpt-4o');
    assert.deepEqual(c.maxTokens, { key: 'max_tokens', value: 800, line: 13 });
    assert.deepEqual(c.prompts[0], {
      role: 'system',
      startLine: 5,
      endLine: 7,
      text: 'You are a helpful assistant.',
      templated: false,
      name: null,
      tokens: 7,
      exact: true,
      accuracy: 'exact',
      lowerBound: false,
    });

    assert.deepEqual(file.prompts[0], {
      name: 'SYSTEM_PROMPT',
      startLine: 3,
      endLine: 6,
      text: 'You are a helpful assistant.',
      templated: false,
      role: 'system',
      tokens: 7,
      tokenizer: 'o200k_base',
      exact: true,
      accuracy: 'exact',
      lowerBound: false,
      costPer1000Usd: 0.00105,
    });

    assert.deepEqual(file.diagnostics[0], {
      rule: 'high-max-tokens',
      severity: 'warning',
      line: 13,
      endLine: 13,
      message: 'max_tokens=4096 for a one-word answer',
      usdPerMonth: 120,
      docsUrl: 'https://example.invalid/rules/high-max-tokens',
      fixes: ['Lower max_tokens to 16'],
    });
  });

  it('keeps the contract field names and order of every level', () => {
    const json = toScanJson(report([{ path: 'a.py', result: result({ calls: [call()], prompts: [constant()], diagnostics: [diagnostic()] }) }]));
    assert.deepEqual(Object.keys(json).slice(0, 2), ['version', 'files']);
    assert.deepEqual(Object.keys(json.files[0]!).slice(0, 5), ['path', 'language', 'calls', 'prompts', 'diagnostics']);
    assert.deepEqual(Object.keys(json.files[0]!.calls[0]!).slice(0, 7), ['line', 'endLine', 'provider', 'api', 'model', 'maxTokens', 'prompts']);
    assert.deepEqual(Object.keys(json.files[0]!.calls[0]!.prompts[0]!).slice(0, 5), ['role', 'startLine', 'endLine', 'text', 'templated']);
    assert.deepEqual(Object.keys(json.files[0]!.prompts[0]!).slice(0, 5), ['name', 'startLine', 'endLine', 'text', 'templated']);
    assert.deepEqual(Object.keys(json.files[0]!.diagnostics[0]!).slice(0, 5), ['rule', 'severity', 'line', 'endLine', 'message']);
  });

  it('adds token and cost fields to calls, exact only for exact counts', () => {
    const exactCall = toScanJson(report([{ path: 'a.py', result: result({ calls: [call()] }) }])).files[0]!.calls[0]!;
    assert.equal(exactCall.inputTokens, 1000);
    assert.equal(exactCall.tokenizer, 'o200k_base');
    assert.equal(exactCall.exact, true);
    assert.equal(exactCall.outputTokens, 800);
    assert.equal(exactCall.outputAssumed, false);
    assert.deepEqual(exactCall.cost, {
      model: 'gpt-4o',
      resolvedModel: 'gpt-4o',
      requestUsd: 0.0105,
      inputUsd: 0.0025,
      outputUsd: 0.008,
      monthlyUsd: 315,
      exact: true,
      accuracy: 'exact',
      outputAssumed: false,
      priceSource: 'genai-prices',
      catalogDate: '2026-11-20',
    });

    for (const accuracy of ['near-exact', 'approximate'] as const) {
      const c = toScanJson(report([{ path: 'a.py', result: result({ calls: [call({ inputTokens: tokens(1000, accuracy, true) })] }) }]))
        .files[0]!.calls[0]!;
      assert.equal(c.exact, false, accuracy);
      assert.equal(c.accuracy, accuracy);
      assert.equal(c.lowerBound, true);
    }
  });

  it('drops floating-point noise from dollar figures', () => {
    const json = toScanJson(report([{ path: 'a.py', result: result({ calls: [call({ cost: cost({ monthlyUsd: 1280.2500000000002, requestUsd: 0.1 + 0.2 }) })] }) }]));
    assert.equal(json.files[0]!.calls[0]!.cost!.monthlyUsd, 1280.25);
    assert.equal(json.files[0]!.calls[0]!.cost!.requestUsd, 0.3);
    assert.equal(json.summary.monthlyUsd, 1280.25);
  });

  it('writes cost null when the price is unknown, never 0', () => {
    const json = toScanJson(
      report([{ path: 'a.py', result: result({ calls: [call({ cost: UNKNOWN_COST, model: { value: 'my-finetune', range: null, source: 'literal' } }), call({ cost: null })] }) }]),
    );
    assert.equal(json.files[0]!.calls[0]!.cost, null);
    assert.equal(json.files[0]!.calls[1]!.cost, null);
    assert.equal(json.summary.monthlyUsd, null);
    assert.equal(json.summary.callsPriceUnknown, 2);
  });

  it('writes null model and maxTokens when the call has none, and a non-literal max tokens value as null', () => {
    const json = toScanJson(
      report([
        {
          path: 'a.ts',
          result: result({
            language: 'typescript',
            calls: [
              call({ model: null, maxTokens: null, effectiveModel: 'gpt-4o-mini' }),
              call({ maxTokens: { key: 'maxOutputTokens', value: null, range: range(20) } }),
            ],
          }),
        },
      ]),
    );
    const [first, second] = json.files[0]!.calls;
    assert.equal(first!.model, null);
    assert.equal(first!.maxTokens, null);
    assert.equal(first!.effectiveModel, 'gpt-4o-mini');
    assert.deepEqual(second!.maxTokens, { key: 'maxOutputTokens', value: null, line: 21 });
  });

  it('lists skipped paths and totals in the summary', () => {
    const json = toScanJson(
      report(
        [
          { path: 'a.py', result: result({ calls: [call(), call({ cost: cost({ monthlyUsd: 5 }) })], prompts: [constant()] }) },
          { path: 'b.py', result: result({ diagnostics: [diagnostic({ severity: 'error' }), diagnostic()] }) },
        ],
        { skipped: [{ path: 'big.js', kind: 'too-large', reason: '2.0 MB is over the size limit' }] },
      ),
    );
    assert.deepEqual(json.skipped, [{ path: 'big.js', kind: 'too-large', reason: '2.0 MB is over the size limit' }]);
    assert.equal(json.summary.files, 2);
    assert.equal(json.summary.calls, 2);
    // Two call prompts plus the SYSTEM_PROMPT constant, which no call uses by name.
    assert.equal(json.summary.prompts, 3);
    assert.equal(json.summary.monthlyUsd, 320);
    assert.deepEqual(json.summary.diagnostics, { error: 1, warning: 1, info: 0, hint: 0 });
    assert.equal(json.summary.skipped, 1);
  });

  it('counts a constant used by a call once', () => {
    const json = toScanJson(
      report([{ path: 'a.py', result: result({ calls: [call({ prompts: [prompt({ name: 'SYSTEM_PROMPT' })] })], prompts: [constant()] }) }]),
    );
    assert.equal(json.summary.prompts, 1);
    assert.equal(json.files[0]!.calls[0]!.prompts[0]!.name, 'SYSTEM_PROMPT');
  });

  it('sorts diagnostics by position and keeps notes', () => {
    const json = toScanJson(
      report([
        {
          path: 'a.py',
          result: result({
            diagnostics: [diagnostic({ rule: 'later', range: range(30) }), diagnostic({ rule: 'earlier', range: range(3) })],
            notes: ['Tokenizer for gemini is loading; counts are approximate.'],
            syntaxErrors: 2,
          }),
        },
      ]),
    );
    assert.deepEqual(json.files[0]!.diagnostics.map((d) => d.rule), ['earlier', 'later']);
    assert.deepEqual(json.files[0]!.notes, ['Tokenizer for gemini is loading; counts are approximate.']);
    assert.equal(json.files[0]!.syntaxErrors, 2);
  });

  it('prints parseable JSON that round-trips Korean text', () => {
    const text = formatJson(report([{ path: 'ko.ts', result: result({ language: 'typescript', prompts: [constant({ text: '당신은 친절한 상담원입니다.' })] }) }]));
    assert.ok(text.endsWith('\n'));
    const parsed = JSON.parse(text);
    assert.equal(parsed.files[0].prompts[0].text, '당신은 친절한 상담원입니다.');
    assert.equal(parsed.options.defaultModel, 'gpt-4o-mini');
    assert.equal(parsed.catalog, null);
  });

  it('reports the price catalog the figures come from', () => {
    const json = toScanJson(report([], { catalog: { catalogDate: '2026-11-20', source: 'genai-prices 0.1.8', ageDays: 5, stale: false, models: 900 } }));
    assert.deepEqual(json.catalog, { date: '2026-11-20', source: 'genai-prices 0.1.8', ageDays: 5, stale: false });
  });
});
