import type { CompressRule } from '../../types';

/**
 * Bold markers cost tokens and say "important" in a way a model does not need; headings and lists stay. (`__x__` is
 * left alone: in prompts it is far more often a dunder name, which the scanner protects as an identifier.)
 */
const BOLD = /\*\*(?=[^\s*])([^*\n]{1,200}?)(?<=[^\s*])\*\*/g;

export const markdownEmphasis: CompressRule = {
  id: 'markdown-emphasis',
  language: 'any',
  description: 'Removes bold markers (**text**); headings, lists and code are kept.',
  example: { before: '**Important:** answer in **one** sentence.', after: 'Important: answer in one sentence.' },
  apply(text, ctx) {
    return ctx.replace(text, BOLD, '$1');
  },
};
