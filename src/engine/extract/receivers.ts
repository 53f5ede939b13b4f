/**
 * What an object a call is made on was made from: a client constructor (which provider, which base URL), or settings
 * carriers (a Gemini GenerativeModel, a LangChain chat model or prompt template, a `prompt | llm` chain). Shared by the
 * call-site model; memoized per pass.
 */
import type { Node } from 'web-tree-sitter';
import type { Provider } from '../model';
import type { Evaluator, Memo } from './evaluate';
import { lastEntry } from './evaluate';
import { IMPORTS } from './fileindex';
import { CLIENTS, CONFIGURATORS, type ConfiguratorSpec } from './providers';
import type { Item } from './syntax';

/** Callee segments that only wrap an API (`client.beta.chat...`, `with_raw_response`), skipped when matching paths. */
const NOISE = new Set(['beta', 'with_raw_response', 'with_streaming_response', 'aio', 'asyncio', 'v1', 'v2']);
/** LangChain/Runnable methods that return the same model with options: the model's settings still apply. */
const PASSTHROUGH = new Set([
  'with_structured_output', 'withStructuredOutput', 'bind_tools', 'bindTools', 'bind', 'with_config', 'withConfig', 'with_retry', 'withRetry',
  'with_fallbacks', 'withFallbacks', 'configurable_fields', 'configurable_alternatives', 'with_types',
]);

export interface ClientInfo {
  provider: Provider;
}

export interface Receiver {
  client: ClientInfo | null;
  /** Settings carriers, outermost first (a GenerativeModel before the chat it started). */
  configurators: { spec: ConfiguratorSpec; call: Node }[];
}

/** True when the callee segments before the method end with `path` (wrappers like `beta` skipped). */
export function pathMatches(before: string[], path: string[] | undefined): boolean {
  if (!path || path.length === 0) return true;
  const segs = before.filter((s) => !NOISE.has(s));
  if (segs.length < path.length) return false;
  for (let i = 0; i < path.length; i++) if (segs[segs.length - path.length + i] !== path[i]) return false;
  return true;
}

/** API hosts (the host or a parent domain of it) and the provider that serves them. */
const API_HOSTS: [string, Provider][] = [
  ['api.openai.com', 'openai'],
  ['openai.azure.com', 'openai'],
  ['api.anthropic.com', 'anthropic'],
  ['generativelanguage.googleapis.com', 'google'],
  ['aiplatform.googleapis.com', 'google'],
  ['api.deepseek.com', 'deepseek'],
  ['api.mistral.ai', 'mistral'],
  ['api.cohere.ai', 'cohere'],
  ['api.cohere.com', 'cohere'],
  ['api.x.ai', 'xai'],
  ['api.groq.com', 'groq'],
  ['openrouter.ai', 'openrouter'],
  ['api.together.xyz', 'together'],
  ['api.together.ai', 'together'],
];

/**
 * The provider an OpenAI-compatible base URL points at, by its host (`https://api.groq.com/openai/v1` is Groq's, not
 * OpenAI's). 'unknown' for any other host (a local server such as Ollama at localhost:11434, a proxy, a host only
 * known at run time): the caller then goes by the model's name.
 */
