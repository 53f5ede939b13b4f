import type { Accuracy, TokenFigure } from './model';

/**
 * Surface formatting of figures, shared by the CLI and the extension so both print the same thing.
 * Pure string functions: no locale lookups (always `en-US` grouping), no I/O.
 * Unknown money is `null` and prints as "price unknown", never as $0.
 */

export const PRICE_UNKNOWN = 'price unknown';

/** `1234567` -> `1,234,567`. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/**
 * A dollar amount sized for reading: `$0.0031`, `$0.045`, `$0.50`, `$3.10`, `$93.40`, `$1,234`.
 * Below $1 two significant digits are kept, so a per-request price never collapses to `$0.00`.
 */
export function formatUsd(usd: number | null | undefined): string {
  if (usd === null || usd === undefined || !Number.isFinite(usd)) return PRICE_UNKNOWN;
  if (usd < 0) return `-${formatUsd(-usd)}`;
  if (usd === 0) return '$0';
  if (usd < 1) {
    // Two significant digits, at least two decimals; amounts under a millionth of a cent say so instead of rounding to 0.
    const rounded = Number(usd.toPrecision(2));
    const decimals = Math.max(2, 1 - Math.floor(Math.log10(rounded)));
    if (decimals > 8) return '<$0.00000001';
    return `$${rounded.toFixed(decimals)}`;
  }
  if (usd < 100) return `$${usd.toFixed(2)}`;
  return `$${formatCount(usd)}`;
}

/** Monthly figures: whole dollars from $10 up (`$93/month`, `$1,234/month`), cents below (`$4.50/month`). */
export function formatUsdPerMonth(usd: number | null | undefined): string {
  if (usd === null || usd === undefined || !Number.isFinite(usd)) return PRICE_UNKNOWN;
  const amount = usd >= 10 ? `$${formatCount(usd)}` : formatUsd(usd);
  return `${amount}/month`;
}

/** The mark a figure carries for how far it can be trusted: none when exact. */
export function accuracyMark(accuracy: Accuracy): string {
  switch (accuracy) {
    case 'exact':
      return '';
    case 'near-exact':
      return '~';
    case 'approximate':
      return '≈';
  }
}

/**
 * A token figure: `1,234` (exact), `~1,234` (near-exact), `≈1,234` (approximate), and a trailing `+` when
 * placeholders make it a lower bound (`≈1,234+`).
 */
export function formatTokens(figure: Pick<TokenFigure, 'tokens' | 'accuracy' | 'lowerBound'>): string {
  return `${accuracyMark(figure.accuracy)}${formatCount(figure.tokens)}${figure.lowerBound ? '+' : ''}`;
}

/** A legend for the marks formatTokens uses, for footers and hovers. */
export const TOKEN_MARKS_LEGEND = '≈ approximate · ~ near-exact · + lower bound (templated prompt)';

/** File sizes in notes: `812 B`, `64 KB`, `2.3 MB` (1 KB = 1,024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}
