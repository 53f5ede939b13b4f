import { maskText, unmaskText, type MaskedText } from './mask';
import { countNegations } from './negation';
import { sentenceKey, sentenceSpans } from './sentences';
import { MASK_FIRST, scriptsOf, isBlank, isNumberedOrHeading, lineMarker, masksOf } from './text';

/**
 * What a compressed prompt must keep (docs/compression.md): protected spans, negations, list/heading structure and
 * line breaks, the prompt's language. Computed over the distinct sentences of a text, so removing an exact repeat of
 * a sentence that is kept elsewhere loses nothing.
 */
export interface TextFacts {
  /** Mask characters of the distinct sentences, in order (masked texts only). */
  masks: string;
  /** Original text of those protected spans, in order. */
  protectedValues: string[];
  negations: number;
  /** Structural line markers (indentation + heading / bullet / number / quote), in order. */
  markers: string[];
  lines: number;
  nonBlankLines: number;
  script: ReturnType<typeof scriptsOf>;
}

export type Invariant = 'protected' | 'negation' | 'structure' | 'language';

export interface Violation {
  invariant: Invariant;
  detail: string;
}

export function textFacts(masked: string, values: readonly string[]): TextFacts {
  const seen = new Set<string>();
  let masks = '';
  const protectedValues: string[] = [];
  let negations = 0;
  for (const span of sentenceSpans(masked)) {
    const sentence = masked.slice(span.start, span.end);
    const plain = values.length ? unmaskText(sentence, values) : sentence;
    const key = sentenceKey(plain) || plain;
    if (seen.has(key)) continue;
    seen.add(key);
    const m = masksOf(sentence);
    masks += m;
    for (const ch of m) protectedValues.push(values[ch.charCodeAt(0) - MASK_FIRST]);
    negations += countNegations(plain);
  }
  return { masks, protectedValues, negations, ...shapeOf(masked) };
}

type Shape = Pick<TextFacts, 'markers' | 'lines' | 'nonBlankLines' | 'script'>;

/**
 * `compute` for the last few texts it was asked about. Each rule's output is the next rule's input, and both are
 * checked, so every text is asked about twice in a row; the same string object then hashes at no cost.
 */
function lastFew<T>(compute: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined) {
      value = compute(text);
      if (cache.size >= 4) cache.delete(cache.keys().next().value!);
      cache.set(text, value);
    }
    return value;
  };
}

/** Line structure and script. */
const shapeOf = lastFew((text): Shape => {
  const lines = text.split('\n');
  const markers: string[] = [];
  let nonBlankLines = 0;
  for (const line of lines) {
    if (isBlank(line)) continue;
    nonBlankLines++;
    const marker = lineMarker(line);
    if (marker) markers.push(marker);
  }
  return { markers, lines: lines.length, nonBlankLines, script: scriptsOf(text) };
});

/** The whole text's mask characters and negations: the fast path of compareMasked. */
const masksIn = lastFew(masksOf);
const negationsIn = lastFew(countNegations);

function isSubsequence(small: readonly string[] | string, big: readonly string[] | string): boolean {
  let j = 0;
  for (let i = 0; i < small.length; i++) {
    while (j < big.length && big[j] !== small[i]) j++;
    if (j === big.length) return false;
    j++;
  }
  return true;
}

/**
 * Compares the facts of a masked text before and after one rewrite. `mayRemoveLines`: the rewrite may drop lines
 * (bullets and plain lines; never numbered items or headings). Returns the first violation or null.
 */
export function compareMasked(
  before: string,
  after: string,
  values: readonly string[],
  mayRemoveLines: boolean,
): Violation | null {
  const masksBefore = masksIn(before);
  const masksAfter = masksIn(after);
  // Fast path: nothing protected and no negation went anywhere. Otherwise the difference must be explained by
  // dropped repeats, which only the sentence view can tell.
  if (masksBefore !== masksAfter || negationsIn(before) !== negationsIn(after)) {
    const a = textFacts(before, values);
    const b = textFacts(after, values);
    if (a.masks !== b.masks || !isSubsequence(masksAfter, masksBefore)) {
      return { invariant: 'protected', detail: 'a protected span was removed, duplicated or moved' };
    }
    if (a.negations !== b.negations) {
      return { invariant: 'negation', detail: `negations/prohibitions ${a.negations} -> ${b.negations}` };
    }
  }
  return compareShape(shapeOf(before), shapeOf(after), mayRemoveLines);
}

function compareShape(a: Shape, b: Shape, mayRemoveLines: boolean): Violation | null {
  const markersOk = mayRemoveLines
    ? isSubsequence(b.markers, a.markers) &&
      a.markers.filter(isNumberedOrHeading).join('\n') === b.markers.filter(isNumberedOrHeading).join('\n')
    : a.markers.join('\n') === b.markers.join('\n');
  if (!markersOk) return { invariant: 'structure', detail: 'list or heading structure changed' };
  if (mayRemoveLines ? b.lines > a.lines || b.nonBlankLines > a.nonBlankLines : b.lines !== a.lines) {
    return { invariant: 'structure', detail: `line breaks changed (${a.lines} -> ${b.lines} lines)` };
  }
  if (a.script !== b.script) return { invariant: 'language', detail: `language changed (${a.script} -> ${b.script})` };
  return null;
}

