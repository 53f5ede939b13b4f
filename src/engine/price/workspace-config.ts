import type { Severity } from '../model';
import type { AuditOptions, PriceOverride, RuleOptions } from '../options';

/**
 * `.prompt-audit.json` (schema: schemas/prompt-audit.schema.json): validated field by field. A bad field is reported
 * by its path (`priceOverrides["gpt-4o"].input`) and left out, so the rest of the file and the bundled catalog stay
 * in use. Pure: the caller reads and parses the file (JSON syntax errors are the caller's to report).
 */
export interface ConfigProblem {
  /** JSON path of the offending field, e.g. `priceOverrides["my-model"].output`. */
  field: string;
  message: string;
}

export interface WorkspaceConfig {
  options: Partial<AuditOptions>;
  problems: ConfigProblem[];
}

const NUMBER_FIELDS = {
  requestsPerDay: { min: 0, integer: false },
  daysPerMonth: { min: 0, max: 31, integer: false },
  expectedOutputTokens: { min: 0, integer: true },
  placeholderTokens: { min: 0, integer: true },
  maxFileBytes: { min: 1, integer: true },
} as const;

const OVERRIDE_FIELDS = ['input', 'output', 'cachedInput', 'cacheWrite', 'contextWindow', 'maxOutput'] as const;
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];
const KNOWN_FIELDS = new Set(['$schema', 'defaultModel', 'priceOverrides', 'rules', 'compressionStyle', ...Object.keys(NUMBER_FIELDS)]);
const COMPRESSION_STYLES = ['faithful', 'terse'] as const;

export function parseWorkspaceConfig(json: unknown): WorkspaceConfig {
  const problems: ConfigProblem[] = [];
  const options: Partial<AuditOptions> = {};
  if (!isObject(json)) return { options, problems: [{ field: '(root)', message: 'must be a JSON object' }] };

  for (const key of Object.keys(json)) {
    if (!KNOWN_FIELDS.has(key)) problems.push({ field: key, message: `unknown field (known: ${[...KNOWN_FIELDS].filter((k) => k !== '$schema').join(', ')})` });
  }
  if ('defaultModel' in json) {
    const v = json.defaultModel;
    if (typeof v === 'string' && v.trim()) options.defaultModel = v.trim();
    else problems.push({ field: 'defaultModel', message: 'must be a non-empty model id string, e.g. "gpt-4o-mini"' });
  }
  for (const [key, limits] of Object.entries(NUMBER_FIELDS) as [keyof typeof NUMBER_FIELDS, (typeof NUMBER_FIELDS)[keyof typeof NUMBER_FIELDS]][]) {
    if (!(key in json)) continue;
    const problem = numberProblem(json[key], limits);
    if (problem) problems.push({ field: key, message: problem });
    else options[key] = json[key] as number;
  }
  if ('compressionStyle' in json) {
    const v = json.compressionStyle;
    if (COMPRESSION_STYLES.includes(v as (typeof COMPRESSION_STYLES)[number])) options.compressionStyle = v as (typeof COMPRESSION_STYLES)[number];
    else problems.push({ field: 'compressionStyle', message: `must be one of ${COMPRESSION_STYLES.map((x) => `"${x}"`).join(', ')}` });
  }
  if ('priceOverrides' in json) {
    const overrides = parsePriceOverrides(json.priceOverrides, 'priceOverrides');
    problems.push(...overrides.problems);
    if (overrides.problems.length === 0) options.priceOverrides = overrides.overrides;
  }
  if ('rules' in json) {
    const rules = json.rules;
    if (!isObject(rules)) problems.push({ field: 'rules', message: 'must be an object of rule id -> { enabled, severity, ...thresholds }' });
    else {
      const parsed: Record<string, RuleOptions> = {};
      for (const [id, value] of Object.entries(rules)) {
        const field = `rules[${JSON.stringify(id)}]`;
        if (!isObject(value)) {
          problems.push({ field, message: 'must be an object, e.g. { "enabled": false }' });
          continue;
        }
        if ('enabled' in value && typeof value.enabled !== 'boolean') {
          problems.push({ field: `${field}.enabled`, message: 'must be true or false' });
          continue;
        }
        if ('severity' in value && !SEVERITIES.includes(value.severity as Severity)) {
          problems.push({ field: `${field}.severity`, message: `must be one of ${SEVERITIES.join(', ')}` });
          continue;
        }
        parsed[id] = value as RuleOptions;
      }
      options.rules = parsed;
    }
  }
  return { options, problems };
}

/**
 * Price overrides (the `priceOverrides` setting or file field): model id -> USD per 1M tokens. All-or-nothing: one
 * bad entry drops the overrides, so a half-applied table never prices some calls with the catalog and some without.
 */
export function parsePriceOverrides(value: unknown, path = 'priceOverrides'): { overrides: Record<string, PriceOverride>; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const overrides: Record<string, PriceOverride> = {};
  if (!isObject(value)) return { overrides, problems: [{ field: path, message: 'must be an object of model id -> { input, output, ... } in USD per 1M tokens' }] };
  for (const [model, entry] of Object.entries(value)) {
    const field = `${path}[${JSON.stringify(model)}]`;
    if (!model.trim()) {
      problems.push({ field, message: 'model id must not be empty' });
      continue;
    }
    if (!isObject(entry)) {
      problems.push({ field, message: 'must be an object like { "input": 2.5, "output": 10 } (USD per 1M tokens)' });
      continue;
    }
    for (const key of Object.keys(entry)) {
      if (!(OVERRIDE_FIELDS as readonly string[]).includes(key)) problems.push({ field: `${field}.${key}`, message: `unknown field (known: ${OVERRIDE_FIELDS.join(', ')})` });
    }
    for (const key of ['input', 'output'] as const) {
      if (!(key in entry)) problems.push({ field: `${field}.${key}`, message: 'is required (USD per 1M tokens)' });
    }
    for (const key of OVERRIDE_FIELDS) {
      if (!(key in entry)) continue;
      const isLimit = key === 'contextWindow' || key === 'maxOutput';
      const problem = numberProblem(entry[key], isLimit ? { min: 1, integer: true } : { min: 0, integer: false });
      if (problem) problems.push({ field: `${field}.${key}`, message: problem });
    }
    overrides[model] = entry as unknown as PriceOverride;
  }
  return { overrides: problems.length ? {} : overrides, problems };
}

/** One line per problem, naming the field: what adapters show. */
export function describeProblems(problems: readonly ConfigProblem[], file = '.prompt-audit.json'): string[] {
  return problems.map((p) => `${file}: ${p.field} ${p.message}; ignored, the defaults and the bundled price catalog stay in use.`);
}

function numberProblem(v: unknown, limits: { min: number; max?: number; integer: boolean }): string | null {
  const kind = limits.integer ? 'a whole number' : 'a number';
  if (typeof v !== 'number' || !Number.isFinite(v)) return `must be ${kind}, got ${JSON.stringify(v)}`;
  if (limits.integer && !Number.isInteger(v)) return `must be ${kind}, got ${v}`;
  if (v < limits.min) return `must be at least ${limits.min}, got ${v}`;
  if (limits.max !== undefined && v > limits.max) return `must be at most ${limits.max}, got ${v}`;
  return null;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
