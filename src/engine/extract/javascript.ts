/** JavaScript and TypeScript (also JSX/TSX): maps tree-sitter-javascript/typescript nodes onto syntax.ts. */
import type { Node } from 'web-tree-sitter';
import { isType, memberPath, nameOf, named, parts, sourceText, textOf, typeOf } from './nodes';
import type { Expr, ImportInfo, Item, LanguageSyntax, Param, ScopeKind, StringPiece } from './syntax';

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0', '\\': '\\', "'": "'", '"': '"', '`': '`', $: '$', '\n': '', '\r': '',
};

/** Decodes one JS escape sequence token (`\n`, `\u{1F600}`, `\x41`...). */
export function decodeJsEscape(seq: string): string {
  const n = seq[1];
  if (n === undefined) return seq;
  if (seq.length === 2 && n in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[n];
  if (n === 'x' || n === 'u') {
    const hex = seq.slice(2).replace(/[{}]/g, '');
    const code = parseInt(hex, 16);
    if (Number.isFinite(code) && code <= 0x10ffff) return String.fromCodePoint(code);
  }
  if (n === '\r' || n === '\n' || n === '\u2028' || n === '\u2029') return '';
  return seq.slice(1);
}

/** Decodes the escapes of a JS string or template body. */
export function decodeJsEscapes(body: string): string {
  if (!body.includes('\\')) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\' || i === body.length - 1) {
      out += c;
      continue;
    }
    const n = body[i + 1];
    let len = 2;
    if (n === 'x') len = 4;
    else if (n === 'u') len = body[i + 2] === '{' ? body.indexOf('}', i) - i + 1 : 6;
    else if (n === '\r' && body[i + 2] === '\n') len = 3;
    out += decodeJsEscape(body.slice(i, i + Math.max(2, len)));
    i += Math.max(2, len) - 1;
  }
  return out;
}

/**
 * The pieces of a string or template literal. Literals without substitutions are decoded from their own text in one
 * step; templates with `${...}` walk their children for the holes.
 */
function stringPieces(node: Node): StringPiece[] {
  const text = textOf(node);
  const q = text[0];
  if (text.length >= 2 && (q === '"' || q === "'" || q === '`') && text[text.length - 1] === q && !(q === '`' && text.includes('${'))) {
    return [{ text: decodeJsEscapes(text.slice(1, -1)) }];
  }
  const pieces: StringPiece[] = [];
  for (const child of node.children) {
    if (!child) continue;
    switch (typeOf(child)) {
      case 'string_fragment':
        pieces.push({ text: textOf(child) });
        break;
      case 'escape_sequence':
        pieces.push({ text: decodeJsEscape(textOf(child)) });
        break;
      case 'template_substitution':
        // ${ expression }
        pieces.push({ hole: named(child)[0] ?? null, raw: textOf(child) });
        break;
      default:
        break;
    }
  }
  return pieces;
}

function literalKey(node: Node): string | null {
  switch (typeOf(node)) {
    case 'property_identifier':
    case 'identifier':
    case 'private_property_identifier':
      return nameOf(node);
    case 'number':
      return textOf(node);
    case 'string': {
      let text = '';
      for (const p of stringPieces(node)) {
        if ('hole' in p) return null;
        text += p.text;
      }
      return text;
    }
    default:
      return null;
  }
}

/**
 * The key of a pair, told by its first character instead of its node type: a pair's key is a name, a string, a
 * number or a computed `[...]` key.
 */
function pairKey(node: Node): string | null {
  const c = sourceText().charCodeAt(node.startIndex);
  if (c === 34 || c === 39) return literalKey(node); // a string
  if (c === 91) return null; // [computed]
  if (c >= 48 && c <= 57) return textOf(node); // a number
  return nameOf(node);
}

/** `key: value` as an Item. */
function entry(child: Node): Item | null {
  if (typeOf(child) !== 'pair') return null;
  const c = named(child);
  return c.length >= 2 ? { key: pairKey(c[0]), value: c[c.length - 1], spread: false } : null;
}

function items(container: Node): Item[] {
  const out: Item[] = [];
  for (const child of named(container)) {
    switch (typeOf(child)) {
      case 'method_definition':
        break;
      case 'spread_element': {
        // ... value
        const inner = named(child)[0];
        if (inner) out.push({ key: null, value: inner, spread: true });
        break;
      }
      case 'pair': {
        const item = entry(child);
        if (item) out.push(item);
        break;
      }
      case 'shorthand_property_identifier':
        out.push({ key: textOf(child), value: child, spread: false });
        break;
      default:
        out.push({ key: null, value: child, spread: false });
    }
  }
  return out;
}

