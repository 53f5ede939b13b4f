/**
 * Wrapper functions: when a prompt reaches an LLM call through a parameter of the function around it
 * (`def ask(prompt): ...create(messages=[{"content": prompt}])`), the values passed for that parameter at the
 * function's call sites in this file are prompts of that call.
 */
import type { Evaluator } from './evaluate';
import { lastEntry } from './evaluate';
import type { PromptReader } from './messages';

export class Wrappers {
  constructor(private readonly ev: Evaluator) {}

  /**
   * Prompts that reach the call through a parameter of the function around it (`def ask(prompt): ...create(...prompt)`):
   * the values passed for that parameter at the function's call sites in this file.
   */
  prompts(reader: PromptReader): void {
    const index = this.ev.index;
    const seen = new Set<string>();
    for (const use of reader.params.splice(0)) {
      const r = this.ev.resolve(use.name, use.node);
      if (!r || r.binding.kind !== 'param') continue;
      const fnRef = r.binding.ref;
      const key = `${fnRef.start}:${use.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const fn = index.node(fnRef);
      const name = this.functionName(fnRef.start);
      if (!fn || !name) continue;
      this.ev.deps.names.push(name);
      const params = this.ev.syntax.params(fn);
      const param = params.find((p) => p.name === use.name);
      if (!param) continue;
      // A method called as self.method(...) does not pass self.
      const shift = params[0] && (params[0].name === 'self' || params[0].name === 'cls') ? 1 : 0;
      for (const siteRef of (index.callSites.get(name) ?? []).slice(0, 20)) {
        const site = index.node(siteRef);
        if (!site) continue;
        this.ev.deps.spans.push(siteRef.start, siteRef.end);
        const e = this.ev.expr(site);
        if (e.kind !== 'call') continue;
        const c = this.ev.expr(e.callee);
        if (c.kind === 'name') {
          const target = this.ev.resolve(c.name, e.callee);
          if (!target || (target.binding.value?.start !== fnRef.start && target.binding.ref.start !== fnRef.start)) continue;
        }
        const positional = e.args.filter((a) => a.key === null && !a.spread);
        let arg = e.args.find((a) => a.key === param.name)?.value;
        if (!arg && param.destructured && positional[0]) {
          const d = this.ev.dict(positional[0].value);
          arg = d ? lastEntry(d.entries, param.name)?.value : undefined;
        }
        if (!arg && param.index >= 0) arg = positional[param.index - (c.kind === 'member' ? shift : 0)]?.value;
        if (arg) reader.wrapped(arg, use.role);
      }
    }
  }

  private functionNames: Map<number, string> | null = null;

  /** The name of the function defined by the node starting at `start` (a def, or a variable holding an arrow). */
  private functionName(start: number): string | null {
    if (!this.functionNames) {
      this.functionNames = new Map();
      for (const [name, list] of this.ev.index.bindings) {
        for (const b of list) {
          if (b.kind === 'function') this.functionNames.set(b.ref.start, name);
          else if (b.kind === 'assign' && b.value && !this.functionNames.has(b.value.start)) this.functionNames.set(b.value.start, name);
        }
      }
    }
    return this.functionNames.get(start) ?? null;
  }

}
