import { parseLiteral, type ParsedLiteral } from '../compress/literal';
import type { Prompt, PromptLiteral } from '../model';
import type { SourceText } from './source';

/**
 * Where a prompt's text stops being static. The evaluated text keeps placeholders as written; its literals say which
 * characters are fixed. Static runs of every literal (interpolations and, in a templated prompt, `.format` / `%`
 * placeholders break a run) are found in order in the text; whatever lies between them is dynamic.
 */

/** `{name}`, `{user.id}`, `{0}`, `%(name)s`, `{{name}}` (Mustache-style templates filled by code). */
const FORMAT_PLACEHOLDER = /\{\{\s*[A-Za-z_][\w.]*\s*\}\}|\{[A-Za-z_][\w.]*(?:![rsa])?(?::[^{}]*)?\}|\{\d*\}|%\([A-Za-z_]\w*\)[sdifr]/g;

export interface DynamicLayout {
  /** Offset in the prompt's text of the first dynamic character; null when the whole text is static. */
  firstDynamic: number | null;
  /** Every dynamic span [start, end) of the text. */
  spans: Array<[number, number]>;
}

/** Static runs of one literal: text between interpolations (and placeholders, when `placeholders`). */
function staticRuns(lit: ParsedLiteral, placeholders: boolean): string[] {
  const runs: string[] = [];
  let current = '';
  const flush = (): void => {
    if (current) runs.push(current);
    current = '';
  };
  for (const part of lit.parts) {
    if (part.kind === 'opaque') flush();
    else current += part.value;
  }
  flush();
  if (!placeholders || lit.fstring) return runs;
  return runs.flatMap((run) => run.split(FORMAT_PLACEHOLDER).filter((r) => r.length > 0));
}

/**
 * The dynamic layout of a prompt, or null when its text cannot be lined up with its literals (the evaluator
 * transformed it, e.g. `.strip()` or dedent): callers then make no claim.
 */
export function dynamicLayout(source: SourceText, prompt: Pick<Prompt, 'text' | 'templated' | 'literals'>): DynamicLayout | null {
  if (!prompt.templated) return { firstDynamic: null, spans: [] };
  // Literals come in text order, which is not source order when a constant defined above is appended
  // (`f"User: {name}\n\n" + HANDBOOK`); source order is the fallback for an extractor that sorted them.
  const sorted = [...prompt.literals].sort((a, b) => a.range.startOffset - b.range.startOffset);
  return layoutOf(source, prompt.text, prompt.literals) ?? layoutOf(source, prompt.text, sorted);
}

/** The layout when the literals' static runs are found in `text` in the given order; null when they are not. */
function layoutOf(source: SourceText, text: string, literals: readonly PromptLiteral[]): DynamicLayout | null {
  const runs: string[] = [];
  for (const l of literals) {
    const lit = parseLiteral(source.slice(l.range), source.language);
    if (!lit) return null;
    runs.push(...staticRuns(lit, true));
  }
  const spans: Array<[number, number]> = [];
  let pos = 0;
  for (const run of runs) {
    let at = text.indexOf(run, pos);
    let length = run.length;
    if (at < 0) {
      const trimmed = run.trim();
      if (!trimmed) continue;
      at = text.indexOf(trimmed, pos);
      length = trimmed.length;
      if (at < 0) return null;
    }
    if (at > pos) spans.push([pos, at]);
    pos = at + length;
  }
  if (pos < text.length) spans.push([pos, text.length]);
  return { firstDynamic: spans.length > 0 ? spans[0]![0] : null, spans };
}
