import { matchCase, phrases } from '../../text';
import type { CompressRule } from '../../types';

/** Long phrasings and their short equivalents. None of them contains or removes a negation. */
const TABLE: Record<string, string> = {
  'in order to': 'to',
  'so as to': 'to',
  'due to the fact that': 'because',
  'owing to the fact that': 'because',
  'for the reason that': 'because',
  'in light of the fact that': 'because',
  'in spite of the fact that': 'although',
  'despite the fact that': 'although',
  'in the event that': 'if',
  'in the case that': 'if',
  'at this point in time': 'now',
  'at the present time': 'now',
  'for the purpose of': 'for',
  'with regard to': 'about',
  'with respect to': 'about',
  'in regard to': 'about',
  'in relation to': 'about',
  'a large number of': 'many',
  'a great number of': 'many',
  'a significant number of': 'many',
  'the majority of': 'most',
  'a majority of': 'most',
  'is not able to': 'cannot',
  'are not able to': 'cannot',
  'all of the': 'all the',
  'all of your': 'all your',
  'all of our': 'all our',
  'all of their': 'all their',
  'before you do anything else': 'first',
  'outside of': 'outside',
  'inside of': 'inside',
  'as opposed to': 'rather than',
  'for the sake of': 'for',
  'is able to': 'can',
  'are able to': 'can',
  'has the ability to': 'can',
  'have the ability to': 'can',
  'in a timely manner': 'promptly',
  'in a clear and concise manner': 'clearly and concisely',
  'in a concise manner': 'concisely',
  'in a clear manner': 'clearly',
  'in a professional manner': 'professionally',
  'in a polite manner': 'politely',
  'in a respectful manner': 'respectfully',
  'in an accurate manner': 'accurately',
  'in a consistent manner': 'consistently',
  'prior to': 'before',
  'subsequent to': 'after',
  'on a daily basis': 'daily',
  'on a regular basis': 'regularly',
  'each and every': 'every',
  'any and all': 'all',
  'first and foremost': 'first',
  'first of all': 'first',
  'one and only': 'only',
  'every single': 'every',
  'any kind of': 'any',
  'any other kind of': 'any other',
  'in situations where': 'where',
  'in cases where': 'where',
  'until such time as': 'until',
  'make a decision': 'decide',
  'provide an explanation of': 'explain',
  'provide an explanation for': 'explain',
  'provide a summary of': 'summarize',
  'give a summary of': 'summarize',
  'perform an analysis of': 'analyze',
  'conduct an analysis of': 'analyze',
  'take into consideration': 'consider',
  'take into account': 'consider',
  'make use of': 'use',
  'utilize': 'use',
  'utilise': 'use',
  'a variety of': 'various',
  'is going to': 'will',
  'are going to': 'will',
  'in addition,': 'also,',
  'additionally,': 'also,',
  'as well as': 'and',
  'in the following format': 'in this format',
  'rather than trying to': 'rather than',
  'so that you can': 'to',
  'in such a way that': 'so that',
  'on the basis of': 'based on',
  'in the form of': 'as',
  'in the case of': 'for',
  'is required to': 'must',
  'are required to': 'must',
  'after that,': 'then,',
  'provide assistance': 'help',
  'offer assistance': 'help',
  'be of assistance': 'help',
  'at the very end': 'at the end',
  'in the process of': 'in',
  'a wide range of': 'many',
  'a broad range of': 'many',
  'a wide variety of': 'various',
  'avoid using': 'avoid',
  'you will be provided with': 'you will get',
  'you will be given': 'you will get',
  'you’ll be given': 'you’ll get',
  "you'll be given": "you'll get",
  'each one of': 'each of',
  'somewhere around': 'around',
  'somewhere between': 'between',
  'start off with': 'start with',
  'start off by': 'start by',
  'both of the': 'both',
  'both of your': 'both your',
  'but at the same time': 'but',
  'a number of different': 'several',
  'is supposed to': 'should',
  'are supposed to': 'should',
  'really no need': 'no need',
};

const PATTERN = new RegExp(`\\b(?:${phrases(Object.keys(TABLE))})(?![\\p{L}\\p{N}])[ \\t]?`, 'giu');

/**
 * "the decisions that were made" -> "the decisions made", "skills that are relevant for" -> "skills relevant for": a
 * relative clause that only holds a participle or a post-nominal adjective (a negation or an adverb before it stays).
 * Only after a noun: not after a verb or conjunction ("make sure that is handled"), nor opening a sentence.
 */
const RELATIVE_PARTICIPLE = new RegExp(
  '(?<=[a-z\\uE000-\\uF8FF],?[ \\t])(?<!\\b(?:sure|ensure|so|such|check|verify|confirm|means|mean|now|and|but|or|if|because|say|says|said|note|know|knows|think|is|are|was|were|of|in|on|at|to|for|with|from|by|about)[ \\t])' +
    '(?:that|which)[ \\t]+(?:is|are|was|were|(?:has|have|had)[ \\t]+([a-z]+ly[ \\t]+)?been|gets|get|got)[ \\t]+' +
    '(?=(?:(?:not|never)[ \\t]+)?(?:[a-z]+ly[ \\t]+)?(?:(?!(?:no|some|any|every)thing\\b|during\\b|being\\b)[a-z]{3,}ing|[a-z]{3,}ed|provided|given|listed|shown|written|found|made|sent|taken|chosen|hidden|known|seen|done|paid|held|kept|left|read|built|set|put|shared|stated|relevant|related|available|applicable|necessary|present|missing|similar|possible|appropriate|visible|valid|invalid|responsible|specific)\\b)',
  'gi',
);

