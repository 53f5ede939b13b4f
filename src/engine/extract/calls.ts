/**
 * The call-site model shared by every language: decides whether a call is an LLM API call (by the API method and,
 * where the name alone is ambiguous, by what the receiver was made from), then fills in provider, model, max tokens,
 * prompts, loop, cache control, argument ranges and the insertion point from the provider tables.
 */
import type { Node } from 'web-tree-sitter';
import type { CallSite, LoopKind, MaxTokensRef, ModelRef, Pos, Prompt, Provider, Range } from '../model';
import type { Evaluator, TextValue } from './evaluate';
import { lastEntry } from './evaluate';
import { endOf, named, typeOf } from './nodes';
import { PROVIDER_OPTION_KEYS, PromptReader, type ParamUse, type PromptDraft } from './messages';
import { pathMatches, providerOfBaseUrl, Receivers, type Receiver } from './receivers';
import { Wrappers } from './wrappers';
import { isRetryLoop } from './retry';
import type { RecoveredCall } from './recover';
import { APIS, HTTP_METHODS, endpointOf, modelInUrl, type ApiSpec, type ConfiguratorSpec, type FieldKind, type RequestSpec } from './providers';
import type { Item } from './syntax';

export type { Receiver };

export interface ApiMatch {
  spec: ApiSpec;
  method: string;
  receiver: Receiver;
  nameNode: Node;
  /** A raw HTTP request: the JSON body, and the URL it is sent to. */
  http?: { body: Node | null; url: TextValue };
}

export interface BuiltCall {
  site: CallSite;
  /** The document offset of site.insertAt. */
  insertAtOffset: number | null;
  /** Parameters of the enclosing function that reach a prompt unresolved (for wrapper call sites). */
  params: ParamUse[];
}

