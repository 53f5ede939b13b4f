/**
 * Prompt compression, rule tier: guarded rewrites for English and Korean prompts (docs/compression.md).
 * Pure functions over strings; the token counter is a parameter.
 */
export { compressPrompt, compressPromptAsync } from './compress';
export { compressLiteral, compressLiterals, parseLiteral } from './literal';
export type { LiteralCompression, LiteralsCompression } from './literal';
export { unifiedDiff } from './diff';
export { checkInvariants } from './invariants';
export type { Violation, Invariant } from './invariants';
export { findProtectedSpans } from './mask';
export type { ProtectedSpan, ProtectedKind } from './mask';
export { countNegations, negationsOf } from './negation';
export { COMPRESS_RULES } from './rules';
export type { CompressionStyle, CompressOptions, CompressResult, CompressRule, CountTokens } from './types';
