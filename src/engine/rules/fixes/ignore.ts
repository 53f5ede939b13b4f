import type { Directive, Fix } from '../../model';
import type { SourceText } from '../source';

/**
 * The first line of the statement a finding's subject starts on: a Python line continued with a backslash cannot
 * take a comment line after it, so the ignore comment goes above the whole continued statement.
 */
export function anchorLine(source: SourceText, line: number): number {
  let l = line;
  while (l > 0 && /\\[ \t]*$/.test(source.lineText(l - 1))) l--;
  return l;
}

/**
 * "Ignore <rule> on this line": a `# prompt-audit: ignore <rule>` (`//` in TS/JS) comment line above the subject,
 * indented like it. When an ignore comment naming other rules is already there, the rule is added to it instead.
 */
export function ignoreFix(source: SourceText, ruleId: string, subjectLine: number, directives: readonly Directive[]): Fix {
  const line = anchorLine(source, subjectLine);
  const title = `Ignore ${ruleId} on this line`;
  const existing = directives.find(
    (d) => d.kind === 'ignore' && d.line === line - 1 && d.rules.length > 0 && source.lineText(d.line).trimStart().startsWith(source.slice(d.range).trimStart()),
  );
  if (existing) {
    const comment = source.slice(existing.range);
    const closing = /\s*\*\/\s*$/.exec(comment);
    const at = closing ? existing.range.startOffset + closing.index : existing.range.endOffset;
    return { title, kind: 'quickfix', safe: false, edits: [{ range: source.point(at), newText: `, ${ruleId}` }] };
  }
  const offset = source.lineStart(line);
  const newText = `${source.indentOf(line)}${source.commentMarker} prompt-audit: ignore ${ruleId}${source.eol}`;
  return { title, kind: 'quickfix', safe: false, edits: [{ range: source.point(offset), newText }] };
}
