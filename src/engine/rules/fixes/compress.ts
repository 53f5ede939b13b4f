import { compressLiterals, parseLiteral, unifiedDiff, type CompressionStyle, type LiteralsCompression } from '../../compress';
import { tokenizerForEncoding, type Tokenizer } from '../../count';
import { formatCount } from '../../format';
import type { Fix, LanguageId, PromptLiteral, TextEdit } from '../../model';
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

/** The compression of a prompt's literals, before pricing: a pure function of their source text and the tokenizer. */
interface LiteralRewrite {
  /** Per literal, its new source, or null where it stays as written. */
  newSources: Array<string | null>;
  /** Tokens the literals' text loses, on the tokenizer it was counted with. */
  saved: number;
  applied: string[];
  diff: string;
}

/**
 * Rewrites by content (tokenizer, language, literal sources), so an editor re-auditing after each keystroke compresses
 * only the prompts that changed. Bounded: the oldest entries go first.
 */
const REWRITES = new Map<string, Promise<LiteralRewrite | null>>();
const MAX_REWRITES = 500;

function cachedRewrite(key: string, make: () => Promise<LiteralRewrite | null>): Promise<LiteralRewrite | null> {
  let hit = REWRITES.get(key);
  if (hit) {
    REWRITES.delete(key);
    REWRITES.set(key, hit);
    return hit;
  }
  hit = make();
  REWRITES.set(key, hit);
  if (REWRITES.size > MAX_REWRITES) REWRITES.delete(REWRITES.keys().next().value!);
  return hit;
}

/**
 * Compresses a prompt's source literals with the compressor's literal API (one new source per literal, escapes,
 * quotes and interpolations kept). Null when a literal is not a string the compressor can rewrite, or nothing safe
 * and shorter exists: the fix is then not offered.
 *
 * Counting: the compressor counts synchronously. A first run counts with o200k_base; the texts it produced are then
 * counted with the call's own tokenizer (filling its cache), and a second run counts with that tokenizer's cached
 * figures, so the accept/refuse decision and the preview are the call's real counts.
 */
async function rewriteLiterals(sources: readonly string[], language: LanguageId, tokenizer: Tokenizer, style: CompressionStyle): Promise<LiteralRewrite | null> {
  if (sources.some((s) => parseLiteral(s, language) === null)) return null;

  const o200k = tokenizerForEncoding('o200k_base');
  const first = compressLiterals(sources, language, { countTokens: (t) => o200k.countSync(t) ?? 0, style });
  if (!first) return null;
  let run: LiteralsCompression | null = first;
  if (tokenizer.name !== o200k.name) {
    const texts = [first.textBefore, first.textAfter];
    for (const l of first.literals) if (l) texts.push(l.textBefore, l.textAfter);
    await Promise.all(texts.map((t) => tokenizer.count(t)));
    run = compressLiterals(sources, language, { countTokens: (t) => tokenizer.countSync(t) ?? o200k.countSync(t) ?? 0, style });
    if (!run) return null;
  }
  const [before, after] = await Promise.all([tokenizer.count(run.textBefore), tokenizer.count(run.textAfter)]);
  if (after >= before) return null;
  return {
    newSources: run.literals.map((l) => l?.newSource ?? null),
    saved: before - after,
    applied: run.applied,
    diff: unifiedDiff(run.textBefore, run.textAfter, { fromLabel: 'prompt', toLabel: 'compressed' }),
  };
}

/**
 * The "Compress prompt" fix for a prompt (its literals as written in this document) and the saving priced by
 * `usdPerMonthOf` (tokens per request -> dollars per month at the caller's volume). `memo` shares the compression of
 * one prompt between the calls that send it.
 */
export async function compressPromptFix(
  source: SourceText,
  prompt: { literals: readonly PromptLiteral[]; tokens: { tokens: number } },
  tokenizer: Tokenizer,
  usdPerMonthOf: (tokens: number) => number | null,
  memo: <T>(key: string, make: () => T) => T = (_key, make) => make(),
  style: CompressionStyle = 'faithful',
): Promise<PromptCompression | null> {
  // Compressed in text order (how the pieces join: `f"..." + HANDBOOK` may append a constant defined above); no two may overlap.
  const literals = prompt.literals;
  if (literals.length === 0) return null;
  const bySource = [...literals].sort((a, b) => a.range.startOffset - b.range.startOffset);
  for (let i = 1; i < bySource.length; i++) if (bySource[i]!.range.startOffset < bySource[i - 1]!.range.endOffset) return null;
  const sources = literals.map((l) => source.slice(l.range));
  const key = `${tokenizer.name}\u0000${style}\u0000${source.language}\u0000${sources.join('\u0000')}`;
  const core = await memo(`compress:${key}`, () => cachedRewrite(key, () => rewriteLiterals(sources, source.language, tokenizer, style)));
  if (!core) return null;
  const edits: TextEdit[] = literals.flatMap((l, i) => {
    const newText = core.newSources[i];
    return newText ? [{ range: l.range, newText }] : [];
  });
  const tokensBefore = Math.max(prompt.tokens.tokens, core.saved);
  const tokensAfter = tokensBefore - core.saved;
  const saving = core.saved / tokensBefore;
  const usdSaved = usdPerMonthOf(core.saved);
  const money = usdSaved === null ? 'price unknown' : `saves ${perMonth(usdSaved)}`;
  return {
    fix: {
      title: `Compress prompt: ${formatCount(tokensBefore)} → ${formatCount(tokensAfter)} tokens (−${percent(saving)}, ${money})`,
      kind: 'quickfix',
      safe: core.applied.every((id) => MEANING_PRESERVING_RULES.has(id)),
      edits,
      preview: { tokensBefore, tokensAfter, usdPerMonthSaved: usdSaved, diff: core.diff },
    },
    tokensBefore,
    tokensAfter,
    saving,
    applied: core.applied,
  };
}
