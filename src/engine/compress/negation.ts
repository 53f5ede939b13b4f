/**
 * Negations, prohibitions and restrictions: the words whose loss flips an instruction. The guard counts them before
 * and after every rewrite. The patterns over-match on purpose (a false hit only makes the guard refuse more often);
 * a miss would let a rule drop a "not".
 */
const ENGLISH =
  /\b(?:not|never|no|nor|none|nothing|nobody|nowhere|neither|cannot|without|avoid|refrain|forbidden|prohibited|prohibit|disallowed|except|unless|only|stop)\b|n['’]t\b/gi;

/**
 * Korean: 않 (not), 못 (cannot), 없 (without/none), 아니/아닌/아님 (is not), 금지/금하 (forbidden), 절대 (never),
 * 불가 (impossible), 금물, 삼가 (refrain), 제외 (except), a standalone 안 (not), and the prohibitive 말다 / 마세요 forms.
 */
const KOREAN =
  /않|못|없|아니|아닌|아님|금지|금하|절대|불가|금물|삼가|제외|(?<![가-힣])안(?=[ \t])|말(?=[아고라자]|[ \t]*것)|마(?=세요|십시오|시오|시기|시고|시며|시면|라|[.!?]|[ \t]*(?:\n|$))/g;

export function countNegations(text: string): number {
  let n = 0;
  ENGLISH.lastIndex = 0;
  while (ENGLISH.exec(text)) n++;
  KOREAN.lastIndex = 0;
  while (KOREAN.exec(text)) n++;
  return n;
}

/** The negation words of `text`, in order (for messages and tests). */
export function negationsOf(text: string): string[] {
  const found: Array<[number, string]> = [];
  for (const re of [ENGLISH, KOREAN]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) found.push([m.index, m[0]]);
  }
  return found.sort((a, b) => a[0] - b[0]).map(([, w]) => w);
}
