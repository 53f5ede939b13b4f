/**
 * Small text facts shared by the scanner, the rules and the invariant checks: mask characters, sentence starts,
 * line markers, scripts. Masks are single private-use characters, so a rule's regex sees a protected span as one
 * opaque symbol that no word pattern (\w, \p{L}, [가-힣]) matches.
 */

export const MASK_FIRST = 0xe000;
export const MASK_LAST = 0xf8ff;
/** Regex source for one mask character. */
export const MASK_CLASS = '[\\uE000-\\uF8FF]';

/** Regex source for a list or heading marker: a bullet, `>`, `#`..`######`, or a number (or masked one) with `.`/`)`. */
export const LIST_MARKER = `(?:[-*+>•]|#{1,6}|(?:\\d{1,3}|${MASK_CLASS})[.)])`;
/** The indentation and marker (with the spaces after it) opening a line, if any: what precedes its first word. */
export const LINE_OPENING = new RegExp(`^[ \\t]*(?:${LIST_MARKER}[ \\t]+)?`);

export function isMaskChar(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return c >= MASK_FIRST && c <= MASK_LAST;
}

export function hasPrivateUseChars(text: string): boolean {
  return /[\uE000-\uF8FF]/.test(text);
}

/** The mask characters of `text`, in order. */
export function masksOf(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= MASK_FIRST && c <= MASK_LAST) out += text[i];
  }
  return out;
}

/**
 * Lookbehind source that holds where a sentence may begin: the start of the text or of a line (after indentation
 * and a list / heading / quote marker), or after sentence-ending punctuation and spaces.
 */
export const SENTENCE_START =
  '(?<=(?:^|\\n)[ \\t]*(?:(?:[-*+>•]|#{1,6}|(?:\\d{1,3}|[a-zA-Z]|[\\uE000-\\uF8FF])[.)])[ \\t]+)?|[.!?。…][)"”’\']?[ \\t]+|:[ \\t]+)';

const SENTENCE_START_RE = new RegExp(`${SENTENCE_START}$`);

/** True when a sentence may begin at `index` of `text` (same definition as SENTENCE_START). */
export function isSentenceStart(text: string, index: number): boolean {
  // Only the current line matters; look back a bounded stretch so this stays O(1) per call (a 100 KB line too).
  const from = Math.max(0, index - 40);
  let lineStart = from === 0 ? 0 : -1;
  for (let i = index - 1; i >= from; i--) {
    if (text.charCodeAt(i) === 10) {
      lineStart = i + 1;
      break;
    }
  }
  if (lineStart < 0) return /(?:[.!?。…][)"”’']?|:)[ \t]+$/.test(text.slice(from, index));
  return SENTENCE_START_RE.test((lineStart > 0 ? '\n' : '') + text.slice(lineStart, index));
}

/** A line's structural marker: indentation plus heading / bullet / numbered-item / quote marker, or null. */
export function lineMarker(line: string): string | null {
  const m = /^([ \t]*)(#{1,6}(?=[ \t])|[-*+•](?=[ \t])|>|(?:\d{1,3}|[\uE000-\uF8FF])[.)](?=[ \t]))/.exec(line);
  return m ? m[1] + m[2] : null;
}

export function isNumberedOrHeading(marker: string): boolean {
  return /#|[.)]$/.test(marker);
}

export function isBlank(line: string): boolean {
  return /^[ \t]*$/.test(line);
}

/**
 * Which of the prompt's scripts occur in a text outside protected spans: Hangul, Latin, both, or neither. The
 * language invariant is that this stays the same (no rewrite translates, or drops all of one language); how the
 * mix shifts when padding in one language goes is not a change of language.
 */
export function scriptsOf(text: string): 'ko' | 'en' | 'ko+en' | 'none' {
  const hangul = /[\uAC00-\uD7A3\u1100-\u11FF\u3130-\u318F]/.test(text);
  const latin = /[A-Za-z]/.test(text);
  return hangul ? (latin ? 'ko+en' : 'ko') : latin ? 'en' : 'none';
}

/** `replacement` with the case of `original`'s first letter (for "In order to" -> "To"). */
export function matchCase(original: string, replacement: string): string {
  if (!replacement) return replacement;
  const first = original.charAt(0);
  if (first >= 'A' && first <= 'Z') return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  if (first >= 'a' && first <= 'z') return replacement.charAt(0).toLowerCase() + replacement.slice(1);
  return replacement;
}

/**
 * Lookahead source that fails fast unless the next character can begin one of `words`: put in front of a pattern that
 * starts with a lookbehind (SENTENCE_START), so the lookbehind only runs where a match can start.
 */
export function startsWithOneOf(words: readonly string[]): string {
  const chars = new Set<string>();
  for (const w of words) for (const c of [w[0].toLowerCase(), w[0].toUpperCase()]) chars.add(c.replace(/[\\\]^-]/g, '\\$&'));
  return `(?=[${[...chars].join('')}])`;
}

/** Alternation source for a list of phrases: longest first, spaces match any run of spaces. */
export function phrases(list: readonly string[]): string {
  return [...list]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \\t]+'))
    .join('|');
}
