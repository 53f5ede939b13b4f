/**
 * An open document for the editor: keeps its syntax tree, index and per-candidate results, and after an edit
 * re-parses incrementally (tree.edit + parse with the old tree), re-queries only the edited statement and redoes only
 * the results that read the edited text or a name whose bindings changed. Everything else is shifted.
 */
import { Edit, type Tree } from 'web-tree-sitter';
import type { ExtractResult, LanguageId, Pos, PromptConstant, Range } from '../model';
import { isPromptName } from './constants';
import { Extraction, assemble, keyOf, type CandidateResult } from './extractor';
import { FileIndex } from './fileindex';
import { countSyntaxErrors, resetNodeCache } from './nodes';
import { loadGrammar, parseWithBudget, type LoadedGrammar } from './parser';
import { CALL_NAMES } from './providers';
import { javascript } from './javascript';
import { python } from './python';
import { shiftPos, shiftRangeInPlace, type TextChange } from './ranges';
import type { LanguageSyntax } from './syntax';

export interface ExtractOptions {
  /** Parsing stops after this long and the file is reported as skipped (a 10 MB minified bundle). Default 1500 ms. */
  parseBudgetMs?: number;
}

/** An edit as offsets into the old text (start, old end) and the new text (new end). */
export interface OffsetEdit {
  startOffset: number;
  oldEndOffset: number;
  newEndOffset: number;
}

/** VS Code's TextDocumentContentChangeEvent, structurally. */
export interface ContentChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

const DEFAULT_PARSE_BUDGET_MS = 1500;
/** Above this share of the file, an edit is cheaper to handle as a fresh extraction. */
const FULL_REBUILD_SHARE = 0.5;
const STATEMENT_PARENTS = new Set(['module', 'block', 'program', 'statement_block', 'class_body', 'switch_body', 'ERROR']);

export function syntaxOf(language: LanguageId): LanguageSyntax {
  return language === 'python' ? python : javascript;
}

/** Binary content: NUL characters, or mostly control characters, in the first 8 KB. */
export function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
    else if (c === 0xfffd) control++;
  }
  return n > 0 && control / n > 0.1;
}

/** Where inserted text [from, to) of `text` ends, given where it starts. */
function endOfInsert(start: Pos, text: string, from: number, to: number): Pos {
  let line = start.line;
  let lineStart = from - start.character;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: to - lineStart };
}

/** The single edit that turns `a` into `b` (common prefix and suffix). */
export function diffEdit(a: string, b: string): OffsetEdit | null {
  if (a === b) return null;
  const max = Math.min(a.length, b.length);
  let start = 0;
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  return { startOffset: start, oldEndOffset: endA, newEndOffset: endB };
}

/** Shifts a range in place, once even when two results share it. */
function shiftOnce(range: Range, change: TextChange, done: Set<Range>): void {
  if (range.endOffset <= change.startOffset || done.has(range)) return;
  done.add(range);
  shiftRangeInPlace(range, change);
}

function shiftResult(r: CandidateResult, change: TextChange, done: Set<Range>): void {
  const from = change.oldEndOffset;
  const delta = change.newEndOffset - from;
  if (r.start >= from) r.start += delta;
  if (r.end >= from) r.end += delta;
  const spans = r.spans;
  for (let i = 0; i < spans.length; i++) if (spans[i] >= from) spans[i] += delta;
  const c = r.call;
  if (c) {
    shiftOnce(c.range, change, done);
    shiftOnce(c.nameRange, change, done);
    if (c.model?.range) shiftOnce(c.model.range, change, done);
    if (c.maxTokens) shiftOnce(c.maxTokens.range, change, done);
    if (c.maxTokens?.literal) shiftOnce(c.maxTokens.literal, change, done);
    for (const p of c.prompts) {
      shiftOnce(p.range, change, done);
      for (const l of p.literals) shiftOnce(l.range, change, done);
    }
    if (c.loop) shiftOnce(c.loop.range, change, done);
    if (c.loop?.via) shiftOnce(c.loop.via.range, change, done);
    for (const k in c.args) shiftOnce(c.args[k], change, done);
    if (c.insertAt && r.insertAtOffset !== undefined) {
      c.insertAt = shiftPos(c.insertAt, r.insertAtOffset, change);
      if (r.insertAtOffset >= from) r.insertAtOffset += delta;
    }
  }
  if (r.constant) shiftConstant(r.constant, change, done);
  if (r.loose) for (const p of r.loose) shiftConstant(p, change, done);
  if (r.directive) {
    shiftOnce(r.directive.range, change, done);
    r.directive.line = r.directive.range.start.line;
  }
}

function shiftConstant(p: PromptConstant, change: TextChange, done: Set<Range>): void {
  shiftOnce(p.range, change, done);
  shiftOnce(p.nameRange, change, done);
  for (const l of p.literals) shiftOnce(l.range, change, done);
}

function intersects(spans: number[], start: number, end: number): boolean {
  for (let i = 0; i < spans.length; i += 2) if (spans[i] < end && spans[i + 1] > start) return true;
  return false;
}

