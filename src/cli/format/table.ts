import type { AuditedCall, Diagnostic, Severity } from '../../engine/model';
import {
  PRICE_UNKNOWN,
  TOKEN_MARKS_LEGEND,
  formatCount,
  formatTokens,
  formatUsd,
  formatUsdPerMonth,
} from '../../engine/format';
import { SEVERITIES, summarize, type FileAudit, type ScanReport } from '../../workspace/scan-report';

/** The human-readable `scan` output: per file, one row per call with its diagnostics below, then totals. */
export interface TableOptions {
  /** ANSI colours (severities, headers). The caller decides (a TTY, no NO_COLOR). */
  color: boolean;
  /** Terminal width to wrap findings at (with a hanging indent); unset: no wrapping (pipes, files). */
  width?: number;
}

const COLUMNS = ['line', 'call', 'model', 'max tokens', 'tokens', '$/request', '$/month'] as const;
/** Right-aligned columns (numbers). */
const NUMERIC = new Set<number>([0, 3, 4, 5, 6]);

export function formatTable(report: ScanReport, options: TableOptions = { color: false }): string {
  const paint = painter(options.color);
  const out: string[] = [];
  const withFindings = report.files.filter(hasFindings);
  const rowsByFile = new Map(withFindings.map((f) => [f, f.result.calls.map(callCells)]));
  const widths = COLUMNS.map((title, i) => Math.max(title.length, ...[...rowsByFile.values()].flat().map((cells) => cells[i]!.length)));
  const renderRow = (cells: readonly string[]) =>
    `  ${cells.map((c, i) => (NUMERIC.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ')}`.trimEnd();
  const detailIndent = ' '.repeat(2 + widths[0]! + 2);

  for (const file of withFindings) {
    const { result } = file;
    out.push(paint.bold(`${file.path}`) + paint.dim(`  (${file.language})`));
    const diagnostics = [...result.diagnostics].sort((a, b) => a.range.startOffset - b.range.startOffset);
    const shown = new Set<Diagnostic>();
    if (result.calls.length > 0) {
      out.push(paint.dim(renderRow(COLUMNS)));
      result.calls.forEach((call, i) => {
        out.push(renderRow(rowsByFile.get(file)![i]!));
        for (const d of diagnostics) {
          if (shown.has(d) || !withinCall(d, call)) continue;
          shown.add(d);
          out.push(...wrap(diagnosticLine(d, paint), detailIndent, options.width));
        }
      });
    }
    for (const d of diagnostics) if (!shown.has(d)) out.push(...wrap(diagnosticLine(d, paint), '  ', options.width));
    for (const p of result.prompts) {
      const lines = p.range.start.line === p.range.end.line ? `L${p.range.start.line + 1}` : `L${p.range.start.line + 1}-${p.range.end.line + 1}`;
      out.push(`  prompt ${p.name} (${p.role}, ${lines}): ${formatTokens(p.tokens)} tokens, ${formatUsd(p.costPer1000Usd)} per 1,000 uses`);
    }
    for (const note of result.notes) out.push(paint.dim(`  note: ${note}`));
    if (result.syntaxErrors > 0) out.push(paint.dim(`  note: ${formatCount(result.syntaxErrors)} syntax error(s); the rest of the file was read`));
    out.push('');
  }

  if (report.skipped.length > 0) {
    out.push(paint.bold('Skipped'));
    const width = Math.max(...report.skipped.map((s) => s.path.length));
    for (const s of report.skipped) out.push(`  ${s.path.padEnd(width)}  ${s.reason}`);
    out.push('');
  }

  out.push(...totalsLines(report, paint));
  return `${out.join('\n')}\n`;
}

function hasFindings(file: FileAudit): boolean {
  const r = file.result;
  return r.calls.length + r.prompts.length + r.diagnostics.length + r.notes.length + r.syntaxErrors > 0;
}

