// Second corpus of verbose system prompts (test/fixtures/compress/verbose2): 15 English and 15 Korean prompts written
// after the rules had been tuned on the three older corpora, the way developers write them (role intros, "please make
// sure to", repeated reminders, hedging, markdown, numbered steps, JSON output specs, placeholders, 해요체 / 합쇼체 /
// 반말, mixed Korean and English). Split before any rule changed: `tune/` (01-08) was used to find general rewrites,
// `fresh/` (09-15) was left untouched and measured once at the end (see docs/compression.md).
import { join } from 'node:path';
import { describeCorpus, describeRegressions } from './corpus-suite';
import { FIXTURES } from './helpers';

/**
 * Tune half, o200k saving per language. Measured before any rule change: EN 7.3% (3,012 -> 2,792), KO 8.2% (3,198 ->
 * 2,935); after the rules it led to: EN 8.5% (2,755), KO 11.1% (2,842); after the conversational-padding rules: EN 8.8% (2,747), KO
 * 11.3% (2,837).
 */
const TUNE_FLOOR: Record<'en' | 'ko', number> = { en: 0.087, ko: 0.112 };

describeCorpus('verbose2 tune', join(FIXTURES, 'verbose2', 'tune'), TUNE_FLOOR, 8);

/**
 * Fresh half, never looked at while the rules changed. Before: EN 5.7% (2,634 -> 2,485), KO 8.4% (2,693 -> 2,467).
 * Measured once at the end: EN 5.9% (2,480), KO 8.9% (2,453); reading its outputs then showed two wrong or loose
 * rewrites (REGRESSIONS), fixed after: EN 5.8% (2,482), KO 8.9% (2,453). Rules written later, some after reading
 * its outputs, so no longer a held-out figure: EN 6.1% (2,473), KO 9.8% (2,430); after the conversational-padding
 * rules: EN 6.3% (2,468), KO 9.9% (2,426).
 */
const FRESH_FLOOR: Record<'en' | 'ko', number> = { en: 0.062, ko: 0.098 };

describeCorpus('verbose2 fresh', join(FIXTURES, 'verbose2', 'fresh'), FRESH_FLOOR, 7);

/**
 * Wrong rewrites found on this corpus (several latent in the rules before it), through the whole pipeline: each
 * input must come back exactly as the second column (unchanged when it is the input again).
 */
const REGRESSIONS: ReadonlyArray<readonly [string, string]> = [
  // A wrapper inside a clause: dropping "we need you to" alone left "The clauses that extract".
  ['The clauses that we need you to extract are listed below.', 'The clauses to extract are listed below.'],
  ["Here's what we would like you to keep in mind while you are helping our users:", "Here's what to keep in mind while helping our users:"],
  // An opening after "and" whose clause has another subject keeps its subject: the player does not describe the world.
  [
    'The player is exploring a foggy coastal village, and your role is to describe the world.',
    'The player is exploring a foggy coastal village, and your role is to describe the world.',
  ],
  [
    'If the player does something dangerous, they may lose a health point, and you should tell them clearly when this happens.',
    'If the player does something dangerous, they may lose a health point, and you should tell them clearly when this happens.',
  ],
  // ... but a clause told to the reader still loses it.
  [
    'If the patient mentions chest pain, always tell them to call 911 right away, and you should not ask any further questions first.',
    'If the patient mentions chest pain, always tell them to call 911 right away, and do not ask any further questions first.',
  ],
  // "whether or not" would lose a "not" the negation count holds: it stays.
  ['Say whether or not the claim holds.', 'Say whether or not the claim holds.'],
  // Banmal 야 after 거 or a verb's -아/-어 form is no copula: no "역할: ... 하게 될 거".
  ['너는 매물 소개글 작성 도우미 역할을 하게 될 거야', '역할: 매물 소개글 작성 도우미'],
  // A permission keeps its verb: "보여 주셔도 괜찮습니다" -> "보여도 됩니다", not "보여도 괜찮습니다".
  ['풀이 과정 전체를 자세하게 보여 주셔도 괜찮습니다.', '풀이 과정 전체를 자세하게 보여도 됩니다.'],
  // "X은 아래와 같습니다." mid-line stays: as "X:" it would make the next sentence the label's value.
  ['출력 형식은 아래와 같습니다. JSON 이외의 다른 텍스트는 절대로 출력하지 마세요.', '출력 형식은 아래와 같습니다. JSON 이외의 다른 텍스트는 절대 출력 금지.'],
  // Found on the fresh half. "You should definitely not X" has no place for the "do" of "do not": it stays.
  [
    'You should not say whether it is good, and you should definitely not make any buy or sell recommendations.',
    'Do not say whether it is good, and you should definitely not make any buy or sell recommendations.',
  ],
  // 쓰다 is "use" with an expression, a register or a format: 사용, not 작성 (write).
  ['다만 "약", "정도" 같은 표현을 써 주세요. 수식은 반드시 LaTeX 형식으로 써 주세요.', '다만 "약", "정도" 같은 표현 사용. 수식은 반드시 LaTeX 형식으로 작성.'],
  // "before" takes no bare participle: "before they are sent" stays ("before sent" was a wrong rewrite).
  ['Review the agreements before they are sent to outside counsel, and only if they are needed.', 'Review the agreements before they are sent to outside counsel, and only if needed.'],
  // A sentence opening inside bold is a sentence start: "How" is no protected name there.
  ['**How you should handle requests**\n- Ask for the booking reference.', 'How to handle requests\n- Ask for the booking reference.'],
];

describeRegressions('verbose2', REGRESSIONS);
