// One docs page per rule: it names the rule, its severity and every setting with its default, and how to ignore it.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compressPrompt } from '../../../src/engine/compress';
import { tokenizerForEncoding } from '../../../src/engine/count';
import { RULES, docsUrlOf } from '../../../src/engine/rules';
import inflation from '../../../src/engine/rules/data/inflation.json';

const ROOT = join(__dirname, '..', '..', '..');

describe('rule docs', () => {
  for (const rule of RULES) {
    it(`${docsUrlOf(rule.id)}`, () => {
      const path = join(ROOT, docsUrlOf(rule.id));
      assert.ok(existsSync(path), `${path} exists`);
      const page = readFileSync(path, 'utf8');
      assert.ok(page.startsWith(`# ${rule.id}\n`));
      assert.ok(page.includes(`**Default severity:** ${rule.defaultSeverity}`));
      for (const [key, spec] of Object.entries(rule.settings)) {
        const row = page.split('\n').find((l) => l.startsWith(`| \`${key}\` |`));
        assert.ok(row, `${rule.id}: setting ${key} documented`);
        assert.ok(row.includes(`| ${Array.isArray(spec.default) ? `\`${JSON.stringify(spec.default).replace(/,/g, ', ')}\`` : spec.default} |`), `${rule.id}.${key} default in: ${row}`);
        assert.ok(row.includes(spec.description), `${rule.id}.${key} description`);
      }
      assert.ok(page.includes(`# prompt-audit: ignore ${rule.id}`) && page.includes(`// prompt-audit: ignore ${rule.id}`));
      assert.ok(page.includes(`"${rule.id}": { "enabled": false }`));
    });
  }

  it('the inflation table shows the measured ratios', () => {
    const page = readFileSync(join(ROOT, 'docs/rules/non-english-inflation.md'), 'utf8');
    for (const [name, t] of Object.entries(inflation.tokenizers)) {
      if (name.includes('≈')) continue;
      const row = page.split('\n').find((l) => l.startsWith(`| ${name} `));
      assert.ok(row, `${name} row`);
      for (const lang of ['ko', 'ja', 'zh'] as const) assert.ok(row.includes(`${(t.ratios as Record<string, number>)[lang]!.toFixed(2)}x`), `${name} ${lang} in ${row}`);
    }
  });

  it("the compress example's \"after\" is the compressor's output", () => {
    const page = readFileSync(join(ROOT, 'docs/rules/bloated-system-prompt.md'), 'utf8');
    const [before, after] = [...page.matchAll(/SYSTEM_PROMPT = """([\s\S]*?)"""/g)].map((m) => m[1]!);
    const o200k = tokenizerForEncoding('o200k_base');
    const result = compressPrompt(before!, { countTokens: (t) => o200k.countSync(t)! })!;
    assert.equal(result.text, after);
    assert.ok(page.includes(`Compress prompt: ${result.tokensBefore} → ${result.tokensAfter} tokens`));
  });
});
