/** JavaScript and TypeScript (also JSX/TSX): maps tree-sitter-javascript/typescript nodes onto syntax.ts. */
import type { Node } from 'web-tree-sitter';
import type { LoopKind } from '../model';
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

function stringPieces(node: Node): StringPiece[] {
  const pieces: StringPiece[] = [];
  for (const child of node.children) {
    if (!child) continue;
    switch (child.type) {
      case 'string_fragment':
        pieces.push({ text: child.text });
        break;
      case 'escape_sequence':
        pieces.push({ text: decodeJsEscape(child.text) });
        break;
      case 'template_substitution':
        pieces.push({ hole: child.namedChildren.find((c) => c && c.type !== 'comment') ?? null, raw: child.text });
        break;
      default:
        break;
    }
  }
  return pieces;
}

function literalKey(node: Node): string | null {
  switch (node.type) {
    case 'property_identifier':
    case 'identifier':
    case 'private_property_identifier':
      return node.text;
    case 'number':
      return node.text;
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

function items(container: Node): Item[] {
  const out: Item[] = [];
  for (const child of container.namedChildren) {
    if (!child || child.type === 'comment') continue;
    switch (child.type) {
      case 'spread_element': {
        const inner = child.namedChild(0);
        if (inner) out.push({ key: null, keyNode: null, value: inner, spread: true });
        break;
      }
      case 'pair': {
        const key = child.childForFieldName('key');
        const value = child.childForFieldName('value');
        if (key && value) out.push({ key: literalKey(key), keyNode: key, value, spread: false });
        break;
      }
      case 'shorthand_property_identifier':
        out.push({ key: child.text, keyNode: child, value: child, spread: false });
        break;
      case 'method_definition':
        break;
      default:
        out.push({ key: null, keyNode: null, value: child, spread: false });
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

function expr(node: Node): Expr {
  switch (node.type) {
    case 'string':
    case 'template_string':
      return { kind: 'string', pieces: stringPieces(node) };
    case 'binary_expression': {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      const op = node.childForFieldName('operator');
      if (!left || !right || !op) return { kind: 'other' };
      if (op.type === '||' || op.type === '??') return { kind: 'fallback', left, right };
      return { kind: 'binary', op: op.type, left, right };
    }
    case 'ternary_expression': {
      const a = node.childForFieldName('consequence');
      const b = node.childForFieldName('alternative');
      return a && b ? { kind: 'ternary', branches: [a, b] } : { kind: 'other' };
    }
    case 'identifier':
    case 'shorthand_property_identifier':
      return { kind: 'name', name: node.text };
    case 'this':
      return { kind: 'name', name: 'this' };
    case 'member_expression': {
      const object = node.childForFieldName('object');
      const property = node.childForFieldName('property');
      return object && property ? { kind: 'member', object, property: property.text } : { kind: 'other' };
    }
    case 'subscript_expression': {
      const object = node.childForFieldName('object');
      const index = node.childForFieldName('index');
      return object && index ? { kind: 'index', object, index } : { kind: 'other' };
    }
    case 'call_expression': {
      const callee = node.childForFieldName('function');
      const args = node.childForFieldName('arguments');
      if (!callee) return { kind: 'other' };
      // A tagged template (dedent`...`) passes the template as the only argument.
      const list = !args ? [] : args.type === 'arguments' ? items(args) : [{ key: null, keyNode: null, value: args, spread: false }];
      return { kind: 'call', callee, args: list, argsNode: args, isNew: false };
    }
    case 'new_expression': {
      const callee = node.childForFieldName('constructor');
      const args = node.childForFieldName('arguments');
      return callee ? { kind: 'call', callee, args: args ? items(args) : [], argsNode: args, isNew: true } : { kind: 'other' };
    }
    case 'array':
      return { kind: 'list', items: items(node) };
    case 'object':
      return { kind: 'dict', entries: items(node) };
    case 'number':
      return { kind: 'number', value: parseNumber(node.text) };
    case 'unary_expression': {
      const arg = node.childForFieldName('argument');
      const op = node.childForFieldName('operator');
      if (arg?.type === 'number' && op?.type === '-') return { kind: 'number', value: -parseNumber(arg.text) };
      return { kind: 'other' };
    }
    case 'arrow_function':
    case 'function_expression':
    case 'function': {
      const body = node.childForFieldName('body');
      return body ? { kind: 'function', body } : { kind: 'other' };
    }
    default: {
      if (WRAPPERS.has(node.type)) {
        const named = node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
        const inner = node.type === 'type_assertion' ? named[named.length - 1] : named[0];
        return inner ? { kind: 'wrap', inner } : { kind: 'other' };
      }
      return { kind: 'other' };
    }
  }
}

/** Names a destructuring pattern declares, with their default values (`{ system = "..." }`). */
function patternParams(pattern: Node, out: Param[]): void {
  for (const p of pattern.namedChildren) {
    if (!p) continue;
    switch (p.type) {
      case 'shorthand_property_identifier_pattern':
        out.push({ name: p.text, node: p, defaultValue: null, index: -1, destructured: true });
        break;
      case 'object_assignment_pattern': {
        const left = p.childForFieldName('left');
        if (left?.type === 'shorthand_property_identifier_pattern' || left?.type === 'identifier') {
          out.push({ name: left.text, node: left, defaultValue: p.childForFieldName('right'), index: -1, destructured: true });
        }
        break;
      }
      case 'pair_pattern': {
        const value = p.childForFieldName('value');
        if (value?.type === 'identifier') out.push({ name: value.text, node: value, defaultValue: null, index: -1, destructured: true });
        else if (value?.type === 'assignment_pattern') {
          const left = value.childForFieldName('left');
          if (left?.type === 'identifier') out.push({ name: left.text, node: left, defaultValue: value.childForFieldName('right'), index: -1, destructured: true });
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
    out.push({ name: single.text, node: single, defaultValue: null, index: 0, destructured: false });
    return out;
  }
  const list = fn.childForFieldName('parameters');
  if (!list) return out;
  let index = 0;
  for (const p of list.namedChildren) {
    if (!p || p.type === 'comment') continue;
    let pattern: Node | null = p;
    let defaultValue: Node | null = null;
    if (p.type === 'required_parameter' || p.type === 'optional_parameter') {
      pattern = p.childForFieldName('pattern');
      defaultValue = p.childForFieldName('value');
    } else if (p.type === 'assignment_pattern') {
      pattern = p.childForFieldName('left');
      defaultValue = p.childForFieldName('right');
    }
    if (pattern?.type === 'identifier') out.push({ name: pattern.text, node: pattern, defaultValue, index, destructured: false });
    else if (pattern?.type === 'object_pattern') patternParams(pattern, out);
    else if (pattern?.type === 'assignment_pattern') {
      const left = pattern.childForFieldName('left');
      if (left?.type === 'identifier') out.push({ name: left.text, node: left, defaultValue: pattern.childForFieldName('right'), index, destructured: false });
      else if (left?.type === 'object_pattern') patternParams(left, out);
    }
    index++;
  }
  return out;
}

const LOOP_METHODS: Record<string, LoopKind> = { map: 'map', flatMap: 'map', forEach: 'forEach' };

function loopAround(node: Node, child: Node): LoopKind | null {
  switch (node.type) {
    case 'for_statement':
    case 'for_in_statement':
      return node.childForFieldName('body')?.equals(child) ? 'for' : null;
    case 'while_statement':
    case 'do_statement':
      return node.childForFieldName('body')?.equals(child) ? 'while' : null;
    case 'call_expression': {
      // items.map(async (x) => call(x)): the callback runs once per item.
      const args = node.childForFieldName('arguments');
      if (!args?.equals(child)) return null;
      const fn = node.childForFieldName('function');
      const method = fn?.type === 'member_expression' ? fn.childForFieldName('property')?.text : undefined;
      const kind = method ? LOOP_METHODS[method] : undefined;
      if (!kind) return null;
      return kind === 'map' && isPromiseAllArgument(node) ? 'gather' : kind;
    }
    default:
      return null;
  }
}

function isPromiseAllArgument(call: Node): boolean {
  let n = call.parent;
  while (n && WRAPPERS.has(n.type)) n = n.parent;
  if (n?.type !== 'arguments') return false;
  const fn = n.parent?.childForFieldName('function');
  return fn?.type === 'member_expression' && fn.childForFieldName('object')?.text === 'Promise' && /^all(Settled)?$/.test(fn.childForFieldName('property')?.text ?? '');
}

function moduleOfRequire(value: Node | null): string | null {
  let v = value;
  while (v && WRAPPERS.has(v.type)) v = v.namedChild(0);
  if (v?.type !== 'call_expression' || v.childForFieldName('function')?.text !== 'require') return null;
  const arg = v.childForFieldName('arguments')?.namedChild(0);
  return arg?.type === 'string' ? literalKey(arg) : null;
}

function imports(node: Node): { name: string; node: Node; info: ImportInfo }[] {
  const out: { name: string; node: Node; info: ImportInfo }[] = [];
  if (node.type === 'import_statement') {
    const source = node.childForFieldName('source');
    const module = source ? (literalKey(source) ?? '') : '';
    const clause = node.namedChildren.find((c) => c?.type === 'import_clause');
    for (const c of clause?.namedChildren ?? []) {
      if (!c) continue;
      if (c.type === 'identifier') out.push({ name: c.text, node: c, info: { module, imported: 'default' } });
      else if (c.type === 'namespace_import') {
        const id = c.namedChildren.find((x) => x?.type === 'identifier');
        if (id) out.push({ name: id.text, node: id, info: { module, imported: '*' } });
      } else if (c.type === 'named_imports') {
        for (const spec of c.namedChildren) {
          if (spec?.type !== 'import_specifier') continue;
          const name = spec.childForFieldName('name');
          const alias = spec.childForFieldName('alias') ?? name;
          if (name && alias) out.push({ name: alias.text, node: alias, info: { module, imported: name.text } });
        }
      }
    }
  } else if (node.type === 'variable_declarator') {
    // const OpenAI = require('openai'); const { generateText } = require('ai');
    const module = moduleOfRequire(node.childForFieldName('value'));
    const name = node.childForFieldName('name');
    if (module === null || !name) return out;
    if (name.type === 'identifier') out.push({ name: name.text, node: name, info: { module, imported: 'default' } });
    else if (name.type === 'object_pattern') {
      for (const p of name.namedChildren) {
        if (p?.type === 'shorthand_property_identifier_pattern') out.push({ name: p.text, node: p, info: { module, imported: p.text } });
        else if (p?.type === 'pair_pattern') {
          const key = p.childForFieldName('key');
          const value = p.childForFieldName('value');
          if (key && value?.type === 'identifier') out.push({ name: value.text, node: value, info: { module, imported: key.text } });
        }
      }
    }
  }
  return out;
}

function targetNames(target: Node): { name: string; node: Node; whole: boolean }[] {
  switch (target.type) {
    case 'identifier':
      return [{ name: target.text, node: target, whole: true }];
    case 'member_expression': {
      const object = target.childForFieldName('object');
      const property = target.childForFieldName('property');
      if (object?.type === 'this' && property) return [{ name: `this.${property.text}`, node: target, whole: true }];
      return [];
    }
    case 'property_identifier':
    case 'private_property_identifier':
      // A class field: `systemPrompt = "..."` reads as this.systemPrompt.
      return [{ name: `this.${target.text}`, node: target, whole: true }];
    case 'object_pattern':
    case 'array_pattern': {
      const out: Param[] = [];
      if (target.type === 'object_pattern') patternParams(target, out);
      else for (const c of target.namedChildren) if (c?.type === 'identifier') out.push({ name: c.text, node: c, defaultValue: null, index: -1, destructured: true });
      return out.map((p) => ({ name: p.name, node: p.node, whole: false }));
    }
    default:
      return [];
  }
}

export const javascript: LanguageSyntax = {
  family: 'javascript',
  selfName: 'this',
  expr,
  params,
  scopeStart(node: Node, kind: ScopeKind): number {
    if (kind === 'function') {
      return (node.childForFieldName('parameters') ?? node.childForFieldName('parameter'))?.startIndex ?? node.startIndex;
    }
    if (kind === 'class') return node.childForFieldName('body')?.startIndex ?? node.startIndex;
    return node.startIndex;
  },
  scopeKind(node: Node): ScopeKind {
    if (FUNCTIONS.has(node.type)) return 'function';
    if (node.type === 'class_declaration' || node.type === 'class' || node.type === 'abstract_class_declaration') return 'class';
    if (node.type === 'program') return 'module';
    return 'block';
  },
  loopAround,
  isFunction: (node) => FUNCTIONS.has(node.type) || node.type === 'class_declaration' || node.type === 'class',
  imports,
  targetNames,
  isDocstring: (node) => node.parent?.type === 'expression_statement',
  commentText: (node) => {
    const t = node.text;
    return t.startsWith('/*') ? t.slice(2, t.endsWith('*/') ? -2 : undefined) : t.replace(/^\/\/+/, '');
  },
};
