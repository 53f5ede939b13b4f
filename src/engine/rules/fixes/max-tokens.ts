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
 */
export function setMaxTokensFix(source: SourceText, call: AuditedCall, value: number, opts: { safe: boolean; reason?: string }): Fix | null {
  if (!call.maxTokens || !/^[\d_]+$/.test(source.slice(call.maxTokens.range).trim())) return null;
  const n = Math.max(1, Math.floor(value));
  return {
    title: `Set ${call.maxTokens.key} to ${formatCount(n)}${opts.reason ? ` (${opts.reason})` : ''}`,
    kind: 'quickfix',
    safe: opts.safe,
    edits: [{ range: call.maxTokens.range, newText: String(n) }],
  };
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
