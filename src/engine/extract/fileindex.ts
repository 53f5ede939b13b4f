/**
 * The per-document index the extractor works from, built from the language's query: calls, bindings, scopes, loops,
 * imports, comments, message-shaped literals. A full build queries only the top-level statements that may hold a
 * candidate; the others are queried when a lookup needs them (bindingsOf, mutationsOf, callSitesOf, and positions:
 * scopeAt, loopsAt, holderAt). Entries are plain positions and names, so after an edit they are shifted instead of
 * rebuilt; only the edited region is queried again. Nodes are looked up again from the current tree when needed
 * (NodeRef).
 */
import type { Node, Tree } from 'web-tree-sitter';
import type { LoadedGrammar } from './parser';
import { endOf, isType, memberPath, nameOf, sourceText, typeOf } from './nodes';
import { LineIndex } from './ranges';
import { Regions, WordKind, isSpaceChar, isWholeWord } from './regions';
import { mayBeInPromptName } from './constants';
import type { LoopKind } from '../model';
import type { BindingKind, ImportInfo, LanguageSyntax, Param, ScopeKind } from './syntax';

/**
 * A node remembered by its span; `node` is only trusted for the tree generation it was taken from. In a later tree
 * the span finds it again: the deepest node with exactly that span (what every ref here points at: a call, a binding
 * construct, a value expression, a def, a comment).
 */
export class NodeRef {
  /** -1 until first asked: reading a node's end is a wasm call, and most refs never need it. */
  private endOffset: number;

  constructor(
    public start: number,
    end: number,
    public node: Node | null,
    public gen: number,
  ) {
    this.endOffset = end;
  }

  /** A ref whose end is read from the node when first needed (before the tree changes: see FileIndex.settle). */
  static of(node: Node, gen: number): NodeRef {
    return new NodeRef(node.startIndex, -1, node, gen);
  }

  /** For a ref made without its node: the node its span ends with (see FileIndex.spanning). */
  endNode: Node | null = null;

  get end(): number {
    if (this.endOffset < 0) {
      this.endOffset = this.endNode ? endOf(this.endNode) : this.node ? endOf(this.node) : this.start;
      this.endNode = null;
    }
    return this.endOffset;
  }

  set end(value: number) {
    this.endOffset = value;
  }
}

export interface ScopeEntry {
  ref: NodeRef;
  kind: ScopeKind;
  /** Where the scope's own names start (after a def's name). */
  bodyStart: number;
  parent: ScopeEntry | null;
  /** A function's parameters are added as bindings the first time a lookup passes through it. */
  paramsLoaded: boolean;
}

/**
 * A name bound in the file. Every binding is made with all these fields, in this order (`import: undefined`...): name
 * lookups read thousands of them, and V8 reads the properties of objects of one shape fastest.
 */
export interface BindingEntry {
  name: string;
  kind: BindingKind;
  /** Position of the bound name. */
  pos: number;
  /** Length of the name as written (`system` for a class field read as this.system). */
  nameLength: number;
  /** The binding construct (assignment, declarator, parameter, def, import...). */
  ref: NodeRef;
  /** The bound value (assignment right side, parameter default, def node). */
  value: NodeRef | null;
  /** False when the name is one part of a destructuring target: the value is not the name's value. */
  whole: boolean;
  import: ImportInfo | undefined;
  /** JS `var`: function-scoped, not block-scoped. */
  functionScoped: boolean;
  /** Cached scope (reset when the scope list changes). */
  scope: ScopeEntry | undefined;
}

/** A call whose name matters to extraction (an API method, a constructor, a list mutation...). */
export interface CallEntry {
  ref: NodeRef;
  name: string;
}

/** `messages.append(...)`, `messages.push(...)`, `history.extend(...)`: mutations of a named list. */
export interface MutationEntry {
  /** The receiver as written (`messages`, `self.history`, `this.messages`). */
  name: string;
  method: string;
  pos: number;
  ref: NodeRef;
}

/** The capture naming what a query match is; the others in the match are its parts. */
const MAIN_CAPTURES = new Set([
  'call.name', 'call.member', 'assign.name', 'var.name', 'augment.name', 'bind', 'bind.var', 'bind.augment', 'bind.opaque', 'bind.field', 'bind.item', 'scope.function', 'scope.class',
  'scope.block', 'scope.comprehension', 'import', 'comment', 'message.name', 'message.string', 'prompt_arg.key', 'error', 'loop.for', 'loop.while',
  'loop.comprehension', 'loop.map',
]);

/** How many slices of the file a full build queries one after the other (see build). */
const QUERY_SLICES = 8;

/**
 * Callbacks that run once per item: `xs.map(x => ...)`, `xs.forEach(...)`, `xs.flatMap(...)`; Python's
 * `map(lambda x: ...)` and the pool / executor forms (`ex.map`, `pool.imap`, `pool.starmap`).
 */
export const LOOP_METHODS = new Set(['map', 'forEach', 'flatMap', 'starmap', 'imap', 'imap_unordered']);

const IDENTIFIER = /[A-Za-z_$][\w$]*/y;

/**
 * `xs.map(ask)`, `map(ask, xs)`, `executor.map(ask, xs)`: the name of a function passed as the first argument of a
 * per-item callback method, read from the source after the method name (`nameEnd`); null for anything else.
 */
function callbackName(text: string, nameEnd: number): string | null {
  let i = nameEnd;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  if (text[i] !== '(') return null;
  i++;
  while (i < text.length && isSpaceChar(text.charCodeAt(i))) i++;
  IDENTIFIER.lastIndex = i;
  const m = IDENTIFIER.exec(text);
  if (!m) return null;
  i += m[0].length;
  while (i < text.length && isSpaceChar(text.charCodeAt(i))) i++;
  return text[i] === ')' || text[i] === ',' ? m[0] : null;
}

/**
 * Words that make a top-level statement worth indexing before any lookup (see build): besides API method names,
 * prompt-like names and LLM-helper-like names, the imports (the file's set of modules decides some calls) and the
 * `role` key of a message (any word it starts: isKey reads a string key `"role…"` up to the first ASCII word end).
 */
const CANDIDATE_WORDS = new Set(['import', 'require']);
const ROLE_KEY = 'role';

/** Helper names that usually wrap an LLM call (`get_completion`, `ask_claude`, `call_llm`, `generate_response`). */
const WRAPPER_NAME = /^(get_?|call_?|ask_?|run_?|query_?|generate_?|create_?|chat_?|prompt_?)?(completion|complete|response|respond|reply|answer|llm|gpt|claude|gemini|chat|openai|anthropic|model|ai)(_?\w*)?$/i;
/**
 * Names that fit WRAPPER_NAME but name a UI element, a log, a setting or an object rather than a helper that sends a
 * prompt (`st.chat_input`, `chat_message`, `log_response`, `get_model`, `response_status`).
 */
const NOT_WRAPPER_NAME = /(input|message|messages|history|container|area|box|label|button|widget|ui|view|component|ids?|logs?|errors?|status|code|types?|models?|names?|list|config|settings|options|state|store|keys?|url|path|headers?|cookies?|json)$|^(log|print|render|show|display|send|write)/i;

/**
 * A name that may be a helper wrapping an LLM call defined elsewhere: function-like (a class such as `HttpResponse`
 * is not; nor is a `new` expression, checked by the caller) and reading like an LLM helper.
 */
function isWrapperName(name: string): boolean {
  const first = name.charCodeAt(0);
  if (first >= 65 && first <= 90) return false; // Capitalized: a class
  return WRAPPER_NAME.test(name) && !NOT_WRAPPER_NAME.test(name);
}

