// Shared by the rule tests: run the real pipeline on a fixture, read its `expect:` markers, apply a fix's edits.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { audit } from '../../../src/engine/audit';
import type { AuditResult, Diagnostic, Fix, LanguageId } from '../../../src/engine/model';
import { withDefaults, type AuditOptions } from '../../../src/engine/options';

export const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'rules');

export function languageOf(file: string): LanguageId {
  if (file.endsWith('.py')) return 'python';
  if (file.endsWith('.tsx')) return 'typescriptreact';
  if (file.endsWith('.jsx')) return 'javascriptreact';
  if (file.endsWith('.js') || file.endsWith('.mjs')) return 'javascript';
  return 'typescript';
}

export function readFixture(...path: string[]): string {
  return readFileSync(join(FIXTURES, ...path), 'utf8');
}

export async function auditText(text: string, language: LanguageId, options: Partial<AuditOptions> = {}): Promise<AuditResult> {
  return audit(text, language, withDefaults(options));
}

/**
 * 0-based lines a fixture says `rule` reports on: `expect: rule-a, rule-b` in a comment on the line itself, or
 * `expect-below: rule` on the line above (where the reported line cannot take a comment, e.g. a template literal).
 */
export function expectedLines(text: string, rule: string): number[] {
  const lines = text.split('\n');
  const out = new Set<number>();
  lines.forEach((line, i) => {
    const here = /expect: ([\w, -]+)/.exec(line);
    if (here && here[1]!.split(/[\s,]+/).includes(rule)) out.add(i);
    const below = /expect-below: ([\w, -]+)/.exec(line);
    if (below && below[1]!.split(/[\s,]+/).includes(rule)) out.add(i + 1);
  });
  return [...out].sort((a, b) => a - b);
}

export function reportedLines(result: AuditResult, rule: string): number[] {
  return [...new Set(result.diagnostics.filter((d) => d.rule === rule).map((d) => d.range.start.line))].sort((a, b) => a - b);
}

/** The text after a fix, its edits applied from the end so offsets stay valid; throws on overlapping edits. */
export function applyFix(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => b.range.startOffset - a.range.startOffset);
  let out = text;
  let limit = Infinity;
  for (const e of edits) {
    if (e.range.endOffset > limit) throw new Error(`overlapping edits in "${fix.title}"`);
    out = out.slice(0, e.range.startOffset) + e.newText + out.slice(e.range.endOffset);
    limit = e.range.startOffset;
  }
  return out;
}

export function only(result: AuditResult, rule: string): Diagnostic[] {
  return result.diagnostics.filter((d) => d.rule === rule);
}

export function fixNamed(d: Diagnostic, startsWith: string): Fix {
  const fix = d.fixes.find((f) => f.title.startsWith(startsWith));
  if (!fix) throw new Error(`no fix "${startsWith}..." on ${d.rule}: ${d.fixes.map((f) => f.title).join(' | ')}`);
  return fix;
}
