import { formatCount, formatTokens } from '../format';
import type { AuditedCall, AuditedPrompt, TokenFigure } from '../model';
import inflation from './data/inflation.json';
import { constantUsdPerMonth, defaultVolume, inputUsdPerMonth, perMonth, sumUsd, unsentConstants, volumeOf } from './money';
import { defineRule, type Finding } from './rule';
import { SCRIPT_NAMES, dominantScript, type ScriptLanguage } from './scripts';

type Ratios = Partial<Record<ScriptLanguage, number>>;
const MEASURED = inflation.tokenizers as Record<string, { ratios: Ratios }>;

/**
 * The measured ratio of `language` on a tokenizer (scripts/measure-inflation.ts over a parallel corpus). A tokenizer
 * standing in for another (`o200k_base (≈)`, `claude (≈ o200k_base)`) counts with o200k_base, so it has its ratio.
 */
export function inflationRatio(tokenizer: string, language: ScriptLanguage): number | null {
  const exact = MEASURED[tokenizer]?.ratios[language];
  if (exact !== undefined) return exact;
  const base = /o200k_base|cl100k_base/.exec(tokenizer)?.[0];
  return base ? (MEASURED[base]?.ratios[language] ?? null) : null;
}

const SKIPPED_ROLES = new Set(['assistant']);

/**
 * A prompt written mostly in Korean (or another non-Latin script) pays more tokens than the same instructions in
 * English, by a ratio that depends on the tokenizer (measured here: o200k 1.35x, cl100k 2.04x for Korean). Seed
 * article: Korean costs 1.5-2x the tokens of English; write instructions in English and keep domain terms in Korean.
 */
export const nonEnglishInflation = defineRule({
  id: 'non-english-inflation',
  description: "A prompt mostly in Korean (or another non-Latin script): its tokens against an English equivalent on this model's tokenizer.",
  defaultSeverity: 'info',
  offersModelSwitch: false,
  settings: {
    minShare: { default: 0.5, min: 0, max: 1, description: 'Share of the letters that must be non-Latin.' },
    minTokens: { default: 20, min: 0, description: 'Shorter prompts are not flagged (too little at stake).' },
    minRatio: { default: 1.2, min: 1, description: "Tokenizers whose measured ratio for the language is below this are not flagged (nothing to gain)." },
  },
  async check(ctx) {
    const s = ctx.settings;
    const findings: Finding[] = [];
    const judge = (text: string, tokens: TokenFigure, monthly: (t: number) => number | null, where: string): Pick<Finding, 'message' | 'usdPerMonth'> | null => {
      if (tokens.tokens < s.minTokens) return null;
      const script = dominantScript(text);
      if (!script || script.nonLatinShare < s.minShare) return null;
      const name = SCRIPT_NAMES[script.language];
      const ratio = inflationRatio(tokens.tokenizer, script.language);
      const hint = `instructions in English with domain terms in ${script.language === 'ko' ? 'Korean' : 'the original language'}`;
      if (ratio === null) {
        return {
          message: `Prompt is mostly in ${name} (${formatTokens(tokens)} tokens on ${tokens.tokenizer}); non-Latin scripts usually take more tokens than English. Consider ${hint}.`,
          usdPerMonth: null,
        };
      }
      if (ratio < s.minRatio) return null;
      const english = Math.round(tokens.tokens / ratio);
      const saving = monthly(tokens.tokens - english);
      return {
        message:
          `Prompt is mostly ${name}: ${formatTokens(tokens)} tokens on ${tokens.tokenizer}, about ${ratio.toFixed(2)}x the same instructions in English ` +
          `(~${formatCount(english)} tokens). Writing the ${hint} would save about ${perMonth(saving)} ${where}.`,
        usdPerMonth: saving,
      };
    };

    const groups = new Map<string, { prompt: AuditedPrompt; calls: AuditedCall[] }>();
    for (const call of ctx.calls) {
      for (const prompt of call.prompts) {
        if (SKIPPED_ROLES.has(prompt.role)) continue;
        const key = `${prompt.range.startOffset}:${prompt.range.endOffset}`;
        const group = groups.get(key);
        if (group) group.calls.push(call);
        else groups.set(key, { prompt, calls: [call] });
      }
    }
    for (const { prompt, calls } of groups.values()) {
      const monthly = (t: number): number | null => sumUsd(calls.map((c) => inputUsdPerMonth(c, t, ctx.options)));
      const found = judge(prompt.text, prompt.tokens, monthly, volumeOf(calls[0]!));
      if (found) findings.push({ ...found, range: prompt.range, fixes: [], call: calls[0], calls });
    }
    for (const constant of unsentConstants(ctx.calls, ctx.prompts)) {
      const found = judge(constant.text, constant.tokens, (t) => constantUsdPerMonth(constant, t, ctx.options), defaultVolume(ctx.options));
      if (found) findings.push({ ...found, range: constant.nameRange, fixes: [], constant });
    }
    return findings;
  },
});
