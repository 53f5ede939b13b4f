import { phrases } from '../../text';
import type { CompressRule, RuleContext } from '../../types';

/** Adjectives that praise the model instead of telling it what to do. Tone words (friendly, polite, professional) stay. */
const PRAISE = phrases([
  'highly',
  'very',
  'extremely',
  'incredibly',
  'exceptionally',
  'sophisticated',
  'knowledgeable',
  'highly knowledgeable',
  'experienced',
  'seasoned',
  'skilled',
  'highly-skilled',
  'highly skilled',
  'talented',
  'brilliant',
  'intelligent',
  'smart',
  'capable',
  'competent',
  'advanced',
  'state-of-the-art',
  'cutting-edge',
  'world-class',
  'top-tier',
  'top-notch',
  'elite',
  'renowned',
  'dedicated',
  'diligent',
  'reliable',
  'trustworthy',
  'versatile',
  'well-versed',
  'well-trained',
  'extensively trained',
  'powerful',
  'meticulous',
  'exceptional',
  'outstanding',
  'accomplished',
]);

/** "You are a highly sophisticated and knowledgeable support agent" -> "You are a support agent". */
const ROLE_ADJECTIVES = new RegExp(
  `\\b((?:you are|you're|you’re|act as|acting as|as|you will act as|you will be|imagine you are|pretend to be)[ \\t]+)(an?|the)[ \\t]+((?:${PRAISE})(?:(?:[ \\t]*,[ \\t]*|[ \\t]+and[ \\t]+|[ \\t]+)(?:${PRAISE}))*)[ \\t]+(?!and\\b|or\\b|,)(?=[\\p{L}\\uE000-\\uF8FF])`,
  'giu',
);

/** "... with extensive training in handling X" -> "... for handling X" inside a role sentence. */
const CREDENTIALS = new RegExp(
  `(?<=\\b(?:you are|you're|you’re|act as|as an?)\\b[^.!?\\n]{0,120})[ \\t]with[ \\t]+(?:extensive|deep|vast|broad|comprehensive|in-depth|considerable|significant|(?:many )?years of)[ \\t]+(?:training|experience|knowledge|expertise)[ \\t]+(?:in|with|of)[ \\t]+`,
  'gi',
);

/** The article the next word takes: "a" or "an" (by sound, for the common exceptions). */
export function articleFor(next: string, article: string): string {
  if (/^the$/i.test(article)) return article;
  const an =
    /^(?:hour|honest|honou?r|heir)/i.test(next) ||
    (/^[aeiou]/i.test(next) && !/^(?:u[bcdfgjklmnpqrstvwxz][aeiou]|uni|use|usu|one|once|eu)/i.test(next)) ||
    /^[FHLMNRSX](?:[A-Z0-9]|$)/.test(next);
  const word = an ? 'an' : 'a';
  return article[0] === 'A' ? word[0].toUpperCase() + word.slice(1) : word;
}

function nextWord(m: RegExpExecArray, ctx: RuleContext): string {
  const rest = m.input.slice(m.index + m[0].length);
  return ctx.isMask(rest[0]) ? ctx.maskValue(rest[0]) : (/^[\p{L}\p{N}-]+/u.exec(rest)?.[0] ?? '');
}

export const rolePadding: CompressRule = {
  id: 'en-role-padding',
  language: 'en',
  description: 'Removes praise of the assistant from role sentences ("a highly sophisticated and knowledgeable ...").',
  example: {
    before: 'You are a highly sophisticated and knowledgeable customer support assistant with extensive training in handling refunds.',
    after: 'You are a customer support assistant for handling refunds.',
  },
  apply(text, ctx) {
    const out = ctx.replace(text, ROLE_ADJECTIVES, (m) => `${m[1]}${articleFor(nextWord(m, ctx), m[2])} `);
    return ctx.replace(out, CREDENTIALS, ' for ');
  },
};
