import type { Tokenizer } from '../count';
import type { AuditedCall, AuditedPromptConstant, Directive, Fix, Range, Severity } from '../model';
import type { AuditOptions } from '../options';
import type { ModelPrices } from '../price';
import type { SourceText } from './source';

/** A threshold's value: a number, an on/off switch, or a list of words. Its type is the default's. */
export type SettingValue = number | boolean | string[];

export interface SettingSpec<V extends SettingValue = SettingValue> {
  default: V;
  /** For numbers: the smallest and largest accepted value. */
  min?: number;
  max?: number;
  /** One line for the rule's docs page and for the message a bad value gets. */
  description: string;
}

export type SettingSpecs = Record<string, SettingSpec>;

/** The resolved values of a rule's settings: defaults overlaid with `options.rules[id]`. */
export type SettingValues<S extends SettingSpecs> = { [K in keyof S]: S[K]['default'] };

/** What a rule sees: the audited document (read-only) and the shared helpers. Rules never re-parse or re-count. */
export interface RuleContext<S extends SettingSpecs = SettingSpecs> {
  source: SourceText;
  calls: readonly AuditedCall[];
  /** Standalone prompt constants of the document. */
  prompts: readonly AuditedPromptConstant[];
  directives: readonly Directive[];
  options: AuditOptions;
  settings: SettingValues<S>;
  /** The tokenizer of a model (loaded once, cached by the count stage). */
  tokenizer(modelId: string): Promise<Tokenizer>;
  /** A model's prices and limits (catalog or price override), looked up once per audit; null when unknown. */
  prices(modelId: string): ModelPrices | null;
  /** The provider whose terms apply to a call: its model maker for a LangChain or Vercel call (a Claude model is Anthropic's), the gateway for an OpenRouter / Groq / Together call. */
  providerOf(call: AuditedCall): string;
  /** A value computed once per audit and shared by every rule (one prompt used by many calls is compressed once). */
  memo<T>(key: string, make: () => T): T;
}

/**
 * One finding before the runner turns it into a Diagnostic (severity from settings, docs link, the "ignore" fix).
 * `call` / `constant` name what it is about: the ignore comment goes above it and the model switch is offered for it.
 */
export interface Finding {
  range: Range;
  message: string;
  /** Dollars per month at stake at the configured volume; null when the price is unknown. */
  usdPerMonth: number | null;
  fixes: Fix[];
  call?: AuditedCall;
  /** Several calls share the finding's range (a constant, a configured model object). */
  calls?: AuditedCall[];
  constant?: AuditedPromptConstant;
}

export interface Rule<S extends SettingSpecs = SettingSpecs> {
  /** Stable id: part of the JSON contract, the settings key and the docs page name. */
  id: string;
  /** One line: what the rule finds. */
  description: string;
  defaultSeverity: Severity;
  settings: S;
  /** Offer "switch to a cheaper comparable model" on this rule's findings about a call. */
  offersModelSwitch: boolean;
  check(ctx: RuleContext<S>): Promise<Finding[]>;
}

/** Declares a rule with its settings' types inferred from their defaults. */
export function defineRule<S extends SettingSpecs>(rule: Rule<S>): Rule<S> {
  return rule;
}

/** Where a rule's page is: shipped with the extension (it opens offline) and in the repository. */
export function docsUrlOf(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}
