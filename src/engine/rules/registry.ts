import { bloatedSystemPrompt } from './bloated-system-prompt';
import { cacheOpportunity } from './cache-opportunity';
import { cacheUnfriendlyPrefix } from './cache-unfriendly-prefix';
import { contextOverflow } from './context-overflow';
import { fewShotOverload } from './few-shot-overload';
import { highMaxTokens } from './high-max-tokens';
import { loopCallBatchable } from './loop-call-batchable';
import { missingMaxTokens } from './missing-max-tokens';
import { nonEnglishInflation } from './non-english-inflation';
import type { Rule } from './rule';
import { unknownModel } from './unknown-model';

/** Every rule, one line each. The ids are part of the JSON contract and the settings keys (`rules[id]`). */
export const RULES: readonly Rule[] = [
  bloatedSystemPrompt,
  highMaxTokens,
  missingMaxTokens,
  contextOverflow,
  fewShotOverload,
  loopCallBatchable,
  cacheUnfriendlyPrefix,
  cacheOpportunity,
  nonEnglishInflation,
  unknownModel,
];
