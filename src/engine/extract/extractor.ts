/**
 * One extraction pass over an indexed document: evaluates each candidate (API calls, prompt-named constants, prompt
 * builders, prompt-shaped values, directive comments) into plain results that remember what text they read, then
 * assembles the ExtractResult. The document keeps these results and redoes only the ones an edit touches.
 */
import type { Node } from 'web-tree-sitter';
import type { CallSite, Directive, PromptConstant, PromptRole, Range } from '../model';
import { CallModel } from './calls';
import { constantOf, constantOfDraft, isPromptName, looksLikePrompt } from './constants';
import { directiveOf } from './directives';
import { Evaluator, textValue, type TextValue } from './evaluate';
import type { BindingEntry, FileIndex, NodeRef, ScopeEntry } from './fileindex';
import { PromptReader, type PromptDraft } from './messages';
import { MESSAGE_CLASSES } from './providers';
import { endOf } from './nodes';
import { recoverCalls } from './recover';
import { FORMAT_FIELDS, withFields } from './holes';

export type CandidateKind = 'call' | 'constant' | 'builder' | 'message' | 'configurator' | 'prompt-arg' | 'wrapper-call' | 'directive' | 'recovered';

/**
 * The plain result of one candidate, with what it read (for re-use after edits). Made with every field present (one
 * object shape), the ones a candidate has no value for undefined.
 */
export interface CandidateResult {
  /** Identity across edits (see keyOf). */
  prefix: string;
  suffix: string;
  kind: CandidateKind;
  start: number;
  end: number;
  /** Spans of text the evaluation read, as [start, end, start, end, ...] offsets. */
  spans: number[];
  /** Names it looked up (repeats included: only ever scanned after an edit). */
  names: string[];
  call: CallSite | undefined;
  /** insertAt's offset, so it can be shifted with the rest. */
  insertAtOffset: number | undefined;
  /** A prompt-named constant or builder: always reported. */
  constant: PromptConstant | undefined;
  /** Prompt-shaped values: reported only when no call or constant already covers their literals. */
  loose: PromptConstant[] | undefined;
  directive: Directive | undefined;
}

/** Calls that never carry prompts of their own in a message list context (mutations, output helpers). */
const NOT_PROMPT_CALLS = new Set([
  'print', 'log', 'info', 'debug', 'warn', 'warning', 'error', 'exception', 'critical', 'trace', 'fatal', 'echo', 'write',
  'option', 'argument', 'input', 'ask', 'getpass', 'confirm', 'text_input', 'text_area', 'chat_input', 'add_argument',
]);

export class Extraction {
  readonly ev: Evaluator;
  readonly model: CallModel;

  private readonly rangeOf: (n: Node) => Range;

  constructor(readonly index: FileIndex) {
    this.ev = new Evaluator(index);
    this.model = new CallModel(this.ev);
    this.rangeOf = (n) => this.ev.range(n);
  }

  /** Evaluates one candidate from its node, recording what it reads. */
  private run(kind: CandidateKind, ref: NodeRef, fill: (r: CandidateResult, node: Node) => void): CandidateResult | null {
    const node = this.index.node(ref);
    return node ? this.record(kind, ref, (r) => fill(r, node)) : null;
  }

  /**
   * Evaluates one candidate from what its index entry holds, recording what it reads. (Its own node is not looked up:
   * finding a node by its span walks the tree from the root.)
   */
  private record(kind: CandidateKind, ref: NodeRef, fill: (r: CandidateResult) => void): CandidateResult {
    const prev = this.ev.track();
    const r: CandidateResult = {
      prefix: kind, suffix: '', kind, start: ref.start, end: ref.end, spans: [], names: [],
      call: undefined, insertAtOffset: undefined, constant: undefined, loose: undefined, directive: undefined,
    };
    try {
      fill(r);
    } catch {
      // A shape the evaluator does not know must not cost the rest of the file.
    }
    const deps = this.ev.restore(prev);
    r.spans = deps.spans;
    r.names = deps.names;
    r.spans.push(ref.start, ref.end);
    return r;
  }