/** "Make sure that all the dates are ..." -> "Ensure all the dates are ..." (a clause about the output, not "you"). */
const MAKE_SURE_THAT = /\b(m)ake sure (?:that )?(?=(?:the|all|every|each|any|your|its|their|a|an|this|these|those|no|none)\b)/gi;

/** "In case the question is ..." -> "If the question is ..." ("in case of" stays). */
const IN_CASE = /\b(i)n case (?:that )?(?=(?:the|a|an|you|it|there|they|we|this|any)\b)/gi;

/** "exactly as it is written" -> "exactly as written". */
const AS_PARTICIPLE = /\bas (?:it is|they are|it was|they were) (?=(?:written|stated|shown|given|listed|described|defined|specified|quoted|printed|provided|received)\b)/gi;

/** "StreamBox, which is a video streaming service" -> "StreamBox, a video streaming service" (an apposition). */
const WHICH_IS = /,[ \t]+which (?:is|are)[ \t]+(?=(?:a|an|the)[ \t])/gi;

/** "a lot of users" -> "many users" (a plural noun: "a lot of time" stays). */
const A_LOT_OF = /\b(a[ \t]+lot|lots)[ \t]+of[ \t]+(?=[a-z]{2,}[^s\s]*s\b)/gi;

/** "so that the user knows" -> "so the user knows" (before a subject: "so that is why" stays). */
const SO_THAT = /\b(so)[ \t]+that[ \t]+(?=(?:you|they|we|he|she|the|a|an|users?|customers?|each|every|all|no|their|your|our|its|his|her|there)\b|[\uE000-\uF8FF])/gi;

/** "you have to" -> "you must", right after a pronoun ("don't have to" is no obligation and stays). */
const HAVE_TO = /\b([Yy]ou|[Tt]hey|[Ww]e|[Ii]t|[Hh]e|[Ss]he|I)([ \t]+)(?:have|has)[ \t]+to(?=[ \t]+[a-z])/g;

/** "all the fields" -> "all fields" ("all the time", "all the way", "all the same" keep their article). */
const ALL_THE = /\b(all)[ \t]+the[ \t]+(?!(?:time|way|same|more|less|better|worse|rest|while|best|other|others)\b)(?=[a-z\uE000-\uF8FF])/gi;

/**
 * "when it is read out loud" -> "when read out loud", "if they are needed" -> "if needed": a passive time or condition
 * clause. Not after "before" / "after" / "while", which take no bare participle ("before sent" is no English).
 */
const WHEN_IT_IS = /\b(when|whenever|if|once|unless|until)[ \t]+(?:it|they)[ \t]+(?:is|are)[ \t]+(?=(?:[a-z]{3,}ed|given|shown|written|known|read|done|made|sent|taken|seen|found|held|kept|paid|set|put|built)\b)/gi;

export const wordyPhrases: CompressRule = {
  id: 'en-wordy-phrases',
  language: 'en',
  description:
    'Replaces wordy phrasings with short ones ("in order to" -> "to", "due to the fact that" -> "because", "the items that are listed" -> "the items listed").',
  example: {
    before: 'In order to help, check the order status due to the fact that delays happen.',
    after: 'To help, check the order status because delays happen.',
  },
  apply(text, ctx) {
    let out = ctx.replace(text, RELATIVE_PARTICIPLE, '$1');
    out = ctx.replace(out, AS_PARTICIPLE, (m) => m[0].slice(0, 3));
    out = ctx.replace(out, WHICH_IS, ', ');
    out = ctx.replace(out, MAKE_SURE_THAT, (m) => (m[1] === 'M' ? 'Ensure ' : 'ensure '));
    out = ctx.replace(out, IN_CASE, (m) => (m[1] === 'I' ? 'If ' : 'if '));
    out = ctx.replace(out, A_LOT_OF, (m) => matchCase(m[0], 'many '));
    out = ctx.replace(out, SO_THAT, '$1 ');
    out = ctx.replace(out, HAVE_TO, '$1$2must');
    out = ctx.replace(out, WHEN_IT_IS, '$1 ');
    out = ctx.replace(out, PATTERN, (m) => {
      const trailing = /[ \t]$/.test(m[0]) ? m[0].slice(-1) : '';
      const phrase = m[0].slice(0, m[0].length - trailing.length).toLowerCase().replace(/[ \t]+/g, ' ');
      const short = TABLE[phrase];
      return short === undefined ? m[0] : matchCase(m[0], short) + trailing;
    });
    // After the table, which turns "all of the" into "all the".
    return ctx.replace(out, ALL_THE, '$1 ');
  },
};
