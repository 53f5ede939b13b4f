/**
 * The string evaluator: what text an expression has, and which literals it came from. It follows names by scope,
 * constants, `+`/`+=`, implicit concatenation, f-strings and template literals, `.format`/`.replace`/`%` (the template
 * is the text; the filled-in values are holes), `* n` / `.repeat(n)`, ternaries, dedent/strip/trim/join, lists built
 * with append/push, dictionaries and parameter defaults. Unknown parts stay as placeholders and mark the text templated.
 *
 * Every node it reads is recorded (Deps) so that, after an edit, only results that read the edited text are redone.
 */
import type { Node } from 'web-tree-sitter';
import type { Range, TextSpan } from '../model';
import { endOf, memberPath, textOf, typeOf } from './nodes';
import { DOLLAR_FIELDS, FORMAT_FIELDS, NO_HOLES, PERCENT_FIELDS, holesAfterDeletions, repeatHoles, shiftHoles, sliceHoles, wholeHole, withFields, withOccurrences, type Holes } from './holes';
import type { FileIndex, BindingEntry, MutationEntry, ScopeEntry } from './fileindex';
import { classScopeOf, enclosingClass, resolveClassAttribute, resolveMethod, resolveName, resolvePath, resolveSelfAttribute, type Resolution } from './resolve';
import type { Expr, Item, LanguageSyntax } from './syntax';

export type ValueSource = 'literal' | 'constant' | 'default';

export interface TextValue {
  text: string;
  /** True when part of the text is not known statically. */
  templated: boolean;
  /** The literals that contribute, in text order. */
  literals: Node[];
  /** The stretches of `text` not known statically (see holes.ts); never mutated, shared when empty. */
  holes: Holes;
  /** How the value reached the place it was read from. */
  source: ValueSource;
  /** The constant or variable it came through. */
  name?: string;
}

/** What one evaluation read: spans of text and the names it looked up. */
export class Deps {
  spans: number[] = [];
  names: string[] = [];

  span(node: Node): void {
    this.spans.push(node.startIndex, node.endIndex);
  }
}

/**
 * Makes a TextValue. Every value is made here, with its fields in one order: the evaluator reads values made in twenty
 * places, and V8 reads the properties of objects of one shape fastest.
 */
export function textValue(text: string, templated: boolean, literals: Node[], holes: Holes, source: ValueSource, name?: string): TextValue {
  return { text, templated, literals, holes, source, name };
}

export interface Memo<T> {
  value: T;
  spans: number[];
  names: string[];
}

/** A value node reached through names and wrappers, with how it was reached. */
export interface Resolved {
  node: Node;
  source: ValueSource;
  name?: string;
}

export interface ListValue {
  items: Item[];
  /** False when some items could not be read (`*history`, a list built elsewhere). */
  complete: boolean;
}

export interface DictValue {
  entries: Item[];
  complete: boolean;
  node: Node;
}

export interface Chain {
  /** The names along a callee: `client.chat.completions.create` -> ['client', 'chat', 'completions', 'create']. */
  segments: string[];
  /** The innermost object the chain starts from (an identifier, a call like `OpenAI()`, `self`...). */
  root: Node;
}

const MAX_DEPTH = 24;
const TRIMS: Record<string, (s: string) => string> = {
  strip: (s) => s.trim(),
  trim: (s) => s.trim(),
  lstrip: (s) => s.trimStart(),
  trimStart: (s) => s.trimStart(),
  trimLeft: (s) => s.trimStart(),
  rstrip: (s) => s.trimEnd(),
  trimEnd: (s) => s.trimEnd(),
  trimRight: (s) => s.trimEnd(),
  upper: (s) => s.toUpperCase(),
  lower: (s) => s.toLowerCase(),
  toUpperCase: (s) => s.toUpperCase(),
  toLowerCase: (s) => s.toLowerCase(),
};
const TEMPLATE_FILLERS = new Set(['format', 'format_map', 'replace', 'replaceAll', 'substitute', 'safe_substitute']);
const DEDENTERS = new Set(['dedent', 'cleandoc', 'outdent', 'stripIndent', 'stripIndents', 'oneLine', 'ts_dedent']);
const STRING_CASTS = new Set(['str', 'String']);
const ITERATION_WRAPPERS = new Set(['enumerate', 'sorted', 'reversed', 'list', 'tuple']);
const LIST_COPIES = new Set(['list', 'copy', 'deepcopy', 'slice', 'tuple', 'Array.from']);

/**
 * Removes the indentation common to all non-blank lines (textwrap.dedent). `removed`, when given, receives the
 * [start, end) ranges of `text` that were dropped, in order.
 */
export function dedent(text: string, removed?: [number, number][]): string {
  const lines = text.split('\n');
  let common: string | null = null;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const indent = line.slice(0, line.length - line.trimStart().length);
    if (common === null || !indent.startsWith(common)) {
      let i = 0;
      const c: string = common ?? indent;
      while (i < c.length && i < indent.length && c[i] === indent[i]) i++;
      common = common === null ? indent : c.slice(0, i);
    }
  }
  const n = common?.length ?? 0;
  if (removed) {
    let at = 0;
    for (const l of lines) {
      const cut = l.trim() === '' ? l.length : n;
      if (cut > 0) removed.push([at, at + cut]);
      at += l.length + 1;
    }
  }
  return lines.map((l) => (l.trim() === '' ? '' : l.slice(n))).join('\n');
}

