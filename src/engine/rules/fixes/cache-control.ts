import type { AuditedCall, Fix, Prompt } from '../../model';
import type { SourceText } from '../source';

/** The quote the file's own literals at this call use (the model id's, else the system prompt's), else the language's usual. */
function quoteOf(source: SourceText, call: AuditedCall): string {
  for (const range of [call.model?.range, call.args['system']]) {
    const first = range ? source.slice(range)[0] : undefined;
    if (first === '"' || first === "'") return first;
  }
  return source.isPython ? '"' : "'";
}

/**
 * Anthropic Messages: `system="..."` / `system: HANDBOOK` becomes a one-block system list with
 * `cache_control: {type: "ephemeral"}`, the original expression kept as the block's text (so a constant stays a
 * constant). The text sent is unchanged: only billing changes. Only a string can be wrapped so: the call's one system
 * prompt must be the whole argument (a block list, at the call or in a constant, is not rewritten). Null when `system`
 * is not a plain argument at the call (a block list, or passed through `**params`).
 */
export function addCacheControlFix(source: SourceText, call: AuditedCall, system: readonly Prompt[], safe: boolean, title: string): Fix | null {
  const range = call.args['system'];
  if (!range) return null;
  const expression = source.slice(range);
  if (/^\s*[[(]\s*[{[]/.test(expression) || expression.trimStart().startsWith('[')) return null;
  const whole = system.length === 1 && system[0]!.range.startOffset === range.startOffset && system[0]!.range.endOffset === range.endOffset;
  if (!whole) return null;
  // What precedes the value: `system=` / `system:`; a TS shorthand property `{ system }` has neither.
  let before = range.startOffset - 1;
  while (before >= 0 && /\s/.test(source.text[before]!)) before--;
  const separator = source.text[before];
  const q = quoteOf(source, call);
  const s = (word: string): string => `${q}${word}${q}`;
  let block: string;
  if (source.isPython) {
    if (separator !== '=') return null;
    block = `[{${s('type')}: ${s('text')}, ${s('text')}: ${expression}, ${s('cache_control')}: {${s('type')}: ${s('ephemeral')}}}]`;
  } else {
    block = `[{ type: ${s('text')}, text: ${expression}, cache_control: { type: ${s('ephemeral')} } }]`;
    if (separator !== ':') {
      if (expression !== 'system') return null;
      block = `system: ${block}`;
    }
  }
  return { title, kind: 'quickfix', safe, edits: [{ range, newText: block }] };
}
