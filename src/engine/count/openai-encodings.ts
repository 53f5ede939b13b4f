/**
 * OpenAI's BPE encodings, through gpt-tokenizer's `countTokens` (measured fastest exact counter here: identical to
 * tiktoken, several times its throughput; see `npm run bench`). Each encoding is required on first use only, so a
 * cold start pays for the one it needs. Special-token text (`<|endoftext|>`) counts as ordinary text, as the API does.
 */
type Encoding = typeof import('gpt-tokenizer/cjs/encoding/o200k_base');

export type OpenAIEncodingName = 'o200k_base' | 'cl100k_base';

const ORDINARY = { disallowedSpecial: new Set<string>(), allowedSpecial: new Set<string>() };
const loaded: Partial<Record<OpenAIEncodingName, Encoding>> = {};

function encoding(name: OpenAIEncodingName): Encoding {
  // Literal require() calls so the bundler includes both encodings; they still run only when first asked for.
  return (loaded[name] ??=
    name === 'o200k_base'
      ? (require('gpt-tokenizer/cjs/encoding/o200k_base') as Encoding)
      : (require('gpt-tokenizer/cjs/encoding/cl100k_base') as Encoding));
}

/** Token count of raw text in an OpenAI encoding. */
export function countOpenAI(name: OpenAIEncodingName, text: string): number {
  return encoding(name).countTokens(text, ORDINARY);
}

/** Token ids (tests compare them with tiktoken's). */
export function encodeOpenAI(name: OpenAIEncodingName, text: string): number[] {
  return encoding(name).encode(text, ORDINARY);
}

export const OPENAI_CHAT_FRAMING = {
  // num_tokens_from_messages in OpenAI's cookbook "How to count tokens with tiktoken": every message is
  // <|start|>{role}<|message|>{content}<|end|> (3 tokens + the role's 1 token) and every reply is primed with
  // <|start|>assistant<|message|> (3 tokens).
  perMessage: 4,
  perRequest: 3,
  source: "OpenAI cookbook 'How to count tokens with tiktoken' (num_tokens_from_messages): 3 tokens per message + the role, 3 per reply",
};
