/**
 * Counting throughput and latency, each against a reference measured in the same run:
 * - our OpenAI counter (gpt-tokenizer's countTokens, the function behind InThreadTokenizer, with our count cache
 *   bypassed and gpt-tokenizer's merge cache cleared before every run) vs tiktoken (WASM) and js-tiktoken, on 1 MB
 *   of English and 1 MB of Korean text assembled in the run;
 * - cold start in a fresh node process (require + first count);
 * - re-counting an unchanged 5,000-line file: the count-cache path the editor takes on every keystroke elsewhere.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Tiktoken as JsTiktoken } from 'js-tiktoken/lite';
import { get_encoding } from 'tiktoken';
import { tokenizerForEncoding } from '../../src/engine/count';
import { countOpenAI } from '../../src/engine/count/openai-encodings';
import type { Bench } from './harness';

const root = join(__dirname, '..', '..');
const MB = 1024 * 1024;

/** A deterministic PRNG so every run assembles the same corpus. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

/** ~1 MB of English: package READMEs (prose) and TypeScript declarations (code), as shipped in node_modules. */
function englishCorpus(): string {
  const parts: string[] = [];
  let size = 0;
  const add = (text: string) => {
    parts.push(text);
    size += Buffer.byteLength(text);
  };
  for (const dir of readdirSync(join(root, 'node_modules')).sort()) {
    if (size >= MB / 2) break;
    try {
      add(readFileSync(join(root, 'node_modules', dir, 'README.md'), 'utf8'));
    } catch {
      // no README
    }
  }
  const lib = readFileSync(join(root, 'node_modules', 'typescript', 'lib', 'lib.dom.d.ts'), 'utf8');
  add(lib.slice(0, MB - size + 1000));
  return Buffer.from(parts.join('\n')).subarray(0, MB).toString('utf8').replace(/\uFFFD$/, '');
}

/** ~1 MB of Korean: the seed articles' sentences recombined in a seeded random order (not one text repeated). */
function koreanCorpus(): string {
  const seeds = ['seed-000-ko.txt', 'seed-003-ko.txt'].map((f) => readFileSync(join(root, 'test', 'fixtures', 'count', f), 'utf8'));
  const sentences = seeds.join('\n').split(/(?<=[.!?다요])\s+|\n+/).filter((s) => /[가-힣]/.test(s));
  const random = rng(42);
  const out: string[] = [];
  let size = 0;
  while (size < MB) {
    const s = sentences[Math.floor(random() * sentences.length)]!;
    out.push(s);
    size += Buffer.byteLength(s) + 1;
  }
  return Buffer.from(out.join(random() < 0.5 ? ' ' : '\n')).subarray(0, MB).toString('utf8').replace(/\uFFFD$/, '');
}

