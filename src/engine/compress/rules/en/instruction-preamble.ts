import { SENTENCE_START, phrases } from '../../text';
import type { CompressRule } from '../../types';

/**
 * Openings that announce an instruction instead of giving it ("You should", "Make sure to", "It is important that
 * you", "Your goal is to"). Only at a sentence start, where what follows reads as the imperative itself.
 */
const OPENINGS = new RegExp(
  `${SENTENCE_START}(?:${phrases([
    'you should also',
    'you should',
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
    'keep in mind that',
    'bear in mind that',
    'note that',
    'be aware that',
    'it is worth noting that',
    'it is important to note that',
    'it should be noted that',
  ])}|it is (?:very |extremely |really |absolutely )?(?:important|essential|crucial|critical|vital|imperative|necessary) (?:that you|for you to|to|not to)|your (?:main |primary |ultimate |overall |core |key )?(?:goal|task|job|role|objective|mission|purpose|aim|responsibility) (?:here )?is to)[ \\t]+(?=\\S)`,
  'gi',
);

/** "Always remember to X" -> "Always X". */
const ALWAYS_OPENING = new RegExp(`${SENTENCE_START}(always)[ \\t]+(?:remember to|make sure to|make sure you|be sure to)[ \\t]+`, 'gi');

const FEEL_FREE = /\bfeel free to\b/gi;

export const instructionPreamble: CompressRule = {
  id: 'en-instruction-preamble',
  language: 'en',
  description: 'Turns announced instructions into the instruction ("You should X", "Make sure to X", "Your goal is to X" -> "X").',
  example: {
    before: 'Your goal is to answer billing questions. You should not guess. Make sure to cite the policy.',
    after: 'Answer billing questions. Do not guess. Cite the policy.',
  },
  apply(text, ctx) {
    let out = ctx.replace(text, ALWAYS_OPENING, '$1 ');
    out = ctx.replace(out, OPENINGS, (m) => {
      // "You should not X" / "It is important not to X" would leave a bare "not X": say "Do not X".
      if (/not[ \t]+to[ \t]+$/i.test(m[0])) return 'do not ';
      const next = m.input.slice(m.index + m[0].length, m.index + m[0].length + 4);
      return /^not\b/i.test(next) ? 'do ' : '';
    });
    return ctx.replace(out, FEEL_FREE, (m) => (m[0][0] === 'F' ? 'You may' : 'you may'));
  },
};
