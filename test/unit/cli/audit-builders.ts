// Builders for AuditResult objects, so formatter tests state only what they are about.
// Lines given here are 0-based, as in the engine.
import type {
  AuditResult,
  AuditedCall,
  AuditedPrompt,
  AuditedPromptConstant,
  Cost,
  Diagnostic,
  Range,
  TokenFigure,
} from '../../../src/engine/model';
import { withDefaults } from '../../../src/engine/options';
import type { ScanReport } from '../../../src/workspace/scan-report';

export function range(startLine: number, endLine = startLine, startChar = 0, endChar = 10): Range {
  // Offsets only need to be ordered consistently with lines for these tests.
  return {
    start: { line: startLine, character: startChar },
    end: { line: endLine, character: endChar },
    startOffset: startLine * 1000 + startChar,
    endOffset: endLine * 1000 + endChar,
  };
}

export function tokens(n: number, accuracy: TokenFigure['accuracy'] = 'exact', lowerBound = false): TokenFigure {
  return { tokens: n, accuracy, tokenizer: accuracy === 'exact' ? 'o200k_base' : 'claude (approx.)', lowerBound };
}

export function prompt(overrides: Partial<AuditedPrompt> = {}): AuditedPrompt {
  return {
    role: 'system',
    range: range(4, 6),
    text: 'You are a helpful assistant.',
    templated: false,
    literals: [{ range: range(4, 6) }],
    tokens: tokens(7),
    ...overrides,
  };
}

export function cost(overrides: Partial<Cost> = {}): Cost {
  return {
    model: 'gpt-4o',
    resolvedModel: 'gpt-4o',
    inputUsd: 0.0025,
    outputUsd: 0.008,
    requestUsd: 0.0105,
    monthlyUsd: 315,
    outputAssumed: false,
    accuracy: 'exact',
    priceSource: 'genai-prices',
    catalogDate: '2026-11-20',
    ...overrides,
  };
}

export const UNKNOWN_COST: Cost = cost({
  model: 'my-finetune',
  resolvedModel: null,
  inputUsd: null,
  outputUsd: null,
  requestUsd: null,
  monthlyUsd: null,
  accuracy: 'approximate',
});

export function call(overrides: Partial<AuditedCall> = {}): AuditedCall {
  return {
    range: range(10, 14, 11, 5),
    nameRange: range(10, 10, 30, 36),
    provider: 'openai',
    api: 'chat.completions.create',
    model: { value: 'gpt-4o', range: range(11), source: 'literal' },
    maxTokens: { key: 'max_tokens', value: 800, range: range(12, 12, 19, 22) },
    prompts: [prompt()],
    argsResolved: true,
    loop: null,
    cacheControl: false,
    args: {},
    insertAt: null,
    inputTokens: tokens(1000),
    outputTokens: { tokens: 800, assumed: false },
    effectiveModel: 'gpt-4o',
    requestsPerDay: 1000,
    cost: cost(),
    ...overrides,
  };
}

export function constant(overrides: Partial<AuditedPromptConstant> = {}): AuditedPromptConstant {
  return {
    name: 'SYSTEM_PROMPT',
    range: range(2, 5),
    nameRange: range(2, 2, 0, 13),
    text: 'You are a helpful assistant.',
    templated: false,
    literals: [{ range: range(2, 5) }],
    role: 'system',
    tokens: tokens(7),
    costPer1000Usd: 0.00105,
    ...overrides,
  };
}

export function diagnostic(overrides: Partial<Diagnostic> = {}): Diagnostic {
  return {
    rule: 'high-max-tokens',
    severity: 'warning',
    range: range(12, 12, 19, 22),
    message: 'max_tokens=4096 for a one-word answer',
    usdPerMonth: 120,
    docsUrl: 'https://example.invalid/rules/high-max-tokens',
    fixes: [{ title: 'Lower max_tokens to 16', kind: 'quickfix', safe: true, edits: [] }],
    ...overrides,
  };
}

export function result(overrides: Partial<AuditResult> = {}): AuditResult {
  return {
    language: 'python',
    directives: [],
    calls: [],
    prompts: [],
    diagnostics: [],
    syntaxErrors: 0,
    notes: [],
    ...overrides,
  };
}

export function report(files: { path: string; result: AuditResult }[], overrides: Partial<ScanReport> = {}): ScanReport {
  return {
    files: files.map((f) => ({ path: f.path, language: f.result.language, result: f.result })),
    skipped: [],
    options: withDefaults(),
    ...overrides,
  };
}