function parseNumber(text: string): number {
  const t = text.replace(/_/g, '').toLowerCase().replace(/n$/, '');
  if (t.startsWith('0x')) return parseInt(t.slice(2), 16);
  if (t.startsWith('0o')) return parseInt(t.slice(2), 8);
  if (t.startsWith('0b')) return parseInt(t.slice(2), 2);
  return Number(t);
}

const WRAPPERS = new Set([
  'parenthesized_expression', 'await_expression', 'as_expression', 'satisfies_expression', 'non_null_expression', 'type_assertion',
]);
const FUNCTIONS = new Set([
  'arrow_function', 'function_expression', 'function', 'function_declaration', 'generator_function', 'generator_function_declaration', 'method_definition',
]);

/** The expression view of a node. Fields are read by position (see nodes.parts): the grammar fixes their order. */
function expr(node: Node): Expr {
  const type = typeOf(node);
  switch (type) {
    case 'string':
    case 'template_string':
      return { kind: 'string', pieces: stringPieces(node) };
    case 'binary_expression': {
      // left op right
      const c = parts(node);
      if (c.length !== 3) return { kind: 'other' };
      const op = typeOf(c[1]);
      if (op === '||' || op === '??') return { kind: 'fallback', left: c[0], right: c[2] };
      return { kind: 'binary', op, left: c[0], right: c[2] };
    }
    case 'ternary_expression': {
      // cond ? a : b
      const c = named(node);
      return c.length === 3 ? { kind: 'ternary', branches: [c[1], c[2]] } : { kind: 'other' };
    }
    case 'identifier':
    case 'shorthand_property_identifier':
      return { kind: 'name', name: nameOf(node) };
    case 'this':
      return { kind: 'name', name: 'this' };
    case 'member_expression': {
      // object [?.] property
      const c = named(node);
      return c.length >= 2 ? { kind: 'member', object: c[0], property: nameOf(c[c.length - 1]) } : { kind: 'other' };
    }
    case 'subscript_expression': {
      // object [?.] [ index ]
      const c = named(node);
      return c.length >= 2 ? { kind: 'index', object: c[0], index: c[c.length - 1] } : { kind: 'other' };
    }
    case 'call_expression': {
      // function [?.] [type_arguments] arguments; a tagged template (dedent`...`) passes the template as the only argument
      const c = named(node);
      if (c.length < 2) return { kind: 'other' };
      const args = c[c.length - 1];
      const list = typeOf(args) === 'arguments' ? items(args) : [{ key: null, value: args, spread: false }];
      return { kind: 'call', callee: c[0], args: list, argsNode: args, isNew: false };
    }
    case 'new_expression': {
      // new constructor [type_arguments] [arguments]
      const c = named(node);
      if (c.length < 1) return { kind: 'other' };
      const last = c[c.length - 1];
      const args = c.length >= 2 && typeOf(last) === 'arguments' ? last : null;
      return { kind: 'call', callee: c[0], args: args ? items(args) : [], argsNode: args, isNew: true };
    }
    case 'array':
      return { kind: 'list', items: items(node) };
    case 'object':
      return { kind: 'dict', entries: items(node) };
    case 'number':
      return { kind: 'number', value: parseNumber(textOf(node)) };
    case 'unary_expression': {
      const c = parts(node);
      if (c.length === 2 && typeOf(c[0]) === '-' && typeOf(c[1]) === 'number') return { kind: 'number', value: -parseNumber(textOf(c[1])) };
      return { kind: 'other' };
    }
    case 'arrow_function':
    case 'function_expression':
    case 'function': {
      const body = node.childForFieldName('body');
      return body ? { kind: 'function', body } : { kind: 'other' };
    }
    case 'parenthesized_expression':
    case 'await_expression':
    case 'as_expression':
    case 'satisfies_expression':
    case 'non_null_expression': {
      // ( inner ) / await inner / inner as T / inner satisfies T / inner!
      const c = named(node);
      return c.length >= 1 ? { kind: 'wrap', inner: c[0] } : { kind: 'other' };
    }
    case 'type_assertion': {
      // <T> inner
      const c = named(node);
      return c.length >= 1 ? { kind: 'wrap', inner: c[c.length - 1] } : { kind: 'other' };
    }
    default:
      return { kind: 'other' };
  }
}

