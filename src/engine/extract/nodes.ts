/**
 * Cached node facts. Every web-tree-sitter accessor that is not a plain field (type, end offset) is a call into wasm;
 * extraction asks the same node the same question many times, so answers are cached by node id for one pass over
 * one tree. A pass starts with resetNodeCache() (ids are addresses and are reused by later trees).
 */
import type { Node } from 'web-tree-sitter';

/**
 * The cache: an open-addressing table keyed by node id, kept across passes (a pass bumps `pass` instead of
 * clearing or reallocating it), so a pass allocates nothing for it. Type names are the grammar's own strings.
 */
let capacity = 1 << 15;
let ids = new Uint32Array(capacity);
let stamps = new Uint32Array(capacity);
let endValues = new Int32Array(capacity);
let typeValues: (string | undefined)[] = new Array<string | undefined>(capacity);
let used = 0;
let pass = 1;
let source = '';

/** Starts a pass over one tree whose text is `text` (node ids are reused by later trees: nothing cached survives). */
export function resetNodeCache(text = ''): void {
  pass++;
  used = 0;
  source = text;
}

/** The slot of `id` in the table for this pass (claimed, with no facts yet, if the id is new). */
function slotOf(id: number): number {
  const mask = capacity - 1;
  let i = (Math.imul(id, 0x9e3779b1) >>> 17) & mask;
  while (stamps[i] === pass) {
    if (ids[i] === id) return i;
    i = (i + 1) & mask;
  }
  if (used >= capacity >> 1) {
    grow();
    return slotOf(id);
  }
  used++;
  stamps[i] = pass;
  ids[i] = id;
  endValues[i] = -1;
  typeValues[i] = undefined;
  return i;
}

/** Doubles the table, keeping this pass's entries (a file with very many nodes). */
function grow(): void {
  const old = { ids, stamps, endValues, typeValues, capacity };
  capacity *= 2;
  ids = new Uint32Array(capacity);
  stamps = new Uint32Array(capacity);
  endValues = new Int32Array(capacity);
  typeValues = new Array<string | undefined>(capacity);
  used = 0;
  for (let i = 0; i < old.capacity; i++) {
    if (old.stamps[i] !== pass) continue;
    const j = slotOf(old.ids[i]);
    endValues[j] = old.endValues[i];
    typeValues[j] = old.typeValues[i];
  }
}

/** The text of the pass. */
export function sourceText(): string {
  return source;
}

/** A node's source text, sliced from the pass's text (shares the cached end with endOf). */
export function textOf(node: Node): string {
  return source.slice(node.startIndex, endOf(node));
}

/**
 * The text of a name node (identifier, property name), read from the source without asking wasm for the node's end:
 * an ASCII identifier ends at the first character that cannot continue it. Anything else (non-ASCII, `#private`,
 * a string key) falls back to textOf.
 */
export function nameOf(node: Node): string {
  return identifierAt(node.startIndex) ?? textOf(node);
}

/** The ASCII identifier starting at `start` in the pass's text; null when there is none or it runs into non-ASCII. */
export function identifierAt(start: number): string | null {
  let i = start;
  for (;;) {
    const c = source.charCodeAt(i);
    // 0-9, A-Z, _, a-z, $
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95 || (c >= 97 && c <= 122) || c === 36) i++;
    else if (c >= 128) return null;
    else break;
  }
  return i > start ? source.slice(start, i) : null;
}

const PATH = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/;

/**
 * The dotted path an attribute or subscript chain spells as written: `st.session_state.messages`, and
 * `st.session_state["messages"]` read as the same path. Null for anything else (a bare name, a call, a computed key).
 * Values stored under a path are visible wherever the same path is read (state objects, settings, module attributes).
 */
export function memberPath(written: string): string | null {
  if (written.length > 200) return null;
  const path = written
    .replace(/\s*(\?\.|\.|\[|\])\s*/g, '$1')
    .replace(/\?\./g, '.')
    .replace(/\[(["'`])([A-Za-z_$][\w$]*)\1\]/g, '.$2');
  return PATH.test(path) ? path : null;
}

export function typeOf(node: Node): string {
  const i = slotOf(node.id);
  let t = typeValues[i];
  if (t === undefined) {
    t = node.type;
    typeValues[i] = t;
  }
  return t;
}

export function endOf(node: Node): number {
  const i = slotOf(node.id);
  let e = endValues[i];
  if (e < 0) {
    e = node.endIndex;
    endValues[i] = e;
  }
  return e;
}

/** Narrows to a node without ruling out nodes in the false branch (a plain `node is Node` guard would). */
type Tested = Node & { readonly __typeTested?: true };

/** Null-safe type test. */
export function isType(node: Node | null | undefined, type: string): node is Tested {
  return !!node && typeOf(node) === type;
}

/**
 * Syntax errors in a tree: ERROR and MISSING nodes. Only subtrees that contain an error are visited, so an intact
 * file costs one call and a file with a few errors a few hundred.
 */
export function countSyntaxErrors(root: Node, cap = 10_000): number {
  if (!root.hasError) return 0;
  let count = 0;
  const stack: Node[] = [root];
  while (stack.length > 0 && count < cap) {
    const n = stack.pop()!;
    if (n.isMissing || typeOf(n) === 'ERROR') count++;
    for (const c of n.children) if (c && (c.hasError || c.isMissing)) stack.push(c);
  }
  return count;
}

/**
 * True when a node is a comment, told from its first characters in the source (`#`, `//`, `/*`) instead of asking
 * wasm for its type: a comment is the only node that starts that way.
 */
function isComment(node: Node): boolean {
  const at = node.startIndex;
  const c = source.charCodeAt(at);
  if (c === 35) return true; // #
  if (c !== 47) return false; // /
  const n = source.charCodeAt(at + 1);
  return n === 47 || n === 42; // // or /*
}

/**
 * A node's children without comments (extras may sit between any two tokens). One `children` call is much cheaper
 * than a `childForFieldName` per field.
 */
export function parts(node: Node): Node[] {
  const out: Node[] = [];
  for (const c of node.children) if (c && !isComment(c)) out.push(c);
  return out;
}

/** A node's named children without comments: the operands, without punctuation tokens. */
export function named(node: Node): Node[] {
  const all = node.namedChildren as Node[];
  // Most nodes have no comment among their children: the (cached, never mutated) array itself, not a copy.
  let i = 0;
  while (i < all.length && all[i] && !isComment(all[i])) i++;
  if (i === all.length) return all;
  const out: Node[] = all.slice(0, i);
  for (; i < all.length; i++) {
    const c = all[i];
    if (c && !isComment(c)) out.push(c);
  }
  return out;
}
