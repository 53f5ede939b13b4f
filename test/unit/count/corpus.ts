import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Texts the counting tests compare tokenizers on: held-out code, the Korean seed articles, edge cases. */
const root = join(__dirname, '..', '..', '..');

export function readRepoFile(path: string, maxChars = 200_000): string {
  return readFileSync(join(root, path), 'utf8').slice(0, maxChars);
}

export const KOREAN_SEEDS: Record<string, string> = {
  'seed-000-ko': readRepoFile('test/fixtures/count/seed-000-ko.txt'),
  'seed-003-ko': readRepoFile('test/fixtures/count/seed-003-ko.txt'),
};

/** Code none of the tokenizers' code was written against: TypeScript's lib declarations, mocha's runner. */
export const HELD_OUT_CODE: Record<string, string> = {
  'lib.es5.d.ts': readRepoFile('node_modules/typescript/lib/lib.es5.d.ts', 120_000),
  'mocha runner.js': readRepoFile('node_modules/mocha/lib/runner.js', 60_000),
  'python (fixture)': readRepoFile('test/fixtures/count/held-out.py'),
};

export const EDGE_CASES: Record<string, string> = {
  empty: '',
  emoji: '👋🏽 Family: 👨‍👩‍👧‍👦, flags 🇰🇷🇺🇸, keycap 1️⃣, ZWJ 🧑‍💻 and 🎉🎉🎉',
  'special-token text': 'before <|endoftext|> middle <|im_start|>user<|im_end|> <|fim_prefix|><|endofprompt|> after',
  '5,000 repeated characters': 'a'.repeat(5000),
  '5,000 repeated Hangul': '가'.repeat(5000),
  '5,000 spaces': ' '.repeat(5000),
  'mixed scripts': 'Korean 한국어, Japanese 日本語, Arabic العربية, Hindi हिन्दी, math ∑∫√, CRLF\r\nand tabs\t\t.',
  'lone surrogate-free astral': '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝕿𝖊𝖝𝖙',
};
