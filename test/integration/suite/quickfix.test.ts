// The rules' quick fixes in the real VS Code host: each is found through vscode.executeCodeActionProvider on its
// diagnostic, applied with workspace.applyEdit, checked in the file's text, and undone with the editor's `undo`.
// The files are written into the test workspace (a temporary copy) and removed afterwards.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { Diagnostic } from '../../../src/engine/model';
import { closeAllEditors, extensionApi, nextUpdate, resetSettings, waitFor, workspaceUri } from '../helpers';
import { KB, WORDY } from '../../shared/llm-sources';

const FILES: Record<string, string> = {
  'classify.py': `from openai import OpenAI

client = OpenAI()


def classify(ticket: str) -> str:
    response = client.chat.completions.create(
        model="gpt-4o",
        max_tokens=2000,
        messages=[
            {"role": "system", "content": "Classify the ticket as billing, shipping or returns. Respond with only the label."},
            {"role": "user", "content": ticket},
        ],
    )
    return response.choices[0].message.content
`,
  'bank.py': `import anthropic

client = anthropic.Anthropic()

KNOWLEDGE_BASE = """${KB}"""


def answer(question: str) -> str:
    message = client.messages.create(
        model="claude-3-5-sonnet-latest",
        max_tokens=300,
        system=KNOWLEDGE_BASE,
        messages=[{"role": "user", "content": question}],
    )
    return message.content[0].text
`,
  'bank.ts': `import Anthropic from '@anthropic-ai/sdk';

const client = new Anthropic();

const KNOWLEDGE_BASE = \`${KB}\`;

export async function answer(question: string) {
  return client.messages.create({
    model: 'claude-3-5-sonnet-latest',
    max_tokens: 300,
    system: KNOWLEDGE_BASE,
    messages: [{ role: 'user', content: question }],
  });
}
`,
  'support.py': WORDY,
  'writer.ts': `import OpenAI from 'openai';

const client = new OpenAI();

export async function draft(topic: string) {
  const completion = await client.chat.completions.create({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: \`Draft a short announcement about \${topic}.\` }],
  });
  return completion.choices[0]?.message.content ?? '';
}
`,
  'greeting.py': `from openai import OpenAI

client = OpenAI()


def answer(question: str, name: str) -> str:
    system = f"""You are talking to {name}.

${KB}"""
    response = client.chat.completions.create(model="gpt-4o", max_tokens=300, messages=[{"role": "system", "content": system}, {"role": "user", "content": question}])
    return response.choices[0].message.content
`,
  'typo.ts': `import OpenAI from 'openai';

const client = new OpenAI();

export const ask = (q: string) => client.chat.completions.create({ model: 'gpt-4o-minii', max_tokens: 100, messages: [{ role: 'user', content: q }] });
`,
  'report.py': `from openai import OpenAI

client = OpenAI()


def report(figures: str) -> str:
    response = client.chat.completions.create(model="gpt-4o", max_tokens=32000, messages=[{"role": "user", "content": figures}])
    return response.choices[0].message.content
`,
};

const folder = () => workspaceUri('quickfix-fixtures');

/** Opens a fixture, waits for its audit, and returns the engine diagnostic of `rule`. */
async function diagnosticOf(name: string, rule: string): Promise<{ document: vscode.TextDocument; diagnostic: Diagnostic }> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), name));
  await vscode.window.showTextDocument(document);
  const entry = await (await extensionApi()).whenAnalyzed(document);
  const diagnostic = entry.result.diagnostics.find((d) => d.rule === rule);
  assert.ok(diagnostic, `${rule} in ${name}: ${entry.result.diagnostics.map((d) => d.rule).join(', ')}`);
  return { document, diagnostic };
}

/** The code action VS Code offers for the diagnostic, by title prefix. */
async function actionFor(document: vscode.TextDocument, diagnostic: Diagnostic, titleStart: string): Promise<vscode.CodeAction> {
  const range = new vscode.Range(diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.line, diagnostic.range.end.character);
  const action = await waitFor(`a "${titleStart}" code action`, async () => {
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range)) ?? [];
    return actions.find((a) => a.title.startsWith(titleStart));
  });
  assert.ok(action.edit || action.command, 'the action carries its edit (or the preview command)');
  return action;
}

/** Applies the action's edit, checks the text, then undoes it and checks the original is back. */
async function applyAndUndo(document: vscode.TextDocument, action: vscode.CodeAction, check: (text: string) => void): Promise<string> {
  const original = document.getText();
  assert.equal(await vscode.workspace.applyEdit(action.edit!), true, 'the edit applies');
  const edited = document.getText();
  assert.notEqual(edited, original);
  check(edited);
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('undo');
  await waitFor('undo to restore the text', () => document.getText() === original);
  return edited;
}