/** Names a destructuring pattern declares, with their default values (`{ system = "..." }`). */
function patternParams(pattern: Node, out: Param[]): void {
  for (const p of pattern.namedChildren) {
    if (!p) continue;
    switch (typeOf(p)) {
      case 'shorthand_property_identifier_pattern':
        out.push({ name: nameOf(p), node: p, defaultValue: null, index: -1, destructured: true });
        break;
      case 'object_assignment_pattern': {
        const left = p.childForFieldName('left');
        if (isType(left, 'shorthand_property_identifier_pattern') || isType(left, 'identifier')) {
          out.push({ name: nameOf(left), node: left, defaultValue: p.childForFieldName('right'), index: -1, destructured: true });
        }
        break;
      }
      case 'pair_pattern': {
        const value = p.childForFieldName('value');
        if (isType(value, 'identifier')) out.push({ name: nameOf(value), node: value, defaultValue: null, index: -1, destructured: true });
        else if (isType(value, 'assignment_pattern')) {
          const left = value.childForFieldName('left');
          if (isType(left, 'identifier')) out.push({ name: nameOf(left), node: left, defaultValue: value.childForFieldName('right'), index: -1, destructured: true });
        }
        break;
      }
      default:
        break;
    }
  }
}

function params(fn: Node): Param[] {
  const out: Param[] = [];
  const single = fn.childForFieldName('parameter');
  if (single) {
    out.push({ name: nameOf(single), node: single, defaultValue: null, index: 0, destructured: false });
    return out;
  }
  const list = fn.childForFieldName('parameters');
  if (!list) return out;
  let index = 0;
  for (const p of list.namedChildren) {
    if (!p || typeOf(p) === 'comment') continue;
    let pattern: Node | null = p;
    let defaultValue: Node | null = null;
    if (typeOf(p) === 'required_parameter' || typeOf(p) === 'optional_parameter') {
      pattern = p.childForFieldName('pattern');
      defaultValue = p.childForFieldName('value');
    } else if (typeOf(p) === 'assignment_pattern') {
      pattern = p.childForFieldName('left');
      defaultValue = p.childForFieldName('right');
    }
    if (isType(pattern, 'identifier')) out.push({ name: nameOf(pattern), node: pattern, defaultValue, index, destructured: false });
    else if (isType(pattern, 'object_pattern')) patternParams(pattern, out);
    else if (isType(pattern, 'assignment_pattern')) {
      const left = pattern.childForFieldName('left');
      if (isType(left, 'identifier')) out.push({ name: nameOf(left), node: left, defaultValue: pattern.childForFieldName('right'), index, destructured: false });
      else if (isType(left, 'object_pattern')) patternParams(left, out);
    }
    index++;
  }
  return out;
}

function isPromiseAllArgument(call: Node): boolean {
  let n = call.parent;
  while (n && WRAPPERS.has(typeOf(n))) n = n.parent;
  if (!isType(n, 'arguments')) return false;
  const fn = n.parent?.childForFieldName('function');
  return isType(fn, 'member_expression') && fn.childForFieldName('object')?.text === 'Promise' && /^all(Settled)?$/.test(fn.childForFieldName('property')?.text ?? '');
}

function moduleOfRequire(value: Node | null): string | null {
  let v = value;
  while (v && WRAPPERS.has(typeOf(v))) v = v.namedChild(0);
  if (!isType(v, 'call_expression') || v.childForFieldName('function')?.text !== 'require') return null;
  const arg = v.childForFieldName('arguments')?.namedChild(0);
  return isType(arg, 'string') ? literalKey(arg) : null;
}

function imports(node: Node): { name: string; node: Node; info: ImportInfo }[] {
  const out: { name: string; node: Node; info: ImportInfo }[] = [];
  if (typeOf(node) === 'import_statement') {
    const source = node.childForFieldName('source');
    const module = source ? (literalKey(source) ?? '') : '';
    const clause = node.namedChildren.find((c) => isType(c, 'import_clause'));
    for (const c of clause?.namedChildren ?? []) {
      if (!c) continue;
      if (typeOf(c) === 'identifier') out.push({ name: textOf(c), node: c, info: { module, imported: 'default' } });
      else if (typeOf(c) === 'namespace_import') {
        const id = c.namedChildren.find((x) => isType(x, 'identifier'));
        if (id) out.push({ name: textOf(id), node: id, info: { module, imported: '*' } });
      } else if (typeOf(c) === 'named_imports') {
        for (const spec of c.namedChildren) {
          if (!isType(spec, 'import_specifier')) continue;
          const name = spec.childForFieldName('name');
          const alias = spec.childForFieldName('alias') ?? name;
          if (name && alias) out.push({ name: textOf(alias), node: alias, info: { module, imported: textOf(name) } });
        }
      }
    }
  } else if (typeOf(node) === 'variable_declarator') {
    // const OpenAI = require('openai'); const { generateText } = require('ai');
    const module = moduleOfRequire(node.childForFieldName('value'));
    const name = node.childForFieldName('name');
    if (module === null || !name) return out;
    if (typeOf(name) === 'identifier') out.push({ name: textOf(name), node: name, info: { module, imported: 'default' } });
    else if (typeOf(name) === 'object_pattern') {
      for (const p of name.namedChildren) {
        if (isType(p, 'shorthand_property_identifier_pattern')) out.push({ name: textOf(p), node: p, info: { module, imported: textOf(p) } });
        else if (isType(p, 'pair_pattern')) {
          const key = p.childForFieldName('key');
          const value = p.childForFieldName('value');
          if (key && isType(value, 'identifier')) out.push({ name: textOf(value), node: value, info: { module, imported: textOf(key) } });
        }
      }
    }
  }
  return out;
}

