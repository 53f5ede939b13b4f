/**
 * Holes: the stretches of an evaluated prompt text that are not known statically — an interpolation kept as written
 * (`{name}`, `${user.name}`), a value the evaluator could not read, a template field filled in later (`.format`,
 * `%`, `.replace`, LangChain). They are offsets into the text, kept in order and without overlaps, and follow the
 * text through concatenation, repetition, trimming and dedenting.
 */
import type { TextSpan } from '../model';

export type Holes = readonly TextSpan[];

/** Most values have none: one shared, never mutated, empty list. */
export const NO_HOLES: Holes = Object.freeze([]) as Holes;

/** `str.format` / LangChain / Mustache fields: `{name}`, `{user.id}`, `{0}`, `{}`, `{name!r:>10}`, `{{ name }}`. */
export const FORMAT_FIELDS = /\{\{\s*[A-Za-z_][\w.]*\s*\}\}|\{[A-Za-z_][\w.]*(?:![rsa])?(?::[^{}]*)?\}|\{\d*\}/g;
/** printf-style fields filled by `%`: `%(name)s`, `%s`, `%d`, `%.2f`. */
export const PERCENT_FIELDS = /%\([A-Za-z_]\w*\)[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc]|%[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc]/g;
/** `string.Template` fields: `$name`, `${name}`. */
export const DOLLAR_FIELDS = /\$\{[A-Za-z_]\w*\}|\$[A-Za-z_]\w*/g;

/** The whole of a text of this length. */
export function wholeHole(length: number): Holes {
  return length > 0 ? [{ start: 0, end: length }] : NO_HOLES;
}

/** The holes moved right by `by` characters (the text was appended after `by` others). */
export function shiftHoles(holes: Holes, by: number): TextSpan[] {
  return holes.map((h) => ({ start: h.start + by, end: h.end + by }));
}

/** The holes of `count` copies of a text of length `length`. */
export function repeatHoles(holes: Holes, length: number, count: number): Holes {
  if (holes.length === 0 || count <= 0) return NO_HOLES;
  const out: TextSpan[] = [];
  for (let i = 0; i < count && out.length < 10_000; i++) for (const h of holes) out.push({ start: h.start + i * length, end: h.end + i * length });
  return out;
}

/**
 * The holes after the characters in `deleted` ([start, end) pairs in order, not overlapping) were removed from the
 * text; holes that lose all their characters are dropped.
 */
export function holesAfterDeletions(holes: Holes, deleted: readonly (readonly [number, number])[]): Holes {
  if (holes.length === 0 || deleted.length === 0) return holes;
  const map = (pos: number): number => {
    let removed = 0;
    for (const [s, e] of deleted) {
      if (s >= pos) break;
      removed += Math.min(e, pos) - s;
    }
    return pos - removed;
  };
  const out: TextSpan[] = [];
  for (const h of holes) {
    const start = map(h.start);
    const end = map(h.end);
    if (end > start) out.push({ start, end });
  }
  return out;
}

/** The holes of a text cut to [from, to). */
export function sliceHoles(holes: Holes, from: number, to: number): Holes {
  if (holes.length === 0) return holes;
  const out: TextSpan[] = [];
  for (const h of holes) {
    const start = Math.max(h.start, from);
    const end = Math.min(h.end, to);
    if (end > start) out.push({ start: start - from, end: end - from });
  }
  return out;
}

/** The holes plus every match of `fields` in the text that lies outside them (a template's fields), in order. */
export function withFields(text: string, holes: Holes, fields: RegExp): Holes {
  const found: TextSpan[] = [];
  fields.lastIndex = 0;
  for (let m = fields.exec(text); m; m = fields.exec(text)) {
    if (m[0].length === 0) {
      fields.lastIndex++;
      continue;
    }
    const start = m.index;
    const end = start + m[0].length;
    if (!holes.some((h) => h.start < end && start < h.end)) found.push({ start, end });
  }
  if (found.length === 0) return holes;
  return [...holes, ...found].sort((a, b) => a.start - b.start);
}

/** The holes plus every occurrence (or the first) of `needle` outside them: `.replace("{doc}", doc)`. */
export function withOccurrences(text: string, holes: Holes, needle: string, all: boolean): Holes {
  if (!needle) return holes;
  const found: TextSpan[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
    const end = at + needle.length;
    if (!holes.some((h) => h.start < end && at < h.end)) found.push({ start: at, end });
    if (!all) break;
  }
  if (found.length === 0) return holes;
  return [...holes, ...found].sort((a, b) => a.start - b.start);
}

/** The static parts of a text: what lies between its holes (empty parts left out). */
export function staticParts(text: string, holes: Holes): string[] {
  const parts: string[] = [];
  let pos = 0;
  for (const h of holes) {
    if (h.start > pos) parts.push(text.slice(pos, h.start));
    pos = Math.max(pos, h.end);
  }
  if (pos < text.length) parts.push(text.slice(pos));
  return parts;
}
