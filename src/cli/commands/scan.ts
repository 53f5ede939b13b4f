import { audit } from '../../engine/audit';
import { missingVocabulary, vocabularySettings, type MissingVocabulary } from '../../engine/count';
import { formatBytes } from '../../engine/format';
import type { Severity } from '../../engine/model';
import type { AuditOptions } from '../../engine/options';
import { catalogInfo } from '../../engine/price';
import type { CliCommand } from '../commands';
import { processIO, type CommandIO } from '../io';
import { formatJson } from '../format/json';
import { SEVERITIES, hasDiagnosticsAtOrAbove, type FileAudit, type ScanReport } from '../../workspace/scan-report';
import { formatTable } from '../format/table';
import {
  AUDIT_OPTION_FLAGS,
  DOWNLOAD_FLAG,
  DOWNLOAD_HELP,
  applyDownloadFlag,
  AUDIT_OPTION_HELP,
  EXIT_FINDINGS,
  EXIT_OK,
  EXIT_USAGE,
  UsageError,
  helpLines,
  loadAuditOptions,
  parseCommandLine,
} from '../options';
import { findSourceFiles, readSourceFile, type SkippedPath, type SourceFile } from '../../workspace/files';

/** Where the command writes; tests pass their own. */
const USAGE = 'scan PATH... [--format table|json] [options]';

const SCAN_FLAGS = {
  ...AUDIT_OPTION_FLAGS,
  format: { type: 'string' },
  'fail-on': { type: 'string' },
  'no-gitignore': { type: 'boolean' },
  ...DOWNLOAD_FLAG,
  help: { type: 'boolean', short: 'h' },
} as const;

const FORMATS = ['table', 'json'] as const;
type Format = (typeof FORMATS)[number];

/** Files audited at once: reads overlap while the engine works on another file. */
const CONCURRENCY = 8;

function helpText(): string {
  return `Usage: prompt-audit ${USAGE}

Finds the LLM calls and prompts in Python and TypeScript/JavaScript files and folders, with their tokens, cost and
findings. Folders are walked honouring .gitignore; node_modules, .git, dist, build, out, virtualenvs and
__pycache__ are skipped.

Options:
${helpLines([
  ['--format table|json', 'output format (default table); the JSON is a stable contract, see README'],
  ...AUDIT_OPTION_HELP,
  ['--fail-on SEVERITY', `exit with 1 when a finding at or above SEVERITY exists (${SEVERITIES.join('|')})`],
  ['--no-gitignore', 'also audit files that .gitignore excludes'],
  DOWNLOAD_HELP,
  ['-h, --help', 'show this help'],
])}

Exit codes: 0 done, 1 findings at or above --fail-on, 2 bad arguments or a PATH that does not exist.
`;
}

export async function runScan(args: string[], io: CommandIO, cwd = process.cwd()): Promise<number> {
  let parsed;
  try {
    parsed = await parseScanArgs(args, cwd);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`prompt-audit scan: ${err.message}\nUsage: prompt-audit ${USAGE}\nRun 'prompt-audit scan --help' for all options.\n`);
    return EXIT_USAGE;
  }
  if (parsed.help) {
    io.stdout(helpText());
    return EXIT_OK;
  }

  const { paths, format, failOn, options, configFile, respectGitignore } = parsed;
  for (const warning of parsed.warnings) io.stderr(`prompt-audit scan: ${warning}\n`);
  const walked = await findSourceFiles(paths, { respectGitignore });
  const { files, skipped } = await auditFiles(walked.files, options);
  const report: ScanReport = { files, skipped: [...walked.skipped, ...skipped], options, configFile, catalog: catalogInfo() };

  io.stdout(format === 'json' ? formatJson(report) : formatTable(report, { color: io.color, width: io.width }));
  for (const path of walked.missing) io.stderr(`prompt-audit scan: ${path}: no such file or folder\n`);
  for (const hint of downloadHints(report)) io.stderr(`prompt-audit scan: ${hint}\n`);

  if (walked.missing.length > 0) return EXIT_USAGE;
  if (failOn && hasDiagnosticsAtOrAbove(report, failOn)) return EXIT_FINDINGS;
  return EXIT_OK;
}

/** Names the flag that would make approximate counts exact: one line per vocabulary this machine lacks. */
function downloadHints(report: ScanReport): string[] {
  if (vocabularySettings().allowDownload) return [];
  const missing = new Map<string, MissingVocabulary>();
  for (const { result } of report.files) {
    for (const call of result.calls) {
      if (call.inputTokens.accuracy !== 'approximate') continue;
      const vocab = missingVocabulary(call.effectiveModel);
      if (vocab) missing.set(vocab.id, vocab);
    }
  }
  return [...missing.values()].map(
    (v) => `${v.models} counts are approximate (≈): the ${v.label} tokenizer is not installed. Run again with --allow-download to fetch it (${formatBytes(v.bytes)}, once; prompts never leave the machine).`,
  );
}

interface ScanArgs {
  help: boolean;
  paths: string[];
  format: Format;
  failOn: Severity | null;
  options: AuditOptions;
  configFile: string | null;
  warnings: string[];
  respectGitignore: boolean;
}

export async function parseScanArgs(args: string[], cwd: string): Promise<ScanArgs> {
  const { values, positionals } = parseCommandLine(args, SCAN_FLAGS);
  const help = values.help === true;
  const format = (values.format ?? 'table') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be ${FORMATS.join(' or ')}, got '${values.format}'`);
  const failOn = values['fail-on'] === undefined ? null : (values['fail-on'] as Severity);
  if (failOn !== null && !SEVERITIES.includes(failOn)) {
    throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')}, got '${values['fail-on']}'`);
  }
  if (!help && positionals.length === 0) throw new UsageError('give at least one file or folder to scan, e.g. prompt-audit scan src/');
  const { options, configFile, warnings } = await loadAuditOptions(values, cwd);
  applyDownloadFlag(values);
  return { help, paths: positionals, format, failOn, options, configFile, warnings, respectGitignore: values['no-gitignore'] !== true };
}

/**
 * Reads and audits files with bounded concurrency, keeping the input order. A file that cannot be read, or whose
 * audit fails, becomes a skipped entry with the reason: one bad file never stops the scan.
 */
export async function auditFiles(
  files: readonly SourceFile[],
  options: AuditOptions,
  auditText: typeof audit = audit,
): Promise<{ files: FileAudit[]; skipped: SkippedPath[] }> {
  const outcomes: ({ audited: FileAudit } | { skipped: SkippedPath })[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      outcomes[index] = await auditOne(files[index]!, options, auditText);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker));
  const audited: FileAudit[] = [];
  const skipped: SkippedPath[] = [];
  for (const outcome of outcomes) {
    if ('audited' in outcome) audited.push(outcome.audited);
    else skipped.push(outcome.skipped);
  }
  return { files: audited, skipped };
}

async function auditOne(file: SourceFile, options: AuditOptions, auditText: typeof audit): Promise<{ audited: FileAudit } | { skipped: SkippedPath }> {
  const read = await readSourceFile(file, options.maxFileBytes);
  if (!read.ok) return { skipped: read.skipped };
  try {
    const result = await auditText(read.text, file.language, options);
    return { audited: { path: file.path, language: file.language, result } };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { skipped: { path: file.path, kind: 'audit-failed', reason: `audit failed: ${message}` } };
  }
}

export const scan: CliCommand = {
  name: 'scan',
  usage: USAGE,
  summary: 'audit files and folders: calls, prompts, tokens, cost, findings',
  run: (args) =>
    runScan(args, processIO()),
};