  call(ref: NodeRef): CandidateResult | null {
    return this.run('call', ref, (r, node) => {
      const match = this.model.identify(node);
      if (match) {
        const built = this.model.build(node, match);
        r.call = built.site;
        if (built.insertAtOffset !== null) r.insertAtOffset = built.insertAtOffset;
        return;
      }
      // Not an API call: a prompt template / model with a system instruction whose prompts may reach no call here.
      const conf = this.model.configuratorOf(node);
      if (conf && (conf.kind === 'langchain-prompt' || conf.kind === 'google-model')) {
        const reader = new PromptReader(this.ev);
        for (const [key, kind] of Object.entries(conf.request.fields)) {
          if (kind === 'messages' || kind === 'examples' || (typeof kind === 'object' && 'text' in kind)) {
            const arg = this.argument(node, key, conf.request.positional ?? []);
            if (!arg) continue;
            if (kind === 'messages') reader.messages(arg);
            else if (kind === 'examples') reader.examples(arg);
            else reader.textOrBlocks(arg, kind.text);
          }
        }
        if (conf.kind === 'langchain-prompt') reader.markTemplates(0);
        r.kind = 'configurator';
        r.loose = this.looseConstants(reader.drafts, node);
        return;
      }
      if (isMessageClassCall(this, node)) {
        const reader = new PromptReader(this.ev);
        reader.message(node);
        r.kind = 'configurator';
        r.loose = this.looseConstants(reader.drafts, node);
      }
    });
  }

  /** A syntax error node: the API calls being typed in it (brackets not closed yet), read back. */
  recovered(ref: NodeRef): CandidateResult | null {
    return this.run('recovered', ref, (r, node) => {
      // One result per error node: its first API call (a half-typed call swallows what follows it).
      for (const rc of recoverCalls(node, this.ev.syntax)) {
        const match = this.model.identifyCallee({ callee: rc.callee, args: rc.args });
        if (!match || match.http) continue;
        r.call = this.model.buildRecovered(rc, match).site;
        return;
      }
    });
  }

  /** A named or positional argument of a call (Python keywords / JS options object keys). */
  private argument(call: Node, key: string, positional: string[]): Node | null {
    const e = this.ev.expr(call);
    if (e.kind !== 'call') return null;
    const named = e.args.find((a) => a.key === key);
    if (named) return named.value;
    const plain = e.args.filter((a) => a.key === null && !a.spread);
    const at = positional.indexOf(key);
    if (this.ev.syntax.family === 'javascript' && plain[0]) {
      const d = this.ev.dict(plain[0].value);
      const entry = d?.entries.find((x) => x.key === key);
      if (entry) return entry.value;
      if (d && at !== 0) return null;
    }
    return at >= 0 && plain[at] ? plain[at].value : null;
  }

  /** A prompt-named constant or variable. */
  constant(b: BindingEntry): CandidateResult | null {
    if (!b.value || b.kind !== 'assign' || !b.whole || !isPromptName(b.name)) return null;
    return this.record('constant', b.ref, (r) => {
      r.suffix = `:${b.name}`;
      const valueNode = b.value ? this.index.node(b.value) : null;
      if (!valueNode) return;
      // `system = PLAYBOOK` inside a function: a local alias of a constant, not a prompt of its own.
      if (this.isLocalAlias(b, valueNode)) return;
      let value = this.ev.text(valueNode);
      if (!value || value.literals.length === 0) return;
      // `prompt = "..."` followed by `prompt += "..."`: the constant is the whole text built in its scope.
      const scope = this.index.scopeOf(b);
      this.ev.deps.names.push(b.name);
      for (const a of this.index.bindingsOf(b.name) ?? []) {
        if (a.pos <= b.pos || this.index.scopeOf(a) !== scope) continue;
        if (a.kind !== 'augment') break;
        this.ev.deps.spans.push(a.ref.start, a.ref.end);
        const av = a.value ? this.index.node(a.value) : null;
        if (av) value = this.ev.join([value, this.ev.text(av) ?? this.ev.hole(av)]);
      }
      if (!looksLikePrompt(value.text)) return;
      r.constant = constantOf(b.name, this.nameRange(b), valueNode, asTemplate(value), this.rangeOf);
    });
  }

  private isLocalAlias(b: BindingEntry, valueNode: Node): boolean {
    let e = this.ev.expr(valueNode);
    while (e.kind === 'wrap') e = this.ev.expr(e.inner);
    if (e.kind !== 'name' && e.kind !== 'member') return false;
    let s: ScopeEntry | null = this.index.scopeOf(b);
    while (s && s.kind === 'block') s = s.parent;
    return !!s && s.kind === 'function' && this.ev.resolveValue(valueNode) !== null;
  }

  /** A function named like a prompt builder that returns a string (`def build_prompt(...): return f"..."`). */
  builder(b: BindingEntry): CandidateResult | null {
    if (b.kind !== 'function' || !b.value || !isPromptName(b.name)) return null;
    return this.run('builder', b.ref, (r, fn) => {
      const ret = this.ev.returnValueOf(fn);
      if (!ret) return;
      const value = this.ev.text(ret);
      if (!value || value.literals.length === 0 || !looksLikePrompt(value.text)) return;
      r.constant = constantOf(b.name, this.nameRange(b), ret, asTemplate(value), this.rangeOf);
    });
  }

