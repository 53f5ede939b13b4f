// Placeholders ("holes") of templated prompts: where they are in the evaluated text, and what the audit counts
// (issue 3: the literal parts count; each placeholder adds placeholderTokens; the figure is a lower bound).
import { strict as assert } from 'node:assert';
import { audit } from '../../../src/engine/audit';
import { tokenizerForEncoding } from '../../../src/engine/count';
import type { Prompt, PromptConstant } from '../../../src/engine/model';
import { withDefaults } from '../../../src/engine/options';
import { callOn, constant, extractText, promptWith } from './helpers';

/** The text of each hole. */
function holeTexts(p: Prompt | PromptConstant): string[] {
  return (p.holes ?? []).map((h) => p.text.slice(h.start, h.end));
}

/** The text outside the holes, joined with `|`. */
function staticText(p: Prompt | PromptConstant): string {
  const parts: string[] = [];
  let pos = 0;
  for (const h of p.holes ?? []) {
    parts.push(p.text.slice(pos, h.start));
    pos = h.end;
  }
  parts.push(p.text.slice(pos));
  return parts.join('|');
}

describe('extract: placeholders (holes) of templated prompts', () => {
  it('Python: f-string interpolations, resolved constants (no hole), .format fields, % fields, dedent', async () => {
    const f = await extractText(
      [
        'import textwrap',
        'from openai import OpenAI',
        'client = OpenAI()',
        'TONE = "friendly"',
        'GREETING = "Hello {name}, your order {order_id} has shipped."',
        'def run(user, question, doc):',
        '    client.chat.completions.create(model="gpt-4o", messages=[',
        '        {"role": "system", "content": f"Be {TONE}. Customer: {user.name}!"},',
        '        {"role": "user", "content": GREETING.format(name=user.name, order_id=1)},',
        '        {"role": "user", "content": "Answer %s about %(topic)s." % question},',
        '        {"role": "user", "content": textwrap.dedent(f"""',
        '            Read {doc}',
        '            and reply.""")},',
        '    ])',
      ].join('\n'),
      'python',
    );
    const c = callOn(f, 'create(');
    const system = promptWith(c, 'Be friendly');
    assert.deepEqual(holeTexts(system), ['{user.name}'], 'TONE is known: only user.name is a hole');
    assert.equal(staticText(system), 'Be friendly. Customer: |!');
    const greeting = promptWith(c, 'Hello');
    assert.deepEqual(holeTexts(greeting), ['{name}', '{order_id}']);
    assert.deepEqual(holeTexts(promptWith(c, 'Answer')), ['%s', '%(topic)s']);
    const dedented = promptWith(c, 'Read');
    assert.equal(dedented.text, 'Read {doc}\nand reply.');
    assert.deepEqual(holeTexts(dedented), ['{doc}']);
  });

  it('TypeScript: template literal substitutions, + concatenation, .replace of a marker, joined lists', async () => {
    const f = await extractText(
      [
        "import OpenAI from 'openai';",
        'const client = new OpenAI();',
        "const TEMPLATE = 'Summarize {{document}} for {{audience}}.';",
        'export function go(user: { name: string }, doc: string, items: string[]) {',
        '  return client.chat.completions.create({ model: "gpt-4o", messages: [',
        "    { role: 'system', content: `You help ${user.name} today.` + ' Keep it short.' },",
        "    { role: 'user', content: TEMPLATE.replace('{{document}}', doc) },",
        "    { role: 'user', content: ['Rules:', ...items].join('\\n') },",
        '  ] });',
        '}',
      ].join('\n'),
      'typescript',
    );
    const c = callOn(f, 'create(');
    const system = promptWith(c, 'You help');
    assert.deepEqual(holeTexts(system), ['${user.name}']);
    assert.equal(staticText(system), 'You help | today. Keep it short.');
    assert.deepEqual(holeTexts(promptWith(c, 'Summarize')), ['{{document}}'], 'JS replace fills the first occurrence it names');
    assert.deepEqual(holeTexts(promptWith(c, 'Rules:')), ['${items}']);
  });

  it('prompt constants and LangChain templates: their {fields} are holes', async () => {
    const f = await extractText(
      [
        'from langchain_core.prompts import ChatPromptTemplate',
        'SUMMARY_PROMPT = """Summarize the text for {audience}.\\n\\nText: {text}"""',
        'qa = ChatPromptTemplate.from_messages([("system", "Answer from {context} only."), ("human", "{question}")])',
      ].join('\n'),
      'python',
    );
    assert.deepEqual(holeTexts(constant(f, 'SUMMARY_PROMPT')), ['{audience}', '{text}']);
    const system = f.result.prompts.find((p) => p.text.startsWith('Answer from'))!;
    assert.deepEqual(holeTexts(system), ['{context}']);
  });

  it('a plain prompt has no holes; a {field} in a prompt constant makes it a template', async () => {
    const f = await extractText('SYSTEM_PROMPT = "You are a calm, precise assistant for {curly} JSON-minded users."\n', 'python');
    const p = constant(f, 'SYSTEM_PROMPT');
    assert.ok(p.templated, 'a {field} makes a constant a template');
    const g = await extractText('const SYSTEM_PROMPT = "You are a calm and precise assistant.";\n', 'typescript');
    assert.deepEqual(constant(g, 'SYSTEM_PROMPT').holes, []);
  });
});

