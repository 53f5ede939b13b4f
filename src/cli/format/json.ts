import type {
  Accuracy,
  AuditedCall,
  AuditedPrompt,
  AuditedPromptConstant,
  Diagnostic,
  LanguageId,
  PromptRole,
  Provider,
  Range,
  Severity,
} from '../../engine/model';
import type { SkipKind } from '../../workspace/files';
import { summarize, type ScanReport, type ScanSummary } from '../../workspace/scan-report';

/**
 * The `scan --format json` contract (documented in README "JSON output (contract)").
 * This file is the ONLY place AuditResult is mapped to it. Fields may be added; existing ones are never renamed,
 * removed or re-typed without bumping `version`. Lines are 1-based; the engine's are 0-based.
 */
export const JSON_CONTRACT_VERSION = 1;

export interface ScanJson {
  version: typeof JSON_CONTRACT_VERSION;
  files: FileJson[];
  skipped: { path: string; kind: SkipKind; reason: string }[];
  summary: ScanSummary;
  options: { defaultModel: string; requestsPerDay: number; daysPerMonth: number; expectedOutputTokens: number; configFile: string | null };
  /** The bundled price catalog: its date, source, age in days and whether it is old enough to update. */
  catalog: { date: string; source: string; ageDays: number; stale: boolean } | null;
}

export interface FileJson {
  path: string;
  language: LanguageId;
  calls: CallJson[];
  prompts: PromptConstantJson[];
  diagnostics: DiagnosticJson[];
  syntaxErrors: number;
  notes: string[];
}

export interface CallJson {
  /** Line of the API method's name (`create` in `client.chat.completions.create`). */
  line: number;
  endLine: number;
  provider: Provider;
  api: string;
  /** The model as written or resolved in the file; null when it cannot be read. */
  model: string | null;
  maxTokens: { key: string; value: number | null; line: number } | null;
  prompts: CallPromptJson[];
  /** False when some arguments could not be read (`create(**params)`). */
  argsResolved: boolean;
  /** The kind of loop over data enclosing the call, or null. */
  loop: string | null;
  cacheControl: boolean;
  /** Billed input tokens: the prompts plus the provider's chat framing. */
  inputTokens: number;
  tokenizer: string;
  /** True only when the count comes from the model's own tokenizer (accuracy 'exact'). */
  exact: boolean;
  accuracy: Accuracy;
  /** True when placeholders make inputTokens a lower bound. */
  lowerBound: boolean;
  outputTokens: number;
  /** True when outputTokens is the configured expected output, not the call's max tokens. */
  outputAssumed: boolean;
  /** The model the call is priced as: its own, else the default model. */
  effectiveModel: string;
  requestsPerDay: number;
  /** Null when the price is unknown (never 0 for unknown). */
  cost: CostJson | null;
}

export interface CostJson {
  model: string;
  resolvedModel: string | null;
  requestUsd: number;
  inputUsd: number;
  outputUsd: number;
  monthlyUsd: number;
  exact: boolean;
  accuracy: Accuracy;
  outputAssumed: boolean;
  priceSource: string;
  catalogDate: string;
}

export interface CallPromptJson {
  role: PromptRole;
  startLine: number;
  endLine: number;
  text: string;
  templated: boolean;
  /** The constant or variable the prompt reached the call through, else null. */
  name: string | null;
  tokens: number;
  exact: boolean;
  accuracy: Accuracy;
  lowerBound: boolean;
}

export interface PromptConstantJson {
  name: string;
  startLine: number;
  endLine: number;
  text: string;
  templated: boolean;
  role: PromptRole;
  tokens: number;
  tokenizer: string;
  exact: boolean;
  accuracy: Accuracy;
  lowerBound: boolean;
  /** Input cost of 1,000 uses on the default model; null when the price is unknown. */
  costPer1000Usd: number | null;
}

export interface DiagnosticJson {
  rule: string;
  severity: Severity;
  line: number;
  endLine: number;
  message: string;
  /** Dollars per month at stake; null when unknown or not a money matter. */
  usdPerMonth: number | null;
  docsUrl: string;
  /** Titles of the fixes the editor offers. */
  fixes: string[];
}

