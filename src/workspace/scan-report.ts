import type { AuditResult, LanguageId, Severity } from '../engine/model';
import type { AuditOptions } from '../engine/options';
import type { CatalogInfo } from '../engine/price';
import type { SkippedPath } from './files';

/** What a scan produced, before formatting: the input of every formatter (table, JSON). */
export interface ScanReport {
  /** Audited files, sorted by path. */
  files: FileAudit[];
  /** Paths that were not audited, with the reason. */
  skipped: SkippedPath[];
  /** The options the figures were computed with (monthly figures depend on them). */
  options: AuditOptions;
  /** The settings file the options were read from, if any. */
  configFile?: string | null;
  /** The bundled price catalog the figures come from (its date, and whether it is old). */
  catalog?: CatalogInfo;
}

export interface FileAudit {
  path: string;
  language: LanguageId;
  result: AuditResult;
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export interface ScanSummary {
  files: number;
  calls: number;
  /** Distinct prompts: every prompt of a call, plus prompt constants no call in their file uses by name. */
  prompts: number;
  diagnostics: Record<Severity, number>;
  /** Sum over calls with a known price; null when there are calls and none has a known price. */
  monthlyUsd: number | null;
  /** Calls left out of monthlyUsd because their price is unknown. */
  callsPriceUnknown: number;
  skipped: number;
}

export function summarize(report: ScanReport): ScanSummary {
  const diagnostics: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let calls = 0;
  let prompts = 0;
  let monthly = 0;
  let priced = 0;
  let callsPriceUnknown = 0;
  for (const { result } of report.files) {
    calls += result.calls.length;
    const usedNames = new Set<string>();
    for (const call of result.calls) {
      prompts += call.prompts.length;
      for (const prompt of call.prompts) if (prompt.name) usedNames.add(prompt.name);
      const monthlyUsd = call.cost?.monthlyUsd;
      if (typeof monthlyUsd === 'number') {
        monthly += monthlyUsd;
        priced++;
      } else {
        callsPriceUnknown++;
      }
    }
    prompts += result.prompts.filter((p) => !usedNames.has(p.name)).length;
    for (const d of result.diagnostics) diagnostics[d.severity]++;
  }
  return {
    files: report.files.length,
    calls,
    prompts,
    diagnostics,
    monthlyUsd: calls > 0 && priced === 0 ? null : Number(monthly.toPrecision(12)),
    callsPriceUnknown,
    skipped: report.skipped.length,
  };
}

/** True when some diagnostic is at `threshold` or more severe (error > warning > info > hint). */
export function hasDiagnosticsAtOrAbove(report: ScanReport, threshold: Severity): boolean {
  const rank = SEVERITIES.indexOf(threshold);
  return report.files.some(({ result }) => result.diagnostics.some((d) => SEVERITIES.indexOf(d.severity) <= rank));
}
