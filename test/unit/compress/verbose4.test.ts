// Fourth corpus (test/fixtures/compress/verbose4): 6 English and 6 Korean system prompts in a chatty, Slack-like
// developer habit ("hey so", "basically", "the thing is", "make sure you", "one more thing"; 해요체 and 반말 chatter with
// 일단, 그냥, 혹시, ~거든요, ~했으면 좋겠어요), written before the conversational-padding rules and never used to write a
// rule: measured before them and once after (docs/compression.md). Bike rental support, PR descriptions, standup
// summaries, a SQL helper, a cooking helper, support triage with JSON; a café order bot, a 반말 code-review buddy, an HR
// FAQ, a blog translator, a 반말 English tutor, an on-call alert triager with JSON.
import { join } from 'node:path';
import { describeCorpus } from './corpus-suite';
import { FIXTURES } from './helpers';

/** With the rules as they were before the conversational-padding round: EN 4.4% (1,677 -> 1,604), KO 5.2% (1,804 -> 1,711). */
const FLOOR: Record<'en' | 'ko', number> = { en: 0.043, ko: 0.051 };

describeCorpus('verbose4', join(FIXTURES, 'verbose4'), FLOOR, 6);

/** Terse style on the same prompts: EN 9.4% (1,520); Korean has no terse rule (the default figure). */
describeCorpus('terse verbose4', join(FIXTURES, 'verbose4'), { en: 0.093, ko: 0.051 }, 6, 'terse');
