import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { AuditOptions } from '../engine/options';
import { withDefaults } from '../engine/options';
import { configureVocabularies } from '../engine/count';
import { describeProblems, parseWorkspaceConfig } from '../engine/price';
import { describeFsError } from '../workspace/files';

/**
 * The CLI's side of the AuditOptions snapshot: command-line flags over the workspace `.prompt-audit.json` over the
 * engine defaults. Commands that audit (scan, and later others) share these flags.
 */

/** A bad command line: the command prints the message and its usage, and exits with 2. */
export class UsageError extends Error {}

export const EXIT_OK = 0;
/** `--fail-on` found diagnostics at or above the threshold. */
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** Flags that set AuditOptions fields, and the workspace file they override. */
export const AUDIT_OPTION_FLAGS = {
  config: { type: 'string' },
  'no-config': { type: 'boolean' },
  model: { type: 'string' },
  'requests-per-day': { type: 'string' },
  'days-per-month': { type: 'string' },
  'expected-output': { type: 'string' },
  'placeholder-tokens': { type: 'string' },
  'max-file-bytes': { type: 'string' },
} as const satisfies OptionSpecs;

export const AUDIT_OPTION_HELP = [
  ['--config FILE', 'settings file (default ./.prompt-audit.json when present); flags override it'],
  ['--no-config', 'ignore ./.prompt-audit.json'],
  ['--model M', 'model for calls whose model cannot be read, and for prompt constants (default gpt-4o-mini)'],
  ['--requests-per-day N', 'requests per day per call, for $/month (default 1000; a `prompt-audit: 5000/day` comment wins)'],
  ['--days-per-month N', 'days per month (default 30)'],
  ['--expected-output N', 'output tokens assumed when a call sets no max tokens (default 500)'],
  ['--placeholder-tokens N', 'tokens added per placeholder of a templated prompt (default 0)'],
  ['--max-file-bytes N', 'files larger than this are skipped with a note (default 1000000)'],
] as const;

type AuditFlagValues = {
  [K in keyof typeof AUDIT_OPTION_FLAGS]?: (typeof AUDIT_OPTION_FLAGS)[K]['type'] extends 'boolean' ? boolean : string;
};

/** Parses a command line strictly; unknown flags and missing values become a UsageError. */
export function parseCommandLine<T extends OptionSpecs>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message.split('. To specify')[0]! : String(err));
  }
}

/**
 * Downloads are opt-in (the only network use the product has): a vocabulary that is neither bundled nor cached is
 * fetched only with this flag (or PROMPT_AUDIT_ALLOW_DOWNLOAD=1); otherwise its models get an approximate count.
 */
export const DOWNLOAD_FLAG = { 'allow-download': { type: 'boolean' } } as const satisfies OptionSpecs;
export const DOWNLOAD_HELP = [
  '--allow-download',
  'fetch a tokenizer vocabulary that is not installed (Gemma 3 for Gemini, 33 MB, SHA-256 checked) once into ~/.cache/prompt-audit',
] as const;

export function applyDownloadFlag(values: { 'allow-download'?: boolean }): void {
  if (values['allow-download']) configureVocabularies({ allowDownload: true });
}

/** Flag values over `base` (defaults, or defaults plus the workspace file). */
export function auditOptionsFromFlags(values: AuditFlagValues, base: Partial<AuditOptions> = {}): AuditOptions {
  const options = withDefaults(base);
  if (values.model !== undefined) {
    if (!values.model.trim()) throw new UsageError('--model needs a model id, e.g. --model gpt-4o');
    options.defaultModel = values.model.trim();
  }
  if (values['requests-per-day'] !== undefined) options.requestsPerDay = numberFlag('--requests-per-day', values['requests-per-day'], { min: 0 });
  if (values['days-per-month'] !== undefined) options.daysPerMonth = numberFlag('--days-per-month', values['days-per-month'], { min: 0, max: 31 });
  if (values['expected-output'] !== undefined) options.expectedOutputTokens = numberFlag('--expected-output', values['expected-output'], { min: 0, integer: true });
  if (values['placeholder-tokens'] !== undefined) options.placeholderTokens = numberFlag('--placeholder-tokens', values['placeholder-tokens'], { min: 0, integer: true });
  if (values['max-file-bytes'] !== undefined) options.maxFileBytes = numberFlag('--max-file-bytes', values['max-file-bytes'], { min: 1, integer: true });
  return options;
}

/** The workspace settings file the CLI reads from the current folder, as the extension does from the workspace root. */
export const WORKSPACE_CONFIG_FILE = '.prompt-audit.json';

export interface LoadedAuditOptions {
  options: AuditOptions;
  /** The settings file read, as given or relative to the current folder; null when none. */
  configFile: string | null;
  /** Problems with the settings file, one sentence each naming the field; the CLI prints them on stderr. */
  warnings: string[];
}

/**
 * The AuditOptions snapshot of a command: engine defaults, then the settings file (`--config FILE`, else
 * ./.prompt-audit.json when present, unless `--no-config`), then flags. A field of the file that fails validation
 * is reported by name and left out, so the defaults and the bundled price catalog stay in use for it.
 * A `--config` file that cannot be read is a UsageError.
 */
export async function loadAuditOptions(values: AuditFlagValues, cwd: string): Promise<LoadedAuditOptions> {
  const explicit = values.config;
  if (explicit !== undefined && values['no-config']) throw new UsageError('--config and --no-config cannot be used together');
  let configFile: string | null = null;
  let fromFile: Partial<AuditOptions> = {};
  const warnings: string[] = [];
  if (!values['no-config']) {
    const file = explicit ?? WORKSPACE_CONFIG_FILE;
    let text: string | null = null;
    try {
      text = await readFile(path.resolve(cwd, file), 'utf8');
    } catch (err) {
      if (explicit !== undefined) throw new UsageError(`--config ${explicit}: ${describeFsError(err)}`);
    }
    if (text !== null) {
      configFile = file;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (err) {
        warnings.push(`${file} is not valid JSON (${err instanceof Error ? err.message : String(err)}); ignored, the defaults and the bundled price catalog stay in use.`);
      }
      if (json !== undefined) {
        const parsed = parseWorkspaceConfig(json);
        fromFile = parsed.options;
        warnings.push(...describeProblems(parsed.problems, file));
      }
    }
  }
  return { options: auditOptionsFromFlags(values, fromFile), configFile, warnings };
}

/** `5000`, `5_000` and `5,000` are all five thousand. */
export function numberFlag(flag: string, raw: string, limits: { min?: number; max?: number; integer?: boolean }): number {
  const text = raw.trim().replace(/[_,](?=\d{3}(\D|$))/g, '');
  const value = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  const kind = limits.integer ? 'a whole number' : 'a number';
  const range =
    limits.max !== undefined ? ` from ${limits.min ?? 0} to ${limits.max}` : limits.min !== undefined && limits.min > 0 ? ` of at least ${limits.min}` : '';
  if (
    !Number.isFinite(value) ||
    (limits.integer && !Number.isInteger(value)) ||
    (limits.min !== undefined && value < limits.min) ||
    (limits.max !== undefined && value > limits.max)
  ) {
    throw new UsageError(`${flag} expects ${kind}${range}, got '${raw}'`);
  }
  return value;
}

/** Lines of `  --flag VALUE   description` for a command's --help. */
export function helpLines(rows: readonly (readonly [string, string])[]): string {
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`).join('\n');
}
