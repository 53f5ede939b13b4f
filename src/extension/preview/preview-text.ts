import { formatCount, formatUsdPerMonth, PRICE_UNKNOWN } from '../../engine/format';
import type { Fix } from '../../engine/model';

/**
 * The words of a fix preview (pure): what the confirmation asks and what the diff editor's title says, from the
 * engine's preview figures (tokens before and after, $ per month saved).
 */

/** A fix whose result the user reviews in a diff before it is applied ("Compress prompt" rewrites a prompt's wording). */
export function needsPreview(fix: Fix): boolean {
  return typeof fix.preview?.diff === 'string' && fix.preview.diff.length > 0;
}

/** `412 → 318 tokens, saves $28/month` (or `price unknown`); null when the fix carries no figures. */
export function previewFigures(fix: Fix): string | null {
  const p = fix.preview;
  if (!p) return null;
  const parts: string[] = [];
  if (p.tokensBefore !== undefined && p.tokensAfter !== undefined) parts.push(`${formatCount(p.tokensBefore)} → ${formatCount(p.tokensAfter)} tokens`);
  if (p.usdPerMonthSaved !== undefined) parts.push(p.usdPerMonthSaved === null ? PRICE_UNKNOWN : `saves ${formatUsdPerMonth(p.usdPerMonthSaved)}`);
  return parts.length ? parts.join(', ') : null;
}

/** The confirmation: `Apply: 412 → 318 tokens, saves $28/month`. */
export function previewMessage(fix: Fix): string {
  const figures = previewFigures(fix);
  return figures ? `Apply: ${figures}` : `Apply "${fix.title}"?`;
}

/** The fix's name without the figures the engine puts in its title (`Compress prompt: 412 → 318 …` -> `Compress prompt`). */
export function fixName(fix: Fix): string {
  return fix.title.split(/[:(]/)[0]!.trim();
}

/** The diff editor's title: `support.py: Compress prompt (preview) — 412 → 318 tokens, saves $28/month`. */
export function previewTitle(fileName: string, fix: Fix): string {
  const figures = previewFigures(fix);
  return `${fileName}: ${fixName(fix)} (preview)${figures ? ` — ${figures}` : ''}`;
}
