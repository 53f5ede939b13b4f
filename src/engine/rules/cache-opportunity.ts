import { formatCount, formatTokens } from '../format';
import type { AuditedCall, AuditedPrompt } from '../model';
import { cacheHitShare, cachingSavingPerMonth, minCacheableTokens } from './cache';
import { commentStart } from './fixes/arguments';
import { addCacheControlFix } from './fixes/cache-control';
import { percent, perMonth, volumeOf } from './money';
import { defineRule, type Finding } from './rule';

/**
 * An Anthropic request whose static system prompt is big enough to cache but carries no `cache_control`: Anthropic
 * caches only what is marked. A cache read bills 0.1x input and a write 1.25x (5-minute lifetime, refreshed on each
 * hit), so at a steady volume most requests read the prompt at a tenth of its price. Seed article: Anthropic 90% off
 * cached reads, +25% writes, minimum 1,024 tokens.
 */
export const cacheOpportunity = defineRule({
  id: 'cache-opportunity',
  description: 'An Anthropic call whose static system prompt could be cached but has no cache_control.',
  defaultSeverity: 'warning',
  offersModelSwitch: false,
  settings: {
    ttlSeconds: { default: 300, min: 1, description: 'Cache lifetime used for the hit-rate estimate (Anthropic default: 5 minutes).' },
    minTokens: { default: 0, min: 0, description: "Minimum cacheable size; 0 uses the model's own minimum (1,024 for most Claude models)." },
  },
  async check(ctx) {
    const findings: Finding[] = [];
    for (const call of ctx.calls) {
      if (call.cacheControl || ctx.providerOf(call) !== 'anthropic') continue;
      // A breakpoint set where extraction does not read (Vercel `providerOptions`, `tools`): the call caches already.
      if (Object.values(call.args).some((range) => /cache_?control/i.test(withoutComments(ctx.source.slice(range), ctx.source.isPython)))) continue;
      const system = call.prompts.filter((p) => p.role === 'system');
      if (system.length === 0 || system.some((p) => p.templated)) continue;
      const tokens = system.reduce((n, p) => n + p.tokens.tokens, 0);
      const minimum = ctx.settings.minTokens || minCacheableTokens(call.effectiveModel, 'anthropic');
      if (tokens < minimum) continue;
      const saving = cachingSavingPerMonth(call, tokens, ctx.options, ctx.settings.ttlSeconds, { explicitWrites: true });
      // Too few requests within the cache lifetime: writes would cost more than the hits save.
      if (saving !== null && saving <= 0) continue;
      const hits = cacheHitShare(call.requestsPerDay, ctx.settings.ttlSeconds);
      const title = `Add cache_control to the system prompt (${saving === null ? 'price unknown' : `saves ${perMonth(saving)}`})`;
      // The fix edits the `system` argument of the Anthropic SDK; other SDKs mark the cache their own way.
      const fix = call.provider === 'anthropic' ? addCacheControlFix(ctx.source, call, system, true, title) : null;
      findings.push({
        range: rangeOf(call, system),
        message:
          `Static system prompt of ${formatTokens({ ...system[0]!.tokens, tokens })} tokens is sent without cache_control ` +
          `(Anthropic caches from ${formatCount(minimum)} tokens). Cached, it bills 0.1x on a hit and 1.25x on a write; ` +
          `with about ${percent(hits)} hits ${volumeOf(call)} that saves ${perMonth(saving)}.`,
        usdPerMonth: saving,
        fixes: fix ? [{ ...fix, preview: { usdPerMonthSaved: saving } }] : [],
        call,
      });
    }
    return findings;
  },
});

function rangeOf(call: AuditedCall, system: readonly AuditedPrompt[]) {
  return call.args['system'] ?? system[0]!.range;
}

/** Code without its line comments (`# TODO: add cache_control` does not mark a breakpoint). */
function withoutComments(code: string, python: boolean): string {
  return code
    .split('\n')
    .map((line) => line.slice(0, commentStart(line, python)))
    .join('\n');
}
