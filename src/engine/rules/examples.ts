import type { AuditedPrompt } from '../model';

/**
 * Few-shot examples, in the two shapes code carries them: as chat turns (a user message answered by a fixed assistant
 * message, before the real question) and inside one prompt's text (numbered "Example 1" headings, `<example>` tags,
 * repeated "Input: / Output:" style label pairs, `"text" -> label` lines). English and Korean labels.
 */

export interface TextExamples {
  count: number;
  /** [start, end) of the text the examples occupy. */
  span: [number, number];
}

/** `Example 1`, `### Example 2:`, `**Sample 3**`, `예시 1`, `예제 2`, `Example #4`. */
const NUMBERED_HEADING = /^[ \t]*(?:#{1,6}[ \t]*|\*\*|[-*][ \t]+)?(?:example|sample|shot|예시|예제|보기)[ \t]*#?[ \t]*(\d+)\b/gim;
/** `Example:` headings without numbers (counted when repeated). */
const BARE_HEADING = /^[ \t]*(?:#{1,6}[ \t]*|\*\*)?(?:example|예시|예제)[ \t]*\**[ \t]*[:：]/gim;
const EXAMPLE_TAG = /<example(?:\s[^>]*)?>/gi;
const EXAMPLE_TAG_END = /<\/example>/gi;
/**
 * `"I love it" -> positive`, `- 'late delivery' => shipping`, `Email: "Dinner?" -> personal`, `환불해 주세요 → 환불`:
 * an input, an arrow and a short answer (at most four words) on one line.
 */
const ARROW_LINE = /^[ \t]*(?:[-*•]|\d+[.)])?[ \t]*(?:[A-Za-z가-힣][A-Za-z가-힣 ]{0,19}[:：][ \t]*)?\S.*?[ \t]*(?:->|=>|→)[ \t]*[^\s{][^\s]*(?:[ \t]+[^\s]+){0,3}[ \t]*$/gm;
/** `Input: ...`, `**Q:**`, `리뷰: ...`: a short label and what follows it on the line. */
const LABEL_LINE = /^[ \t]*(?:[-*][ \t]+)?\**([A-Za-z가-힣][A-Za-z가-힣 _]{0,24}?)\**[ \t]*[:：]\**[ \t]*(.*)$/;
/** Labels of instructions, not of example fields. */
const NOT_A_FIELD = /^(?:role|task|rules?|note|notes|important|format|output format|context|instructions?|constraints?|goal|tone|style|역할|임무|규칙|참고|주의|형식|목표)$/i;

function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  re.lastIndex = 0;
  return [...text.matchAll(re)] as RegExpExecArray[];
}

/** Examples written out in one prompt's text; null when there are fewer than two of any kind. */
export function textExamples(text: string): TextExamples | null {
  const candidates: TextExamples[] = [];

  const numbered = matchesOf(NUMBERED_HEADING, text);
  const numbers = new Set(numbered.map((m) => m[1]));
  if (numbers.size >= 2) candidates.push(headingSpan(text, numbered, numbers.size));
  const bare = matchesOf(BARE_HEADING, text);
  if (bare.length >= 2) candidates.push(headingSpan(text, bare, bare.length));

  const tags = matchesOf(EXAMPLE_TAG, text);
  if (tags.length >= 2) {
    const ends = matchesOf(EXAMPLE_TAG_END, text);
    const last = ends.length > 0 ? ends[ends.length - 1]! : null;
    candidates.push({ count: tags.length, span: [tags[0]!.index, last ? last.index + last[0].length : text.length] });
  }

  const arrows = matchesOf(ARROW_LINE, text);
  if (arrows.length >= 3) {
    const last = arrows[arrows.length - 1]!;
    candidates.push({ count: arrows.length, span: [arrows[0]!.index, last.index + last[0].length] });
  }

  const pairs = labelPairs(text);
  if (pairs) candidates.push(pairs);

  candidates.sort((a, b) => b.count - a.count);
  return candidates[0] ?? null;
}

/** Headings: the examples run from the first heading; the last one is assumed as long as the average of the others. */
function headingSpan(text: string, headings: RegExpExecArray[], count: number): TextExamples {
  const first = headings[0]!.index;
  const last = headings[headings.length - 1]!.index;
  const average = headings.length > 1 ? (last - first) / (headings.length - 1) : text.length - first;
  const paragraphEnd = text.indexOf('\n\n', last);
  const end = Math.min(text.length, Math.max(paragraphEnd < 0 ? text.length : paragraphEnd, last + Math.round(average)));
  return { count, span: [first, end] };
}

/**
 * The label pair that alternates most often (`Input:` then `Output:`, `Q:` then `A:`, `Review:` then `Sentiment:`),
 * counted where the second label has an answer on its line (a trailing `Sentiment:` awaiting the model is the query).
 */
function labelPairs(text: string): TextExamples | null {
  const lines: Array<{ label: string; answered: boolean; start: number; end: number }> = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const m = LABEL_LINE.exec(line);
    if (m && !NOT_A_FIELD.test(m[1]!.trim())) {
      const rest = m[2]!.trim();
      lines.push({ label: m[1]!.trim().toLowerCase(), answered: rest.length > 0 && !/^\{[^}]*\}$|^\$\{[^}]*\}$/.test(rest), start: offset, end: offset + line.length });
    }
    offset += line.length + 1;
  }
  const counts = new Map<string, { count: number; start: number; end: number }>();
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i]!;
    const b = lines[i + 1]!;
    if (a.label === b.label || !b.answered) continue;
    const key = `${a.label}\u0000${b.label}`;
    const c = counts.get(key);
    if (c) {
      c.count++;
      c.end = b.end;
    } else counts.set(key, { count: 1, start: a.start, end: b.end });
  }
  let best: { count: number; start: number; end: number } | null = null;
  for (const c of counts.values()) if (c.count >= 2 && (!best || c.count > best.count)) best = c;
  return best ? { count: best.count, span: [best.start, best.end] } : null;
}

export interface MessageExamples {
  /** Example pairs: a user turn answered by a fixed assistant turn (or `name: example_*` messages, two per pair). */
  count: number;
  prompts: AuditedPrompt[];
}

/** Few-shot chat turns of a call: fixed assistant answers to preceding user turns, and `example_*` named messages. */
export function messageExamples(prompts: readonly AuditedPrompt[]): MessageExamples {
  const chat = prompts.filter((p) => p.role !== 'system' && p.role !== 'developer');
  const used: AuditedPrompt[] = [];
  let pairs = 0;
  const named = chat.filter((p) => p.role === 'example');
  for (let i = 0; i + 1 < chat.length; i++) {
    const q = chat[i]!;
    const a = chat[i + 1]!;
    if (q.role === 'user' && a.role === 'assistant' && !a.templated) {
      pairs++;
      used.push(q, a);
      i++;
    }
  }
  pairs += Math.floor(named.length / 2);
  used.push(...named);
  return { count: pairs, prompts: used };
}
