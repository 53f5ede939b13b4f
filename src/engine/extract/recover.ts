/**
 * Half-typed calls. While a call is being typed its brackets are not closed, and tree-sitter's error recovery leaves an
 * ERROR node instead of a call: the callee followed by a `(` token and, after it, whatever it could still read —
 * complete keyword arguments / pairs, and loose pieces of the argument being typed (`messages=[`, a `{` token, pairs).
 * This reads them back as a callee and arguments; the call-site model then fills in what it can.
 */
import type { Node } from 'web-tree-sitter';
import { endOf, typeOf } from './nodes';
import type { Item, LanguageSyntax } from './syntax';

/** An argument whose value was cut off: the pieces read after its key. */
export interface BrokenArgument {
  key: string;
  /** Message-like groups: a complete dict / object node, or the entries of one whose braces are not closed. */
  messages: (Node | Item[])[];
  /** Expressions read directly in the value (a string, a number). */
  values: Node[];
}

export interface RecoveredCall {
  callee: Node;
  /** Complete arguments: keyword arguments / options pairs with keys, positional values without. */
  args: Item[];
  broken: BrokenArgument[];
  /** Where the last piece read ends (the call's range ends there). */
  end: number;
}

const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);

/** The calls an ERROR node holds, read back; empty when it holds none. */
export function recoverCalls(error: Node, syntax: LanguageSyntax): RecoveredCall[] {
  const out: RecoveredCall[] = [];
  const children = error.children.filter((c): c is Node => !!c);
  for (let i = 0; i < children.length; i++) {
    if (typeOf(children[i]) !== '(') continue;
    const callee = i > 0 ? children[i - 1] : calleeBefore(error, children[i].startIndex, syntax);
    if (!callee || !isCallee(callee, syntax)) continue;
    const call = readArguments(callee, children, i + 1, syntax);
    out.push(call);
    i = call.next - 1;
  }
  return out;
}

/** A callee: a name or a member access chain ending in a name. */
function isCallee(node: Node, syntax: LanguageSyntax): boolean {
  const e = syntax.expr(node);
  return e.kind === 'name' || e.kind === 'member';
}

/**
 * When the `(` opens the ERROR node, the callee ends the statement before it (`const r = await client.x.create` then
 * ERROR `( {...`): the outermost name / member expression that ends where the ERROR starts.
 */
function calleeBefore(error: Node, at: number, syntax: LanguageSyntax): Node | null {
  let n = error.previousSibling;
  if (!n || endOf(n) > at) return null;
  while (n) {
    if (isCallee(n, syntax)) return n;
    const last: Node | null = n.lastNamedChild;
    if (!last || endOf(last) !== endOf(n)) return null;
    n = last;
  }
  return null;
}

function readArguments(callee: Node, children: Node[], from: number, syntax: LanguageSyntax): RecoveredCall & { next: number } {
  const args: Item[] = [];
  const broken: BrokenArgument[] = [];
  let end = from > 0 ? endOf(children[from - 1]) : endOf(callee);
  // JS options object: `create({ model: ..., messages: [` -> the arguments are the object's entries.
  const level = from < children.length && typeOf(children[from]) === '{' ? 1 : 0;
  let depth = 0;
  let current: BrokenArgument | null = null;
  let group: Item[] | null = null;
  let i = from;
  for (; i < children.length; i++) {
    const n = children[i];
    const t = typeOf(n);
    end = endOf(n);
    if (OPEN.has(t)) {
      depth++;
      // `{` inside a value being typed: the entries that follow belong to one message.
      if (t === '{' && current && depth > level + 1) {
        group = [];
        current.messages.push(group);
      }
      continue;
    }
    if (CLOSE.has(t)) {
      depth--;
      if (t === '}') group = null;
      if (depth < 0) break; // the call was closed after all
      continue;
    }
    if (t === ',') {
      if (depth <= level) current = null;
      continue;
    }
    if (depth <= level) {
      const item = syntax.entry(n);
      if (item) {
        args.push(item);
        current = null;
        continue;
      }
      const key = syntax.keyName(n);
      const sep = children[i + 1] ? typeOf(children[i + 1]) : '';
      if (key !== null && (sep === '=' || sep === ':')) {
        current = { key, messages: [], values: [] };
        broken.push(current);
        group = null;
        i++;
        continue;
      }
      if (!current) {
        if (n.isNamed) args.push({ key: null, value: n, spread: false });
        continue;
      }
    }
    if (!current) continue;
    if (group) {
      const item = syntax.entry(n);
      if (item) group.push(item);
      continue;
    }
    collectPieces(n, current, syntax);
  }
  return { callee, args, broken, end, next: i };
}

/** A piece of a value being typed: a message dict, a value, or a misparsed node holding dicts further down. */
function collectPieces(n: Node, into: BrokenArgument, syntax: LanguageSyntax, depth = 0): void {
  if (!n.isNamed || depth > 4) return;
  const e = syntax.expr(n);
  if (e.kind === 'dict') {
    into.messages.push(n);
    return;
  }
  if (e.kind === 'string' || e.kind === 'number' || e.kind === 'concat') {
    if (depth === 0) into.values.push(n);
    return;
  }
  if ((e.kind === 'name' || e.kind === 'member') && depth === 0) {
    into.values.push(n);
    return;
  }
  if (e.kind === 'list') {
    for (const item of e.items) if (!item.spread) collectPieces(item.value, into, syntax, depth + 1);
    return;
  }
  for (const c of n.namedChildren) if (c) collectPieces(c, into, syntax, depth + 1);
}
