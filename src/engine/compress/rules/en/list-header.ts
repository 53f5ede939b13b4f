import type { CompressRule } from '../../types';

/** "Please follow these rules very carefully:" right above a list -> "Rules:". */
const PATTERN =
  /(?=[PpFfOoAaKkRr])(?<=(?:^|\n)[ \t]*)(?:please[ \t]+)?(?:follow|observe|obey|apply|keep in mind|remember)[ \t]+(?:these|the following)[ \t]+(rules|instructions|guidelines|steps|requirements)(?:[ \t]+(?:very[ \t]+)?(?:carefully|strictly|closely|exactly))?[ \t]*:(?=[ \t]*\n[ \t]*(?:[-*+•]|\d{1,3}[.)]|[\uE000-\uF8FF][.)])[ \t])/gi;

/** "Here is some information about X:" / "Below are the rules:" above a block -> "Information about X:" / "Rules:". */
const HERE_IS = /(?=[HhBbTt])(?<=(?:^|\n)[ \t]*)(?:here|below|the[ \t]+following)[ \t]+(?:is|are)[ \t]+(?:some[ \t]+|the[ \t]+)?(?=[a-z][^\n]*:[ \t]*\n)/gi;

/** "The possible categories are the following ones:" / "The format is as follows:" -> "The possible categories:". */
const ARE_THE_FOLLOWING = /(?<=[a-z\uE000-\uF8FF])[ \t]+(?:is|are)[ \t]+(?:the[ \t]+following(?:[ \t]+ones?)?|as[ \t]+follows)[ \t]*[:.](?=[ \t]*\n)/g;

export const listHeader: CompressRule = {
  id: 'en-list-header',
  language: 'en',
  description: 'Turns "Please follow these rules carefully:" above a list into its label ("Rules:"), "Here is some X:" and "X are the following:" into "X:".',
  example: { before: 'Please follow these steps very carefully:\n1. Read the text.', after: 'Steps:\n1. Read the text.' },
  apply(text, ctx) {
    const out = ctx.replace(text, PATTERN, (m) => `${m[1][0].toUpperCase()}${m[1].slice(1).toLowerCase()}:`);
    return ctx.replace(ctx.replace(out, HERE_IS, ''), ARE_THE_FOLLOWING, ':');
  },
};
