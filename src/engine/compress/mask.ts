import { MASK_FIRST, MASK_LAST, hasPrivateUseChars, isSentenceStart } from './text';

/**
 * The spans no rule may change (docs/compression.md, "Invariants"): found here, replaced by one private-use
 * character each before the rules run, restored after. Kinds are reported so tests and docs can name them.
 */
export type ProtectedKind =
  | 'forced'
  | 'code'
  | 'latex'
  | 'placeholder'
  | 'url'
  | 'path'
  | 'quote'
  | 'number'
  | 'identifier'
  | 'name';

export interface ProtectedSpan {
  start: number;
  end: number;
  kind: ProtectedKind;
}

/** Pattern scanners, highest priority first; a span overlapping an earlier one is skipped. Spans that could run on
 * (mustache blocks, display math) are bounded, so an unclosed opener costs a bounded scan, not the rest of the text. */
const SCANNERS: ReadonlyArray<readonly [ProtectedKind, RegExp]> = [
  // Fenced code from a line start (an unclosed fence runs to the end), then inline code.
  ['code', /(?<=^|\n)[ \t]*(`{3,}|~{3,})[^\n]*(?:\n[\s\S]*?(?:\n[ \t]*\1[ \t]*(?=\n|$)|$)|$)/g],
  ['code', /``[^\n]+?``|`[^`\n]+`/g],
  // Display and inline LaTeX, LaTeX commands.
  ['latex', /\$\$[\s\S]{1,2000}?\$\$|\\\[[\s\S]{1,2000}?\\\]|\\\([\s\S]{1,2000}?\\\)/g],
  ['latex', /(?<![\w$\\])\$(?=[^\s\d$])[^$\n]{1,200}?(?<=[^\s\\])\$(?![\w$])/g],
  ['latex', /\\[A-Za-z]+(?:\{[^{}\n]*\})*/g],
  // Template placeholders of every common flavour.
  [
    'placeholder',
    new RegExp(
      [
        '\\{\\{[\\s\\S]{0,1000}?\\}\\}', // {{x}} (mustache, jinja)
        '\\{%[\\s\\S]{0,1000}?%\\}', // {% tag %}
        '\\{#[\\s\\S]{0,1000}?#\\}', // {# comment #}
        '\\$\\{[^}\\n]*\\}', // ${x}
        '\\{[^{}\\n]{0,200}\\}', // {x}, {"json": 1}
        '%\\([^)\\n]{1,60}\\)[-#0 +]*\\d*(?:\\.\\d+)?[a-zA-Z%]', // %(name)s
        '%[-#0 +]*\\d*(?:\\.\\d+)?[sdrfixXoeEgGc](?![A-Za-z])', // %s %d %.2f
        '\\$\\d+', // $1
        '\\$[A-Za-z_]\\w*', // $name
        '<\\|[^|\\n]{1,60}\\|>', // <|endoftext|>
        '<\\/?[A-Za-z][\\w:.-]*(?:\\s[^<>\\n]*)?\\/?>', // <tag>, </tag>, <tag attr="x"/>
        '\\[\\[[^\\]\\n]+\\]\\]', // [[x]]
      ].join('|'),
      'g',
    ),
  ],
  ['url', /\b(?:https?|ftp|file|wss?):\/\/[^\s<>"'`]+|\bwww\.[\w-]+\.[^\s<>"'`]+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g],
  ['path', /(?<![\w/.~-])(?:~|\.{1,2})?\/[\w.-]+(?:\/[\w.-]+)*\/?|\b[A-Za-z]:\\[^\s"'`]+/g],
  [
    'quote',
    /"[^"\n]*"|“[^”\n]*”|‘[^’\n]*’|«[^»\n]*»|「[^」\n]*」|『[^』\n]*』|(?<![\p{L}\p{N}])'[^'\n]*'(?![\p{L}\p{N}])/gu,
  ],
];

/**
 * Word-like tokens; each is classified as number, identifier, name or ordinary word. Hangul is never part of one, so
 * "9시까지입니다" protects the 9 and leaves the Korean ending to the rules.
 */
const W = '(?:(?![가-힣ㄱ-ㆎ])[\\p{L}\\p{N}_])';
const TOKEN = new RegExp(`[$€£₩¥]?${W}(?:(?:${W}|[.,:/~–'’-])*(?:${W}|%))?`, 'gu');

/** A lower-case ASCII word: most tokens of a prompt, and always an ordinary word. */
const LOWER_WORD = /^[a-z]+$/;

function classifyToken(token: string, text: string, index: number): ProtectedKind | null {
  if (LOWER_WORD.test(token)) return null;
  const hasDigit = /\p{N}/u.test(token);
  const hasLatin = /[A-Za-z]/.test(token);
  if (hasDigit) return hasLatin ? 'identifier' : 'number';
  if (!hasLatin) return null;
  // Contractions and possessives are ordinary words ("don't", "user's").
  if (/^[A-Za-z]+['’][a-z]{1,2}$/.test(token)) return null;
  if (/[_]|[A-Za-z][.:/][A-Za-z]/.test(token)) return 'identifier';
  let uppers = 0;
  for (let i = 0; i < token.length && uppers < 2; i++) {
    const c = token.charCodeAt(i);
    if (c >= 65 && c <= 90) uppers++;
  }
  if (uppers >= 2 || /[a-z][A-Z]/.test(token)) return 'identifier';
  if (/^[A-Z]/.test(token)) {
    if (token.length === 1 && (token === 'I' || token === 'A')) return null;
    // A sentence may open inside emphasis ("**How you should answer**"): the word after the markers starts it.
    const opener = /(?:\*{1,2}|_{1,2})$/.exec(text.slice(Math.max(0, index - 2), index));
    return isSentenceStart(text, index) || (opener !== null && isSentenceStart(text, index - opener[0].length)) ? null : 'name';
  }
  return null;
}

/** Every protected span of `text`, sorted. `forced` spans (a literal's interpolations) come first and win. */
export function findProtectedSpans(text: string, forced: ReadonlyArray<readonly [number, number]> = []): ProtectedSpan[] {
  const taken = new Uint8Array(text.length + 1);
  const spans: ProtectedSpan[] = [];
  const free = (s: number, e: number): boolean => {
    for (let i = s; i < e; i++) if (taken[i]) return false;
    return true;
  };
  const add = (s: number, e: number, kind: ProtectedKind): void => {
    if (e <= s || !free(s, e)) return;
    taken.fill(1, s, e);
    spans.push({ start: s, end: e, kind });
  };
  for (const [s, e] of forced) add(s, e, 'forced');
  for (const [kind, re] of SCANNERS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      let end = m.index + m[0].length;
      if (kind === 'url' || kind === 'path') {
        // Sentence punctuation after a URL is not part of it; neither is an unbalanced closing bracket.
        while (end > m.index && /[.,;:!?'")\]]/.test(text[end - 1])) {
          const ch = text[end - 1];
          if (ch === ')' && text.slice(m.index, end).split('(').length > text.slice(m.index, end).split(')').length - 1) break;
          end--;
        }
      }
      add(m.index, end, kind);
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    let token = m[0];
    // A sentence's closing "." or "," is not part of the token before it.
    while (/[.,:]$/.test(token)) token = token.slice(0, -1);
    const kind = classifyToken(token, text, m.index);
    if (kind) add(m.index, m.index + token.length, kind);
  }
  spans.sort((a, b) => a.start - b.start);
  return spans;
}

export interface MaskedText {
  /** The text with each protected span replaced by one private-use character. */
  text: string;
  /** Original text of each mask, indexed by (char code - MASK_FIRST). */
  values: string[];
  spans: ProtectedSpan[];
}

/**
 * Masks every protected span. Null when the text already holds private-use characters (they would be mistaken for
 * masks) or has more protected spans than there are mask characters.
 */
export function maskText(text: string, forced: ReadonlyArray<readonly [number, number]> = []): MaskedText | null {
  if (hasPrivateUseChars(text)) return null;
  const spans = findProtectedSpans(text, forced);
  if (spans.length > MASK_LAST - MASK_FIRST + 1) return null;
  const values: string[] = [];
  let out = '';
  let last = 0;
  for (const span of spans) {
    out += text.slice(last, span.start) + String.fromCharCode(MASK_FIRST + values.length);
    values.push(text.slice(span.start, span.end));
    last = span.end;
  }
  out += text.slice(last);
  return { text: out, values, spans };
}

/** Restores every mask character of `masked` to its original text. */
export function unmaskText(masked: string, values: readonly string[]): string {
  return masked.replace(/[\uE000-\uF8FF]/g, (ch) => values[ch.charCodeAt(0) - MASK_FIRST] ?? ch);
}