/** Characters that may follow a call's name before its arguments: `(`, a tagged template, TypeScript type arguments, `?.(`, a comment, a line continuation. */
const AFTER_CALLEE = new Set(['(', '`', '<', '?', '!', '/', '#', '\\']);

/**
 * Whether the word at [from, to) of `text` may be the name a call is made by (what the query's call patterns
 * capture): it is followed, past whitespace, by something that can start the arguments, or (JavaScript) it may be
 * the class of a `new` without arguments (`new X`, `new a.X`). A word in prose (`"records of batch 3"`) is not.
 */
function mayBeCalleeName(text: string, from: number, to: number, javascript: boolean): boolean {
  if (javascript && isBuiltinMethodCall(text, from)) return false;
  let i = to;
  while (i < text.length && isSpaceChar(text.charCodeAt(i))) i++;
  if (AFTER_CALLEE.has(text[i])) return true;
  if (!javascript) return false;
  let j = from;
  while (j > 0 && isSpaceChar(text.charCodeAt(j - 1))) j--;
  const before = text[j - 1];
  return before === '.' || before === '/' || (j >= 3 && text.startsWith('new', j - 3) && !/[\w$]/.test(text[j - 4] ?? ''));
}

/**
 * JavaScript's built-in namespaces and constructors: `JSON.parse(...)`, `Object.create(...)`, `Date.parse(...)` share
 * a method name with LLM SDK calls but never are one.
 */
const JS_BUILTIN_RECEIVERS = new Set(['JSON', 'Math', 'Object', 'Array', 'Date', 'Number', 'String', 'Promise', 'Reflect', 'Symbol', 'BigInt']);

/**
 * Whether the name starting at `nameStart` is called as a method of a JavaScript built-in written as a plain name
 * (`JSON.parse`, `JSON . parse`; not `a.JSON.parse`, `JSON?.parse`). The region scan and the query's filing use this
 * same test, so a statement the scan leaves unread holds no call the query would file as an API call.
 */
