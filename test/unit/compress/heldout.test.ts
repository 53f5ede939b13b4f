// Held-out corpus for the rule tier: verbose system prompts written after the compressor, apart from
// test/fixtures/compress/{en,ko}, in other domains (legal, medical triage, e-commerce catalogues, HR, data extraction,
// code review, compliance, moderation, airline refunds, SQL) and other authors' habits (markdown headings, bullets,
// numbered rules, JSON output specs with placeholders, mixed Korean/English). Each prompt must come back with every
// invariant kept, checked here independently of the compressor's own checker; the corpus total must not fall below
// the saving measured when the corpus was added (see docs/compression.md: held out, the rule tier saves less than on
// the corpus it was written against, and less than the 15% it reaches there).
import { join } from 'node:path';
import { describeCorpus, describeRegressions } from './corpus-suite';
import { FIXTURES } from './helpers';
import { describePhrasingFuzz, type Phrasing } from './phrasing-fuzz';

const HELDOUT = join(FIXTURES, 'heldout');

/**
 * The o200k saving of the whole corpus per language must stay at least this. Measured when the corpus was added:
 * EN 6.8%, KO 7.3% with the rules as they were; EN 9.4%, KO 9.4% after the fixes it led to; EN 11.1%, KO 10.2%
 * after the rules were generalised (clauses, honorific and favour forms); EN 11.4%, KO 10.2% after the rules found on
 * verbose2/tune. Short of 15%: see docs/compression.md.
 */
const FLOOR: Record<'en' | 'ko', number> = { en: 0.113, ko: 0.101 };

describeCorpus('held-out', HELDOUT, FLOOR);

/**
 * Rewrites the held-out corpus showed to be wrong before the rules were fixed, through the whole pipeline: each input
 * must come back exactly as given (the second column), or unchanged when that is the input again.
 */
const REGRESSIONS: ReadonlyArray<readonly [string, string]> = [
  // "important to us" is whom it matters to, not "important to <verb>" ("Us that the screening ...").
  [
    'It is extremely important to us that the screening process is fair, so please read the following rules very carefully:',
    'It is important to us that the screening process is fair, so read the following rules carefully:',
  ],
  // Once "Your task is to" goes, its second "to" must go too.
  ['Your main task is to carefully read the NDA and to produce a structured review of it.', 'Carefully read the NDA and produce a structured review of it.'],
  ['Hello! In this conversation, I would like you to act as a retention copywriter.', 'Act as a retention copywriter.'],
  ['Write only the email. Thanks a lot in advance!', 'Write only the email.'],
  ['Do not, under any circumstances, give an opinion on whether the agreement is enforceable.', 'Do not give an opinion on whether the agreement is enforceable.'],
  ['You must never reveal the results of sanctions screening. You must not guess a value.', 'Never reveal the results of sanctions screening. Do not guess a value.'],
  ['Be warm and calm at all times.', 'Be warm and calm at all times.'],
  // 안녕하세요 is a greeting to drop, never 안녕 (banmal).
  ['안녕하세요! 이번 대화에서는 카피라이터 역할을 맡아 주셨으면 합니다.', '이번 대화에서는 카피라이터 역할 담당.'],
  // 역할 and 무엇 take 하다 as a separate verb: no "역할하고", "무엇하는지".
  ['승객의 문의를 도와드리는 역할을 하고 있습니다.', '승객의 문의를 도와드리는 역할을 하고 있습니다.'],
  ['쿼리가 무엇을 하는지 한 문장으로 설명해 주세요.', '쿼리가 무엇을 하는지 한 문장으로 설명.'],
  // "채워 넣어" is one verb; its second half alone ("넣어" -> "포함") says something else.
  ['각 필드에 찾은 값을 채워 넣어 주세요.', '각 필드에 찾은 값을 채워 넣어 주세요.'],
  // Thanks stay thanks ("감사합니다" never becomes the bare noun "감사").
  ['항상 신중하게 검토해 주셔서 감사합니다.', '항상 신중하게 검토해 주셔서 감사합니다.'],
  ['의료인인 것처럼 행동해서는 안 됩니다.', '의료인인 것처럼 행동 금지.'],
  ['조항 번호를 정확하게 표시해 주셔야 합니다.', '조항 번호를 정확하게 표시.'],
  ['환자분께서 메시지를 보내시면 어떤 증상이 있으신지 여쭤봐 주세요.', '환자분이 메시지를 보내면 어떤 증상이 있는지 질문.'],
  ['전체 길이는 200자를 넘지 않도록 해 주세요.', '전체 길이는 200자 넘기 금지.'],
];

describeRegressions('held-out', REGRESSIONS);

/**
 * A fuzz in the held-out style: prompts built from the phrasings the new rules rewrite ("you must", "at all",
 * "해 드립니다", "해서는 안 됩니다", "있습니다"), each sentence carrying protected items and most a negation. After
 * compression every item is present in order and every negation kept.
 */
const ITEMS = ['{order_id}', '{{name}}', '<policy>', '`LIMIT 1000`', '"K7XQ2M"', 'https://altair.example.com/taxes', 'hr@nuri.example.com', '75,000', '250-600', '3~5', '2024-05-01', '18:00'];
const EN_SENTENCES: Phrasing[] = [
  (x: string) => `You must never share ${x} under any circumstances.`,
  (x: string) => `Do not add any text at all after ${x}.`,
  (x: string) => `Your main task is to read ${x} and to check it.`,
  (x: string) => `It is very important to us that ${x} is correct.`,
  (x: string) => `Quote ${x} exactly as it is written, wherever it is possible to do so.`,
  (x: string) => `Use ${x}, which is the default, and not anything else.`,
  (x: string) => `In that case you should mark ${x} as invalid.`,
];
const KO_SENTENCES: Phrasing[] = [
  (x: string) => `${x} 값은 절대로 공유해서는 안 됩니다.`,
  (x: string) => `${x}를 정확하게 표시해 주셔야 합니다.`,
  (x: string) => `고객님께서 ${x}를 보내시면 확인해 드리면 됩니다.`,
  (x: string) => `${x} 외에는 정보가 없으니 확인해 주세요.`,
  (x: string) => `${x}는 넘지 않도록 해 주세요.`,
  (x: string) => `${x}를 채워 넣어 주세요.`,
  (x: string) => `아래의 ${x}에 따라서 안내해 드립니다.`,
];

describePhrasingFuzz(
  'compress: held-out style fuzz (1,000 generated prompts)',
  20261126,
  { en: EN_SENTENCES, ko: KO_SENTENCES },
  { en: [], ko: [] },
  1000,
  ['faithful'],
  ITEMS,
);
