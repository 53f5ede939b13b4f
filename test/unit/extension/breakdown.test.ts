import { strict as assert } from 'node:assert';
import { cheaperAlternatives } from '../../../src/engine/price';
import { breakdownRows } from '../../../src/extension/present/breakdown';
import { auditSource, SUPPORT_BOT, UNKNOWN_MODEL } from './sources';

describe('call breakdown rows (CodeLens click)', () => {
  it('lists each prompt with its share, the output bound, the price and cheaper comparable models', async () => {
    const call = (await auditSource(SUPPORT_BOT)).calls[0]!;
    const alternatives = cheaperAlternatives(call.effectiveModel, { inputTokens: call.inputTokens.tokens, outputTokens: call.outputTokens.tokens }, { sameProviderOnly: false, limit: 5 });
    assert.ok(alternatives.length > 0);
    const rows = breakdownRows(call, alternatives);
    assert.deepEqual(rows.filter((r) => r.separator).map((r) => r.label), ['Input', 'Output', 'Price', 'Same request on cheaper comparable models']);
    const promptRows = rows.filter((r) => r.label.startsWith('$(comment)'));
    assert.deepEqual(promptRows.map((r) => r.label), ['$(comment) system · SYSTEM_PROMPT', '$(comment) user']);
    for (const [i, row] of promptRows.entries()) assert.equal(row.range, call.prompts[i]!.range, 'selecting a prompt row goes to its source');
    assert.match(promptRows[1]!.detail!, /templated: a lower bound/);
    const output = rows.find((r) => r.label.includes('output bound'))!;
    assert.equal(output.description, '300 tokens (max_tokens)');
    assert.equal(output.range, call.maxTokens!.range);
    const alternativeRows = rows.filter((r) => r.label.startsWith('$(arrow-swap)'));
    assert.deepEqual(alternativeRows.map((r) => r.label), alternatives.map((a) => `$(arrow-swap) ${a.model}`));
    for (const [i, row] of alternativeRows.entries()) assert.match(row.description!, new RegExp(`· ${Math.round(alternatives[i]!.saving * 100)}% less$`));
  });

  it('says the output is assumed when the call sets no max tokens, and the price is unknown for an unknown model', async () => {
    const call = (await auditSource(UNKNOWN_MODEL, 'python', { expectedOutputTokens: 700 })).calls[0]!;
    const rows = breakdownRows(call, []);
    assert.equal(rows.find((r) => r.label.includes('output bound'))!.description, '700 tokens assumed (no max tokens at the call; promptAuditor.expectedOutputTokens)');
    assert.match(rows.find((r) => r.label.startsWith('$(credit-card)'))!.description!, /^price unknown: the model is not in the price catalog/);
    assert.ok(!rows.some((r) => r.label.includes('cheaper')), 'no alternatives for an unknown price');
  });
});
