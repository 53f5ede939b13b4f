import type { CompressRule } from '../../types';

/** "Please follow these rules very carefully:" right above a list -> "Rules:". */
const PATTERN =
  /(?=[PpFfOoAa])(?<=(?:^|\n)[ \t]*)(?:please[ \t]+)?(?:follow|observe|obey|apply)[ \t]+(?:these|the following)[ \t]+(rules|instructions|guidelines|steps|requirements)(?:[ \t]+(?:very[ \t]+)?(?:carefully|strictly|closely|exactly))?[ \t]*:(?=[ \t]*\n[ \t]*(?:[-*+•]|\d{1,3}[.)]|[\uE000-\uF8FF][.)])[ \t])/gi;

export const listHeader: CompressRule = {
  id: 'en-list-header',
  language: 'en',
  description: 'Turns "Please follow these rules carefully:" above a list into its label ("Rules:").',
  example: { before: 'Please follow these steps very carefully:\n1. Read the text.', after: 'Steps:\n1. Read the text.' },
  apply(text, ctx) {
    return ctx.replace(text, PATTERN, (m) => `${m[1][0].toUpperCase()}${m[1].slice(1).toLowerCase()}:`);
  },
};