/** The holes of a trimmed (or case-changed) text: what the trim removed at either end is dropped. */
function trimmedHoles(before: string, after: string, holes: Holes): Holes {
  if (holes.length === 0 || before === after) return holes;
  if (after.length === before.length) return holes;
  const lead = before.length - before.trimStart().length;
  const start = after.length > 0 && before.startsWith(after, lead) ? lead : before.indexOf(after);
  if (start < 0) return sliceHoles(holes, 0, after.length);
  return sliceHoles(holes, start, start + after.length);
}

export class Evaluator {
  private depth = 0;
  private readonly visiting = new Set<number>();
  private readonly textMemo = new Map<number, Memo<TextValue | null>>();
  deps = new Deps();
  readonly syntax: LanguageSyntax;

  constructor(readonly index: FileIndex) {
    this.syntax = index.syntax;
  }

  /** Starts recording what the next evaluation reads; returns the previous recorder. */
  track(): Deps {
    const prev = this.deps;
    this.deps = new Deps();
    return prev;
  }

  restore(prev: Deps): Deps {
    const done = this.deps;
    this.deps = prev;
    return done;
  }

  private readonly exprMemo = new Map<number, Expr>();

  /** The expression view of a node, memoized: building it walks children through wasm calls. */
  expr(node: Node): Expr {
    const id = node.id;
    let e = this.exprMemo.get(id);
    if (!e) {
      e = this.syntax.expr(node);
      this.exprMemo.set(id, e);
    }
    return e;
  }

  /** A node's range, from its offsets (positions come from the line index, not from wasm). */
  range(node: Node): Range {
    return this.index.lines.range(node.startIndex, endOf(node));
  }

  /** Text of an identifier-like node, for placeholders. */
  placeholder(node: Node): string {
    let t = textOf(node).replace(/\s+/g, ' ');
    if (t.length > 60) t = `${t.slice(0, 57)}...`;
    return this.syntax.family === 'python' ? `{${t}}` : `\${${t}}`;
  }

  /** A value not known statically: the node as written, all of it a hole. */
  hole(node: Node): TextValue {
    const text = this.placeholder(node);
    return textValue(text, true, [], wholeHole(text.length), 'literal');
  }

  // ---------------------------------------------------------------- names

  /** The binding a name refers to at a node. */
  resolve(name: string, at: Node): Resolution | null {
    this.deps.names.push(name);
    const r = resolveName(this.index, name, at.startIndex);
    if (r) {
      this.deps.spans.push(r.binding.ref.start, r.binding.ref.end);
      for (const a of r.augments) this.deps.spans.push(a.ref.start, a.ref.end);
    }
    return r;
  }

  /** `self.x` / `this.x` (or a class attribute read through self), recording what the lookup depends on. */
  resolveSelf(property: string, at: Node): Resolution | null {
    this.deps.names.push(`${this.syntax.selfName}.${property}`, property);
    const r = resolveSelfAttribute(this.index, property, at.startIndex);
    if (r) {
      this.deps.spans.push(r.binding.ref.start, r.binding.ref.end);
      for (const a of r.augments) this.deps.spans.push(a.ref.start, a.ref.end);
    }
    return r;
  }

  /**
   * A value stored under the dotted path `node` spells (`st.session_state.messages = [...]`, `state.messages = [...]`,
   * read back as `st.session_state["messages"]` too), recording what the lookup depends on. Null when the node spells
   * no such path or nothing is stored under it (`self.x` / `this.x` are resolved as attributes instead).
   */
  storedPath(node: Node): { path: string; r: Resolution } | null {
    const path = memberPath(textOf(node));
    if (!path) return null;
    const root = path.slice(0, path.indexOf('.'));
    if (root === 'self' || root === 'this' || root === 'cls') return null;
    this.deps.names.push(path);
    const r = resolvePath(this.index, path, node.startIndex);
    if (r) this.deps.spans.push(r.binding.ref.start, r.binding.ref.end);
    return r ? { path, r } : null;
  }

  /** The value node of a binding (its span is already recorded by the lookup that found the binding). */
  private bindingValue(b: BindingEntry): Node | null {
    return b.value ? this.index.node(b.value) : null;
  }

  private readonly valueMemo = new Map<number, Memo<Resolved | null>>();

  /** Follows wrappers, names, `self.x`, dict keys and class attributes to the node that holds the value. */
  resolveValue(node: Node, depth = 0): Resolved | null {
    if (depth === 0) return this.memo(this.valueMemo, node, () => this.resolveValueNow(node, 0));
    return this.resolveValueNow(node, depth);
  }

