import { withDefaults, type AuditOptions } from '../../engine/options';
import { parseWorkspaceConfig, type ConfigProblem } from '../../engine/price';

/** Where the status bar's money figure is per request or per month. */
export type StatusBarMode = 'request' | 'month';

/** Everything the extension reads from `promptAuditor.*` (and `.prompt-audit.json`), validated: one typed snapshot. */
export interface ExtensionSettings {
  /** What the engine needs (passed to audit() as is). */
  audit: AuditOptions;
  codeLensEnabled: boolean;
  statusBarMode: StatusBarMode;
  /** Delay after the last edit before a document is re-audited. */
  debounceMs: number;
  /** May the counting engine fetch a published tokenizer vocabulary it does not ship (never prompts)? */
  allowTokenizerDownload: boolean;
}

/** The setting keys (after `promptAuditor.`), as contributed in package.json. */
export const SETTING = {
  defaultModel: 'defaultModel',
  requestsPerDay: 'requestsPerDay',
  daysPerMonth: 'daysPerMonth',
  expectedOutputTokens: 'expectedOutputTokens',
  placeholderTokens: 'placeholderTokens',
  rules: 'rules',
  priceOverrides: 'priceOverrides',
  maxFileSize: 'maxFileSize',
  codeLensEnabled: 'codeLens.enabled',
  statusBarMode: 'statusBar.mode',
  debounceMs: 'debounceMs',
  allowTokenizerDownload: 'tokenizers.allowDownload',
} as const;

/** Audit settings and their field in AuditOptions / `.prompt-audit.json` (the CLI's names). */
const AUDIT_FIELDS: [setting: string, field: string][] = [
  [SETTING.defaultModel, 'defaultModel'],
  [SETTING.requestsPerDay, 'requestsPerDay'],
  [SETTING.daysPerMonth, 'daysPerMonth'],
  [SETTING.expectedOutputTokens, 'expectedOutputTokens'],
  [SETTING.placeholderTokens, 'placeholderTokens'],
  [SETTING.rules, 'rules'],
  [SETTING.priceOverrides, 'priceOverrides'],
  [SETTING.maxFileSize, 'maxFileBytes'],
];

export const DEFAULT_SETTINGS: Readonly<Omit<ExtensionSettings, 'audit'>> = Object.freeze({
  codeLensEnabled: true,
  statusBarMode: 'request',
  debounceMs: 300,
  allowTokenizerDownload: true,
});

/** What a configuration source answers (vscode.WorkspaceConfiguration does). */
export interface ConfigurationReader {
  get<T>(key: string): T | undefined;
  inspect<T>(key: string): { globalValue?: T; workspaceValue?: T; workspaceFolderValue?: T } | undefined;
}

/**
 * Reads and validates the settings. Audit settings come in layers, most specific last: built-in defaults, the user's
 * settings, the project's `.prompt-audit.json` (shared with the CLI), then workspace and folder settings. Each layer is
 * validated by the engine's own config parser, so the editor and the CLI accept and reject the same values; a bad
 * value is left out (the next layer down applies) and described in `problems`.
 */
export function readSettings(config: ConfigurationReader, projectFile: { json: unknown; problem?: string } | null): { settings: ExtensionSettings; problems: string[] } {
  const problems: string[] = [];
  const layer = (values: Record<string, unknown>, where: string): Partial<AuditOptions> => {
    if (Object.keys(values).length === 0) return {};
    const parsed = parseWorkspaceConfig(values);
    problems.push(...parsed.problems.map((p) => describe(p, where)));
    return parsed.options;
  };
  const fromScope = (scope: 'globalValue' | 'workspaceValue' | 'workspaceFolderValue'): Record<string, unknown> => {
    const values: Record<string, unknown> = {};
    for (const [setting, field] of AUDIT_FIELDS) {
      const value = config.inspect<unknown>(setting)?.[scope];
      if (value !== undefined) values[field] = value;
    }
    return values;
  };

  const layers: Partial<AuditOptions>[] = [layer(fromScope('globalValue'), 'user settings')];
  if (projectFile?.problem) problems.push(projectFile.problem);
  else if (projectFile) layers.push(layer(projectFile.json as Record<string, unknown>, '.prompt-audit.json'));
  layers.push(layer(fromScope('workspaceValue'), 'workspace settings'), layer(fromScope('workspaceFolderValue'), 'folder settings'));
  const merged: Partial<AuditOptions> = {};
  for (const l of layers) {
    // Maps merge key by key (a project's overrides plus a user's own); scalars replace.
    const { rules, priceOverrides, ...scalars } = l;
    Object.assign(merged, scalars);
    if (rules) merged.rules = { ...merged.rules, ...rules };
    if (priceOverrides) merged.priceOverrides = { ...merged.priceOverrides, ...priceOverrides };
  }

  const boolean = (key: string, fallback: boolean): boolean => {
    const value = config.get<unknown>(key);
    if (value === undefined || value === null) return fallback;
    if (typeof value === 'boolean') return value;
    problems.push(`promptAuditor.${key} must be true or false; using ${fallback}.`);
    return fallback;
  };
  const debounceRaw = config.get<unknown>(SETTING.debounceMs);
  let debounceMs = DEFAULT_SETTINGS.debounceMs;
  if (typeof debounceRaw === 'number' && Number.isInteger(debounceRaw) && debounceRaw >= 0 && debounceRaw <= 10_000) debounceMs = debounceRaw;
  else if (debounceRaw !== undefined && debounceRaw !== null) problems.push(`promptAuditor.debounceMs must be a whole number from 0 to 10000; using ${debounceMs}.`);
  const modeRaw = config.get<unknown>(SETTING.statusBarMode);
  let statusBarMode: StatusBarMode = DEFAULT_SETTINGS.statusBarMode;
  if (modeRaw === 'request' || modeRaw === 'month') statusBarMode = modeRaw;
  else if (modeRaw !== undefined && modeRaw !== null) problems.push('promptAuditor.statusBar.mode must be "request" or "month"; using "request".');

  return {
    settings: {
      audit: withDefaults(merged),
      codeLensEnabled: boolean(SETTING.codeLensEnabled, DEFAULT_SETTINGS.codeLensEnabled),
      statusBarMode,
      debounceMs,
      allowTokenizerDownload: boolean(SETTING.allowTokenizerDownload, DEFAULT_SETTINGS.allowTokenizerDownload),
    },
    problems,
  };
}

/** `requestsPerDay must be at least 0, got -5` in the setting's own name, and where it was set. */
function describe(problem: ConfigProblem, where: string): string {
  if (where === '.prompt-audit.json') return `.prompt-audit.json: ${problem.field} ${problem.message}; ignored.`;
  const [field, ...rest] = problem.field.split(/(?=[[.])/);
  const setting = AUDIT_FIELDS.find(([, f]) => f === field)?.[0] ?? field;
  return `promptAuditor.${setting}${rest.join('')} (${where}) ${problem.message}; ignored.`;
}