export default async function countBench(bench: Bench): Promise<void> {
  const gptTokenizer = require('gpt-tokenizer/cjs/encoding/o200k_base') as { clearMergeCache(): void };
  const tiktoken = get_encoding('o200k_base');
  type Ranks = ConstructorParameters<typeof JsTiktoken>[0];
  const ranks = require('js-tiktoken/ranks/o200k_base') as Ranks & { default?: Ranks };
  const jsTiktoken = new JsTiktoken(ranks.default ?? ranks);

  for (const [language, text] of [['English', englishCorpus()], ['Korean', koreanCorpus()]] as const) {
    const mb = Buffer.byteLength(text) / MB;
    const ours = countOpenAI('o200k_base', text);
    const reference = tiktoken.encode_ordinary(text).length;
    const js = jsTiktoken.encode(text, [], []).length;
    if (ours !== reference || js !== reference) throw new Error(`${language}: counts differ (ours ${ours}, tiktoken ${reference}, js-tiktoken ${js})`);

    const oursMs = await bench.median(
      () => {
        gptTokenizer.clearMergeCache();
        countOpenAI('o200k_base', text);
      },
      7,
      1,
    );
    // Steady state in an editor: gpt-tokenizer's merge cache already holds the common words.
    const oursWarmMs = await bench.median(() => countOpenAI('o200k_base', text), 7, 1);
    const tiktokenMs = await bench.median(() => tiktoken.encode_ordinary(text).length, 7, 1);
    const jsMs = await bench.median(() => jsTiktoken.encode(text, [], []).length, 3, 1);
    const oursMBs = bench.record(`${language} 1 MB, ours (o200k, merge cache cleared, ${Math.round(ours / 1000)}K tok)`, mb / (oursMs / 1000), 'MB/s');
    const tiktokenMBs = bench.record(`${language} 1 MB, tiktoken (WASM) encode_ordinary`, mb / (tiktokenMs / 1000), 'MB/s');
    const jsMBs = bench.record(`${language} 1 MB, js-tiktoken (lite + o200k ranks)`, mb / (jsMs / 1000), 'MB/s');
    bench.record(`${language}: ours / tiktoken (aim 3x)`, oursMBs / tiktokenMBs, 'x', { min: 1.0 });
    bench.record(`${language}: ours / js-tiktoken`, oursMBs / jsMBs, 'x');
    const warmMBs = bench.record(`${language} 1 MB, ours, merge cache warm (editor steady state)`, mb / (oursWarmMs / 1000), 'MB/s');
    bench.record(`${language}: ours warm / tiktoken`, warmMBs / tiktokenMBs, 'x', { min: 1.0 });
  }
  tiktoken.free();

  // Cold start: a fresh node process requires the library and counts one prompt; the child reports the time since
  // its own start (node boot included, the same for all).
  const cold = (setup: string) => {
    const script = `${setup}; const n = count('You are a helpful assistant. 안녕하세요!'); if (!(n > 0)) process.exit(3); process.stdout.write(String(performance.now()));`;
    return async () => {
      const r = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`cold start child failed: ${r.stderr}`);
      return Number(r.stdout);
    };
  };
  const medianOf = async (fn: () => Promise<number>, runs = 5) => {
    const values: number[] = [];
    for (let i = 0; i < runs; i++) values.push(await fn());
    return values.sort((a, b) => a - b)[runs >> 1]!;
  };
  const oursCold = await medianOf(cold("const { countTokens } = require('gpt-tokenizer/cjs/encoding/o200k_base'); const count = (t) => countTokens(t, { disallowedSpecial: new Set() })"));
  const tiktokenCold = await medianOf(cold("const e = require('tiktoken').get_encoding('o200k_base'); const count = (t) => e.encode_ordinary(t).length"));
  const baseline = await medianOf(cold('const count = (t) => t.length'));
  bench.record('cold start, ours (node boot + require + first count)', oursCold, 'ms');
  bench.record('cold start, tiktoken (WASM)', tiktokenCold, 'ms');
  bench.record('cold start, bare node (boot only, for reference)', baseline, 'ms');
  bench.record('cold start: tiktoken / ours', tiktokenCold / oursCold, 'x', { min: 1.0 });

  // Re-counting an unchanged 5,000-line file: first pass tokenizes every line, later passes are cache hits.
  const lines: string[] = [];
  const random = rng(7);
  const source = [englishCorpus(), koreanCorpus()].join('\n').split('\n').filter((l) => l.trim());
  for (let i = 0; i < 5000; i++) lines.push(`${source[Math.floor(random() * source.length)]!.slice(0, 160)} #${i}`);
  const file = lines.join('\n');
  const tokenizer = tokenizerForEncoding('o200k_base');
  const firstStart = performance.now();
  let firstTotal = 0;
  for (const line of lines) firstTotal += await tokenizer.count(line);
  firstTotal += await tokenizer.count(file);
  const firstMs = performance.now() - firstStart;
  const recountMs = await bench.median(async () => {
    let total = 0;
    for (const line of lines) total += await tokenizer.count(line);
    total += await tokenizer.count(file);
    if (total !== firstTotal) throw new Error('cache returned a different count');
  }, 20, 2);
  bench.record('5,000-line file: first count (5,000 lines + the whole file)', firstMs, 'ms');
  bench.record('5,000-line file: re-count unchanged (cache hits)', recountMs, 'ms', { max: 25 });
  bench.record('5,000-line file: first / re-count', firstMs / recountMs, 'x', { min: 5 });
}
