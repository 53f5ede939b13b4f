import { SENTENCE_START, isSentenceStart, phrases, startsWithOneOf } from '../../text';
import type { CompressRule, RuleContext } from '../../types';

/** Where an instruction may begin: a sentence start, or a clause start (after a comma, a semicolon, and, so, but, then). */
const CLAUSE_START = `(?:${SENTENCE_START}|(?<=[,;][ \\t]|[ \\t](?:and|so|but|then)[ \\t]|\\b(?:in (?:that|this|which) case|if so|otherwise|instead)[ \\t]))`;

/**
 * Openings that announce an instruction instead of giving it ("You should", "Make sure to", "It is important that
 * you", "Your goal is to"). Only where what follows reads as the imperative itself.
 */
const OPENING_PHRASES = [
    'you should also',
    'you should',
    'you must also',
    'you must',
    'you need to',
    'you will need to',
    'you are expected to',
    'you are supposed to',
    'you have to',
    'you ought to',
    'make sure to',
    'make sure you',
    'make sure that you',
    'be sure to',
    'ensure that you',
    'ensure you',
    'remember to',
    'you are required to',
    "you'll need to",
    'you’ll need to',
    'keep in mind that',
    'bear in mind that',
    'note that',
    'be aware that',
    'this means that',
    'it is worth noting that',
    'it is worth mentioning that',
    'be mindful that',
    'it is important to note that',
    'it should be noted that',
];
/** "Your task is to", "What I need from you is to": an announced task, whose verb follows. */
const TASK_OPENING =
  "(?:your (?:main |primary |ultimate |overall |core |key )?(?:goal|task|job|role|objective|mission|purpose|aim|responsibility) (?:here )?is (?:basically |essentially |simply |just )?to|it is your (?:job|task|responsibility|duty|role) to|what (?:i|we) (?:need|want)(?: from you| you to do)? is(?: for you)? to|all (?:that )?you (?:need|have) to do is(?: to)?)";

/**
 * "It is important to" + a verb; not "important to us / to the user", where what follows is who it matters to.
 */
const IMPORTANT =
  '(?:important|essential|crucial|critical|vital|imperative|necessary) (?:that you|for you to|to(?! (?:us|me|them|him|her|you|everyone|everybody|our|my|their|the|a|an|this|that|these|those|all|each|any)\\b)|not to)';

const OPENINGS = new RegExp(
  `${startsWithOneOf([...OPENING_PHRASES, 'it', 'your', 'what', 'all'])}${CLAUSE_START}(?:${phrases(OPENING_PHRASES)}|(?:it is|it's|it’s) (?:also )?(?:very |extremely |really |absolutely )?${IMPORTANT}|${TASK_OPENING})(?:[ \\t]+|[ \\t]*\\n[ \\t]*)(?=\\S)`,
  'gi',
);

/**
 * "Your task is to read X and to write Y": once the opening goes, the second "to" would dangle ("Read X and to
 * write Y"), so it goes first.
 */
const TASK_AND_TO = new RegExp(`(${startsWithOneOf(['your', 'what', 'all'])}${CLAUSE_START}${TASK_OPENING}[ \\t]+[^.!?\\n]*?[ \\t]and)[ \\t]+to[ \\t]+(?=[a-z])`, 'gi');

/** "It is important that you X and that you Y": once the opening goes, the second "that you" goes with it. */
const SECOND_THAT_YOU = /[ \t]and that you(?=[ \t])(?<=\b(?:(?:important|essential|crucial|critical|vital|imperative|necessary) that you|(?:make sure|ensure)(?: that)? you)\b[^.!?\n]*?and that you)/gi;

/** "Be aware that X and that Y" -> "X and Y": the second "that" of an opening that goes ("note / be aware / keep in mind that"). */
const SECOND_THAT = new RegExp(
  `[ \\t]and that(?=[ \\t])(?<=${CLAUSE_START}(?:${phrases(OPENING_PHRASES.filter((p) => p.endsWith(' that')))})\\b[^.!?\\n]{0,300}?and that)`,
  'gi',
);

/** "It is important that you are X" -> "Be X" (without the opening, "are" needs to become the imperative). */
const THAT_YOU_ARE = new RegExp(
  `(?=[IiMmEe])${CLAUSE_START}(?:it is (?:also )?(?:very |extremely |really |absolutely )?(?:important|essential|crucial|critical|vital|imperative|necessary) that you|make sure(?: that)? you|ensure(?: that)? you)[ \\t]+are(?=[ \\t])`,
  'gi',
);

/** "make sure to" in the middle of a sentence ("..., and make sure you cite it"); never "make sure that the X". */
const MAKE_SURE = /\b(?:make sure|be sure)(?: that)? (?:you |to )(?=[a-z])/gi;

