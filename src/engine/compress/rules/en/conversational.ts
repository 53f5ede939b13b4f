import { SENTENCE_START, matchCase, startsWithOneOf } from '../../text';
import type { CompressRule } from '../../types';

/** Where a clause may begin: a sentence start, or after a comma / semicolon / colon, or after "and / but / so". */
const CLAUSE_START = `(?:${SENTENCE_START}|(?<=[,;:][ \\t]+|[ \\t](?:and|but|so)[ \\t]+))`;

/**
 * Discourse markers opening a paragraph ("Hey so", "Ok so", "So,", "Alright,"): chat habits that tell the model
 * nothing. "So" alone goes only before a word that cannot make it a conjunction ("so that", "so long as" stay).
 */
const PARAGRAPH_MARKERS = new RegExp(
  `(?=[HhOoAaSsWw])(?<=(?:^|\\n)[ \\t]*)(?:(?:hey|hi|hello|ok|okay|alright|all right|well)(?:[ \\t]+there)?[!.,]*[ \\t]+)*(?:(?:ok|okay|alright|all right|well),[ \\t]*|(?:ok|okay)[ \\t]+so\\b,?[ \\t]*|(?:hey|hi|hello)(?:[ \\t]+there)?[!.,]*[ \\t]+so\\b,?[ \\t]*|so\\b(?:,[ \\t]*|[ \\t]+(?!(?:that|as|long|far|much|many|few|little)\\b)))(?=[A-Za-z])`,
  'gi',
);

/** Sentences that only announce what follows ("ok so here's what I need.", "Here's the deal."); not before a colon. */
const ANNOUNCEMENT = new RegExp(
  `${startsWithOneOf(['here', 'so', 'ok', 'okay'])}${SENTENCE_START}(?:(?:so|ok|okay),?[ \\t]+)*here(?:['’]s|[ \\t]+is)[ \\t]+(?:what[ \\t]+(?:i|we)[ \\t]+(?:need|want)|the[ \\t]+(?:deal|idea|plan|thing))[.!]+(?:[ \\t]+(?=\\S)|[ \\t]*(?=\\n|$))`,
  'gi',
);

/** "The thing is(,| that) X" / "the idea is that X" at a clause start -> "X": the frame adds nothing to what follows. */
const THE_THING_IS = new RegExp(`(?=[Tt])${CLAUSE_START}the[ \\t]+(?:thing|idea)[ \\t]+is(?:[ \\t]+that\\b|,)[ \\t]*(?=[A-Za-z])`, 'gi');

/** "Oh and one last thing," / "One more thing:" / "Oh, and" opening a sentence: an aside marker. */
const ASIDE = new RegExp(
  `(?=[OoAa])${SENTENCE_START}(?:(?:oh,?[ \\t]+)?and[ \\t]+|oh,?[ \\t]+)?(?:(?:one|a couple of|two|a few)[ \\t]+(?:last|more|final|other)[ \\t]+things?(?:[ \\t]+to[ \\t]+(?:mention|add|note))?[ \\t]*[,:.][ \\t]*|(?<=oh,?[ \\t]+)and,?[ \\t]+)(?=[A-Za-z])|(?=[Oo])${SENTENCE_START}oh,?[ \\t]+and,?[ \\t]+(?=[A-Za-z])`,
  'gi',
);