  private resolveValueNow(node: Node, depth: number): Resolved | null {
    if (depth > MAX_DEPTH) return null;
    const e = this.expr(node);
    switch (e.kind) {
      case 'wrap':
        return this.resolveValue(e.inner, depth + 1);
      case 'name': {
        const r = this.resolve(e.name, node);
        if (!r) return null;
        const b = r.binding;
        if (b.kind === 'assign' && b.value) {
          const v = this.bindingValue(b);
          if (!v || v.equals(node)) return null;
          const inner = this.resolveValue(v, depth + 1);
          return inner ? { node: inner.node, source: inner.source === 'default' ? 'default' : 'constant', name: inner.name ?? e.name } : { node: v, source: 'constant', name: e.name };
        }
        if (b.kind === 'param' && b.value) {
          const v = this.bindingValue(b);
          if (!v) return null;
          const inner = this.resolveValue(v, depth + 1);
          return { node: inner ? inner.node : v, source: 'default', name: e.name };
        }
        if ((b.kind === 'function' || b.kind === 'class') && b.value) {
          const v = this.bindingValue(b);
          return v ? { node: v, source: 'constant', name: e.name } : null;
        }
        return null;
      }
      case 'member': {
        const stored = this.storedPath(node);
        if (stored) return this.storedValue(stored.path, stored.r, node, depth);
        const r = this.resolveMember(node, e.object, e.property);
        if (r === undefined) return null;
        return r ? this.resolveValue(r, depth + 1) ?? { node: r, source: 'constant', name: undefined } : null;
      }
      case 'index': {
        const key = this.text(e.index);
        if (!key || key.templated) return null;
        const stored = this.storedPath(node);
        if (stored) return this.storedValue(stored.path, stored.r, node, depth);
        const dict = this.dict(e.object, depth + 1);
        const entry = dict ? lastEntry(dict.entries, key.text) : undefined;
        if (entry) return this.resolveValue(entry.value, depth + 1) ?? { node: entry.value, source: 'constant', name: undefined };
        return null;
      }
      default:
        return { node, source: 'literal', name: undefined };
    }
  }

  private storedValue(path: string, r: Resolution, node: Node, depth: number): Resolved | null {
    const v = this.bindingValue(r.binding);
    if (!v || v.equals(node)) return null;
    const inner = this.resolveValue(v, depth + 1);
    return inner ? { node: inner.node, source: inner.source === 'default' ? 'default' : 'constant', name: inner.name ?? path } : { node: v, source: 'constant', name: path };
  }

  /**
   * The value node of `object.property`: self/this attributes, dictionary keys, class attributes.
   * Returns undefined when it cannot be resolved.
   */
  private resolveMember(node: Node, object: Node, property: string): Node | null | undefined {
    const o = this.expr(object);
    if (o.kind === 'name' && o.name === this.syntax.selfName) {
      const r = this.resolveSelf(property, node);
      if (!r) return undefined;
      if (r.binding.kind === 'param' || r.binding.kind === 'assign') return this.bindingValue(r.binding) ?? undefined;
      return undefined;
    }
    if (o.kind === 'name') {
      const r = this.resolve(o.name, object);
      if (r?.binding.kind === 'class') {
        const cls = classScopeOf(this.index, r.binding);
        const attr = cls ? resolveClassAttribute(this.index, cls, property) : null;
        if (attr) {
          this.deps.spans.push(attr.binding.ref.start, attr.binding.ref.end);
          return this.bindingValue(attr.binding) ?? undefined;
        }
        return undefined;
      }
    }
    const dict = this.dict(object);
    const entry = dict ? lastEntry(dict.entries, property) : undefined;
    return entry ? entry.value : undefined;
  }

  // ---------------------------------------------------------------- text

  /** The text an expression evaluates to, or null when it is not a string at all (a number, a list, a dict...). */
  text(node: Node): TextValue | null {
    const id = node.id;
    const memo = this.textMemo.get(id);
    if (memo) {
      for (const s of memo.spans) this.deps.spans.push(s);
      for (const n of memo.names) this.deps.names.push(n);
      return memo.value;
    }
    if (this.visiting.has(id) || this.depth > MAX_DEPTH) return this.hole(node);
    const spanFrom = this.deps.spans.length;
    const nameFrom = this.deps.names.length;
    this.visiting.add(id);
    this.depth++;
    let value: TextValue | null;
    try {
      value = this.computeText(node);
    } finally {
      this.depth--;
      this.visiting.delete(id);
    }
    this.textMemo.set(id, { value, spans: sliceFrom(this.deps.spans, spanFrom), names: sliceFrom(this.deps.names, nameFrom) });
    return value;
  }

  /**
   * Memoizes a computation per node for this pass, replaying what it read into the current recorder on every hit
   * (so each candidate still records everything its result depends on).
   */
  memo<T>(table: Map<number, Memo<T>>, node: Node, compute: () => T): T {
    const hit = table.get(node.id);
    if (hit) {
      for (const s of hit.spans) this.deps.spans.push(s);
      for (const n of hit.names) this.deps.names.push(n);
      return hit.value;
    }
    const spanFrom = this.deps.spans.length;
    const nameFrom = this.deps.names.length;
    const value = compute();
    table.set(node.id, { value, spans: sliceFrom(this.deps.spans, spanFrom), names: sliceFrom(this.deps.names, nameFrom) });
    return value;
  }

  /** Drops memoized values (after an edit the nodes are new). */
  reset(): void {
    this.textMemo.clear();
    this.exprMemo.clear();
  }

