import type { LiteralPart, ParsedLiteral } from './types';

const SIMPLE_ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
const LINE_TERMINATORS = new Set(['\n', '\r', '\u2028', '\u2029']);

/** End (exclusive) of a quoted string or template starting at `i` inside an expression, or -1. */
function skipString(src: string, i: number, end: number): number {
  const q = src[i];
  if (q === '`') return templateEnd(src, i + 1, end);
  for (let j = i + 1; j < end; j++) {
    if (src[j] === '\\') j++;
    else if (src[j] === q) return j + 1;
    else if (src[j] === '\n') return -1;
  }
  return -1;
}

/** End (exclusive) of a template whose body starts at `i`, nested `${}` included, or -1. */
function templateEnd(src: string, i: number, end: number): number {
  for (let j = i; j < end; j++) {
    if (src[j] === '\\') j++;
    else if (src[j] === '`') return j + 1;
    else if (src[j] === '$' && src[j + 1] === '{') {
      const close = substitutionEnd(src, j + 1, end);
      if (close < 0) return -1;
      j = close - 1;
    }
  }
  return -1;
}

/** End (exclusive) of the `{...}` of a `${...}` opening at `open`, skipping strings, templates and comments. */
function substitutionEnd(src: string, open: number, end: number): number {
  let depth = 0;
  for (let j = open; j < end; j++) {
    const c = src[j];
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return j + 1;
    } else if (c === '"' || c === "'" || c === '`') {
      const after = skipString(src, j, end);
      if (after < 0) return -1;
      j = after - 1;
    } else if (c === '/' && src[j + 1] === '/') {
      const nl = src.indexOf('\n', j);
      if (nl < 0 || nl >= end) return -1;
      j = nl;
    } else if (c === '/' && src[j + 1] === '*') {
      const close = src.indexOf('*/', j + 2);
      if (close < 0 || close >= end) return -1;
      j = close + 1;
    }
  }
  return -1;
}

/** Parses a JS/TS string literal or template literal. Null if it is not one. */
export function parseJs(source: string): ParsedLiteral | null {
  const q = source[0];
  if ((q !== '"' && q !== "'" && q !== '`') || source.length < 2 || source[source.length - 1] !== q) return null;
  const template = q === '`';
  const bodyEnd = source.length - 1;
  const parts: LiteralPart[] = [];
  let pending = '';
  const text = (value: string, raw: string): void => {
    parts.push({ kind: 'text', value, raw, lead: pending });
    pending = '';
  };
  let i = 1;
  while (i < bodyEnd) {
    const c = source[i];
    if (c === q) return null;
    if (!template && (c === '\n' || c === '\r')) return null;
    if (template && c === '$' && source[i + 1] === '{') {
      const end = substitutionEnd(source, i + 1, bodyEnd);
      if (end < 0) return null;
      parts.push({ kind: 'opaque', raw: source.slice(i, end), lead: pending });
      pending = '';
      i = end;
      continue;
    }
    if (template && c === '\r') {
      // Template values normalise CRLF and CR to LF.
      const raw = source[i + 1] === '\n' ? '\r\n' : '\r';
      text('\n', raw);
      i += raw.length;
      continue;
    }
    if (c === '\\') {
      if (i + 1 >= bodyEnd) return null;
      const n = source[i + 1];
      if (LINE_TERMINATORS.has(n)) {
        const len = n === '\r' && source[i + 2] === '\n' ? 3 : 2;
        pending += source.slice(i, i + len);
        i += len;
        continue;
      }
      if (SIMPLE_ESCAPES[n]) {
        text(SIMPLE_ESCAPES[n], '\\' + n);
        i += 2;
        continue;
      }
      if (n === '0' && !/[0-9]/.test(source[i + 2] ?? '')) {
        text('\0', '\\0');
        i += 2;
        continue;
      }
      if (/[0-7]/.test(n)) {
        if (template) return null;
        const octal = /^[0-7]{1,3}/.exec(source.slice(i + 1, Math.min(i + 4, bodyEnd)))![0];
        const digits = parseInt(octal, 8) > 0o377 ? octal.slice(0, 2) : octal;
        text(String.fromCharCode(parseInt(digits, 8)), '\\' + digits);
        i += 1 + digits.length;
        continue;
      }
      if (n === 'x' || n === 'u') {
        const m =
          n === 'x'
            ? /^x([0-9a-fA-F]{2})/.exec(source.slice(i + 1, bodyEnd))
            : /^u(?:([0-9a-fA-F]{4})|\{([0-9a-fA-F]{1,6})\})/.exec(source.slice(i + 1, bodyEnd));
        if (!m) return null;
        const cp = parseInt(m[1] ?? m[2], 16);
        if (cp > 0x10ffff) return null;
        const rawEscape = '\\' + m[0];
        const value = String.fromCodePoint(cp);
        text(value, rawEscape);
        i += rawEscape.length;
        continue;
      }
      // Any other escaped character stands for itself (\' \" \\ \` \$ and unknown ones).
      const cp = String.fromCodePoint(source.codePointAt(i + 1)!);
      text(cp, '\\' + cp);
      i += 1 + cp.length;
      continue;
    }
    const cp = String.fromCodePoint(source.codePointAt(i)!);
    text(cp, cp);
    i += cp.length;
  }
  return {
    host: 'js',
    open: q,
    close: q,
    quote: q,
    triple: false,
    raw: false,
    bytes: false,
    fstring: false,
    template,
    parts,
    tail: pending,
  };
}

/** Spelling of a character the compressor inserted. */
export function encodeJsChar(ch: string, lit: ParsedLiteral): string | null {
  if (ch === '\\') return '\\\\';
  if (ch === lit.quote) return '\\' + ch;
  if (lit.template && ch === '$') return '\\$';
  if (ch === '\n') return lit.template ? '\n' : '\\n';
  if (ch === '\r') return '\\r';
  const code = ch.codePointAt(0)!;
  if ((code < 0x20 && ch !== '\t') || code === 0x7f) return '\\x' + code.toString(16).padStart(2, '0');
  return ch;
}