function isBuiltinMethodCall(text: string, nameStart: number): boolean {
  let i = nameStart;
  while (i > 0 && isSpaceChar(text.charCodeAt(i - 1))) i--;
  if (text.charCodeAt(i - 1) !== 46) return false; // .
  i--;
  while (i > 0 && isSpaceChar(text.charCodeAt(i - 1))) i--;
  const end = i;
  while (i > 0 && /[A-Za-z]/.test(text[i - 1])) i--;
  if (i > 0 && /[\w$.?#@]/.test(text[i - 1])) return false;
  return JS_BUILTIN_RECEIVERS.has(text.slice(i, end));
}

/** The call a callee name belongs to: its parent, or for `obj.name(...)` its grandparent. */
function callOfName(name: Node, member: boolean): Node | null {
  const p = name.parent;
  return member ? (p?.parent ?? null) : p;
}

/** A comment that holds a `prompt-audit:` directive (its text read from the source, to its end). */
function isDirectiveComment(node: Node): boolean {
  const text = sourceText();
  const start = node.startIndex;
  const block = text.startsWith('/*', start);
  const end = block ? text.indexOf('*/', start + 2) : text.indexOf('\n', start);
  const at = text.indexOf('prompt-audit', start);
  return at >= 0 && (end < 0 || at < end);
}

/** A key node (a name, or the content of a string key) that spells exactly `key`. */
function isKey(node: Node, key: string): boolean {
  const text = sourceText();
  const start = node.startIndex;
  if (!text.startsWith(key, start)) return false;
  const next = text.charCodeAt(start + key.length);
  // The name or the string's content ends right there: a closing quote, or not a name character.
  return next === 34 || next === 39 || next === 96 || !/[\w$]/.test(text[start + key.length] ?? '');
}

/** The pseudo-name results depend on when they used the file's set of imported modules. */
export const IMPORTS = '#imports';

const MUTATORS = new Set(['append', 'extend', 'insert', 'push', 'unshift']);

/** A loop over data: calls inside `body` run once per item. */
export interface LoopEntry {
  ref: NodeRef;
  kind: LoopKind;
  bodyStart: number;
  /** The body (its end is read when a lookup first needs it). */
  body: NodeRef;
}

export interface IndexDiff {
  /** Names whose bindings or mutations changed. */
  names: Set<string>;
  /**
   * The extent, in old coordinates, of scopes and loops that changed shape (a class that now ends earlier, a loop
   * that is gone): name resolution and loop facts inside it may differ even where no text changed. Null if none did.
   */
  structure: { start: number; end: number } | null;
}

/** Which call names the extractor wants to see (API methods, constructors, helpers), decided by the provider tables. */
export type CallFilter = (name: string) => boolean;

/** A call seen by the query whose name is not an API method, or a call site of a possible local function. */
interface PendingCall {
  name: string;
  /** The call's name node (`member`: the call is its grandparent, else its parent), in the tree of generation `gen`. */
  node: Node;
  /** Where the name starts (kept current across edits: the name node is found again from it in a later tree). */
  nameStart: number;
  gen: number;
  member: boolean;
  api: boolean;
}

export class FileIndex {
  gen = 0;
  tree: Tree | null = null;
  scopes: ScopeEntry[] = [];
  module!: ScopeEntry;
  bindings = new Map<string, BindingEntry[]>();
  calls: CallEntry[] = [];
  mutations = new Map<string, MutationEntry[]>();
  comments: NodeRef[] = [];
  messages: NodeRef[] = [];
  loops: LoopEntry[] = [];
  /**
   * Calls of functions defined in this file, by name (wrapper call sites); also per-item callback calls that pass the
   * function by name (`xs.map(ask)` under `ask`).
   */
  callSites = new Map<string, NodeRef[]>();
  /** Other calls seen by the last query run, kept until the defined function names are known. */
  private pending: PendingCall[] = [];
  /**
   * Pending calls not yet checked against the file's definitions, by name: while some regions are not indexed, a
   * name's call sites are decided when they are first asked for (see callSitesOf).
   */
  private unsettledSites: Map<string, PendingCall[]> | null = null;
  /** Likewise the per-item callback calls (`xs.map(ask)`), by the name of the function they pass. */
  private unsettledCallbacks: Map<string, PendingCall[]> | null = null;
  /** Names whose call sites were decided (see settleSites): calls of them found later are decided at once. */
  private settledNames = new Set<string>();
  /** Calls of helpers named like LLM wrappers that this file does not define (`get_completion("...")`). */
  wrapperCalls: NodeRef[] = [];
  /** Prompt-like keyword arguments / object keys (`instructions=...`, `systemPrompt: ...`). */
  promptArgs: NodeRef[] = [];
  /** Syntax error nodes (half-typed code): an API call whose brackets are not closed yet may sit in one. */
  errors: NodeRef[] = [];
  /** Positions of the current text. */
  lines = new LineIndex('');
  /** Modules imported anywhere in the file (`openai`, `@ai-sdk/openai`, `google.generativeai`...). */
  modules = new Set<string>();

  constructor(
    readonly syntax: LanguageSyntax,
    private readonly grammar: LoadedGrammar,
    private readonly wantCall: CallFilter,
  ) {}

  /** True when the last build ran out of time and holds only part of the file. */
  truncated = false;

  /** The top-level statements and which of them are indexed; null once all of them are (see build). */
  private regions: Regions | null = null;
  /** The root's children, one per region, in the tree of generation `statementsGen` (found again after an edit). */
  private statements: Node[] = [];
  private statementsGen = -1;
  /** Bumped whenever regions are indexed after the build (lets callers' caches over all bindings notice). */
  version = 0;

  /**
   * Builds the index over a whole tree, within a time budget. `whole`: query every statement now instead of only
   * those that may hold a candidate (the unit tests check both give the same index).
   */
  build(tree: Tree, text: string, budgetMs = Infinity, whole = false): void {
    const textLength = text.length;
    this.lines = new LineIndex(text);
    this.tree = tree;
    this.truncated = false;
    this.addedNames = null;
    this.gen++;
    this.scopes = [];
    this.bindings = new Map();
    this.calls = [];
    this.mutations = new Map();
    this.comments = [];
    this.messages = [];
    this.promptArgs = [];
    this.errors = [];
    this.wrapperCalls = [];
    this.loops = [];
    this.callSites = new Map();
    this.modules = new Set();
    const deadline = performance.now() + budgetMs;
    const root = tree.rootNode;
    this.regions = null;
    this.unsettledSites = null;
    this.unsettledCallbacks = null;
    this.settledNames = new Set();
    const regions = whole ? null : this.regionsOf(root, text);
    if (regions) {
      // Only the statements that may hold a candidate are queried now, each on its own (a query over a range of the
      // root first walks the root's children up to it); the others when a lookup first needs them (ensureName,
      // ensurePos).
      const n = regions.starts.length;
      for (let r = 0; r < n && !this.truncated; r++) if (regions.indexed[r]) this.collect(this.statements[r], undefined, undefined, deadline);
      // Out of time: the index holds what was read, as when a whole-file query is cut short.
      if (!this.truncated && regions.left > 0) {
        this.regions = regions;
        this.unsettledSites = new Map();
        this.unsettledCallbacks = new Map();
      } else this.statements = [];
    } else {
      // Queried a slice of top-level statements at a time: each slice's matches are garbage before the next one is
      // read, instead of one array holding every capture of the file alive through the whole pass (garbage-collection
      // pauses grow with what is alive).
      let from = 0;
      for (let k = 1; k <= QUERY_SLICES && !this.truncated; k++) {
        let to = textLength;
        if (k < QUERY_SLICES) {
          const next = root.firstChildForIndex(Math.floor((textLength * k) / QUERY_SLICES));
          if (!next || next.startIndex <= from) continue;
          to = next.startIndex;
        }
        this.collect(root, from, to, deadline);
        from = to;
      }
      if (from < textLength && !this.truncated) this.collect(root, from, textLength, deadline);
    }
    this.finishScopes(textLength);
    this.keepCallSites();
  }

  /**
   * The file's top-level statements, those that may hold a candidate marked indexed: a call named like an API method
   * or an LLM helper, a prompt-like name (a constant, a builder, a prompt argument, a directive comment), a `role`
   * key, an import. Every candidate list (calls, messages, prompt arguments, wrapper calls, directives, prompt-named
   * bindings, modules) is then complete from those alone; what the others hold (bindings, mutations, call sites,
   * scopes, loops) is only ever looked up by a name they spell or a position inside them. Null when everything is
   * read now: a file with syntax errors (an error node may sit anywhere) or with a single statement.
   */
  private regionsOf(root: Node, text: string): Regions | null {
    this.statements = [];
    if (root.hasError) return null;
    const children = root.children;
    if (children.length < 2 || children.some((c) => !c)) return null;
    this.statements = children as Node[];
    this.statementsGen = this.gen;
    const starts = this.statements.map((c) => c.startIndex);
    const promptArgKeys = this.syntax.promptArgKeys;
    const classify = (word: string): WordKind => {
      if (mayBeInPromptName(word) || promptArgKeys.has(word) || CANDIDATE_WORDS.has(word) || word.startsWith(ROLE_KEY)) return WordKind.Always;
      return this.wantCall(word) || isWrapperName(word) ? WordKind.IfCalled : WordKind.None;
    };
    const javascript = this.syntax.family === 'javascript';
    const regions = new Regions(text, starts, classify, (from, to) => mayBeCalleeName(text, from, to, javascript));
    return regions.left > 0 ? regions : null;
  }

  /** Indexes the given regions (not indexed yet) and files what they hold in order. */
  private materialize(ids: number[]): void {
    const regions = this.regions;
    if (!regions || ids.length === 0) return;
    const counts = { scopes: this.scopes.length, loops: this.loops.length, calls: this.calls.length };
    const lists = [this.comments, this.messages, this.promptArgs, this.errors, this.wrapperCalls];
    const listLengths = lists.map((l) => l.length);
    this.addedNames = new Set();
    this.mutated = new Set();
    for (const r of ids) {
      if (regions.indexed[r]) continue;
      regions.indexed[r] = 1;
      regions.left--;
      const statement = this.statementNode(r);
      if (statement) this.collect(statement, undefined, undefined);
      else {
        const end = regions.ends[r] >= 0 ? regions.ends[r] : (regions.starts[r + 1] ?? sourceText().length);
        this.collect(this.tree!.rootNode, regions.starts[r], Math.max(end, regions.starts[r] + 1));
      }
    }
    for (const name of this.addedNames) {
      const list = this.bindings.get(name);
      if (!list) continue;
      list.sort((a, b) => a.pos - b.pos);
      for (const b of list) if (b.import) this.modules.add(b.import.module);
    }
    for (const name of this.mutated) this.mutations.get(name)?.sort((a, b) => a.pos - b.pos);
    this.addedNames = null;
    this.mutated = null;
    // New scopes: sorted and linked as in finishScopes, then merged in (regions are disjoint, top-level statements).
    const fresh = this.linkScopes(this.scopes.splice(counts.scopes));
    if (fresh.length > 0) {
      const merged: ScopeEntry[] = [];
      let i = 0;
      for (const s of fresh) {
        while (i < this.scopes.length && this.scopes[i].ref.start < s.ref.start) merged.push(this.scopes[i++]);
        merged.push(s);
      }
      while (i < this.scopes.length) merged.push(this.scopes[i++]);
      this.scopes = merged;
    }
    if (this.loops.length > counts.loops) this.loops.sort((a, b) => a.bodyStart - b.bodyStart);
    this.keepCallSites();
    // (Regions holding candidates were indexed by build; these stay in position order all the same.)
    if (this.calls.length > counts.calls) this.calls.sort((a, b) => a.ref.start - b.ref.start);
    lists.forEach((l, k) => {
      if (l.length > listLengths[k]) l.sort((a, b) => a.start - b.start);
    });
    this.holders = null;
    this.version++;
  }

  /** Indexes every statement not indexed yet and decides every call site (what a whole build holds). */
  indexRest(): void {
    const regions = this.regions;
    if (!regions) return;
    this.materialize(regions.remaining());
    const names = new Set([...(this.unsettledSites?.keys() ?? []), ...(this.unsettledCallbacks?.keys() ?? [])]);
    for (const name of names) this.settleSites(name);
    this.regions = null;
    this.statements = [];
    this.unsettledSites = null;
    this.unsettledCallbacks = null;
  }

  /**
   * The top-level statement of region `r` in the current tree: after an edit, the root's child starting where the
   * region starts (a region not indexed lies outside every edit, so its statement is the same, shifted). Null if none
   * does (the caller then queries the region's range).
   */
  private statementNode(r: number): Node | null {
    if (this.statementsGen === this.gen) return this.statements[r] ?? null;
    const start = this.regions!.starts[r];
    const node = this.tree?.rootNode.firstChildForIndex(start) ?? null;
    return node && node.startIndex === start ? node : null;
  }

  /** Makes sure every binding, mutation and call site of `name` (or of a dotted path ending in it) is indexed. */
  private ensureName(name: string): void {
    const regions = this.regions;
    if (!regions || regions.left === 0) return;
    const word = name.slice(name.lastIndexOf('.') + 1);
    // A name that is not one whole word of the scan (escapes, `#private`) could be spelled anywhere.
    if (!isWholeWord(word)) this.materialize(regions.remaining());
    else {
      const ids = regions.take(word);
      if (ids.length > 0) this.materialize(ids);
    }
  }

  /** Makes sure the top-level statement holding `pos` is indexed (its scopes, loops and bindings). */
  ensurePos(pos: number): void {
    const regions = this.regions;
    if (!regions || regions.left === 0) return;
    const r = regions.at(pos);
    if (r >= 0 && !regions.indexed[r]) this.materialize([r]);
  }

  /** The bindings of a name (or dotted path), sorted by position. */
  bindingsOf(name: string): BindingEntry[] | undefined {
    this.ensureName(name);
    return this.bindings.get(name);
  }

  /**
   * The bindings of a name in the statements indexed so far: all of them for a scope inside an indexed statement
   * (a function or class around a looked-up position, see ensurePos), not for the module scope.
   */
  localBindingsOf(name: string): BindingEntry[] | undefined {
    return this.bindings.get(name);
  }

  /** False when the file certainly has no mutation (`x.append(...)`...) of any name: a shortcut for callers. */
  mayHaveMutations(): boolean {
    return this.mutations.size > 0 || (!!this.regions && this.regions.left > 0);
  }

  /** The mutations (`name.append(...)`...) of a name or dotted path, sorted by position. */
  mutationsOf(name: string): MutationEntry[] | undefined {
    this.ensureName(name);
    return this.mutations.get(name);
  }

  /** The calls of a function defined in this file, by its name, sorted by position. */
  callSitesOf(name: string): NodeRef[] | undefined {
    this.ensureName(name);
    if (this.unsettledSites) this.settleSites(name);
    return this.callSites.get(name);
  }

  /** The node a reference points to in the current tree, or null if it no longer exists there. */
  node(ref: NodeRef): Node | null {
    if (ref.node && ref.gen === this.gen) return ref.node;
    if (!this.tree) return null;
    const n: Node | null = this.tree.rootNode.descendantForIndex(ref.start, ref.end);
    if (!n || n.startIndex !== ref.start || n.endIndex !== ref.end) return null;
    ref.node = n;
    ref.gen = this.gen;
    return n;
  }

  /** A ref to a node of the current tree, its end read later if at all. */
  private lazy(node: Node): NodeRef {
    return NodeRef.of(node, this.gen);
  }

  /** A ref to the construct that starts at `start` and ends with `last` (found again by its span when needed). */
  private spanning(start: number, last: Node): NodeRef {
    const r = new NodeRef(start, -1, null, this.gen);
    r.endNode = last;
    return r;
  }

  // ------------------------------------------------------------------ collection

  /** Runs the query over `root`'s subtree (or [start, end) of it) and files its matches. */
  private collect(root: Node, start: number | undefined, end: number | undefined, deadline = Infinity): void {
    let ticks = 0;
    const progressCallback = Number.isFinite(deadline)
      ? (): boolean => {
          if ((++ticks & 63) !== 0 || performance.now() <= deadline) return false;
          this.truncated = true;
          return true;
        }
      : undefined;
    const options = { startIndex: start, endIndex: end, progressCallback };
    const matches = this.grammar.query.matches(root, options);
    const gen = this.gen;
    const syntax = this.syntax;
    for (const m of matches) {
      // One pass over the match's captures (no closures per match: there are thousands of matches).
      let main: Node | null = null;
      let kind = '';
      let part: Node | null = null; // bind.name / bind.target / message.key / prompt_arg.key
      let extra: Node | null = null; // bind.value / def.body / loop.method
      let body: Node | null = null; // loop.body
      let items: Node | null = null; // loop.items
      let plain = false;
      let defName: Node | null = null;
      let method = false;
      for (const c of m.captures) {
        const n = c.name;
        if (MAIN_CAPTURES.has(n)) {
          main = c.node;
          kind = n;
        } else if (n === 'bind.target') part = c.node;
        else if (n === 'loop.body') body = c.node;
        else if (n === 'loop.items') items = c.node;
        else if (n === 'bind.name') {
          part = c.node;
          plain = true;
        } else if (n === 'def.name') defName = c.node;
        else if (n === 'def.method') {
          // A method binds its name only in a class body (an object literal's method is reached as a property).
          defName = c.node;
          method = true;
        }
        else if (n === 'bind.value' || n === 'def.body' || n === 'loop.method') extra = c.node;
      }
      if (!main) continue;
      switch (kind) {
        case 'call.name':
        case 'call.member': {
          // The capture is the name; the call is its parent, or its grandparent through the member access.
          const nameNode = main;
          const name = nameOf(nameNode);
          const member = kind === 'call.member';
          const mutator = member && MUTATORS.has(name);
          const api = this.wantCall(name) && !(member && syntax.family === 'javascript' && isBuiltinMethodCall(sourceText(), nameNode.startIndex));
          if (mutator || api) {
            const access = member ? nameNode.parent : null;
            const call = member ? (access?.parent ?? null) : nameNode.parent;
            if (!call) break;
            if (mutator && access) {
              const receiver = mutationReceiver(access.startIndex, nameNode.startIndex, syntax);
              if (receiver) {
                pushTo(this.mutations, receiver, { name: receiver, method: name, pos: call.startIndex, ref: this.lazy(call) });
                this.mutated?.add(receiver);
              }
            }
            // A call named like an API method may still call a function of this file (`def chat(messages)`, `run(...)`):
            // it is kept as a possible wrapper call site too.
            if (api) {
              this.calls.push({ ref: this.lazy(call), name });
              this.pending.push({ name, node: nameNode, nameStart: nameNode.startIndex, gen, member, api });
            }
          } else this.pending.push({ name, node: nameNode, nameStart: nameNode.startIndex, gen, member, api: false });
          break;
        }
        case 'bind.item':
          if (part) this.addLoopTargets(part, plain, extra, main);
          break;
        case 'assign.name':
        case 'var.name':
        case 'augment.name': {
          // A plain name bound to a value: the binding construct spans from the name to the end of the value.
          const nameNode = main;
          const value = extra;
          if (value && syntax.family === 'javascript' && sourceText().startsWith('require', value.startIndex) && typeOf(value) === 'call_expression') {
            // const OpenAI = require('openai'): an import.
            const declarator = nameNode.parent;
            const imported = declarator ? syntax.imports(declarator) : [];
            if (declarator && imported.length > 0) {
              for (const i of imported) this.addImport(i.name, i.node, declarator, i.info);
              break;
            }
          }
          const name = nameOf(nameNode);
          const start = nameNode.startIndex;
          this.addBinding({
            name,
            kind: kind === 'augment.name' ? 'augment' : 'assign',
            pos: start,
            nameLength: name.length,
            ref: value ? this.spanning(start, value) : new NodeRef(start, start + name.length, null, gen),
            value: value ? this.lazy(value) : null,
            whole: true,
            import: undefined,
            functionScoped: kind === 'var.name',
            scope: undefined,
          });
          break;
        }
        case 'bind':
        case 'bind.var':
        case 'bind.augment':
        case 'bind.opaque':
        case 'bind.field': {
          if (!part) break;
          const stmt = main;
          const value = kind === 'bind.opaque' ? null : extra;
          // const OpenAI = require('openai'): an import.
          if (value && syntax.family === 'javascript' && sourceText().startsWith('require', value.startIndex) && typeOf(value) === 'call_expression') {
            const imported = syntax.imports(stmt);
            if (imported.length > 0) {
              for (const i of imported) this.addImport(i.name, i.node, stmt, i.info);
              break;
            }
          }
          const bkind: BindingKind = kind === 'bind.augment' ? 'augment' : kind === 'bind.opaque' ? 'opaque' : 'assign';
          const functionScoped = kind === 'bind.var';
          // (Plain names come as assign.name / var.name / augment.name: these are patterns, attributes, fields.)
          for (const t of syntax.targetNames(part)) {
            this.addBinding({
              name: t.name,
              kind: t.whole ? bkind : bkind === 'augment' ? 'augment' : 'opaque',
              pos: t.node.startIndex,
              nameLength: endOf(t.node) - t.node.startIndex,
              ref: this.lazy(stmt),
              value: value && t.whole ? this.lazy(value) : null,
              whole: t.whole,
              import: undefined,
              functionScoped,
              scope: undefined,
            });
          }
          break;
        }
        case 'scope.function':
        case 'scope.class':
        case 'scope.block':
        case 'scope.comprehension': {
          const node = main;
          const skind = kind === 'scope.class' ? 'class' : kind === 'scope.comprehension' ? 'comprehension' : kind === 'scope.block' ? 'block' : 'function';
          const defText = defName ? nameOf(defName) : '';
          // The scope's own names start at a class body, after a def's name (so the name belongs outside), or at the
          // start of an anonymous function.
          const bodyStart = extra ? extra.startIndex : defName ? defName.startIndex + defText.length : node.startIndex;
          this.scopes.push({ ref: this.lazy(node), kind: skind, bodyStart, parent: null, paramsLoaded: skind !== 'function' });
          if (defName && (!method || isType(node.parent, 'class_body'))) {
            this.addBinding({
              name: defText,
              kind: skind === 'class' ? 'class' : 'function',
              pos: defName.startIndex,
              nameLength: defText.length,
              ref: this.lazy(node),
              value: this.lazy(node),
              whole: true,
              import: undefined,
              functionScoped: false,
              scope: undefined,
            });
          }
          break;
        }
        case 'import':
          for (const i of syntax.imports(main)) this.addImport(i.name, i.node, main, i.info);
          break;
        case 'comment':
          if (isDirectiveComment(main)) this.comments.push(this.lazy(main));
          break;
        case 'message.name':
        case 'message.string': {
          // The key; the dictionary / object is its grandparent (pair), or one more level up through the string.
          if (!isKey(main, 'role')) break;
          let dict = main.parent?.parent ?? null;
          if (kind === 'message.string') dict = dict?.parent ?? null;
          if (dict) this.messages.push(this.lazy(dict));
          break;
        }
        case 'prompt_arg.key': {
          if (!syntax.promptArgKeys.has(nameOf(main))) break;
          const arg = main.parent;
          if (arg) this.promptArgs.push(this.lazy(arg));
          break;
        }
        case 'error':
          this.errors.push(this.lazy(main));
          break;
        case 'loop.for':
        case 'loop.while':
        case 'loop.comprehension':
        case 'loop.map': {
          if (!body) break;
          let lkind: LoopKind = kind === 'loop.for' ? 'for' : kind === 'loop.while' ? 'while' : kind === 'loop.comprehension' ? 'comprehension' : 'map';
          if (kind === 'loop.map') {
            const method = extra ? nameOf(extra) : '';
            if (!LOOP_METHODS.has(method)) break;
            if (method === 'forEach') lkind = 'forEach';
          }
          const ref = this.lazy(main);
          this.loops.push({ ref, kind: lkind, bodyStart: body.startIndex, body: this.lazy(body) });
          // A comprehension is a scope of its own (for its `for` targets); so is a JS `for` (for its let/const).
          if (lkind === 'comprehension') this.scopes.push({ ref: this.lazy(main), kind: 'comprehension', bodyStart: main.startIndex, parent: null, paramsLoaded: true });
          else if (lkind === 'for' && syntax.family === 'javascript') this.scopes.push({ ref: this.lazy(main), kind: 'block', bodyStart: main.startIndex, parent: null, paramsLoaded: true });
          if (part) this.addLoopTargets(part, plain, items, main);
          break;
        }
        default:
          break;
      }
    }
  }

  /**
   * A `for` target: a plain name takes each item of the iterable in turn; so does the second name of
   * `for i, x in enumerate(xs)` / `for (const [i, x] of xs.entries())`. Other names are bound to something unknown.
   */
  private addLoopTargets(target: Node, plain: boolean, iterable: Node | null, loop: Node): void {
    const targets = plain ? [{ name: nameOf(target), node: target, whole: true }] : this.syntax.targetNames(target);
    const indexed = !plain && targets.length === 2 && iterable !== null && isIndexedIteration(iterable, this.syntax);
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i];
      const item = iterable !== null && (plain || (indexed && i === 1));
      this.addBinding({
        name: t.name,
        kind: item ? 'item' : 'opaque',
        pos: t.node.startIndex,
        nameLength: plain ? t.name.length : endOf(t.node) - t.node.startIndex,
        ref: this.lazy(loop),
        value: item && iterable ? this.lazy(iterable) : null,
        whole: item,
        import: undefined,
        functionScoped: false,
        scope: undefined,
      });
    }
  }

  private addImport(name: string, nameNode: Node, stmt: Node, info: ImportInfo): void {
    this.addBinding({ name, kind: 'import', pos: nameNode.startIndex, nameLength: name.length, ref: this.lazy(stmt), value: null, whole: true, import: info, functionScoped: false, scope: undefined });
  }

  /** Names given new bindings since the last region query (only their lists need de-duplicating and sorting). */
  private addedNames: Set<string> | null = null;
  /** Receivers given new mutations while regions are indexed after the build (their lists need sorting). */
  private mutated: Set<string> | null = null;

  private addBinding(b: BindingEntry): void {
    pushTo(this.bindings, b.name, b);
    this.addedNames?.add(b.name);
  }

  /**
   * Keeps the pending calls whose name is a function (or function-valued variable) defined in this file, and the
   * calls of helpers named like LLM wrappers. While some regions are not indexed, whether a name is defined here is
   * decided when its call sites are first asked for (callSitesOf): a definition may sit in a region not read yet.
   */
  private keepCallSites(): Set<string> {
    const added = new Set<string>();
    for (const p of this.pending) {
      // xs.map(ask): a call site of `ask` too (once per item); recorded under the name of the function passed.
      if (!p.api && LOOP_METHODS.has(p.name)) {
        const passed = callbackName(sourceText(), endOf(p.node));
        if (passed && this.unsettledCallbacks && !this.settledNames.has(passed)) pushTo(this.unsettledCallbacks, passed, p);
        else if (passed && this.keepCallbackSite(p, passed)) added.add(passed);
      }
      // get_completion("...") may wrap an LLM call defined elsewhere (another notebook cell, another module); whether
      // it is defined here is decided when it is evaluated, so edits elsewhere cannot make this list stale.
      if (!p.api && isWrapperName(p.name)) {
        const call = callOfName(p.node, p.member);
        if (call && typeOf(call) !== 'new_expression') this.wrapperCalls.push(this.lazy(call));
      }
      if (this.unsettledSites && !this.settledNames.has(p.name)) pushTo(this.unsettledSites, p.name, p);
      else if (this.keepCallSite(p)) added.add(p.name);
    }
    this.pending = [];
    for (const list of this.callSites.values()) list.sort((a, b) => a.start - b.start);
    return added;
  }

  /** True when `name` is a function (or function-valued variable) defined in this file. */
  private definesFunction(name: string): boolean {
    const defs = this.bindings.get(name);
    return !!defs && defs.some((b) => b.kind === 'function' || (b.kind === 'assign' && b.value));
  }

  /** Files `call` as a call site of `name` (once); true when it was added. */
  private addCallSite(name: string, call: Node): boolean {
    const ref = this.lazy(call);
    if (this.callSites.get(name)?.some((r) => r.start === ref.start && r.end === ref.end)) return false;
    pushTo(this.callSites, name, ref);
    return true;
  }

  /** The call of a pending call in the current tree (its name node found again by position after an edit). */
  private pendingCall(p: PendingCall): Node | null {
    if (p.gen !== this.gen) {
      const name = this.tree?.rootNode.descendantForIndex(p.nameStart, p.nameStart + p.name.length) ?? null;
      if (!name || name.startIndex !== p.nameStart || endOf(name) !== p.nameStart + p.name.length) return null;
      p.node = name;
      p.gen = this.gen;
    }
    return callOfName(p.node, p.member);
  }

  /** Keeps a pending call if its name is defined in this file; true when it was added. */
  private keepCallSite(p: PendingCall): boolean {
    if (!this.definesFunction(p.name)) return false;
    const call = this.pendingCall(p);
    return !!call && this.addCallSite(p.name, call);
  }

  /** Keeps `xs.map(passed)` as a call site of `passed` if that is defined in this file; true when it was added. */
  private keepCallbackSite(p: PendingCall, passed: string): boolean {
    if (!this.definesFunction(passed)) return false;
    const call = this.pendingCall(p);
    return !!call && this.addCallSite(passed, call);
  }

  /**
   * Decides the pending calls of one name, and the per-item callback calls passing it, once every region spelling
   * the name is indexed.
   */
  private settleSites(name: string): void {
    const calls = this.unsettledSites?.get(name);
    const callbacks = this.unsettledCallbacks?.get(name);
    this.unsettledSites?.delete(name);
    this.unsettledCallbacks?.delete(name);
    this.settledNames.add(name);
    for (const p of calls ?? []) this.keepCallSite(p);
    for (const p of callbacks ?? []) this.keepCallbackSite(p, name);
    this.callSites.get(name)?.sort((a, b) => a.start - b.start);
  }

  /** Sorts scopes by position, links each to its parent, and adds the module scope. */
  private finishScopes(textLength: number): void {
    const moduleRef = new NodeRef(0, Math.max(textLength, this.tree?.rootNode.endIndex ?? 0), this.tree?.rootNode ?? null, this.gen);
    this.module = { ref: moduleRef, kind: 'module', bodyStart: 0, parent: null, paramsLoaded: true };
    this.scopes = this.linkScopes(this.scopes);
    this.modules = new Set();
    for (const arr of this.bindings.values()) {
      for (const b of arr) {
        b.scope = undefined;
        if (b.import) this.modules.add(b.import.module);
      }
    }
    if (this.addedNames) {
      for (const name of this.addedNames) this.bindings.get(name)?.sort((a, b) => a.pos - b.pos);
    } else for (const arr of this.bindings.values()) arr.sort((a, b) => a.pos - b.pos);
    for (const arr of this.mutations.values()) arr.sort((a, b) => a.pos - b.pos);
    this.calls.sort((a, b) => a.ref.start - b.ref.start);
    this.loops.sort((a, b) => a.bodyStart - b.bodyStart);
  }

  /** Scopes sorted by position, one entry per scope, each linked to its parent (the module's children to it). */
  private linkScopes(scopes: ScopeEntry[]): ScopeEntry[] {
    const list = scopes.filter((s) => s.ref.end > s.ref.start);
    list.sort((a, b) => a.ref.start - b.ref.start || b.ref.end - a.ref.end);
    // One entry per scope: a block matched once per declaration in it.
    for (let i = list.length - 1; i > 0; i--) {
      const a = list[i - 1];
      const b = list[i];
      if (a.ref.start === b.ref.start && a.ref.end === b.ref.end && a.kind === b.kind) list.splice(i, 1);
    }
    const stack: ScopeEntry[] = [this.module];
    for (const s of list) {
      while (stack.length > 1 && stack[stack.length - 1].ref.end <= s.ref.start) stack.pop();
      s.parent = stack[stack.length - 1];
      stack.push(s);
    }
    return list;
  }

  // ------------------------------------------------------------------ scopes

  /** The innermost scope whose own names include position `pos`. */
  scopeAt(pos: number): ScopeEntry {
    this.ensurePos(pos);
    // Binary search for the last scope starting at or before pos, then climb to one that contains pos.
    let lo = 0;
    let hi = this.scopes.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.scopes[mid].ref.start <= pos) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    let s: ScopeEntry | null = found >= 0 ? this.scopes[found] : this.module;
    while (s && s !== this.module && !(s.bodyStart <= pos && pos < s.ref.end)) s = s.parent;
    return s ?? this.module;
  }

  private holders: BindingEntry[] | null = null;
  private holdersGen = -1;

  /** The innermost assignment whose value contains `pos` (what a nested literal is held by), if any. */
  holderAt(pos: number): BindingEntry | null {
    this.ensurePos(pos);
    if (!this.holders || this.holdersGen !== this.gen) {
      this.holders = [];
      for (const list of this.bindings.values()) for (const b of list) if (b.kind === 'assign' && b.value) this.holders.push(b);
      this.holders.sort((a, b) => (a.value?.start ?? 0) - (b.value?.start ?? 0));
      this.holdersGen = this.gen;
    }
    // Nested values start later than the values around them: walking back from the last value that starts before
    // `pos`, the first one that contains it is the innermost. A few dozen steps is plenty in real code.
    const list = this.holders;
    let lo = 0;
    let hi = list.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid].value?.start ?? 0) <= pos) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    for (let i = last; i >= 0 && i > last - 64; i--) {
      const v = list[i].value;
      if (v && pos < v.end) return list[i];
    }
    return null;
  }

  /**
   * The loops whose bodies run the code at `pos` once per iteration, innermost first (a function in between ends the
   * search: its body runs when it is called, not per iteration).
   */
  loopsAt(pos: number): LoopEntry[] {
    this.ensurePos(pos);
    let fn: ScopeEntry | null = this.scopeAt(pos);
    while (fn && fn.kind !== 'function' && fn.kind !== 'class' && fn.kind !== 'module') fn = fn.parent;
    const out: LoopEntry[] = [];
    // Only loops whose bodies start inside that function can run the code without a function in between.
    const loops = this.loops;
    let i = 0;
    if (fn && fn.kind !== 'module') {
      let hi = loops.length;
      while (i < hi) {
        const mid = (i + hi) >> 1;
        if (loops[mid].bodyStart < fn.ref.start) i = mid + 1;
        else hi = mid;
      }
    }
    for (; i < loops.length; i++) {
      const l = loops[i];
      if (l.bodyStart > pos) break;
      const ok = !fn || fn.kind === 'module' || fn.ref.start < l.bodyStart || (l.kind !== 'for' && l.kind !== 'while' && l.kind !== 'comprehension' && fn.ref.start === l.bodyStart);
      if (ok && pos < l.body.end) out.push(l);
    }
    // Sorted by body start: the innermost loop starts last.
    return out.reverse();
  }

  /** Parameter lists read from the tree of generation `paramsGen`, by function node id. */
  private paramLists = new Map<number, Param[]>();
  private paramsGen = -1;

  /**
   * A function's parameters, read once per tree (reading them is several calls into wasm; the parameters of a function
   * are bound here and read again when its call sites' arguments are matched to them).
   */
  paramsOf(fn: Node): Param[] {
    if (this.paramsGen !== this.gen) {
      this.paramLists.clear();
      this.paramsGen = this.gen;
    }
    let list = this.paramLists.get(fn.id);
    if (!list) {
      list = this.syntax.params(fn);
      this.paramLists.set(fn.id, list);
    }
    return list;
  }

  /** Adds a function's parameters as bindings (once): most functions never have a name looked up inside them. */
  ensureParams(scope: ScopeEntry): void {
    if (scope.paramsLoaded) return;
    scope.paramsLoaded = true;
    const fn = this.node(scope.ref);
    if (!fn) return;
    for (const p of this.paramsOf(fn)) {
      const b: BindingEntry = {
        name: p.name,
        kind: 'param',
        pos: p.node.startIndex,
        nameLength: p.name.length,
        // Its own ref (refs are shifted in place after edits; a shared one would move twice).
        ref: new NodeRef(scope.ref.start, scope.ref.end, fn, this.gen),
        value: p.defaultValue ? this.lazy(p.defaultValue) : null,
        whole: true,
        import: undefined,
        functionScoped: true,
        scope,
      };
      const list = this.bindings.get(p.name);
      if (!list) this.bindings.set(p.name, [b]);
      else {
        let i = list.length;
        while (i > 0 && list[i - 1].pos > b.pos) i--;
        list.splice(i, 0, b);
      }
    }
  }

  /** Loads the parameters of every function around `pos`, so name lookups from there see them. */
  ensureParamsAround(pos: number): void {
    for (let s: ScopeEntry | null = this.scopeAt(pos); s; s = s.parent) if (!s.paramsLoaded) this.ensureParams(s);
  }

  scopeOf(b: BindingEntry): ScopeEntry {
    if (!b.scope) {
      let s = this.scopeAt(b.pos);
      if (b.functionScoped) while (s.kind === 'block' && s.parent) s = s.parent;
      if (b.name.startsWith('self.') || b.name.startsWith('this.')) {
        while (s.kind !== 'class' && s.parent) s = s.parent;
      }
      b.scope = s;
    }
    return b.scope;
  }

  // ------------------------------------------------------------------ incremental update

  /**
   * Reads the end of every ref not read yet, and of every statement not indexed yet, while their tree is still intact
   * (call before editing it).
   */
  settle(): void {
    this.eachRef((r) => void r.end);
    const regions = this.regions;
    if (regions && this.statementsGen === this.gen) {
      for (let r = 0; r < regions.starts.length; r++) if (!regions.indexed[r] && regions.ends[r] < 0) regions.ends[r] = endOf(this.statements[r]);
    }
  }

  /** Calls `f` with every node span the index remembers. */
  private eachRef(f: (r: NodeRef) => void): void {
    for (const list of this.bindings.values()) {
      for (const b of list) {
        f(b.ref);
        if (b.value) f(b.value);
      }
    }
    for (const list of this.mutations.values()) for (const m of list) f(m.ref);
    for (const list of this.callSites.values()) for (const r of list) f(r);
    for (const c of this.calls) f(c.ref);
    for (const sc of this.scopes) f(sc.ref);
    for (const l of this.loops) {
      f(l.ref);
      f(l.body);
    }
    for (const r of this.comments) f(r);
    for (const r of this.messages) f(r);
    for (const r of this.promptArgs) f(r);
    for (const r of this.errors) f(r);
    for (const r of this.wrapperCalls) f(r);
  }

  /**
   * The extent (old coordinates) of remembered constructs that straddle [start, end): they were parsed differently and
   * the region to re-read must cover them whole. Null when nothing straddles it.
   */
  straddling(start: number, end: number): { start: number; end: number } | null {
    let lo = start;
    let hi = end;
    this.eachRef((r) => {
      if (r.start >= end) return;
      const rEnd = r.end;
      if (rEnd <= start || (r.start >= start && rEnd <= end) || (r.start <= start && rEnd >= end)) return;
      if (r.start < lo) lo = r.start;
      if (rEnd > hi) hi = rEnd;
    });
    return lo < start || hi > end ? { start: lo, end: hi } : null;
  }

  /**
   * Re-indexes after an edit: entries touching [start, oldEnd) (old coordinates) are dropped, the rest shifted by
   * `delta`, and the region [start, newEnd) of the new tree is queried again. Returns the names whose bindings changed.
   */
  update(tree: Tree, text: string, start: number, oldEnd: number, newEnd: number): IndexDiff {
    const textLength = text.length;
    this.lines = new LineIndex(text);
    const delta = newEnd - oldEnd;
    this.tree = tree;
    this.gen++;
    const before = new Map<string, string[]>();
    // Everything that overlaps the region is dropped and read again. An enclosing construct may have a different
    // extent in the new tree (or be gone), so the query covers the old extent of everything dropped, not just the region.
    let queryStart = start;
    let queryEnd = newEnd;
    const touched = (r: NodeRef): boolean => {
      if (!(r.start < oldEnd && r.end > start)) return false;
      if (r.start < queryStart) queryStart = r.start;
      const end = r.end >= oldEnd ? r.end + delta : r.end;
      if (end > queryEnd) queryEnd = end;
      return true;
    };
    const shift = (r: NodeRef): void => {
      if (r.start >= oldEnd) r.start += delta;
      if (r.end >= oldEnd) r.end += delta;
    };
    // An import's module is part of its identity: `from openai import X` -> `from anthropic import X` changes things.
    // Scopes and loops dropped here, by their old extent and their key after the shift (to compare with what the
    // region query finds again).
    const droppedShapes: { start: number; end: number; key: string }[] = [];
    const shapeKey = (start: number, end: number, kind: string): string => `${kind}:${start >= oldEnd ? start + delta : start}:${end >= oldEnd ? end + delta : end}`;
    const bindingKey = (b: BindingEntry): string => `${b.kind}${b.import ? `:${b.import.module}:${b.import.imported}` : ''}@${b.pos}`;

    for (const [name, arr] of this.bindings) {
      const kept: BindingEntry[] = [];
      for (const b of arr) {
        if (touched(b.ref)) {
          pushTo(before, name, bindingKey(b));
          continue;
        }
        shift(b.ref);
        if (b.value) shift(b.value);
        if (b.pos >= oldEnd) b.pos += delta;
        kept.push(b);
      }
      if (kept.length) this.bindings.set(name, kept);
      else this.bindings.delete(name);
    }
    for (const [name, arr] of this.mutations) {
      const kept = arr.filter((m) => {
        if (touched(m.ref)) {
          pushTo(before, name, `mut@${m.pos}`);
          return false;
        }
        shift(m.ref);
        if (m.pos >= oldEnd) m.pos += delta;
        return true;
      });
      if (kept.length) this.mutations.set(name, kept);
      else this.mutations.delete(name);
    }
    const keepRefs = (list: NodeRef[]): NodeRef[] =>
      list.filter((r) => {
        if (touched(r)) return false;
        shift(r);
        return true;
      });
    this.comments = keepRefs(this.comments);
    this.messages = keepRefs(this.messages);
    this.promptArgs = keepRefs(this.promptArgs);
    this.errors = keepRefs(this.errors);
    this.wrapperCalls = keepRefs(this.wrapperCalls);
    this.calls = this.calls.filter((c) => {
      if (touched(c.ref)) return false;
      shift(c.ref);
      return true;
    });
    const droppedSites = new Set<string>();
    for (const [name, list] of this.callSites) {
      const kept = list.filter((r) => {
        if (touched(r)) {
          droppedSites.add(name);
          return false;
        }
        shift(r);
        return true;
      });
      if (kept.length) this.callSites.set(name, kept);
      else this.callSites.delete(name);
    }
    this.loops = this.loops.filter((l) => {
      if (touched(l.ref)) {
        droppedShapes.push({ start: l.ref.start, end: l.ref.end, key: shapeKey(l.ref.start, l.ref.end, l.kind) });
        return false;
      }
      shift(l.ref);
      if (l.bodyStart >= oldEnd) l.bodyStart += delta;
      shift(l.body);
      return true;
    });
    this.scopes = this.scopes.filter((s) => {
      if (touched(s.ref)) {
        droppedShapes.push({ start: s.ref.start, end: s.ref.end, key: shapeKey(s.ref.start, s.ref.end, s.kind) });
        return false;
      }
      shift(s.ref);
      if (s.bodyStart >= oldEnd) s.bodyStart += delta;
      return true;
    });

    const regions = this.regions;
    if (regions) {
      // Statements not indexed yet hold no entries to drop: the ones the query reaches are read whole by it (in new
      // coordinates: they start before the edit or after it); the others only move.
      const covered = regions.cover(queryStart, queryEnd - delta, textLength - delta);
      queryStart = covered.start;
      queryEnd = covered.end + delta;
      regions.shift(start, oldEnd, delta);
      // Call sites not decided yet: the ones in the range are found again by the query, the others move.
      const queryOldEnd = queryEnd - delta;
      for (const unsettled of [this.unsettledSites, this.unsettledCallbacks]) {
        if (!unsettled) continue;
        for (const [name, list] of unsettled) {
          const kept = list.filter((p) => {
            if (p.nameStart >= queryStart && p.nameStart < queryOldEnd) return false;
            if (p.nameStart >= oldEnd) p.nameStart += delta;
            return true;
          });
          if (kept.length) unsettled.set(name, kept);
          else unsettled.delete(name);
        }
      }
      this.version++;
    }

    this.addedNames = new Set();
    this.collect(tree.rootNode, queryStart, Math.max(queryEnd, queryStart + 1));
    this.dedupe(queryStart, Math.max(queryEnd, queryStart + 1));
    this.finishScopes(textLength);
    const addedSites = this.keepCallSites();

    // A name changed when the bindings dropped for it differ from the ones the region query found again.
    const after = new Map<string, string[]>();
    for (const [name, arr] of this.bindings) for (const b of arr) if (b.ref.gen === this.gen) pushTo(after, name, bindingKey(b));
    for (const [name, arr] of this.mutations) for (const m of arr) if (m.ref.gen === this.gen) pushTo(after, name, `mut@${m.pos}`);
    const shiftKey = (k: string): string => {
      const at = k.lastIndexOf('@');
      const pos = Number(k.slice(at + 1));
      return `${k.slice(0, at)}@${pos >= oldEnd ? pos + delta : pos}`;
    };
    const names = new Set<string>();
    // A wrapper's prompts come from its call sites: a call site that changed changes them.
    for (const n of droppedSites) names.add(n);
    for (const n of addedSites) names.add(n);
    for (const name of new Set([...before.keys(), ...after.keys()])) {
      const a = (before.get(name) ?? []).map(shiftKey).sort().join(',');
      const b = (after.get(name) ?? []).sort().join(',');
      if (a === b) continue;
      names.add(name);
      // Which modules the file imports decides some calls (an unresolved `model.generate_content`).
      if (/(^|,)import/.test(a) || /(^|,)import/.test(b)) names.add(IMPORTS);
    }
    // Shapes dropped and not found again, or found and not there before, changed.
    const found = new Set<string>();
    let structure: { start: number; end: number } | null = null;
    const widen = (start: number, end: number): void => {
      structure = structure ? { start: Math.min(structure.start, start), end: Math.max(structure.end, end) } : { start, end };
    };
    for (const sc of this.scopes) if (sc.ref.gen === this.gen) found.add(`${sc.kind}:${sc.ref.start}:${sc.ref.end}`);
    for (const l of this.loops) if (l.ref.gen === this.gen) found.add(`${l.kind}:${l.ref.start}:${l.ref.end}`);
    const dropped = new Set(droppedShapes.map((d) => d.key));
    for (const d of droppedShapes) if (!found.has(d.key)) widen(d.start, d.end);
    const toOld = (o: number): number => (o >= newEnd ? o - delta : Math.min(o, oldEnd));
    for (const sc of this.scopes) if (sc.ref.gen === this.gen && !dropped.has(`${sc.kind}:${sc.ref.start}:${sc.ref.end}`)) widen(toOld(sc.ref.start), toOld(sc.ref.end));
    for (const l of this.loops) if (l.ref.gen === this.gen && !dropped.has(`${l.kind}:${l.ref.start}:${l.ref.end}`)) widen(toOld(l.ref.start), toOld(l.ref.end));
    return { names, structure };
  }

  /** The region query may find constructs that were kept (they only touch the region): keep one of each. */
  private dedupe(start: number, end: number): void {
    const near = (r: NodeRef): boolean => r.start < end && r.end > start;
    const uniq = <T>(list: T[], refOf: (x: T) => NodeRef, key: (x: T) => string): T[] => {
      const seen = new Set<string>();
      return list.filter((x) => {
        if (!near(refOf(x))) return true;
        const k = key(x);
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      });
    };
    const byStart = (a: NodeRef, b: NodeRef): number => a.start - b.start;
    this.comments = uniq(this.comments, (r) => r, (r) => `${r.start}:${r.end}`).sort(byStart);
    this.messages = uniq(this.messages, (r) => r, (r) => `${r.start}:${r.end}`).sort(byStart);
    this.promptArgs = uniq(this.promptArgs, (r) => r, (r) => `${r.start}:${r.end}`).sort(byStart);
    this.errors = uniq(this.errors, (r) => r, (r) => `${r.start}:${r.end}`).sort(byStart);
    this.wrapperCalls = uniq(this.wrapperCalls, (r) => r, (r) => `${r.start}:${r.end}`).sort(byStart);
    this.loops = uniq(this.loops, (l) => l.ref, (l) => `${l.ref.start}:${l.ref.end}:${l.kind}`);
    this.calls = uniq(this.calls, (c) => c.ref, (c) => `${c.ref.start}:${c.ref.end}:${c.name}`);
    this.scopes = uniq(this.scopes, (sc) => sc.ref, (sc) => `${sc.ref.start}:${sc.ref.end}:${sc.kind}`);
    for (const name of this.addedNames ?? this.bindings.keys()) {
      const arr = this.bindings.get(name);
      if (arr) this.bindings.set(name, uniq(arr, (b) => b.ref, (b) => `${b.kind}@${b.pos}:${b.ref.start}`));
    }
    for (const [name, arr] of this.mutations) this.mutations.set(name, uniq(arr, (m) => m.ref, (m) => `${m.pos}`));
  }
}

