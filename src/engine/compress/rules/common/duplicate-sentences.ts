import { countNegations } from '../../negation';
import { sentenceKey, sentenceSpans, type SentenceSpan } from '../../sentences';
import { LINE_OPENING, isNumberedOrHeading, lineMarker, masksOf } from '../../text';
import type { CompressRule } from '../../types';

/** Sentences this short repeat legitimately (few-shot labels, "Yes.", "Be concise."); only longer ones are dropped. */
const MIN_WORDS = 4;
const MIN_HANGUL = 8;

/** A protected span that is only a capitalised word ("English", "Acme"): the one kind whose repeats may go. */
const NAME = /^[A-Z][a-z'’-]*$/;

/** Labels that open a reminder rather than a field of an example. */
const DISCOURSE_LABELS = new Set(['remember', 'reminder', 'note', 'important', 'again', '참고', '주의', '다시']);

function longEnough(key: string): boolean {
  return key.split(' ').length >= MIN_WORDS || (key.match(/[가-힣]/g)?.length ?? 0) >= MIN_HANGUL;
}

export const duplicateSentences: CompressRule = {
  id: 'duplicate-sentences',
  language: 'any',
  description:
    'Drops a sentence that repeats an earlier one (same words once case, punctuation and openers like "Remember:" are ignored), unless it holds a negation or a protected span other than a name (placeholder, number, quote, code, URL, identifier).',
  example: {
    before: 'Keep every answer short and simple. Cite sources.\nRemember: keep every answer short and simple.',
    after: 'Keep every answer short and simple. Cite sources.',
  },
  mayRemoveLines: true,
  apply(text, ctx) {
    const seen = new Set<string>();
    const drop: SentenceSpan[] = [];
    const plainOf = (s: string): string => s.replace(/[\uE000-\uF8FF]/g, (ch) => ctx.maskValue(ch));
    for (const span of sentenceSpans(text)) {
      const sentence = text.slice(span.start, span.end);
      // A numbered item or a heading is structure: it stays even when it repeats.
      const marker = span.start - span.lineStart < 12 ? lineMarker(text.slice(span.lineStart, span.end)) : null;
      if (marker && isNumberedOrHeading(marker)) continue;
      // Labelled lines ("Input: ...", "A: ...") belong to examples and forms; they repeat on purpose.
      const label = /^([^\s:]{1,30}):/.exec(sentence);
      if (label && !DISCOURSE_LABELS.has(label[1].toLowerCase())) continue;
      const key = sentenceKey(plainOf(sentence));
      if (!key) continue;
      // A repeat holding a negation or a protected span other than a name (placeholder, number, quote, code, URL,
      // identifier) stays: every occurrence of those is kept, so a checker that counts them in the whole text (not
      // per distinct sentence, as compareMasked does) misses none.
      if (seen.has(key) && (countNegations(plainOf(sentence)) > 0 || [...masksOf(sentence)].some((ch) => !NAME.test(ctx.maskValue(ch))))) continue;
      if (seen.has(key) && longEnough(key)) drop.push(span);
      else seen.add(key);
    }
    if (drop.length === 0) return text;
    let out = '';
    let last = 0;
    for (const { start, end, lineStart } of drop) {
      // Take the spaces after the sentence (or, at a line end, before it) with it.
      let s = start;
      let e = end;
      while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++;
      // At a line end the spaces before it go too, unless nothing but a list marker precedes it (then the line is
      // emptied and dropped whole).
      const opening = text.slice(lineStart, start);
      const alone = start - lineStart < 12 && LINE_OPENING.exec(opening)?.[0].length === opening.length;
      if (!alone && (e === text.length || text[e] === '\n')) while (s > last && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
      out += text.slice(last, s);
      last = e;
    }
    return out + text.slice(last);
  },
};
