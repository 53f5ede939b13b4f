import type { CompressRule } from '../../types';

/**
 * Terse style only: articles before a word ("Summarize the article in a sentence" -> "Summarize article in
 * sentence"), the way notes and telegraphic instructions drop them; a model reads both the same. Kept where the
 * article carries meaning: "a few" / "a little" (some) against "few" / "little" (hardly any), "the most" (the top one)
 * against "most" (the majority), "a lot", "a day" (per day), and before a word that is no noun ("a and b").
 */
const A_AN =
  /\b(?:a|an)[ \t]+(?!(?:few|little|lot|lots|bit|couple|while|great|good|number|total|day|week|month|year|hour|minute|second|time|moment|half|dozen|hundred|thousand|million|and|or|to|of|is|are|in|on|with|for|at|by|from|but|nor|so|as|if|than)\b)(?=[a-z\uE000-\uF8FF])/gi;
const THE =
  /\b(?:the)[ \t]+(?!(?:most|least|more|less|fewer|former|latter|and|or|to|of|is|are|in|on|with|for|at|by|from|but|nor|so|as|if|than)\b)(?=[a-z\uE000-\uF8FF])/gi;

export const articles: CompressRule = {
  id: 'en-articles',
  language: 'en',
  style: 'terse',
  description: 'Terse style only: drops articles before a word ("the", "a", "an"); "a few", "a little", "the most", "a day" and the like keep theirs.',
  example: {
    before: 'Summarize the article in a sentence and list a few of the key facts.',
    after: 'Summarize article in sentence and list a few of key facts.',
  },
  apply(text, ctx) {
    return ctx.replace(ctx.replace(text, A_AN, ''), THE, '');
  },
};
