import { staticParts } from '../extract/holes';
import { formatCount } from '../format';
import type { AuditedCall } from '../model';
import { rulesFor } from '../price';
import { inputUsdPerMonth, perMonth, volumeOf } from './money';
import { dynamicLayout } from './dynamic';
import { defineRule, type Finding, type RuleContext } from './rule';
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

/** Words of a retry counter or bound: `attempt`, `MAX_RETRIES`, `self.max_retries`, `maxAttempts`, `tries`, `backoff`. */
const RETRY_WORD = /^(?:attempts?|retry|retries|retrying|tries|backoff)$/i;

/** The words of the identifiers in a piece of code: `MAX_RETRIES` -> max, retries; `maxAttempts` -> max, attempts. */
function identifierWords(code: string): string[] {
  return (code.match(/[A-Za-z_$][\w$]*/g) ?? []).flatMap((id) => id.replace(/([a-z0-9])([A-Z])/g, '$1_$2').split(/[_$]+/).filter(Boolean));
}

/**
 * A loop that repeats the same request on failure, not one that walks data: its header counts attempts
 * (`for attempt in range(3)`, `for _ in range(self.max_retries)`, `i < MAX_RETRIES`) or runs a handful of times
 * (`range(3)`, `i < 3`), or the call sits in a `try` inside the loop and its success leaves the loop (`return` /
 * `break` before the `except` / `catch`): a retry or fallback loop, which a batch would not replace.
 */
function isRetryLoop(source: SourceText, call: AuditedCall): boolean {
  const loop = call.loop!;
  const header = source.lineText(loop.range.start.line).slice(loop.range.start.character);
  if (identifierWords(header).some((w) => RETRY_WORD.test(w))) return true;
  if (/\bin\s+range\(\s*(?:\d+\s*,\s*)?[1-5]\s*\)/.test(header) || /;\s*[\w$.]+\s*<=?\s*[1-5]\s*;/.test(header)) return true;
  // What runs inside the loop: the call, or the same-file function that makes it (`via`).
  const inLoop = loop.via?.range ?? call.range;
  const start = loop.range.startOffset;
  const before = source.text.slice(start, inLoop.startOffset);
  if (!/\btry\s*[:{]/.test(before)) return false;
  if (/\breturn\s+(?:await\s+)?$/.test(before)) return true;
  const after = source.text.slice(inLoop.endOffset, loop.range.endOffset);
  const handler = after.search(/\b(?:except|catch)\b/);
  return handler > 0 && /\b(?:return|break)\b/.test(after.slice(0, handler));
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
      const via = call.loop.via;
      const where = (LOOP_WORDS[call.loop.kind] ?? 'a loop') + (via ? `, through ${via.name}() called there on line ${via.range.start.line + 1}` : '');
      // Grouping k items per request pays the fixed part once per k items instead of k times.
      const fixed = await fixedTokens(ctx, call);
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
            : `Ask about several items per request to pay the request overhead once (saving unknown: no fixed part of the request could be read).`);
      }
      findings.push({ range: call.nameRange, message, usdPerMonth: stake, fixes: [], call });
    }
    return findings;
  },
});

/**
 * Tokens of the request that do not change from item to item: static prompts, the static text of templated ones
 * (the instruction around `{item}`), and the chat framing. Grouping items pays them once per group.
 */
async function fixedTokens(ctx: RuleContext, call: AuditedCall): Promise<number> {
  const tokenizer = await ctx.tokenizer(call.effectiveModel);
  let fixed = 0;
  for (const p of call.prompts) {
    if (!p.templated) {
      fixed += p.tokens.tokens;
      continue;
    }
    const layout = dynamicLayout(ctx.source, p);
    if (!layout) continue;
    const text = staticParts(p.text, layout.spans.map(([start, end]) => ({ start, end }))).join('');
    if (text.trim()) fixed += await tokenizer.count(text);
  }
  const framing = call.inputTokens.tokens - call.prompts.reduce((n, p) => n + p.tokens.tokens, 0);
  return fixed + (call.prompts.length > 0 ? Math.max(0, framing) : 0);
}