  private computeText(node: Node): TextValue | null {
    const e = this.expr(node);
    switch (e.kind) {
      case 'string': {
        let text = '';
        let templated = false;
        const literals: Node[] = [node];
        let holes: TextSpan[] | null = null;
        for (const p of e.pieces) {
          if ('text' in p) {
            text += p.text;
            continue;
          }
          const inner = p.hole ? this.text(p.hole) : null;
          if (inner && inner.literals.length > 0) {
            if (inner.holes.length > 0) (holes ??= []).push(...shiftHoles(inner.holes, text.length));
            text += inner.text;
            templated ||= inner.templated;
            literals.push(...inner.literals);
          } else {
            (holes ??= []).push({ start: text.length, end: text.length + p.raw.length });
            text += p.raw;
            templated = true;
          }
        }
        return textValue(text, templated, literals, holes ?? NO_HOLES, 'literal');
      }
      case 'concat':
        return this.join(e.parts.map((p) => this.text(p) ?? this.hole(p)));
      case 'binary':
        return this.binaryText(node, e.op, e.left, e.right);
      case 'ternary': {
        const values = e.branches.map((b) => this.text(b)).filter((v): v is TextValue => v !== null);
        if (values.length === 0) return null;
        const longest = values.reduce((a, b) => (b.text.length > a.text.length ? b : a));
        return textValue(longest.text, true, values.flatMap((v) => v.literals), longest.holes, 'literal');
      }
      case 'fallback': {
        const left = this.text(e.left);
        const right = this.text(e.right);
        if (left && left.literals.length > 0) {
          return right ? textValue(left.text, true, [...left.literals, ...right.literals], left.holes, left.source, left.name) : left;
        }
        if (right) return textValue(right.text, true, right.literals, right.holes, right.source === 'literal' ? 'default' : right.source, right.name);
        return left;
      }
      case 'wrap':
        return this.text(e.inner);
      case 'name': {
        const r = this.resolve(e.name, node);
        if (!r) return this.hole(node);
        const b = r.binding;
        if (b.kind === 'assign' && b.whole) {
          const v = this.bindingValue(b);
          if (!v) return this.hole(node);
          let value = this.text(v);
          if (value === null) return null;
          for (const aug of r.augments) {
            const av = this.bindingValue(aug);
            if (av) value = this.join([value, this.text(av) ?? this.hole(av)]);
          }
          return textValue(value.text, value.templated, value.literals, value.holes, value.source === 'default' ? 'default' : 'constant', value.name ?? e.name);
        }
        if (b.kind === 'param' && b.value) {
          const v = this.bindingValue(b);
          const value = v ? this.text(v) : null;
          return value ? textValue(value.text, value.templated, value.literals, value.holes, 'default', e.name) : this.hole(node);
        }
        if (b.kind === 'item' && b.value) {
          const v = this.bindingValue(b);
          return (v && this.oneOfItems(v, e.name)) ?? this.hole(node);
        }
        return this.hole(node);
      }
      case 'member': {
        const v = this.resolveMember(node, e.object, e.property);
        if (!v) return this.hole(node);
        const value = this.text(v);
        return value ? textValue(value.text, value.templated, value.literals, value.holes, value.source === 'literal' ? 'constant' : value.source, value.name ?? textOf(node)) : null;
      }
      case 'index': {
        const r = this.resolveValue(node);
        if (!r || r.node.equals(node)) return this.hole(node);
        const value = this.text(r.node);
        return value ? textValue(value.text, value.templated, value.literals, value.holes, value.source === 'literal' ? 'constant' : value.source, value.name) : null;
      }
      case 'call':
        return this.callText(node, e.callee, e.args);
      case 'list':
      case 'dict':
      case 'number':
      case 'function':
        return null;
      default:
        return this.hole(node);
    }
  }

  /**
   * A loop variable over a list of strings (`for step in steps`): one of the items in turn. Like a ternary, the
   * text is the longest item and every item's literals contribute.
   */
  private oneOfItems(iterable: Node, name: string): TextValue | null {
    const list = this.list(this.iterated(iterable));
    if (!list) return null;
    let longest: TextValue | null = null;
    const literals: Node[] = [];
    for (const item of list.items) {
      if (item.spread) continue;
      const v = this.text(item.value);
      if (!v || v.literals.length === 0) continue;
      literals.push(...v.literals);
      if (!longest || v.text.length > longest.text.length) longest = v;
    }
    return longest ? textValue(longest.text, true, literals, longest.holes, 'constant', name) : null;
  }

  /** What a loop goes through item by item: `xs` for `enumerate(xs)`, `xs.entries()`, `sorted(xs)`, `reversed(xs)`. */
  iterated(iterable: Node): Node {
    const e = this.expr(iterable);
    if (e.kind !== 'call') return iterable;
    const c = this.expr(e.callee);
    if (c.kind === 'name' && ITERATION_WRAPPERS.has(c.name) && e.args[0] && !e.args[0].spread) return e.args[0].value;
    if (c.kind === 'member' && (c.property === 'entries' || c.property === 'values') && e.args.length === 0) return c.object;
    return iterable;
  }

  private binaryText(node: Node, op: string, left: Node, right: Node): TextValue | null {
    if (op === '+') {
      // "a" + b + "c" + ... is left-nested; read the operands flat so a long chain is not cut by the depth limit.
      const operands: Node[] = [right];
      let head = left;
      for (let e = this.expr(head); e.kind === 'binary' && e.op === '+' && operands.length < 10_000; e = this.expr(head)) {
        operands.push(e.right);
        head = e.left;
      }
      operands.push(head);
      operands.reverse();
      const values = operands.map((n) => this.text(n));
      if (values.every((v) => v === null)) return null;
      if (operands.some((n, i) => values[i] === null && this.isNonString(n))) return null;
      return this.join(values.map((v, i) => v ?? this.hole(operands[i])));
    }
    if (op === '*') {
      // "=" * 80, 3 * "ab"
      const l = this.text(left);
      const [str, countNode] = l ? [l, right] : [this.text(right), left];
      if (!str) return null;
      const count = this.number(countNode);
      if (count !== null && count >= 0 && count <= 100_000 && Number.isInteger(count)) {
        return textValue(str.text.repeat(count), str.templated, str.literals, repeatHoles(str.holes, str.text.length, count), 'literal', str.name);
      }
      return textValue(str.text, true, str.literals, str.holes, 'literal', str.name);
    }
    if (op === '%') {
      // "Hello %s" % name: the template is the text; its fields are filled in.
      const l = this.text(left);
      return l ? textValue(l.text, true, l.literals, withFields(l.text, l.holes, PERCENT_FIELDS), 'literal', l.name) : null;
    }
    return null;
  }