/** A line that only closes the chat ("Basically that's it.", "Thanks, that's all!"): it instructs nothing. */
const CLOSER = /(?=[BbSsTtOo])(?<=(?:^|\n)[ \t]*)(?:(?:basically|so|ok|okay|thanks|thank you)[,!.]?[ \t]+)*that['’]?s[ \t]+(?:basically[ \t]+)?(?:it|all)(?:[ \t]+for[ \t]+now)?[.!]+[ \t]*(?=\n|$)/gi;

/**
 * "you're going to be the assistant" -> "you're the assistant", "you are going to help" -> "you will help": the
 * future of a role or a task is the task.
 */
const GOING_TO_BE = /\b(you(?:['’]re|[ \t]+are))[ \t]+going[ \t]+to[ \t]+be(?=[ \t]+(?:the|a|an|our|my|in charge|responsible)\b)/gi;
const GOING_TO = /\byou(['’]re|[ \t]+are)[ \t]+going[ \t]+to(?=[ \t]+[a-z])(?![ \t]+be\b)/gi;

/**
 * "Urgency goes like this: 3 if ..." -> "Urgency: 3 if ...": a short noun phrase opening the sentence, then a verb
 * that only points at what the colon introduces. Not after a pronoun ("it looks like this:" has no label left).
 */
const GOES_LIKE_THIS = new RegExp(
  `(?=[A-Za-z])${SENTENCE_START}(?!(?:it|this|that|they|these|those|which|what|he|she|one)\\b)((?:[A-Za-z][\\w'-]*[ \\t]+){0,3}[A-Za-z][\\w'-]*)[ \\t]+(?:goes|go|works|work|looks|look)[ \\t]+like[ \\t]+this[ \\t]*:`,
  'gi',
);

/**
 * A line introducing a list of points ("A couple of things that are really important for you to get right:") -> its
 * label: "Important:", "Also:" (other / more things), else "Notes:".
 */
const THINGS_HEADER =
  /(?=[AaSsHhTtOo])(?<=(?:^|\n)[ \t]*)(?:(?:so|and|also|oh and|ok so)[,]?[ \t]+)?(?:(?:here|there)(?:['’]s|[ \t]+(?:is|are))[ \t]+)?(?:a[ \t]+(?:couple|few)[ \t]+(?:of[ \t]+)?|some[ \t]+|several[ \t]+)(other[ \t]+|more[ \t]+)?(?:things|stuff|points)(?:[ \t]+(?:that|which))?(?:[ \t]+(?:are|is))?(?:[ \t]+(?:really|very|super|extremely))?(?:[ \t]+(important|crucial|key))?(?:[ \t]+(?:for[ \t]+you[ \t]+to|you[ \t]+(?:need|have|should|must)[ \t]+to|(?:i|we)[ \t]+(?:want|need|would like|['’]d like)[ \t]+you[ \t]+to|to)[ \t]+(?:know|get right|keep in mind|remember|follow|be aware of|note|watch out for))?[ \t]*:(?=[ \t]*(?:\n|$))/gi;

/**
 * Hedges on an instruction: "kind of" / "sort of" before what they soften ("if it's kind of two things"); not the
 * noun ("what kind of food", "this sort of request"). "basically" anywhere, "honestly" opening a clause ("and honestly nobody reads them"; not "say so honestly").
 */
const KIND_OF =
  /(?<!\b(?:what|which|this|that|these|those|any|some|the|a|an|every|each|no|same|one|other|another|its|their|your|our|my|his|her|whatever|right|wrong|different)[ \t]+)\b(?:kind|sort)[ \t]+of[ \t]+(?=[a-z])|\b(?:kinda|sorta)[ \t]+(?=[a-z])/gi;
const BASICALLY = /(?<=[ \t])basically,?[ \t]+(?=[a-z\uE000-\uF8FF])|(?=[Bb])(?<=(?:^|\n|[.!?:][ \t]+)[ \t]*)[Bb]asically,?[ \t]+(?=[A-Za-z])/g;
const HONESTLY = /(?=h)(?<=(?:,|\band|\bbut)[ \t]+)honestly,?[ \t]+(?=(?:nobody|no one|i|we|you|they|it|people|most|the|this|that|there)\b)/g;

/** Chat laughter at the end of a sentence or line ("they're just lazy lol"). */
// Starts only where a run of blanks starts (else 100 KB of tabs backtracks quadratically).
const LAUGHTER = /(?<![ \t])[ \t]+(?:lol|lmao|haha+)(?=[ \t]*(?:[.!?)]|\n|$))/gi;

/**
 * "just" opening an instruction whose verb is not about the output ("If so, just tell them", "just pick the one"):
 * it softens, not limits. Before output verbs ("just return the JSON", "just say X", "just list") it means "only" and stays.
 */
const JUST = new RegExp(
  `(?=[Jj])${CLAUSE_START}just[ \\t]+(?=(?:tell|ask|pick|choose|skip|leave|ignore|move on|stick|group|switch|go with|assume|flag|check|mention|point|let|direct|refer|send them|redirect|explain|apologi[sz]e|treat|mark|move)\\b)|(?=j)(?<=\\byou to[ \\t]+)just[ \\t]+(?=(?:tell|ask|pick|choose|skip|leave|ignore|stick|group|switch|flag|check|mention|explain|treat|mark)\\b)`,
  'g',
);

/** "avoid idioms as much as you can" -> "avoid idioms": an effort hedge, like "to the best of your ability". */
const AS_MUCH_AS_YOU_CAN = /(?<![ \t]),?[ \t]+as[ \t]+much[ \t]+as[ \t]+you[ \t]+can(?=[ \t]*[.,;:!?)]|[ \t]*(?:\n|$))/gi;

/** "most of the time" -> "usually" (moving "mostly" next to the verb, "they mostly ask", is a reorder no rule checks). */
const MOST_OF_THE_TIME = /\bmost[ \t]+of[ \t]+the[ \t]+time\b/gi;

export const conversational: CompressRule = {
  id: 'en-conversational',
  language: 'en',
  description:
    'Drops chat padding: paragraph openers ("Hey so", "Ok so"), announcements ("Here\'s the deal."), "the thing is that", asides ("Oh and one last thing,"), closing lines ("That\'s basically it!"), hedges ("kind of", "basically", a softening "just"), "goes like this:" and list intros ("A couple of things that are important for you to get right:" -> "Important:").',
  example: {
    before: "Hey so you're going to be the assistant for Acme.\nA couple of things that are really important for you to get right:\n- Priority goes like this: urgent first. The thing is, people are kind of busy.\n\nOh and one last thing, never guess.\nThat's basically it!",
    after: "You're the assistant for Acme.\nImportant:\n- Priority: urgent first. People are busy.\n\nNever guess.",
  },
  mayRemoveLines: true,
  apply(text, ctx) {
    let out = ctx.replace(text, ANNOUNCEMENT, '');
    out = ctx.replace(out, PARAGRAPH_MARKERS, '');
    out = ctx.replace(out, CLOSER, '');
    out = ctx.replace(out, ASIDE, '');
    out = ctx.replace(out, THINGS_HEADER, (m) => (m[2] ? 'Important:' : m[1] ? 'Also:' : 'Notes:'));
    out = ctx.replace(out, THE_THING_IS, '');
    out = ctx.replace(out, GOES_LIKE_THIS, '$1:');
    out = ctx.replace(out, GOING_TO_BE, '$1');
    // "you're going to" -> "you'll" with the author's apostrophe; "you are going to" -> "you will".
    out = ctx.replace(out, GOING_TO, (m) => matchCase(m[0], /^[ \t]/.test(m[1]) ? 'you will' : `you${m[1][0]}ll`));
    out = ctx.replace(out, KIND_OF, '');
    out = ctx.replace(out, BASICALLY, '');
    out = ctx.replace(out, HONESTLY, '');
    out = ctx.replace(out, LAUGHTER, '');
    out = ctx.replace(out, JUST, '');
    out = ctx.replace(out, AS_MUCH_AS_YOU_CAN, '');
    return ctx.replace(out, MOST_OF_THE_TIME, (m) => matchCase(m[0], 'usually'));
  },
};
