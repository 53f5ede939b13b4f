import { CONTINUATION_SENTINEL, applyRule } from './guard';
import { verifyCompression } from './invariants';
import { maskText, unmaskText, type ProtectedSpan } from './mask';
import { COMPRESS_RULES } from './rules';
import type { CompressOptions, CompressResult } from './types';

/** Masks beyond this many would collide with the continuation sentinel. */
const MAX_MASKS = 0xf8fe - 0xe000;

export interface MaskedCompression {
  result: CompressResult;
  /** The compressed text with every protected span still masked (the literal writer splits at interpolations). */
  masked: string;
  /** Original text of each mask character. */
  values: readonly string[];
  spans: readonly ProtectedSpan[];
}

/**
 * Runs every rule over the masked prompt and verifies the invariants after each one and once more at the end, on the
 * plain texts. Null when the prompt cannot be masked or nothing changed; the token check is the caller's.
 */
export function compressMasked(text: string, options: CompressOptions): MaskedCompression | null {
  const masked = maskText(text, options.protectedSpans ?? []);
  if (!masked || masked.values.length > MAX_MASKS) return null;
  const disabled = new Set(options.disabledRules ?? []);
  const prefix = options.continuesSentence ? CONTINUATION_SENTINEL : '';
  let current = prefix + masked.text;
  const applied: string[] = [];
  const refused: CompressResult['refused'] = [];
  // A language's rules only match its own script: skip them when the text has none of it.
  const scripts = { en: /[A-Za-z]/.test(masked.text), ko: /[가-힣]/.test(masked.text), any: true };
  for (const rule of COMPRESS_RULES) {
    if (disabled.has(rule.id) || !scripts[rule.language] || (rule.style === 'terse' && options.style !== 'terse')) continue;
    const outcome = applyRule(rule, current, masked.values);
    if (outcome.applied) applied.push(rule.id);
    if (outcome.refused) refused.push({ rule: rule.id, reason: `${outcome.refused.invariant}: ${outcome.refused.detail}` });
    current = outcome.text;
  }
  if (prefix) current = current.slice(prefix.length);
  if (current === masked.text) return null;
  const out = unmaskText(current, masked.values);
  // The last word: the whole rewrite against the original (checkInvariants is the same check from scratch, for tests).
  if (verifyCompression(text, masked.text, out, current, masked.values)) return null;
  return {
    result: { text: out, tokensBefore: 0, tokensAfter: 0, applied, refused },
    masked: current,
    values: masked.values,
    spans: masked.spans,
  };
}

/**
 * Compresses a prompt with the rule tier. Returns null unless the result keeps every invariant and is strictly fewer
 * tokens by `options.countTokens`; otherwise the text, both counts and the rules applied.
 */
export function compressPrompt(text: string, options: CompressOptions): CompressResult | null {
  const run = compressMasked(text, options);
  if (!run) return null;
  const tokensBefore = options.countTokens(text);
  const tokensAfter = options.countTokens(run.result.text);
  if (tokensAfter >= tokensBefore) return null;
  return { ...run.result, tokensBefore, tokensAfter };
}

/** compressPrompt for a tokenizer that counts asynchronously (a vocabulary in the counting worker). */
export async function compressPromptAsync(
  text: string,
  options: Omit<CompressOptions, 'countTokens'> & { countTokens: (text: string) => number | Promise<number> },
): Promise<CompressResult | null> {
  const run = compressMasked(text, { ...options, countTokens: () => 0 });
  if (!run) return null;
  const [tokensBefore, tokensAfter] = await Promise.all([options.countTokens(text), options.countTokens(run.result.text)]);
  if (tokensAfter >= tokensBefore) return null;
  return { ...run.result, tokensBefore, tokensAfter };
}
