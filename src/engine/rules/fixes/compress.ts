import { compressLiterals, parseLiteral, unifiedDiff, type LiteralsCompression } from '../../compress';
import { tokenizerForEncoding, type Tokenizer } from '../../count';
import { formatCount } from '../../format';
import type { Fix, PromptLiteral } from '../../model';
import { percent, perMonth } from '../money';
import type { SourceText } from '../source';

/**
 * Compression rules that only remove layout or an exact repeat: they cannot change what the prompt asks, so a
 * compression using nothing else is safe ("fix all"). Rewording rules (politeness, fillers, Korean endings) keep
 * the invariants but are a judgement call the user reviews in the preview.
 */
const MEANING_PRESERVING_RULES = new Set(['whitespace', 'duplicate-sentences']);

export interface PromptCompression {
  fix: Fix;
  /** Tokens of the prompt before and after, on the call's tokenizer. */
  tokensBefore: number;
  tokensAfter: number;
  /** Share of the prompt's tokens removed, 0..1. */
  saving: number;
  applied: string[];
}

/**
 * Compresses a prompt inside its source literals with the compressor's literal API (one edit per literal, escapes,
 * quotes and interpolations kept) and prices the saving. Null when a literal is not a string the compressor can
 * rewrite, or nothing safe and shorter exists: the fix is then not offered.
 *
 * Counting: the compressor counts synchronously. A first run counts with o200k_base; the texts it produced are then
 * counted with the call's own tokenizer (filling its cache), and a second run counts with that tokenizer's cached
 * figures, so the accept/refuse decision and the preview are the call's real counts.
 */
export async function compressPromptFix(
  source: SourceText,
  prompt: { literals: readonly PromptLiteral[]; tokens: { tokens: number } },
  tokenizer: Tokenizer,
  usdPerMonthOf: (tokens: number) => number | null,
): Promise<PromptCompression | null> {
  const literals = [...prompt.literals].sort((a, b) => a.range.startOffset - b.range.startOffset);
  if (literals.length === 0) return null;
  for (let i = 1; i < literals.length; i++) if (literals[i]!.range.startOffset < literals[i - 1]!.range.endOffset) return null;
  const sources = literals.map((l) => source.slice(l.range));
  if (sources.some((s) => parseLiteral(s, source.language) === null)) return null;

  const o200k = tokenizerForEncoding('o200k_base');
  const first = compressLiterals(sources, source.language, { countTokens: (t) => o200k.countSync(t) ?? 0 });
  if (!first) return null;
  let run: LiteralsCompression | null = first;
  if (tokenizer.name !== o200k.name) {
    const texts = [first.textBefore, first.textAfter];
    for (const l of first.literals) if (l) texts.push(l.textBefore, l.textAfter);
    await Promise.all(texts.map((t) => tokenizer.count(t)));
    run = compressLiterals(sources, source.language, { countTokens: (t) => tokenizer.countSync(t) ?? o200k.countSync(t) ?? 0 });
    if (!run) return null;
  }
  const [before, after] = await Promise.all([tokenizer.count(run.textBefore), tokenizer.count(run.textAfter)]);
  const saved = before - after;
  if (saved <= 0) return null;

  const tokensBefore = Math.max(prompt.tokens.tokens, saved);
  const tokensAfter = tokensBefore - saved;
  const saving = saved / tokensBefore;
  const usdSaved = usdPerMonthOf(saved);
  const edits = literals.flatMap((l, i) => {
    const c = run!.literals[i];
    return c ? [{ range: l.range, newText: c.newSource }] : [];
  });
  const money = usdSaved === null ? 'price unknown' : `saves ${perMonth(usdSaved)}`;
  return {
    fix: {
      title: `Compress prompt: ${formatCount(tokensBefore)} → ${formatCount(tokensAfter)} tokens (−${percent(saving)}, ${money})`,
      kind: 'quickfix',
      safe: run.applied.every((id) => MEANING_PRESERVING_RULES.has(id)),
      edits,
      preview: { tokensBefore, tokensAfter, usdPerMonthSaved: usdSaved, diff: unifiedDiff(run.textBefore, run.textAfter, { fromLabel: 'prompt', toLabel: 'compressed' }) },
    },
    tokensBefore,
    tokensAfter,
    saving,
    applied: run.applied,
  };
}
