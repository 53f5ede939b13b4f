/**
 * Reads prompts out of request values in the shapes SDKs accept: a string, text blocks (`[{type: "text", text}]`),
 * chat messages (`{role, content}`, LangChain tuples and message classes, Gemini `{role, parts: [{text}]}` and
 * `types.Content(...)`), and template-variable dicts. Each piece of text becomes one draft prompt with its role.
 */
import type { Node } from 'web-tree-sitter';
import type { PromptRole } from '../model';
import { lastEntry, textValue, type Evaluator, type TextValue } from './evaluate';
import type { Item } from './syntax';
import { FEW_SHOT_CLASSES } from './providers/langchain';
import { FORMAT_FIELDS, withFields } from './holes';

export interface PromptDraft {
  role: PromptRole;
  /** The expression that supplies the text where it is used. */
  node: Node;
  value: TextValue;
}

/** A parameter of the enclosing function that flows into a prompt (for wrapper functions). */
export interface ParamUse {
  name: string;
  role: PromptRole;
  node: Node;
  /** Where the value was being read for (the request's call, or a wrapper call site); -1 when unknown. */
  context: number;
}

const ROLE_WORDS: Record<string, PromptRole> = {
  system: 'system',
  developer: 'developer',
  user: 'user',
  human: 'user',
  assistant: 'assistant',
  ai: 'assistant',
  model: 'assistant',
  bot: 'assistant',
  tool: 'user',
  function: 'user',
  placeholder: 'user',
};

/** Message roles whose content is a tool's output sent back to the model (data, not a prompt). */
const TOOL_OUTPUT_ROLES = new Set(['tool', 'function', 'ipython']);
/** Content blocks that carry a tool's output (`{"type": "tool_result", "content": ...}`): data, not a prompt. */
const TOOL_OUTPUT_BLOCKS = new Set(['tool_result', 'function_call_output', 'function_result', 'tool-result', 'mcp_tool_result', 'web_search_tool_result']);

/**
 * Gemini SDK helpers that build a message (`types.UserContent(parts=...)`, `createUserContent([...])`), with the role
 * they stand for; `Content` takes its role from `role=`.
 */
const CONTENT_HELPERS: Record<string, PromptRole | null> = {
  Content: null,
  UserContent: 'user',
  ModelContent: 'assistant',
  createUserContent: 'user',
  createModelContent: 'assistant',
};
/** Gemini SDK helpers that build one text part (`types.Part(text=...)`, `createPartFromText("...")`). */
const PART_HELPERS = new Set(['Part', 'createPartFromText']);

export function roleOf(word: string | null | undefined, fallback: PromptRole = 'user'): PromptRole {
  if (!word) return fallback;
  return ROLE_WORDS[word.toLowerCase()] ?? fallback;
}

/** LangChain message classes: `SystemMessage`, `HumanMessagePromptTemplate`, `AIMessage`... */
function roleOfClass(name: string): PromptRole | null {
  if (/^System/.test(name)) return 'system';
  if (/^(Human|User)/.test(name)) return 'user';
  if (/^(AI|Assistant)/.test(name)) return 'assistant';
  if (/^ChatMessage/.test(name)) return 'user';
  return null;
}

const CACHE_KEYS = new Set(['cache_control', 'cacheControl']);
const TEXT_PART_KEYS = ['text', 'input_text'];
export const PROVIDER_OPTION_KEYS = ['providerOptions', 'experimental_providerMetadata', 'providerMetadata', 'provider_options', 'extra_body'];

export class PromptReader {
  readonly drafts: PromptDraft[] = [];
  readonly params: ParamUse[] = [];
  cacheControl = false;
  /** The position of the call the values are read for (see ParamUse.context). */
  context = -1;

  constructor(private readonly ev: Evaluator) {}

  /** A value passed to a wrapper function for one of its prompt parameters: text, or a message list. */
  wrapped(node: Node, role: PromptRole): void {
    if (!this.addText(node, role)) this.messages(node, role);
  }

  /** Marks drafts from index `from` on as templates when their text has `{placeholders}` (LangChain templates). */
  markTemplates(from: number): void {
    for (let i = from; i < this.drafts.length; i++) {
      const d = this.drafts[i];
      if (!/\{[A-Za-z_][\w.]*\}/.test(d.value.text)) continue;
      const holes = withFields(d.value.text, d.value.holes, FORMAT_FIELDS);
      if (!d.value.templated || holes !== d.value.holes) d.value = textValue(d.value.text, true, d.value.literals, holes, d.value.source, d.value.name);
    }
  }

