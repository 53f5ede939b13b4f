import { matchCase } from '../../text';
import type { CompressRule } from '../../types';

/** "you should / need to / must / have to": an obligation put on the reader, which "to" carries on its own. */
const MODAL = '(?:should|must|need[ \\t]+to|have[ \\t]+to|will[ \\t]+need[ \\t]+to|are[ \\t]+(?:expected|supposed|required)[ \\t]+to)';

/**
 * What may follow the verb of a relative clause whose object is the noun before it ("the diff that you need to
 * review is ...", "the tools you should use for ..."): the end of the clause, a verb or a preposition. A determiner or
 * a noun there would be an object, which a noun-complement clause has ("the fact that you must cite sources") and a
 * relative clause does not: then nothing changes.
 */
const GAP =
  '(?=[ \\t]*(?:[.,;:!?)]|\\n|$)|[ \\t]+(?:is|are|was|were|in|on|at|for|with|from|to|into|before|after|when|while|if|and|or|as|by|during|below|above|first|carefully|closely|later|here|now|again|exactly|today|yourself)\\b)';

/** A noun the relative clause can hang on, after a determiner ("the documents", "any of the rules"). */
const AFTER_DETERMINER = '(?<=\\b(?:[Tt]he|[Aa]n?|[Aa]ny|[Ee]very|[Ee]ach|[Aa]ll|[Tt]his|[Tt]hese|[Tt]hose|[Ss]ome|[Yy]our|[Oo]ur|[Tt]heir|[Ii]ts)(?:[ \\t]+[a-z\\uE000-\\uF8FF][a-z-]*){1,3})';

/** A plural noun opening a line or heading ("Steps that you should follow", "Things you must not do"). */
const OPENING_NOUN =
  '(?<=(?:^|\\n)[ \\t]*(?:(?:[-*+•]|#{1,6}|\\d{1,3}[.)])[ \\t]+)?(?:[A-Z][a-z]+[ \\t]+)?(?:[Tt]hings|[Ss]teps|[Rr]ules|[Pp]oints|[Tt]opics|[Qq]uestions|[Ii]tems|[Ff]ields|[Tt]asks|[Cc]hecks|[Ii]nformation|[Dd]etails|[Tt]ools|[Gg]uidelines|[Ii]nstructions|[Ss]ources|[Aa]reas|[Mm]istakes|[Ee]xamples))';

/**
 * Words before "that you must" that make it anything but a relative clause: a noun whose clause is its content ("the
 * fact that you must ..."), or a verb ("This means that you should ...").
 */
const NOT_ANTECEDENT =
  /\b(?:fact|idea|rule|point|reminder|assumption|possibility|chance|risk|sense|feeling|belief|impression|news|understanding|condition|requirement|expectation|guarantee|promise|hope|notion|principle|sign|evidence|case|way|time|times|moment|reason|extent|means|shows|says|requires|implies|ensures|guarantees|suggests|indicates|states|explains|confirms|tells|proves|helps|allows|makes|matters|sure|so|such|is|are|was|were)$/i;

/**
 * "the diff that you need to review" -> "the diff to review"; "Things you must not do" -> "Things not to do". Without
 * "that" / "which" only after a line-opening noun: elsewhere "In this situation you must stop" is no relative clause.
 */
const RELATIVE = new RegExp(
  `(?<![ \\t])(?=[ \\t]+(?:that|which|you)\\b)(?:${AFTER_DETERMINER}[ \\t]+(?:that|which)|${OPENING_NOUN}(?:[ \\t]+(?:that|which))?)[ \\t]+you[ \\t]+${MODAL}[ \\t]+(not[ \\t]+)?((?:always|carefully|strictly|closely)[ \\t]+)?(?!never\\b|not\\b)([a-z]+)${GAP}`,
  'g',
);

/**
 * "what you should check" -> "what to check", "how you need to answer" -> "how to answer". Not "when" / "where":
 * "When you need to call a tool, respond ..." is a condition, not a question.
 */