/** `claude-...` -> anthropic. Used when the client cannot be resolved (OpenAI-compatible APIs). */
export function providerOfModel(model: string): Provider | null {
  const m = model.toLowerCase().replace(/^models\//, '');
  if (m.startsWith('claude')) return 'anthropic';
  if (m.startsWith('gemini') || m.startsWith('gemma')) return 'google';
  if (m.startsWith('deepseek')) return 'deepseek';
  if (/^(mistral|mixtral|codestral|ministral|pixtral|open-mistral)/.test(m)) return 'mistral';
  if (m.startsWith('command')) return 'cohere';
  if (/^(gpt|o\d|chatgpt|text-|davinci|babbage)/.test(m)) return 'openai';
  return null;
}

/** Methods that fill in a LangChain prompt template and return what is sent (messages or a prompt value). */
const TEMPLATE_FORMATTERS = new Set([
  'format_messages', 'aformat_messages', 'formatMessages', 'format_prompt', 'aformat_prompt', 'formatPromptValue', 'invoke', 'ainvoke', 'format',
  'to_messages', 'toChatMessages', 'to_string', 'toString',
]);
/** Methods of a formatted prompt value that convert it (`format_prompt(...).to_messages()`). */
const TEMPLATE_CONVERTERS = new Set(['to_messages', 'toChatMessages', 'to_string', 'toString']);

const hasPlaceholder = (v: TextValue): boolean => v.templated && /[{}]/.test(v.text);

export class CallModel {
  readonly receivers: Receivers;
  private readonly wrappers: Wrappers;

  constructor(private readonly ev: Evaluator) {
    this.receivers = new Receivers(ev);
    this.wrappers = new Wrappers(ev);
  }

  /** Reads the values passed at the enclosing functions' call sites for the parameters a reader noted. */
  parameterPrompts(reader: PromptReader): void {
    this.wrappers.prompts(reader);
  }

  /** The configurator a call makes, if it is one (for prompts that reach no call in this file). */
  configuratorOf(callNode: Node): ConfiguratorSpec | null {
    return this.receivers.configuratorOf(callNode);
  }

  // ---------------------------------------------------------------- identification

  /** Decides whether a call is an LLM API call; null when it is not. */
  identify(callNode: Node): ApiMatch | null {
    const e = this.ev.expr(callNode);
    if (e.kind !== 'call' || e.isNew) return null;
    return this.identifyCallee(e);
  }

  /** As identify, from a callee and its arguments (also a half-typed call read out of a syntax error). */
  identifyCallee(e: { callee: Node; args: Item[] }): ApiMatch | null {
    const chain = this.ev.chain(e.callee);
    const method = chain.segments[chain.segments.length - 1];
    if (!method) return null;
    const before = chain.segments.slice(0, -1);
    const calleeObject = this.receivers.calleeObject(e.callee);
    const nameNode = this.nameNode(e.callee);
    if (!nameNode) return null;
    // A function or method defined in this file wins over the SDK method tables (`def chat(messages)`, `run(...)`,
    // `self.generate_content(...)`): its call sites are wrapper call sites, and the API call is the one inside it.
    if (chain.segments.length <= 2 && (this.ev.functionOf(e.callee) || this.ev.methodOf(e.callee))) return null;
    if (HTTP_METHODS.has(method)) {
      const http = this.httpRequest(e.args, method, !!calleeObject);
      if (http) return { ...http, method, receiver: { client: null, configurators: [] }, nameNode };
    }
    for (const spec of APIS) {
      if (!spec.methods.includes(method)) continue;
      if (spec.functionOf) {
        // generateText(...) imported from 'ai'; or ai.generateText(...) / litellm.completion(...) on the module itself
        const fromModule = calleeObject ? chain.segments.length === 2 && this.isModule(chain.segments[0], chain.root, spec.functionOf) : this.isFunctionFrom(method, e.callee, spec.functionOf);
        if (!fromModule) continue;
        return { spec, method, receiver: { client: null, configurators: [] }, nameNode };
      }
      if (!calleeObject) continue;
      if (!pathMatches(before, spec.path)) continue;
      if (spec.on) {
        const receiver = this.receivers.receiver(calleeObject);
        const kinds = new Set(receiver.configurators.map((c) => c.spec.kind));
        if (spec.on.some((k) => kinds.has(k))) return { spec, method, receiver, nameNode };
        if (receiver.client || receiver.configurators.length > 0) continue;
        if (spec.modules && this.receivers.fileImports(spec.modules) && this.looksLikeModelObject(calleeObject)) {
          return { spec, method, receiver, nameNode };
        }
        continue;
      }
      const receiver = this.receivers.receiver(chain.root);
      if (spec.client) {
        if (receiver.client?.provider === spec.client) return { spec, method, receiver, nameNode };
        if (!receiver.client && spec.modules && this.receivers.fileImports(spec.modules)) return { spec, method, receiver, nameNode };
        continue;
      }
      return { spec, method, receiver, nameNode };
    }
    // llm("...") / chat(messages): calling a LangChain chat model object directly.
    if (!calleeObject && this.ev.expr(e.callee).kind === 'name') {
      const receiver = this.receivers.receiver(e.callee);
      if (receiver.configurators.some((c) => c.spec.kind === 'langchain-model')) {
        const spec = APIS.find((a) => a.provider === 'langchain');
        if (spec) return { spec, method: 'invoke', receiver, nameNode };
      }
    }
    return null;
  }

  /**
   * `requests.post(URL, json=body)`, `fetch(URL, { body: JSON.stringify(body) })`, `axios.post(URL, body)`: a request to
   * a provider endpoint, known by its URL.
   */
  private httpRequest(args: Item[], method: string, onObject: boolean): { spec: ApiSpec; http: { body: Node | null; url: TextValue } } | null {
    if (method === 'fetch' && onObject) return null;
    const positional = args.filter((a) => a.key === null && !a.spread);
    const urlNode = args.find((a) => a.key === 'url')?.value ?? positional[0]?.value;
    if (!urlNode) return null;
    const url = this.ev.text(urlNode);
    if (!url || url.literals.length === 0) return null;
    const endpoint = endpointOf(url.text);
    if (!endpoint) return null;
    let body: Node | null = null;
    if (this.ev.syntax.family === 'python') {
      // json=body, or data=json.dumps(body)
      body = args.find((a) => a.key === 'json')?.value ?? this.unstringify(args.find((a) => a.key === 'data')?.value ?? null);
    } else if (method === 'fetch' || method === 'request') {
      const options = positional[1] ? this.ev.dict(positional[1].value) : null;
      body = this.unstringify(options ? (lastEntry(options.entries, 'body')?.value ?? null) : null);
      if (!body && options) body = lastEntry(options.entries, 'data')?.value ?? null;
    } else {
      body = positional[1]?.value ?? null; // axios.post(url, data)
    }
    const host = url.text.toLowerCase();
    const byHost = providerOfBaseUrl(host);
    const provider = byHost === 'unknown' ? endpoint.provider : byHost;
    return { spec: { provider, api: endpoint.api, methods: [method], request: endpoint.request }, http: { body, url } };
  }

  /** `json.dumps(x)` / `JSON.stringify(x)`: x. */
  private unstringify(node: Node | null): Node | null {
    if (!node) return null;
    const r = this.ev.resolveValue(node);
    const target = r?.node ?? node;
    const e = this.ev.expr(target);
    if (e.kind !== 'call') return target;
    const chain = this.ev.chain(e.callee).segments.join('.');
    if (chain === 'json.dumps' || chain === 'JSON.stringify') return e.args[0]?.value ?? null;
    return target;
  }

  /** An unresolved receiver named like a model or chat session (`self.model`, `chat`, `gemini`). */
  private looksLikeModelObject(node: Node): boolean {
    const last = this.ev.chain(node).segments.pop() ?? '';
    return /model|chat|gemini|llm|session|convo|conversation|client|chain|agent/i.test(last);
  }

  /** `litellm` in `litellm.completion(...)`, `ai` in `import * as ai from 'ai'`: a name bound to one of the modules. */
  private isModule(name: string, at: Node, modules: string[]): boolean {
    const r = this.ev.resolve(name, at);
    // A snippet or notebook cell whose `import litellm` is elsewhere: the module's own name, bound to nothing here.
    if (!r) return modules.includes(name);
    const info = r.binding.import;
    return !!info && (info.imported === '*' || info.imported === 'default') && modules.includes(info.module);
  }

  private isFunctionFrom(name: string, callee: Node, modules: string[]): boolean {
    const r = this.ev.resolve(name, callee);
    if (!r) return true; // a snippet without its import
    const info = r.binding.import;
    return !!info && modules.includes(info.module);
  }

  /** The node of the API method's name (what the call's line is). */
  private nameNode(callee: Node): Node | null {
    const e = this.ev.expr(callee);
    if (e.kind === 'member') {
      const c = named(callee);
      return c[c.length - 1] ?? callee;
    }
    if (e.kind === 'wrap') return this.nameNode(e.inner);
    return callee;
  }

  // ---------------------------------------------------------------- building

  build(callNode: Node, match: ApiMatch): BuiltCall {
    const reader = new PromptReader(this.ev);
    reader.context = callNode.startIndex;
    const state: RequestState = { model: null, maxTokens: null, argsResolved: true, reader, fromConfigurator: false };
    this.applyConfigurators(match, state);
    const args: Record<string, Range> = {};
    let insertAtOffset: number | null = null;
    if (match.http) {
      // The request body of a raw HTTP call; a Gemini REST URL also names the model.
      const body = match.http.body ? this.ev.dict(match.http.body) : null;
      if (body) {
        this.applyFields(body.entries.filter((x) => !x.spread), match.spec.request, state);
        if (!body.complete) state.argsResolved = false;
      } else state.argsResolved = false;
      const inUrl = modelInUrl(match.http.url.text);
      if (!state.model && inUrl) state.model = { value: inUrl, range: this.ev.range(match.http.url.literals[0]), source: match.http.url.source };
    } else insertAtOffset = this.applyRequest(callNode, match.spec.request, state, args);

    const insertAt = insertAtOffset === null ? null : this.ev.index.lines.positionAt(insertAtOffset);
    const site = this.siteOf(match, state, this.ev.range(callNode), callNode, args, insertAt);
    return { site, params: reader.params, insertAtOffset };
  }

  /**
   * The call site once its request is read (a call read whole, or one read out of a syntax error): what the request
   * gave, the prompts (parameters that flow into them followed to the wrapper's call sites), and the loop around it.
   */
  private siteOf(match: ApiMatch, state: RequestState, range: Range, at: Node, args: Record<string, Range>, insertAt: Pos | null): CallSite {
    const reader = state.reader;
    if (reader.params.length > 0) this.wrappers.prompts(reader);
    return {
      range,
      nameRange: this.ev.range(match.nameNode),
      provider: this.providerOf(match, state),
      api: match.spec.api.replace('{method}', match.method),
      model: state.model,
      maxTokens: state.maxTokens,
      prompts: toPrompts(reader.drafts, (n) => this.ev.range(n)),
      argsResolved: state.argsResolved,
      loop: this.loopOf(at),
      cacheControl: reader.cacheControl,
      args,
      insertAt,
    };
  }

  /** Applies the requests of the calls that configured the receiver (a client's defaults, a LangChain template). */
  private applyConfigurators(match: ApiMatch, state: RequestState): void {
    for (const c of match.receiver.configurators) {
      state.fromConfigurator = true;
      const from = state.reader.drafts.length;
      this.applyRequest(c.call, c.spec.request, state, null);
      if (c.spec.kind === 'langchain-prompt') state.reader.markTemplates(from);
    }
    state.fromConfigurator = false;
  }

  /** The provider: the API's, or for OpenAI-compatible APIs the client's base URL or the model's family. */
  private providerOf(match: ApiMatch, state: RequestState): Provider {
    let provider: Provider = match.spec.provider;
    if (provider === 'openai' || provider === 'unknown') {
      // An LLM object of a framework that says whose model it wraps (LlamaIndex's OpenAI, Anthropic...).
      const made = match.receiver.configurators.find((c) => c.spec.provider !== 'unknown' && c.spec.provider !== 'langchain');
      const client = match.receiver.client;
      if (client && client.provider !== 'unknown') provider = client.provider;
      // A client pointed at a host that names no provider (a local server, a proxy): whoever the model name says, if it does.
      else if (client) provider = (state.model && providerOfModel(state.model.value)) ?? 'unknown';
      else if (made) provider = made.spec.provider;
      else if (state.model) provider = providerOfModel(state.model.value) ?? provider;
    }
    if (match.spec.api === 'completions.create' && (state.maxTokens?.key === 'max_tokens_to_sample' || match.receiver.client?.provider === 'anthropic')) {
      provider = 'anthropic';
    }
    return provider;
  }

  /**
   * A half-typed call read out of a syntax error: its complete arguments as usual, and from the argument being typed
   * whatever is readable (message dicts, possibly with their braces still open; a string or a number).
   */
  buildRecovered(rc: RecoveredCall, match: ApiMatch): BuiltCall {
    const reader = new PromptReader(this.ev);
    reader.context = rc.callee.startIndex;
    const state: RequestState = { model: null, maxTokens: null, argsResolved: false, reader, fromConfigurator: false };
    this.applyConfigurators(match, state);
    const spec = match.spec.request;
    const args: Record<string, Range> = {};
    const fields: Item[] = [];
    let index = 0;
    for (const a of rc.args) {
      if (a.spread) continue;
      if (a.key !== null) {
        fields.push(a);
        args[a.key] = this.ev.range(a.value);
        continue;
      }
      const key = spec.positional?.[index++];
      if (key) fields.push({ ...a, key });
    }
    this.applyFields(fields, spec, state);
    for (const b of rc.broken) {
      const kind = spec.fields[b.key];
      if (!kind) continue;
      const role = typeof kind === 'object' && 'text' in kind ? kind.text : 'user';
      if (kind === 'model' || kind === 'modelFactory' || kind === 'maxTokens' || (typeof kind === 'object' && 'text' in kind)) {
        for (const v of b.values.slice(0, 1)) this.applyField(b.key, v, kind, state);
      } else {
        for (const v of b.values) reader.textOrBlocks(v, role);
      }
      for (const m of b.messages) {
        if (Array.isArray(m)) reader.messageEntries(m, role);
        else reader.message(m, role);
      }
    }
    const site = this.siteOf(match, state, this.ev.index.lines.range(rc.callee.startIndex, rc.end), rc.callee, args, null);
    return { site, params: reader.params, insertAtOffset: null };
  }

  /**
   * Applies a request's arguments (a call's, or a configurator's) to the state. Returns the offset where new named
   * arguments go (just inside the closing bracket) when `args` is given (the API call itself).
   */
  private applyRequest(callNode: Node, spec: RequestSpec, state: RequestState, args: Record<string, Range> | null): number | null {
    const e = this.ev.expr(callNode);
    if (e.kind !== 'call') return null;
    const fields: Item[] = [];
    let insertAt: number | null = null;
    const python = this.ev.syntax.family === 'python';
    if (python) {
      let index = 0;
      for (const a of e.args) {
        if (a.spread) {
          // **params: read the dict it names when it is in this file.
          const d = this.ev.dict(a.value);
          if (d) {
            fields.push(...d.entries.filter((x) => !x.spread));
            if (!d.complete) state.argsResolved = false;
          } else if (!this.ev.list(a.value)) state.argsResolved = false;
          continue;
        }
        if (a.key !== null) {
          fields.push(a);
          if (args) args[a.key] = this.ev.range(a.value);
        } else {
          const key = spec.positional?.[index];
          if (key) fields.push({ ...a, key });
          index++;
        }
      }
      const list = e.argsNode;
      if (args && list && typeOf(list) === 'argument_list') insertAt = endOf(list) - 1;
    } else {
      const positional = e.args.filter((a) => !a.spread);
      const first = positional[0];
      const options = first ? this.ev.dict(first.value) : null;
      const isOptions = !!options && (!spec.positional || options.entries.some((x) => x.key !== null && x.key in spec.fields) || options.entries.length === 0);
      if (first && options && isOptions) {
        fields.push(...options.entries.filter((x) => !x.spread));
        if (!options.complete) state.argsResolved = false;
        const literal = this.unwrap(first.value);
        const written = this.ev.expr(literal);
        if (args && written.kind === 'dict') {
          for (const x of written.entries) if (x.key !== null && !x.spread) args[x.key] = this.ev.range(x.value);
          insertAt = endOf(literal) - 1;
        }
      } else {
        positional.forEach((a, i) => {
          const key = spec.positional?.[i];
          if (key) fields.push({ ...a, key });
        });
        if (first && !spec.positional) state.argsResolved = false;
      }
      if (e.args.some((a) => a.spread)) state.argsResolved = false;
    }
    this.applyFields(fields, spec, state);
    return insertAt;
  }

  private unwrap(node: Node): Node {
    const e = this.ev.expr(node);
    return e.kind === 'wrap' ? this.unwrap(e.inner) : node;
  }

  private applyFields(fields: Item[], spec: RequestSpec, state: RequestState): void {
    for (const f of fields) {
      if (f.key === null) continue;
      if (f.key === 'cache_control' || f.key === 'cacheControl') state.reader.cacheControl = true;
      const kind: FieldKind | undefined = spec.fields[f.key];
      if (!kind) {
        if (PROVIDER_OPTION_KEYS.includes(f.key)) state.reader.scanCache(f.value);
        continue;
      }
      this.applyField(f.key, f.value, kind, state);
    }
  }

  private applyField(key: string, value: Node, kind: FieldKind, state: RequestState): void {
    const reader = state.reader;
    if (typeof kind === 'object') {
      if ('text' in kind) {
        reader.textOrBlocks(value, kind.text);
      } else if ('batch' in kind) {
        const list = this.ev.list(value);
        if (!list?.complete) state.argsResolved = false;
        for (const item of list?.items ?? []) {
          const d = item.spread ? null : this.ev.dict(item.value);
          const params = d ? lastEntry(d.entries, kind.key) : undefined;
          const p = params ? this.ev.dict(params.value) : null;
          if (p) this.applyFields(p.entries.filter((x) => !x.spread), kind.batch, state);
        }
      } else {
        const d = this.ev.dict(value);
        if (d) this.applyFields(d.entries.filter((x) => !x.spread), kind.nested, state);
      }
      return;
    }
    switch (kind) {
      case 'model': {
        const m = this.modelRef(value, state.fromConfigurator);
        if (m) state.model = m;
        break;
      }
      case 'modelFactory': {
        const r = this.ev.resolveValue(value);
        const target = r?.node ?? value;
        const e = this.ev.expr(target);
        if (e.kind === 'call') {
          const plain = e.args.filter((a) => a.key === null && !a.spread);
          const arg = e.args.find((a) => a.key === 'model' || a.key === 'modelId') ?? plain[0];
          const m = arg ? this.modelRef(arg.value, false) : null;
          if (m) state.model = m;
          // anthropic('claude-...', { cacheControl: true }) (older AI SDK versions)
          if (plain[1]) reader.scanCache(plain[1].value);
        } else {
          const m = this.modelRef(value, false);
          if (m) state.model = m;
        }
        break;
      }
      case 'maxTokens': {
        if (state.maxTokens && state.fromConfigurator) break;
        const n = this.ev.number(value);
        state.maxTokens = { key, value: n !== null && Number.isFinite(n) ? n : null, range: this.ev.range(value) } satisfies MaxTokensRef;
        // max_tokens=MAX_TOKENS: the literal of the same-file constant that holds the cap (what a fix edits).
        const literal = n !== null ? this.ev.numberLiteral(value) : null;
        if (literal && (literal.startIndex < value.startIndex || literal.startIndex >= endOf(value))) state.maxTokens.literal = this.ev.range(literal);
        break;
      }
      case 'messages':
        reader.messages(value);
        break;
      case 'contents':
        reader.contents(value);
        break;
      case 'input':
        reader.input(value);
        break;
      case 'examples':
        reader.examples(value);
        break;
      case 'langchainInput':
        if (!this.formattedTemplate(value, state)) reader.langchainInput(value);
        break;
      default:
        break;
    }
  }

  /**
   * A LangChain prompt template filled in before it is sent: `template.format_messages(x=...)`,
   * `template.format_prompt(...).to_messages()`, `template.invoke({...})` (also through a variable). The template's
   * messages are the request's prompts; the values filled in are read like `invoke`'s template variables.
   */
  private formattedTemplate(value: Node, state: RequestState, depth = 0): boolean {
    const target = this.ev.resolveValue(value)?.node ?? value;
    const e = this.ev.expr(target);
    if (e.kind !== 'call' || depth > 2) return false;
    const chain = this.ev.chain(e.callee);
    const method = chain.segments[chain.segments.length - 1] ?? '';
    const object = this.receivers.calleeObject(e.callee);
    if (!object || !TEMPLATE_FORMATTERS.has(method)) return false;
    // format_prompt(...).to_messages(): the messages of the formatted prompt.
    if (TEMPLATE_CONVERTERS.has(method)) return this.formattedTemplate(object, state, depth + 1);
    const templates = this.receivers.receiver(object).configurators.filter((c) => c.spec.kind === 'langchain-prompt');
    if (templates.length === 0) return false;
    const reader = state.reader;
    const wasConfigurator = state.fromConfigurator;
    state.fromConfigurator = true;
    for (const t of templates) {
      const from = reader.drafts.length;
      this.applyRequest(t.call, t.spec.request, state, null);
      reader.markTemplates(from);
    }
    state.fromConfigurator = wasConfigurator;
    for (const a of e.args) {
      if (a.spread) continue;
      if (a.key !== null) reader.langchainInput(a.value);
      else if (this.ev.dict(a.value)) reader.langchainInput(a.value);
    }
    return true;
  }

  private modelRef(value: Node, fromConfigurator: boolean): ModelRef | null {
    const v = this.ev.text(value);
    if (!v || v.literals.length === 0 || hasPlaceholder(v) || v.text.trim() === '') return null;
    return {
      value: v.text,
      range: this.ev.range(v.literals[0]),
      source: fromConfigurator ? 'constructor' : v.source,
    };
  }

  // ---------------------------------------------------------------- loops

  /**
   * The loop over data a call runs in: one around it, else one around a call of the same-file function the call is in
   * (`for t in tickets: classify(t)` where `classify` makes the request), one or two functions out.
   */
  loopOf(callNode: Node): CallSite['loop'] {
    return this.loopAround(callNode) ?? this.loopOfCallers(callNode, 2);
  }

  /** The loop around a call of the named function the node is in (`levels` functions out at most), with `via`. */
  private loopOfCallers(node: Node, levels: number): CallSite['loop'] {
    const around = this.wrappers.namedFunctionAround(node.startIndex);
    if (!around) return null;
    this.ev.deps.names.push(around.name);
    const sites = this.wrappers.callSitesOf(around.fn.ref, around.name).filter((s) => s.siteRef.start < around.fn.ref.start || s.siteRef.start >= around.fn.ref.end); // not recursion
    for (const s of sites) {
      const loop = this.loopAround(s.site);
      if (loop) return { ...loop, via: { name: around.name, range: this.ev.range(s.site) } };
    }
    // xs.map(ask) / Promise.all(xs.map(ask)) / executor.map(ask, xs): the callback call is the loop.
    for (const { site, method } of this.wrappers.callbackSitesOf(around.fn.ref, around.name)) {
      const kind: LoopKind = this.ev.syntax.isGathered(site) ? 'gather' : method === 'forEach' ? 'forEach' : 'map';
      const range = this.ev.range(site);
      return { kind, range, via: { name: around.name, range } };
    }
    if (levels > 1) {
      for (const s of sites) {
        const outer = this.loopOfCallers(s.site, levels - 1);
        if (outer) return outer;
      }
    }
    return null;
  }

  /**
   * The innermost loop over data around a node: a loop body, a comprehension, a map/forEach callback, gather. Retry
   * and fallback loops are not loops over data: the loop around them, if any, is the one reported.
   */
  private loopAround(callNode: Node): { kind: LoopKind; range: Range } | null {
    const index = this.ev.index;
    let inner: Node | null = null;
    for (const loop of index.loopsAt(callNode.startIndex)) {
      const node = index.node(loop.ref);
      if (!node) continue;
      // Whether it retries depends on the loop's header and body: an edit there redoes this call.
      this.ev.deps.spans.push(loop.ref.start, loop.ref.end);
      if (isRetryLoop(this.ev, loop, node, callNode, inner)) {
        inner = node;
        continue;
      }
      let kind = loop.kind;
      if ((kind === 'comprehension' || kind === 'map') && this.ev.syntax.isGathered(node)) kind = 'gather';
      return { kind, range: index.lines.range(loop.ref.start, loop.ref.end) };
    }
    return null;
  }
}

interface RequestState {
  model: ModelRef | null;
  maxTokens: MaxTokensRef | null;
  argsResolved: boolean;
  reader: PromptReader;
  fromConfigurator: boolean;
}

export function toPrompt(d: PromptDraft, rangeOf: (n: Node) => Range): Prompt {
  const p: Prompt = {
    role: d.role,
    range: rangeOf(d.node),
    text: d.value.text,
    templated: d.value.templated,
    holes: d.value.holes.map((h) => ({ start: h.start, end: h.end })),
    literals: d.value.literals.map((l) => ({ range: rangeOf(l) })),
  };
  if (d.value.name) p.name = d.value.name;
  return p;
}

/** Drafts to prompts, once per expression and role. */
export function toPrompts(drafts: PromptDraft[], rangeOf: (n: Node) => Range): Prompt[] {
  const seen = new Set<string>();
  const out: Prompt[] = [];
  for (const d of drafts) {
    const key = `${d.node.startIndex}:${endOf(d.node)}:${d.role}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(toPrompt(d, rangeOf));
  }
  return out;
}

