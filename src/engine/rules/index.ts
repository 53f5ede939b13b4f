/**
 * Rules API (what audit.ts composes):
 *   runRules({source, calls, prompts, directives}, options) -> {diagnostics, notes}   every enabled rule, ignores applied
 *   RULES                                                     the registry (id, description, severity, settings)
 *   SourceText                                                the document text as fixes need it
 */
export { runRules, type RulesInput, type RulesOutput } from './run';
export { RULES } from './registry';
export { SourceText } from './source';
export { docsUrlOf, type Rule, type SettingSpec, type Finding } from './rule';
export { resolveRuleSettings } from './settings';
