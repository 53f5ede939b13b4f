import type { Severity } from '../model';
import type { RuleOptions } from '../options';
import type { Rule, SettingSpec, SettingSpecs, SettingValue, SettingValues } from './rule';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export interface ResolvedRule<S extends SettingSpecs = SettingSpecs> {
  enabled: boolean;
  severity: Severity;
  values: SettingValues<S>;
  /** Bad values, each replaced by its default: said once in the audit's notes. */
  problems: string[];
}

/**
 * A rule's effective settings: its defaults overlaid with `options.rules[id]`. A value of the wrong type or out of
 * range falls back to the default with a note, so a typo in settings never silences or breaks a rule.
 */
export function resolveRuleSettings<S extends SettingSpecs>(rule: Rule<S>, given: RuleOptions | undefined): ResolvedRule<S> {
  const problems: string[] = [];
  const where = (key: string): string => `rules["${rule.id}"].${key}`;
  let enabled = true;
  let severity = rule.defaultSeverity;
  const values: Record<string, SettingValue> = {};
  for (const [key, spec] of Object.entries(rule.settings)) values[key] = spec.default;
  if (given === undefined || given === null || typeof given !== 'object') {
    if (given !== undefined) problems.push(`rules["${rule.id}"] must be an object; using the defaults.`);
    return { enabled, severity, values: values as SettingValues<S>, problems };
  }
  for (const [key, raw] of Object.entries(given)) {
    if (raw === undefined) continue;
    if (key === 'enabled') {
      if (typeof raw === 'boolean') enabled = raw;
      else problems.push(`${where(key)} must be true or false; the rule stays on.`);
      continue;
    }
    if (key === 'severity') {
      if (SEVERITIES.includes(raw as Severity)) severity = raw as Severity;
      else problems.push(`${where(key)} must be one of ${SEVERITIES.join(', ')}; using ${rule.defaultSeverity}.`);
      continue;
    }
    const spec = rule.settings[key];
    if (!spec) {
      const known = ['enabled', 'severity', ...Object.keys(rule.settings)].join(', ');
      problems.push(`${where(key)} is not a setting of this rule (known: ${known}).`);
      continue;
    }
    const checked = checkValue(spec, raw);
    if (checked.ok) values[key] = checked.value;
    else problems.push(`${where(key)} ${checked.reason}; using ${JSON.stringify(spec.default)}.`);
  }
  return { enabled, severity, values: values as SettingValues<S>, problems };
}

function checkValue(spec: SettingSpec, raw: unknown): { ok: true; value: SettingValue } | { ok: false; reason: string } {
  const d = spec.default;
  if (typeof d === 'number') {
    if (typeof raw !== 'number' || !Number.isFinite(raw)) return { ok: false, reason: 'must be a number' };
    if (spec.min !== undefined && raw < spec.min) return { ok: false, reason: `must be at least ${spec.min}` };
    if (spec.max !== undefined && raw > spec.max) return { ok: false, reason: `must be at most ${spec.max}` };
    return { ok: true, value: raw };
  }
  if (typeof d === 'boolean') {
    return typeof raw === 'boolean' ? { ok: true, value: raw } : { ok: false, reason: 'must be true or false' };
  }
  if (!Array.isArray(raw) || !raw.every((x) => typeof x === 'string')) return { ok: false, reason: 'must be a list of strings' };
  return { ok: true, value: raw as string[] };
}
