/**
 * Counting API (what audit.ts composes):
 *   tokenizerFor(modelId)       -> Promise<Tokenizer>   loads lazily (vocabularies in a worker); never rejects
 *   tokenizerForSync(modelId)   -> Tokenizer | null     already-loaded tokenizers only (editor fast path)
 *   tokenizerForEncoding(name)  -> Tokenizer            o200k_base / cl100k_base
 *   countPrompt(text | literalParts, templated, placeholderCount, tokenizer, options) -> Promise<TokenFigure>
 *   countPromptSync(...)        -> TokenFigure | null   when every part is cached or in-thread
 *   requestInputTokens(provider, [{role, tokens}], tokenizer) -> TokenFigure   prompts + the API's chat framing
 *   configureVocabularies({cacheDir, downloadBaseUrl, allowDownload})        where downloaded vocabularies live
 *   missingVocabulary(modelId)  -> {id, label, models, bytes, url} | null   a vocabulary to download for exact counts
 *   stopCountingWorker()                                                     extension deactivate / tests
 */
export type { Tokenizer, ChatFraming, TokenizerFamily } from './tokenizer';
export { tokenizerFor, tokenizerForSync, tokenizerForEncoding, familyFor, FAMILIES, OPENAI_ENCODINGS, FALLBACK_TOKENIZER_NAME } from './registry';
export { countPrompt, countPromptSync, requestInputTokens, framingFor, worstAccuracy } from './prompt-count';
export { configureVocabularies, vocabularySettings, stopCountingWorker } from './worker-client';
export { VOCABULARIES, type VocabularyId } from './vocabularies';
export { missingVocabulary, type MissingVocabulary } from './missing-vocabulary';
export type { OpenAIEncodingName } from './openai-encodings';
