// "Switch to a cheaper comparable model" as a refactor anywhere in a call whose model id is written in the file
// (a literal at the call or a same-file constant), with the % saved in the title; applied, checked, undone.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { cheaperAlternatives } from '../../../src/engine/price';
import type { AuditedCall } from '../../../src/engine/model';
import { closeAllEditors, codeActions, extensionApi, openAuditedUri, positionOf, undoUntil, workspaceUri, writeFixtures } from '../helpers';

const APP_PY = `from openai import OpenAI

client = OpenAI()

MODEL = "gpt-4o"


def ask(question: str) -> str:
    response = client.chat.completions.create(
        model="gpt-4o",
        max_tokens=200,
        messages=[{"role": "user", "content": f"Answer briefly: {question}"}],
    )
    return response.choices[0].message.content


def ask_shared(question: str) -> str:
    response = client.chat.completions.create(model=MODEL, max_tokens=200, messages=[{"role": "user", "content": question}])
    return response.choices[0].message.content


def ask_with(model: str, question: str) -> str:
    response = client.chat.completions.create(model=model, max_tokens=200, messages=[{"role": "user", "content": question}])
    return response.choices[0].message.content


def classify(ticket: str) -> str:
    response = client.chat.completions.create(model="gpt-4o", max_tokens=4000, messages=[{"role": "system", "content": "Classify the ticket as billing, shipping or returns. Respond with only the label."}, {"role": "user", "content": ticket}])
    return response.choices[0].message.content
`;

const APP_TS = `import Anthropic from '@anthropic-ai/sdk';

const client = new Anthropic();

export async function tag(text: string) {
  return client.messages.create({
    model: 'claude-3-5-sonnet-latest',
    max_tokens: 50,
    messages: [{ role: 'user', content: \`Give one tag for: \${text}\` }],
  });
}
`;

const folder = 'switch-fixtures';
const TITLE = /^Switch to (\S+) \(−(\d+)% per request(, edits the constant)?\)$/;

