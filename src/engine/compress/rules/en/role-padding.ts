import { phrases } from '../../text';
import type { CompressRule, RuleContext } from '../../types';

/** Adjectives that praise the model instead of telling it what to do. Tone words (friendly, polite, professional) stay. */
const PRAISE_LIST = [
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
];
const PRAISE = phrases(PRAISE_LIST);

/** "You are a highly sophisticated and knowledgeable support agent" -> "You are a support agent". */
const ROLE_ADJECTIVES = new RegExp(
  `\\b((?:you are|you're|you’re|act as|acting as|as|you will act as|you will be|imagine you are|pretend to be)[ \\t]+(?:[\\p{L}\\uE000-\\uF8FF-]+,[ \\t]+)?)(an?|the)[ \\t]+((?:${PRAISE})(?:(?:[ \\t]*,[ \\t]*|[ \\t]+and[ \\t]+|[ \\t]+)(?:${PRAISE}))*)[ \\t]+(?!and\\b|or\\b|,)(?=[\\p{L}\\uE000-\\uF8FF])`,
  'giu',
);

/** The adjectives of PRAISE_LIST (its adverbs only ever qualify one of them). */
const PRAISE_WORDS = new Set(PRAISE_LIST.filter((p) => !/^(?:highly|very|extremely|incredibly|exceptionally)$/.test(p)));

/**
 * A coordinated list of adjectives in a role sentence ("a patient, kind and highly experienced tutor"): the praise
 * ones go, the others stay and are re-joined ("a patient and kind tutor").
 */
const ROLE_LIST = new RegExp(
  `\\b((?:you are|you're|you’re|act as|as)[ \\t]+(?:[\\p{L}\\uE000-\\uF8FF-]+,[ \\t]+)?)(an?|the)[ \\t]+((?:(?:very |highly |extremely |incredibly )?[\\p{L}-]+(?:,[ \\t]*(?:and[ \\t]+)?|[ \\t]+and[ \\t]+))+(?:very |highly |extremely |incredibly )?[\\p{L}-]+)[ \\t]+(?=[\\p{L}\\uE000-\\uF8FF])`,
  'giu',
);

function keepNonPraise(list: string): string | null {
  const items = list.split(/,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+/);
  const kept = items.filter((item) => !PRAISE_WORDS.has(item.replace(/^(?:very|highly|extremely|incredibly) /i, '').toLowerCase()));
  if (kept.length === items.length) return null;
  if (kept.length <= 1) return kept.join('');
  return `${kept.slice(0, -1).join(', ')} and ${kept[kept.length - 1]}`;
}

/** "... with extensive training in handling X" -> "... for handling X" inside a role sentence (see inRoleSentence). */
const CREDENTIALS = new RegExp(
  `([ \\t]|\\n[ \\t]*)with[ \\t]+(?:extensive|deep|vast|broad|comprehensive|in-depth|considerable|significant|(?:many )?years of)[ \\t]+(?:training|experience|knowledge|expertise)[ \\t]+(?:in|with|of)[ \\t]+`,
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

/** True when the sentence around `index` casts the assistant in a role ("You are ...", "Act as ..."). */
function inRoleSentence(text: string, index: number): boolean {
  const from = Math.max(0, index - 200);
  const before = text.slice(from, index);
  const start = Math.max(before.lastIndexOf('.'), before.lastIndexOf('!'), before.lastIndexOf('?'));
  return /\b(?:you are|you're|you’re|act as|as an?)\b/i.test(before.slice(start + 1));
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
    let out = ctx.replace(text, ROLE_ADJECTIVES, (m) => `${m[1]}${articleFor(nextWord(m, ctx), m[2])} `);
    out = ctx.replace(out, ROLE_LIST, (m) => {
      const kept = keepNonPraise(m[3]);
      if (kept === null) return m[0];
      const next = kept ? (/^[\p{L}-]+/u.exec(kept)?.[0] ?? '') : nextWord(m, ctx);
      return `${m[1]}${articleFor(next, m[2])} ${kept ? `${kept} ` : ''}`;
    });
    return ctx.replace(out, CREDENTIALS, (m) => (inRoleSentence(m.input, m.index) ? `${m[1]}for ` : m[0]));
  },
};