  /** True when a node certainly holds no string (a list, dict or number), so `+` is not a concatenation. */
  private isNonString(node: Node): boolean {
    const r = this.resolveValue(node);
    if (!r) return false;
    const k = this.expr(r.node).kind;
    return k === 'list' || k === 'dict' || k === 'number';
  }

  private callText(node: Node, callee: Node, args: Item[]): TextValue | null {
    const c = this.expr(callee);
    const positional = args.filter((a) => a.key === null && !a.spread);
    if (c.kind === 'member') {
      const method = c.property;
      if (TEMPLATE_FILLERS.has(method)) {
        const base = this.text(c.object);
        return base ? textValue(base.text, true, base.literals, this.filledHoles(base, method, positional[0]?.value ?? null), 'literal', base.name) : this.hole(node);
      }
      const trim = TRIMS[method];
      if (trim) {
        const base = this.text(c.object);
        if (!base) return this.hole(node);
        const text = trim(base.text);
        return textValue(text, base.templated, base.literals, trimmedHoles(base.text, text, base.holes), 'literal', base.name);
      }
      if (method === 'join') return this.joinCall(node, c.object, positional[0]?.value ?? null);
      if (method === 'repeat') {
        const base = this.text(c.object);
        const count = positional[0] ? this.number(positional[0].value) : null;
        if (!base) return this.hole(node);
        if (count !== null && Number.isInteger(count) && count >= 0 && count <= 100_000) {
          return textValue(base.text.repeat(count), base.templated, base.literals, repeatHoles(base.holes, base.text.length, count), 'literal', base.name);
        }
        return textValue(base.text, true, base.literals, base.holes, 'literal', base.name);
      }
      if (method === 'concat') {
        const base = this.text(c.object);
        if (!base) return this.hole(node);
        return this.join([base, ...positional.map((a) => this.text(a.value) ?? this.hole(a.value))]);
      }
      if (DEDENTERS.has(method)) return this.dedentCall(node, positional[0]?.value ?? null);
      // os.getenv("MODEL", "gpt-4o"), os.environ.get(...), config.get("model", "gpt-4o"): the default, when given.
      if ((method === 'getenv' || method === 'get') && positional.length === 2) {
        const fallback = this.text(positional[1].value);
        return fallback && fallback.literals.length > 0 ? textValue(fallback.text, true, fallback.literals, fallback.holes, 'default', fallback.name) : this.hole(node);
      }
      // types.Part.from_text(text="..."): the part's text.
      if (method === 'from_text' || method === 'fromText') {
        const arg = args.find((a) => a.key === 'text') ?? positional[0];
        return arg ? this.text(arg.value) : this.hole(node);
      }
      if (method === 'from_template' || method === 'fromTemplate') {
        const t = positional[0] ? this.text(positional[0].value) : args.find((a) => a.key === 'template') ? this.text(args.find((a) => a.key === 'template')!.value) : null;
        return t ? textValue(t.text, true, t.literals, withFields(t.text, t.holes, FORMAT_FIELDS), t.source, t.name) : this.hole(node);
      }
    }
    if (c.kind === 'name') {
      if (DEDENTERS.has(c.name)) return this.dedentCall(node, positional[0]?.value ?? null);
      if (STRING_CASTS.has(c.name)) {
        const v = positional[0] ? this.text(positional[0].value) : null;
        return v ?? this.hole(node);
      }
      // A prompt builder in this file: the text its return expression evaluates to.
      const fn = this.functionOf(callee);
      if (fn) {
        const ret = this.returnValueOf(fn);
        if (ret) {
          const v = this.text(ret);
          if (v && v.literals.length > 0) return textValue(v.text, true, v.literals, v.holes, 'constant', c.name);
        }
      }
    }
    return this.hole(node);
  }

  private dedentCall(node: Node, arg: Node | null): TextValue | null {
    const v = arg ? this.text(arg) : null;
    if (!v) return this.hole(node);
    const removed: [number, number][] = [];
    let text = dedent(v.text, removed);
    let holes = holesAfterDeletions(v.holes, removed);
    if (text.startsWith('\n')) {
      text = text.slice(1);
      holes = holesAfterDeletions(holes, [[0, 1]]);
    }
    return textValue(text, v.templated, v.literals, holes, 'literal', v.name);
  }

  /**
   * The holes of a template once filled in: `.format` fields, `.replace("{doc}", ...)` occurrences (all of them in
   * Python and with replaceAll, the first with JS replace), `string.Template` fields.
   */
  private filledHoles(base: TextValue, method: string, first: Node | null): Holes {
    if (method === 'replace' || method === 'replaceAll') {
      const needle = first ? this.text(first) : null;
      if (needle && !needle.templated && needle.text) {
        return withOccurrences(base.text, base.holes, needle.text, method === 'replaceAll' || this.syntax.family === 'python');
      }
    }
    if (method === 'substitute' || method === 'safe_substitute') return withFields(base.text, base.holes, DOLLAR_FIELDS);
    return withFields(base.text, base.holes, FORMAT_FIELDS);
  }

