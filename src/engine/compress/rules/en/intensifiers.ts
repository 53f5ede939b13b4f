import type { CompressRule } from '../../types';

/**
 * Degree adverbs in front of an adjective or verb: "very important" says no more than "important" to a model. Kept
 * before a negation ("absolutely never"), before anything that is not a lower-case word, and in "the very first".
 */
const INTENSIFIERS =
  /(?<!\bthe[ \t])\b(?:very|really|extremely|incredibly|truly|exceptionally|utterly|super|absolutely|highly|totally|immensely|tremendously|genuinely|remarkably|exceedingly|actually|simply|literally|definitely|certainly|fairly)[ \t]+(?!(?:not|never|no|nothing|none|only|much|many|few|little|well|and|or|but|nor)\b)(?=[a-z])/gi;

export const intensifiers: CompressRule = {
  id: 'en-intensifiers',
  language: 'en',
  description: 'Drops degree and filler adverbs ("very", "extremely", "actually") before a word; never before a negation.',
  example: {
    before: 'It is extremely important to be very accurate.',
    after: 'It is important to be accurate.',
  },
  apply(text, ctx) {
    return ctx.replace(text, INTENSIFIERS, '');
  },
};
