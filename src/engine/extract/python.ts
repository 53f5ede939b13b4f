/** Python: maps tree-sitter-python nodes onto the shared expression view (syntax.ts). */
import type { Node } from 'web-tree-sitter';
import { identifierAt, isType, memberPath, nameOf, named, parts, textOf, typeOf } from './nodes';
import type { Expr, ImportInfo, Item, LanguageSyntax, Param, ScopeKind, StringPiece } from './syntax';

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '',
};

/** Decodes the backslash escapes of a (non-raw) Python string body. */
export function decodePythonEscapes(raw: string): string {
  if (!raw.includes('\\')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c !== '\\' || i === raw.length - 1) {
      out += c;
      continue;
    }
    const n = raw[++i];
    if (n in SIMPLE_ESCAPES) out += SIMPLE_ESCAPES[n];
    else if (n === 'x' || n === 'u' || n === 'U') {
      const len = n === 'x' ? 2 : n === 'u' ? 4 : 8;
      const code = parseInt(raw.slice(i + 1, i + 1 + len), 16);
      if (Number.isFinite(code) && code <= 0x10ffff) {
        out += String.fromCodePoint(code);
        i += len;
      } else out += '\\' + n;
    } else if (n >= '0' && n <= '7') {
      let j = i;
      while (j < i + 3 && raw[j] >= '0' && raw[j] <= '7') j++;
      out += String.fromCharCode(parseInt(raw.slice(i, j), 8));
      i = j - 1;
    } else if (n === 'N' && raw[i + 1] === '{') {
      // \N{NAME}: keep as written; the name table is not worth shipping.
      const close = raw.indexOf('}', i);
      out += close > 0 ? raw.slice(i - 1, close + 1) : '\\N';
      if (close > 0) i = close;
    } else out += '\\' + n;
  }
  return out;
}

/**
 * The pieces of a string literal. Plain (non-f) strings are decoded from the literal's own text in one step; only
 * f-strings walk their children for the interpolations.
 */
function stringPieces(node: Node): StringPiece[] {
  const text = textOf(node);
  let p = 0;
  while (p < text.length && /[a-zA-Z]/.test(text[p])) p++;
  const prefix = text.slice(0, p).toLowerCase();
  const formatted = prefix.includes('f') || prefix.includes('t');
  if (!formatted) {
    const q = text.startsWith('"""', p) || text.startsWith("'''", p) ? 3 : 1;
    const quote = text.slice(p, p + q);
    if (text.length >= p + 2 * q && text.endsWith(quote)) {
      const body = text.slice(p + q, text.length - q);
      return [{ text: prefix.includes('r') ? body : decodePythonEscapes(body) }];
    }
  }
  const pieces: StringPiece[] = [];
  const raw = prefix.includes('r');
  for (const child of node.children) {
    if (!child) continue;
    switch (typeOf(child)) {
      case 'string_content': {
        let t = raw ? textOf(child) : decodePythonEscapes(textOf(child));
        if (formatted) t = t.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
        pieces.push({ text: t });
        break;
      }
      case 'interpolation':
        // { expression [!r] [:spec] }
        pieces.push({ hole: named(child)[0] ?? null, raw: textOf(child) });
        break;
      default:
        break;
    }
  }
  return pieces;
}

function parseNumber(text: string): number {
  const t = text.replace(/_/g, '').toLowerCase().replace(/[jl]$/, '');
  if (t.startsWith('0x')) return parseInt(t.slice(2), 16);
  if (t.startsWith('0o')) return parseInt(t.slice(2), 8);
  if (t.startsWith('0b')) return parseInt(t.slice(2), 2);
  return Number(t);
}

function keyOf(node: Node): string | null {
  if (typeOf(node) !== 'string') return null;
  let text = '';
  for (const p of stringPieces(node)) {
    if ('hole' in p) return null;
    text += p.text;
  }
  return text;
}

/** `name = value` / `key: value` as an Item. */
function entry(child: Node): Item | null {
  const type = typeOf(child);
  if (type !== 'keyword_argument' && type !== 'pair') return null;
  if (type === 'keyword_argument') {
    // The name is the node's first word; only the value is read from the tree (calls have thousands of these).
    const name = identifierAt(child.startIndex);
    const value = child.lastNamedChild;
    if (name && value && value.startIndex > child.startIndex) return { key: name, value, spread: false };
  }
  const c = named(child);
  if (c.length < 2) return null;
  const key = c[0];
  return { key: type === 'keyword_argument' ? nameOf(key) : keyOf(key), value: c[c.length - 1], spread: false };
}

function items(container: Node): Item[] {
  const out: Item[] = [];
  for (const child of named(container)) {
    switch (typeOf(child)) {
      case 'list_splat':
      case 'dictionary_splat': {
        const inner = named(child)[0];
        if (inner) out.push({ key: null, value: inner, spread: true });
        break;
      }
      case 'keyword_argument':
      case 'pair': {
        const item = entry(child);
        if (item) out.push(item);
        break;
      }
      default:
        out.push({ key: null, value: child, spread: false });
    }
  }
  return out;
}

