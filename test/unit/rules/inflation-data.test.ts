// data/inflation.json is what scripts/measure-inflation.ts measures: re-measure the in-thread tokenizers here.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenizerForEncoding } from '../../../src/engine/count';
import inflation from '../../../src/engine/rules/data/inflation.json';
import { inflationRatio } from '../../../src/engine/rules/non-english-inflation';

const DATA = join(__dirname, '..', '..', '..', 'src', 'engine', 'rules', 'data');

describe('non-english-inflation data', () => {
  const corpus = JSON.parse(readFileSync(join(DATA, 'parallel-corpus.json'), 'utf8')) as { lines: Record<string, string>[] };

  it('the corpus is parallel: every line in English, Korean, Japanese and Chinese', () => {
    assert.ok(corpus.lines.length >= 30);
    assert.equal(inflation.lines, corpus.lines.length);
    for (const line of corpus.lines) for (const lang of ['en', 'ko', 'ja', 'zh']) assert.ok(line[lang]?.trim(), JSON.stringify(line));
  });

  for (const encoding of ['o200k_base', 'cl100k_base'] as const) {
    it(`${encoding}: the committed ratios equal a fresh measurement`, () => {
      const t = tokenizerForEncoding(encoding);
      const total = (lang: string) => corpus.lines.reduce((n, l) => n + t.countSync(l[lang]!)!, 0);
      const en = total('en');
      for (const lang of ['ko', 'ja', 'zh'] as const) {
        assert.equal(inflationRatio(encoding, lang), Math.round((total(lang) / en) * 100) / 100, lang);
      }
    });
  }

  it('Korean costs more tokens than English on every measured tokenizer, most on cl100k (seed: 1.5-2x)', () => {
    const ko = Object.entries(inflation.tokenizers).map(([name, t]) => [name, t.ratios.ko] as const);
    assert.ok(ko.length >= 6);
    for (const [name, ratio] of ko) assert.ok(ratio > 1.1, `${name}: ${ratio}`);
    assert.ok(inflationRatio('cl100k_base', 'ko')! > 1.9);
    assert.equal(inflationRatio('claude (≈ o200k_base)', 'ko'), inflationRatio('o200k_base', 'ko'));
  });
});
