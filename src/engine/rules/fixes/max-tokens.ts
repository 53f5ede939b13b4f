import { formatCount } from '../../format';
import type { AuditedCall, Fix } from '../../model';
import { normalizeModelId } from '../../price';
import type { SourceText } from '../source';
import { insertArgumentEdit } from './arguments';

/**
 * "Set max_tokens to N": replaces the cap's number literal at the call (or in the configured object it comes from).
 * Only a literal is replaced: a name there may be a wrapper's parameter, and writing a number over it would drop
 * what its callers pass. Lowering a cap can cut an answer short, so it is not a "fix all" candidate unless the
 * current value is one the API rejects anyway (`safe`).
 * `max_tokens=MAX_TOKENS` edits the constant's literal where it is defined, only when no other call of `calls` takes
 * its cap from it: lowering a shared constant changes every call that uses it, each of which has its own finding and
 * its own right value (and "fix all" would make conflicting edits of one literal). A constant's edit is never `safe`:
 * other code may read the constant too.
 */
export function setMaxTokensFix(
  source: SourceText,
  call: AuditedCall,
  value: number,
  opts: { safe: boolean; reason?: string; calls?: readonly AuditedCall[] },
): Fix | null {
  const cap = call.maxTokens;
  if (!cap || (cap.literal && sharesCapConstant(call, opts.calls ?? []))) return null;
  const target = cap.literal ?? cap.range;
  if (!/^[\d_]+$/.test(source.slice(target).trim())) return null;
  const n = Math.max(1, Math.floor(value));
  const where = cap.literal ? ` (${source.slice(cap.range).trim()} on line ${cap.literal.start.line + 1})` : '';
  return {
    title: `Set ${cap.key} to ${formatCount(n)}${where}${opts.reason ? ` (${opts.reason})` : ''}`,
    kind: 'quickfix',
    safe: opts.safe && !cap.literal,
    edits: [{ range: target, newText: String(n) }],
  };
}

/** True when another of `calls` takes its cap from the same-file constant this call's cap comes from. */
export function sharesCapConstant(call: AuditedCall, calls: readonly AuditedCall[]): boolean {
  const at = call.maxTokens?.literal?.startOffset;
  return at !== undefined && calls.some((c) => c !== call && c.maxTokens?.literal?.startOffset === at);
}

/** Reasoning models count their hidden reasoning in the cap: OpenAI names it max_completion_tokens for them. */
export function isReasoningModel(modelId: string): boolean {
  const id = normalizeModelId(modelId);
  return /^o\d(-|$)|^gpt-5(?!.*-chat)|reasoner|(^|-)r1(-|$)|thinking|qwq/.test(id);
}

/** The output-cap argument of an API whose request is read at the call (nested configs are not edited). */
function capKey(source: SourceText, call: AuditedCall): string | null {
  if (call.provider === 'openai') {
    if (call.api.startsWith('responses.')) return 'max_output_tokens';
    if (call.api.startsWith('chat.completions.') || call.api.startsWith('ChatCompletion.')) {
      return isReasoningModel(call.effectiveModel) ? 'max_completion_tokens' : 'max_tokens';
    }
    if (call.api.startsWith('completions.') || call.api.startsWith('Completion.')) return 'max_tokens';
    return null;
  }
  // The OpenAI client pointed at another provider's compatible API (DeepSeek, Moonshot, a local server via base_url).
  if (call.api.startsWith('chat.completions.') || call.api.startsWith('completions.')) return 'max_tokens';
  if (call.provider === 'mistral') return source.isPython ? 'max_tokens' : 'maxTokens';
  if (call.api.startsWith('litellm.')) return 'max_tokens';
  return null;
}

/** "Add max_tokens: N" at the call, for the APIs whose cap argument name is certain. */
export function addMaxTokensFix(source: SourceText, call: AuditedCall, value: number): Fix | null {
  const key = capKey(source, call);
  if (!key) return null;
  const edit = insertArgumentEdit(source, call, key, String(Math.floor(value)));
  if (!edit) return null;
  const n = Math.floor(value);
  return { title: source.isPython ? `Add ${key}=${n}` : `Add ${key}: ${n}`, kind: 'quickfix', safe: false, edits: [edit] };
}