  private joinCall(node: Node, object: Node, arg: Node | null): TextValue | null {
    // Python: "sep".join(items); JS: items.join(sep)
    const objText = this.text(object);
    let sep: string;
    let listNode: Node | null;
    let sepValue: TextValue | null;
    if (objText && this.syntax.family === 'python') {
      sep = objText.text;
      sepValue = objText;
      listNode = arg;
    } else {
      sepValue = arg ? this.text(arg) : null;
      sep = sepValue ? sepValue.text : ',';
      listNode = object;
    }
    const list = listNode ? this.list(listNode) : null;
    if (!list) return this.hole(node);
    const parts: TextValue[] = [];
    for (const item of list.items) {
      if (parts.length > 0) parts.push(textValue(sep, false, [], NO_HOLES, 'literal'));
      parts.push(item.spread ? this.hole(item.value) : (this.text(item.value) ?? this.hole(item.value)));
    }
    const joined = this.join(parts);
    if (sepValue && sepValue.literals.length > 0 && list.items.length > 1) joined.literals.unshift(...sepValue.literals);
    if (!list.complete) joined.templated = true;
    return joined;
  }

  /** Concatenates values in order. */
  join(values: TextValue[]): TextValue {
    let text = '';
    let templated = false;
    const literals: Node[] = [];
    let holes: TextSpan[] | null = null;
    for (const v of values) {
      if (v.holes.length > 0) (holes ??= []).push(...shiftHoles(v.holes, text.length));
      text += v.text;
      templated ||= v.templated;
      literals.push(...v.literals);
    }
    return textValue(text, templated, literals, holes ?? NO_HOLES, 'literal');
  }

  // ---------------------------------------------------------------- numbers

  number(node: Node, depth = 0): number | null {
    if (depth > MAX_DEPTH) return null;
    const e = this.expr(node);
    switch (e.kind) {
      case 'number':
        return Number.isFinite(e.value) ? e.value : null;
      case 'wrap':
        return this.number(e.inner, depth + 1);
      case 'binary': {
        const a = this.number(e.left, depth + 1);
        const b = this.number(e.right, depth + 1);
        if (a === null || b === null) return null;
        switch (e.op) {
          case '+': return a + b;
          case '-': return a - b;
          case '*': return a * b;
          case '**': return a ** b;
          case '//': return b ? Math.floor(a / b) : null;
          case '/': return b ? a / b : null;
          default: return null;
        }
      }
      case 'name':
      case 'member':
      case 'index': {
        const r = this.resolveValue(node, depth + 1);
        return r && !r.node.equals(node) ? this.number(r.node, depth + 1) : null;
      }
      case 'call': {
        // int(4096), Number(...)
        const c = this.expr(e.callee);
        if (c.kind === 'name' && (c.name === 'int' || c.name === 'Number' || c.name === 'parseInt') && e.args[0]) return this.number(e.args[0].value, depth + 1);
        return null;
      }
      case 'fallback':
        return this.number(e.left, depth + 1) ?? this.number(e.right, depth + 1);
      default:
        return null;
    }
  }

  /**
   * The one number literal a value is, through parentheses, names, constants and attributes (`4096` in
   * `MAX_TOKENS = 4096` for `max_tokens=MAX_TOKENS`): what an edit of the value must change. Null for parameters,
   * arithmetic, calls, fallbacks or anything else that is not a single literal.
   */
  numberLiteral(node: Node, depth = 0): Node | null {
    if (depth > MAX_DEPTH) return null;
    const e = this.expr(node);
    switch (e.kind) {
      case 'number':
        return node;
      case 'wrap':
        return this.numberLiteral(e.inner, depth + 1);
      case 'name':
      case 'member':
      case 'index': {
        // (Not a parameter default: callers may pass another value, so the value at the call is what is edited.)
        const r = this.resolveValue(node, depth + 1);
        return r && r.source !== 'default' && !r.node.equals(node) ? this.numberLiteral(r.node, depth + 1) : null;
      }
      default:
        return null;
    }
  }

  // ---------------------------------------------------------------- lists and dicts

