// The quick fixes' edits, checked as source: the exact text they write, that it still parses, and what it changes.
import { strict as assert } from 'node:assert';
import { extract } from '../../../src/engine/extract';
import type { LanguageId } from '../../../src/engine/model';
import { applyFix, auditText, fixNamed, only } from './helpers';

const KB = 'Meridian Bank customers can freeze a card in the app under Cards > Freeze, and report it lost there too. '.repeat(60).trim();

async function fixed(text: string, language: LanguageId, rule: string, title: string): Promise<string> {
  const d = only(await auditText(text, language), rule)[0];
  assert.ok(d, `${rule} fires`);
  const after = applyFix(text, fixNamed(d, title));
  assert.equal((await extract(after, language)).syntaxErrors, 0, `valid source:\n${after}`);
  return after;
}

describe('quick fixes', () => {
  describe('add cache_control', () => {
    it('Python: system=X becomes a one-block list with cache_control, X kept; the rule is then satisfied', async () => {
      const text = `import anthropic
client = anthropic.Anthropic()
KB = "${KB}"
r = client.messages.create(model="claude-3-5-sonnet-latest", max_tokens=300, system=KB, messages=[{"role": "user", "content": "Hi"}])
`;
      const d = only(await auditText(text, 'python'), 'cache-opportunity')[0]!;
      const fix = fixNamed(d, 'Add cache_control');
      assert.equal(fix.safe, true);
      assert.equal(fix.preview?.usdPerMonthSaved, d.usdPerMonth);
      const after = applyFix(text, fix);
      assert.ok(after.includes('system=[{"type": "text", "text": KB, "cache_control": {"type": "ephemeral"}}], messages='), after);
      const again = await auditText(after, 'python');
      assert.equal(again.calls[0]!.cacheControl, true);
      assert.equal(only(again, 'cache-opportunity').length, 0);
      assert.equal(again.calls[0]!.prompts.find((p) => p.role === 'system')!.text, KB, 'the same system text is sent');
    });

    it("TypeScript: `system: X` and the shorthand `{ system }`, in the file's quote style", async () => {
      const ts = (arg: string) => `import Anthropic from '@anthropic-ai/sdk';
const client = new Anthropic();
const system = "${KB}";
export const go = (q: string) =>
  client.messages.create({ model: "claude-sonnet-4-5", max_tokens: 300, ${arg}, messages: [{ role: "user", content: q }] });
`;
      const long = await fixed(ts('system: system'), 'typescript', 'cache-opportunity', 'Add cache_control');
      assert.ok(long.includes(`system: [{ type: "text", text: system, cache_control: { type: "ephemeral" } }], messages`), long);
      const short = await fixed(ts('system'), 'typescript', 'cache-opportunity', 'Add cache_control');
      assert.ok(short.includes(`max_tokens: 300, system: [{ type: "text", text: system, cache_control: { type: "ephemeral" } }], messages`), short);
      assert.equal(only(await auditText(short, 'typescript'), 'cache-opportunity').length, 0);
    });

    it('a system prompt already given as blocks is explained, not rewritten', async () => {
      const text = `import anthropic
client = anthropic.Anthropic()
r = client.messages.create(model="claude-3-5-sonnet-latest", max_tokens=300, system=[{"type": "text", "text": "${KB}"}], messages=[{"role": "user", "content": "Hi"}])
`;
      const d = only(await auditText(text, 'python'), 'cache-opportunity')[0]!;
      assert.deepEqual(d.fixes.map((f) => f.title), ['Ignore cache-opportunity on this line']);
    });
  });

  describe('max tokens', () => {
    it('lowers a literal cap to the suggested value; not a "fix all" candidate', async () => {
      const text = `from openai import OpenAI
client = OpenAI()
r = client.chat.completions.create(model="gpt-4o", max_tokens=4_096, messages=[{"role": "user", "content": "Write a blog post."}])
`;
      const d = only(await auditText(text, 'python'), 'high-max-tokens')[0]!;
      const fix = fixNamed(d, 'Set max_tokens to 1,024');
      assert.equal(fix.safe, false);
      assert.ok(applyFix(text, fix).includes('max_tokens=1024,'));
    });

    it('a cap passed through a wrapper parameter is reported but not overwritten', async () => {
      const text = `from openai import OpenAI
client = OpenAI()
def complete(prompt, max_tokens=4096):
    return client.chat.completions.create(model="gpt-4o", max_tokens=max_tokens, messages=[{"role": "user", "content": prompt}])
`;
      const d = only(await auditText(text, 'python'), 'high-max-tokens')[0]!;
      assert.ok(!d.fixes.some((f) => f.title.startsWith('Set max_tokens')));
    });

    it('context-overflow lowers the cap to the model maximum, as a safe fix', async () => {
      const text = `import anthropic
client = anthropic.Anthropic()
r = client.messages.create(model="claude-3-haiku-20240307", max_tokens=8192, messages=[{"role": "user", "content": "Hi"}])
`;
      const d = only(await auditText(text, 'python'), 'context-overflow')[0]!;
      assert.equal(d.severity, 'error');
      const fix = fixNamed(d, 'Set max_tokens to 4,096');
      assert.equal(fix.safe, true);
      assert.equal(only(await auditText(applyFix(text, fix), 'python'), 'context-overflow').length, 0);
    });

    it('adds a cap in the call\'s layout: inline, one argument per line with a trailing comma, TS objects', async () => {
      const inline = await fixed(
        `from openai import OpenAI\nclient = OpenAI()\nr = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hi"}])\n`,
        'python', 'missing-max-tokens', 'Add max_tokens=1024');
      assert.ok(inline.includes('"content": "Hi"}], max_tokens=1024)'), inline);
      const multi = await fixed(
        `from openai import OpenAI\nclient = OpenAI()\nr = client.chat.completions.create(\n    model="o3-mini",\n    messages=[{"role": "user", "content": "Hi"}],\n)\n`,
        'python', 'missing-max-tokens', 'Add max_completion_tokens=1024');
      assert.ok(multi.includes('    messages=[{"role": "user", "content": "Hi"}],\n    max_completion_tokens=1024,\n)'), multi);
      const ts = await fixed(
        `import OpenAI from 'openai';\nconst client = new OpenAI();\nexport const r = client.responses.create({\n  model: 'gpt-4.1',\n  input: 'Hi'\n});\n`,
        'typescript', 'missing-max-tokens', 'Add max_output_tokens: 1024');
      assert.ok(ts.includes("  input: 'Hi',\n  max_output_tokens: 1024\n});"), ts);
      assert.equal(only(await auditText(ts, 'typescript'), 'missing-max-tokens').length, 0);
    });

    it('adds a cap after a trailing comment without putting it inside the comment', async () => {
      const commented = await fixed(
        `from openai import OpenAI\nclient = OpenAI()\nr = client.chat.completions.create(\n    model="gpt-4o",\n    messages=[{"role": "user", "content": "Hi"}]  # one turn (for now)\n)\n`,
        'python', 'missing-max-tokens', 'Add max_tokens=1024');
      assert.ok(commented.includes('"Hi"}],\n    max_tokens=1024  # one turn (for now)\n)'), commented);
      const trailing = await fixed(
        `import OpenAI from 'openai';\nconst client = new OpenAI();\nexport const r = client.chat.completions.create({\n  model: 'gpt-4o', // the big one\n  messages: [{ role: 'user', content: 'Hi // not a comment' }], // one turn\n});\n`,
        'typescript', 'missing-max-tokens', 'Add max_tokens: 1024');
      assert.ok(trailing.includes("'Hi // not a comment' }], // one turn\n  max_tokens: 1024,\n});"), trailing);
    });
  });

  describe('compress prompt', () => {
    it('rewrites inside the literal only, keeps f-string placeholders, and previews tokens, $ and a diff', async () => {
      const text = `from openai import OpenAI
client = OpenAI()

def answer(question, shop):
    system = f"You are a highly sophisticated and really very knowledgeable support assistant for {shop}. Please make sure that you always answer the customer's question in a very clear and concise manner, and it is very important that you never make up order numbers."
    return client.chat.completions.create(model="gpt-4o", max_tokens=300, messages=[{"role": "system", "content": system}, {"role": "user", "content": question}])
`;
      const result = await auditText(text, 'python');
      const d = only(result, 'bloated-system-prompt')[0]!;
      const fix = fixNamed(d, 'Compress prompt');
      assert.equal(fix.edits.length, 1);
      const edit = fix.edits[0]!;
      assert.ok(edit.newText.startsWith('f"') && edit.newText.includes('{shop}') && edit.newText.includes('never make up order numbers'), edit.newText);
      assert.equal(text.slice(edit.range.startOffset, edit.range.endOffset).startsWith('f"You are a highly'), true, 'the edit spans the literal');
      const p = fix.preview!;
      assert.ok(p.tokensAfter! < p.tokensBefore!);
      assert.match(p.diff!, /^--- prompt\n\+\+\+ compressed\n@@/);
      const saved = p.tokensBefore! - p.tokensAfter!;
      const rate = (p.usdPerMonthSaved! / saved) * 1e6 / (1000 * 30);
      assert.ok(Math.abs(rate - 2.5) < 1e-6, `saved tokens priced at gpt-4o's input rate (${rate})`);
      assert.equal(fix.safe, false, 'rewording is reviewed by the user');
      const after = await auditText(applyFix(text, fix), 'python');
      const system = after.calls[0]!.prompts.find((x) => x.role === 'system')!;
      assert.equal(system.tokens.tokens, p.tokensAfter);
      assert.ok(system.templated && system.text.includes('{shop}'));
    });

    it('follows the compressionStyle option: terse also drops the articles faithful keeps', async () => {
      const text = `from openai import OpenAI
client = OpenAI()
SYSTEM = "You are a really very helpful assistant for the billing team. Please make sure to read the invoice and the contract, then compare the totals and report the difference to the customer."
r = client.chat.completions.create(model="gpt-4o", max_tokens=100, messages=[{"role": "system", "content": SYSTEM}])
`;
      const fixed = async (style: 'faithful' | 'terse'): Promise<{ text: string; tokens: number }> => {
        const d = only(await auditText(text, 'python', { compressionStyle: style }), 'bloated-system-prompt')[0]!;
        const fix = fixNamed(d, 'Compress prompt');
        return { text: fix.edits[0]!.newText, tokens: fix.preview!.tokensAfter! };
      };
      const faithful = await fixed('faithful');
      const terse = await fixed('terse');
      assert.match(faithful.text, /\bthe invoice\b/);
      assert.doesNotMatch(terse.text, /\bthe (invoice|contract|totals)\b/);
      assert.ok(terse.tokens < faithful.tokens, `${terse.tokens} < ${faithful.tokens}`);
    });

    it('a compression that only collapses whitespace is safe', async () => {
      const text = `from openai import OpenAI
client = OpenAI()
SYSTEM_PROMPT = """Answer    questions about    the    return policy.



Quote   the rule     number.   Keep    answers under     80 words."""
r = client.chat.completions.create(model="gpt-4o", max_tokens=100, messages=[{"role": "system", "content": SYSTEM_PROMPT}])
`;
      const d = only(await auditText(text, 'python'), 'bloated-system-prompt')[0]!;
      const fix = fixNamed(d, 'Compress prompt');
      assert.equal(fix.safe, true);
      assert.ok(applyFix(text, fix).includes('"""Answer questions about the return policy.\n\nQuote the rule number. Keep answers under 80 words."""'));
    });
  });

  describe('switch to a cheaper comparable model', () => {
    it('a refactor that edits the id inside its literal, keeps the prefix and quotes, and shows the % saved', async () => {
      const text = `import google.generativeai as genai
model = genai.GenerativeModel('models/gemini-2.5-pro', generation_config={"max_output_tokens": 8000})
r = model.generate_content("Write a summary of the French revolution.")
`;
      const d = only(await auditText(text, 'python'), 'high-max-tokens')[0]!;
      const fix = d.fixes.find((f) => f.kind === 'refactor.rewrite');
      assert.ok(fix, 'offered');
      assert.match(fix.title, /^Switch to (\S+) \(−\d+% per request/);
      const to = /^Switch to (\S+)/.exec(fix.title)![1]!;
      const after = applyFix(text, fix);
      assert.ok(after.includes(`GenerativeModel('models/${to}'`), after);
      assert.equal(fix.safe, false);
      assert.ok((fix.preview?.usdPerMonthSaved ?? 0) > 0);
    });

    it('not offered when the model comes from a parameter default', async () => {
      const text = `from openai import OpenAI
client = OpenAI()
def ask(q, model="gpt-4o"):
    return client.chat.completions.create(model=model, max_tokens=4096, messages=[{"role": "user", "content": q}])
`;
      const d = only(await auditText(text, 'python'), 'high-max-tokens')[0]!;
      assert.ok(!d.fixes.some((f) => f.kind === 'refactor.rewrite'));
    });
  });

  describe('move the dynamic part to the end', () => {
    it('moves a dynamic opening paragraph after the static bulk of an f-string', async () => {
      const text = `from openai import OpenAI
client = OpenAI()

def answer(q, name):
    system = f"""Hello, you are talking to {name}.

${KB}"""
    return client.chat.completions.create(model="gpt-4o", max_tokens=300, messages=[{"role": "system", "content": system}, {"role": "user", "content": q}])
`;
      const d = only(await auditText(text, 'python'), 'cache-unfriendly-prefix')[0]!;
      const after = applyFix(text, fixNamed(d, 'Move the dynamic opening'));
      assert.ok(after.includes(`system = f"""${KB}\n\nHello, you are talking to {name}."""`), after);
      assert.equal(only(await auditText(after, 'python'), 'cache-unfriendly-prefix').length, 0);
    });

    it('explains instead when the opening points at what follows', async () => {
      const text = `from openai import OpenAI
client = OpenAI()

def answer(q, name):
    system = f"""The customer {name} asked about the following policy:

${KB}"""
    return client.chat.completions.create(model="gpt-4o", max_tokens=300, messages=[{"role": "system", "content": system}, {"role": "user", "content": q}])
`;
      const d = only(await auditText(text, 'python'), 'cache-unfriendly-prefix')[0]!;
      assert.ok(!d.fixes.some((f) => f.title.startsWith('Move')));
      assert.match(d.message, /Move the dynamic part after the static text/);
    });
  });

  it('unknown-model offers the closest ids as replacements', async () => {
    const text = `from openai import OpenAI\nclient = OpenAI()\nr = client.chat.completions.create(model="gpt-4o-minii", max_tokens=100, messages=[{"role": "user", "content": "Hi"}])\n`;
    const d = only(await auditText(text, 'python'), 'unknown-model')[0]!;
    assert.match(d.message, /price unknown/);
    assert.match(d.message, /Closest known: gpt-4o-mini/);
    const after = applyFix(text, fixNamed(d, 'Change the model to gpt-4o-mini'));
    assert.equal(only(await auditText(after, 'python'), 'unknown-model').length, 0);
  });
});