function targetNames(target: Node): { name: string; node: Node; whole: boolean }[] {
  switch (typeOf(target)) {
    case 'identifier':
      return [{ name: nameOf(target), node: target, whole: true }];
    case 'member_expression': {
      const object = target.childForFieldName('object');
      const property = target.childForFieldName('property');
      if (isType(object, 'this') && property) return [{ name: `this.${nameOf(property)}`, node: target, whole: true }];
      // state.messages = [...]: stored under its path (read back wherever the path is read).
      const path = memberPath(textOf(target));
      return path ? [{ name: path, node: target, whole: true }] : [];
    }
    case 'subscript_expression': {
      const path = memberPath(textOf(target));
      return path ? [{ name: path, node: target, whole: true }] : [];
    }
    case 'property_identifier':
    case 'private_property_identifier':
      // A class field: `systemPrompt = "..."` reads as this.systemPrompt.
      return [{ name: `this.${nameOf(target)}`, node: target, whole: true }];
    case 'object_pattern':
    case 'array_pattern': {
      const out: Param[] = [];
      if (typeOf(target) === 'object_pattern') patternParams(target, out);
      else for (const c of target.namedChildren) if (isType(c, 'identifier')) out.push({ name: nameOf(c), node: c, defaultValue: null, index: -1, destructured: true });
      return out.map((p) => ({ name: p.name, node: p.node, whole: false }));
    }
    default:
      return [];
  }
}

export const javascript: LanguageSyntax = {
  family: 'javascript',
  selfName: 'this',
  promptArgKeys: new Set([
    'prompt', 'system', 'systemPrompt', 'system_prompt', 'systemMessage', 'instructions', 'systemInstruction', 'system_instruction', 'userPrompt',
    'user_prompt', 'preamble', 'instruction',
  ]),
  expr,
  params,
  scopeKind(node: Node): ScopeKind {
    if (FUNCTIONS.has(typeOf(node))) return 'function';
    if (typeOf(node) === 'class_declaration' || typeOf(node) === 'class' || typeOf(node) === 'abstract_class_declaration') return 'class';
    if (typeOf(node) === 'program') return 'module';
    return 'block';
  },
  isGathered: isPromiseAllArgument,
  isFunction: (node) => FUNCTIONS.has(typeOf(node)) || typeOf(node) === 'class_declaration' || typeOf(node) === 'class',
  imports,
  targetNames,
  isDocstring: (node) => { const p = node.parent; return !!p && typeOf(p) === 'expression_statement'; },
  commentText: (node) => {
    const t = textOf(node);
    return t.startsWith('/*') ? t.slice(2, t.endsWith('*/') ? -2 : undefined) : t.replace(/^\/\/+/, '');
  },
  entry,
  keyName: literalKey,
  tryBody: (node) => (typeOf(node) === 'try_statement' ? node.childForFieldName('body') : null),
  leavesLoop: (node) => typeOf(node) === 'return_statement' || typeOf(node) === 'break_statement',
  loopBound(loop: Node): Node | null {
    // for (...; i < n; ...) / while (i < n) / while (i <= n)
    const type = typeOf(loop);
    if (type !== 'for_statement' && type !== 'while_statement') return null;
    let cond = loop.childForFieldName('condition');
    while (cond && (typeOf(cond) === 'parenthesized_expression' || typeOf(cond) === 'expression_statement')) cond = named(cond)[0] ?? null;
    if (!isType(cond, 'binary_expression')) return null;
    const op = cond.childForFieldName('operator')?.type;
    return op === '<' || op === '<=' ? cond.childForFieldName('right') : null;
  },
};