function callCells(call: AuditedCall): string[] {
  const model = call.model ? call.model.value : `${call.effectiveModel} (default)`;
  const maxTokens = call.maxTokens ? (call.maxTokens.value === null ? `${call.maxTokens.key}=?` : formatCount(call.maxTokens.value)) : '-';
  return [
    String(call.nameRange.start.line + 1),
    `${call.provider} ${call.api}`,
    model,
    maxTokens,
    formatTokens(call.inputTokens),
    formatUsd(call.cost?.requestUsd),
    call.cost?.monthlyUsd === null || call.cost?.monthlyUsd === undefined ? PRICE_UNKNOWN : formatUsdPerMonth(call.cost.monthlyUsd),
  ];
}

function withinCall(d: Diagnostic, call: AuditedCall): boolean {
  return d.range.start.line >= call.range.start.line && d.range.start.line <= call.range.end.line;
}

function diagnosticLine(d: Diagnostic, paint: Painter): string {
  const money = typeof d.usdPerMonth === 'number' ? ` (${formatUsdPerMonth(d.usdPerMonth)} at stake)` : '';
  return `${paint.severity(d.severity)} ${d.rule} L${d.range.start.line + 1}: ${d.message}${money}`;
}

/** Word-wraps one finding to `width` columns, continuation lines indented two more than the first. */
function wrap(text: string, indent: string, width: number | undefined): string[] {
  if (!width) return [indent + text];
  const room = Math.max(40, width - indent.length);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const visible = (s: string) => s.replace(/\u001b\[\d+m/g, '').length;
    if (line && visible(line) + 1 + visible(word) > (lines.length ? room - 2 : room)) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  lines.push(line);
  return lines.map((l, i) => (i === 0 ? indent : `${indent}  `) + l);
}

function totalsLines(report: ScanReport, paint: Painter): string[] {
  const s = summarize(report);
  const parts = [
    plural(s.files, 'file'),
    plural(s.calls, 'LLM call'),
    plural(s.prompts, 'prompt'),
    ...SEVERITIES.filter((sev) => s.diagnostics[sev] > 0).map((sev) => plural(s.diagnostics[sev], sev)),
  ];
  if (s.skipped > 0) parts.push(`${formatCount(s.skipped)} skipped`);
  const lines = [paint.bold(`Total: ${parts.join(', ')}`)];
  if (s.calls > 0) {
    const unknown = s.callsPriceUnknown > 0 ? ` (+ ${plural(s.callsPriceUnknown, 'call')} with price unknown)` : '';
    const { requestsPerDay, daysPerMonth } = report.options;
    lines.push(
      paint.bold(`Estimated cost: ${formatUsdPerMonth(s.monthlyUsd)}${unknown}`) +
        paint.dim(
          `  at ${formatCount(requestsPerDay)} requests/day per call, ${daysPerMonth} days/month unless a call says otherwise` +
            (report.configFile ? ` (settings: ${report.configFile})` : ''),
        ),
    );
    lines.push(paint.dim(`Tokens: ${TOKEN_MARKS_LEGEND}`));
    if (report.catalog) {
      const { catalogDate, ageDays, stale } = report.catalog;
      const age = stale ? `, ${formatCount(ageDays)} days old: prices may have changed (npm run prices:update)` : '';
      lines.push(stale ? paint.bold(`Prices: catalog of ${catalogDate}${age}`) : paint.dim(`Prices: catalog of ${catalogDate}`));
    }
    const assumed = report.files.flatMap((f) => f.result.calls).filter((c) => c.outputTokens.assumed).length;
    if (assumed > 0) {
      lines.push(
        paint.dim(
          `${plural(assumed, 'call')} without max tokens priced with ${formatCount(report.options.expectedOutputTokens)} output tokens (--expected-output).`,
        ),
      );
    }
  }
  const quiet = report.files.length - report.files.filter(hasFindings).length;
  if (quiet > 0) lines.push(paint.dim(`${plural(quiet, 'file')} without LLM calls or prompts not listed.`));
  return lines;
}

function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
}

interface Painter {
  bold(s: string): string;
  dim(s: string): string;
  severity(s: Severity): string;
}

function painter(color: boolean): Painter {
  const wrap = (code: string) => (s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const severityCodes: Record<Severity, string> = { error: '31', warning: '33', info: '36', hint: '2' };
  return {
    bold: wrap('1'),
    dim: wrap('2'),
    severity: (s) => wrap(severityCodes[s])(s),
  };
}
