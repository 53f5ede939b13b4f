import { strict as assert } from 'node:assert';
import { formatCount, formatUsdPerMonth } from '../../../src/engine/format';
import type { Fix } from '../../../src/engine/model';
import { fixName, needsPreview, previewFigures, previewMessage, previewTitle } from '../../../src/extension/preview/preview-text';
import { auditSource, FIX_ALL, WORDY } from './sources';

async function compressFix(source: string): Promise<Fix> {
  const result = await auditSource(source);
  const fix = result.diagnostics.flatMap((d) => d.fixes).find((f) => f.title.startsWith('Compress prompt'));
  assert.ok(fix, 'the rules offer Compress prompt');
  return fix;
}

describe('fix preview wording', () => {
  it('previews Compress prompt (it carries a diff), not the small mechanical fixes', async () => {
    assert.equal(needsPreview(await compressFix(WORDY)), true);
    const result = await auditSource(FIX_ALL);
    const others = result.diagnostics.flatMap((d) => d.fixes).filter((f) => !f.title.startsWith('Compress prompt'));
    assert.ok(others.length > 3);
    for (const f of others) assert.equal(needsPreview(f), false, f.title);
  });

  it("asks with the engine's figures: tokens before and after, $ per month saved", async () => {
    const fix = await compressFix(WORDY);
    const p = fix.preview!;
    const figures = `${formatCount(p.tokensBefore!)} → ${formatCount(p.tokensAfter!)} tokens, saves ${formatUsdPerMonth(p.usdPerMonthSaved)}`;
    assert.equal(previewFigures(fix), figures);
    assert.equal(previewMessage(fix), `Apply: ${figures}`);
    assert.equal(fixName(fix), 'Compress prompt');
    assert.equal(previewTitle('support.py', fix), `support.py: Compress prompt (preview) — ${figures}`);
  });

  it('says "price unknown" rather than $0, and falls back to the title without figures', () => {
    const base: Fix = { title: 'Compress prompt: 412 → 318 tokens (−23%, price unknown)', kind: 'quickfix', safe: false, edits: [] };
    assert.equal(previewMessage({ ...base, preview: { tokensBefore: 412, tokensAfter: 318, usdPerMonthSaved: null, diff: '-a\n+b' } }), 'Apply: 412 → 318 tokens, price unknown');
    assert.equal(previewMessage({ ...base, preview: { usdPerMonthSaved: 1234.4 } }), 'Apply: saves $1,234/month');
    assert.equal(previewMessage({ ...base, title: 'Move it' }), 'Apply "Move it"?');
    assert.equal(previewTitle('a.ts', { ...base, title: 'Move it' }), 'a.ts: Move it (preview)');
    assert.equal(needsPreview({ ...base, preview: { diff: '' } }), false);
  });
});
