// Small programs the extension's pure helpers are tested on, audited by the real engine (no hand-written results).
import { audit } from '../../../src/engine/audit';
import type { AuditResult, LanguageId } from '../../../src/engine/model';
import { withDefaults, type AuditOptions } from '../../../src/engine/options';

export function auditSource(text: string, language: LanguageId = 'python', options: Partial<AuditOptions> = {}): Promise<AuditResult> {
  return audit(text, language, withDefaults(options));
}

/** Offset of `needle` (plus `delta`) in `text`; throws when it is missing. */
export function offsetOf(text: string, needle: string, delta = 0): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not in the source`);
  return at + delta;
}

export { CLAUDE, FIX_ALL, KB, SUPPORT_BOT, UNKNOWN_MODEL, WORDY } from '../../shared/llm-sources';
