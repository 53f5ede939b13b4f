import { formatCount } from '../format';
import type { AuditedPrompt } from '../model';
import { rulesFor } from '../price';
import { cacheHitShare, minCacheableTokens } from './cache';
import { dynamicLayout } from './dynamic';
import { moveDynamicToEndFix } from './fixes/move-dynamic';
import { callRates, perMonth, requestsPerMonth, volumeOf } from './money';
import { defineRule, type Finding } from './rule';

/** Providers' system prompts go first in the request whatever the argument order; chat messages follow in order. */
function requestOrder(prompts: readonly AuditedPrompt[], provider: string): AuditedPrompt[] {
  if (provider !== 'anthropic' && provider !== 'google') return [...prompts];
  return [...prompts.filter((p) => p.role === 'system'), ...prompts.filter((p) => p.role !== 'system')];
}

/**
 * A large prompt that begins with something dynamic (an interpolation before the static bulk): providers cache
 * request prefixes only, so a prefix that changes every time never hits and the static bulk is paid in full on every
 * request. OpenAI and DeepSeek cache automatically from 1,024 tokens, Anthropic where `cache_control` marks it,
 * Gemini implicitly. Seed article: put the system prompt first (prefix matching); caching bills cached input 50-90% less.
 */
export const cacheUnfriendlyPrefix = defineRule({
  id: 'cache-unfriendly-prefix',
  description: 'A cacheable-size prompt whose beginning is dynamic, so prefix caching can never hit.',
  defaultSeverity: 'warning',
  offersModelSwitch: false,
  settings: {
    ttlSeconds: { default: 300, min: 1, description: 'Cache lifetime used for the hit-rate estimate (5 minutes at most providers).' },
    minTokens: { default: 0, min: 0, description: "Minimum cacheable size; 0 uses the model's own minimum (1,024 for most models)." },
  },
  async check(ctx) {
    const findings: Finding[] = [];
    for (const call of ctx.calls) {
      const provider = ctx.providerOf(call);
      const prices = ctx.prices(call.effectiveModel);
      const rates = callRates(call, ctx.options);
      // No cache discount known for this model: nothing is lost (unknown prices are still reported).
      if (prices && rates && prices.cacheRead === null && rulesFor(provider).cacheReadShare >= 1) continue;
      const minimum = ctx.settings.minTokens || minCacheableTokens(call.effectiveModel, provider);
      const tokenizer = await ctx.tokenizer(call.effectiveModel);
      let staticBefore = 0;
      const ordered = requestOrder(call.prompts, provider);
      for (const [index, prompt] of ordered.entries()) {
        const layout = dynamicLayout(ctx.source, prompt);
        if (!layout) break;
        if (layout.firstDynamic === null) {
          staticBefore += prompt.tokens.tokens;
          continue;
        }
        const head = prompt.text.slice(0, layout.firstDynamic);
        const staticHead = staticBefore + (head ? await tokenizer.count(head) : 0);
        // Static text after the first dynamic span (later spans' own text excluded)...
        let rest = '';
        let pos = layout.firstDynamic;
        for (const [s, e] of layout.spans) {
          if (s > pos) rest += prompt.text.slice(pos, s);
          pos = Math.max(pos, e);
        }
        rest += prompt.text.slice(pos);
        let staticAfter = rest.trim() ? await tokenizer.count(rest) : 0;
        // ...and the static messages sent after it, up to the next dynamic one (a dated system message before the handbook).
        for (const next of ordered.slice(index + 1)) {
          const nextLayout = dynamicLayout(ctx.source, next);
          if (!nextLayout) break;
          if (nextLayout.firstDynamic === null) {
            staticAfter += next.tokens.tokens;
            continue;
          }
          const nextHead = next.text.slice(0, nextLayout.firstDynamic);
          if (nextHead.trim()) staticAfter += await tokenizer.count(nextHead);
          break;
        }
        if (staticHead < minimum && staticAfter >= minimum) {
          const hits = cacheHitShare(call.requestsPerDay, ctx.settings.ttlSeconds);
          const saving = rates === null ? null : ((staticAfter * (rates.input - rates.cachedInput)) / 1e6) * hits * requestsPerMonth(call, ctx.options);
          const fix = moveDynamicToEndFix(ctx.source, prompt);
          const marker = provider === 'anthropic' ? ' (with cache_control on it)' : '';
          const dynamicText = prompt.text.slice(layout.firstDynamic, layout.spans[0]![1]);
          findings.push({
            range: prompt.range,
            message:
              `This prompt starts with dynamic content (${JSON.stringify(clip(dynamicText))} after ${formatCount(staticHead)} static tokens) before ` +
              `${formatCount(staticAfter)} static tokens, so prefix caching (from ${formatCount(minimum)} tokens) never hits. ` +
              `With the static part first${marker}, caching would save about ${perMonth(saving)} ${volumeOf(call)}. ` +
              (fix ? 'The fix moves the dynamic opening to the end.' : 'Move the dynamic part after the static text (e.g. into the user message).'),
            usdPerMonth: saving,
            fixes: fix ? [fix] : [],
            call,
          });
        }
        break;
      }
    }
    return findings;
  },
});

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
