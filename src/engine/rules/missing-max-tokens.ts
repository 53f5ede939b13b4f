import { formatCount } from '../format';
import { addMaxTokensFix } from './fixes/max-tokens';
import { outputUsdPerMonth, perMonth, volumeOf } from './money';
import { defineRule, type Finding } from './rule';

/**
 * No output cap where the API allows unbounded output (up to the model's maximum): one runaway answer bills the
 * model's whole output limit. Anthropic's Messages API requires max_tokens (and LangChain's Claude models default
 * to a cap), so those never lack one.
 */
export const missingMaxTokens = defineRule({
  id: 'missing-max-tokens',
  description: 'No output cap on a call whose API allows unbounded output.',
  defaultSeverity: 'info',
  offersModelSwitch: false,
  settings: {
    suggestedCap: { default: 1024, min: 1, description: 'The cap the "add max tokens" fix writes.' },
  },
  async check(ctx) {
    const findings: Finding[] = [];
    for (const call of ctx.calls) {
      if (call.maxTokens || !call.argsResolved) continue;
      if (call.provider === 'anthropic' || ctx.providerOf(call) === 'anthropic') continue;
      const prices = ctx.prices(call.effectiveModel);
      const limit = prices?.maxOutput ?? null;
      const expected = call.outputTokens.tokens;
      const worst = limit === null ? null : outputUsdPerMonth(call, limit, ctx.options);
      const assumed = outputUsdPerMonth(call, expected, ctx.options);
      const stake = worst === null || assumed === null ? null : Math.max(0, worst - assumed);
      const bound =
        limit === null
          ? `up to the model's output limit`
          : `up to ${formatCount(limit)} tokens per answer (worst case ${perMonth(worst)} of output ${volumeOf(call)}, priced here at the expected ${formatCount(expected)}: ${perMonth(assumed)})`;
      const fix = addMaxTokensFix(ctx.source, call, ctx.settings.suggestedCap);
      findings.push({
        range: call.nameRange,
        message: `No output cap: an answer can run ${bound}. Set max tokens to what the task needs.`,
        usdPerMonth: stake,
        fixes: fix ? [fix] : [],
        call,
      });
    }
    return findings;
  },
});