const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);

/** The expression view of a node. Fields are read by position (see nodes.parts): the grammar fixes their order. */
function expr(node: Node): Expr {
  switch (typeOf(node)) {
    case 'string':
      return { kind: 'string', pieces: stringPieces(node) };
    case 'concatenated_string':
      return { kind: 'concat', parts: named(node).filter((c) => typeOf(c) === 'string') };
    case 'binary_operator':
    case 'boolean_operator': {
      const c = parts(node);
      if (c.length !== 3) return { kind: 'other' };
      const op = typeOf(c[1]);
      if (typeOf(node) === 'boolean_operator') return op === 'or' ? { kind: 'fallback', left: c[0], right: c[2] } : { kind: 'other' };
      return { kind: 'binary', op, left: c[0], right: c[2] };
    }
    case 'conditional_expression': {
      // a if cond else b
      const c = named(node);
      return c.length === 3 ? { kind: 'ternary', branches: [c[0], c[2]] } : { kind: 'other' };
    }
    case 'identifier':
      return { kind: 'name', name: nameOf(node) };
    case 'attribute': {
      // object . attribute
      const c = named(node);
      return c.length >= 2 ? { kind: 'member', object: c[0], property: nameOf(c[c.length - 1]) } : { kind: 'other' };
    }
    case 'subscript': {
      // value [ subscript ]
      const c = named(node);
      return c.length >= 2 ? { kind: 'index', object: c[0], index: c[1] } : { kind: 'other' };
    }
    case 'call': {
      // function arguments
      const c = named(node);
      if (c.length < 2) return { kind: 'other' };
      const callee = c[0];
      const args = c[c.length - 1];
      const list: Item[] = typeOf(args) === 'argument_list' ? items(args) : [{ key: null, value: args, spread: false }];
      return { kind: 'call', callee, args: list, argsNode: args, isNew: false };
    }
    case 'list':
    case 'tuple':
    case 'set':
    case 'expression_list':
      return { kind: 'list', items: items(node) };
    case 'dictionary':
      return { kind: 'dict', entries: items(node) };
    case 'integer':
    case 'float':
      return { kind: 'number', value: parseNumber(textOf(node)) };
    case 'unary_operator': {
      const c = parts(node);
      const arg = c[1];
      if (c.length === 2 && typeOf(c[0]) === '-' && (typeOf(arg) === 'integer' || typeOf(arg) === 'float')) return { kind: 'number', value: -parseNumber(textOf(arg)) };
      return { kind: 'other' };
    }
    case 'parenthesized_expression':
    case 'await': {
      // ( inner ) / await inner
      const c = named(node);
      return c.length >= 1 ? { kind: 'wrap', inner: c[0] } : { kind: 'other' };
    }
    case 'assignment': {
      // a = b = "x": the value of the inner assignment
      const c = named(node);
      return c.length >= 2 ? { kind: 'wrap', inner: c[c.length - 1] } : { kind: 'other' };
    }
    case 'lambda': {
      const body = node.childForFieldName('body');
      return body ? { kind: 'function', body } : { kind: 'other' };
    }
    default:
      return { kind: 'other' };
  }
}

function params(fn: Node): Param[] {
  const list = fn.childForFieldName('parameters');
  if (!list) return [];
  const out: Param[] = [];
  let index = 0;
  let keywordOnly = false;
  for (const p of list.namedChildren) {
    if (!p) continue;
    switch (typeOf(p)) {
      case 'identifier':
        out.push({ name: nameOf(p), node: p, defaultValue: null, index: keywordOnly ? -1 : index++, destructured: false });
        break;
      case 'typed_parameter': {
        const id = p.namedChildren.find((c) => isType(c, 'identifier'));
        if (id) out.push({ name: nameOf(id), node: id, defaultValue: null, index: keywordOnly ? -1 : index++, destructured: false });
        else keywordOnly = true; // *args: typed
        break;
      }
      case 'default_parameter':
      case 'typed_default_parameter': {
        const name = p.childForFieldName('name');
        if (name) out.push({ name: nameOf(name), node: name, defaultValue: p.childForFieldName('value'), index: keywordOnly ? -1 : index++, destructured: false });
        break;
      }
      case 'list_splat_pattern':
      case 'keyword_separator':
        keywordOnly = true;
        break;
      default:
        break;
    }
  }
  return out;
}

/** `asyncio.gather(*[f(x) for x in xs])`, `gather(*(f(x) for x in xs))`. */
function isGatherArgument(node: Node): boolean {
  let n: Node | null = node.parent;
  if (isType(n, 'list_splat')) n = n.parent;
  if (!isType(n, 'argument_list')) return false;
  const call = n.parent;
  const fn = call?.childForFieldName('function');
  const name = isType(fn, 'attribute') ? fn.childForFieldName('attribute')?.text : fn?.text;
  return name === 'gather';
}

