import type { AuditedCall } from '../model';

/**
 * What kind of answer a call's prompts ask for, read from their static text (English and Korean). Only the short
 * kinds matter: a label, a yes/no, one word, or one extracted field needs a few tokens, whatever the cap allows.
 */
export type ShortTask = 'classification' | 'one-word' | 'extraction';

export interface TaskEvidence {
  kind: ShortTask;
  /** The words that gave it away, as written in the prompt. */
  phrase: string;
}

const ONE_WORD: RegExp[] = [
  /\b(?:one|single)[- ](?:word|token|letter|digit|number|label|character)\b/i,
  /\b(?:respond|reply|answer|output|return|say)\s+(?:with\s+)?(?:only|just)\b(?:\s+(?:with|the|a|one))*\s+(?:label|category|class|word|number|digit|score|letter|yes|no|true|false|"|'|`)/i,
  /\b(?:only|just)\s+(?:respond|reply|answer|output|return)\s+(?:with\s+)?(?:the\s+|a\s+|one\s+)?(?:label|category|class|word|number|digit|score|letter|yes|no|true|false)\b/i,
  /\byes\s+or\s+no\b|\b(?:true|false)\s+or\s+(?:true|false)\b/i,
  /한\s*단어|한\s*글자|숫자\s*하나|(?:예|네)\s*(?:\/|또는|혹은)\s*아니(?:오|요)|라벨만|레이블만|카테고리만|분류명만|점수만|숫자만/,
];

const CLASSIFICATION: RegExp[] = [
  /\b(?:classify|classifies|classifying|classification|classifier|categori[sz]e|categori[sz]ing|categori[sz]ation)\b/i,
  /\b(?:sentiment|intent)\s+(?:analysis|detection|classification|label)\b|\bdetect\s+the\s+(?:sentiment|intent|language)\b/i,
  /\b(?:label|tag)\s+(?:the|this|each)\s+(?:text|message|review|ticket|email|comment|sentence|input|query)\b/i,
  /\b(?:which|what)\s+(?:category|class|label|intent)\b|\bone\s+of\s+(?:the\s+)?(?:following\s+)?(?:categories|labels|classes|intents)\b/i,
  /분류|감정\s*분석|감성\s*분석|긍정\s*(?:\/|,|또는|혹은|인지)\s*부정|의도\s*(?:분류|파악)|카테고리\s*중/,
];

const EXTRACTION: RegExp[] = [
  /\bextract\s+(?:only\s+|just\s+)?(?:the|a|one|its|their)\s+(?:[a-z]+\s+){0,2}(?:number|id|date|name|email|address|amount|price|code|title|phone|total|value|field|language|sku)\b/i,
  /(?:번호|날짜|이름|이메일|주소|금액|가격|코드|제목|전화번호)(?:만|를|을)\s*추출/,
];

/** Prompts that ask for long output: a cap above the short-task limit is right there, whatever else they say. */
const LONG_OUTPUT = /\b(?:explain|explanation|reasoning|justify|justification|step[- ]by[- ]step|summar(?:y|ize|ise)|rewrite|translate|essay|write\s+(?:a|an|the)\s|list\s+all|json\s+array)\b|설명|이유를|근거를|요약|번역|단계별/i;

/** "Do not explain", "without any explanation", "설명 없이": a long-output word the prompt rules out. */
const NEGATED_LONG_OUTPUT = /\b(?:do\s+not|don't|never|no\s+need\s+to|without(?:\s+any)?|no)\s+(?:\w+\s+){0,2}?(?:explain\w*|explanation\w*|reasoning|justif\w*|summar\w*)|설명\s*(?:없이|하지\s*마|은\s*필요\s*없|은\s*생략|생략)/gi;

/** The short task a call's prompts ask for, or null (unknown tasks are never treated as short). */
export function shortTaskOf(call: Pick<AuditedCall, 'prompts'>): TaskEvidence | null {
  const texts = call.prompts.filter((p) => p.role !== 'assistant').map((p) => p.text);
  const text = texts.join('\n');
  if (!text.trim() || LONG_OUTPUT.test(text.replace(NEGATED_LONG_OUTPUT, ' '))) return null;
  for (const [kind, patterns] of [
    ['one-word', ONE_WORD],
    ['classification', CLASSIFICATION],
    ['extraction', EXTRACTION],
  ] as const) {
    for (const re of patterns) {
      const m = re.exec(text);
      if (m) return { kind, phrase: m[0].trim() };
    }
  }
  return null;
}
