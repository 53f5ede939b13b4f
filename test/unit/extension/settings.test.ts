import { strict as assert } from 'node:assert';
import { DEFAULT_OPTIONS } from '../../../src/engine/options';
import { DEFAULT_SETTINGS, readSettings, type ConfigurationReader } from '../../../src/extension/config/settings';

type Scopes = { globalValue?: unknown; workspaceValue?: unknown; workspaceFolderValue?: unknown };

/** A configuration source like vscode.WorkspaceConfiguration: per-scope values, merged most specific first. */
function config(values: Record<string, Scopes> = {}): ConfigurationReader {
  return {
    get<T>(key: string): T | undefined {
      const s = values[key];
      return (s?.workspaceFolderValue ?? s?.workspaceValue ?? s?.globalValue) as T | undefined;
    },
    inspect<T>(key: string) {
      return values[key] as { globalValue?: T; workspaceValue?: T; workspaceFolderValue?: T } | undefined;
    },
  };
}

describe('extension settings -> AuditOptions snapshot', () => {
  it("starts from the engine's defaults", () => {
    const { settings, problems } = readSettings(config(), null);
    assert.deepEqual(problems, []);
    assert.deepEqual(settings.audit, DEFAULT_OPTIONS);
    assert.equal(settings.codeLensEnabled, DEFAULT_SETTINGS.codeLensEnabled);
    assert.equal(settings.statusBarMode, 'request');
    assert.equal(settings.debounceMs, 300);
    // Downloads are opt-in: the product's only network use.
    assert.equal(settings.allowTokenizerDownload, false);
  });

  it('maps each setting to its AuditOptions field (maxFileSize -> maxFileBytes)', () => {
    const { settings, problems } = readSettings(
      config({
        defaultModel: { globalValue: 'gpt-4o' },
        requestsPerDay: { globalValue: 5000 },
        daysPerMonth: { globalValue: 22 },
        expectedOutputTokens: { globalValue: 800 },
        placeholderTokens: { globalValue: 12 },
        maxFileSize: { globalValue: 50_000 },
        'compression.style': { globalValue: 'terse' },
        rules: { globalValue: { 'high-max-tokens': { threshold: 2048 } } },
        priceOverrides: { globalValue: { 'my-ft': { input: 3, output: 12 } } },
      }),
      null,
    );
    assert.deepEqual(problems, []);
    assert.equal(settings.audit.defaultModel, 'gpt-4o');
    assert.equal(settings.audit.requestsPerDay, 5000);
    assert.equal(settings.audit.daysPerMonth, 22);
    assert.equal(settings.audit.expectedOutputTokens, 800);
    assert.equal(settings.audit.placeholderTokens, 12);
    assert.equal(settings.audit.maxFileBytes, 50_000);
    assert.equal(settings.audit.compressionStyle, 'terse');
    assert.deepEqual(settings.audit.rules['high-max-tokens'], { threshold: 2048 });
    assert.equal(settings.audit.priceOverrides['my-ft']?.input, 3);
  });

  it('treats a value equal to the contributed default as unset, so the engine default applies', () => {
    const contributed = { 'promptAuditor.requestsPerDay': 1000 };
    const { settings } = readSettings(config({ requestsPerDay: { globalValue: 1000 } }), { json: { requestsPerDay: 250 } }, contributed);
    // The project file is more specific than a user value, and a default is no user value at all.
    assert.equal(settings.audit.requestsPerDay, 250);
  });

  it('leaves out invalid values with a message naming the setting, and keeps the rest', () => {
    const { settings, problems } = readSettings(
      config({
        requestsPerDay: { globalValue: -5 },
        priceOverrides: { globalValue: { 'gpt-4o': { input: 'cheap' } } },
        defaultModel: { globalValue: 'gpt-4.1' },
        'statusBar.mode': { globalValue: 'weekly' },
        debounceMs: { globalValue: 2.5 },
        'codeLens.enabled': { globalValue: 'yes' },
      }),
      null,
    );
    assert.equal(settings.audit.requestsPerDay, DEFAULT_OPTIONS.requestsPerDay);
    assert.deepEqual(settings.audit.priceOverrides, {});
    assert.equal(settings.audit.defaultModel, 'gpt-4.1');
    assert.equal(settings.statusBarMode, 'request');
    assert.equal(settings.debounceMs, 300);
    assert.equal(settings.codeLensEnabled, true);
    for (const name of ['promptAuditor.requestsPerDay', 'promptAuditor.priceOverrides', 'promptAuditor.statusBar.mode', 'promptAuditor.debounceMs', 'promptAuditor.codeLens.enabled']) {
      assert.ok(problems.some((p) => p.startsWith(name)), `${name} in ${problems.join(' | ')}`);
    }
  });

  it('layers user settings < .prompt-audit.json < workspace < folder, merging maps key by key', () => {
    const { settings, problems } = readSettings(
      config({
        requestsPerDay: { globalValue: 10, workspaceValue: 20 },
        daysPerMonth: { globalValue: 28, workspaceFolderValue: 21 },
        priceOverrides: { globalValue: { mine: { input: 1, output: 2 } } },
      }),
      { json: { requestsPerDay: 15, daysPerMonth: 25, defaultModel: 'gpt-4.1-mini', priceOverrides: { team: { input: 3, output: 4 } } } },
    );
    assert.deepEqual(problems, []);
    assert.equal(settings.audit.requestsPerDay, 20, 'workspace beats the file');
    assert.equal(settings.audit.daysPerMonth, 21, 'folder beats the file');
    assert.equal(settings.audit.defaultModel, 'gpt-4.1-mini', 'the file beats the default');
    assert.deepEqual(Object.keys(settings.audit.priceOverrides).sort(), ['mine', 'team']);
  });

  it('reports an unreadable project file and a bad field in it, and still reads the settings', () => {
    const broken = readSettings(config({ defaultModel: { globalValue: 'gpt-4o' } }), { json: null, problem: '.prompt-audit.json is not valid JSON; ignored.' });
    assert.deepEqual(broken.problems, ['.prompt-audit.json is not valid JSON; ignored.']);
    assert.equal(broken.settings.audit.defaultModel, 'gpt-4o');
    const badField = readSettings(config(), { json: { daysPerMonth: 90 } });
    assert.equal(badField.settings.audit.daysPerMonth, DEFAULT_OPTIONS.daysPerMonth);
    assert.ok(badField.problems.some((p) => p.startsWith('.prompt-audit.json: daysPerMonth')), badField.problems.join(' | '));
  });

  it('reads window-scoped settings (CodeLens, status bar, debounce, downloads) from the window configuration', () => {
    const windowValues = config({ 'codeLens.enabled': { globalValue: false }, 'statusBar.mode': { globalValue: 'month' }, debounceMs: { globalValue: 0 }, 'tokenizers.allowDownload': { globalValue: true } });
    const { settings } = readSettings(config({ 'codeLens.enabled': { globalValue: true } }), null, {}, windowValues);
    assert.equal(settings.codeLensEnabled, false);
    assert.equal(settings.statusBarMode, 'month');
    assert.equal(settings.debounceMs, 0);
    assert.equal(settings.allowTokenizerDownload, true);
  });
});
