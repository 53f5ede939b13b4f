import type { AuditedCall, Diagnostic, Fix, TextEdit } from '../../engine/model';

/**
 * Pure helpers over the engine's fixes (no `vscode`): which fixes a range offers, which safe fixes a "fix all" can
 * apply together, and what a text becomes once edits are applied (the preview's "after" side).
 */

/** Offsets of a span in the document; a cursor is an empty span. */
export interface Span {
  startOffset: number;
  endOffset: number;
}

/** Closed intervals, like vscode.Range.intersection: a cursor touching a diagnostic's end still gets its fixes. */
export function spansIntersect(a: Span, b: Span): boolean {
  return a.startOffset <= b.endOffset && b.startOffset <= a.endOffset;
}

/** The diagnostics whose range meets `span`: the ones whose quick fixes the editor offers there. */
export function diagnosticsAt(diagnostics: readonly Diagnostic[], span: Span): Diagnostic[] {
  return diagnostics.filter((d) => spansIntersect(d.range, span));
}

/** What a fix changes, as a key: two fixes with the same key make the same edit (one prompt sent by two calls). */
export function fixKey(fix: Pick<Fix, 'edits'>): string {
  return fix.edits.map((e) => `${e.range.startOffset}:${e.range.endOffset}:${e.newText}`).join('|');
}

/**
 * True when two edits cannot both apply: their replaced spans overlap, or an insertion falls inside or at the edge of
 * the other (the order of two texts inserted at one point would be a guess). Adjacent replacements are fine.
 */
export function editsConflict(a: TextEdit, b: TextEdit): boolean {
  const start = Math.max(a.range.startOffset, b.range.startOffset);
  const end = Math.min(a.range.endOffset, b.range.endOffset);
  if (start < end) return true;
  const aInsert = a.range.startOffset === a.range.endOffset;
  const bInsert = b.range.startOffset === b.range.endOffset;
  return start === end && (aInsert || bInsert);
}

export interface FixAllPlan {
  /** The safe fixes applied, in document order. */
  fixes: Fix[];
  /** Their edits, together: one WorkspaceEdit, one undo step. */
  edits: TextEdit[];
  /** Safe fixes left out because they touch text an earlier one already changes (applied on the next run). */
  conflicting: Fix[];
}

/**
 * "Fix all": every `safe` fix of the file's diagnostics, each once, in document order; a fix whose edits conflict with
 * one already taken is left for a later run (the file is re-audited after the edit).
 */
export function planFixAll(diagnostics: readonly Diagnostic[]): FixAllPlan {
  const seen = new Set<string>();
  const candidates: Fix[] = [];
  for (const diagnostic of diagnostics) {
    for (const fix of diagnostic.fixes) {
      if (!fix.safe || fix.edits.length === 0) continue;
      const key = fixKey(fix);
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push(fix);
    }
  }
  const firstOffset = (fix: Fix): number => Math.min(...fix.edits.map((e) => e.range.startOffset));
  candidates.sort((a, b) => firstOffset(a) - firstOffset(b));
  const plan: FixAllPlan = { fixes: [], edits: [], conflicting: [] };
  for (const fix of candidates) {
    if (fix.edits.some((e) => plan.edits.some((taken) => editsConflict(e, taken)))) {
      plan.conflicting.push(fix);
      continue;
    }
    plan.fixes.push(fix);
    plan.edits.push(...fix.edits);
  }
  return plan;
}

/** The text once `edits` (non-conflicting, offsets into `text`) are applied. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.range.startOffset - b.range.startOffset || a.range.endOffset - b.range.endOffset);
  for (let i = 1; i < sorted.length; i++) {
    if (editsConflict(sorted[i - 1]!, sorted[i]!)) throw new Error('Overlapping edits cannot be applied together.');
  }
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    out += text.slice(at, edit.range.startOffset) + edit.newText;
    at = edit.range.endOffset;
  }
  return out + text.slice(at);
}

/** The fix-all action's title: `Apply 3 safe Prompt Auditor fixes`. */
export function fixAllTitle(plan: FixAllPlan): string {
  const n = plan.fixes.length;
  return `Apply ${n} safe Prompt Auditor ${n === 1 ? 'fix' : 'fixes'}`;
}

/** Model references whose literal the fix can rewrite in this file (not a default or a value from elsewhere). */
const EDITABLE_MODEL_SOURCES = new Set(['literal', 'constant', 'constructor']);

/** The innermost call around `span` whose model id is written in this file and priced. */
export function switchableCallAt(calls: readonly AuditedCall[], span: Span): { call: AuditedCall; index: number } | null {
  let best: { call: AuditedCall; index: number } | null = null;
  calls.forEach((call, index) => {
    if (call.range.startOffset > span.startOffset || call.range.endOffset < span.endOffset) return;
    if (!call.model?.range || !EDITABLE_MODEL_SOURCES.has(call.model.source) || call.cost?.requestUsd == null) return;
    if (!best || call.range.endOffset - call.range.startOffset < best.call.range.endOffset - best.call.range.startOffset) best = { call, index };
  });
  return best;
}