  /** Adds the text of a value if it holds any literal text. Returns false when the value is not a string. */
  private addText(node: Node, role: PromptRole): boolean {
    if (this.sdkHelper(node, role)) return true;
    const value = this.ev.text(node);
    if (value === null) return false;
    if (value.literals.length > 0 && value.text.trim() !== '') this.drafts.push({ role, node, value });
    this.noteParams(node, role, value);
    return true;
  }

  /** Remembers parameters of the enclosing function that flow into a prompt unresolved. */
  private noteParams(node: Node, role: PromptRole, value: TextValue): void {
    if (!value.templated && value.source !== 'default') return;
    const e = this.ev.expr(node);
    const check = (n: Node, depth = 0): void => {
      const x = this.ev.expr(n);
      if (x.kind === 'wrap') return check(x.inner, depth);
      if (x.kind !== 'name') return;
      const r = this.ev.resolve(x.name, n);
      if (r?.binding.kind === 'param') this.params.push({ name: x.name, role, node: n, context: this.context });
      // `for prompt in prompts:` where `prompts` is a parameter: the lists passed for it hold the prompts.
      else if (r?.binding.kind === 'item' && r.binding.value && depth === 0) {
        const iterable = this.ev.index.node(r.binding.value);
        if (iterable) check(this.ev.iterated(iterable), depth + 1);
      }
    };
    if (e.kind === 'name' || e.kind === 'wrap') check(node);
    else if (e.kind === 'string') for (const p of e.pieces) if ('hole' in p && p.hole) check(p.hole);
  }

  /** Marks cache_control found in a dict's entries (one level deep is where SDKs put it). */
  private noteCache(entries: Item[]): void {
    for (const e of entries) if (e.key && CACHE_KEYS.has(e.key)) this.cacheControl = true;
  }

  /** Looks for cache_control anywhere in a request value (a few levels deep). */
  scanCache(node: Node, depth = 0): void {
    if (this.cacheControl || depth > 4) return;
    const d = this.ev.dict(node);
    if (d) {
      this.noteCache(d.entries);
      for (const e of d.entries) if (!e.spread) this.scanCache(e.value, depth + 1);
      return;
    }
    const l = this.ev.list(node);
    if (l) for (const i of l.items) if (!i.spread) this.scanCache(i.value, depth + 1);
  }

  /** `system=` / `instructions=` / `system_instruction=`: a string, a list of strings or text blocks, or a Content. */
  textOrBlocks(node: Node, role: PromptRole): void {
    if (this.addText(node, role)) return;
    const list = this.ev.list(node);
    if (list) {
      for (const item of list.items) if (!item.spread) this.part(item.value, role);
      return;
    }
    this.part(node, role);
  }

  /** One content part: a string, `{type: "text", text}`, `{text}`, `Part(text=...)`, `Part.from_text(...)`, a tool result. */
  part(node: Node, role: PromptRole): void {
    if (this.addText(node, role)) return;
    const d = this.ev.dict(node);
    if (d) {
      this.noteCache(d.entries);
      if (this.isToolOutput(d.entries, 'type', TOOL_OUTPUT_BLOCKS)) return;
      // Vercel AI SDK: { type: 'text', text, providerOptions: { anthropic: { cacheControl } } }
      for (const key of PROVIDER_OPTION_KEYS) {
        const o = lastEntry(d.entries, key);
        if (o) this.scanCache(o.value);
      }
      for (const key of TEXT_PART_KEYS) {
        const t = lastEntry(d.entries, key);
        if (t) {
          this.addText(t.value, role);
          return;
        }
      }
      const parts = lastEntry(d.entries, 'parts');
      if (parts) return this.parts(parts.value, roleOf(this.roleText(d.entries), role));
      const content = lastEntry(d.entries, 'content');
      if (content) this.content(content.value, role);
      return;
    }
    const e = this.ev.expr(node);
    if (e.kind === 'call') {
      // types.Part.from_text(text="..."), Part.from_text("...")
      const c = this.ev.expr(e.callee);
      const name = c.kind === 'member' ? c.property : c.kind === 'name' ? c.name : '';
      if (name === 'from_text' || name === 'fromText') {
        const arg = e.args.find((a) => a.key === 'text') ?? e.args.find((a) => a.key === null && !a.spread);
        if (arg) this.addText(arg.value, role);
      }
    }
  }

