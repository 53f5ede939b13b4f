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
  'furthermore,',
  'moreover,',
  'in addition,',
  'additionally,',
  'also,',
  'again,',
  'once again,',
  'with that in mind,',
  'with this in mind,',
  'keeping that in mind,',
  'keeping this in mind,',
  'as mentioned above,',
  'as mentioned before,',
  'as mentioned earlier,',
  'as i mentioned,',
  'as i said,',
  'like i said,',
  'as i said before,',
  'just to give you some context,',
  'to give you some context,',
  'for some context,',
  'honestly,',
  'as noted above,',
  'as stated above,',
  'just to remind you,',
  'just to remind you:',
  'just a reminder:',
  'just to be clear,',
  'to be clear,',
  'in general,',
  'generally speaking,',
  'overall,',
];
// A run of them ("Again, just to remind you: never ...") goes as one.
const OPENERS = new RegExp(`${startsWithOneOf(OPENER_PHRASES)}${SENTENCE_START}(?:(?:${phrases(OPENER_PHRASES)})[ \\t]+)+(?=\\S)`, 'gi');

/** Hedges that promise effort rather than specify it. */
const EFFORT = /(?<![ \t]),?[ \t]*\b(?:to the best of your (?:ability|abilities|knowledge)|as best (?:as )?you can)\b/gi;

/** "the most helpful and accurate information possible" -> "the most helpful and accurate information". */
const POSSIBLE = /(?<![ \t])[ \t]+possible\b(?<=\bthe most [^.!?\n\uE000-\uF8FF]{1,60}?[ \t]+possible)/gi;

/**
 * Emphasis that only repeats a negation already in the sentence: "do not add any text at all", "Do not, under any
 * circumstances, share it", "no comments whatsoever". The negation stays; "at all times" is not emphasis.
 */
const NEGATED = "(?<=\\b(?:not|never|no|nothing|none|without|cannot)\\b[^.!?\\n]{0,80}?|n['’]t\\b[^.!?\\n]{0,80}?)";
const NEGATION_EMPHASIS = new RegExp(
  // The lookahead first: the look back for a negation only runs where the emphasis itself stands.
  // A run of spaces is tried from its first one only (linear on long runs).
  `(?=,[ \\t]*under (?:any|no) circumstances|(?<![ \\t])[ \\t]+(?:under any circumstances|at all|whatsoever))${NEGATED}(?:,[ \\t]*under (?:any|no) circumstances[ \\t]*,(?=[ \\t])|[ \\t]+(?:under any circumstances|at all|whatsoever)(?=[ \\t]*[.,;:!?)]|[ \\t]*(?:\\n|$)))`,
  'gi',
);

/** "wherever it is possible to do so" -> "where possible", "whenever it is possible" -> "when possible". */
const WHEN_POSSIBLE = /\b(when|wher|if)(?:ever)?[ \t]+(?:it is|it's|at all)[ \t]+possible(?:[ \t]+to do so)?(?=[ \t]*[.,;:!?)]|[ \t]*(?:\n|$))/gi;

/** "as concise as possible" -> "concise": for qualities, where "possible" only asks for effort ("as soon as possible" stays). */
const AS_X_AS_POSSIBLE =
  /\bas[ \t]+(concise|concisely|short|brief|briefly|clear|clearly|simple|simply|accurate|accurately|precise|precisely|specific|helpful|polite|natural|naturally|neutral|objective|faithful|faithfully|readable|relevant)[ \t]+as[ \t]+(?:possible|you can)\b/gi;

/** "Always be polite at all times" -> "Always be polite": the sentence already says always. */
const ALWAYS_AT_ALL_TIMES = /(?<![ \t])[ \t]+at[ \t]+all[ \t]+times\b(?<=\balways\b[^.!?\n]{0,120}?)/gi;

export const filler: CompressRule = {
  id: 'en-filler',
  language: 'en',
  description:
    'Drops empty openers ("Basically,", "As an AI language model,"), effort hedges ("to the best of your ability") and emphasis that repeats a negation ("not ... at all").',
  example: {
    before: 'Basically, answer to the best of your ability with the most helpful information possible.',
    after: 'Answer with the most helpful information.',
  },
  apply(text, ctx) {
    let out = ctx.replace(text, OPENERS, '');
    out = ctx.replace(out, EFFORT, '');
    out = ctx.replace(out, NEGATION_EMPHASIS, '');
    out = ctx.replace(out, WHEN_POSSIBLE, (m) => `${m[1]}${/^wher$/i.test(m[1]) ? 'e' : ''} possible`);
    out = ctx.replace(out, AS_X_AS_POSSIBLE, '$1');
    out = ctx.replace(out, ALWAYS_AT_ALL_TIMES, '');
    return ctx.replace(out, POSSIBLE, '');
  },
};
