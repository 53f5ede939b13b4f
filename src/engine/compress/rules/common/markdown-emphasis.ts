import type { CompressRule } from '../../types';

/** Bold markers cost tokens and say "important" in a way a model does not need; headings and lists stay. */
const BOLD = /\*\*(?=[^\s*])([^*\n]{1,200}?)(?<=[^\s*])\*\*|(?<![\w])__(?=[^\s_])([^_\n]{1,200}?)(?<=[^\s_])__(?![\w])/g;

export const markdownEmphasis: CompressRule = {
  id: 'markdown-emphasis',
  language: 'any',
  description: 'Removes bold markers (**text**, __text__); headings, lists and code are kept.',
  example: { before: '**Important:** answer in **one** sentence.', after: 'Important: answer in one sentence.' },
  apply(text, ctx) {
    return ctx.replace(text, BOLD, (m) => m[1] ?? m[2]);
  },
};