const WH = new RegExp(`\\b(what|how|whether|which[ \\t]+[a-z]+)[ \\t]+you[ \\t]+${MODAL}[ \\t]+(not[ \\t]+)?(?=[a-z])(?!never\\b|not\\b)`, 'gi');

/** "let them know that" -> "tell them", "let the customer know" -> "tell the customer". */
const LET_KNOW = /\b(l)et[ \t]+((?:them|him|her|me|us|(?:the|your|our)[ \t]+[a-z]+))[ \t]+know(?:[ \t]+that)?(?=[ \t])/gi;

/**
 * The "that" of a reported clause after a verb of saying or knowing ("tell the user that the order shipped" -> "tell
 * the user the order shipped"): only where a subject follows, so "say that word" is not touched.
 */
const REPORTED_THAT = new RegExp(
  '\\b((?:tell|tells|remind|reminds|inform|informs|explain|explains|mention|mentions|say|says|know|knows|assume|assumes|confirm|confirms|state|states|verify|ensure)' +
    '(?:[ \\t]+(?:them|him|her|us|me|you|(?:the|your)[ \\t]+(?:user|customer|caller|patient|student|employee|reader|guest|candidate|passenger|member|client|buyer|visitor|author|requester)s?))?)' +
    '[ \\t]+that[ \\t]+(?=(?:you|they|we|it|he|she|there|the|a|an|this|these|those|their|your|our|its|his|all|no|every|each|any|some)\\b|[\\uE000-\\uF8FF])',
  'gi',
);

/** "where user input is being used" -> "where user input is used". */
const BEING = /\b(is|are|was|were)[ \t]+being[ \t]+(?=[a-z]+(?:ed|en)\b)/gi;

/** "in a calm and respectful manner" -> "calmly and respectfully". */
const MANNER = /\b(i)n[ \t]+an?[ \t]+([a-z]+)(?:(,?[ \t]+and[ \t]+|,[ \t]+)([a-z]+))?[ \t]+(?:manner|way|fashion)\b/gi;

/** The adverb of an adjective by the regular spelling rules; null where there is none or it is not regular. */
/**
 * "Your responses should always be concise" -> "Always be concise": the reader's own output, told as a quality of
 * it; not "should be in JSON / a list / written / less than ..." (a form, not a quality).
 */
const OUTPUT_SHOULD_BE = new RegExp(
  '(?=[YyAa])(?<=(?:^|\\n)[ \\t]*(?:(?:[-*+•]|\\d{1,3}[.)])[ \\t]+)?|[.!?:][ \\t]+)(?:your|all your|all of your)[ \\t]+(?:responses?|answers?|replies|reply|tone)[ \\t]+should[ \\t]+(always[ \\t]+)?be[ \\t]+' +
    '(?=[a-z])(?!(?:a|an|the|in|on|at|under|over|between|less|more|no|not|never|only|written|formatted|structured|returned|sent|given|based|limited|kept|longer|shorter|within|one|two|three|like|as|about|from|of|for)\\b)',
  'gi',
);

/** "provide a response that is concise" -> "respond concisely", "give your answer in JSON" -> "answer in JSON". */
const PROVIDE_RESPONSE =
  /\b(provide|give)[ \t]+(?:a|an|your)[ \t]+(response|answer|reply)(?:[ \t]+that[ \t]+is[ \t]+([a-z]+)(?=[ \t]*[.,;:!?\n]|[ \t]*$|[ \t]+and\b))?(?![ \t]+(?:that|which|to|of|for|with|from)\b)/gi;

