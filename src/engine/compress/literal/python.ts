import type { LiteralPart, ParsedLiteral } from './types';

const SIMPLE_ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** End (exclusive) of the f-string replacement field opening at `start` (`{`), or -1. Skips nested brackets and strings. */
function replacementFieldEnd(src: string, start: number, end: number): number {
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = src[i];
    if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') {
      depth--;
      if (depth === 0) return c === '}' ? i + 1 : -1;
    } else if (c === '"' || c === "'") {
      const q = src.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      const close = src.indexOf(q, i + q.length);
      if (close < 0 || close >= end) return -1;
      i = close + q.length - 1;
    }
  }
  return -1;
}

/** Parses a Python string literal (any of r, b, u, f prefixes; single, double or triple quotes). Null if it is not one. */
export function parsePython(source: string): ParsedLiteral | null {
  const prefixMatch = /^([rRbBuUfF]{0,2})(?="|')/.exec(source);
  if (!prefixMatch) return null;
  const prefix = prefixMatch[1].toLowerCase();
  if (/(.).*\1/.test(prefix) || (prefix.includes('u') && prefix.length > 1) || (prefix.includes('b') && prefix.includes('f'))) return null;
  const raw = prefix.includes('r');
  const bytes = prefix.includes('b');
  const fstring = prefix.includes('f');
  const q = source[prefix.length];
  const triple = source.startsWith(q.repeat(3), prefix.length) && source.length >= prefix.length + 6;
  const quote = triple ? q.repeat(3) : q;
  const bodyStart = prefix.length + quote.length;
  const bodyEnd = source.length - quote.length;
  if (bodyEnd < bodyStart || !source.endsWith(quote)) return null;

  const parts: LiteralPart[] = [];
  let pending = '';
  const text = (value: string, rawText: string, lonelyBackslash = false): void => {
    parts.push({ kind: 'text', value, raw: rawText, lead: pending, ...(lonelyBackslash ? { lonelyBackslash } : {}) });
    pending = '';
  };
  let i = bodyStart;
  while (i < bodyEnd) {
    const c = source[i];
    // The closing quote may not appear unescaped inside the body.
    if (!triple && (c === q || c === '\n')) return null;
    if (triple && source.startsWith(quote, i)) return null;
    if (fstring && c === '{') {
      if (source[i + 1] === '{') {
        text('{', '{{');
        i += 2;
        continue;
      }
      const end = replacementFieldEnd(source, i, bodyEnd);
      if (end < 0) return null;
      parts.push({ kind: 'opaque', raw: source.slice(i, end), lead: pending });
      pending = '';
      i = end;
      continue;
    }
    if (fstring && c === '}') {
      if (source[i + 1] !== '}') return null;
      text('}', '}}');
      i += 2;
      continue;
    }
    if (c === '\r' && source[i + 1] === '\n') {
      text('\n', '\r\n');
      i += 2;
      continue;
    }
    if (c === '\\') {
      if (i + 1 >= bodyEnd) return null;
      const n = source[i + 1];
      if (raw) {
        // A raw string keeps the backslash and the character after it (which cannot end the string).
        text('\\', '\\');
        const cp = String.fromCodePoint(source.codePointAt(i + 1)!);
        text(cp, cp);
        i += 1 + cp.length;
        continue;
      }
      if (n === '\n' || (n === '\r' && source[i + 2] === '\n')) {
        pending += n === '\n' ? '\\\n' : '\\\r\n';
        i += n === '\n' ? 2 : 3;
        continue;
      }
      if (n === '\\' || n === "'" || n === '"') {
        text(n, '\\' + n);
        i += 2;
        continue;
      }
      if (SIMPLE_ESCAPES[n]) {
        text(SIMPLE_ESCAPES[n], '\\' + n);
        i += 2;
        continue;
      }
      const octal = /^[0-7]{1,3}/.exec(source.slice(i + 1, Math.min(i + 4, bodyEnd)));
      if (octal) {
        text(String.fromCharCode(parseInt(octal[0], 8)), '\\' + octal[0]);
        i += 1 + octal[0].length;
        continue;
      }
      const hexLength = n === 'x' ? 2 : !bytes && n === 'u' ? 4 : !bytes && n === 'U' ? 8 : 0;
      if (hexLength) {
        const hex = source.slice(i + 2, i + 2 + hexLength);
        if (hex.length !== hexLength || !/^[0-9a-fA-F]+$/.test(hex) || i + 2 + hexLength > bodyEnd) return null;
        const cp = parseInt(hex, 16);
        if (cp > 0x10ffff) return null;
        text(String.fromCodePoint(cp), source.slice(i, i + 2 + hexLength));
        i += 2 + hexLength;
        continue;
      }
      if (!bytes && n === 'N' && source[i + 2] === '{') {
        const close = source.indexOf('}', i + 3);
        if (close < 0 || close >= bodyEnd) return null;
        parts.push({ kind: 'opaque', raw: source.slice(i, close + 1), lead: pending });
        pending = '';
        i = close + 1;
        continue;
      }
      // Unknown escape: the backslash stands for itself; the next character is read on its own.
      text('\\', '\\', true);
      i += 1;
      continue;
    }
    const cp = String.fromCodePoint(source.codePointAt(i)!);
    text(cp, cp);
    i += cp.length;
  }
  return {
    host: 'python',
    open: source.slice(0, bodyStart),
    close: quote,
    quote: q,
    triple,
    raw,
    bytes,
    fstring,
    template: false,
    parts,
    tail: pending,
  };
}

/** Spelling of a character the compressor inserted, or null when this literal kind cannot hold it. */
export function encodePythonChar(ch: string, lit: ParsedLiteral): string | null {
  if (lit.bytes && ch.codePointAt(0)! > 0x7f) return null;
  if (lit.fstring && (ch === '{' || ch === '}')) return ch + ch;
  if (lit.raw) {
    if (ch === lit.quote || ch === '\\' || (!lit.triple && (ch === '\n' || ch === '\r'))) return null;
    return ch;
  }
  if (ch === '\\') return '\\\\';
  if (ch === lit.quote) return '\\' + ch;
  if (ch === '\n') return lit.triple ? '\n' : '\\n';
  if (ch === '\r') return '\\r';
  const code = ch.codePointAt(0)!;
  if ((code < 0x20 && ch !== '\t') || code === 0x7f) return '\\x' + code.toString(16).padStart(2, '0');
  return ch;
}