  /** The items of a list-like value, following names, `+`, spreads and append/push/extend/insert mutations. */
  list(node: Node, depth = 0): ListValue | null {
    if (depth > MAX_DEPTH) return null;
    const e = this.expr(node);
    switch (e.kind) {
      case 'wrap':
        return this.list(e.inner, depth + 1);
      case 'list': {
        const items: Item[] = [];
        let complete = true;
        for (const item of e.items) {
          if (!item.spread) {
            items.push(item);
            continue;
          }
          const inner = this.list(item.value, depth + 1);
          if (inner) {
            items.push(...inner.items);
            complete &&= inner.complete;
          } else {
            items.push(item);
            complete = false;
          }
        }
        return { items, complete };
      }
      case 'binary': {
        if (e.op !== '+') return null;
        const a = this.list(e.left, depth + 1);
        const b = this.list(e.right, depth + 1);
        if (!a && !b) return null;
        return { items: [...(a?.items ?? []), ...(b?.items ?? [])], complete: !!a?.complete && !!b?.complete };
      }
      case 'name': {
        const r = this.resolve(e.name, node);
        if (!r) return null;
        return this.listOfBinding(e.name, r, node, depth);
      }
      case 'member': {
        const o = this.expr(e.object);
        if (o.kind === 'name' && o.name === this.syntax.selfName) {
          const r = this.resolveSelf(e.property, node);
          return r ? this.listOfBinding(`${this.syntax.selfName}.${e.property}`, r, node, depth, true) : null;
        }
        const stored = this.storedPath(node);
        if (stored) return this.listOfBinding(stored.path, stored.r, node, depth, false, true);
        const v = this.resolveMember(node, e.object, e.property);
        const base = v ? this.list(v, depth + 1) : null;
        // `state.messages.push(...)` onto a list written in the object literal (`state = { messages: [...] }`).
        const path = base && this.index.mayHaveMutations() ? memberPath(textOf(node)) : null;
        if (base && path && v) {
          this.deps.names.push(path);
          const out: ListValue = { items: [...base.items], complete: base.complete };
          this.applyMutations(out, path, depth, (m) => m.pos > v.startIndex && m.pos < node.startIndex);
          return out;
        }
        return base;
      }
      case 'index': {
        const stored = this.storedPath(node);
        if (stored) return this.listOfBinding(stored.path, stored.r, node, depth, false, true);
        const r = this.resolveValue(node);
        return r && !r.node.equals(node) ? this.list(r.node, depth + 1) : null;
      }
      case 'call': {
        const c = this.expr(e.callee);
        const name = c.kind === 'name' ? c.name : c.kind === 'member' ? c.property : '';
        if (LIST_COPIES.has(name) || name === 'concat') {
          const base = c.kind === 'member' && name !== 'deepcopy' ? this.list(c.object, depth + 1) : e.args[0] ? this.list(e.args[0].value, depth + 1) : null;
          if (!base) return null;
          if (name === 'concat') {
            for (const a of e.args) {
              const more = this.list(a.value, depth + 1);
              if (more) base.items.push(...more.items);
              else base.items.push(a);
            }
          }
          return base;
        }
        // [...].filter(Boolean): some of the items; which ones is only known at run time.
        if (name === 'filter' && c.kind === 'member') {
          const base = this.list(c.object, depth + 1);
          return base ? { items: base.items, complete: false } : null;
        }
        // build_messages(q): the list a same-file function returns.
        const ret = this.returnOf(e.callee);
        return ret ? this.list(ret, depth + 1) : null;
      }
      default:
        return null;
    }
  }

  /**
   * A list bound to `name` plus its `+=` and mutations. `anyOrder`: every mutation counts wherever it is (attributes
   * of an object that lives across method calls). `byPath`: a value stored under a dotted path, which any code can
   * reach, so the mutations between the binding and the use count whatever scope they sit in.
   */
  private listOfBinding(name: string, r: Resolution, use: Node, depth: number, anyOrder = false, byPath = false): ListValue | null {
    const b = r.binding;
    let base: ListValue | null = null;
    if ((b.kind === 'assign' || b.kind === 'param') && b.value) {
      const v = this.bindingValue(b);
      base = v ? this.list(v, depth + 1) : null;
    }
    if (!base) return null;
    const out: ListValue = { items: [...base.items], complete: base.complete };
    for (const aug of r.augments) {
      const av = this.bindingValue(aug);
      const more = av ? this.list(av, depth + 1) : null;
      if (more) out.items.push(...more.items);
      else out.complete = false;
    }
    // Mutations of the same variable between its binding and the use.
    const usePos = use.startIndex;
    this.applyMutations(out, name, depth, (m) => {
      if (m.pos <= b.pos || (!anyOrder && m.pos >= usePos && !(byPath && b.pos >= usePos))) return false;
      return anyOrder || byPath || resolveName(this.index, name, m.pos)?.binding === b;
    });
    return out;
  }

  /** The items `append` / `push` / `extend` / `insert` / `unshift` calls on `name` add to `out` (those `counts` keeps). */
  private applyMutations(out: ListValue, name: string, depth: number, counts: (m: MutationEntry) => boolean): void {
    const mutations = this.index.mutationsOf(name);
    if (!mutations) return;
    for (const m of mutations) {
      if (!counts(m)) continue;
      const call = this.index.node(m.ref);
      if (!call) continue;
      this.deps.spans.push(m.ref.start, m.ref.end);
      const ce = this.expr(call);
      if (ce.kind !== 'call') continue;
      const args = ce.args;
      switch (m.method) {
        case 'append':
          if (args[0]) out.items.push({ ...args[0], key: null });
          break;
        case 'push':
          for (const a of args) {
            if (a.spread) {
              const more = this.list(a.value, depth + 1);
              if (more) out.items.push(...more.items);
              else out.complete = false;
            } else out.items.push(a);
          }
          break;
        case 'extend': {
          const more = args[0] ? this.list(args[0].value, depth + 1) : null;
          if (more) out.items.push(...more.items);
          else out.complete = false;
          break;
        }
        case 'insert': {
          const at = args[0] ? this.number(args[0].value) : null;
          if (args[1]) {
            if (at === 0) out.items.unshift(args[1]);
            else out.items.push(args[1]);
          }
          break;
        }
        case 'unshift':
          out.items.unshift(...args.filter((a) => !a.spread));
          break;
        default:
          break;
      }
    }
  }

