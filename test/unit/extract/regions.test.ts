import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isPromptName } from '../../../src/engine/extract/constants';
import { openDocument } from '../../../src/engine/extract';
import { syntaxOf } from '../../../src/engine/extract/document';
import { FileIndex, type NodeRef } from '../../../src/engine/extract/fileindex';
import { resetNodeCache } from '../../../src/engine/extract/nodes';
import type { Tree } from 'web-tree-sitter';
import { loadGrammar, parseWithBudget } from '../../../src/engine/extract/parser';
import { CALL_NAMES } from '../../../src/engine/extract/providers';
import { Regions, WordKind } from '../../../src/engine/extract/regions';
import type { LanguageId } from '../../../src/engine/model';
import { languageOf } from '../../../src/workspace/files';
import { generatePython, generateTypeScript } from '../../fixtures/extract/generate';

const FIXTURES = join(__dirname, '../../fixtures/extract');
const EXAMPLES = join(__dirname, '../../../examples');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (languageOf(path)) out.push(path);
  }
  return out.sort();
}

const span = (r: NodeRef): string => `${r.start}-${r.end}`;

/** The candidate lists of an index: what extraction iterates, so a region left unread must not hold any. */
function candidates(index: FileIndex): Record<string, string[]> {
  const promptNamed: string[] = [];
  index.bindings.forEach((list, name) => {
    if (isPromptName(name)) for (const b of list) promptNamed.push(`${name}@${b.pos}:${b.kind}:${span(b.ref)}`);
  });
  return {
    promptNamed,
    calls: index.calls.map((c) => `${c.name}@${span(c.ref)}`),
    messages: index.messages.map(span),
    promptArgs: index.promptArgs.map(span),
    wrapperCalls: index.wrapperCalls.map(span),
    comments: index.comments.map(span),
    errors: index.errors.map(span),
    modules: [...index.modules].sort(),
  };
}

/** Everything else, compared once the lazily built index has read the whole file. */
function lookups(index: FileIndex): Record<string, string[]> {
  const bindings: string[] = [];
  for (const [name, list] of [...index.bindings].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    for (const b of list) bindings.push(`${name}@${b.pos}:${b.kind}:${b.whole}:${span(b.ref)}:${b.value ? span(b.value) : '-'}:${b.import?.module ?? ''}`);
  }
  const mutations: string[] = [];
  for (const [name, list] of [...index.mutations].sort((a, b) => (a[0] < b[0] ? -1 : 1))) for (const m of list) mutations.push(`${name}.${m.method}@${m.pos}`);
  const callSites: string[] = [];
  for (const [name, list] of [...index.callSites].sort((a, b) => (a[0] < b[0] ? -1 : 1))) callSites.push(`${name}: ${list.map(span).join(' ')}`);
  return {
    bindings,
    mutations,
    callSites,
    scopes: index.scopes.map((s) => `${s.kind}@${span(s.ref)}:${s.bodyStart}<${s.parent?.ref.start ?? 'module'}`),
    loops: index.loops.map((l) => `${l.kind}@${span(l.ref)}:${l.bodyStart}:${span(l.body)}`),
  };
}

/** Compares a lazily built index with one built whole; true when the lazy one had left statements unread. */
async function compare(text: string, language: LanguageId, what: string): Promise<boolean> {
  const grammar = await loadGrammar(language);
  const tree = parseWithBudget(grammar, text, null, 60_000);
  assert.ok(tree, what);
  try {
    resetNodeCache(text);
    const wantCall = (name: string): boolean => CALL_NAMES.has(name);
    const whole = new FileIndex(syntaxOf(language), grammar, wantCall);
    whole.build(tree, text, Infinity, true);
    const lazy = new FileIndex(syntaxOf(language), grammar, wantCall);
    lazy.build(tree, text);
    // Before any lookup: the candidate lists are already complete.
    assert.deepEqual(candidates(lazy), candidates(whole), `${what}: candidates`);
    const before = lazy.version;
    lazy.indexRest();
    assert.deepEqual(lookups(lazy), lookups(whole), `${what}: bindings, scopes, loops after reading the rest`);
    return lazy.version !== before;
  } finally {
    tree.delete();
  }
}

