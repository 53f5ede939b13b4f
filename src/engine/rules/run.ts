import { tokenizerFor, type Tokenizer } from '../count';
import type { AuditedCall, AuditedPromptConstant, Diagnostic, Directive, Fix } from '../model';
import type { AuditOptions } from '../options';
import { resolveModel, termsProvider, type ModelPrices } from '../price';
import { anchorLine, ignoreFix } from './fixes/ignore';
import { switchModelFixes } from './fixes/switch-model';
import { RULES } from './registry';
import { docsUrlOf, type Finding, type Rule, type RuleContext } from './rule';
import { resolveRuleSettings } from './settings';
import type { SourceText } from './source';

export interface RulesInput {
  source: SourceText;
  calls: readonly AuditedCall[];
  prompts: readonly AuditedPromptConstant[];
  directives: readonly Directive[];
}

export interface RulesOutput {
  diagnostics: Diagnostic[];
  /** Bad rule settings and rules that failed, in words (the audit's notes). */
  notes: string[];
}

/**
 * The rules stage: every enabled rule over one audited document, with its settings from `options.rules[id]`,
 * per-line ignores from `prompt-audit: ignore` directives, and on every diagnostic the "ignore on this line" fix
 * (plus "switch to a cheaper model" where the rule offers it). A rule that throws is reported in a note; the others
 * still run.
 */
export async function runRules(input: RulesInput, options: AuditOptions, rules: readonly Rule[] = RULES): Promise<RulesOutput> {
  const notes: string[] = [];
  const known = new Set(rules.map((r) => r.id));
  for (const id of Object.keys(options.rules ?? {})) {
    if (!known.has(id)) notes.push(`Settings name an unknown rule "${id}" (rules: ${[...known].join(', ')}).`);
  }
  const memos = new Map<string, unknown>();
  const memo = <T>(key: string, make: () => T): T => {
    if (!memos.has(key)) memos.set(key, make());
    return memos.get(key) as T;
  };
  const tokenizer = (model: string): Promise<Tokenizer> => memo(`tokenizer:${model}`, () => tokenizerFor(model));
  const prices = (modelId: string): ModelPrices | null => memo(`prices:${modelId}`, () => resolveModel(modelId, options.priceOverrides));
  const providerOf = (call: AuditedCall): string => termsProvider(call.provider, prices(call.effectiveModel)?.provider);
  const switches = new Map<AuditedCall, Fix[]>();
  const switchFixes = (call: AuditedCall): Fix[] => {
    let fixes = switches.get(call);
    if (!fixes) switches.set(call, (fixes = switchModelFixes(input.source, call, options, memo)));
    return fixes;
  };

  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    const settings = resolveRuleSettings(rule, options.rules?.[rule.id]);
    notes.push(...settings.problems);
    if (!settings.enabled) continue;
    const ctx: RuleContext = { ...input, options, settings: settings.values, tokenizer, memo, prices, providerOf };
    let findings: Finding[];
    try {
      findings = await rule.check(ctx);
    } catch (err) {
      notes.push(`Rule ${rule.id} failed: ${err instanceof Error ? err.message : String(err)}`);
      continue;
    }
    const seen = new Set<string>();
    for (const f of findings) {
      const key = `${f.range.startOffset}:${f.range.endOffset}`;
      if (seen.has(key) || isIgnored(input, rule.id, f)) continue;
      seen.add(key);
      const fixes = [...f.fixes];
      if (rule.offersModelSwitch && f.call) fixes.push(...switchFixes(f.call));
      fixes.push(ignoreFix(input.source, rule.id, subjectLine(f), input.directives));
      diagnostics.push({
        rule: rule.id,
        severity: settings.severity,
        range: f.range,
        message: f.message,
        usdPerMonth: f.usdPerMonth,
        docsUrl: docsUrlOf(rule.id),
        fixes,
      });
    }
  }
  diagnostics.sort((a, b) => a.range.startOffset - b.range.startOffset || a.range.endOffset - b.range.endOffset);
  return { diagnostics, notes };
}

/** The line the finding is about: its call's (or constant's) first line, else its own. */
function subjectLine(f: Finding): number {
  return f.call?.range.start.line ?? f.constant?.nameRange.start.line ?? f.range.start.line;
}

/**
 * A `prompt-audit: ignore [rules]` comment covers its own line and the line below: it silences a finding on either,
 * or one whose call / constant starts there (so one comment above a multi-line call covers all of it).
 */
function isIgnored(input: RulesInput, ruleId: string, f: Finding): boolean {
  const lines = new Set<number>([f.range.start.line, anchorLine(input.source, subjectLine(f))]);
  for (const call of f.calls ?? []) lines.add(anchorLine(input.source, call.range.start.line));
  return input.directives.some(
    (d) => d.kind === 'ignore' && (d.rules.length === 0 || d.rules.includes(ruleId)) && (lines.has(d.line) || lines.has(d.line + 1)),
  );
}
