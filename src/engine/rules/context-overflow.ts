import { formatCount, formatTokens } from '../format';
import { setMaxTokensFix } from './fixes/max-tokens';
import { perMonth, volumeOf } from './money';
import { defineRule, type Finding } from './rule';

/**
 * A request the API rejects: its input plus the output cap exceed the model's context window, or the cap exceeds the
 * model's maximum output. Limits come from the catalog (or a price override's contextWindow / maxOutput).
 */
export const contextOverflow = defineRule({
  id: 'context-overflow',
  description: "Input plus max tokens exceed the model's context window, or max tokens exceed its maximum output.",
  defaultSeverity: 'error',
  offersModelSwitch: false,
  settings: {},
  async check(ctx) {
    const findings: Finding[] = [];
    for (const call of ctx.calls) {
      const prices = ctx.prices(call.effectiveModel);
      if (!prices) continue;
      const cap = call.maxTokens?.value ?? null;
      const input = call.inputTokens.tokens;
      const model = prices.resolvedModel;
      const wasted = call.cost?.monthlyUsd ?? null;
      const consequence = `every request fails; the ${perMonth(wasted)} priced for it ${volumeOf(call)} buys no answer`;
      if (cap !== null && prices.maxOutput !== null && cap > prices.maxOutput) {
        const fix = setMaxTokensFix(ctx.source, call, Math.min(prices.maxOutput, prices.contextWindow === null ? Infinity : prices.contextWindow - input), {
          safe: true,
          reason: `${model}'s maximum`,
          calls: ctx.calls,
        });
        findings.push({
          range: call.maxTokens!.range,
          message: `${call.maxTokens!.key}=${formatCount(cap)} exceeds ${model}'s maximum output of ${formatCount(prices.maxOutput)} tokens: ${consequence}.`,
          usdPerMonth: wasted,
          fixes: fix ? [fix] : [],
          call,
        });
        continue;
      }
      const window = prices.contextWindow;
      if (window === null || input + (cap ?? 0) <= window) continue;
      const inputFits = input < window;
      const fix = cap !== null && inputFits ? setMaxTokensFix(ctx.source, call, window - input, { safe: true, reason: 'what the context window leaves', calls: ctx.calls }) : null;
      const what =
        cap !== null
          ? `input (${formatTokens(call.inputTokens)} tokens) plus ${call.maxTokens!.key} (${formatCount(cap)}) is ${formatCount(input + cap)} tokens`
          : `input is ${formatTokens(call.inputTokens)} tokens`;
      findings.push({
        range: cap !== null && inputFits ? call.maxTokens!.range : call.nameRange,
        message: `${what}, over ${model}'s context window of ${formatCount(window)}: ${consequence}.`,
        usdPerMonth: wasted,
        fixes: fix ? [fix] : [],
        call,
      });
    }
    return findings;
  },
});
