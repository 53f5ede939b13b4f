import type { Severity } from './model';

/** Per-rule settings: on/off, severity, and the rule's own thresholds (documented on each rule). */
export interface RuleOptions {
  enabled?: boolean;
  severity?: Severity;
  [threshold: string]: unknown;
}

/** A user price override, USD per 1M tokens. */
export interface PriceOverride {
  input: number;
  output: number;
  cachedInput?: number;
  cacheWrite?: number;
  contextWindow?: number;
  maxOutput?: number;
}

/** Everything an audit depends on besides the text: one typed snapshot, rebuilt by adapters when settings change. */
export interface AuditOptions {
  /** Model used to price calls whose model cannot be resolved, and standalone prompts. */
  defaultModel: string;
  requestsPerDay: number;
  daysPerMonth: number;
  /** Output tokens assumed when a call sets no max tokens. */
  expectedOutputTokens: number;
  /** Tokens added for each placeholder of a templated prompt (the figure stays a lower bound). */
  placeholderTokens: number;
  priceOverrides: Record<string, PriceOverride>;
  rules: Record<string, RuleOptions>;
  /** Files larger than this are not parsed; the audit says so. */
  maxFileBytes: number;
  /**
   * "Compress prompt" style (setting `promptAuditor.compression.style`): `faithful` (the default when absent) keeps the
   * author's wording apart from padding; `terse` also writes telegraphic instructions (no articles). See docs/compression.md.
   */
  compressionStyle?: 'faithful' | 'terse';
}

export const DEFAULT_OPTIONS: Readonly<AuditOptions> = Object.freeze({
  defaultModel: 'gpt-4o-mini',
  requestsPerDay: 1000,
  daysPerMonth: 30,
  expectedOutputTokens: 500,
  placeholderTokens: 0,
  priceOverrides: {},
  rules: {},
  maxFileBytes: 1_000_000,
  compressionStyle: 'faithful',
});

/** Fills missing fields from the defaults; adapters validate user input before this. */
export function withDefaults(partial: Partial<AuditOptions> = {}): AuditOptions {
  return { ...DEFAULT_OPTIONS, ...partial, priceOverrides: { ...(partial.priceOverrides ?? {}) }, rules: { ...(partial.rules ?? {}) } };
}
