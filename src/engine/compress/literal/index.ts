import type { LanguageId } from '../../model';
import { compressMasked } from '../compress';
import { matchSequences } from '../diff';
import { MASK_FIRST, isMaskChar } from '../text';
import type { CompressOptions } from '../types';
import { encodeJsChar, parseJs } from './js';
import { encodePythonChar, parsePython } from './python';
import { literalText, type ParsedLiteral } from './types';

export type { ParsedLiteral } from './types';
export { literalText } from './types';

/** Parses the source of one string literal of `language`; null when it is not a string literal we can rewrite. */
export function parseLiteral(source: string, language: LanguageId): ParsedLiteral | null {
  return language === 'python' ? parsePython(source) : parseJs(source);
}

export interface LiteralCompression {
  /** The rewritten literal, same kind (prefix, quotes, escapes style, interpolations untouched). */
  newSource: string;
  tokensBefore: number;
  tokensAfter: number;
  applied: string[];
  /** The literal's prompt text before and after (decoded; interpolations as written), for the diff preview. */
  textBefore: string;
  textAfter: string;
}

/** Marks an interpolation in the sequences the diff aligns (never equal to a decoded character). */
const opaqueKey = (index: number): string => `\u0000#${index}`;

function encodeChar(ch: string, lit: ParsedLiteral): string | null {
  return lit.host === 'python' ? encodePythonChar(ch, lit) : encodeJsChar(ch, lit);
}

/**
 * Writes `elements` (decoded characters and opaque keys) as the body of `lit`. With `reuse`, characters the diff
 * matches to the original keep their original spelling; the others are escaped for this literal kind.
 */
function render(lit: ParsedLiteral, elements: readonly string[], reuse: boolean): string | null {
  const original = lit.parts.map((p, i) => (p.kind === 'text' ? p.value : opaqueKey(i)));
  const matches = reuse ? matchSequences(original, elements) : new Int32Array(elements.length).fill(-1);
  let body = '';
  for (let j = 0; j < elements.length; j++) {
    const i = matches[j];
    const el = elements[j];
    if (el.startsWith('\u0000#')) {
      const part = lit.parts[Number(el.slice(2))];
      body += (i >= 0 ? part.lead : '') + part.raw;
      continue;
    }
    if (i >= 0) {
      const part = lit.parts[i];
      if (part.kind === 'text' && part.lonelyBackslash && matches[j + 1] !== i + 1) {
        const escaped = encodeChar('\\', lit);
        if (escaped === null) return null;
        body += part.lead + escaped;
      } else {
        body += part.lead + part.raw;
      }
      continue;
    }
    const encoded = encodeChar(el, lit);
    if (encoded === null) return null;
    body += encoded;
  }
  return lit.open + body + lit.tail + lit.close;
}

function sameInterpolations(a: ParsedLiteral, b: ParsedLiteral): boolean {
  const ra = a.parts.filter((p) => p.kind === 'opaque').map((p) => p.raw);
  const rb = b.parts.filter((p) => p.kind === 'opaque').map((p) => p.raw);
  return ra.length === rb.length && ra.every((r, i) => r === rb[i]);
}

/**
 * Compresses the prompt text inside one string literal and writes it back as the same kind of literal. Escapes are
 * kept as written where the text is unchanged, interpolations (`{x}`, `${x}`) are protected placeholders, and the
 * new source is parsed again to prove it decodes to the compressed text. Null when nothing safe and shorter exists.
 */
export function compressLiteral(
  source: string,
  language: LanguageId,
  options: CompressOptions,
): LiteralCompression | null {
  return compressOneLiteral(source, language, options, false);
}