describe('extract: top-level statements indexed on demand', () => {
  it('indexes up front every statement holding a candidate, and the rest to the same index', async () => {
    const files = [...sourceFiles(FIXTURES), ...sourceFiles(EXAMPLES)];
    assert.ok(files.length > 20);
    let unread = 0;
    for (const file of files) if (await compare(readFileSync(file, 'utf8'), languageOf(file)!, file)) unread++;
    assert.ok(unread >= 5, `statements left unread in ${unread} files`);
    assert.ok(await compare(generatePython(800), 'python', 'generated Python'));
    assert.ok(await compare(generateTypeScript(800), 'typescript', 'generated TypeScript'));
  });

  it('reads up front the statements whose calls are written in unusual ways', async () => {
    const ts = [
      "import OpenAI from 'openai';",
      'function a() { const c = new OpenAI; return c; }',
      'function b(c: any) { return c.chat.completions.create /* why */ ({ model: "gpt-4o", messages: [] }); }',
      'function d(c: any) { return c.chat.completions.create\u00a0({ model: "gpt-4o", messages: [] }); }',
      'function e(c: any) { return c.chat.completions.create?.({ model: "gpt-4o", messages: [] }); }',
      'function f(c: any) { return c.chat.completions.create<string>({ model: "gpt-4o", messages: [] }); }',
      'function k(generateText: any) { return generateText?.({ model: "gpt-4o" }); }',
      'function l(generateText: any) { return generateText`tagged`; }',
      'function g() { return { "role역할": "system", content: "Be brief." }; }',
      'function h(x: string) { return get_completion\n  (x); }',
      'function i() { return new\nOpenAI; }',
      // A built-in's method (`JSON.parse`) is no API call; the same name on anything else may be.
      'function m() { return JSON.parse("{}"); }',
      'function n(x: any) { return x.JSON.parse("{}") ?? JSON?.parse("{}") ?? JSON /* c */ .parse("{}"); }',
      'const j = 1;',
    ].join('\n');
    assert.ok(await compare(ts, 'typescript', 'unusual TypeScript calls'));
    const py = [
      'import openai',
      'def a(c):',
      '    return c.chat.completions.create \\',
      '        (model="gpt-4o", messages=[])',
      'def b(c):',
      '    return [c.chat.completions.create  # comment',
      '        (model="gpt-4o", messages=[])]',
      'def d():',
      '    return {"role역할": "system", "content": "Be brief."}',
      'def e(x):',
      '    return ask_llm (x)',
      'j = 1',
      '',
    ].join('\n');
    assert.ok(await compare(py, 'python', 'unusual Python calls'));
  });

  it('after an edit, the statements left unread move with the text: read to the end, the index equals a whole one', async () => {
    const edits: [LanguageId, string, (text: string, at: number) => [number, number, string]][] = [];
    for (const language of ['python', 'typescript'] as LanguageId[]) {
      const text = language === 'python' ? generatePython(300) : generateTypeScript(300);
      const definition = language === 'python' ? '\nsystem_prompt = "Be brief."\n' : '\nconst systemPrompt = "Be brief.";\n';
      // A letter typed, a character deleted, a line break, a new prompt constant, at positions across the file.
      for (let k = 1; k <= 8; k++) {
        const at = Math.floor((text.length * k) / 9);
        const edit: [number, number, string] = k % 4 === 0 ? [at, 0, 'x'] : k % 4 === 1 ? [at, 1, ''] : k % 4 === 2 ? [at, 0, '\n'] : [text.lastIndexOf('\n', at) + 1, 0, definition];
        edits.push([language, text, () => edit]);
      }
    }
    let unreadAfterEdit = 0;
    for (const [language, text, where] of edits) {
      const [at, remove, insert] = where(text, 0);
      const next = text.slice(0, at) + insert + text.slice(at + remove);
      // The first edit after opening (statements still unread), then one more in a row.
      const doc = await openDocument(text, language);
      try {
        doc.update(next, { startOffset: at, oldEndOffset: at + remove, newEndOffset: at + insert.length });
        doc.update(text, { startOffset: at, oldEndOffset: at + insert.length, newEndOffset: at + remove });
        doc.update(next, { startOffset: at, oldEndOffset: at + remove, newEndOffset: at + insert.length });
        const internals = doc as unknown as { index: FileIndex; tree: Tree };
        const lazy = internals.index;
        const before = lazy.version;
        lazy.indexRest();
        if (lazy.version !== before) unreadAfterEdit++;
        resetNodeCache(next);
        const whole = new FileIndex(syntaxOf(language), lazy['grammar' as keyof FileIndex] as never, (name) => CALL_NAMES.has(name));
        whole.build(internals.tree, next, Infinity, true);
        resetNodeCache(next);
        const what = `${language}: replacing ${remove} chars at ${at} with ${JSON.stringify(insert)}`;
        // (Prompt-named bindings in name order: a name first bound by the edit comes last in the lazy index's map.)
        const sortedCandidates = (index: FileIndex): Record<string, string[]> => {
          const all = candidates(index);
          return { ...all, promptNamed: [...all.promptNamed].sort() };
        };
        assert.deepEqual(sortedCandidates(lazy), sortedCandidates(whole), `${what}: candidates`);
        // (Parameters are bound when a lookup first passes through their function: not part of the comparison.)
        const withoutParams = (index: FileIndex): Record<string, string[]> => {
          const all = lookups(index);
          return { ...all, bindings: all.bindings.filter((b) => !b.includes(':param:')) };
        };
        const [got, want] = [withoutParams(lazy), withoutParams(whole)];
        for (const key of Object.keys(want)) assert.deepEqual(got[key].filter((x) => !want[key].includes(x)), [], `${what}: ${key} only in the lazy index`);
        for (const key of Object.keys(want)) assert.deepEqual(want[key].filter((x) => !got[key].includes(x)), [], `${what}: ${key} only in the whole index`);
        assert.deepEqual(got, want, `${what}: bindings, scopes, loops`);
      } finally {
        doc.dispose();
      }
    }
    assert.ok(unreadAfterEdit >= edits.length / 2, `statements left unread after ${unreadAfterEdit} of ${edits.length} edits`);
  });

  it('does not read up front a statement whose only API-named call is a JavaScript built-in\'s method', async () => {
    const grammar = await loadGrammar('typescript');
    const text = ['import OpenAI from "openai";', 'function m(s: string) { return JSON.parse(s) ?? Object.create(null); }', 'const j = 1;', ''].join('\n');
    const tree = parseWithBudget(grammar, text, null, 60_000);
    assert.ok(tree);
    try {
      resetNodeCache(text);
      const index = new FileIndex(syntaxOf('typescript'), grammar, (name) => CALL_NAMES.has(name));
      index.build(tree, text);
      assert.deepEqual(index.calls, [], 'JSON.parse and Object.create are not API calls');
      const before = index.version;
      index.indexRest();
      assert.notEqual(index.version, before, 'the statement was left unread');
      assert.deepEqual(index.calls, []);
    } finally {
      tree.delete();
    }
  });

  it('leaves statements without candidate words unread until a lookup needs them', () => {
    const statements = [
      'import openai\n',
      'def helper(rows):\n    return [r.strip() for r in rows]\n',
      'def other():\n    return helper(["create a report"])\n',
      'client = openai.OpenAI()\n',
      'client.chat.completions.create(model="gpt-4o", messages=[{"content": helper(["a"])[0]}])\n',
    ];
    const text = statements.join('');
    const starts = statements.map((_, i) => statements.slice(0, i).join('').length);
    const classify = (w: string): WordKind => (w === 'import' ? WordKind.Always : w === 'create' ? WordKind.IfCalled : WordKind.None);
    const regions = new Regions(text, starts, classify, (from, to) => text[to] === '(');
    // `create` in a string is not called: only the statement that calls it is read up front.
    assert.deepEqual([...regions.indexed], [1, 0, 0, 0, 1]);
    assert.equal(regions.left, 3);
    assert.deepEqual(regions.take('helper'), [1, 2], 'the unread statements that spell the word');
    assert.deepEqual(regions.take('helper'), [], 'a word is handed out once');
    assert.equal(regions.at(starts[3] + 3), 3);
    assert.equal(regions.at(starts[0]), 0);
  });
});