  /** A message-shaped dict/object anywhere (`{"role": "system", "content": "..."}`). */
  message(ref: NodeRef): CandidateResult | null {
    return this.run('message', ref, (r, node) => {
      const reader = new PromptReader(this.ev);
      reader.message(node);
      r.loose = this.looseConstants(reader.drafts, node);
    });
  }

  /** `instructions="..."`, `system_prompt="..."`, `{ systemPrompt: "..." }` anywhere. */
  promptArg(ref: NodeRef): CandidateResult | null {
    return this.run('prompt-arg', ref, (r, node) => {
      const key = node.childForFieldName('name') ?? node.childForFieldName('key');
      const value = node.childForFieldName('value');
      if (!key || !value || this.insideNotPromptCall(node)) return;
      const reader = new PromptReader(this.ev);
      reader.textOrBlocks(value, roleForKey(key.text));
      r.loose = reader.drafts.filter((d) => looksLikePrompt(d.value.text)).map((d) => constantOfDraft(key.text, this.ev.range(key), d, this.rangeOf));
    });
  }

  /** `get_completion("Write a haiku...")` where the helper is defined elsewhere: its string arguments are prompts. */
  wrapperCall(ref: NodeRef): CandidateResult | null {
    return this.run('wrapper-call', ref, (r, node) => {
      const e = this.ev.expr(node);
      if (e.kind !== 'call') return;
      const segs = this.ev.chain(e.callee).segments;
      const name = segs[segs.length - 1] ?? 'prompt';
      if (NOT_PROMPT_CALLS.has(name)) return;
      // Defined in this file: its call sites feed the LLM call inside it instead.
      const local = segs.length === 1 ? this.ev.resolve(name, e.callee)?.binding : undefined;
      if (local && local.kind !== 'import' && local.kind !== 'opaque' && local.kind !== 'item') return;
      if (segs.length === 2 && segs[0] === this.ev.syntax.selfName) return;
      const reader = new PromptReader(this.ev);
      reader.context = node.startIndex;
      let positional = 0;
      for (const a of e.args) {
        if (a.spread) continue;
        if (a.key === null) {
          if (positional++ < 2) reader.wrapped(a.value, positional === 2 ? 'system' : 'user');
        } else if (/prompt|system|instruction|question|query|message|text|input/i.test(a.key)) {
          reader.wrapped(a.value, roleForKey(a.key));
        }
      }
      // Prompts reaching the helper through parameters of the function around it come from that function's callers.
      if (reader.params.length > 0) this.model.parameterPrompts(reader);
      r.loose = this.looseConstants(
        reader.drafts.filter((d) => looksLikePrompt(d.value.text)),
        node,
      ).map((c) => (c.name === 'message' ? { ...c, name } : c));
    });
  }

  directive(ref: NodeRef): CandidateResult | null {
    return this.run('directive', ref, (r, node) => {
      const d = directiveOf(node, this.ev.syntax.commentText(node));
      if (d) r.directive = d;
    });
  }

  private insideNotPromptCall(node: Node): boolean {
    const call = node.parent?.parent;
    if (!call) return false;
    const e = this.ev.expr(call);
    if (e.kind !== 'call') return false;
    const segs = this.ev.chain(e.callee).segments;
    return NOT_PROMPT_CALLS.has(segs[segs.length - 1] ?? '');
  }

  /** Drafts read from a prompt-shaped value, as constants named after the variable that holds them. */
  private looseConstants(drafts: PromptDraft[], holder: Node): PromptConstant[] {
    const kept = drafts.filter((d) => d.value.literals.length > 0 && d.value.text.trim() !== '');
    if (kept.length === 0) return [];
    const here = this.index.holderAt(holder.startIndex);
    const start = holder.startIndex;
    const end = endOf(holder);
    return kept.map((d) => {
      // A draft read from elsewhere (a list passed in by a caller) is named after what holds it there.
      const b = d.node.startIndex >= start && d.node.startIndex < end ? here : this.index.holderAt(d.node.startIndex);
      const nameRange = b ? this.index.lines.range(b.pos, b.pos + b.nameLength) : this.ev.range(d.node);
      return constantOfDraft(b?.name ?? d.value.name ?? 'message', nameRange, { ...d, value: asTemplate(d.value) }, this.rangeOf);
    });
  }

