/**
 * Measures how many more tokens Korean, Japanese and Chinese prompts take than the same instructions in English, on
 * every tokenizer the engine counts with, and writes the ratios the `non-english-inflation` rule reports:
 *
 *   node --import tsx scripts/measure-inflation.ts     (npm run rules:measure-inflation)
 *
 * Corpus: src/engine/rules/data/parallel-corpus.json (parallel prompt instructions, one meaning per line).
 * Output: src/engine/rules/data/inflation.json, committed; re-run when a tokenizer family is added.
 * Each ratio is total tokens of the language's lines over total tokens of the English lines (lines counted one by one,
 * as prompts are counted).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FAMILIES, stopCountingWorker, tokenizerFor } from '../src/engine/count';
import { fallbackFamily } from '../src/engine/count/registry';

const DATA = join(__dirname, '..', 'src', 'engine', 'rules', 'data');
const LANGUAGES = ['ko', 'ja', 'zh'] as const;
type Language = 'en' | (typeof LANGUAGES)[number];

interface Corpus {
  lines: Array<Record<Language, string>>;
}

async function main(): Promise<void> {
  const corpus = JSON.parse(readFileSync(join(DATA, 'parallel-corpus.json'), 'utf8')) as Corpus;
  const tokenizers: Record<string, { families: string[]; tokens: Record<Language, number>; ratios: Record<string, number> }> = {};
  for (const family of [...FAMILIES, fallbackFamily]) {
    let tokenizer;
    try {
      tokenizer = await family.load();
    } catch (err) {
      console.error(`skipped ${family.id}: ${err instanceof Error ? err.message : String(err)}`);
      continue;
    }
    const existing = tokenizers[tokenizer.name];
    if (existing) {
      existing.families.push(family.id);
      continue;
    }
    const tokens = { en: 0, ko: 0, ja: 0, zh: 0 } as Record<Language, number>;
    for (const line of corpus.lines) for (const lang of ['en', ...LANGUAGES] as Language[]) tokens[lang] += await tokenizer.count(line[lang]);
    const ratios: Record<string, number> = {};
    for (const lang of LANGUAGES) ratios[lang] = Math.round((tokens[lang] / tokens.en) * 100) / 100;
    tokenizers[tokenizer.name] = { families: [family.id], tokens, ratios };
    console.log(`${tokenizer.name.padEnd(24)} en ${tokens.en}  ko ${tokens.ko} (${ratios.ko}x)  ja ${tokens.ja} (${ratios.ja}x)  zh ${tokens.zh} (${ratios.zh}x)`);
  }
  const out = {
    about: 'Tokens of Korean / Japanese / Chinese prompt instructions over the same instructions in English, per tokenizer. Written by scripts/measure-inflation.ts; do not edit.',
    measuredOn: new Date().toISOString().slice(0, 10),
    corpus: 'parallel-corpus.json',
    lines: corpus.lines.length,
    tokenizers,
  };
  writeFileSync(join(DATA, 'inflation.json'), JSON.stringify(out, null, 2) + '\n');
  await tokenizerFor('gpt-4o');
  stopCountingWorker();
}

main().catch((err) => {
  console.error(err);
  stopCountingWorker();
  process.exitCode = 1;
});
