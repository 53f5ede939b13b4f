/**
 * Wrapper functions: when a prompt reaches an LLM call through a parameter of the function around it
 * (`def ask(prompt): ...create(messages=[{"content": prompt}])`), the values passed for that parameter at the
 * function's call sites in this file are prompts of that call.
 */
import type { Evaluator } from './evaluate';
import { lastEntry } from './evaluate';
import type { Node } from 'web-tree-sitter';
import { LOOP_METHODS, type NodeRef, type ScopeEntry } from './fileindex';
import type { Item } from './syntax';
import type { PromptReader } from './messages';

export class Wrappers {
  constructor(private readonly ev: Evaluator) {}

  /**
   * Prompts that reach the call through a parameter of the function around it (`def ask(prompt): ...create(...prompt)`):
   * the values passed for that parameter at the function's call sites in this file.
   */
  prompts(reader: PromptReader): void {
    const seen = new Set<string>();
    // A value passed at a call site may itself be a parameter of the function around that site (a builder called
    // from a wrapper): follow it out a few levels.
    for (let level = 0; level < 4 && reader.params.length > 0; level++) this.level(reader, seen);
    reader.params.length = 0;
  }

  private level(reader: PromptReader, seen: Set<string>): void {
    const index = this.ev.index;
    for (const use of reader.params.splice(0)) {
      const r = this.ev.resolve(use.name, use.node);
      if (!r || r.binding.kind !== 'param') continue;
      const fnRef = r.binding.ref;
      // The function runs the request itself (a wrapper): every caller's values reach it. Otherwise it is a builder
      // whose result the request uses (`messages=self.build(q)`): only its calls where the request is made count.
      const wrapper = use.context < 0 || (fnRef.start <= use.context && use.context < fnRef.end);
      const from = wrapper ? null : this.functionAround(use.context);
      const key = `${fnRef.start}:${use.name}:${from ? from.ref.start : 'all'}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const fn = index.node(fnRef);
      const name = this.functionName(fnRef.start);
      if (!fn || !name) continue;
      this.ev.deps.names.push(name);
      const params = index.paramsOf(fn);
      const param = params.find((p) => p.name === use.name);
      if (!param) continue;
      // A method called as self.method(...) does not pass self.
      const shift = params[0] && (params[0].name === 'self' || params[0].name === 'cls') ? 1 : 0;
      for (const { siteRef, args, member } of this.callSitesOf(fnRef, name, from)) {
        const positional = args.filter((a) => a.key === null && !a.spread);
        let arg = args.find((a) => a.key === param.name)?.value;
        if (!arg && param.destructured && positional[0]) {
          const d = this.ev.dict(positional[0].value);
          arg = d ? lastEntry(d.entries, param.name)?.value : undefined;
        }
        if (!arg && param.index >= 0) arg = positional[param.index - (member ? shift : 0)]?.value;
        if (!arg) continue;
        const context = reader.context;
        reader.context = siteRef.start;
        reader.wrapped(arg, use.role);
        reader.context = context;
      }
    }
  }

  /**
   * The calls in this file of the function defined at `fnRef` and named `name` (the first 20), optionally only those
   * inside the function `from`: `name(...)` resolving to it, or `obj.name(...)` when it is a method.
   */
  callSitesOf(fnRef: NodeRef, name: string, from: ScopeEntry | null = null): { site: Node; siteRef: NodeRef; args: Item[]; member: boolean }[] {
    const index = this.ev.index;
    const out: { site: Node; siteRef: NodeRef; args: Item[]; member: boolean }[] = [];
    for (const siteRef of (index.callSitesOf(name) ?? []).slice(0, 20)) {
      if (from && this.functionAround(siteRef.start) !== from) continue;
      const site = index.node(siteRef);
      if (!site) continue;
      this.ev.deps.spans.push(siteRef.start, siteRef.end);
      const e = this.ev.expr(site);
      if (e.kind !== 'call') continue;
      const c = this.ev.expr(e.callee);
      if ((c.kind === 'name' ? c.name : c.kind === 'member' ? c.property : '') !== name) continue; // xs.map(name): see callbackSitesOf
      if (c.kind === 'name') {
        const target = this.ev.resolve(c.name, e.callee);
        if (!target || (target.binding.value?.start !== fnRef.start && target.binding.ref.start !== fnRef.start)) continue;
      } else if (c.kind === 'member') {
        // `obj.name(...)` calls this function only if it is a method (of obj's class, when that is known).
        const method = this.ev.methodOf(e.callee);
        if (method ? method.startIndex !== fnRef.start : index.scopeAt(fnRef.start).kind !== 'class') continue;
      }
      out.push({ site, siteRef, args: e.args, member: c.kind === 'member' });
    }
    return out;
  }

  /**
   * Per-item callback calls that pass the function defined at `fnRef` by its name `name`: `xs.map(name)`,
   * `map(name, xs)`, `executor.map(name, xs)` (the index keeps them among the function's call sites). Each is
   * returned with its method name.
   */
  callbackSitesOf(fnRef: NodeRef, name: string): { site: Node; method: string }[] {
    const index = this.ev.index;
    const out: { site: Node; method: string }[] = [];
    for (const siteRef of (index.callSitesOf(name) ?? []).slice(0, 20)) {
      const site = index.node(siteRef);
      if (!site) continue;
      const e = this.ev.expr(site);
      if (e.kind !== 'call') continue;
      const c = this.ev.expr(e.callee);
      const method = c.kind === 'name' ? c.name : c.kind === 'member' ? c.property : '';
      const first = e.args[0];
      if (method === name || !LOOP_METHODS.has(method) || !first || first.key !== null || first.spread) continue;
      const passed = this.ev.expr(first.value);
      if (passed.kind !== 'name' || passed.name !== name) continue;
      this.ev.deps.spans.push(siteRef.start, siteRef.end);
      const target = this.ev.resolve(name, first.value);
      if (!target || (target.binding.value?.start !== fnRef.start && target.binding.ref.start !== fnRef.start)) continue;
      out.push({ site, method });
    }
    return out;
  }

  /** The function (not a class or the module) whose body holds `pos`, with its name; null at module level. */
  namedFunctionAround(pos: number): { fn: ScopeEntry; name: string } | null {
    const fn = this.functionAround(pos);
    if (fn.kind !== 'function') return null;
    const name = this.functionName(fn.ref.start);
    return name ? { fn, name } : null;
  }

  /** The innermost function (or the module) around a position. */
  private functionAround(pos: number): ScopeEntry {
    let s: ScopeEntry | null = this.ev.index.scopeAt(pos);
    while (s && s.kind !== 'function' && s.kind !== 'module') s = s.parent;
    return s ?? this.ev.index.module;
  }

  private functionNames: Map<number, string> | null = null;
  /** The index version the names were read at (indexing more of the file adds bindings). */
  private functionNamesVersion = -1;

  /** The name of the function defined by the node starting at `start` (a def, or a variable holding an arrow). */
  private functionName(start: number): string | null {
    // The function's own statement must be indexed for its name to be known.
    this.ev.index.ensurePos(start);
    if (!this.functionNames || this.functionNamesVersion !== this.ev.index.version) {
      this.functionNamesVersion = this.ev.index.version;
      this.functionNames = new Map();
      const names = this.functionNames;
      this.ev.index.bindings.forEach((list, name) => {
        for (const b of list) {
          if (b.kind === 'function') names.set(b.ref.start, name);
          else if (b.kind === 'assign' && b.value && !names.has(b.value.start)) names.set(b.value.start, name);
        }
      });
    }
    return this.functionNames.get(start) ?? null;
  }

}
