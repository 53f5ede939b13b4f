import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeProblems, parsePriceOverrides, parseWorkspaceConfig } from '../../../src/engine/price';
import { DEFAULT_OPTIONS } from '../../../src/engine/options';

const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'schemas', 'prompt-audit.schema.json'), 'utf8')) as {
  properties: Record<string, { default?: unknown }>;
  definitions: { priceOverride: { properties: Record<string, unknown>; required: string[] } };
};

describe('.prompt-audit.json validation', () => {
  it('accepts a complete valid file', () => {
    const { options, problems } = parseWorkspaceConfig({
      $schema: './schemas/prompt-audit.schema.json',
      defaultModel: 'claude-3-5-haiku-latest',
      requestsPerDay: 5000,
      daysPerMonth: 22,
      expectedOutputTokens: 300,
      placeholderTokens: 20,
      maxFileBytes: 2_000_000,
      compressionStyle: 'terse',
      priceOverrides: { 'my-finetune': { input: 3, output: 12, cachedInput: 1.5, contextWindow: 16000 } },
      rules: { 'high-max-tokens': { enabled: false }, 'long-system-prompt': { severity: 'info', maxTokens: 800 } },
    });
    assert.deepEqual(problems, []);
    assert.equal(options.defaultModel, 'claude-3-5-haiku-latest');
    assert.equal(options.daysPerMonth, 22);
    assert.equal(options.compressionStyle, 'terse');
    assert.deepEqual(options.priceOverrides, { 'my-finetune': { input: 3, output: 12, cachedInput: 1.5, contextWindow: 16000 } });
    assert.equal(options.rules?.['long-system-prompt']?.maxTokens, 800);
  });

  it('names the bad field and keeps the bundled catalog (no overrides) when a price is invalid', () => {
    const { options, problems } = parseWorkspaceConfig({
      requestsPerDay: 100,
      priceOverrides: { 'gpt-4o': { input: 2.5, output: 10 }, 'my-model': { input: 'cheap', output: 1 } },
    });
    assert.deepEqual(problems.map((p) => p.field), ['priceOverrides["my-model"].input']);
    assert.match(problems[0]!.message, /must be a number, got "cheap"/);
    assert.equal(options.priceOverrides, undefined, 'no half-applied price table');
    assert.equal(options.requestsPerDay, 100, 'other fields stay in use');
    assert.match(describeProblems(problems)[0]!, /^\.prompt-audit\.json: priceOverrides\["my-model"\]\.input must be a number.*bundled price catalog stay in use/);
  });

  it('reports each kind of mistake with its path', () => {
    const { problems, options } = parseWorkspaceConfig({
      defaultModel: '',
      daysPerMonth: 40,
      expectedOutputTokens: 2.5,
      requestsPerDya: 10,
      compressionStyle: 'short',
      priceOverrides: { x: { input: 1 }, y: { input: 1, output: 2, outputPrice: 3 }, z: { input: -1, output: 1 } },
      rules: { r: { enabled: 'no' } },
    });
    assert.deepEqual(problems.map((p) => p.field).sort(), [
      'compressionStyle',
      'daysPerMonth',
      'defaultModel',
      'expectedOutputTokens',
      'priceOverrides["x"].output',
      'priceOverrides["y"].outputPrice',
      'priceOverrides["z"].input',
      'requestsPerDya',
      'rules["r"].enabled',
    ]);
    assert.deepEqual(options, { rules: {} });
    assert.deepEqual(parseWorkspaceConfig([1, 2]).problems, [{ field: '(root)', message: 'must be a JSON object' }]);
  });

  it('validates the priceOverrides setting on its own', () => {
    assert.deepEqual(parsePriceOverrides({ m: { input: 1, output: 2 } }), { overrides: { m: { input: 1, output: 2 } }, problems: [] });
    assert.equal(parsePriceOverrides('1,2').problems[0]!.field, 'priceOverrides');
  });

  it('the JSON schema documents exactly the fields the validator accepts, with the engine defaults', () => {
    const schemaFields = Object.keys(schema.properties).filter((k) => k !== '$schema').sort();
    const optionFields = Object.keys(DEFAULT_OPTIONS).sort();
    assert.deepEqual(schemaFields, optionFields);
    for (const [key, value] of Object.entries(DEFAULT_OPTIONS)) {
      if (typeof value !== 'object') assert.equal(schema.properties[key]!.default, value, key);
    }
    assert.deepEqual(Object.keys(schema.definitions.priceOverride.properties), ['input', 'output', 'cachedInput', 'cacheWrite', 'contextWindow', 'maxOutput']);
    assert.deepEqual(schema.definitions.priceOverride.required, ['input', 'output']);
    // An unknown field the schema rejects is also reported by the validator.
    assert.equal(parseWorkspaceConfig({ colour: 'red' }).problems[0]!.field, 'colour');
  });
});
