import { formatCount, formatUsd, formatUsdPerMonth, PRICE_UNKNOWN } from '../../engine/format';
import type { AuditedCall, AuditedPrompt, AuditedPromptConstant, AuditResult, PromptLiteral, Range } from '../../engine/model';
import { accuracyWord, modelLabel, promptMonthlyUsd, promptShare, tokensText } from './figures';

/** What the cursor is on: a prompt of a call, or a prompt constant (with the calls in this file that use it). */
export type PromptTarget =
  | { kind: 'call-prompt'; prompt: AuditedPrompt; call: AuditedCall; literal: PromptLiteral | null }
  | { kind: 'constant'; constant: AuditedPromptConstant; usedBy: { prompt: AuditedPrompt; call: AuditedCall }[]; literal: PromptLiteral | null };

/** Inclusive at both ends: a cursor right after a closing quote is still on the literal. */
export function rangeContains(range: Range, offset: number): boolean {
  return offset >= range.startOffset && offset <= range.endOffset;
}

/** The prompt under a document offset, if any. */
export function findPromptAt(result: AuditResult, offset: number): PromptTarget | null {
  // Literals first: the tightest match wins over a whole call's argument.
  for (const call of result.calls) {
    for (const prompt of call.prompts) {
      const literal = prompt.literals.find((l) => rangeContains(l.range, offset));
      if (literal) return { kind: 'call-prompt', prompt, call, literal };
    }
  }
  // Then the expression that supplies a prompt at the call (`system=PLAYBOOK`).
  for (const call of result.calls) {
    for (const prompt of call.prompts) if (rangeContains(prompt.range, offset)) return { kind: 'call-prompt', prompt, call, literal: null };
  }
  for (const constant of result.prompts) {
    const literal = constant.literals.find((l) => rangeContains(l.range, offset)) ?? null;
    if (literal || rangeContains(constant.nameRange, offset) || rangeContains(constant.range, offset)) {
      const usedBy = result.calls.flatMap((call) => call.prompts.filter((p) => p.name === constant.name).map((prompt) => ({ prompt, call })));
      return { kind: 'constant', constant, usedBy, literal };
    }
  }
  return null;
}

/** The range the hover covers: the literal under the cursor, else the constant's name or the prompt expression. */
export function targetRange(target: PromptTarget): Range {
  if (target.literal) return target.literal.range;
  return target.kind === 'constant' ? target.constant.nameRange : target.prompt.range;
}

const ROLE_LABEL: Record<AuditedPrompt['role'], string> = {
  system: 'System prompt',
  developer: 'Developer prompt',
  user: 'User prompt',
  assistant: 'Assistant message',
  example: 'Example',
};

function tokenLine(figure: AuditedPrompt['tokens']): string {
  const bound = figure.lowerBound ? ' — a lower bound: placeholders are filled at run time' : '';
  return `**Tokens:** ${tokensText(figure)} (${accuracyWord(figure.accuracy)}, \`${figure.tokenizer}\`)${bound}`;
}

function callLines(prompt: AuditedPrompt, call: AuditedCall): string[] {
  const share = promptShare(prompt, call);
  const monthly = promptMonthlyUsd(prompt, call);
  return [
    `**Share of request:** ${Math.round(share * 100)}% of ${formatCount(call.inputTokens.tokens)} input tokens`,
    monthly === null
      ? `**Cost:** ${PRICE_UNKNOWN} (${modelLabel(call)})`
      : `**Cost:** ${formatUsdPerMonth(monthly)} of the call's ${formatUsdPerMonth(call.cost?.monthlyUsd)} · ${modelLabel(call)} · ${formatCount(call.requestsPerDay)} requests/day`,
  ];
}

/** The hover's markdown: tokens, role, share of the request, $ per month, exact/approximate, tokenizer. */
export function hoverMarkdown(target: PromptTarget, defaultModel: string): string {
  const lines: string[] = [];
  if (target.kind === 'call-prompt') {
    const { prompt, call } = target;
    lines.push(`**Prompt Auditor** · ${ROLE_LABEL[prompt.role]}${prompt.name ? ` \`${prompt.name}\`` : ''} · \`${call.api}\``, '');
    lines.push(tokenLine(prompt.tokens), '', ...callLines(prompt, call).flatMap((l) => [l, '']));
  } else {
    const { constant, usedBy } = target;
    lines.push(`**Prompt Auditor** · ${ROLE_LABEL[constant.role]} \`${constant.name}\``, '');
    if (usedBy.length > 0) {
      // Each call counts the text with its own model's tokenizer.
      for (const { prompt, call } of usedBy) {
        lines.push(`Used by \`${call.api}\` on line ${call.nameRange.start.line + 1}:`, '', tokenLine(prompt.tokens), '', ...callLines(prompt, call).flatMap((l) => [l, '']));
      }
    } else {
      lines.push(tokenLine(constant.tokens), '');
      const per1000 = constant.costPer1000Usd === null ? PRICE_UNKNOWN : `${formatUsd(constant.costPer1000Usd)} per 1,000 uses`;
      lines.push(`**Cost:** ${per1000} as input on ${defaultModel} (the default model)`, '');
    }
  }
  return lines.join('\n').trimEnd();
}