describe('quick fixes in the editor', () => {
  before(async () => {
    await extensionApi();
    for (const [name, text] of Object.entries(FILES)) {
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder(), name), new TextEncoder().encode(text));
    }
  });

  after(async () => {
    await closeAllEditors();
    await resetSettings();
    await vscode.workspace.fs.delete(folder(), { recursive: true, useTrash: false });
  });

  afterEach(closeAllEditors);

  it('lower max tokens: a quick fix, not preferred; the diagnostic goes away once applied', async () => {
    const { document, diagnostic } = await diagnosticOf('classify.py', 'high-max-tokens');
    const action = await actionFor(document, diagnostic, 'Set max_tokens to 10');
    assert.equal(action.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.notEqual(action.isPreferred, true);
    const original = document.getText();
    const before = document.version;
    const reaudited = nextUpdate(document.uri, (e) => e.version > before);
    assert.equal(await vscode.workspace.applyEdit(action.edit!), true);
    assert.equal(document.getText(), original.replace('max_tokens=2000,', 'max_tokens=10,'));
    const entry = await reaudited;
    assert.equal(entry.result.diagnostics.filter((d) => d.rule === 'high-max-tokens').length, 0);
    await vscode.commands.executeCommand('undo');
    await waitFor('undo to restore the text', () => document.getText() === original);
  });

  it('add cache_control (Python): a preferred fix that keeps the constant as the block text', async () => {
    const { document, diagnostic } = await diagnosticOf('bank.py', 'cache-opportunity');
    const action = await actionFor(document, diagnostic, 'Add cache_control');
    assert.equal(action.isPreferred, true);
    await applyAndUndo(document, action, (text) => {
      assert.ok(text.includes('        system=[{"type": "text", "text": KNOWLEDGE_BASE, "cache_control": {"type": "ephemeral"}}],\n'), text);
    });
  });

  it('add cache_control (TypeScript)', async () => {
    const { document, diagnostic } = await diagnosticOf('bank.ts', 'cache-opportunity');
    const action = await actionFor(document, diagnostic, 'Add cache_control');
    await applyAndUndo(document, action, (text) => {
      assert.ok(text.includes("    system: [{ type: 'text', text: KNOWLEDGE_BASE, cache_control: { type: 'ephemeral' } }],\n"), text);
    });
  });

  it('compress prompt: rewrites the constant inside its literal, after the preview', async () => {
    const { document, diagnostic } = await diagnosticOf('support.py', 'bloated-system-prompt');
    const fix = diagnostic.fixes.find((f) => f.title.startsWith('Compress prompt'))!;
    assert.ok(fix.preview?.diff && fix.preview.tokensAfter! < fix.preview.tokensBefore!);
    const action = await actionFor(document, diagnostic, 'Compress prompt');
    // Shown as a diff first (suite 11 checks the preview itself); applied through its Apply command.
    const original = document.getText();
    await vscode.commands.executeCommand(action.command!.command, ...(action.command!.arguments ?? []));
    assert.equal(await vscode.commands.executeCommand('promptAuditor.applyFixPreview'), true);
    const text = document.getText();
    assert.ok(!text.includes('highly sophisticated') && !text.includes('Please make sure'), text);
    assert.ok(text.includes('SYSTEM_PROMPT = """You are a customer support AI assistant'), text);
    assert.ok(text.includes('{"role": "system", "content": SYSTEM_PROMPT}'), 'the call is untouched');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    await waitFor('undo to restore the text', () => document.getText() === original);
  });

  it('switch to a cheaper model: a refactor.rewrite whose title shows the % saved', async () => {
    const { document, diagnostic } = await diagnosticOf('support.py', 'bloated-system-prompt');
    const action = await actionFor(document, diagnostic, 'Switch to ');
    assert.equal(action.kind?.value, vscode.CodeActionKind.RefactorRewrite.value);
    const model = /^Switch to (\S+) \(−\d+%/.exec(action.title)?.[1];
    assert.ok(model, action.title);
    await applyAndUndo(document, action, (text) => assert.ok(text.includes(`model="${model}",`), text));
  });

  it('add max tokens (TypeScript), in the call\'s one-argument-per-line layout', async () => {
    const { document, diagnostic } = await diagnosticOf('writer.ts', 'missing-max-tokens');
    const action = await actionFor(document, diagnostic, 'Add max_tokens: 1024');
    await applyAndUndo(document, action, (text) => {
      assert.ok(text.includes("content: `Draft a short announcement about ${topic}.` }],\n    max_tokens: 1024,\n  });"), text);
    });
  });

  it('context-overflow: the safe fix sets the model maximum', async () => {
    const { document, diagnostic } = await diagnosticOf('report.py', 'context-overflow');
    const action = await actionFor(document, diagnostic, 'Set max_tokens to 16,384');
    assert.equal(action.isPreferred, true);
    await applyAndUndo(document, action, (text) => assert.ok(text.includes('max_tokens=16384,'), text));
  });

  it('move the dynamic opening to the end of the prompt (cache-unfriendly-prefix)', async () => {
    const { document, diagnostic } = await diagnosticOf('greeting.py', 'cache-unfriendly-prefix');
    const action = await actionFor(document, diagnostic, 'Move the dynamic opening to the end');
    await applyAndUndo(document, action, (text) => {
      assert.ok(text.includes(`system = f\"\"\"${KB.split('\n')[0]}`), text.slice(0, 400));
      assert.ok(text.includes(`${KB.split('\n').pop()}\n\nYou are talking to {name}.\"\"\"`), text.slice(-600));
    });
  });

  it('unknown model: replace the id with the closest known one', async () => {
    const { document, diagnostic } = await diagnosticOf('typo.ts', 'unknown-model');
    const action = await actionFor(document, diagnostic, 'Change the model to gpt-4o-mini');
    await applyAndUndo(document, action, (text) => assert.ok(text.includes("model: 'gpt-4o-mini', max_tokens"), text));
  });

  it('ignore on this line: the comment goes above the call with its indentation and silences the rule', async () => {
    const { document, diagnostic } = await diagnosticOf('writer.ts', 'missing-max-tokens');
    const action = await actionFor(document, diagnostic, 'Ignore missing-max-tokens on this line');
    const before = document.version;
    const reaudited = nextUpdate(document.uri, (e) => e.version > before);
    const original = document.getText();
    assert.equal(await vscode.workspace.applyEdit(action.edit!), true);
    assert.ok(document.getText().includes('  // prompt-audit: ignore missing-max-tokens\n  const completion = await client.chat.completions.create({'), document.getText());
    const entry = await reaudited;
    assert.equal(entry.result.diagnostics.filter((d) => d.rule === 'missing-max-tokens').length, 0);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    await waitFor('undo to restore the text', () => document.getText() === original);
  });
});