describe('audit: templated prompts count their static parts', () => {
  const src = [
    'from openai import OpenAI',
    'client = OpenAI()',
    'def ask(customer, question):',
    '    return client.chat.completions.create(model="gpt-4o", max_tokens=100, messages=[',
    '        {"role": "system", "content": f"You are the support agent of {customer.company_name_and_legal_form}. Be brief."},',
    '        {"role": "user", "content": "Static question without placeholders."},',
    '    ])',
  ].join('\n');
  const o200k = tokenizerForEncoding('o200k_base');

  it("a templated prompt's tokens are the tokens of its static parts, and a lower bound", async () => {
    const r = await audit(src, 'python', withDefaults({}));
    const system = r.calls[0].prompts[0];
    const expected = o200k.countSync('You are the support agent of ')! + o200k.countSync('. Be brief.')!;
    assert.equal(system.tokens.tokens, expected);
    assert.ok(system.tokens.tokens < o200k.countSync(system.text)!, 'the placeholder name is not counted');
    assert.equal(system.tokens.lowerBound, true);
    const user = r.calls[0].prompts[1];
    assert.equal(user.tokens.tokens, o200k.countSync('Static question without placeholders.'));
    assert.equal(user.tokens.lowerBound, false);
  });

  it('placeholderTokens = 5 adds 5 per hole, to the prompt and to the request input', async () => {
    const zero = await audit(src, 'python', withDefaults({}));
    const five = await audit(src, 'python', withDefaults({ placeholderTokens: 5 }));
    assert.equal(five.calls[0].prompts[0].tokens.tokens, zero.calls[0].prompts[0].tokens.tokens + 5);
    assert.equal(five.calls[0].prompts[1].tokens.tokens, zero.calls[0].prompts[1].tokens.tokens, 'no hole, nothing added');
    assert.equal(five.calls[0].inputTokens.tokens, zero.calls[0].inputTokens.tokens + 5);
  });

  it('a prompt constant with two fields counts its static text plus 2 x placeholderTokens', async () => {
    const text = 'SUMMARY_PROMPT = "Summarize the text for {audience}. Text: {text}"\n';
    const r = await audit(text, 'python', withDefaults({ placeholderTokens: 3 }));
    const p = r.prompts[0];
    const expected = o200k.countSync('Summarize the text for ')! + o200k.countSync('. Text: ')! + 2 * 3;
    assert.equal(p.tokens.tokens, expected);
    assert.equal(p.tokens.lowerBound, true);
  });
});
