import type { Accuracy, PromptRole } from '../model';
import type { VocabularyFile } from './vocabularies';

/**
 * One tokenizer, whatever runs it: an in-thread BPE (OpenAI encodings) or a proxy to the counting worker (vocabularies
 * read from a published tokenizer.json). Counts are of raw text: no chat framing, and special-token text such as
 * `<|endoftext|>` counts as ordinary text wherever the provider's API does so.
 */
export interface Tokenizer {
  /** Shown next to every figure: `o200k_base`, `deepseek-v3`, `gemma3`, `claude (≈ o200k_base)`. */
  readonly name: string;
  readonly accuracy: Accuracy;
  /** Set when this tokenizer stands in for one that could not be loaded: why. */
  readonly note?: string;
  /** The chat framing of the API family this tokenizer serves (see framing.ts). */
  readonly framing: ChatFraming;
  /** Token count of `text`. Cached by content, so an unchanged string is never tokenized twice. */
  count(text: string): Promise<number>;
  /** The same count without waiting: always for in-thread tokenizers, on a cache hit for worker-backed ones; else null. */
  countSync(text: string): number | null;
}

/**
 * Tokens a chat API adds around the text of a request: per message (role markers, separators) and once per request
 * (begin-of-text, the assistant turn the reply is primed with). Each family documents where its numbers come from.
 */
export interface ChatFraming {
  /** Tokens added for every message (role markers and the role name, separators). */
  perMessage: number;
  /** Where a role is framed differently from `perMessage` (DeepSeek puts the system prompt right after BOS). */
  perRole?: Partial<Record<PromptRole, number>>;
  /** Tokens added once per request (begin-of-text, the primed assistant turn). */
  perRequest: number;
  /** Where the numbers come from. */
  source: string;
}

/** A family of models that share one tokenizer: one file under families/ and one line in registry.ts. */
export interface TokenizerFamily {
  /** Stable id, also the tokenizer's name unless the tokenizer says otherwise. */
  id: string;
  accuracy: Accuracy;
  /** True when `modelId` (lower-cased, provider prefixes removed) belongs to this family. */
  matches(modelId: string): boolean;
  /** Loads (once) and returns the tokenizer. Heavy vocabularies load in the counting worker, never on the caller's thread. */
  load(): Promise<Tokenizer>;
  /** The tokenizer if it is already loaded, else null (never starts a load). */
  loaded(): Tokenizer | null;
  /** The published vocabulary it reads, for families counted in the worker (see missingVocabulary). */
  readonly vocabulary?: VocabularyFile;
}
