/**
 * Name resolution by scope: which binding a name refers to at a position. A variable in another function is another
 * variable; the binding that reaches a use is the last one before it in the nearest scope that binds the name.
 */
import type { BindingEntry, FileIndex, ScopeEntry } from './fileindex';

export interface Resolution {
  binding: BindingEntry;
  /** `name += ...` between the binding and the use, in order. */
  augments: BindingEntry[];
}

/** The bindings of `name` that belong to scope `s`. */
function inScope(index: FileIndex, list: BindingEntry[], s: ScopeEntry): BindingEntry[] {
  return list.filter((b) => index.scopeOf(b) === s);
}

/** True when `inner` is a function/lambda nested (at any depth) inside scope `outer`. */
function crossesFunction(inner: ScopeEntry, outer: ScopeEntry): boolean {
  for (let s: ScopeEntry | null = inner; s && s !== outer; s = s.parent) if (s.kind === 'function' || s.kind === 'class') return true;
  return false;
}

/** The index of the first binding at or after `pos` in a list sorted by position. */
function firstAtOrAfter(list: BindingEntry[], pos: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].pos < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function resolveName(index: FileIndex, name: string, pos: number): Resolution | null {
  index.ensureParamsAround(pos);
  // The scopes around the use lie in its own statement, indexed by now: the rest of the file is needed only when the
  // search reaches the module.
  let list = index.localBindingsOf(name) ?? [];
  const useScope = index.scopeAt(pos);
  const python = index.syntax.family === 'python';
  for (let s: ScopeEntry | null = useScope; s; s = s.parent) {
    // A class body's names (Python attributes, methods in both languages) are not visible inside its methods.
    if (s.kind === 'class' && (s !== useScope || !python)) continue;
    if (s === index.module) list = index.bindingsOf(name) ?? [];
    if (list.length === 0) continue;
    // The last binding before the use. A nested function runs later, so from there (and for names used before they
    // are bound: hoisting, loops) the last binding in the scope is the one that reaches it.
    const crosses = crossesFunction(useScope, s);
    let chosen: BindingEntry | undefined;
    let last: BindingEntry | undefined;
    let any = false;
    // Only the bindings positioned inside the scope can belong to it (the list is sorted by position).
    const lo = s === index.module ? 0 : firstAtOrAfter(list, s.bodyStart);
    const hi = s === index.module ? list.length : firstAtOrAfter(list, s.ref.end);
    for (let i = lo; i < hi; i++) {
      const b = list[i];
      if (index.scopeOf(b) !== s) continue;
      any = true;
      if (b.kind === 'augment') continue;
      last = b;
      if (!crosses && b.pos < pos) chosen = b;
    }
    if (!any) continue;
    chosen ??= last;
    if (!chosen) return null;
    const from = chosen.pos;
    const until = crosses ? Infinity : pos;
    const augments: BindingEntry[] = [];
    for (let i = lo; i < hi; i++) {
      const b = list[i];
      if (b.kind === 'augment' && b.pos > from && b.pos < until && index.scopeOf(b) === s) augments.push(b);
    }
    return { binding: chosen, augments };
  }
  return null;
}

/** `self.x` / `this.x`: the attribute assigned anywhere in the enclosing class (usually its constructor). */
export function resolveSelfAttribute(index: FileIndex, attr: string, pos: number): Resolution | null {
  const self = index.syntax.selfName;
  const cls = enclosingClass(index, pos);
  if (!cls) return null;
  const list = index.localBindingsOf(`${self}.${attr}`) ?? [];
  const here = inScope(index, list, cls).filter((b) => b.kind !== 'augment');
  if (here.length > 0) {
    const before = here.filter((b) => b.pos < pos);
    const chosen = before.length > 0 ? before[before.length - 1] : here[here.length - 1];
    return { binding: chosen, augments: [] };
  }
  // A class attribute (`SYSTEM_PROMPT = "..."` in the class body) read through self.
  return resolveClassAttribute(index, cls, attr);
}

/**
 * A value stored under a dotted path (`st.session_state.messages = [...]`): the last assignment to the path before
 * `pos` anywhere in the file (such state outlives the function that set it), else the last one after it.
 */
export function resolvePath(index: FileIndex, path: string, pos: number): Resolution | null {
  const list = index.bindingsOf(path);
  if (!list) return null;
  let before: BindingEntry | null = null;
  let after: BindingEntry | null = null;
  for (const b of list) {
    if (b.kind !== 'assign') continue;
    if (b.pos < pos) before = b;
    else after = b;
  }
  const chosen = before ?? after;
  return chosen ? { binding: chosen, augments: [] } : null;
}

/** `Cls.ATTR` or `self.ATTR` for a name bound directly in a class body. */
export function resolveClassAttribute(index: FileIndex, cls: ScopeEntry, attr: string): Resolution | null {
  const list = index.localBindingsOf(attr) ?? [];
  const here = inScope(index, list, cls).filter((b) => b.kind === 'assign');
  return here.length > 0 ? { binding: here[here.length - 1], augments: [] } : null;
}

/** The class whose body encloses `pos`, if any. */
export function enclosingClass(index: FileIndex, pos: number): ScopeEntry | null {
  let cls: ScopeEntry | null = index.scopeAt(pos);
  while (cls && cls.kind !== 'class') cls = cls.parent;
  return cls;
}

/** The method `name` defined directly in the body of class `cls` (the last one, as the class ends up with). */
export function resolveMethod(index: FileIndex, cls: ScopeEntry, name: string): BindingEntry | null {
  const list = index.localBindingsOf(name);
  if (!list) return null;
  for (let i = list.length - 1; i >= 0; i--) if (list[i].kind === 'function' && index.scopeOf(list[i]) === cls) return list[i];
  return null;
}

/** The scope entry of a class definition node's binding. */
export function classScopeOf(index: FileIndex, classBinding: BindingEntry): ScopeEntry | null {
  return index.scopes.find((s) => s.kind === 'class' && s.ref.start === classBinding.ref.start) ?? null;
}