/** `keepEdges`: the literal is one piece of a longer prompt, so its leading and trailing whitespace is protected. */
function compressOneLiteral(
  source: string,
  language: LanguageId,
  options: CompressOptions,
  keepEdges: boolean,
): LiteralCompression | null {
  const lit = parseLiteral(source, language);
  if (!lit) return null;
  const text = literalText(lit);
  const spans: Array<[number, number]> = [];
  const spanPart = new Map<number, number>();
  let pos = 0;
  lit.parts.forEach((p, i) => {
    const len = p.kind === 'text' ? p.value.length : p.raw.length;
    if (p.kind === 'opaque') {
      spans.push([pos, pos + len]);
      spanPart.set(pos, i);
    }
    pos += len;
  });
  if (keepEdges) {
    const lead = /^\s*/.exec(text)![0].length;
    const trail = lead === text.length ? 0 : /\s*$/.exec(text)![0].length;
    if (lead) spans.unshift([0, lead]);
    if (trail) spans.push([text.length - trail, text.length]);
  }
  const run = compressMasked(text, { ...options, protectedSpans: spans });
  if (!run) return null;
  const tokensBefore = options.countTokens(text);
  const tokensAfter = options.countTokens(run.result.text);
  if (tokensAfter >= tokensBefore) return null;

  // The compressed text as elements: characters, with each interpolation as its key.
  const elements: string[] = [];
  for (const ch of run.masked) {
    if (isMaskChar(ch)) {
      const span = run.spans[ch.charCodeAt(0) - MASK_FIRST];
      if (span.kind === 'forced' && spanPart.has(span.start)) elements.push(opaqueKey(spanPart.get(span.start)!));
      else for (const c of run.values[ch.charCodeAt(0) - MASK_FIRST]) elements.push(c);
    } else {
      elements.push(ch);
    }
  }
  for (const reuse of [true, false]) {
    const newSource = render(lit, elements, reuse);
    if (newSource === null) continue;
    const check = parseLiteral(newSource, language);
    if (check && literalText(check) === run.result.text && sameInterpolations(lit, check)) {
      return { newSource, tokensBefore, tokensAfter, applied: run.result.applied, textBefore: text, textAfter: run.result.text };
    }
  }
  return null;
}

export interface LiteralsCompression {
  /** One entry per source literal: its rewrite, or null where it stays as it is. */
  literals: Array<LiteralCompression | null>;
  /** Tokens of the whole prompt (the literals' texts joined), before and after. */
  tokensBefore: number;
  tokensAfter: number;
  applied: string[];
  textBefore: string;
  textAfter: string;
}

/**
 * A prompt made of several literals (implicit concatenation, `+`): each literal is compressed on its own, so no edit
 * crosses a literal boundary. A literal that continues a sentence from the previous one is not capitalised.
 */
export function compressLiterals(
  sources: readonly string[],
  language: LanguageId,
  options: CompressOptions,
): LiteralsCompression | null {
  const texts = sources.map((s) => {
    const lit = parseLiteral(s, language);
    return lit ? literalText(lit) : null;
  });
  const literals: Array<LiteralCompression | null> = [];
  const applied: string[] = [];
  let previous = '';
  for (let i = 0; i < sources.length; i++) {
    const continuesSentence = i > 0 && /\S/.test(previous) && !/(?:[.!?:。]|\n)[ \t]*$/.test(previous);
    const result = texts[i] === null ? null : compressOneLiteral(sources[i], language, { ...options, continuesSentence }, true);
    literals.push(result);
    for (const id of result?.applied ?? []) if (!applied.includes(id)) applied.push(id);
    previous = texts[i] ?? previous;
  }
  if (literals.every((l) => l === null)) return null;
  const textBefore = texts.map((t) => t ?? '').join('');
  const textAfter = texts.map((t, i) => literals[i]?.textAfter ?? t ?? '').join('');
  const tokensBefore = options.countTokens(textBefore);
  const tokensAfter = options.countTokens(textAfter);
  if (tokensAfter >= tokensBefore) return null;
  return { literals, tokensBefore, tokensAfter, applied, textBefore, textAfter };
}
