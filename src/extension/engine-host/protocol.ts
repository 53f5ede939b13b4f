import type { AuditedCall, AuditResult, Fix, LanguageId, TokenFigure } from '../../engine/model';
import type { AuditOptions } from '../../engine/options';
import type { SkippedPath } from '../../workspace/files';
import type { Alternative } from '../../engine/price';
import type { MissingVocabulary } from '../../engine/count';

/**
 * Messages between the extension host (main thread) and the audit worker that runs the engine. The engine parses and
 * tokenizes in the worker so the extension host's thread never waits on it (VS Code shares that thread between all
 * extensions). Plain data only: everything crosses postMessage by structured clone.
 */

/** One `TextDocumentContentChangeEvent`, by offsets: applied in order, as VS Code applies them. */
export interface TextChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

export interface VocabularyConfig {
  /** Where downloaded tokenizer vocabularies are kept (the extension's global storage). */
  cacheDir: string | null;
  allowDownload: boolean;
}

export type EngineRequest =
  | { kind: 'configure'; vocabularies: VocabularyConfig }
  /** Starts tracking a document (or replaces its text after a resync). */
  | { kind: 'open'; uri: string; language: LanguageId; version: number; text: string }
  /** Edits since `fromVersion`; answered with `resync` when the worker holds another version. */
  | { kind: 'edit'; uri: string; fromVersion: number; version: number; changes: TextChange[] }
  /** Options travel with each request: settings are per workspace folder. */
  | { kind: 'analyze'; uri: string; version: number; options: AuditOptions }
  | { kind: 'close'; uri: string }
  /** A one-off audit of text that is not open (workspace scan). */
  | { kind: 'auditText'; text: string; language: LanguageId; options: AuditOptions }
  /** A file from disk, read and audited in the worker (workspace scan): the CLI's reader, so both skip the same files. */
  | { kind: 'auditFile'; path: string; displayPath: string; language: LanguageId; options: AuditOptions }
  /** Tokens of free text on the default model (the status bar's selection figure). */
  | { kind: 'count'; text: string; options: AuditOptions }
  /** The bundled price catalog: its date, source and models (model picker, catalog info). */
  | { kind: 'catalog' }
  /** The same request priced on cheaper comparable models (a call's breakdown). */
  | { kind: 'alternatives'; model: string; inputTokens: number; outputTokens: number; options: AuditOptions }
  /**
   * "Switch to a cheaper comparable model" edits for one call of an open document, computed on the worker's copy of
   * its text (the rules' own fix builder). Answered with null when the worker holds another version.
   */
  | { kind: 'modelSwitches'; uri: string; version: number; call: AuditedCall; options: AuditOptions; limit: number }
  /** Loads parsers and the default model's tokenizer before the first real request needs them. */
  | { kind: 'warmUp'; languages: LanguageId[]; options: AuditOptions }
  /** Loads a model's tokenizer now (downloading its vocabulary if allowed): the editor's "Download" answer. */
  | { kind: 'loadTokenizer'; model: string };

/** A vocabulary an analysis needed and this machine lacks, with the first model of the document that needs it. */
export interface MissingVocabularyOf extends MissingVocabulary {
  model: string;
}

/** The model's own tokenizer, loaded; or why it could not be (not downloadable, offline, a wrong file). */
export type LoadedTokenizer = { ok: true; tokenizer: string; accuracy: TokenFigure['accuracy'] } | { ok: false; reason: string };

export interface Analysis {
  uri: string;
  version: number;
  result: AuditResult;
  /** Time the engine took in the worker, for the log. */
  engineMs: number;
  /** Vocabularies some figure of this result fell back for (approximate) because they are not on this machine. */
  missingVocabularies: MissingVocabularyOf[];
}

export interface SelectionCount {
  tokens: TokenFigure;
  /** Input cost of the text as one request's input on the model, null when the price is unknown. */
  inputUsd: number | null;
}

/** What each request kind answers with. */
export interface EngineResponses {
  configure: null;
  open: null;
  edit: { resync: boolean };
  analyze: Analysis | null;
  close: null;
  auditText: AuditResult;
  auditFile: { ok: true; result: AuditResult } | { ok: false; skipped: SkippedPath };
  count: SelectionCount;
  warmUp: { ms: number };
  catalog: CatalogInfo;
  alternatives: Alternative[];
  modelSwitches: Fix[] | null;
  loadTokenizer: LoadedTokenizer;
}

export interface CatalogModelInfo {
  id: string;
  provider: string;
  name: string;
  /** USD per 1M tokens (the base rate of a tiered price). */
  inputPer1M: number;
  outputPer1M: number;
  contextWindow: number | null;
  deprecated: boolean;
}

export interface CatalogInfo {
  catalogDate: string;
  source: string;
  ageDays: number;
  /** Older than the engine's staleness limit: say so wherever the date is shown. */
  stale: boolean;
  models: CatalogModelInfo[];
}

export type RequestMessage = EngineRequest & { id: number };
export type ResponseMessage = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
