/**
 * The small, language-neutral view of expressions that the evaluator and the call-site model work on.
 * Each language module (python.ts, javascript.ts) maps its tree-sitter nodes onto these shapes; nothing
 * downstream looks at node type names.
 */
import type { Node } from 'web-tree-sitter';

/** A piece of one string literal: literal text, or an interpolation kept as written (`{name}`, `${user.name}`). */
export type StringPiece = { text: string } | { hole: Node | null; raw: string };

/** An argument, dictionary entry or list item. `key` is null for positional items, spreads and computed keys. */
export interface Item {
  key: string | null;
  value: Node;
  /** `*xs`, `**kw`, `...xs`. */
  spread: boolean;
}

export type Expr =
  | { kind: 'string'; pieces: StringPiece[] }
  /** Adjacent literals the language joins (`"a" "b"` in Python). */
  | { kind: 'concat'; parts: Node[] }
  | { kind: 'binary'; op: string; left: Node; right: Node }
  /** `a if c else b`, `c ? a : b`: the value is one of the branches. */
  | { kind: 'ternary'; branches: Node[] }
  /** `a or b`, `a ?? b`, `a || b`: the left value, else the right. */
  | { kind: 'fallback'; left: Node; right: Node }
  | { kind: 'name'; name: string }
  | { kind: 'member'; object: Node; property: string }
  | { kind: 'index'; object: Node; index: Node }
  | { kind: 'call'; callee: Node; args: Item[]; argsNode: Node | null; isNew: boolean }
  | { kind: 'list'; items: Item[] }
  | { kind: 'dict'; entries: Item[] }
  | { kind: 'number'; value: number }
  /** Parentheses, `await`, type assertions, `!`: the value of the inner expression. */
  | { kind: 'wrap'; inner: Node }
  | { kind: 'function'; body: Node }
  | { kind: 'other' };

export interface Param {
  name: string;
  node: Node;
  /** The default value, if any (`model="claude-..."`, `{ system = "..." }`). */
  defaultValue: Node | null;
  /** The parameter's position (for mapping positional call arguments); -1 for keyword-only/destructured. */
  index: number;
  /** Destructured from an options object (`function f({ system = "..." })`): call sites pass it by key. */
  destructured: boolean;
}

export type ScopeKind = 'module' | 'function' | 'class' | 'block' | 'comprehension';

/** What a binding capture means for the name it binds. */
export type BindingKind =
  | 'assign' // name = value (also JS declarators)
  | 'augment' // name += value
  | 'param' // function parameter (value: its default, if any)
  | 'opaque' // bound to something unknown: destructuring, `with ... as x`, catch clause, `for k in obj` keys
  | 'item' // a `for` target: each item of the iterable (value) in turn
  | 'import' // bound by an import
  | 'function' // def / function declaration
  | 'class';

export interface ImportInfo {
  module: string;
  /** The imported name (`OpenAI` in `from openai import OpenAI`), '*' for a namespace, 'default' for a JS default. */
  imported: string;
}

/** Everything a language module tells the shared extractor. */
export interface LanguageSyntax {
  family: 'python' | 'javascript';
  /** Names a method uses for its own object. */
  selfName: string;
  /** Keyword arguments / object keys whose string value is a prompt wherever they appear (`instructions=`, `systemPrompt:`). */
  promptArgKeys: ReadonlySet<string>;
  expr(node: Node): Expr;
  /** Parameters of a function-like node. */
  params(fn: Node): Param[];
  /** Kind of a scope capture, given its node. */
  scopeKind(node: Node): ScopeKind;
  /** True for function-like nodes (and classes): their bodies do not run where they are written. */
  isFunction(node: Node): boolean;
  /** A comprehension or map call whose results are awaited together (`asyncio.gather(*[...])`, `Promise.all(xs.map(...))`). */
  isGathered(loopNode: Node): boolean;
  /** Import bindings declared by an import statement node. */
  imports(node: Node): { name: string; node: Node; info: ImportInfo }[];
  /** Names (with their nodes) a binding target declares, e.g. `a`, `self.x`, `(a, b)`. */
  targetNames(target: Node): { name: string; node: Node; whole: boolean }[];
  /** True for a string node that is a docstring (Python) — never a prompt. */
  isDocstring(node: Node): boolean;
  /** The comment's text without its markers. */
  commentText(node: Node): string;
  /** A keyword argument or dictionary / object pair node as an Item (pieces of a half-typed call); else null. */
  entry(node: Node): Item | null;
  /** The key a node spells when it stands before `=` / `:` (a name, a property name, a string key); else null. */
  keyName(node: Node): string | null;
  /** The protected block of a `try` statement; null when the node is not one. */
  tryBody(node: Node): Node | null;
  /** True for a statement that leaves the loop around it: `return`, `break`. */
  leavesLoop(node: Node): boolean;
  /** The number a counting loop runs up to: `3` in `for _ in range(3)` / `for (let i = 0; i < 3; i++)`. */
  loopBound(loop: Node): Node | null;
}
