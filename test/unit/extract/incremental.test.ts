import { strict as assert } from 'node:assert';
import { extract, openDocument, type ExtractDocument } from '../../../src/engine/extract';
import type { LanguageId } from '../../../src/engine/model';
import { generatePython, generateTypeScript } from '../../fixtures/extract/generate';

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The incremental result must equal a from-scratch extraction of the same syntax tree; when the text parses without
 * errors it must also equal a fresh extraction of the text (in broken code, tree-sitter's incremental parse may
 * recover differently from a fresh parse, so only the first comparison applies there).
 */
async function expectSame(doc: ExtractDocument, text: string, language: LanguageId, what: string): Promise<void> {
  const current = JSON.parse(JSON.stringify(doc.result()));
  assert.deepEqual(current, JSON.parse(JSON.stringify(doc.recompute())), `incremental result differs from re-extracting the same tree after ${what}`);
  const fresh = await extract(text, language);
  if (fresh.syntaxErrors === 0 && current.syntaxErrors === 0) {
    assert.deepEqual(current, JSON.parse(JSON.stringify(fresh)), `incremental result differs from a fresh extraction after ${what}`);
  }
}

/** Applies one edit to the document and checks it against a fresh extraction. */
async function edit(doc: ExtractDocument, text: string, at: number, remove: number, insert: string, language: LanguageId): Promise<string> {
  const next = text.slice(0, at) + insert + text.slice(at + remove);
  doc.update(next, { startOffset: at, oldEndOffset: at + remove, newEndOffset: at + insert.length });
  await expectSame(doc, next, language, `replacing ${remove} chars at ${at} with ${JSON.stringify(insert)}`);
  return next;
}

describe('extract: incremental document', () => {
  it('matches a fresh extraction after edits inside prompts, names, calls and structure (Python)', async () => {
    let text = generatePython(400);
    const doc = await openDocument(text, 'python');
    try {
      await expectSame(doc, text, 'python', 'opening');
      // inside a prompt string (tree-sitter reports no changed range there)
      text = await edit(doc, text, text.indexOf('five bullet points') + 4, 0, 'x', 'python');
      // rename the model constant: every call that read it changes
      text = await edit(doc, text, text.indexOf('MODEL = "gpt-4o"') + 9, 6, 'gpt-4.1', 'python');
      // max_tokens value
      text = await edit(doc, text, text.indexOf('max_tokens=4_096') + 11, 5, '1024', 'python');
      // add a message to a list used by a call below
      const list = text.indexOf('messages=[') + 'messages=['.length;
      text = await edit(doc, text, list, 0, '\n                {"role": "assistant", "content": "Earlier answer."},', 'python');
      // type a new constant that shadows nothing, then a new call that uses it
      const end = text.length;
      text = await edit(doc, text, end, 0, '\nEXTRA_PROMPT = "Be very brief, please."\n', 'python');
      text = await edit(doc, text, text.length, 0, 'client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": EXTRA_PROMPT}])\n', 'python');
      // break the syntax (unterminated string), then fix it
      const q = text.indexOf('"You label customer tickets. "');
      text = await edit(doc, text, q + 1, 0, '"', 'python');
      text = await edit(doc, text, q + 1, 1, '', 'python');
      // delete a whole function
      const fn = text.indexOf('def summarize_0');
      const fnEnd = text.indexOf('\n\n', fn) + 1;
      text = await edit(doc, text, fn, fnEnd - fn, '', 'python');
    } finally {
      doc.dispose();
    }
  });

  it('stays equal to a from-scratch extraction through random edits (TypeScript)', async () => {
    let text = generateTypeScript(300);
    const doc = await openDocument(text, 'typescript');
    const random = rng(42);
    const alphabet = 'ab ()[]{}"\'`,;:.\n=+$';
    try {
      for (let i = 0; i < 60; i++) {
        const at = Math.floor(random() * text.length);
        const r = random();
        if (r < 0.45) text = await edit(doc, text, at, 0, alphabet[Math.floor(random() * alphabet.length)], 'typescript');
        else if (r < 0.9) text = await edit(doc, text, at, 1, '', 'typescript');
        else text = await edit(doc, text, at, Math.floor(random() * 30), text.slice(Math.floor(random() * text.length)).slice(0, 30), 'typescript');
      }
    } finally {
      doc.dispose();
    }
  });

  it('stays equal to a from-scratch extraction through random edits (Python)', async () => {
    let text = generatePython(300);
    const doc = await openDocument(text, 'python');
    const random = rng(7);
    const alphabet = 'ab ()[]{}"\',:.\n=+#';
    try {
      for (let i = 0; i < 60; i++) {
        const at = Math.floor(random() * text.length);
        const r = random();
        if (r < 0.45) text = await edit(doc, text, at, 0, alphabet[Math.floor(random() * alphabet.length)], 'python');
        else if (r < 0.9) text = await edit(doc, text, at, 1, '', 'python');
        else text = await edit(doc, text, at, Math.floor(random() * 30), text.slice(Math.floor(random() * text.length)).slice(0, 30), 'python');
      }
    } finally {
      doc.dispose();
    }
  });

  it('a helper\'s loop follows edits to its callers elsewhere in the file (a loop added, a map(helper) typed)', async () => {
    let text = [
      'from openai import OpenAI',
      'client = OpenAI()',
      '',
      'def label(text):',
      '    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])',
      '',
      'def run(texts):',
      '    label(texts[0])',
      '',
      'def other(texts):',
      '    return texts',
      '',
    ].join('\n');
    const doc = await openDocument(text, 'python');
    try {
      assert.equal(doc.result().calls[0].loop, null);
      // wrap the call site in a for loop
      const site = text.indexOf('    label(texts[0])');
      text = await edit(doc, text, site, '    label(texts[0])'.length, '    for t in texts:\n        label(t)', 'python');
      assert.deepEqual([doc.result().calls[0].loop?.kind, doc.result().calls[0].loop?.via?.name], ['for', 'label']);
      // take the loop away again, then pass the helper by name to map() in another function
      const loop = text.indexOf('    for t in texts:');
      text = await edit(doc, text, loop, '    for t in texts:\n        label(t)'.length, '    label(texts[0])', 'python');
      assert.equal(doc.result().calls[0].loop, null);
      const ret = text.indexOf('return texts') + 'return '.length;
      text = await edit(doc, text, ret, 'texts'.length, 'list(map(label, texts))', 'python');
      assert.deepEqual([doc.result().calls[0].loop?.kind, doc.result().calls[0].loop?.via?.name], ['map', 'label']);
    } finally {
      doc.dispose();
    }
  });

  it('accepts VS Code content changes and a bare new text', async () => {
    let text = generatePython(120);
    const doc = await openDocument(text, 'python');
    try {
      const at = text.indexOf('Keep numbers exact');
      const next = text.slice(0, at) + 'Please ' + text.slice(at);
      doc.update(next, [{ rangeOffset: at, rangeLength: 0, text: 'Please ' }]);
      await expectSame(doc, next, 'python', 'a content change');
      text = next.replace('gpt-4o', 'gpt-4o-mini');
      doc.update(text);
      await expectSame(doc, text, 'python', 'an update without edit information');
      assert.ok(doc.result().calls.some((c) => c.model?.value === 'gpt-4o-mini'));
    } finally {
      doc.dispose();
    }
  });

  it('refuses updates after dispose', async () => {
    const doc = await openDocument('x = 1\n', 'python');
    doc.dispose();
    assert.throws(() => doc.update('x = 2\n'), /disposed/);
  });
});
