import { formatCount, formatTokens } from '../format';
import type { AuditedCall, AuditedPrompt, TokenFigure } from '../model';
import { compressPromptFix, type PromptCompression } from './fixes/compress';
import { constantUsdPerMonth, defaultVolume, inputUsdPerMonth, percent, perMonth, sumUsd, unsentConstants, volumeOf } from './money';
import { defineRule, type Finding, type SettingValues } from './rule';

const SYSTEM_ROLES = new Set(['system', 'developer']);

const SETTINGS = {
  threshold: { default: 400, min: 1, description: 'System prompts above this many tokens are flagged.' },
  minPaddingShare: { default: 0.15, min: 0, max: 1, description: 'Flag a smaller prompt when compression removes at least this share of its tokens.' },
  minTokens: { default: 25, min: 0, description: 'Prompts below this many tokens are never flagged for padding (too little at stake).' },
};

/**
 * A system / developer / instructions prompt that is large (every request pays for it again) or padded with words
 * the compressor can remove without touching its meaning. Seed article: a 180-token system prompt cut to 38; a
 * 500-token system prompt costs $250/month at GPT-4o for 100,000 users.
 */
export const bloatedSystemPrompt = defineRule({
  id: 'bloated-system-prompt',
  description: 'A system prompt above a token threshold, or with removable padding.',
  defaultSeverity: 'warning',
  offersModelSwitch: true,
  settings: SETTINGS,
  async check(ctx) {
    const findings: Finding[] = [];
    // Per call, each system prompt where it is used; calls using one configured prompt (a model object) share a finding.
    const groups = new Map<string, { prompt: AuditedPrompt; calls: AuditedCall[] }>();
    for (const call of ctx.calls) {
      for (const prompt of call.prompts) {
        if (!SYSTEM_ROLES.has(prompt.role)) continue;
        const key = `${prompt.range.startOffset}:${prompt.range.endOffset}`;
        const group = groups.get(key);
        if (group) group.calls.push(call);
        else groups.set(key, { prompt, calls: [call] });
      }
    }
    for (const { prompt, calls } of groups.values()) {
      const call = calls[0]!;
      const tokenizer = await ctx.tokenizer(call.effectiveModel);
      const usdOf = (tokens: number): number | null => sumUsd(calls.map((c) => inputUsdPerMonth(c, tokens, ctx.options)));
      const compression = await compressPromptFix(ctx.source, prompt, tokenizer, usdOf, ctx.memo, ctx.options.compressionStyle);
      const where = `${volumeOf(call)}${calls.length > 1 ? ` (${calls.length} calls)` : ''}`;
      const finding = judge(ctx.settings, prompt.tokens, compression, usdOf(prompt.tokens.tokens), where);
      if (finding) findings.push({ ...finding, range: prompt.range, call, calls });
    }
    // Prompt constants no call in this file uses (a prompts module): priced on the default model at the default volume.
    for (const constant of unsentConstants(ctx.calls, ctx.prompts)) {
      if (!SYSTEM_ROLES.has(constant.role)) continue;
      const tokenizer = await ctx.tokenizer(ctx.options.defaultModel);
      const usdOf = (tokens: number): number | null => constantUsdPerMonth(constant, tokens, ctx.options);
      const compression = await compressPromptFix(ctx.source, constant, tokenizer, usdOf, ctx.memo, ctx.options.compressionStyle);
      const where = `${defaultVolume(ctx.options)}; no call in this file uses it`;
      const finding = judge(ctx.settings, constant.tokens, compression, usdOf(constant.tokens.tokens), where);
      if (finding) findings.push({ ...finding, range: constant.nameRange, constant });
    }
    return findings;
  },
});

function judge(
  s: SettingValues<typeof SETTINGS>,
  tokens: TokenFigure,
  compression: PromptCompression | null,
  monthly: number | null,
  where: string,
): Pick<Finding, 'message' | 'usdPerMonth' | 'fixes'> | null {
  const large = tokens.tokens > s.threshold;
  const padded = compression !== null && tokens.tokens >= s.minTokens && compression.saving >= s.minPaddingShare;
  if (!large && !padded) return null;
  const size = `System prompt is ${formatTokens(tokens)} tokens${large ? ` (threshold ${formatCount(s.threshold)})` : ''}, ${perMonth(monthly)} ${where}`;
  const saved = compression?.fix.preview?.usdPerMonthSaved ?? null;
  const advice = compression
    ? `compression removes ${percent(compression.saving)} (${formatCount(compression.tokensBefore)} → ${formatCount(compression.tokensAfter)} tokens, ${saved === null ? 'price unknown' : `saves ${perMonth(saved)}`})`
    : 'trim what the model does not need: every request pays for it again';
  return { message: `${size}; ${advice}.`, usdPerMonth: monthly, fixes: compression ? [compression.fix] : [] };
}
