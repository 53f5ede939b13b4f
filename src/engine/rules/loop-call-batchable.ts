import { formatCount } from '../format';
import type { AuditedCall } from '../model';
import { rulesFor } from '../price';
import { inputUsdPerMonth, perMonth, volumeOf } from './money';
import { defineRule, type Finding } from './rule';
import type { SourceText } from './source';

const LOOP_WORDS: Record<string, string> = {
  for: 'a for loop',
  while: 'a while loop',
  comprehension: 'a comprehension',
  map: 'a map callback',
  forEach: 'a forEach callback',
  gather: 'a gather / Promise.all over items',
};

/** Each provider's name for its batch interface. */
const BATCH_APIS: Record<string, string> = {
  openai: "OpenAI's Batch API",
  anthropic: "Anthropic's Message Batches API",
  google: "Gemini's Batch Mode",
};

/** A loop that repeats the same request on failure, not one that walks data: `for attempt in range(3)`. */
function isRetryLoop(source: SourceText, call: AuditedCall): boolean {
  const loop = call.loop!;
  const header = source.lineText(loop.range.start.line).slice(loop.range.start.character);
  return /\b(?:attempts?|retry|retries|tries|try_count|backoff)\b/i.test(header) || /\bin\s+range\(\s*[1-5]\s*\)/.test(header);
}

/**
 * One request per item inside a loop over data. Work that need not answer at once can go through the provider's Batch
 * API (50% off input and output at OpenAI, Anthropic and Google), or several items can share one request so the
 * fixed part (system prompt, examples) is paid once. Seed articles: "5 questions, 1 call"; Batch APIs 50%.
 */
export const loopCallBatchable = defineRule({
  id: 'loop-call-batchable',
  description: 'An LLM call inside a loop, comprehension, map or forEach over data.',
  defaultSeverity: 'warning',
  offersModelSwitch: false,
  settings: {
    loopKinds: {
      default: ['for', 'comprehension', 'map', 'forEach', 'gather'],
      description: 'Loop kinds that count (for, while, comprehension, map, forEach, gather); while loops are mostly chat or polling loops.',
    },
    itemsPerRequest: { default: 5, min: 2, description: 'Items per request assumed for the "several questions per request" saving.' },
  },
  async check(ctx) {
    const kinds = new Set(ctx.settings.loopKinds);
    const findings: Finding[] = [];
    for (const call of ctx.calls) {
      if (!call.loop || !kinds.has(call.loop.kind) || isRetryLoop(ctx.source, call)) continue;
      const provider = ctx.providerOf(call);
      const batch = rulesFor(provider).batchMultiplier;
      const monthly = call.cost?.monthlyUsd ?? null;
      const where = LOOP_WORDS[call.loop.kind] ?? 'a loop';
      // Grouping k items per request pays the fixed prompts once per k items instead of k times.
      const fixed = call.prompts.filter((p) => !p.templated).reduce((n, p) => n + p.tokens.tokens, 0);
      const k = ctx.settings.itemsPerRequest;
      const fixedMonthly = inputUsdPerMonth(call, fixed, ctx.options);
      const grouped = fixedMonthly === null ? null : fixedMonthly * (1 - 1 / k);
      let message: string;
      let stake: number | null;
      if (batch !== null) {
        stake = monthly === null ? null : monthly * (1 - batch);
        message =
          `Called once per item inside ${where} (${perMonth(monthly)} ${volumeOf(call)}). If the results can wait, ${BATCH_APIS[provider] ?? `the ${provider} batch API`} ` +
          `bills ${Math.round((1 - batch) * 100)}% less: saves ${perMonth(stake)}.` +
          (fixed > 0 ? ` Or ask about ${k} items per request: the ${formatCount(fixed)} fixed prompt tokens are then paid once per ${k} (saves ${perMonth(grouped)}).` : '');
      } else {
        stake = fixed > 0 ? grouped : null;
        message =
          `Called once per item inside ${where} (${perMonth(monthly)} ${volumeOf(call)}); ${provider} has no batch discount. ` +
          (fixed > 0
            ? `Ask about ${k} items per request: the ${formatCount(fixed)} fixed prompt tokens are then paid once per ${k} (saves ${perMonth(grouped)}).`
            : `Ask about several items per request to pay the request overhead once.`);
      }
      findings.push({ range: call.nameRange, message, usdPerMonth: stake, fixes: [], call });
    }
    return findings;
  },
});
