import { matchCase, phrases } from '../../text';
import type { CompressRule } from '../../types';

/** Doublets whose two halves say the same thing, and pleonasms. */
const TABLE: Record<string, string> = {
  'polite and courteous': 'polite',
  'courteous and polite': 'polite',
  'full and complete': 'complete',
  'complete and full': 'complete',
  'true and accurate': 'accurate',
  'accurate and correct': 'accurate',
  'correct and accurate': 'accurate',
  'precise and accurate': 'accurate',
  'accurate and precise': 'accurate',
  'help and assist': 'help',
  'assist and help': 'help',
  'thorough and comprehensive': 'thorough',
  'comprehensive and thorough': 'thorough',
  'brief and concise': 'concise',
  'concise and brief': 'concise',
  'short and concise': 'concise',
  'concise and short': 'concise',
  'succinct and concise': 'concise',
  'concise and succinct': 'concise',
  'clear and understandable': 'clear',
  'simple and easy': 'simple',
  'kind and friendly': 'friendly',
  'friendly and kind': 'friendly',
  'various different': 'various',
  'end result': 'result',
  'final outcome': 'outcome',
  'final result': 'result',
  'past history': 'history',
  'future plans': 'plans',
  'basic fundamentals': 'fundamentals',
  'completely eliminate': 'eliminate',
  'absolutely essential': 'essential',
  'totally unique': 'unique',
  'close proximity': 'proximity',
  'exact same': 'same',
};

const PATTERN = new RegExp(`\\b(?:${phrases(Object.keys(TABLE))})\\b`, 'gi');

export const redundantPairs: CompressRule = {
  id: 'en-redundant-pairs',
  language: 'en',
  description: 'Collapses doublets and pleonasms ("polite and courteous" -> "polite", "end result" -> "result").',
  example: {
    before: 'Be polite and courteous and keep answers short and concise.',
    after: 'Be polite and keep answers concise.',
  },
  apply(text, ctx) {
    return ctx.replace(text, PATTERN, (m) => {
      const short = TABLE[m[0].toLowerCase().replace(/[ \t]+/g, ' ')];
      return short === undefined ? m[0] : matchCase(m[0], short);
    });
  },
};
