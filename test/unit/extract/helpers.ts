/** Shared helpers for the extraction tests: load a fixture, find calls by the source line they sit on. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { extract } from '../../../src/engine/extract';
import type { CallSite, ExtractResult, LanguageId, Prompt, PromptConstant, Range } from '../../../src/engine/model';

export const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'extract');

const LANGUAGE_OF: Record<string, LanguageId> = {
  '.py': 'python',
  '.ts': 'typescript',
  '.tsx': 'typescriptreact',
  '.js': 'javascript',
  '.jsx': 'javascriptreact',
};

export interface Fixture {
  src: string;
  result: ExtractResult;
}

export async function load(relative: string): Promise<Fixture> {
  const src = readFileSync(join(FIXTURES, relative), 'utf8');
  const language = LANGUAGE_OF[extname(relative)];
  assert.ok(language, `no language for ${relative}`);
  return { src, result: await extract(src, language) };
}

export async function extractText(src: string, language: LanguageId): Promise<Fixture> {
  return { src, result: await extract(src, language) };
}

/** The 0-based line of the nth occurrence of `needle`. */
export function lineOf(src: string, needle: string, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = src.indexOf(needle, at + 1);
    assert.ok(at >= 0, `fixture has no ${nth + 1}x ${JSON.stringify(needle)}`);
  }
  return src.slice(0, at).split('\n').length - 1;
}

/** The innermost call whose source overlaps the nth occurrence of `needle`. */
export function callOn(f: Fixture, needle: string, nth = 0): CallSite {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = f.src.indexOf(needle, at + 1);
    assert.ok(at >= 0, `fixture has no ${nth + 1}x ${JSON.stringify(needle)}`);
  }
  const found = f.result.calls
    .filter((c) => c.range.startOffset < at + needle.length && at < c.range.endOffset)
    .sort((a, b) => a.range.endOffset - a.range.startOffset - (b.range.endOffset - b.range.startOffset));
  assert.ok(found.length > 0, `no call around ${JSON.stringify(needle)} (line ${lineOf(f.src, needle, nth) + 1}); calls on lines ${f.result.calls.map((c) => c.nameRange.start.line + 1).join(', ')}`);
  return found[0];
}

/** The first call that starts after the nth occurrence of `needle` (a function header, a comment...). */
export function callAfter(f: Fixture, needle: string, nth = 0): CallSite {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = f.src.indexOf(needle, at + 1);
    assert.ok(at >= 0, `fixture has no ${nth + 1}x ${JSON.stringify(needle)}`);
  }
  const found = f.result.calls.find((c) => c.range.startOffset >= at);
  assert.ok(found, `no call after ${JSON.stringify(needle)}`);
  return found;
}

/** The calls whose API method name sits on the given 0-based line. */
export function callsOnLine(f: Fixture, line: number): CallSite[] {
  return f.result.calls.filter((c) => c.nameRange.start.line === line);
}

export function source(f: Fixture, range: Range): string {
  return f.src.slice(range.startOffset, range.endOffset);
}

/** [role, text] of each prompt. */
export function roles(call: CallSite): [string, string][] {
  return call.prompts.map((p) => [p.role, p.text]);
}

/** The source text of each literal a prompt came from. */
export function literalSources(f: Fixture, p: Prompt | PromptConstant): string[] {
  return p.literals.map((l) => source(f, l.range));
}

export function promptWith(call: CallSite, text: string): Prompt {
  const p = call.prompts.find((x) => x.text.includes(text));
  assert.ok(p, `no prompt containing ${JSON.stringify(text)} in ${JSON.stringify(roles(call))}`);
  return p;
}

export function constant(f: Fixture, name: string): PromptConstant {
  const found = f.result.prompts.filter((p) => p.name === name);
  assert.equal(found.length, 1, `expected one prompt constant ${name}, found ${found.length}: ${f.result.prompts.map((p) => p.name).join(', ')}`);
  return found[0];
}

/** Every prompt text reported anywhere in a result (calls and constants). */
export function allPromptTexts(result: ExtractResult): string[] {
  return [...result.calls.flatMap((c) => c.prompts.map((p) => p.text)), ...result.prompts.map((p) => p.text)];
}