function imports(node: Node): { name: string; node: Node; info: ImportInfo }[] {
  const out: { name: string; node: Node; info: ImportInfo }[] = [];
  if (typeOf(node) === 'import_statement') {
    for (const n of node.childrenForFieldName('name')) {
      if (!n) continue;
      if (typeOf(n) === 'aliased_import') {
        const dotted = n.childForFieldName('name');
        const alias = n.childForFieldName('alias');
        if (dotted && alias) out.push({ name: textOf(alias), node: alias, info: { module: textOf(dotted), imported: '*' } });
      } else {
        out.push({ name: textOf(n).split('.')[0], node: n, info: { module: textOf(n), imported: '*' } });
      }
    }
  } else if (typeOf(node) === 'import_from_statement') {
    const module = node.childForFieldName('module_name')?.text ?? '';
    for (const n of node.childrenForFieldName('name')) {
      if (!n) continue;
      if (typeOf(n) === 'aliased_import') {
        const dotted = n.childForFieldName('name');
        const alias = n.childForFieldName('alias');
        if (dotted && alias) out.push({ name: textOf(alias), node: alias, info: { module, imported: textOf(dotted) } });
      } else {
        out.push({ name: textOf(n), node: n, info: { module, imported: textOf(n) } });
      }
    }
  }
  return out;
}

function targetNames(target: Node): { name: string; node: Node; whole: boolean }[] {
  switch (typeOf(target)) {
    case 'identifier':
      return [{ name: nameOf(target), node: target, whole: true }];
    case 'attribute': {
      const object = target.childForFieldName('object');
      const attr = target.childForFieldName('attribute');
      if (isType(object, 'identifier') && attr && (object.text === 'self' || object.text === 'cls')) {
        return [{ name: `self.${nameOf(attr)}`, node: target, whole: true }];
      }
      // st.session_state.messages = [...]: stored under its path (read back wherever the path is read).
      const path = memberPath(textOf(target));
      return path ? [{ name: path, node: target, whole: true }] : [];
    }
    case 'subscript': {
      const path = memberPath(textOf(target));
      return path ? [{ name: path, node: target, whole: true }] : [];
    }
    case 'pattern_list':
    case 'tuple_pattern':
    case 'list_pattern':
    case 'tuple':
    case 'list':
      return target.namedChildren.flatMap((c) => (c ? targetNames(c).map((t) => ({ ...t, whole: false })) : []));
    case 'list_splat_pattern':
    case 'as_pattern_target': {
      const inner = target.namedChild(0);
      return inner ? targetNames(inner).map((t) => ({ ...t, whole: typeOf(target) === 'as_pattern_target' })) : [];
    }
    default:
      return [];
  }
}

export const python: LanguageSyntax = {
  family: 'python',
  selfName: 'self',
  promptArgKeys: new Set([
    'prompt', 'system_prompt', 'system_message', 'instructions', 'system_instruction', 'user_prompt', 'human_prompt', 'prompt_template', 'preamble',
    'system', 'instruction', 'task_prompt',
  ]),
  expr,
  params,
  scopeKind(node: Node): ScopeKind {
    if (typeOf(node) === 'class_definition') return 'class';
    if (COMPREHENSIONS.has(typeOf(node))) return 'comprehension';
    if (typeOf(node) === 'module') return 'module';
    return 'function';
  },
  isGathered: isGatherArgument,
  isFunction: (node) => typeOf(node) === 'function_definition' || typeOf(node) === 'lambda' || typeOf(node) === 'class_definition',
  imports,
  targetNames,
  isDocstring: (node) => { const p = node.parent; return !!p && typeOf(p) === 'expression_statement'; },
  commentText: (node) => textOf(node).replace(/^#+/, ''),
  entry,
  keyName: (node) => (typeOf(node) === 'identifier' ? nameOf(node) : keyOf(node)),
  tryBody: (node) => (typeOf(node) === 'try_statement' ? node.childForFieldName('body') : null),
  leavesLoop: (node) => typeOf(node) === 'return_statement' || typeOf(node) === 'break_statement',
  loopBound(loop: Node): Node | null {
    // while attempt < n / while attempt <= n
    if (typeOf(loop) === 'while_statement') {
      const cond = loop.childForFieldName('condition');
      const c = isType(cond, 'comparison_operator') ? parts(cond) : [];
      return c.length === 3 && (typeOf(c[1]) === '<' || typeOf(c[1]) === '<=') ? c[2] : null;
    }
    // for _ in range(n) / range(start, n)
    if (typeOf(loop) !== 'for_statement') return null;
    const right = loop.childForFieldName('right');
    if (!isType(right, 'call') || right.childForFieldName('function')?.text !== 'range') return null;
    const args = right.childForFieldName('arguments');
    const positional = args ? named(args).filter((a) => typeOf(a) !== 'keyword_argument') : [];
    return positional.length >= 1 && positional.length <= 2 ? positional[positional.length - 1] : null;
  },
};