export class ExtractDocument {
  private text: string;
  private tree: Tree | null = null;
  private index: FileIndex;
  private results = new Map<string, CandidateResult>();
  private notes: string[] = [];
  private cached: ExtractResult | null = null;
  private disposed = false;

  constructor(
    readonly language: LanguageId,
    private readonly grammar: LoadedGrammar,
    text: string,
    private readonly options: ExtractOptions = {},
  ) {
    this.text = text;
    this.index = new FileIndex(syntaxOf(language), grammar, (name) => CALL_NAMES.has(name));
    this.full();
  }

  private get budget(): number {
    return this.options.parseBudgetMs ?? DEFAULT_PARSE_BUDGET_MS;
  }

  /** Parses and extracts the whole text from scratch. */
  private full(): void {
    resetNodeCache(this.text);
    this.tree?.delete();
    this.tree = null;
    this.results = new Map();
    this.notes = [];
    this.cached = null;
    if (looksBinary(this.text)) {
      this.notes.push('Skipped: the content looks binary, not source code.');
      return;
    }
    const started = performance.now();
    const tree = parseWithBudget(this.grammar, this.text, null, this.budget);
    if (!tree) {
      this.notes.push(`Skipped: parsing took longer than ${this.budget} ms (${this.text.length.toLocaleString('en-US')} characters; minified or generated code?).`);
      return;
    }
    this.tree = tree;
    const remaining = Math.max(50, this.budget - (performance.now() - started));
    this.index.build(tree, this.text, remaining);
    if (this.index.truncated) this.notes.push('Partly read: indexing the file ran out of time; calls further down may be missing.');
    this.evaluateAll(new Set());
  }

  /** Evaluates every candidate that has no kept result. */
  private evaluateAll(keep: Set<string>): void {
    const x = new Extraction(this.index);
    const next = new Map<string, CandidateResult>();
    const take = (key: string, make: () => CandidateResult | null): void => {
      if (keep.has(key)) {
        const r = this.results.get(key);
        if (r) {
          next.set(key, r);
          return;
        }
      }
      const r = make();
      if (r) next.set(keyOf(r), r);
    };
    for (const c of this.index.calls) take(`call:${c.ref.start}:${c.ref.end}`, () => x.call(c.ref));
    this.index.bindings.forEach((list, name) => {
      if (!isPromptName(name)) return;
      for (const b of list) {
        if (b.kind === 'assign' && b.whole && b.value) take(`constant:${b.ref.start}:${name}`, () => x.constant(b));
        else if (b.kind === 'function') take(`builder:${b.ref.start}`, () => x.builder(b));
      }
    });
    for (const m of this.index.messages) take(`message:${m.start}`, () => x.message(m));
    for (const a of this.index.promptArgs) take(`prompt-arg:${a.start}`, () => x.promptArg(a));
    for (const w of this.index.wrapperCalls) take(`wrapper-call:${w.start}`, () => x.wrapperCall(w));
    for (const e of this.index.errors) take(`recovered:${e.start}`, () => x.recovered(e));
    for (const c of this.index.comments) take(`directive:${c.start}`, () => x.directive(c));
    // Results keep their first key (a call that turned out to be a configurator keeps `call:`).
    this.results = next;
    this.cached = null;
  }

