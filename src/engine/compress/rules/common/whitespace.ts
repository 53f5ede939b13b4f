import type { CompressRule } from '../../types';

/** Spaces at line ends; the last line is kept when it is only indentation (it places a closing quote). */
const TRAILING = /(?<![ \t])[ \t]+(?=\n)/g;
/** A run of spaces or tabs between two words. Indentation (line starts) is never touched. */
const INNER_RUN = /(?<=\S)[ \t]{2,}(?=\S)/g;
/** Two or more blank lines in a row. */
const BLANK_RUN = /\n[ \t]*\n(?:[ \t]*\n)+/g;
/** Blank lines at the very end (left by a removed closing line); the last line's indentation stays. */
const BLANK_TAIL = /\n(?<=\S[ \t]*\n)(?:[ \t]*\n)+(?=[ \t]*$)/g;

export const whitespace: CompressRule = {
  id: 'whitespace',
  language: 'any',
  description: 'Collapses runs of spaces, trailing spaces and runs of blank lines to one; indentation is kept.',
  example: { before: 'Answer   briefly.  \n\n\n\nUse JSON.', after: 'Answer briefly.\n\nUse JSON.' },
  mayRemoveLines: true,
  apply(text, ctx) {
    let out = ctx.replace(text, TRAILING, '');
    out = ctx.replace(out, INNER_RUN, ' ');
    out = ctx.replace(out, BLANK_RUN, '\n\n');
    return ctx.replace(out, BLANK_TAIL, '\n');
  },
};
