import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPrice } from '../../../src/cli/commands/price';

/**
 * The seed article (shared/seeds/003, "LLM API cost comparison, Jan 2026") reproduced through `prompt-audit price`.
 * Figures are compared to the cent, rounding half up as a bill does. The article rounds components before adding them
 * in one place: Gemini 1.5 Flash, scenario B, 0.83 + 0.53 = 1.36, while the exact total 0.825 + 0.528 = 1.353 is $1.35;
 * that total is checked as the sum of the rounded components.
 */
const cents = (usd: number) => Math.round(usd * 100 + 1e-7);

interface PriceJson {
  model: string;
  resolvedModel: string | null;
  inputUsd: number | null;
  outputUsd: number | null;
  totalUsd: number | null;
  priceSource: string;
  catalogDate: string;
}

const emptyDir = mkdtempSync(join(tmpdir(), 'prompt-audit-price-')); // no .prompt-audit.json here

async function price(args: string[]): Promise<{ code: number; json: PriceJson; stderr: string }> {
  let out = '';
  let err = '';
  const code = await runPrice([...args, '--json'], { stdout: (t) => (out += t), stderr: (t) => (err += t), color: false }, emptyDir);
  return { code, json: JSON.parse(out) as PriceJson, stderr: err };
}

// [model, input $, output $, total $] as printed in the article.
type Row = [string, number, number, number];

const SCENARIOS: { name: string; args: string[]; rows: Row[] }[] = [
  {
    // 500 conversations/day x 30 days; per conversation (500 + 300 x 5) input and 500 x 5 output tokens.
    name: 'A: support chatbot (30M input / 37.5M output tokens a month)',
    args: ['--input', '2000', '--output', '2500', '--requests', '15000'],
    rows: [
      ['gpt-4o', 75.0, 375.0, 450.0],
      ['gpt-4o-mini', 4.5, 22.5, 27.0],
      ['claude-3-5-sonnet', 90.0, 562.5, 652.5],
      ['claude-3-5-haiku', 24.0, 150.0, 174.0],
      ['gemini-1.5-pro', 37.5, 187.5, 225.0],
      ['gemini-1.5-flash', 2.25, 11.25, 13.5],
    ],
  },
  {
    // 100 documents/day x 22 days; 5,000 input and 800 output tokens each.
    name: 'B: document summaries (11M / 1.76M)',
    args: ['--input', '5000', '--output', '800', '--requests', '2200'],
    rows: [
      ['gpt-4o', 27.5, 17.6, 45.1],
      ['gpt-4o-mini', 1.65, 1.06, 2.71],
      ['claude-3-5-sonnet', 33.0, 26.4, 59.4],
      ['claude-3-5-haiku', 8.8, 7.04, 15.84],
      ['gemini-1.5-pro', 13.75, 8.8, 22.55],
      ['gemini-1.5-flash', 0.83, 0.53, 1.36],
    ],
  },
  {
    // 10 developers x 50 requests/day x 22 days; 2,000 input and 1,000 output tokens each.
    name: 'C: coding assistant (22M / 11M)',
    args: ['--input', '2000', '--output', '1000', '--requests', '11000'],
    rows: [
      ['gpt-4o', 55.0, 110.0, 165.0],
      ['gpt-4o-mini', 3.3, 6.6, 9.9],
      ['claude-3-5-sonnet', 66.0, 165.0, 231.0],
      ['claude-3-5-haiku', 17.6, 44.0, 61.6],
      ['gemini-1.5-pro', 27.5, 55.0, 82.5],
      ['gemini-1.5-flash', 1.65, 3.3, 4.95],
    ],
  },
];

describe('seed article scenarios through prompt-audit price', () => {
  for (const scenario of SCENARIOS) {
    describe(scenario.name, () => {
      for (const [model, input, output, total] of scenario.rows) {
        it(`${model}: $${input} + $${output} = $${total}`, async () => {
          const { code, json } = await price(['--model', model, ...scenario.args]);
          assert.equal(code, 0);
          assert.equal(cents(json.inputUsd!), cents(input), 'input');
          assert.equal(cents(json.outputUsd!), cents(output), 'output');
          if (cents(json.totalUsd!) === cents(total)) return;
          // Only the article's own rounding may differ: its total is the sum of its rounded components.
          assert.equal(cents(json.inputUsd!) + cents(json.outputUsd!), cents(total), 'total (sum of rounded components)');
          assert.ok(Math.abs(json.totalUsd! - total) < 0.01, `total ${json.totalUsd} within a cent of ${total}`);
        });
      }
    });
  }

  it('Gemini 1.5 Pro above 128K input tokens bills the whole request at $2.50 / $10 per 1M', async () => {
    const above = await price(['--model', 'gemini-1.5-pro', '--input', '200000', '--output', '1000']);
    assert.equal(cents(above.json.inputUsd!), 50); // 200K x $2.50/1M
    assert.equal(cents(above.json.outputUsd!), 1); // 1K x $10/1M
    const at = await price(['--model', 'gemini-1.5-pro', '--input', '128000', '--output', '0', '--requests', '100']);
    assert.equal(cents(at.json.inputUsd!), 1600, '128K is still the base tier: 12.8M x $1.25/1M');
    const justAbove = await price(['--model', 'gemini-1.5-pro', '--input', '128001', '--output', '0', '--requests', '100']);
    assert.equal(cents(justAbove.json.inputUsd!), cents(12.8001 * 2.5));
  });

  it('GPT-4o cached input: the 500-token system prompt x 15,000 requests, $18.75 -> $9.38', async () => {
    const plain = await price(['--model', 'gpt-4o', '--input', '500', '--output', '0', '--requests', '15000']);
    assert.equal(cents(plain.json.inputUsd!), 1875);
    const cached = await price(['--model', 'gpt-4o', '--input', '500', '--output', '0', '--requests', '15000', '--cached-input', '500']);
    assert.equal(cents(cached.json.inputUsd!), 938);
  });

  it('Batch API: the GPT-4o document pipeline, $45.10 -> $22.55', async () => {
    const batch = await price(['--model', 'gpt-4o', '--input', '5000', '--output', '800', '--requests', '2200', '--batch']);
    assert.equal(cents(batch.json.inputUsd!), 1375);
    assert.equal(cents(batch.json.outputUsd!), 880);
    assert.equal(cents(batch.json.totalUsd!), 2255);
  });

  it('the JSON names the catalog it priced from', async () => {
    const { json } = await price(['--model', 'claude-3-5-sonnet-20241022', '--input', '1', '--output', '1']);
    assert.equal(json.resolvedModel, 'claude-3-5-sonnet');
    assert.match(json.priceSource, /^catalog \(@pydantic\/genai-prices/);
    assert.match(json.catalogDate, /^\d{4}-\d{2}-\d{2}$/);
    assert.deepEqual(Object.keys(json).slice(0, 7), ['model', 'resolvedModel', 'inputUsd', 'outputUsd', 'totalUsd', 'priceSource', 'catalogDate']);
  });
});
