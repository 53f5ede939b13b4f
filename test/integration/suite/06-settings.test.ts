import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { DEFAULT_OPTIONS } from '../../../src/engine/options';
import type { ExtensionSettings } from '../../../src/extension/config/settings';
import { rulesSchema } from '../../../scripts/extension-manifest';
import { closeAllEditors, codeLensTitles, dollars, extensionApi, openAudited, resetSettings, setSetting, waitFor, workspaceUri } from '../helpers';

/** The lens title of the (only) call in a document. */
async function callTitle(uri: vscode.Uri): Promise<string> {
  const title = (await codeLensTitles(uri)).find((t) => t.includes('/request') || t.includes('price unknown') && !t.includes('per 1,000'));
  assert.ok(title, 'a call lens');
  return title;
}

describe('settings apply live', () => {
  afterEach(async () => {
    await resetSettings();
    await closeAllEditors();
    await vscode.workspace.fs.delete(workspaceUri('.prompt-audit.json')).then(undefined, () => undefined);
  });

  it('requests per day scale the monthly figure', async () => {
    const { document } = await openAudited('support_bot.py');
    const api = await extensionApi();
    const before = dollars(await callTitle(document.uri), '/month');
    await setSetting('requestsPerDay', 3000);
    await api.whenAnalyzed(document);
    const after = dollars(await callTitle(document.uri), '/month');
    assert.ok(Math.abs(after / before - 3) < 0.05, `${before} -> ${after} at 3x the requests`);
  });

  it('days per month scale the monthly figure', async () => {
    const { document } = await openAudited('support_bot.py');
    const api = await extensionApi();
    const before = dollars(await callTitle(document.uri), '/month');
    await setSetting('daysPerMonth', 15);
    await api.whenAnalyzed(document);
    const after = dollars(await callTitle(document.uri), '/month');
    assert.ok(Math.abs(after / before - 0.5) < 0.05, `${before} -> ${after} at half the days`);
  });

  it('the default model prices prompt constants and calls without a model', async () => {
    const { document } = await openAudited('prompts_only.py');
    const api = await extensionApi();
    const before = (await codeLensTitles(document.uri))[0]!;
    assert.match(before, /gpt-4o-mini$/);
    await setSetting('defaultModel', 'gpt-4o');
    await api.whenAnalyzed(document);
    const after = (await codeLensTitles(document.uri))[0]!;
    assert.match(after, /gpt-4o$/);
    assert.ok(dollars(after, ' per 1,000 uses') > dollars(before, ' per 1,000 uses'), `${before} -> ${after}`);
  });

  it('expected output tokens price calls that set no max tokens', async () => {
    const { document } = await openAudited('widget.tsx');
    const api = await extensionApi();
    const before = dollars(await callTitle(document.uri), '/request');
    await setSetting('expectedOutputTokens', 5000);
    const entry = await api.whenAnalyzed(document);
    assert.equal(entry.result.calls[0]?.outputTokens.tokens, 5000);
    assert.equal(entry.result.calls[0]?.outputTokens.assumed, true);
    assert.ok(dollars(await callTitle(document.uri), '/request') > before * 5);
  });

  it('price overrides give an unknown model a price', async () => {
    const { document } = await openAudited('unknown_model.py');
    const api = await extensionApi();
    assert.match(await callTitle(document.uri), /price unknown/);
    await setSetting('priceOverrides', { 'acme-internal-llm-7': { input: 1, output: 2 } });
    const entry = await api.whenAnalyzed(document);
    const call = entry.result.calls[0]!;
    assert.ok(call.cost?.requestUsd, 'priced now');
    const expected = (call.inputTokens.tokens * 1 + call.outputTokens.tokens * 2) / 1e6;
    assert.ok(Math.abs(call.cost.requestUsd - expected) < 1e-9, `${call.cost.requestUsd} = tokens x override rates`);
    assert.match(await callTitle(document.uri), /\/request/);
  });

  it('ignores invalid values with a fallback instead of breaking', async () => {
    const { document } = await openAudited('support_bot.py');
    const api = await extensionApi();
    await setSetting('requestsPerDay', -5);
    await setSetting('priceOverrides', { 'gpt-4o': { input: 'cheap' } });
    await setSetting('statusBar.mode', 'weekly');
    const settings = api.settings(document.uri);
    assert.equal(settings.audit.requestsPerDay, 1000);
    assert.deepEqual(settings.audit.priceOverrides, {});
    assert.equal(settings.statusBarMode, 'request');
    const entry = await api.whenAnalyzed(document);
    assert.equal(entry.result.calls.length, 1, 'audits still run');
  });

  it("reads the project's .prompt-audit.json (shared with the CLI), and workspace settings win over it", async () => {
    const { document } = await openAudited('support_bot.py');
    const api = await extensionApi();
    const changed = new Promise<void>((resolve) => {
      const sub = api.onDidUpdate(() => {
        if (api.settings(document.uri).audit.requestsPerDay !== 250) return;
        sub.dispose();
        resolve();
      });
    });
    await vscode.workspace.fs.writeFile(workspaceUri('.prompt-audit.json'), Buffer.from(JSON.stringify({ requestsPerDay: 250, defaultModel: 'gpt-4.1-mini' })));
    await changed;
    assert.equal(api.settings(document.uri).audit.defaultModel, 'gpt-4.1-mini');
    assert.equal((await api.whenAnalyzed(document)).result.calls[0]?.requestsPerDay, 250);
    await setSetting('requestsPerDay', 400);
    assert.equal(api.settings(document.uri).audit.requestsPerDay, 400);
    assert.equal(api.settings(document.uri).audit.defaultModel, 'gpt-4.1-mini', 'the file still supplies what the workspace does not set');
  });

  it('reads every contributed setting into the snapshot, live', async () => {
    const api = await extensionApi();
    const properties = (vscode.extensions.getExtension('prompt-auditor.prompt-auditor')!.packageJSON as { contributes: { configuration: { properties: Record<string, { scope?: string }> } } })
      .contributes.configuration.properties;
    const changes: [key: string, value: unknown, read: (s: ExtensionSettings) => unknown][] = [
      ['defaultModel', 'gpt-4.1', (s) => s.audit.defaultModel],
      ['requestsPerDay', 1234, (s) => s.audit.requestsPerDay],
      ['daysPerMonth', 20, (s) => s.audit.daysPerMonth],
      ['expectedOutputTokens', 321, (s) => s.audit.expectedOutputTokens],
      ['placeholderTokens', 7, (s) => s.audit.placeholderTokens],
      ['rules', { 'unknown-model': { enabled: false } }, (s) => ({ 'unknown-model': s.audit.rules['unknown-model'] })],
      ['priceOverrides', { 'my-model': { input: 1, output: 2 } }, (s) => ({ 'my-model': s.audit.priceOverrides['my-model'] })],
      ['maxFileSize', 123_456, (s) => s.audit.maxFileBytes],
      ['compression.style', 'terse', (s) => s.audit.compressionStyle],
      ['codeLens.enabled', false, (s) => s.codeLensEnabled],
      ['statusBar.mode', 'month', (s) => s.statusBarMode],
      ['debounceMs', 1234, (s) => s.debounceMs],
      ['tokenizers.allowDownload', true, (s) => s.allowTokenizerDownload],
    ];
    assert.deepEqual(changes.map(([key]) => `promptAuditor.${key}`).sort(), Object.keys(properties).sort(), 'every contributed setting is covered here');
    for (const [key, value, read] of changes) {
      assert.notDeepEqual(read(api.settings()), value, `${key} starts elsewhere`);
      if (properties[`promptAuditor.${key}`]?.scope === 'machine') {
        // Machine settings live in the user (here: remote machine) settings, never in a workspace.
        await vscode.workspace.getConfiguration('promptAuditor').update(key, value, vscode.ConfigurationTarget.Global);
        try {
          await waitFor(key, () => JSON.stringify(read(api.settings())) === JSON.stringify(value));
        } finally {
          await vscode.workspace.getConfiguration('promptAuditor').update(key, undefined, vscode.ConfigurationTarget.Global);
        }
      } else {
        await setSetting(key, value);
        assert.deepEqual(read(api.settings()), value, key);
      }
    }
  });

  it("contributes the engine's defaults, so the editor and the CLI start from the same figures", () => {
    const properties = (vscode.extensions.getExtension('prompt-auditor.prompt-auditor')!.packageJSON as {
      contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
    }).contributes.configuration.properties;
    const pairs: [string, unknown][] = [
      ['defaultModel', DEFAULT_OPTIONS.defaultModel],
      ['requestsPerDay', DEFAULT_OPTIONS.requestsPerDay],
      ['daysPerMonth', DEFAULT_OPTIONS.daysPerMonth],
      ['expectedOutputTokens', DEFAULT_OPTIONS.expectedOutputTokens],
      ['placeholderTokens', DEFAULT_OPTIONS.placeholderTokens],
      ['maxFileSize', DEFAULT_OPTIONS.maxFileBytes],
      ['compression.style', DEFAULT_OPTIONS.compressionStyle],
      ['rules', DEFAULT_OPTIONS.rules],
      ['priceOverrides', DEFAULT_OPTIONS.priceOverrides],
    ];
    for (const [key, engineDefault] of pairs) assert.deepEqual(properties[`promptAuditor.${key}`]?.default, engineDefault, key);
  });

  it("describes every rule's switches and thresholds in the rules setting's schema (npm run manifest)", () => {
    const properties = (vscode.extensions.getExtension('prompt-auditor.prompt-auditor')!.packageJSON as {
      contributes: { configuration: { properties: Record<string, { properties?: unknown }> } };
    }).contributes.configuration.properties;
    assert.deepEqual(properties['promptAuditor.rules']?.properties, rulesSchema());
  });

  it('every setting is contributed with a markdown description, a default and a scope', () => {
    const manifest = vscode.extensions.getExtension('prompt-auditor.prompt-auditor')!.packageJSON as {
      contributes: { configuration: { properties: Record<string, { markdownDescription?: string; default?: unknown; scope?: string }> } };
    };
    const properties = manifest.contributes.configuration.properties;
    const keys = Object.keys(properties);
    for (const wanted of ['defaultModel', 'requestsPerDay', 'daysPerMonth', 'expectedOutputTokens', 'rules', 'priceOverrides', 'codeLens.enabled', 'statusBar.mode']) {
      assert.ok(keys.includes(`promptAuditor.${wanted}`), wanted);
    }
    for (const [key, p] of Object.entries(properties)) {
      assert.ok(p.markdownDescription && p.markdownDescription.length > 20, `${key} markdownDescription`);
      assert.ok('default' in p, `${key} default`);
      assert.ok(p.scope, `${key} scope`);
      assert.deepEqual(vscode.workspace.getConfiguration().inspect(key)?.defaultValue, p.default, `${key} is registered with VS Code`);
    }
  });
});
