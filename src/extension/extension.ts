import * as vscode from 'vscode';
import { SUPPORTED_LANGUAGES, type LanguageId } from '../engine/model';
import type { PromptAuditorApi } from './api';
import { CallLensProvider } from './codelens/call-lens-provider';
import { FixAllProvider } from './codeactions/fix-all-provider';
import { FixProvider } from './codeactions/fix-provider';
import { SwitchModelProvider } from './codeactions/switch-model-provider';
import { registerCommands } from './commands/registry';
import { SettingsStore } from './config/settings-store';
import { DiagnosticsPublisher } from './diagnostics/diagnostics-publisher';
import { EngineClient } from './engine-host/engine-client';
import { PromptHoverProvider } from './hover/prompt-hover-provider';
import { AUDITED_SCHEMES, DocumentIndex, isAuditable } from './index/document-index';
import { createLog, describeError } from './log';
import { FixPreviews } from './preview/fix-previews';
import { VirtualDocuments, VIRTUAL_SCHEME } from './report/virtual-documents';
import type { Services } from './services';
import { StatusBar } from './statusbar/status-bar';
import { EventLoopDelay, UiTimings } from './timing';
import { TokenizerDownloads } from './tokenizers/tokenizer-downloads';
import { WorkspaceScanner } from './workspace/workspace-scan';

let engine: EngineClient | undefined;

/** Wires the features together; each lives in its own folder. The engine runs in a worker, started lazily. */
export function activate(context: vscode.ExtensionContext): PromptAuditorApi {
  const started = performance.now();
  const log = createLog();
  const timings = new UiTimings((label, err) => log.error(`${label} failed: ${describeError(err)}`));
  const eventLoop = new EventLoopDelay();
  const settings = new SettingsStore(log, contributedDefaults(context));
  engine = new EngineClient(vscode.Uri.joinPath(context.extensionUri, 'dist', 'audit-worker.js').fsPath, log);
  const index = new DocumentIndex(engine, settings, log, timings);
  const scanner = new WorkspaceScanner(engine, settings, log);
  const documents = new VirtualDocuments();
  const previews = new FixPreviews(documents, log);
  const services: Services = { context, log, settings, engine, index, scanner, timings, documents, previews };

  // The documents the index audits: supported languages in editable schemes (not diff views' git:, output panes...).
  const selector: vscode.DocumentSelector = SUPPORTED_LANGUAGES.flatMap((language) => [...AUDITED_SCHEMES].map((scheme) => ({ language, scheme })));
  const lenses = new CallLensProvider(index, settings, timings);
  const diagnostics = new DiagnosticsPublisher(index, context.extensionUri, timings);
  const statusBar = new StatusBar(index, settings, engine, scanner, log, timings);
  const tokenizers = new TokenizerDownloads(context, engine, index, settings, log, timings);
  const configureEngine = (): void => void tokenizers.configureWorker();
  context.subscriptions.push(
    log,
    eventLoop,
    settings,
    index,
    scanner,
    documents,
    previews,
    diagnostics,
    statusBar,
    tokenizers,
    { dispose: () => engine?.dispose() },
    vscode.languages.registerCodeLensProvider(selector, lenses),
    vscode.languages.registerHoverProvider(selector, new PromptHoverProvider(index, settings, timings)),
    vscode.languages.registerCodeActionsProvider(selector, new FixProvider(index, timings), FixProvider.metadata),
    vscode.languages.registerCodeActionsProvider(selector, new FixAllProvider(index, log, timings), FixAllProvider.metadata),
    vscode.languages.registerCodeActionsProvider(selector, new SwitchModelProvider(index, engine, settings, log, timings), SwitchModelProvider.metadata),
    vscode.workspace.registerTextDocumentContentProvider(VIRTUAL_SCHEME, documents),
    index.onDidUpdate(() => lenses.refresh()),
    settings.onDidChange(() => {
      lenses.refresh();
      configureEngine();
    }),
    engine.onDidRestart(configureEngine),
    ...registerCommands(services),
  );
  // Off the activation path, in this order: start and configure the worker; once the project's .prompt-audit.json
  // is read (so the first audits are not redone at once), start indexing; meanwhile the worker warms up: it loads
  // the grammars of the open documents and the default model's tokenizer.
  const deferred = new Promise<void>((resolve) => setTimeout(resolve, 0));
  void deferred
    .then(() => {
      configureEngine();
      return settings.ready;
    })
    .catch((err: unknown) => log.error(`Reading .prompt-audit.json failed: ${describeError(err)}`))
    .then(() => index.start());
  const warmUp = deferred.then(async (): Promise<number | null> => {
    const languages = [...new Set(vscode.workspace.textDocuments.filter(isAuditable).map((d) => d.languageId as LanguageId))];
    try {
      const { ms } = await engine!.request({ kind: 'warmUp', languages: languages.length ? languages : ['python'], options: settings.get().audit });
      log.info(`Warm-up: parsers (${languages.join(', ') || 'python'}) and the ${settings.get().audit.defaultModel} tokenizer ready in ${Math.round(ms)} ms.`);
      return ms;
    } catch (err) {
      log.warn(`Warm-up failed (audits still run, the first is slower): ${describeError(err)}`);
      return null;
    }
  });

  const activationMs = performance.now() - started;
  log.info(`Activated in ${activationMs.toFixed(1)} ms.`);
  return {
    activationMs,
    warmUp,
    statusBar: () => ({ text: statusBar.text, tooltip: statusBar.tooltipText, visible: statusBar.visible, command: statusBar.commandId }),
    result: (uri) => index.get(uri),
    whenAnalyzed: (document) => index.whenAnalyzed(document),
    onDidUpdate: index.onDidUpdate,
    settings: (uri) => settings.get(uri),
    uiTimings: () => timings.snapshot(),
    eventLoopDelay: () => eventLoop.snapshot(),
    resetUiTimings: () => {
      timings.reset();
      eventLoop.reset();
    },
    lastScan: () => scanner.last,
    fixPreview: () => previews.current,
    loggedErrors: () => log.recentErrors(),
    restartEngine: () => engine?.restart('requested through the API') ?? Promise.resolve(),
    tokenizerPrompts: () => tokenizers.pending(),
    answerTokenizerPrompt: (vocabulary, action) => tokenizers.answer(vocabulary, action),
    tokenizerCacheDir: () => tokenizers.cacheDir,
  };
}

/** package.json's `promptAuditor.*` defaults, from the manifest VS Code already parsed. */
function contributedDefaults(context: vscode.ExtensionContext): Record<string, unknown> {
  const manifest = context.extension.packageJSON as { contributes?: { configuration?: { properties?: Record<string, { default?: unknown }> } } };
  return Object.fromEntries(Object.entries(manifest.contributes?.configuration?.properties ?? {}).map(([key, p]) => [key, p.default]));
}

export function deactivate(): void {
  engine?.dispose();
  engine = undefined;
}
