/**
 * Extraction speed: on a generated 5,000-line Python file and a 5,000-line TypeScript file, the median of 20 warm full
 * extractions (parse + index + evaluate) and of re-extractions after a one-character edit (tree.edit + incremental
 * parse + re-evaluation of what the edit touched). The bare tree-sitter parse of the same text is printed alongside
 * as the same-run reference.
 */
import type { LanguageId } from '../../src/engine/model';
import { extract, openDocument } from '../../src/engine/extract';
import { loadGrammar, parseWithBudget } from '../../src/engine/extract/parser';
import { generatePython, generateTypeScript } from '../../test/fixtures/extract/generate';
import type { Bench } from './harness';

const LINES = 5000;
/**
 * Runs before a warm figure is taken. V8 keeps optimizing the extraction code for about 30 full extractions of these
 * files (measured, medians of 10 runs each on the Python file: runs 11-20 57-75 ms, 21-30 54-56 ms, 31-40 48-50 ms, flat
 * after): fewer warm-up runs time a JIT still at work, not the extraction an editor runs on every open and edit. The
 * references get the same warm-up (the wasm parser tiers up too).
 */
const WARMUP = 40;

async function measure(bench: Bench, label: string, language: LanguageId, text: string, needle: string): Promise<void> {
  const grammar = await loadGrammar(language);
  const parseMs = await bench.median(() => parseWithBudget(grammar, text, null, 60_000)?.delete(), 20, WARMUP);
  bench.record(`${label}: tree-sitter parse alone (reference)`, parseMs, 'ms');
  // Parse, the index query over the whole file, free the tree: what indexing every statement would cost (a full
  // extraction queries only the statements that may hold a candidate up front, the rest when a lookup needs them).
  const floorMs = await bench.median(() => {
    const tree = parseWithBudget(grammar, text, null, 60_000);
    if (tree) grammar.query.matches(tree.rootNode);
    tree?.delete();
  }, 20, WARMUP);
  bench.record(`${label}: parse + whole-file query + free (reference)`, floorMs, 'ms');

  const check = await extract(text, language);
  // Warm: the JIT has optimized the extraction code (the editor extracts on every open and edit).
  const fullMs = await bench.median(() => extract(text, language), 20, WARMUP);
  bench.record(`${label}: full extraction, ${check.calls.length} calls (x${(fullMs / parseMs).toFixed(2)} parse)`, fullMs, 'ms', { max: 60 });

  // One-character edits inside a prompt in the middle of the file: type a letter, then delete it again.
  const doc = await openDocument(text, language);
  const at = text.indexOf(needle, Math.floor(text.length / 2)) + needle.length;
  const typed = text.slice(0, at) + 'x' + text.slice(at);
  let current = text;
  const step = (): void => {
    if (current === text) {
      doc.update(typed, { startOffset: at, oldEndOffset: at, newEndOffset: at + 1 });
      current = typed;
    } else {
      doc.update(text, { startOffset: at, oldEndOffset: at + 1, newEndOffset: at });
      current = text;
    }
  };
  const incMs = await bench.median(step, 20, 30);
  const after = doc.result();
  bench.record(`${label}: re-extraction after a 1-char edit (${after.calls.length} calls)`, incMs, 'ms', { max: 10 });
  doc.dispose();

  // The first edit after a fresh full extraction (most statements not read yet): a line added to a function in the
  // middle of the file, before its `return`. Only the edit is timed; each run opens the document again.
  const returnAt = text.indexOf(' return ', Math.floor(text.length / 2));
  const line = text.lastIndexOf('\n', returnAt) + 1;
  const indent = text.slice(line, returnAt + 1);
  const added = indent + (language === 'python' ? 'notes = "first edit"\n' : 'const notes = "first edit";\n');
  const withLine = text.slice(0, line) + added + text.slice(line);
  // The document is fresh every time; the update code is not: it runs on every edit in an editor, and V8 optimizes it
  // over its first ~20 runs (medians of 10: runs 1-10 12 ms, 11-20 8-9.6, then 6.2-8.4), so those are not timed.
  const firstEdits: number[] = [];
  const FIRST_EDIT_WARMUP = 20;
  for (let i = 0; i < FIRST_EDIT_WARMUP + 20; i++) {
    const fresh = await openDocument(text, language);
    const started = performance.now();
    fresh.update(withLine, { startOffset: line, oldEndOffset: line, newEndOffset: line + added.length });
    if (i >= FIRST_EDIT_WARMUP) firstEdits.push(performance.now() - started);
    fresh.dispose();
  }
  firstEdits.sort((a, b) => a - b);
  const firstMs = (firstEdits[9] + firstEdits[10]) / 2;
  bench.record(`${label}: first edit after opening (a line added)`, firstMs, 'ms', { max: 10 });
}

export default async function (bench: Bench): Promise<void> {
  await measure(bench, `Python ${LINES} lines`, 'python', generatePython(LINES), 'Keep numbers exact');
  await measure(bench, `TypeScript ${LINES} lines`, 'typescript', generateTypeScript(LINES), 'Point out bugs');
}