  /** Gemini `parts`: a list of parts, or one. */
  parts(node: Node, role: PromptRole): void {
    const list = this.ev.list(node);
    if (!list) return this.part(node, role);
    for (const item of list.items) if (!item.spread) this.part(item.value, role);
  }

  /** A message's `content`: a string or a list of parts. */
  content(node: Node, role: PromptRole): void {
    if (this.addText(node, role)) return;
    const list = this.ev.list(node);
    if (list) {
      for (const item of list.items) if (!item.spread) this.part(item.value, role);
      return;
    }
    this.part(node, role);
  }

  /** True when an entry (`type` of a block, `role` of a message) names a tool output. */
  private isToolOutput(entries: Item[], key: string, words: ReadonlySet<string>): boolean {
    const e = lastEntry(entries, key);
    if (!e) return false;
    const v = this.ev.text(e.value);
    return !!v && !v.templated && words.has(v.text);
  }

  /**
   * A Gemini SDK helper call that builds a message or a text part (see CONTENT_HELPERS, PART_HELPERS): read as what
   * it builds. False when the value is not one.
   */
  private sdkHelper(node: Node, role: PromptRole): boolean {
    const target = this.ev.resolveValue(node)?.node ?? node;
    const e = this.ev.expr(target);
    if (e.kind !== 'call' || e.isNew) return false;
    const segs = this.ev.chain(e.callee).segments;
    const name = segs[segs.length - 1] ?? '';
    const first = e.args.find((a) => a.key === null && !a.spread);
    if (name in CONTENT_HELPERS) {
      const fixed = CONTENT_HELPERS[name];
      // Content(role=..., parts=[...]) / UserContent(parts=...) / createUserContent(partOrParts)
      const entries = e.args.filter((a) => a.key !== null);
      if (first && !lastEntry(entries, 'parts')) entries.push({ ...first, key: 'parts' });
      if (this.isToolOutput(entries, 'role', TOOL_OUTPUT_ROLES)) return true;
      this.messageEntries(entries, fixed ?? role);
      return true;
    }
    if (PART_HELPERS.has(name)) {
      const text = e.args.find((a) => a.key === 'text') ?? (name === 'Part' ? undefined : first);
      if (text) this.addText(text.value, role);
      return true;
    }
    return false;
  }

  private roleText(entries: Item[]): string | null {
    const r = lastEntry(entries, 'role');
    if (!r) return null;
    const v = this.ev.text(r.value);
    return v && !v.templated ? v.text : null;
  }

  /** A chat message list. Returns false when the list could not be read at all. */
  messages(node: Node, fallbackRole: PromptRole = 'user'): boolean {
    const list = this.ev.list(node);
    if (!list) {
      // A single message object where a list is expected (Gemini contents) is read as one message.
      const d = this.ev.dict(node);
      if (d) {
        this.message(node, fallbackRole);
        return true;
      }
      return this.addText(node, fallbackRole);
    }
    for (const item of list.items) if (!item.spread) this.message(item.value, fallbackRole);
    return true;
  }

  /** A message given as its entries (`role`, `content` / `parts` / `text`, `name`). */
  messageEntries(entries: Item[], fallbackRole: PromptRole = 'user'): void {
    this.noteCache(entries);
    for (const key of PROVIDER_OPTION_KEYS) {
      const o = lastEntry(entries, key);
      if (o) this.scanCache(o.value);
    }
    const roleWord = this.roleText(entries);
    if (roleWord !== null && TOOL_OUTPUT_ROLES.has(roleWord)) return;
    const nameEntry = lastEntry(entries, 'name');
    const nameText = nameEntry ? this.ev.text(nameEntry.value)?.text : undefined;
    let role = roleOf(roleWord, fallbackRole);
    if (nameText && /^example_/.test(nameText)) role = 'example';
    const content = lastEntry(entries, 'content');
    if (content) return this.content(content.value, role);
    const parts = lastEntry(entries, 'parts');
    if (parts) return this.parts(parts.value, role);
    const text = lastEntry(entries, 'text');
    if (text) this.addText(text.value, role);
  }

