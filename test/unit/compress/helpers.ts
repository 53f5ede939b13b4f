import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenizerForEncoding } from '../../../src/engine/count';
import type { CompressResult } from '../../../src/engine/compress';
import { compressMasked } from '../../../src/engine/compress/compress';
import { COMPRESS_RULES } from '../../../src/engine/compress/rules';

const o200k = tokenizerForEncoding('o200k_base');

/** o200k_base token count through the engine's counting registry (in-thread, so always synchronous). */
export const countO200k = (text: string): number => {
  const n = o200k.countSync(text);
  if (n === null) throw new Error('o200k_base must count synchronously');
  return n;
};

export const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'compress');

/** The prompts of one language in a corpus folder (`<root>/<language>/*<extension>`), by file name. */
export function corpus(language: 'en' | 'ko', root = FIXTURES, extension = '.txt'): Array<{ name: string; text: string }> {
  const dir = join(root, language);
  return readdirSync(dir)
    .filter((f) => f.endsWith(extension))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/** The o200k saving over compressed texts (a text the compressor left alone counts as it is). */
export function savingOf(items: ReadonlyArray<{ text: string; result: CompressResult | null }>): { before: number; after: number; saved: number } {
  const before = items.reduce((sum, r) => sum + countO200k(r.text), 0);
  const after = items.reduce((sum, r) => sum + (r.result ? r.result.tokensAfter : countO200k(r.text)), 0);
  return { before, after, saved: 1 - after / before };
}

/** The text after running only `ruleId` through the guarded pipeline (no token check, in the rule's style), or the input if nothing changed. */
export function runOnly(ruleId: string, text: string): string {
  const rule = COMPRESS_RULES.find((r) => r.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const others = COMPRESS_RULES.filter((r) => r.id !== ruleId).map((r) => r.id);
  // A terse rule runs only in the terse style.
  return compressMasked(text, { countTokens: countO200k, disabledRules: others, style: rule.style ?? 'faithful' })?.result.text ?? text;
}
