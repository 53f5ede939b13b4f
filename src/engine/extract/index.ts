/**
 * Extraction: finds every LLM API call and prompt in a Python or TypeScript/JavaScript document with tree-sitter.
 *
 *   extract(text, language)        one-shot; never throws; broken input returns what could be read.
 *   openDocument(text, language)   for the editor: update(newText, edit?) re-extracts incrementally; dispose() frees it.
 *   setAssetRoot(dir)              where the wasm runtime, grammars and queries are (dist/); defaults work under tsx too.
 */
import type { ExtractResult, LanguageId } from '../model';
import { ExtractDocument, openDocument as open, type ExtractOptions } from './document';

export { setAssetRoot } from './parser';
export { ExtractDocument, diffEdit, looksBinary } from './document';
export type { ContentChange, ExtractOptions, OffsetEdit } from './document';

function failed(language: LanguageId, err: unknown): ExtractResult {
  const reason = err instanceof Error ? err.message : String(err);
  return { language, calls: [], prompts: [], directives: [], syntaxErrors: 0, notes: [`Extraction failed: ${reason}`] };
}

/** Extracts calls, prompts and directives from one document. Never throws. */
export async function extract(text: string, language: LanguageId, options?: ExtractOptions): Promise<ExtractResult> {
  let doc: ExtractDocument | null = null;
  try {
    doc = await open(text, language, options);
    return doc.result();
  } catch (err) {
    return failed(language, err);
  } finally {
    doc?.dispose();
  }
}

/** Opens a document for incremental extraction (loads its grammar on first use). Rejects only when assets are missing. */
export function openDocument(text: string, language: LanguageId, options?: ExtractOptions): Promise<ExtractDocument> {
  return open(text, language, options);
}
