import { strict as assert } from 'node:assert';
import { formatTable } from '../../../src/cli/format/table';
import { UNKNOWN_COST, call, constant, cost, diagnostic, range, report, result, tokens } from './audit-builders';

function rowOf(output: string, needle: string): string {
  const row = output.split('\n').find((l) => l.includes(needle));
  assert.ok(row, `no line containing ${needle} in:\n${output}`);
  return row;
}

describe('cli table formatter', () => {
  it('prints one row per call with line, provider/api, model, max tokens, tokens and money', () => {
    const out = formatTable(report([{ path: 'src/bot.py', result: result({ calls: [call()] }) }]));
    assert.match(out, /^src\/bot\.py {2}\(python\)$/m);
    const row = rowOf(out, 'chat.completions.create');
    assert.deepEqual(row.trim().split(/\s{2,}/), ['11', 'openai chat.completions.create', 'gpt-4o', '800', '1,000', '$0.011', '$315/month']);
  });

  it('aligns the columns of all calls under the header', () => {
    const out = formatTable(
      report([
        {
          path: 'a.py',
          result: result({
            calls: [
              call(),
              call({
                nameRange: range(119, 119),
                range: range(119, 125),
                provider: 'anthropic',
                api: 'messages.create',
                model: { value: 'claude-3-5-sonnet-20241022', range: null, source: 'constant' },
                inputTokens: tokens(12345, 'approximate'),
                cost: cost({ requestUsd: 1.5, monthlyUsd: 45000 }),
              }),
            ],
          }),
        },
      ]),
    );
    const header = rowOf(out, '$/request');
    const rows = [rowOf(out, 'openai'), rowOf(out, 'anthropic')];
    // Left-aligned text columns start where their header starts.
    assert.equal(rows[0]!.indexOf('openai'), header.indexOf('call'), out);
    assert.equal(rows[1]!.indexOf('anthropic'), header.indexOf('call'), out);
    assert.equal(rows[0]!.indexOf('gpt-4o'), header.indexOf('model'), out);
    assert.equal(rows[1]!.indexOf('claude-3-5-sonnet'), header.indexOf('model'), out);
    // Right-aligned numbers end where their header ends.
    const monthEnd = header.indexOf('$/month') + '$/month'.length;
    for (const row of rows) assert.equal(row.length, monthEnd, `$/month not right-aligned:\n${out}`);
    assert.match(rowOf(out, 'anthropic'), / ≈12,345 /);
    assert.match(rowOf(out, 'anthropic'), /\$45,000\/month$/);
  });

  it('says price unknown instead of $0 and marks the default model', () => {
    const out = formatTable(
      report([{ path: 'a.py', result: result({ calls: [call({ model: null, effectiveModel: 'gpt-4o-mini', cost: UNKNOWN_COST })] }) }]),
    );
    const row = rowOf(out, 'chat.completions.create');
    assert.match(row, /gpt-4o-mini \(default\)/);
    assert.equal(row.match(/price unknown/g)?.length, 2);
    assert.doesNotMatch(out, /\$0(\D|$)/);
    assert.match(out, /Estimated cost: price unknown/);
  });

  it('marks lower bounds and a max tokens that is not a literal', () => {
    const out = formatTable(
      report([
        {
          path: 'a.ts',
          result: result({
            language: 'typescript',
            calls: [call({ inputTokens: tokens(420, 'exact', true), maxTokens: { key: 'maxTokens', value: null, range: range(12) } })],
          }),
        },
      ]),
    );
    const row = rowOf(out, 'chat.completions.create');
    assert.match(row, / 420\+ /);
    assert.match(row, / maxTokens=\? /);
    assert.match(out, /\+ lower bound/);
  });

  it('prints diagnostics under the call they belong to, others after the calls', () => {
    const out = formatTable(
      report([
        {
          path: 'a.py',
          result: result({
            calls: [call()],
            diagnostics: [diagnostic({ rule: 'loose-prompt', severity: 'info', range: range(40), message: 'unused prompt', usdPerMonth: null }), diagnostic()],
          }),
        },
      ]),
    );
    const lines = out.split('\n');
    const callAt = lines.findIndex((l) => l.includes('chat.completions.create'));
    assert.match(lines[callAt + 1]!, /^\s+warning high-max-tokens L13: max_tokens=4096 for a one-word answer \(\$120\/month at stake\)$/);
    assert.match(lines[callAt + 2]!, /^ {2}info loose-prompt L41: unused prompt$/);
  });

  it('lists prompt constants, notes, skipped files and totals', () => {
    const out = formatTable(
      report(
        [
          {
            path: 'prompts.py',
            result: result({ prompts: [constant({ tokens: tokens(1234, 'approximate'), costPer1000Usd: 0.0042 })], notes: ['1 prompt is templated.'] }),
          },
          { path: 'quiet.py', result: result() },
          { path: 'bot.py', result: result({ calls: [call(), call({ cost: cost({ monthlyUsd: 4.5 }) }), call({ cost: null })], diagnostics: [diagnostic()] }) },
        ],
        { skipped: [{ path: 'logo.py', kind: 'binary', reason: 'binary file (contains NUL bytes)' }] },
      ),
    );
    assert.match(out, /prompt SYSTEM_PROMPT \(system, L3-6\): ≈1,234 tokens, \$0\.0042 per 1,000 uses/);
    assert.match(out, /note: 1 prompt is templated\./);
    assert.match(out, /^Skipped\n {2}logo\.py {2}binary file \(contains NUL bytes\)$/m);
    assert.doesNotMatch(out, /quiet\.py/);
    assert.match(out, /Total: 3 files, 3 LLM calls, 4 prompts, 1 warning, 1 skipped/);
    assert.match(out, /Estimated cost: \$320\/month \(\+ 1 call with price unknown\)/);
    assert.match(out, /1 file without LLM calls or prompts not listed\./);
    assert.doesNotMatch(out, /without max tokens/);
  });

  it('says which output bound calls without max tokens are priced with', () => {
    const out = formatTable(
      report([{ path: 'a.py', result: result({ calls: [call({ maxTokens: null, outputTokens: { tokens: 500, assumed: true } }), call()] }) }]),
    );
    assert.match(rowOf(out, 'chat.completions.create'), /gpt-4o +- /);
    assert.match(out, /^1 call without max tokens priced with 500 output tokens \(--expected-output\)\.$/m);
  });

  it('shows the catalog date, and says when it is old', () => {
    const fresh = formatTable(report([{ path: 'a.py', result: result({ calls: [call()] }) }], { catalog: { catalogDate: '2026-11-20', source: 'genai-prices', ageDays: 5, stale: false, models: 900 } }));
    assert.match(fresh, /^Prices: catalog of 2026-11-20$/m);
    const old = formatTable(report([{ path: 'a.py', result: result({ calls: [call()] }) }], { catalog: { catalogDate: '2026-01-02', source: 'genai-prices', ageDays: 327, stale: true, models: 900 } }));
    assert.match(old, /^Prices: catalog of 2026-01-02, 327 days old: prices may have changed \(npm run prices:update\)$/m);
  });

  it('wraps long findings to the terminal width with a hanging indent, and only when given one', () => {
    const long = 'word '.repeat(40).trim();
    const r = report([{ path: 'a.py', result: result({ calls: [call()], diagnostics: [diagnostic({ message: long, usdPerMonth: null })] }) }]);
    const wrapped = formatTable(r, { color: false, width: 60 }).split('\n');
    const first = wrapped.findIndex((l) => l.includes('high-max-tokens'));
    const block = wrapped.slice(first, wrapped.indexOf('', first));
    assert.ok(block.length > 2, block.join('\n'));
    for (const l of block) assert.ok(l.length <= 60, `too long: ${l}`);
    for (const l of block.slice(1)) assert.match(l, /^ {10}word/);
    assert.equal(block.join(' ').replace(/\s+/g, ' ').trim(), `warning high-max-tokens L13: ${long}`);
    const unwrapped = formatTable(r, { color: false });
    assert.ok(unwrapped.split('\n').some((l) => l.endsWith(long)));
  });

  it('uses colours only when asked', () => {
    const r = report([{ path: 'a.py', result: result({ calls: [call()], diagnostics: [diagnostic()] }) }]);
    assert.doesNotMatch(formatTable(r, { color: false }), /\u001b\[/);
    assert.match(formatTable(r, { color: true }), /\u001b\[33mwarning\u001b\[0m/);
  });
});
