import type { CompressRule } from '../types';
import { duplicateSentences } from './common/duplicate-sentences';
import { followReminders } from './common/follow-reminders';
import { markdownEmphasis } from './common/markdown-emphasis';
import { whitespace } from './common/whitespace';
import { articles } from './en/articles';
import { clauses } from './en/clauses';
import { conversational } from './en/conversational';
import { filler } from './en/filler';
import { listHeader } from './en/list-header';
import { instructionPreamble } from './en/instruction-preamble';
import { intensifiers } from './en/intensifiers';
import { politeness } from './en/politeness';
import { redundantPairs } from './en/redundant-pairs';
import { rolePadding } from './en/role-padding';
import { wordyPhrases } from './en/wordy-phrases';
import { koConversational } from './ko/conversational';
import { declarativeEndings } from './ko/declarative-endings';
import { honorifics } from './ko/honorifics';
import { lightVerb } from './ko/light-verb';
import { koIntensifiers } from './ko/intensifiers';
import { koListHeader } from './ko/list-header';
import { nativeVerbs } from './ko/native-verbs';
import { politeFiller } from './ko/polite-filler';
import { prohibitions } from './ko/prohibitions';
import { requestEndings } from './ko/request-endings';
import { roleLines } from './ko/role-lines';
import { koRolePadding } from './ko/role-padding';
import { koWordyPhrases } from './ko/wordy-phrases';

/**
 * Every compression rule, in the order they run: markup first, then courtesy before the openings it hides
 * ("Please make sure to"), sentence-level rewrites before word-level ones, duplicates and whitespace last.
 */
export const COMPRESS_RULES: readonly CompressRule[] = [
  markdownEmphasis,
  listHeader,
  conversational,
  politeness,
  instructionPreamble,
  filler,
  rolePadding,
  wordyPhrases,
  redundantPairs,
  clauses,
  intensifiers,
  articles,
  koIntensifiers,
  politeFiller,
  koConversational,
  followReminders,
  koListHeader,
  lightVerb,
  honorifics,
  koWordyPhrases,
  prohibitions,
  roleLines,
  koRolePadding,
  requestEndings,
  nativeVerbs,
  declarativeEndings,
  duplicateSentences,
  whitespace,
];