async function refactorsAt(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CodeAction[]> {
  const actions = await codeActions(document.uri, new vscode.Range(position, position), 'refactor.rewrite');
  return actions.filter((a) => a.title.startsWith('Switch to '));
}

/** What the engine's price module says the switches of this call are (same provider, cheapest first). */
function expectedSwitches(call: AuditedCall): { model: string; percent: number }[] {
  const overrides = {};
  return cheaperAlternatives(call.effectiveModel, { inputTokens: call.inputTokens.tokens, outputTokens: call.outputTokens.tokens }, { sameProviderOnly: true, limit: 3, overrides }).map((a) => ({
    model: a.model,
    percent: Math.max(1, Math.round(a.saving * 100)),
  }));
}

describe('switch to a cheaper comparable model (refactor.rewrite)', () => {
  before(async () => {
    await extensionApi();
    await writeFixtures(folder, { 'app.py': APP_PY, 'app.ts': APP_TS });
  });
  afterEach(closeAllEditors);
  after(() => vscode.workspace.fs.delete(workspaceUri(folder), { recursive: true, useTrash: false }));

  it('is offered with the cursor anywhere in the call, titled with the % saved, and applies and undoes', async () => {
    const { document, entry } = await openAuditedUri(vscode.Uri.joinPath(workspaceUri(folder), 'app.py'));
    const call = entry.result.calls.find((c) => c.model?.source === 'literal')!;
    const expected = expectedSwitches(call);
    assert.ok(expected.length > 0, 'gpt-4o has cheaper OpenAI models of its tier');
    // On the messages argument, far from the model and from any diagnostic.
    const actions = await refactorsAt(document, positionOf(document, 'Answer briefly', 3));
    assert.deepEqual(
      actions.map((a) => {
        const m = TITLE.exec(a.title);
        assert.ok(m, a.title);
        return { model: m[1]!, percent: Number(m[2]) };
      }),
      expected,
    );
    for (const a of actions) assert.equal(a.kind?.value, vscode.CodeActionKind.RefactorRewrite.value);
    const original = document.getText();
    assert.equal(await vscode.workspace.applyEdit(actions[0]!.edit!), true);
    const text = document.getText();
    assert.ok(text.includes(`        model="${expected[0]!.model}",\n`), text);
    assert.ok(text.includes('MODEL = "gpt-4o"') && text.includes('create(model=MODEL'), 'the other calls are untouched');
    await undoUntil(document, original);
  });

  it('on a call that takes its model from a same-file constant, edits the constant', async () => {
    const { document } = await openAuditedUri(vscode.Uri.joinPath(workspaceUri(folder), 'app.py'));
    const actions = await refactorsAt(document, positionOf(document, 'create(model=MODEL', 8));
    assert.ok(actions.length > 0);
    const model = TITLE.exec(actions[0]!.title);
    assert.ok(model?.[3], `${actions[0]!.title} says it edits the constant`);
    const original = document.getText();
    assert.equal(await vscode.workspace.applyEdit(actions[0]!.edit!), true);
    assert.ok(document.getText().includes(`MODEL = "${model[1]}"`));
    assert.ok(document.getText().includes('        model="gpt-4o",\n'), 'the literal call is untouched');
    await undoUntil(document, original);
  });

  it('works in TypeScript (Anthropic) too', async () => {
    const { document } = await openAuditedUri(vscode.Uri.joinPath(workspaceUri(folder), 'app.ts'));
    const actions = await refactorsAt(document, positionOf(document, 'Give one tag', 2));
    assert.ok(actions.length > 0, 'claude-3-5-sonnet has cheaper Anthropic models of its tier');
    const model = TITLE.exec(actions[0]!.title)![1]!;
    const original = document.getText();
    assert.equal(await vscode.workspace.applyEdit(actions[0]!.edit!), true);
    assert.ok(document.getText().includes(`    model: '${model}',\n`));
    await undoUntil(document, original);
  });

  it('is not offered where the model is not written in the file, nor outside calls', async () => {
    const { document } = await openAuditedUri(vscode.Uri.joinPath(workspaceUri(folder), 'app.py'));
    assert.deepEqual(await refactorsAt(document, positionOf(document, 'create(model=model', 8)), [], 'a parameter: nothing to rewrite');
    assert.deepEqual(await refactorsAt(document, positionOf(document, 'def ask(', 2)), [], 'outside every call');
  });

  it('never lists the same switch twice where a diagnostic offers it too', async () => {
    const { document, entry } = await openAuditedUri(vscode.Uri.joinPath(workspaceUri(folder), 'app.py'));
    // high-max-tokens on the classifier's cap offers switches of its own (the rules' quick fixes).
    const diagnostic = entry.result.diagnostics.find((d) => d.rule === 'high-max-tokens')!;
    assert.ok(diagnostic?.fixes.some((f) => f.title.startsWith('Switch to ')), 'the diagnostic offers a switch');
    const call = entry.result.calls.find((c) => c.range.startOffset <= diagnostic.range.startOffset && diagnostic.range.endOffset <= c.range.endOffset)!;
    const at = new vscode.Position(diagnostic.range.start.line, diagnostic.range.start.character + 1);
    const titles = (await codeActions(document.uri, new vscode.Range(at, at))).map((a) => a.title).filter((t) => t.startsWith('Switch to '));
    assert.equal(new Set(titles).size, titles.length, titles.join(' | '));
    assert.deepEqual(titles.map((t) => TITLE.exec(t)?.[1]).sort(), expectedSwitches(call).map((e) => e.model).sort(), 'the diagnostic\'s and the refactor\'s together');
    // The refactor menu (only = refactor) lists them too.
    const refactors = await codeActions(document.uri, new vscode.Range(at, at), 'refactor');
    assert.ok(refactors.some((a) => a.title.startsWith('Switch to ')));
  });
});
