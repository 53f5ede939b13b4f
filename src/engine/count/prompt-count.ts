import type { Accuracy, PromptRole, Provider, TokenFigure } from '../model';
import type { AuditOptions } from '../options';
import { CLAUDE_FRAMING } from './families/claude';
import { DEEPSEEK_FRAMING } from './families/deepseek';
import { GEMINI_FRAMING } from './families/gemini';
import { OPENAI_CHAT_FRAMING } from './openai-encodings';
import { FALLBACK_TOKENIZER_NAME } from './registry';
import type { ChatFraming, Tokenizer } from './tokenizer';

const RANK: Record<Accuracy, number> = { exact: 0, 'near-exact': 1, approximate: 2 };

/** The least trustworthy of several accuracies. */
export function worstAccuracy(...accuracies: Accuracy[]): Accuracy {
  return accuracies.reduce<Accuracy>((worst, a) => (RANK[a] > RANK[worst] ? a : worst), 'exact');
}

/**
 * Token figure of one prompt. `text` is the evaluated text, or the literal parts of a templated prompt (placeholders
 * removed: each part is counted on its own, as a placeholder separates them). Each placeholder adds
 * `options.placeholderTokens`, and a templated figure is a lower bound.
 */
export async function countPrompt(
  text: string | readonly string[],
  templated: boolean,
  placeholderCount: number,
  tokenizer: Tokenizer,
  options: Pick<AuditOptions, 'placeholderTokens'>,
): Promise<TokenFigure> {
  const parts = typeof text === 'string' ? [text] : text;
  let tokens = 0;
  for (const part of parts) tokens += await tokenizer.count(part);
  return promptFigure(tokens, templated, placeholderCount, tokenizer, options);
}

/** The same without waiting, when every part is answerable synchronously (see Tokenizer.countSync); else null. */
export function countPromptSync(
  text: string | readonly string[],
  templated: boolean,
  placeholderCount: number,
  tokenizer: Tokenizer,
  options: Pick<AuditOptions, 'placeholderTokens'>,
): TokenFigure | null {
  const parts = typeof text === 'string' ? [text] : text;
  let tokens = 0;
  for (const part of parts) {
    const n = tokenizer.countSync(part);
    if (n === null) return null;
    tokens += n;
  }
  return promptFigure(tokens, templated, placeholderCount, tokenizer, options);
}

function promptFigure(tokens: number, templated: boolean, placeholderCount: number, tokenizer: Tokenizer, options: Pick<AuditOptions, 'placeholderTokens'>): TokenFigure {
  return {
    tokens: tokens + (templated ? Math.max(0, placeholderCount) * Math.max(0, options.placeholderTokens) : 0),
    accuracy: tokenizer.accuracy,
    tokenizer: tokenizer.name,
    lowerBound: templated,
  };
}

/** Framing of the provider's own API, used when the model's tokenizer is the unknown-model stand-in. */
const PROVIDER_FRAMING: Partial<Record<Provider, ChatFraming>> = {
  openai: OPENAI_CHAT_FRAMING,
  anthropic: CLAUDE_FRAMING,
  google: GEMINI_FRAMING,
  deepseek: DEEPSEEK_FRAMING,
};

export function framingFor(provider: Provider, tokenizer: Tokenizer): ChatFraming {
  if (tokenizer.name === FALLBACK_TOKENIZER_NAME) return PROVIDER_FRAMING[provider] ?? tokenizer.framing;
  return tokenizer.framing;
}

/**
 * Billed input tokens of one request: its prompts (already counted, in message order) plus the chat framing of the
 * API, so the figure matches the input tokens the provider's usage reports for the same request.
 */
export function requestInputTokens(
  provider: Provider,
  prompts: readonly { role: PromptRole; tokens: TokenFigure }[],
  tokenizer: Tokenizer,
): TokenFigure {
  const framing = framingFor(provider, tokenizer);
  let tokens = prompts.length > 0 ? framing.perRequest : 0;
  for (const p of prompts) tokens += p.tokens.tokens + (framing.perRole?.[p.role] ?? framing.perMessage);
  return {
    tokens,
    accuracy: worstAccuracy(tokenizer.accuracy, ...prompts.map((p) => p.tokens.accuracy)),
    tokenizer: tokenizer.name,
    lowerBound: prompts.some((p) => p.tokens.lowerBound),
  };
}
