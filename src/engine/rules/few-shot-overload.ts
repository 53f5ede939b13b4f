import { formatCount } from '../format';
import type { AuditedCall, AuditedPrompt, Range } from '../model';
import { messageExamples, textExamples } from './examples';
import { constantUsdPerMonth, defaultVolume, inputUsdPerMonth, perMonth, unsentConstants, volumeOf } from './money';
import { defineRule, type Finding } from './rule';

/**
 * More few-shot examples than a task needs: each one is paid on every request. Seed article: test with 1-2 examples
 * first; more than 5 is rarely needed.
 */
export const fewShotOverload = defineRule({
  id: 'few-shot-overload',
  description: 'More than 5 few-shot example pairs in a request.',
  defaultSeverity: 'warning',
  offersModelSwitch: true,
  settings: {
    threshold: { default: 5, min: 0, description: 'Requests with more example pairs than this are flagged.' },
  },
  async check(ctx) {
    const limit = ctx.settings.threshold;
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const call of ctx.calls) {
      const tokenizer = await ctx.tokenizer(call.effectiveModel);
      let best: { count: number; tokens: number; range: Range } | null = null;
      const turns = messageExamples(call.prompts);
      if (turns.count > limit) {
        best = { count: turns.count, tokens: sumTokens(turns.prompts), range: spanOf(turns.prompts) };
      }
      for (const prompt of call.prompts) {
        const found = textExamples(prompt.text);
        if (!found || found.count <= limit || (best && best.count >= found.count)) continue;
        best = { count: found.count, tokens: await tokenizer.count(prompt.text.slice(found.span[0], found.span[1])), range: prompt.range };
      }
      if (!best) continue;
      const key = `${best.range.startOffset}:${best.range.endOffset}:${call.range.startOffset}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(finding(call, best, limit, inputUsdPerMonth(call, best.tokens, ctx.options)));
    }
    // Prompt constants no call in this file sends (a prompts module): priced on the default model at the default volume.
    for (const constant of unsentConstants(ctx.calls, ctx.prompts)) {
      const found = textExamples(constant.text);
      if (!found || found.count <= limit) continue;
      const tokenizer = await ctx.tokenizer(ctx.options.defaultModel);
      const tokens = await tokenizer.count(constant.text.slice(found.span[0], found.span[1]));
      const monthly = constantUsdPerMonth(constant, tokens, ctx.options);
      const extra = monthly === null ? null : (monthly * (found.count - limit)) / found.count;
      findings.push({
        range: constant.nameRange,
        message:
          `${found.count} few-shot examples (${formatCount(tokens)} tokens, ${perMonth(monthly)} ${defaultVolume(ctx.options)}); more than ${limit} is rarely needed: keeping ${limit} saves about ${perMonth(extra)}. Try 1-2 first.`,
        usdPerMonth: extra,
        fixes: [],
        constant,
      });
    }
    return findings;
  },
});

function finding(call: AuditedCall, ex: { count: number; tokens: number; range: Range }, limit: number, monthly: number | null): Finding {
  const extraShare = (ex.count - limit) / ex.count;
  const extra = monthly === null ? null : monthly * extraShare;
  return {
    range: ex.range,
    message:
      `${ex.count} few-shot examples (${formatCount(ex.tokens)} tokens, ${perMonth(monthly)} ${volumeOf(call)}); ` +
      `more than ${limit} is rarely needed: keeping ${limit} saves about ${perMonth(extra)}. Try 1-2 first.`,
    usdPerMonth: extra,
    fixes: [],
    call,
  };
}

function sumTokens(prompts: readonly AuditedPrompt[]): number {
  return prompts.reduce((n, p) => n + p.tokens.tokens, 0);
}

/** From the first example turn to the last. */
function spanOf(prompts: readonly AuditedPrompt[]): Range {
  const sorted = [...prompts].sort((a, b) => a.range.startOffset - b.range.startOffset);
  const first = sorted[0]!.range;
  const last = sorted.reduce((r, p) => (p.range.endOffset > r.endOffset ? p.range : r), first);
  return { start: first.start, end: last.end, startOffset: first.startOffset, endOffset: last.endOffset };
}