export function toScanJson(report: ScanReport): ScanJson {
  const { defaultModel, requestsPerDay, daysPerMonth, expectedOutputTokens } = report.options;
  return {
    version: JSON_CONTRACT_VERSION,
    files: report.files.map((file) => ({
      path: file.path,
      language: file.language,
      calls: file.result.calls.map(callJson),
      prompts: file.result.prompts.map(promptConstantJson),
      diagnostics: [...file.result.diagnostics].sort((a, b) => a.range.startOffset - b.range.startOffset).map(diagnosticJson),
      syntaxErrors: file.result.syntaxErrors,
      notes: [...file.result.notes],
    })),
    skipped: report.skipped.map(({ path, kind, reason }) => ({ path, kind, reason })),
    summary: summarize(report),
    options: { defaultModel, requestsPerDay, daysPerMonth, expectedOutputTokens, configFile: report.configFile ?? null },
    catalog: report.catalog
      ? { date: report.catalog.catalogDate, source: report.catalog.source, ageDays: report.catalog.ageDays, stale: report.catalog.stale }
      : null,
  };
}

/** The JSON text printed by `scan --format json`. */
export function formatJson(report: ScanReport): string {
  return `${JSON.stringify(toScanJson(report), null, 2)}\n`;
}

/** Drops floating-point noise (`1280.2500000000002` -> `1280.25`); 12 significant digits keep every cent. */
function usd(value: number): number {
  return Number(value.toPrecision(12));
}

function startLine(range: Range): number {
  return range.start.line + 1;
}

function endLine(range: Range): number {
  return range.end.line + 1;
}

function callJson(call: AuditedCall): CallJson {
  return {
    line: startLine(call.nameRange),
    endLine: endLine(call.range),
    provider: call.provider,
    api: call.api,
    model: call.model?.value ?? null,
    maxTokens: call.maxTokens ? { key: call.maxTokens.key, value: call.maxTokens.value, line: startLine(call.maxTokens.range) } : null,
    prompts: call.prompts.map(callPromptJson),
    argsResolved: call.argsResolved,
    loop: call.loop?.kind ?? null,
    cacheControl: call.cacheControl,
    inputTokens: call.inputTokens.tokens,
    tokenizer: call.inputTokens.tokenizer,
    exact: call.inputTokens.accuracy === 'exact',
    accuracy: call.inputTokens.accuracy,
    lowerBound: call.inputTokens.lowerBound,
    outputTokens: call.outputTokens.tokens,
    outputAssumed: call.outputTokens.assumed,
    effectiveModel: call.effectiveModel,
    requestsPerDay: call.requestsPerDay,
    cost: costJson(call),
  };
}

function costJson(call: AuditedCall): CostJson | null {
  const cost = call.cost;
  if (!cost || cost.requestUsd === null || cost.inputUsd === null || cost.outputUsd === null || cost.monthlyUsd === null) {
    return null;
  }
  return {
    model: cost.model,
    resolvedModel: cost.resolvedModel,
    requestUsd: usd(cost.requestUsd),
    inputUsd: usd(cost.inputUsd),
    outputUsd: usd(cost.outputUsd),
    monthlyUsd: usd(cost.monthlyUsd),
    exact: cost.accuracy === 'exact',
    accuracy: cost.accuracy,
    outputAssumed: cost.outputAssumed,
    priceSource: cost.priceSource,
    catalogDate: cost.catalogDate,
  };
}

function callPromptJson(prompt: AuditedPrompt): CallPromptJson {
  return {
    role: prompt.role,
    startLine: startLine(prompt.range),
    endLine: endLine(prompt.range),
    text: prompt.text,
    templated: prompt.templated,
    name: prompt.name ?? null,
    tokens: prompt.tokens.tokens,
    exact: prompt.tokens.accuracy === 'exact',
    accuracy: prompt.tokens.accuracy,
    lowerBound: prompt.tokens.lowerBound,
  };
}

function promptConstantJson(prompt: AuditedPromptConstant): PromptConstantJson {
  return {
    name: prompt.name,
    startLine: startLine(prompt.range),
    endLine: endLine(prompt.range),
    text: prompt.text,
    templated: prompt.templated,
    role: prompt.role,
    tokens: prompt.tokens.tokens,
    tokenizer: prompt.tokens.tokenizer,
    exact: prompt.tokens.accuracy === 'exact',
    accuracy: prompt.tokens.accuracy,
    lowerBound: prompt.tokens.lowerBound,
    costPer1000Usd: prompt.costPer1000Usd === null ? null : usd(prompt.costPer1000Usd),
  };
}

function diagnosticJson(d: Diagnostic): DiagnosticJson {
  return {
    rule: d.rule,
    severity: d.severity,
    line: startLine(d.range),
    endLine: endLine(d.range),
    message: d.message,
    usdPerMonth: typeof d.usdPerMonth === 'number' ? usd(d.usdPerMonth) : null,
    docsUrl: d.docsUrl,
    fixes: d.fixes.map((f) => f.title),
  };
}
