import { SENTENCE_START, phrases, startsWithOneOf } from '../../text';
import type { CompressRule } from '../../types';

/** Sentence openers that add nothing ("Basically,", "As an AI language model,"). */
const OPENER_PHRASES = [
  'basically,',
  'essentially,',
  'actually,',
  'obviously,',
  'of course,',
  'needless to say,',
  'as an ai language model,',
  'as an ai assistant,',
  'as an ai,',
  'in this conversation,',
  'for this task,',
];
const OPENERS = new RegExp(`${startsWithOneOf(OPENER_PHRASES)}${SENTENCE_START}(?:${phrases(OPENER_PHRASES)})[ \\t]+(?=\\S)`, 'gi');

/** Hedges that promise effort rather than specify it. */
const EFFORT = /(?<![ \t]),?[ \t]*\b(?:to the best of your (?:ability|abilities|knowledge)|as best (?:as )?you can)\b/gi;

/** "the most helpful and accurate information possible" -> "the most helpful and accurate information". */
const POSSIBLE = /(?<![ \t])[ \t]+possible\b(?<=\bthe most [^.!?\n\uE000-\uF8FF]{1,60}?[ \t]+possible)/gi;

export const filler: CompressRule = {
  id: 'en-filler',
  language: 'en',
  description: 'Drops empty openers ("Basically,", "As an AI language model,") and effort hedges ("to the best of your ability").',
  example: {
    before: 'Basically, answer to the best of your ability with the most helpful information possible.',
    after: 'Answer with the most helpful information.',
  },
  apply(text, ctx) {
    let out = ctx.replace(text, OPENERS, '');
    out = ctx.replace(out, EFFORT, '');
    return ctx.replace(out, POSSIBLE, '');
  },
};
