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
  compressionStyle: 'compression.style',
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
  [SETTING.compressionStyle, 'compressionStyle'],
];

export const DEFAULT_SETTINGS: Readonly<Omit<ExtensionSettings, 'audit'>> = Object.freeze({
  codeLensEnabled: true,
  statusBarMode: 'request',
  debounceMs: 300,
  // Opt-in: the product's only network use (see the setting's description).
  allowTokenizerDownload: false,
});

/** What a configuration source answers (vscode.WorkspaceConfiguration does). */
export interface ConfigurationReader {
  get<T>(key: string): T | undefined;
  inspect<T>(key: string): { globalValue?: T; workspaceValue?: T; workspaceFolderValue?: T } | undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads and validates the settings. Audit settings come in layers, most specific last: built-in defaults, the user's
 * settings, the project's `.prompt-audit.json` (shared with the CLI), then workspace and folder settings. Each layer is
 * validated by the engine's own config parser, so the editor and the CLI accept and reject the same values; a bad
 * value is left out and described in `problems`.
 *
 * `contributedDefaults` are package.json's defaults (`promptAuditor.x` -> value): a setting still at its contributed
 * default counts as unset, so the engine's DEFAULT_OPTIONS stay the one source of defaults. Per-scope reads
 * (`inspect`, about 0.5 ms each) are only made for the fields a project file sets: the rest is VS Code's merged value.
 */
export function readSettings(
  config: ConfigurationReader,
  projectFile: { json: unknown; problem?: string } | null,
  contributedDefaults: Readonly<Record<string, unknown>> = {},
  /** Where window- and machine-scoped settings (CodeLens, status bar, debounce, downloads) are read: no resource. */
  windowConfig: Pick<ConfigurationReader, 'get'> = config,
): { settings: ExtensionSettings; problems: string[] } {
  const problems: string[] = [];
  const layer = (values: Record<string, unknown>, where: string): Partial<AuditOptions> => {
    if (Object.keys(values).length === 0) return {};
    const parsed = parseWorkspaceConfig(values);
    problems.push(...parsed.problems.map((p) => describe(p, where)));
    return parsed.options;
  };
  const explicitValue = (setting: string): unknown => {
    const value = config.get<unknown>(setting);
    return value === undefined || JSON.stringify(value) === JSON.stringify(contributedDefaults[`promptAuditor.${setting}`]) ? undefined : value;
  };

  if (projectFile?.problem) problems.push(projectFile.problem);
  const file = projectFile && !projectFile.problem && isRecord(projectFile.json) ? projectFile.json : null;
  const base: Record<string, unknown> = {};
  const workspace: Record<string, unknown> = {};
  const folder: Record<string, unknown> = {};
  for (const [setting, field] of AUDIT_FIELDS) {
    if (file && field in file) {
      // The file sits between user and workspace settings: this field needs the per-scope view.
      const scopes = config.inspect<unknown>(setting);
      if (scopes?.globalValue !== undefined) base[field] = scopes.globalValue;
      if (scopes?.workspaceValue !== undefined) workspace[field] = scopes.workspaceValue;
      if (scopes?.workspaceFolderValue !== undefined) folder[field] = scopes.workspaceFolderValue;
    } else {
      const value = explicitValue(setting);
      if (value !== undefined) base[field] = value;
    }
  }
  const layers = [layer(base, 'settings')];
  if (file) layers.push(layer(file, '.prompt-audit.json'), layer(workspace, 'workspace settings'), layer(folder, 'folder settings'));
  const merged: Partial<AuditOptions> = {};
  for (const l of layers) {
    // Maps merge key by key (a project's overrides plus a user's own); scalars replace.
    const { rules, priceOverrides, ...scalars } = l;
    Object.assign(merged, scalars);
    if (rules) merged.rules = { ...merged.rules, ...rules };
    if (priceOverrides) merged.priceOverrides = { ...merged.priceOverrides, ...priceOverrides };
  }

  const boolean = (key: string, fallback: boolean): boolean => {
    const value = windowConfig.get<unknown>(key);
    if (value === undefined || value === null) return fallback;
    if (typeof value === 'boolean') return value;
    problems.push(`promptAuditor.${key} must be true or false; using ${fallback}.`);
    return fallback;
  };
  const debounceRaw = windowConfig.get<unknown>(SETTING.debounceMs);
  let debounceMs = DEFAULT_SETTINGS.debounceMs;
  if (typeof debounceRaw === 'number' && Number.isInteger(debounceRaw) && debounceRaw >= 0 && debounceRaw <= 10_000) debounceMs = debounceRaw;
  else if (debounceRaw !== undefined && debounceRaw !== null) problems.push(`promptAuditor.debounceMs must be a whole number from 0 to 10000; using ${debounceMs}.`);
  const modeRaw = windowConfig.get<unknown>(SETTING.statusBarMode);
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
