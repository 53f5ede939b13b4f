import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { closeAllEditors, codeActions, codeLenses, extensionApi, hoverText, nextUpdate, openAudited, waitFor, workspaceUri } from '../helpers';
import { print } from '../output';

/** A 5,000-line module of the kind the extension must stay fast on: 125 functions, each with a prompt and a call. */
function largeModule(): string {
  const lines = ['from openai import OpenAI', '', 'client = OpenAI()', ''];
  for (let i = 0; lines.length < 5000; i++) {
    lines.push(
      `PROMPT_${i} = """You are assistant number ${i} for the billing team.`,
      'Answer in at most three sentences and cite the invoice number when there is one.',
      'Never promise refunds; say that a specialist reviews every request."""',
      '',
      '',
      `def handle_${i}(question: str, customer: str) -> str:`,
      `    """Route ${i}: looks the customer up, then asks the model."""`,
      '    account = {"name": customer, "tier": "team", "open_tickets": 2}',
      '    history = [f"{k}={v}" for k, v in account.items()]',
      '    response = client.chat.completions.create(',
      '        model="gpt-4o-mini",',
      '        max_tokens=200,',
      '        messages=[',
      `            {"role": "system", "content": PROMPT_${i}},`,
      '            {"role": "user", "content": f"{customer} asks: {question} ({history})"},',
      '        ],',
      '    )',
      '    answer = response.choices[0].message.content or ""',
      '    if len(answer) > 2000:',
      '        answer = answer[:2000]',
      '    for line in answer.splitlines():',
      '        if line.startswith("Refund"):',
      '            return "A billing specialist will review your request."',
      '    total = sum(len(h) for h in history)',
      '    assert total >= 0',
      '    result = answer.strip()',
      '    log_line = f"handled {customer} in route ' + i + ' with {len(result)} chars"',
      '    print(log_line)',
      '    return result',
      '',
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}

describe('performance on a 5,000-line file (figures logged; budgets: 50 ms per UI-path task)', () => {
  after(closeAllEditors);

  it('keeps every extension-host task short while typing, hovering and selecting', async function () {
    this.timeout(180_000);
    const uri = workspaceUri('large_module.py');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(largeModule()));
    const api = await extensionApi();
    const openedAt = performance.now();
    const { document, editor, entry } = await openAudited('large_module.py');
    const firstAuditMs = performance.now() - openedAt;
    assert.ok(document.lineCount >= 5000, `${document.lineCount} lines`);
    assert.ok(entry.result.calls.length >= 100, `${entry.result.calls.length} calls found`);
    print(`      5k-line file: ${document.lineCount} lines, ${entry.result.calls.length} calls; first audit ${Math.round(firstAuditMs)} ms end to end (engine ${Math.round(entry.engineMs)} ms in the worker)`);

    // Baseline: the same host idle for 2 s (machine load and VS Code's own work show up here too).
    api.resetUiTimings();
    await new Promise((r) => setTimeout(r, 2000));
    const idle = api.eventLoopDelay();
    api.resetUiTimings();
    // Type a sentence into a prompt in the middle of the file, one keystroke per edit.
    const at = document.positionAt(document.getText().indexOf('for the billing team', document.getText().length / 2));
    const sentence = ' Reply in the language of the question.';
    const target = document.version + sentence.length;
    const final = nextUpdate(document.uri, (e) => e.version >= target, 60_000);
    for (let i = 0; i < sentence.length; i++) await editor.edit((b) => b.insert(at.translate(0, i), sentence[i]!), { undoStopBefore: false, undoStopAfter: false });
    const typed = await final;
    print(`      re-audit after typing ${sentence.length} characters: engine ${Math.round(typed.engineMs)} ms in the worker (incremental parse)`);
    for (let i = 0; i < 5; i++) assert.ok((await codeLenses(document.uri)).length >= 200);
    for (let i = 0; i < 5; i++) assert.match(await hoverText(document.uri, at.translate(0, 3)), /Tokens/);
    // The lightbulb's code action requests inside a call (quick fixes + the model-switch refactor), and fix-all.
    const inCall = document.positionAt(document.getText().indexOf('max_tokens=200', document.offsetAt(at)));
    for (let i = 0; i < 5; i++) await codeActions(document.uri, new vscode.Range(inCall, inCall));
    await codeActions(document.uri, new vscode.Range(0, 0, document.lineCount, 0), 'source.fixAll');
    editor.selection = new vscode.Selection(at.translate(-1, 0), at.translate(2, 0));
    await waitFor('the selection figure', () => api.statusBar().text.startsWith('$(selection)'));
    editor.selection = new vscode.Selection(at, at);

    const timings = api.uiTimings();
    for (const label of ['index.change', 'codeLens.provide', 'hover.provide', 'codeActions.provide', 'codeActions.switchModel', 'codeActions.fixAll', 'diagnostics.publish', 'statusBar.update', 'index.storeResult']) {
      assert.ok(timings[label]?.count, `${label} ran (measured: ${Object.keys(timings).join(', ')})`);
    }
    const rows = Object.entries(timings).sort(([, a], [, b]) => b.maxMs - a.maxMs);
    print('      extension-host (UI path) work, slowest first:');
    for (const [label, t] of rows) print(`        ${label.padEnd(26)} max ${t.maxMs.toFixed(2).padStart(7)} ms  avg ${(t.totalMs / t.count).toFixed(2).padStart(6)} ms  x${t.count}`);
    const [worstLabel, worst] = rows[0]!;
    print(`      slowest UI-path task: ${worstLabel} ${worst.maxMs.toFixed(1)} ms on a ${document.lineCount.toLocaleString('en-US')}-line file (target <= 50 ms)`);
    const blocked = api.eventLoopDelay();
    print(`      extension host event loop blocked at most ${blocked.maxMs.toFixed(1)} ms (p99 ${blocked.p99Ms.toFixed(1)} ms) meanwhile, by anyone (VS Code and built-in extensions included); idle baseline ${idle.maxMs.toFixed(1)} ms`);
  });
});