/** `enumerate(xs)` (Python), `xs.entries()` (JS): pairs of an index and an item. */
function isIndexedIteration(iterable: Node, syntax: LanguageSyntax): boolean {
  const e = syntax.expr(iterable);
  if (e.kind !== 'call') return false;
  const c = syntax.expr(e.callee);
  return syntax.family === 'python' ? c.kind === 'name' && c.name === 'enumerate' : c.kind === 'member' && c.property === 'entries';
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const arr = map.get(key);
  if (arr) arr.push(value);
  else map.set(key, [value]);
}

/**
 * `messages` in `messages.append(x)`, `self.history` in `self.history.append(x)`, `this.msgs` in `this.msgs.push(x)`:
 * the member access's object, read from the source between the access's start and the method name, when it is a
 * plain name or a `self.` / `this.` attribute (anything else, null).
 */
function mutationReceiver(objectStart: number, methodStart: number, syntax: LanguageSyntax): string | null {
  const text = sourceText();
  let end = methodStart;
  // Back over the `.` (or `?.`) and any whitespace before the method name.
  while (end > objectStart && /\s/.test(text[end - 1])) end--;
  if (text[end - 1] !== '.') return null;
  end--;
  if (text[end - 1] === '?') end--;
  while (end > objectStart && /\s/.test(text[end - 1])) end--;
  const object = text.slice(objectStart, end);
  if (/^[A-Za-z_$][\w$]*$/.test(object)) return object;
  // self.history, this.messages, st.session_state.messages, st.session_state["messages"]
  const path = memberPath(object);
  if (!path) return null;
  const root = path.slice(0, path.indexOf('.'));
  return (root === 'self' || root === 'this') && root !== syntax.selfName ? null : path;
}