/** "Always remember to X" -> "Always X". */
const ALWAYS_OPENING = new RegExp(`(?=[Aa])${SENTENCE_START}(always)[ \\t]+(?:remember to|make sure to|make sure you|be sure to|try to)[ \\t]+`, 'gi');

const FEEL_FREE = /\bfeel free to\b/gi;

/** "It is perfectly fine to say so" -> "You may say so". */
const FINE_TO = /\b(i)(?:t is|t's|t’s)[ \t]+(?:perfectly[ \t]+|totally[ \t]+|completely[ \t]+)?(?:fine|okay|ok|acceptable|alright|all right)[ \t]+(?:for you[ \t]+)?to(?=[ \t]+[a-z])/gi;

/** "It is important that the answer is short" -> "Ensure the answer is short" (a clause about the output, not "you"). */
const IMPORTANT_THAT = new RegExp(
  `(?=[Ii])${CLAUSE_START}(?:it is|it's|it’s)[ \\t]+(?:also[ \\t]+)?(?:(?:very|extremely|really|absolutely)[ \\t]+)?(?:important|essential|crucial|critical|vital|imperative)[ \\t]+that[ \\t]+(?=(?:the|all|every|each|your|any|no|our|their|this|these|those)\\b)`,
  'gi',
);

/** "In your responses, always cite" -> "Always cite": every instruction is about the responses. */
const IN_YOUR_RESPONSES = new RegExp(`(?=[Ii])${SENTENCE_START}in[ \\t]+(?:all[ \\t]+(?:of[ \\t]+)?)?your[ \\t]+(?:responses?|answers?|replies|reply)[ \\t]*,[ \\t]*(?=[a-z])`, 'gi');

/**
 * "Try to keep it short" -> "Keep it short": only opening a sentence, after ", so" or after "first / then / also /
 * always" ("and try to" may tell what someone else attempts); "try not to" stays.
 */
const TRY = new RegExp(`(?=[Tt])(?:${SENTENCE_START}|(?<=,[ \\t]+(?:and[ \\t]+)?so[ \\t]+|\\b(?:first|then|also|always)[ \\t]+))[Tt]ry[ \\t]+to[ \\t]+(?=[a-z])(?!not\\b)`, 'g');

/** "Remember that X" -> "X": only opening a sentence (after "and", the statement would lose its link). */
const REMEMBER_THAT = new RegExp(`(?=[AaRr])${SENTENCE_START}(?:always[ \\t]+)?remember[ \\t]+that[ \\t]+(?=\\S)`, 'gi');

/** Words that open a fronted adverbial ("If unsure, you should ask"): the clause after its comma has its own subject. */
const SUBORDINATOR =
  /^(?:if|when|whenever|once|unless|while|before|after|for|as|since|because|where|wherever|until|in|on|at|by|with|under|within|from|above|below|across|throughout|upon|per|among|between|inside|outside|beyond|regarding|following|given|based|otherwise|instead|to|during|whether|then|first|also|finally|next|now|here|lastly|so|again|however|therefore|thus|ideally|additionally|moreover|furthermore|similarly|likewise|besides|meanwhile|afterwards|later|overall|every time|each time|any time|anytime|the first time|the moment|basically|essentially|actually|obviously|of course|needless to say|please|specifically|importantly|most importantly|above all|generally|again|once again)\b/i;

/** First words of a clause told to the reader: "you", an adverb of an instruction, or a common imperative verb. */
const READER_CLAUSE =
  /^(?:you|feel free|it(?: is|['’]s) (?:\w+ )?(?:fine|ok|okay|important|essential|crucial|better|best|acceptable)|always|never|do|don['’]t|please|first|then|also|just|only|keep|use|read|write|answer|respond|reply|give|provide|make|ask|check|include|add|avoid|be|start|end|explain|describe|list|return|output|format|follow|mention|tell|say|show|put|summarize|summarise|classify|extract|translate|review|look|find|help|greet|thank|stay|focus|note|remember|consider|treat|mark|flag|set|leave|skip|copy|quote|cite|compare|choose|pick|select|generate|create|draft|rewrite|correct|fix|suggest|offer|recommend|refer|direct|escalate|confirm|verify|ensure|assume|speak|talk|encourage|acknowledge|apologize|apologise|collect|gather|spell|convert|combine|group|sort|rank|rate|score|label|tag|identify|detect|determine|decide|analyze|analyse|evaluate|assess|estimate|calculate|count|limit|match|separate|split|replace|remove|ignore|try|switch|vary|finish|begin|send|call|search|state|specify|define|prefer|wait|stop|refuse|decline|plan|point)\b/i;

/**
 * An opening in the middle of a sentence goes only where the reader is the subject of the clause it opens: after a
 * fronted adverbial ("If unsure, you should ask" -> "If unsure, ask"), after "so" / "but" ("..., so you should
 * convert them" -> "so convert them"), and after "and" / "then" only when the clause before is told to the reader
 * too ("Read it, and you should reply" -> "Read it, and reply"). "The player explores the village, and your role is
 * to describe it" keeps its subject: without it the player would describe.
 */
function readerIsSubject(input: string, index: number): boolean {
  if (isSentenceStart(input, index)) return true;
  const from = Math.max(0, index - 300);
  const before = input.slice(from, index);
  // The sentence so far: from the last line break, or the last . ! ? : ; followed by a space.
  let cut = -1;
  for (let i = before.length - 2; i >= 0; i--) {
    const c = before[i];
    if (c === '\n' || ('.!?:;'.includes(c) && (before[i + 1] === ' ' || before[i + 1] === '\t'))) {
      cut = i;
      break;
    }
  }
  const head = (cut >= 0 ? before.slice(cut + 1) : from === 0 ? before : '')
    .replace(/^[.!?:;]?[ \t]*(?:(?:[-*+>•]|#{1,6}|\d{1,3}[.)])[ \t]+)?/, '');
  if (!head) return false;
  if (/(?:^|[ \t,])(?:in (?:that|this|which) case|if so|otherwise|instead)[ \t]+$/i.test(head)) return true;
  const conjunction = /(?:^|[ \t,])(and|so|but|then)[ \t]+$/i.exec(head)?.[1].toLowerCase();
  if (conjunction === 'so' || conjunction === 'but') return true;
  if (!conjunction) return /,[ \t]*$/.test(head) && SUBORDINATOR.test(head);
  return head.split(',').some((segment) => READER_CLAUSE.test(segment.trimStart()));
}

function dropOpenings(text: string, ctx: RuleContext): string {
  return ctx.replace(text, OPENINGS, (m) => {
    if (!readerIsSubject(m.input, m.index)) return m[0];
    // A hard-wrapped opening ("You should\n  always be ...") keeps its line break and indentation.
    const lineBreak = /\n[ \t]*$/.exec(m[0])?.[0] ?? '';
    // "You should not X" / "It is important not to X" would leave a bare "not X": say "Do not X".
    if (/not[ \t]+to[ \t\n]+$/i.test(m[0])) return `do not ${lineBreak}`;
    const next = m.input.slice(m.index + m[0].length, m.index + m[0].length + 24);
    // "You should definitely not X" has no place for the "do" of "Do not X": it stays as written.
    if (/^[a-z]+ly[ \t]+not\b/i.test(next)) return m[0];
    return /^not\b/i.test(next) ? `${lineBreak}do ` : lineBreak;
  });
}

export const instructionPreamble: CompressRule = {
  id: 'en-instruction-preamble',
  language: 'en',
  description: 'Turns announced instructions into the instruction ("You should X", "Make sure to X", "Your goal is to X" -> "X").',
  example: {
    before: 'Your goal is to answer billing questions. You should not guess. If unsure, make sure to ask.',
    after: 'Answer billing questions. Do not guess. If unsure, ask.',
  },
  apply(text, ctx) {
    let out = ctx.replace(text, TASK_AND_TO, '$1 ');
    out = ctx.replace(out, SECOND_THAT_YOU, ' and');
    out = ctx.replace(out, SECOND_THAT, ' and');
    out = ctx.replace(out, THAT_YOU_ARE, 'be');
    out = ctx.replace(out, ALWAYS_OPENING, '$1 ');
    out = ctx.replace(out, REMEMBER_THAT, '');
    // Openings nest ("Note that you should ..."): peel them until none is left.
    for (let i = 0; i < 3; i++) {
      const next = dropOpenings(out, ctx);
      if (next === out) break;
      out = next;
    }
    // Peeling can leave "Always try to X" / "Try to X" at a sentence start.
    out = ctx.replace(out, ALWAYS_OPENING, '$1 ');
    out = ctx.replace(out, TRY, '');
    out = ctx.replace(out, MAKE_SURE, '');
    out = ctx.replace(out, FINE_TO, (m) => (m[1] === 'I' ? 'You may' : 'you may'));
    out = ctx.replace(out, IMPORTANT_THAT, 'ensure ');
    out = ctx.replace(out, IN_YOUR_RESPONSES, '');
    return ctx.replace(out, FEEL_FREE, (m) => (m[0][0] === 'F' ? 'You may' : 'you may'));
  },
};