  /** The range of the name a binding defines. */
  private nameRange(b: BindingEntry): Range {
    return this.index.lines.range(b.pos, b.pos + b.nameLength);
  }
}

/** A prompt constant with `{placeholders}` is a template that is filled in later (`.format`, LangChain). */
function asTemplate(value: TextValue): TextValue {
  if (!/\{[A-Za-z_][\w.]*\}/.test(value.text)) return value;
  const holes = withFields(value.text, value.holes, FORMAT_FIELDS);
  return value.templated && holes === value.holes ? value : textValue(value.text, true, value.literals, holes, value.source, value.name);
}

function roleForKey(key: string): 'system' | 'user' {
  return /system|instruction|preamble/i.test(key) ? 'system' : 'user';
}

const MESSAGE_CLASS_SET = new Set(MESSAGE_CLASSES);

function isMessageClassCall(x: Extraction, node: Node): boolean {
  const e = x.ev.expr(node);
  if (e.kind !== 'call') return false;
  const segs = x.ev.chain(e.callee).segments;
  const last = segs[segs.length - 1] ?? '';
  const owner = segs[segs.length - 2] ?? '';
  return MESSAGE_CLASS_SET.has(last) || ((last === 'from_template' || last === 'fromTemplate') && /MessagePromptTemplate$/.test(owner));
}

/**
 * A constant's role is the one the calls in this file send it with (`{"role": "system", "content": PROMPT}`), else the
 * one its name suggests. Example blocks keep `example`: they are sent as user or assistant turns.
 */
function roleFromUse(c: PromptConstant, sentAs: Map<number, { role: PromptRole }>): PromptConstant {
  const first = c.literals[0];
  const used = first ? sentAs.get(first.range.startOffset) : undefined;
  if (!used || used.role === c.role || c.role === 'example') return c;
  return { ...c, role: used.role };
}

/** A result's identity across edits: calls by span (chained calls share a start), everything else by start. */
export function keyOf(r: CandidateResult): string {
  return r.prefix === 'call' ? `call:${r.start}:${r.end}` : `${r.prefix}:${r.start}${r.suffix}`;
}

/** Builds the ExtractResult from candidate results. */
export function assemble(results: Iterable<CandidateResult>): { calls: CallSite[]; prompts: PromptConstant[]; directives: Directive[] } {
  const calls: CallSite[] = [];
  const constants: PromptConstant[] = [];
  const loose: PromptConstant[] = [];
  const directives: Directive[] = [];
  for (const r of results) {
    if (r.call) calls.push(r.call);
    if (r.constant) constants.push(r.constant);
    if (r.loose) loose.push(...r.loose);
    if (r.directive) directives.push(r.directive);
  }
  calls.sort((a, b) => a.range.startOffset - b.range.startOffset);
  const covered = new Set<number>();
  // The role each literal is sent with (a prompt made of exactly one constant's literals says it best).
  const sentAs = new Map<number, { role: PromptRole; exact: boolean }>();
  for (const c of calls) {
    for (const p of c.prompts) {
      for (const l of p.literals) {
        covered.add(l.range.startOffset);
        const seen = sentAs.get(l.range.startOffset);
        if (!seen || (!seen.exact && p.literals.length === 1)) sentAs.set(l.range.startOffset, { role: p.role, exact: p.literals.length === 1 });
      }
    }
  }
  const seenConstants = new Set<string>();
  const prompts: PromptConstant[] = [];
  // A constant made only of another constant's literals is an alias (`B = A`, `prompt = PromptTemplate.from_template(T)`).
  const constantLiterals = new Set<number>();
  for (const c of constants.sort((a, b) => a.nameRange.startOffset - b.nameRange.startOffset)) {
    const key = `${c.range.startOffset}:${c.name}`;
    if (seenConstants.has(key)) continue;
    seenConstants.add(key);
    if (c.literals.every((l) => constantLiterals.has(l.range.startOffset))) continue;
    prompts.push(roleFromUse(c, sentAs));
    for (const l of c.literals) {
      covered.add(l.range.startOffset);
      constantLiterals.add(l.range.startOffset);
    }
  }
  for (const c of loose.sort((a, b) => a.range.startOffset - b.range.startOffset)) {
    if (c.literals.every((l) => covered.has(l.range.startOffset))) continue;
    prompts.push(c);
    for (const l of c.literals) covered.add(l.range.startOffset);
  }
  prompts.sort((a, b) => a.range.startOffset - b.range.startOffset);
  directives.sort((a, b) => a.range.startOffset - b.range.startOffset);
  return { calls, prompts, directives };
}

export type { Range };
