import { formatCount, formatUsd, formatUsdPerMonth, PRICE_UNKNOWN } from '../../engine/format';
import type { AuditedCall, Range } from '../../engine/model';
import type { Alternative } from '../../engine/price';
import { accuracyWord, modelLabel, promptShare, tokensText } from './figures';

/** One row of a call's breakdown (a quick pick item, or a heading when `separator`). */
export interface BreakdownRow {
  label: string;
  description?: string;
  detail?: string;
  /** Where selecting the row goes. */
  range?: Range;
  separator?: boolean;
}

/** The rows of a call's breakdown: each prompt, the output bound, the price, the same request on comparable models. */
export function breakdownRows(call: AuditedCall, alternatives: Alternative[]): BreakdownRow[] {
  const rows: BreakdownRow[] = [{ label: 'Input', separator: true }];
  for (const prompt of call.prompts) {
    rows.push({
      label: `$(comment) ${prompt.role}${prompt.name ? ` · ${prompt.name}` : ''}`,
      description: `${tokensText(prompt.tokens)} · ${Math.round(promptShare(prompt, call) * 100)}% of the input`,
      detail: `${accuracyWord(prompt.tokens.accuracy)} · ${prompt.tokens.tokenizer}${prompt.templated ? ' · templated: a lower bound' : ''} — ${preview(prompt.text)}`,
      range: prompt.range,
    });
  }
  const promptTokens = call.prompts.reduce((sum, p) => sum + p.tokens.tokens, 0);
  const framing = call.inputTokens.tokens - promptTokens;
  if (framing > 0) rows.push({ label: '$(symbol-operator) chat framing', description: `${formatCount(framing)} tokens the API adds around the messages` });
  if (!call.argsResolved) rows.push({ label: '$(warning) some arguments could not be read', description: 'the input may be larger than shown' });
  rows.push({ label: `$(symbol-number) total input`, description: `${tokensText(call.inputTokens)} (${accuracyWord(call.inputTokens.accuracy)}, ${call.inputTokens.tokenizer})` });
  rows.push({ label: 'Output', separator: true });
  rows.push({
    label: `$(arrow-right) output bound`,
    description: call.outputTokens.assumed
      ? `${formatCount(call.outputTokens.tokens)} tokens assumed (no max tokens at the call; promptAuditor.expectedOutputTokens)`
      : `${formatCount(call.outputTokens.tokens)} tokens (${call.maxTokens?.key ?? 'max tokens'})`,
    range: call.maxTokens?.range,
  });
  rows.push({ label: 'Price', separator: true });
  const cost = call.cost;
  rows.push({
    label: `$(credit-card) ${modelLabel(call)}`,
    description:
      cost && cost.requestUsd !== null
        ? `${formatUsd(cost.requestUsd)}/request (input ${formatUsd(cost.inputUsd)}, output ${formatUsd(cost.outputUsd)}) · ${formatUsdPerMonth(cost.monthlyUsd)} at ${formatCount(call.requestsPerDay)}/day`
        : `${PRICE_UNKNOWN}: the model is not in the price catalog (add it under promptAuditor.priceOverrides)`,
    detail: cost ? `${cost.resolvedModel ? `priced as ${cost.resolvedModel} · ` : ''}${cost.priceSource}, ${cost.catalogDate}` : undefined,
  });
  if (alternatives.length > 0) {
    rows.push({ label: 'Same request on cheaper comparable models', separator: true });
    const perMonth = call.cost && call.cost.requestUsd ? (call.cost.monthlyUsd ?? 0) / call.cost.requestUsd : null;
    for (const alt of alternatives) {
      rows.push({
        label: `$(arrow-swap) ${alt.model}`,
        description: `${formatUsd(alt.requestUsd)}/request${perMonth !== null ? ` · ${formatUsdPerMonth(alt.requestUsd * perMonth)}` : ''} · ${Math.round(alt.saving * 100)}% less`,
        detail: `${alt.provider}${alt.sameProvider ? ' (same provider: swap the model id)' : ''} · ${alt.tier} tier — check quality on your own prompts before switching`,
        range: call.model?.range ?? undefined,
      });
    }
  } else if (call.cost && call.cost.requestUsd !== null) {
    rows.push({ label: '$(check) no cheaper model of the same tier in the catalog' });
  }
  return rows;
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}