  /** Applies an edit: the new full text and, optionally, what changed (offsets, or VS Code content changes). */
  update(newText: string, edit?: OffsetEdit | ContentChange[]): ExtractResult {
    if (this.disposed) throw new Error('document disposed');
    const old = this.text;
    resetNodeCache(old);
    let e: OffsetEdit | null;
    if (edit && !Array.isArray(edit) && edit.newEndOffset - edit.oldEndOffset === newText.length - old.length) e = edit;
    else if (Array.isArray(edit) && edit.length === 1 && edit[0].text.length - edit[0].rangeLength === newText.length - old.length) {
      const c = edit[0];
      e = { startOffset: c.rangeOffset, oldEndOffset: c.rangeOffset + c.rangeLength, newEndOffset: c.rangeOffset + c.text.length };
    } else e = diffEdit(old, newText);
    this.text = newText;
    if (!e) return this.result();
    if (!this.tree || looksBinary(newText)) {
      this.full();
      return this.result();
    }
    const start = this.index.lines.positionAt(e.startOffset);
    const change: TextChange = {
      startOffset: e.startOffset,
      oldEndOffset: e.oldEndOffset,
      newEndOffset: e.newEndOffset,
      start,
      oldEnd: this.index.lines.positionAt(e.oldEndOffset),
      newEnd: endOfInsert(start, newText, e.startOffset, e.newEndOffset),
    };
    const oldTree = this.tree;
    this.index.settle();
    oldTree.edit(
      new Edit({
        startIndex: change.startOffset,
        oldEndIndex: change.oldEndOffset,
        newEndIndex: change.newEndOffset,
        startPosition: { row: change.start.line, column: change.start.character },
        oldEndPosition: { row: change.oldEnd.line, column: change.oldEnd.character },
        newEndPosition: { row: change.newEnd.line, column: change.newEnd.character },
      }),
    );
    const tree = parseWithBudget(this.grammar, newText, oldTree, this.budget);
    // Node ids are reused by the new tree: facts cached from the old one (settle above) must go.
    resetNodeCache(newText);
    if (!tree) {
      this.full();
      return this.result();
    }
    // The region to redo: the edit plus what the parser says changed (it misses edits inside string literals),
    // widened to whole statements so every construct in it is re-read.
    let cs = change.startOffset;
    let ce = change.newEndOffset;
    for (const r of tree.getChangedRanges(oldTree)) {
      cs = Math.min(cs, r.startIndex);
      ce = Math.max(ce, r.endIndex);
    }
    oldTree.delete();
    this.tree = tree;
    const delta = change.newEndOffset - change.oldEndOffset;
    // Widen until no remembered construct straddles the region (an edit can split one statement into two, and the
    // parser's changed ranges do not always say so). One character of padding on each side makes constructs that
    // merely touch the region count too: text typed right after a node may or may not belong to it.
    let region = this.statementAround(tree, cs, ce);
    for (let i = 0; ; i++) {
      const padded = { start: Math.max(0, region.start - 1), end: region.end + 1 };
      const wider = this.index.straddling(padded.start, padded.end - delta);
      if (!wider) {
        region = padded;
        break;
      }
      const end = wider.end >= change.oldEndOffset ? wider.end + delta : wider.end;
      region = this.statementAround(tree, Math.min(region.start, wider.start), Math.max(region.end, end));
      if (i >= 8) {
        region = { start: 0, end: newText.length };
        break;
      }
    }
    const regionOldEnd = region.end - delta;
    if (region.end - region.start > newText.length * FULL_REBUILD_SHARE || regionOldEnd < region.start || this.index.truncated) {
      this.tree.delete();
      this.tree = null;
      this.full();
      return this.result();
    }
    const diff = this.index.update(tree, newText, region.start, regionOldEnd, region.end);

    // Keep results that neither sit in the region nor read it nor looked up a changed name; shift them.
    const keep = new Set<string>();
    const shifted = new Map<string, CandidateResult>();
    const shiftedRanges = new Set<Range>();
    for (const r of this.results.values()) {
      if (r.start < regionOldEnd && r.end > region.start) continue;
      if (intersects(r.spans, region.start, regionOldEnd)) continue;
      if (diff.structure && r.start < diff.structure.end && r.end > diff.structure.start) continue;
      let stale = false;
      for (const n of r.names) {
        if (diff.names.has(n)) {
          stale = true;
          break;
        }
      }
      if (stale) continue;
      shiftResult(r, change, shiftedRanges);
      const key = keyOf(r);
      shifted.set(key, r);
      keep.add(key);
    }
    this.results = shifted;
    this.evaluateAll(keep);
    return this.result();
  }

  /** The smallest statement-level node span around [start, end). */
  private statementAround(tree: Tree, start: number, end: number): { start: number; end: number } {
    const root = tree.rootNode;
    let n = root.descendantForIndex(start, Math.max(start, end - 1));
    while (n && n.parent && !(n.parent && STATEMENT_PARENTS.has(n.parent.type) && n.startIndex <= start && n.endIndex >= end)) n = n.parent;
    if (!n || !n.parent) return { start: 0, end: this.text.length };
    // Include the whole ERROR node when the statement sits in one (half-typed code).
    return { start: n.startIndex, end: n.endIndex };
  }

  /**
   * Extracts again from the current syntax tree without any kept result: what result() must equal. (After an edit
   * in broken code the incrementally parsed tree can legitimately differ from a fresh parse of the same text, so this,
   * not a fresh parse, is the reference for the incremental bookkeeping.)
   */
  recompute(): ExtractResult {
    if (!this.tree) return this.result();
    resetNodeCache(this.text);
    const index = new FileIndex(this.index.syntax, this.grammar, (name) => CALL_NAMES.has(name));
    index.build(this.tree, this.text);
    const saved = { index: this.index, results: this.results, cached: this.cached };
    try {
      this.index = index;
      this.results = new Map();
      this.evaluateAll(new Set());
      this.cached = null;
      return this.result();
    } finally {
      this.index = saved.index;
      this.results = saved.results;
      this.cached = saved.cached;
      resetNodeCache(this.text);
    }
  }

  result(): ExtractResult {
    if (this.cached) return this.cached;
    const { calls, prompts, directives } = assemble(this.results.values());
    const result: ExtractResult = {
      language: this.language,
      calls,
      prompts,
      directives,
      syntaxErrors: this.tree ? countSyntaxErrors(this.tree.rootNode) : 0,
    };
    if (this.notes.length > 0) result.notes = [...this.notes];
    this.cached = result;
    return result;
  }

  /** Frees the syntax tree (wasm memory). */
  dispose(): void {
    this.disposed = true;
    this.tree?.delete();
    this.tree = null;
    this.results.clear();
  }
}

/** Opens a document (loads the grammar on first use). */
export async function openDocument(text: string, language: LanguageId, options?: ExtractOptions): Promise<ExtractDocument> {
  const grammar = await loadGrammar(language);
  return new ExtractDocument(language, grammar, text, options);
}