/**
 * The invariants between any two plain texts (the public check, used by tests and as the compressor's last word):
 * every protected span of `before` (in its distinct sentences) is still in `after`, in order; same negation count,
 * structure and language. Lines may only be removed, never added or merged into others. `maskedBefore`: `before`
 * already masked with no forced spans (saves masking it twice).
 */
export function checkInvariants(before: string, after: string, maskedBefore?: MaskedText): Violation[] {
  const mb = maskedBefore ?? maskText(before);
  const ma = maskText(after);
  if (!mb || !ma) return [{ invariant: 'protected', detail: 'text holds private-use characters; cannot check' }];
  const a = textFacts(mb.text, mb.values);
  const b = textFacts(ma.text, ma.values);
  const violations: Violation[] = [];
  let from = 0;
  for (const value of a.protectedValues) {
    const at = after.indexOf(value, from);
    if (at < 0) {
      violations.push({ invariant: 'protected', detail: `missing or moved: ${JSON.stringify(value)}` });
      break;
    }
    from = at + value.length;
  }
  // Plain-text line markers: masked numbers differ between two independent maskings.
  a.markers = before.split('\n').filter((l) => !isBlank(l)).map(lineMarker).filter((m): m is string => m !== null);
  b.markers = after.split('\n').filter((l) => !isBlank(l)).map(lineMarker).filter((m): m is string => m !== null);
  if (a.negations !== b.negations) {
    violations.push({ invariant: 'negation', detail: `negations/prohibitions ${a.negations} -> ${b.negations}` });
  }
  const shape = compareShape(a, b, true) ?? (b.nonBlankLines < a.nonBlankLines ? mergedLines(before, after) : null);
  if (shape) violations.push(shape);
  return violations;
}

/**
 * The compressor's own last check, on the texts it already has masked consistently: the masked comparison (spans,
 * negations, structure, language), then the protected spans in order in the plain output, and no merged lines.
 */
export function verifyCompression(
  plainBefore: string,
  maskedBefore: string,
  plainAfter: string,
  maskedAfter: string,
  values: readonly string[],
): Violation | null {
  const masked = compareMasked(maskedBefore, maskedAfter, values, true);
  if (masked) return masked;
  let from = 0;
  let complete = true;
  for (const value of values) {
    const at = plainAfter.indexOf(value, from);
    if (at < 0) {
      complete = false;
      break;
    }
    from = at + value.length;
  }
  // Spans may only be missing when they sat in a dropped repeat; the sentence view says whether they did.
  if (!complete) {
    from = 0;
    for (const value of textFacts(maskedBefore, values).protectedValues) {
      const at = plainAfter.indexOf(value, from);
      if (at < 0) return { invariant: 'protected', detail: `missing or moved: ${JSON.stringify(value)}` };
      from = at + value.length;
    }
  }
  return shapeOf(maskedAfter).nonBlankLines < shapeOf(maskedBefore).nonBlankLines ? mergedLines(plainBefore, plainAfter) : null;
}

/** The last word of one line followed, on one line of `after`, by the first word of the next: two lines were merged. */
function mergedLines(before: string, after: string): Violation | null {
  const lines = before.split('\n').filter((l) => !isBlank(l));
  const adjacentBefore = adjacentWordPairs(lines);
  const adjacentAfter = adjacentWordPairs(after.split('\n'));
  for (let i = 0; i + 1 < lines.length; i++) {
    const tail = WORD_AT_END.exec(lines[i])?.[1];
    const head = WORD_AT_START.exec(lines[i + 1].slice(lineMarker(lines[i + 1])?.length ?? 0))?.[1];
    if (!tail || !head) continue;
    const pair = `${tail}\n${head}`;
    if (adjacentAfter.has(pair) && !adjacentBefore.has(pair)) {
      return { invariant: 'structure', detail: `lines merged: "…${tail}" and "${head}…"` };
    }
  }
  return null;
}

const WORD = /[\p{L}\p{N}]+/gu;
const WORD_AT_END = /([\p{L}\p{N}]+)[^\p{L}\p{N}]*$/u;
const WORD_AT_START = /^[^\p{L}\p{N}]*([\p{L}\p{N}]+)/u;

/** Every pair of consecutive words within one line, as "first\nsecond". */
function adjacentWordPairs(lines: readonly string[]): Set<string> {
  const pairs = new Set<string>();
  for (const line of lines) {
    let previous: string | null = null;
    for (const m of line.matchAll(WORD)) {
      if (previous !== null) pairs.add(`${previous}\n${m[0]}`);
      previous = m[0];
    }
  }
  return pairs;
}
