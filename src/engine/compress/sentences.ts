/** Sentence spans and the normalised key two sentences share when they say the same thing. */
import { LINE_OPENING } from './text';

export interface SentenceSpan {
  start: number;
  end: number;
  /** Where the sentence's line begins. */
  lineStart: number;
}

/**
 * Splits at line breaks and after sentence-ending punctuation followed by spaces. Spans exclude the separating
 * whitespace and a line's indentation and list marker. Works on masked text (a mask never splits).
 */
export function sentenceSpans(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const marker = LINE_OPENING.exec(text.slice(lineStart, lineEnd));
    let start = lineStart + (marker ? marker[0].length : 0);
    const boundary = /(?<![.!?。…])[.!?。…]+[)"”’']?(?=[ \t]+\S)/g;
    boundary.lastIndex = start;
    const line = text.slice(0, lineEnd);
    for (let m = boundary.exec(line); m; m = boundary.exec(line)) {
      const end = m.index + m[0].length;
      spans.push({ start, end, lineStart });
      start = end;
      while (start < lineEnd && (text[start] === ' ' || text[start] === '\t')) start++;
      boundary.lastIndex = start;
    }
    let end = lineEnd;
    while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
    if (end > start) spans.push({ start, end, lineStart });
    lineStart = lineEnd + 1;
  }
  return spans;
}

/** Discourse markers that do not change what a sentence asks for ("Remember: ...", "Again, ..."). */
const LEADING_MARKERS =
  /^(?:(?:(?:please|kindly|also|again|remember|reminder|note|important|once again|to repeat|as i said|as mentioned|as noted|as stated|finally|additionally)\b|(?:다시 한번 말씀드리지만|다시 말씀드리지만|다시 한번 강조하지만|다시 강조하지만|반복하지만|다시 말해|다시 한번|다시 한 번|참고로|또한|다시)(?=[ \t,:]))[ \t]*[,:!-]?[ \t]*)+/iu;

/** Lower-cased letters and digits of a plain-text sentence, without leading discourse markers. */
const NON_WORD = /[^\p{L}\p{N}]+/gu;
/** First letters of LEADING_MARKERS: most sentences skip that regex. */
const MARKER_INITIAL = /^[pkargnoitf다참또반]/i;

export function sentenceKey(sentence: string): string {
  let s = sentence.toLowerCase();
  if (MARKER_INITIAL.test(s)) s = s.replace(LEADING_MARKERS, '');
  return s.replace(NON_WORD, ' ').trim();
}