/** "when you are writing" -> "when writing": the subject of a time clause is the reader, as in the main clause. */
const WHILE_YOU_ARE = /\b(when|whenever|while|before|after)[ \t]+you(?:[ \t]+are|['’]re)[ \t]+(?=[a-z]{2,}ing\b)/gi;

/**
 * "the data that our agents give you" -> "the data our agents give you": the "that" of an object relative clause
 * whose own subject follows; only after a determiner and its noun, never after a noun whose clause is its content
 * ("the fact that you ...", NOT_ANTECEDENT). The lookahead first: the look back runs only where a "that" follows.
 */
const OBJECT_THAT = new RegExp(`(?<![ \\t])(?=[ \\t]+that[ \\t])${AFTER_DETERMINER}[ \\t]+that[ \\t]+(?=(?:you|we|they|I|our|their|your|the[ \\t]+(?:user|customer|student|learner|caller|patient|candidate|reader|team))[ \\t]+[a-z])`, 'g');

function adverbOf(adjective: string): string | null {
  const a = adjective.toLowerCase();
  if (a.length < 3 || /(?:ly|ed|ing|er|est|ish|less)$/.test(a) || /^(?:good|fast|hard|late|early|daily|same|other|whole|new|old|different|way|timely|alone|online|offline|inline|none|one|else|right|straight|near|sure|live|second|white|round)$/.test(a)) {
    return null;
  }
  if (/ic$/.test(a)) return a === 'public' ? 'publicly' : `${a}ally`;
  if (/ue$/.test(a)) return `${a.slice(0, -1)}ly`;
  if (/[^aeiou]le$/.test(a)) return `${a.slice(0, -1)}y`;
  if (/[^aeiou]y$/.test(a)) return `${a.slice(0, -1)}ily`;
  if (/^(?:full|dull)$/.test(a)) return `${a}y`;
  if (/(?:ful|ous|ive|ent|ant|al|ar|ate|ise|ite|ure|ct|ear|ief|rm|lm|nd|ght|ne|se|te)$/.test(a)) return `${a}ly`;
  return null;
}

export const clauses: CompressRule = {
  id: 'en-clauses',
  language: 'en',
  description:
    'Shortens clauses: "the diff that you need to review" -> "the diff to review", "what you should check" -> "what to check", "let them know that" -> "tell them", "tell the user that the" -> "tell the user the", "is being used" -> "is used", "in a calm manner" -> "calmly".',
  example: {
    before: 'The rules that you must follow are below. Let the customer know that the order is being processed, in a calm and polite manner.',
    after: 'The rules to follow are below. Tell the customer the order is processed, calmly and politely.',
  },
  apply(text, ctx) {
    let out = ctx.replace(text, RELATIVE, (m) => {
      const before = m.input.slice(Math.max(0, m.index - 40), m.index);
      return NOT_ANTECEDENT.test(before) ? m[0] : ` ${m[1] ?? ''}to ${m[2] ?? ''}${m[3]}`;
    });
    out = ctx.replace(out, WH, (m) => `${m[1]} ${m[2] ?? ''}to `);
    out = ctx.replace(out, LET_KNOW, (m) => `${m[1] === 'L' ? 'T' : 't'}ell ${m[2]}`);
    out = ctx.replace(out, REPORTED_THAT, '$1 ');
    out = ctx.replace(out, BEING, '$1 ');
    out = ctx.replace(out, WHILE_YOU_ARE, '$1 ');
    out = ctx.replace(out, OBJECT_THAT, (m) => (NOT_ANTECEDENT.test(m.input.slice(Math.max(0, m.index - 40), m.index)) ? m[0] : ' '));
    out = ctx.replace(out, OUTPUT_SHOULD_BE, (m) => (m[1] ? 'Always be ' : 'Be '));
    out = ctx.replace(out, PROVIDE_RESPONSE, (m) => {
      const verb = m[2].toLowerCase() === 'response' ? 'respond' : m[2].toLowerCase();
      const adverb = m[3] ? adverbOf(m[3]) : '';
      if (adverb === null) return m[0];
      return `${matchCase(m[1], verb)}${adverb ? ` ${adverb}` : ''}`;
    });
    return ctx.replace(out, MANNER, (m) => {
      const first = adverbOf(m[2]);
      const second = m[4] ? adverbOf(m[4]) : '';
      if (!first || second === null) return m[0];
      const adverbs = m[4] ? `${first}${m[3]}${second}` : first;
      return m[1] === 'I' ? adverbs[0].toUpperCase() + adverbs.slice(1) : adverbs;
    });
  },
};