  /** One message in any shape. */
  message(node: Node, fallbackRole: PromptRole = 'user'): void {
    const resolved = this.ev.resolveValue(node);
    const target = resolved?.node ?? node;
    const e = this.ev.expr(target);
    if (e.kind === 'call' && this.sdkHelper(target, fallbackRole)) return;
    if (e.kind === 'dict' || (e.kind === 'call' && this.isStructCall(e.callee))) {
      const d = this.ev.dict(target);
      if (d) this.messageEntries(d.entries, fallbackRole);
      return;
    }
    if (e.kind === 'list') {
      // LangChain tuple: ("system", "You are ..."), ["human", "{input}"]
      const items = e.items.filter((i) => !i.spread);
      if (items.length === 2) {
        const roleValue = this.ev.text(items[0].value);
        if (roleValue && !roleValue.templated) {
          this.content(items[1].value, roleOf(roleValue.text, fallbackRole));
          return;
        }
      }
      for (const i of items) this.message(i.value, fallbackRole);
      return;
    }
    if (e.kind === 'call') {
      const c = this.ev.chain(e.callee);
      const names = c.segments;
      const last = names[names.length - 1] ?? '';
      const owner = names.length >= 2 ? names[names.length - 2] : last;
      const cls = last === 'from_template' || last === 'fromTemplate' || last === 'from_messages' ? owner : last;
      // A placeholder for history, or a tool's output sent back (data, not a prompt).
      if (cls === 'MessagesPlaceholder' || /^(Tool|Function)Message$/.test(cls)) return;
      if (FEW_SHOT_CLASSES.includes(cls)) {
        const ex = e.args.find((a) => a.key === 'examples');
        const options = !ex && e.args[0] && !e.args[0].spread ? this.ev.dict(e.args[0].value) : null;
        const value = ex?.value ?? (options ? lastEntry(options.entries, 'examples')?.value : undefined);
        if (value) this.examples(value);
        return;
      }
      const role = roleOfClass(cls);
      if (role) {
        const roleArg = e.args.find((a) => a.key === 'role');
        const r = roleArg ? roleOf(this.ev.text(roleArg.value)?.text, role) : role;
        const contentArg = e.args.find((a) => a.key === 'content' || a.key === 'template' || a.key === 'prompt') ?? e.args.find((a) => a.key === null && !a.spread);
        if (!contentArg) return;
        // new HumanMessage({ content: "..." })
        const d = this.ev.expr(contentArg.value).kind === 'dict' ? this.ev.dict(contentArg.value) : null;
        const inner = d ? lastEntry(d.entries, 'content') : undefined;
        this.content(inner ? inner.value : contentArg.value, r);
        return;
      }
    }
    this.content(target, fallbackRole);
  }

  /** `dict(role=...)`: a call read as its keyword arguments. */
  private isStructCall(callee: Node): boolean {
    const c = this.ev.chain(callee);
    return this.ev.syntax.family === 'python' && c.segments[c.segments.length - 1] === 'dict';
  }

  /** Gemini `contents`: a string, a list of strings / parts / Content. */
  contents(node: Node): void {
    if (this.addText(node, 'user')) return;
    this.messages(node, 'user');
  }

  /** Responses `input`, Vercel `prompt`: a string (user) or a message list. */
  input(node: Node): void {
    if (this.addText(node, 'user')) return;
    this.messages(node, 'user');
  }

  /** Few-shot examples: a list of dicts (`{"input": ..., "output": ...}`) or strings; each text is an example. */
  examples(node: Node): void {
    const list = this.ev.list(node);
    if (!list) return;
    for (const item of list.items) {
      if (item.spread) continue;
      if (this.addText(item.value, 'example')) continue;
      const d = this.ev.dict(item.value);
      if (d) for (const e of d.entries) if (!e.spread) this.addText(e.value, 'example');
    }
  }

  /** LangChain `invoke` input: a string, messages, or a dict of template variables (their values fill the template). */
  langchainInput(node: Node): void {
    if (this.addText(node, 'user')) return;
    const d = this.ev.expr(this.ev.resolveValue(node)?.node ?? node).kind === 'dict' ? this.ev.dict(node) : null;
    if (d) {
      for (const e of d.entries) if (!e.spread) this.addText(e.value, 'user');
      return;
    }
    this.messages(node, 'user');
  }
}
