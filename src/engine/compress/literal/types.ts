/** A string literal as source: what it decodes to, character by character, and how each character is spelled. */

/** One decoded code point and its spelling in the source (`\n`, `\u00e9`, `{{`, or the character itself). */
export interface TextPart {
  kind: 'text';
  value: string;
  raw: string;
  /** Source before the part that decodes to nothing (a line continuation `\<newline>`). */
  lead: string;
  /**
   * A backslash that stands for itself only because the escape after it is unknown (Python `"\d"`): written as is
   * only while the same character still follows it.
   */
  lonelyBackslash?: boolean;
}

/** An interpolation (`{expr}` in an f-string, `${expr}` in a template) or an escape whose value we do not decode (`\N{...}`). */
export interface OpaquePart {
  kind: 'opaque';
  raw: string;
  lead: string;
}

export type LiteralPart = TextPart | OpaquePart;

export interface ParsedLiteral {
  host: 'python' | 'js';
  /** Prefix and opening quote(s): `rf"""`, `'`, `` ` ``. */
  open: string;
  close: string;
  /** The quote character itself. */
  quote: string;
  triple: boolean;
  raw: boolean;
  bytes: boolean;
  /** Braces are doubled in text (Python f-strings). */
  fstring: boolean;
  template: boolean;
  parts: LiteralPart[];
  /** Source after the last part that decodes to nothing (a line continuation before the closing quote). */
  tail: string;
}

/** The literal's text as a prompt: decoded characters, interpolations as written. */
export function literalText(lit: ParsedLiteral): string {
  let s = '';
  for (const p of lit.parts) s += p.kind === 'text' ? p.value : p.raw;
  return s;
}
