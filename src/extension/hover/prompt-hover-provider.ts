import * as vscode from 'vscode';
import { formatCount, formatUsd, formatUsdPerMonth, PRICE_UNKNOWN } from '../../engine/format';
import type { AuditedCall, AuditedPrompt, AuditedPromptConstant, AuditResult, PromptLiteral } from '../../engine/model';
import type { SettingsStore } from '../config/settings-store';
import { rangeContains, toRange } from '../convert/ranges';
import type { DocumentIndex } from '../index/document-index';
import { accuracyWord, modelLabel, promptMonthlyUsd, promptShare, tokensText } from '../present/figures';
import type { UiTimings } from '../timing';

/** What the cursor is on: a prompt of a call, or a prompt constant (with the calls in this file that use it). */
type Target =
  | { kind: 'call-prompt'; prompt: AuditedPrompt; call: AuditedCall; literal: PromptLiteral | null }
  | { kind: 'constant'; constant: AuditedPromptConstant; usedBy: { prompt: AuditedPrompt; call: AuditedCall }[]; literal: PromptLiteral | null };

export function findPromptAt(result: AuditResult, offset: number): Target | null {
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

export function hoverMarkdown(target: Target, defaultModel: string): string {
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

/** Hover on a prompt string: tokens, role, share of the request, $ per month, exact/approximate, tokenizer. */
export class PromptHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly index: DocumentIndex,
    private readonly settings: SettingsStore,
    private readonly timings: UiTimings,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    return this.timings.measure('hover.provide', () => {
      const entry = this.index.get(document.uri);
      if (!entry || entry.version !== document.version) return undefined; // offsets of another version would point elsewhere
      const target = findPromptAt(entry.result, document.offsetAt(position));
      if (!target) return undefined;
      const markdown = new vscode.MarkdownString(hoverMarkdown(target, this.settings.get(document.uri).audit.defaultModel));
      const range = target.literal ? toRange(target.literal.range) : target.kind === 'constant' ? toRange(target.constant.nameRange) : toRange(target.prompt.range);
      return new vscode.Hover(markdown, range);
    });
  }
}