  /**
   * The entries of a dict-like value: a dict/object literal (spreads merged), `dict(a=1)`, or a call whose keyword
   * arguments are its fields (`types.GenerateContentConfig(max_output_tokens=...)`).
   */
  dict(node: Node, depth = 0): DictValue | null {
    if (depth > MAX_DEPTH) return null;
    const e = this.expr(node);
    switch (e.kind) {
      case 'wrap':
        return this.dict(e.inner, depth + 1);
      case 'dict': {
        const entries: Item[] = [];
        let complete = true;
        for (const item of e.entries) {
          if (!item.spread) {
            entries.push(item);
            continue;
          }
          const inner = this.dict(item.value, depth + 1);
          if (inner) {
            entries.push(...inner.entries);
            complete &&= inner.complete;
          } else complete = false;
        }
        return { entries, complete, node };
      }
      case 'call': {
        if (e.isNew) return null;
        const c = this.expr(e.callee);
        const name = c.kind === 'name' ? c.name : c.kind === 'member' ? c.property : '';
        if (name === 'assign' && c.kind === 'member' && c.object.text === 'Object') {
          const entries: Item[] = [];
          let complete = true;
          for (const a of e.args) {
            const d = this.dict(a.value, depth + 1);
            if (d) entries.push(...d.entries);
            else complete = false;
          }
          return { entries, complete, node };
        }
        // make_request(): the dict a same-file function returns.
        const ret = this.returnOf(e.callee);
        if (ret) return this.dict(ret, depth + 1);
        if (this.syntax.family !== 'python') return null;
        if (name !== 'dict' && !/^[A-Z]/.test(name)) return null;
        const entries: Item[] = [];
        let complete = true;
        for (const a of e.args) {
          if (a.key !== null) entries.push(a);
          else if (a.spread) {
            const d = this.dict(a.value, depth + 1);
            if (d) entries.push(...d.entries);
            else complete = false;
          }
        }
        return { entries, complete, node };
      }
      case 'name':
      case 'member':
      case 'index': {
        const r = this.resolveValue(node, depth + 1);
        return r && !r.node.equals(node) ? this.dict(r.node, depth + 1) : null;
      }
      default:
        return null;
    }
  }

  // ---------------------------------------------------------------- calls and functions

  /** The names along a callee expression and the object it starts from. */
  chain(callee: Node): Chain {
    const segments: string[] = [];
    let n: Node = callee;
    for (let i = 0; i < 32; i++) {
      const e = this.expr(n);
      if (e.kind === 'member') {
        segments.unshift(e.property);
        n = e.object;
      } else if (e.kind === 'wrap') {
        n = e.inner;
      } else if (e.kind === 'name') {
        segments.unshift(e.name);
        break;
      } else break;
    }
    return { segments, root: n };
  }

  /** What a call to a same-file function or method returns (its return expression), if the callee is one. */
  private returnOf(callee: Node): Node | null {
    const fn = this.functionOf(callee) ?? this.methodOf(callee);
    return fn ? this.returnValueOf(fn) : null;
  }

  /**
   * The method definition a `self.m` / `this.m` callee names, or `obj.m` where `obj` was made by a class defined in
   * this file (`p = Provider(); p.chat(...)`).
   */
  methodOf(callee: Node): Node | null {
    const c = this.expr(callee);
    if (c.kind !== 'member') return null;
    const cls = this.classOfObject(c.object);
    if (!cls) return null;
    this.deps.names.push(c.property);
    const b = resolveMethod(this.index, cls, c.property);
    if (!b) return null;
    this.deps.spans.push(b.ref.start, b.ref.end);
    return this.bindingValue(b);
  }

  /** The class scope of `self` / `this`, or of a name bound to an instance of a same-file class. */
  private classOfObject(object: Node): ScopeEntry | null {
    const o = this.expr(object);
    if (o.kind !== 'name') return null;
    if (o.name === this.syntax.selfName) return enclosingClass(this.index, object.startIndex);
    const r = this.resolveValue(object);
    if (!r) return null;
    const made = this.expr(r.node);
    if (made.kind !== 'call') return null;
    const ctor = this.expr(made.callee);
    if (ctor.kind !== 'name') return null;
    const b = this.resolve(ctor.name, made.callee);
    return b?.binding.kind === 'class' ? classScopeOf(this.index, b.binding) : null;
  }

  /** The function definition a callee name refers to in this file, if any. */
  functionOf(callee: Node): Node | null {
    const c = this.expr(callee);
    if (c.kind !== 'name') return null;
    const r = this.resolve(c.name, callee);
    if (!r) return null;
    if (r.binding.kind === 'function') return this.bindingValue(r.binding);
    if (r.binding.kind === 'assign' && r.binding.value) {
      const v = this.bindingValue(r.binding);
      if (v && this.expr(v).kind === 'function') return v;
    }
    return null;
  }

  /** The expression a function returns (the last `return` with a value outside nested functions, or an arrow body). */
  returnValueOf(fn: Node): Node | null {
    const e = this.expr(fn);
    const body = e.kind === 'function' ? e.body : fn.childForFieldName('body');
    if (!body) return null;
    const bodyType = typeOf(body);
    if (bodyType !== 'block' && bodyType !== 'statement_block') return body;
    let found: Node | null = null;
    // (Types through the node-fact cache, and the cheap type test before the child count: each is a call into wasm.)
    const visit = (n: Node): void => {
      for (const child of n.namedChildren) {
        if (!child || this.syntax.isFunction(child)) continue;
        const type = typeOf(child);
        if (type === 'return_statement') {
          const v = child.namedChildren.find((c) => c && typeOf(c) !== 'comment');
          if (v) found = v;
        } else if (type !== 'expression_statement' && child.namedChildCount > 0) visit(child);
      }
    };
    visit(body);
    return found;
  }
}

const NONE: never[] = [];

/** The tail of a dependency list from `from` (one shared empty array when there is none: most values read nothing). */
function sliceFrom<T>(list: T[], from: number): T[] {
  return list.length > from ? list.slice(from) : NONE;
}

export function lastEntry(entries: Item[], key: string): Item | undefined {
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i].key === key) return entries[i];
  return undefined;
}
