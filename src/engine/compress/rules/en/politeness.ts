import { SENTENCE_START, isSentenceStart } from '../../text';
import type { CompressRule } from '../../types';

/** Requests wrapped in courtesy: the model follows the bare instruction just as well. */
const REQUEST_WRAPPERS = new RegExp(
  [
    "\\b(?:I|we)(?: would|'d|’d) (?:really |greatly )?(?:like|love) (?:for )?you to[ \\t]+",
    '\\b(?:I|we) (?:want|need) you to[ \\t]+',
    "\\b(?:I|we)(?: would|'d|’d) (?:really |greatly |truly )?appreciate (?:it )?if you (?:could|would|can)[ \\t]+",
    '\\bit would be (?:great|helpful|nice|ideal|appreciated|wonderful) if you (?:could|would|can)[ \\t]+',
    // "please"/"kindly" before what they soften; not the verb ("to please the customer").
    '(?<!\\bto )\\b(?:please|kindly)[,]?[ \\t]+(?=[a-z\\uE000-\\uF8FF])',
    '(?<![ \\t]),?[ \\t]+please(?=[.!?])',
  ].join('|'),
  'gi',
);

/**
 * The same wrappers inside a clause: "the clauses that we need you to extract" -> "the clauses to extract", "what I
 * would like you to check" -> "what to check". Dropping the wrapper alone would leave "the clauses that extract".
 */
const WRAPPED_CLAUSE =
  /(?=[ ](?:that|which) |[WwHh])(?:(?<=[a-z\uE000-\uF8FF])(?<!\b(?:so|such|sure|is|are|was|were|means|says|and|or|but|now)) (?:that|which)|\b(what|how|where|which [a-z]+)) (?:I|we)(?: would|'d|’d)?(?: really| also)? (?:like|love|want|need) (?:for )?you to[ \t]+(?=[a-z])/gi;

/** "You will be acting as X" / "You are going to act as X" -> "Act as X" (opening a sentence). */
const ACTING_AS = new RegExp(`(?=[Yy])${SENTENCE_START}you (?:will|are going to|'ll|’ll) (?:be acting|act)(?= as\\b)`, 'gi');

const THANKS = '(?:(?:thank you|thanks|many thanks)(?: (?:so |very )?much| a lot)?(?: in advance)?(?: for [^.!?\\n\\uE000-\\uF8FF]{0,80})?|good luck)[.!]+';

/** A greeting opening the prompt or a line ("Hello!", "Hi there,"): it addresses no one the model can answer. */
const GREETING = '(?:hello|hi|hey|greetings)(?: there)?[!.,]+';

/** Sentences that only thank, wish luck or greet; at a line end the space before them goes too. */
const COURTESY_SENTENCES = new RegExp(
  `(?<=[.!?。])[ \\t]+${THANKS}[ \\t]*(?=\\n|$)|(?=[TtMmGg])${SENTENCE_START}${THANKS}[ \\t]*|(?=[HhGg])(?<=(?:^|\\n)[ \\t]*)${GREETING}(?:[ \\t]+(?=\\S)|[ \\t]*(?=\\n))`,
  'gi',
);

export const politeness: CompressRule = {
  id: 'en-politeness',
  language: 'en',
  description: 'Drops courtesy wrappers ("please", "kindly", "I would like you to") and thank-you sentences.',
  example: {
    before: 'I would like you to summarize the article. Please keep it short. Thank you!',
    after: 'Summarize the article. Keep it short.',
  },
  mayRemoveLines: true,
  apply(text, ctx) {
    let out = ctx.replace(text, WRAPPED_CLAUSE, (m) => (m[1] ? `${m[1]} to ` : ' to '));
    out = ctx.replace(out, ACTING_AS, 'Act');
    // In the middle of a sentence ("I will send the reviews, and I would like you to analyze them") the request keeps
    // a subject: "you should", or the clause would read as the first one's ("and analyze them").
    out = ctx.replace(out, REQUEST_WRAPPERS, (m) => (/^(?:I|we)\b/i.test(m[0]) && !isSentenceStart(m.input, m.index) ? 'you should ' : ''));
    return ctx.replace(out, COURTESY_SENTENCES, '');
  },
};