export function providerOfBaseUrl(url: string): Provider {
  const host = /^\s*(?:[a-z][a-z0-9+.-]*:)?\/\/([^/?#:\s]+)/i.exec(url)?.[1]?.toLowerCase() ?? '';
  if (!host) return 'unknown';
  for (const [suffix, provider] of API_HOSTS) {
    if (host === suffix || host.endsWith(`.${suffix}`) || (suffix === 'aiplatform.googleapis.com' && host.endsWith(`-${suffix}`))) return provider;
  }
  return 'unknown';
}

export class Receivers {
  constructor(private readonly ev: Evaluator) {}

  // ---------------------------------------------------------------- imports

  /** Where a name comes from: `google.genai` for `from google import genai`, `openai` for `import OpenAI from 'openai'`. */
  private importPath(name: string, at: Node): string | null {
    const r = this.ev.resolve(name, at);
    const info = r?.binding.import;
    if (!info) return null;
    if (this.ev.syntax.family === 'python' && info.imported !== '*') return `${info.module}.${info.imported}`;
    return info.module;
  }

  private fromModule(path: string | null, modules: string[]): boolean {
    if (!path) return false;
    return modules.some((m) => path === m || path.startsWith(m.endsWith('/') ? m : `${m}.`) || path.startsWith(`${m}/`) || (m.endsWith('/') && path.startsWith(m)));
  }

  fileImports(modules: string[]): boolean {
    this.ev.deps.names.push(IMPORTS);
    for (const m of this.ev.index.modules) if (this.fromModule(m, modules) || modules.some((x) => x.startsWith(`${m}.`))) return true;
    return false;
  }

  /** The import path of a callee's root name (`genai` in `genai.Client`). */
  private calleeImport(callee: Node): string | null {
    const chain = this.ev.chain(callee);
    const root = chain.segments[0];
    if (!root || this.ev.expr(chain.root).kind !== 'name') return null;
    return this.importPath(root, chain.root);
  }

  // ---------------------------------------------------------------- receivers

  /** What an object was made from: a client constructor, configurators (GenerativeModel, ChatOpenAI, prompt | llm). */
  private readonly receivers = new Map<number, Memo<Receiver>>();

  receiver(node: Node, depth = 0): Receiver {
    if (depth > 12) return { client: null, configurators: [] };
    // Memoized by what the name resolves to, so every call on the same `client` shares one answer.
    const target = this.ev.resolveValue(node)?.node ?? node;
    return this.ev.memo(this.receivers, target, () => this.receiverNow(target, depth));
  }

  private receiverNow(target: Node, depth: number): Receiver {
    const out: Receiver = { client: null, configurators: [] };
    const e = this.ev.expr(target);
    if (e.kind === 'binary' && e.op === '|') {
      this.merge(out, this.receiver(e.left, depth + 1));
      this.merge(out, this.receiver(e.right, depth + 1));
      return out;
    }
    if (e.kind !== 'call') return out;
    const chain = this.ev.chain(e.callee);
    const name = chain.segments[chain.segments.length - 1] ?? '';
    const before = chain.segments.slice(0, -1);
    const calleeObject = this.calleeObject(e.callee);

    const client = this.clientSpecOf(name, e.callee);
    if (client) {
      const baseUrl = e.args.find((a) => a.key === 'base_url' || a.key === 'baseURL' || a.key === 'baseUrl');
      const options = this.ev.syntax.family === 'javascript' && e.args[0] ? this.ev.dict(e.args[0].value) : null;
      const jsBase = options ? (lastEntry(options.entries, 'baseURL') ?? lastEntry(options.entries, 'baseUrl')) : undefined;
      const urlNode = baseUrl?.value ?? jsBase?.value;
      const url = urlNode ? this.ev.text(urlNode) : null;
      out.client = { provider: url && url.literals.length > 0 ? providerOfBaseUrl(url.text) : client.provider };
      return out;
    }
    const conf = this.configuratorSpecOf(name, before, e.callee, calleeObject, depth);
    if (conf) {
      if (conf.on && calleeObject) this.merge(out, this.receiver(calleeObject, depth + 1));
      out.configurators.push({ spec: conf, call: target });
      if (conf.kind === 'langchain-chain') {
        // Whatever the chain was built from: llm=..., prompt=..., positional models/prompts/chains, JS option objects,
        // and the `prompt` inside chain_type_kwargs.
        const parts: Item[] = [];
        for (const a of e.args) {
          if (a.spread) continue;
          const d = this.ev.expr(this.ev.resolveValue(a.value)?.node ?? a.value).kind === 'dict' ? this.ev.dict(a.value) : null;
          if (d) parts.push(...d.entries.filter((x) => !x.spread));
          else parts.push(a);
        }
        for (const a of parts) {
          const d = a.key === 'chain_type_kwargs' || a.key === 'combine_docs_chain_kwargs' ? this.ev.dict(a.value) : null;
          for (const x of d ? d.entries : [a]) if (!x.spread) this.merge(out, this.receiver(x.value, depth + 1));
        }
      }
      return out;
    }
    if (PASSTHROUGH.has(name) && calleeObject) return this.receiver(calleeObject, depth + 1);
    if (name === 'pipe' && calleeObject) {
      this.merge(out, this.receiver(calleeObject, depth + 1));
      for (const a of e.args) if (!a.spread) this.merge(out, this.receiver(a.value, depth + 1));
      return out;
    }
    if ((name === 'from' || name === 'from_') && before[before.length - 1] === 'RunnableSequence' && e.args[0]) {
      const list = this.ev.list(e.args[0].value);
      for (const item of list?.items ?? []) if (!item.spread) this.merge(out, this.receiver(item.value, depth + 1));
      return out;
    }
    return out;
  }

  private merge(into: Receiver, from: Receiver): void {
    into.client ??= from.client;
    into.configurators.push(...from.configurators);
  }

  calleeObject(callee: Node): Node | null {
    const e = this.ev.expr(callee);
    if (e.kind === 'member') return e.object;
    if (e.kind === 'wrap') return this.calleeObject(e.inner);
    return null;
  }

  private clientSpecOf(name: string, callee: Node): { provider: Provider } | null {
    for (const c of CLIENTS) {
      if (!c.names.includes(name)) continue;
      const path = this.calleeImport(callee);
      if (path) {
        if (c.modules && !this.fromModule(path, c.modules) && !c.modules.some((m) => path.startsWith(m))) continue;
        return c;
      }
      // Not imported in this file (a snippet): only unambiguous names.
      if (name !== 'Client' && name !== 'AsyncClient') return c;
    }
    return null;
  }

  private configuratorSpecOf(name: string, before: string[], callee: Node, calleeObject: Node | null, depth: number): ConfiguratorSpec | null {
    for (const c of CONFIGURATORS) {
      if (!c.names.includes(name) || !pathMatches(before, c.path)) continue;
      if (c.modules) {
        const path = this.calleeImport(callee);
        if (!path || !this.fromModule(path, c.modules)) continue;
      }
      if (c.on) {
        const r = calleeObject ? this.receiver(calleeObject, depth + 1) : null;
        const kinds = new Set(r?.configurators.map((x) => x.spec.kind));
        if (!c.on.some((k) => kinds.has(k)) && (r?.client || r?.configurators.length)) continue;
      }
      return c;
    }
    return null;
  }

  /** The configurator a call makes, if it is one (for prompts that reach no call in this file). */
  configuratorOf(callNode: Node): ConfiguratorSpec | null {
    const e = this.ev.expr(callNode);
    if (e.kind !== 'call') return null;
    const chain = this.ev.chain(e.callee);
    const name = chain.segments[chain.segments.length - 1] ?? '';
    return this.configuratorSpecOf(name, chain.segments.slice(0, -1), e.callee, this.calleeObject(e.callee), 0);
  }

}
