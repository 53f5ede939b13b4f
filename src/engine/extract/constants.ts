/**
 * Standalone prompts: constants and variables named like prompts (`SYSTEM_PROMPT = """..."""`), prompt builder
 * functions (`def build_prompt(...): return f"..."`), and prompt-shaped values that reach no API call in this file
 * (message dicts, LangChain templates, `instructions=` arguments). Not prompts: logs, error messages, SQL, docstrings,
 * URLs and paths, flags whose name happens to contain "prompt".
 */
import type { Node } from 'web-tree-sitter';
import type { PromptConstant, PromptRole, Range } from '../model';
import type { TextValue } from './evaluate';
import type { PromptDraft } from './messages';

/** Words that say "this is a prompt" anywhere in a name. */
const PROMPT_WORDS = 'prompt|instruction|template|tmpl|persona|preamble|guideline|rubric|few_?shot';
/** Names that say "this is a prompt". */
const PROMPT_NAME = new RegExp(`${PROMPT_WORDS}|system_?(msg|message|content|text|role)?$|^system$`, 'i');
/** Every name PROMPT_NAME accepts spells one of these. */
const PROMPT_WORD = new RegExp(`${PROMPT_WORDS}|system`, 'i');
/** Names of things about prompts that are not prompt text (`PROMPT_CACHING_BETA`, `prompt_tokens`, `TEMPLATE_DIR`). */
const NOT_PROMPT_NAME =
  /(beta|flag|header|url|uri|path|file|filename|dir|folder|key|id|ids|model|tokens?|version|name|names|type|mode|format|regex|re|pattern|env|enabled|count|limit|size|cache|caching|length|len|max|min|hash|cost|price|registry|loader|engine|class|cls|fn|func|callback|list|dict|map|index|idx|num|number|var|vars|variables|keys|fields|schema|store|manager|col|column|label|choice|choices|option|options|button|placeholder|input_variables)$/i;
const SQL = /^\s*(SELECT|INSERT|UPDATE|DELETE|CREATE\s+(TABLE|INDEX|VIEW)|ALTER\s+TABLE|DROP\s+TABLE|WITH)\b[\s\S]*\b(FROM|INTO|SET|WHERE|VALUES|TABLE|AS)\b/;

const promptNames = new Map<string, boolean>();

/**
 * True when `word` (one identifier, or one word of a dotted path) may be part of a name isPromptName accepts: the
 * extractor indexes first the statements that spell such a word (see fileindex.ts regionsOf). A superset by
 * construction: PROMPT_NAME matches within one word (none of its parts spans a dot), its anchors only narrow it on a
 * longer path, and the NOT_PROMPT_NAME exclusion is left out.
 */
export function mayBeInPromptName(word: string): boolean {
  // (Splitting camelCase only inserts `_`, which PROMPT_NAME's words allow where it matters: a word spelling none of
  // them is out without the split. Most words of a file are.)
  return PROMPT_WORD.test(word) && PROMPT_NAME.test(word.replace(/([a-z0-9])([A-Z])/g, '$1_$2'));
}

export function isPromptName(name: string): boolean {
  let known = promptNames.get(name);
  if (known === undefined) {
    const bare = name.replace(/^(self|this)\./, '');
    const words = bare.replace(/([a-z0-9])([A-Z])/g, '$1_$2');
    known = PROMPT_NAME.test(words) && !NOT_PROMPT_NAME.test(words);
    if (promptNames.size > 50_000) promptNames.clear();
    promptNames.set(name, known);
  }
  return known;
}

/** The role a prompt's name suggests (`SYSTEM_PROMPT` -> system). */
export function roleOfName(name: string): PromptRole {
  const n = name.toLowerCase();
  if (/system|instruction|persona|preamble|guideline|rubric/.test(n)) return 'system';
  if (/developer/.test(n)) return 'developer';
  if (/assistant|^ai_|_ai_/.test(n)) return 'assistant';
  if (/few_?shot|example/.test(n)) return 'example';
  return 'user';
}

/** True when a text reads like prose for a model rather than an identifier, URL, path, SQL or a format string. */
export function looksLikePrompt(text: string): boolean {
  const bare = text.replace(/\$?\{[^{}]*\}/g, ' ').trim();
  if (bare.length < 8) return false;
  if (!/\s/.test(bare) && bare.length < 40) return false;
  if (/^(https?|wss?|file|s3|gs):\/\/\S*$/i.test(bare)) return false;
  if (/^[\w./\\~-]+\.(txt|md|json|ya?ml|prompty|jinja2?|j2|tmpl|hbs|mustache|html|csv)$/i.test(bare)) return false;
  if (SQL.test(bare)) return false;
  return /[A-Za-z\u00C0-\uFFFF]{2}/.test(bare);
}

export function constantOf(name: string, nameRange: Range, node: Node, value: TextValue, rangeOf: (n: Node) => Range, role?: PromptRole): PromptConstant {
  return {
    name,
    range: rangeOf(node),
    nameRange,
    text: value.text,
    templated: value.templated,
    holes: value.holes.map((h) => ({ start: h.start, end: h.end })),
    literals: value.literals.map((l) => ({ range: rangeOf(l) })),
    role: role ?? roleOfName(name),
  };
}

export function constantOfDraft(name: string, nameRange: Range, d: PromptDraft, rangeOf: (n: Node) => Range): PromptConstant {
  return constantOf(name, nameRange, d.node, d.value, rangeOf, d.role);
}
