import { formatCount } from '../format';
import type { AuditedCall } from '../model';
import { isReasoningModel, setMaxTokensFix } from './fixes/max-tokens';
import { outputUsdPerMonth, perMonth, sumUsd, volumeOf } from './money';
import { defineRule, type Finding } from './rule';
import { shortTaskOf } from './tasks';

/**
 * An output cap far above what the task needs. Output is the dearest token (4-5x input), and a cap is the worst case
 * the call can bill. Seed article: max_tokens 4096 -> 256 for ordinary answers, 1-10 for classification.
 */
export const highMaxTokens = defineRule({
  id: 'high-max-tokens',
  description: 'An output cap far above what the task needs (above a threshold, or a short-answer task with a large cap).',
  defaultSeverity: 'warning',
  offersModelSwitch: true,
  settings: {
    threshold: { default: 1024, min: 1, description: 'Caps above this many tokens are flagged for any task; the fix suggests this value.' },
    shortTaskThreshold: {
      default: 100,
      min: 1,
      description: 'Caps above this are flagged when the prompt asks for a label, a yes/no, one word or one extracted field.',
    },
    classificationCap: { default: 10, min: 1, description: 'Cap suggested for classification and one-word answers (seed article: 1-10).' },
    extractionCap: { default: 100, min: 1, description: 'Cap suggested for extracting one field.' },
  },
  async check(ctx) {
    const s = ctx.settings;
    // Calls sharing one cap (a constant, a configured model object) get one finding at the cap.
    const byCap = new Map<number, { calls: AuditedCall[]; suggested: number; why: string }>();
    for (const call of ctx.calls) {
      const cap = call.maxTokens?.value;
      if (cap == null || !call.maxTokens) continue;
      // Reasoning models spend the cap on hidden reasoning too; Anthropic's extended thinking needs max_tokens above its budget.
      if (isReasoningModel(call.effectiveModel) || 'thinking' in call.args) continue;
      // A cap above the model's maximum is rejected by the API: context-overflow reports that.
      const limit = ctx.prices(call.effectiveModel)?.maxOutput ?? null;
      if (limit !== null && cap > limit) continue;
      const task = shortTaskOf(call);
      let suggested: number | null = null;
      let why = '';
      if (task && cap > s.shortTaskThreshold) {
        suggested = task.kind === 'extraction' ? s.extractionCap : s.classificationCap;
        why = `the prompt asks for a short answer ("${task.phrase}")`;
      } else if (cap > s.threshold) {
        suggested = s.threshold;
        why = `above the ${formatCount(s.threshold)}-token threshold`;
      }
      if (suggested === null || suggested >= cap) continue;
      const key = call.maxTokens.range.startOffset;
      const group = byCap.get(key);
      if (group) group.calls.push(call);
      else byCap.set(key, { calls: [call], suggested, why });
    }
    const findings: Finding[] = [];
    for (const { calls, suggested, why } of byCap.values()) {
      const call = calls[0]!;
      const cap = call.maxTokens!.value!;
      const worst = sumUsd(calls.map((c) => outputUsdPerMonth(c, cap, ctx.options)));
      const atSuggested = sumUsd(calls.map((c) => outputUsdPerMonth(c, suggested, ctx.options)));
      const stake = worst === null || atSuggested === null ? null : worst - atSuggested;
      const shared = calls.length > 1 ? ` (${calls.length} calls use this cap)` : '';
      const money =
        stake === null
          ? 'price unknown'
          : `worst case ${perMonth(worst)} of output ${volumeOf(call)}${shared}, against ${perMonth(atSuggested)} at ${formatCount(suggested)}`;
      const fix = setMaxTokensFix(ctx.source, call, suggested, { safe: false, calls: ctx.calls });
      // A same-file constant other calls take their cap from too: no fix edits it (see setMaxTokensFix); say so.
      const sharedBy = ctx.calls.filter((c) => call.maxTokens!.literal && c.maxTokens?.literal?.startOffset === call.maxTokens!.literal.startOffset).length;
      const constant = sharedBy > 1 ? ` ${ctx.source.slice(call.maxTokens!.range).trim()} is shared by ${sharedBy} calls: lower it where it is defined if all of them can take ${formatCount(suggested)}, or give this call its own cap.` : '';
      findings.push({
        range: call.maxTokens!.range,
        message: `${call.maxTokens!.key}=${formatCount(cap)} is far above what this call needs (${why}): ${money}.${constant}`,
        usdPerMonth: stake,
        fixes: fix ? [{ ...fix, preview: { usdPerMonthSaved: stake } }] : [],
        call,
        calls,
      });
    }
    return findings;
  },
});
