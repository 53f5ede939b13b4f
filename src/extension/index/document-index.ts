import * as vscode from 'vscode';
import { SUPPORTED_LANGUAGES, type AuditResult, type LanguageId } from '../../engine/model';
import { formatBytes } from '../../engine/format';
import type { SettingsStore } from '../config/settings-store';
import type { EngineClient } from '../engine-host/engine-client';
import type { MissingVocabularyOf, TextChange } from '../engine-host/protocol';
import { background, describeError, type Log } from '../log';
import type { UiTimings } from '../timing';

/** The engine's result for one version of one document. */
export interface IndexEntry {
  uri: vscode.Uri;
  version: number;
  result: AuditResult;
  /** Engine time in the worker. */
  engineMs: number;
  /** Set when the document was not audited because it is over the size limit. */
  skippedTooLarge: boolean;
  /** The settings generation the result was computed under (see SettingsStore.generation). */
  settingsGeneration: number;
  /** Tokenizer vocabularies some approximate figure stood in for because they are not on this machine. */
  missingVocabularies: readonly MissingVocabularyOf[];
}

interface Tracked {
  document: vscode.TextDocument;
  language: LanguageId;
  /** The version the worker holds, or -1 when it holds nothing (not opened yet, skipped, or worker restarted). */
  sentVersion: number;
  timer: NodeJS.Timeout | undefined;
  tooLarge: boolean;
}

/** Schemes of documents people write code in (not diff views' `git:`, output panes, chat buffers...). */
export const AUDITED_SCHEMES: ReadonlySet<string> = new Set(['file', 'untitled', 'vscode-notebook-cell', 'vscode-vfs', 'vscode-remote']);

export function isAuditable(document: vscode.TextDocument): boolean {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(document.languageId) && AUDITED_SCHEMES.has(document.uri.scheme);
}

/** Length of a document in UTF-16 code units without copying its text (what the engine's size limit counts). */
function documentLength(document: vscode.TextDocument): number {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}

/**
 * Keeps the engine's result for every open document of a supported language. Edits are forwarded to the worker as
 * they happen (small messages, so it holds the same text) and re-audited after a pause in typing (debounced);
 * opening, saving and switching editors audit at once. Consumers read results with get() and listen to
 * onDidUpdate. Nothing here waits on the engine on the extension host's thread.
 */
export class DocumentIndex implements vscode.Disposable {
  private readonly tracked = new Map<string, Tracked>();
  private readonly results = new Map<string, IndexEntry>();
  private readonly waiters = new Map<string, { version: number; resolve: (e: IndexEntry) => void }[]>();

  private isCurrent(entry: IndexEntry, version: number): boolean {
    return entry.version >= version && entry.settingsGeneration === this.settings.generation;
  }
  private readonly noticeShown = new Set<string>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [];
  /** The document of the last active editor: focusing the same one again is not a switch. */
  private lastActive: string | undefined;
  readonly onDidUpdate = this.emitter.event;

  constructor(
    private readonly engine: EngineClient,
    private readonly settings: SettingsStore,
    private readonly log: Log,
    private readonly timings: UiTimings,
  ) {}

  start(): void {
    const on = <E>(label: string, event: vscode.Event<E>, handler: (e: E) => void): void => {
      this.disposables.push(event((e) => this.timings.handle(label, () => handler(e))));
    };
    on('index.open', vscode.workspace.onDidOpenTextDocument, (document) => this.track(document, true));
    on('index.close', vscode.workspace.onDidCloseTextDocument, (document) => this.untrack(document.uri));
    on('index.change', vscode.workspace.onDidChangeTextDocument, (event) => this.onChange(event));
    on('index.save', vscode.workspace.onDidSaveTextDocument, (document) => this.analyzeSoon(document, 0));
    on('index.activeEditor', vscode.window.onDidChangeActiveTextEditor, (editor) => {
      const key = editor?.document.uri.toString();
      if (!editor || key === this.lastActive) return;
      this.lastActive = key;
      this.analyzeSoon(editor.document, 0);
    });
    on('index.settings', this.settings.onDidChange, () => this.reanalyzeAll());
    this.disposables.push(this.engine.onDidRestart(() => this.reanalyzeAll()));
    this.lastActive = vscode.window.activeTextEditor?.document.uri.toString();
    // Visible editors first: they are what the user looks at.
    const visible = new Set(vscode.window.visibleTextEditors.map((e) => e.document));
    for (const document of [...visible, ...vscode.workspace.textDocuments.filter((d) => !visible.has(d))]) this.track(document, visible.has(document));
  }

  get(uri: vscode.Uri): IndexEntry | undefined {
    return this.results.get(uri.toString());
  }

  /** Every document with a result. */
  entries(): IndexEntry[] {
    return [...this.results.values()];
  }

  isTracked(uri: vscode.Uri): boolean {
    return this.tracked.has(uri.toString());
  }

  /**
   * Resolves with the result of this version of the document (or a later one) under the current settings; audits it
   * now if it is waiting on the debounce.
   */
  whenAnalyzed(document: vscode.TextDocument, timeoutMs = 60_000): Promise<IndexEntry> {
    const key = document.uri.toString();
    const current = this.results.get(key);
    if (current && this.isCurrent(current, document.version)) return Promise.resolve(current);
    if (!this.tracked.has(key)) {
      if (!isAuditable(document)) return Promise.reject(new Error(`${document.uri.toString()} is not a ${SUPPORTED_LANGUAGES.join('/')} document.`));
      this.track(document, true);
    } else this.analyzeSoon(document, 0);
    return new Promise<IndexEntry>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No audit of ${document.uri.fsPath} v${document.version} within ${timeoutMs} ms`)), timeoutMs);
      const list = this.waiters.get(key) ?? [];
      // A settings change while waiting makes the wanted generation newer: compared at store time.
      list.push({
        version: document.version,
        resolve: (entry) => {
          clearTimeout(timer);
          resolve(entry);
        },
      });
      this.waiters.set(key, list);
    });
  }

  /** Re-audits every tracked document now (settings changed, the worker restarted). */
  reanalyzeAll(): void {
    for (const tracked of this.tracked.values()) {
      tracked.sentVersion = -1; // resend: cheap insurance after a restart, and the size limit may have changed
      this.analyzeSoon(tracked.document, 0);
    }
  }

  dispose(): void {
    for (const tracked of this.tracked.values()) clearTimeout(tracked.timer);
    for (const d of this.disposables) d.dispose();
    this.emitter.dispose();
  }

  private track(document: vscode.TextDocument, immediate: boolean): void {
    if (!isAuditable(document)) return;
    const key = document.uri.toString();
    if (!this.tracked.has(key)) {
      this.tracked.set(key, { document, language: document.languageId as LanguageId, sentVersion: -1, timer: undefined, tooLarge: false });
    }
    this.analyzeSoon(document, immediate ? 0 : this.settings.get(document.uri).debounceMs);
  }

  private untrack(uri: vscode.Uri): void {
    const key = uri.toString();
    const tracked = this.tracked.get(key);
    if (!tracked) return;
    clearTimeout(tracked.timer);
    this.tracked.delete(key);
    this.results.delete(key);
    this.waiters.delete(key);
    if (tracked.sentVersion >= 0) background(this.log, 'Closing a document in the audit worker', this.engine.request({ kind: 'close', uri: key }));
    this.emitter.fire(uri);
  }

  private onChange(event: vscode.TextDocumentChangeEvent): void {
    if (event.contentChanges.length === 0) return;
    const key = event.document.uri.toString();
    const tracked = this.tracked.get(key);
    if (!tracked) return;
    tracked.document = event.document;
    if (tracked.sentVersion >= 0 && !tracked.tooLarge) {
      const changes: TextChange[] = event.contentChanges.map((c) => ({ rangeOffset: c.rangeOffset, rangeLength: c.rangeLength, text: c.text }));
      const fromVersion = tracked.sentVersion;
      tracked.sentVersion = event.document.version;
      this.engine.request({ kind: 'edit', uri: key, fromVersion, version: event.document.version, changes }).then(
        ({ resync }) => {
          // The worker held another version (a lost message, a restart): send the whole text before the next audit.
          if (resync && this.tracked.get(key) === tracked) tracked.sentVersion = -1;
        },
        (err: unknown) => {
          tracked.sentVersion = -1;
          this.log.warn(`Edit not applied in the audit worker (the text is resent): ${describeError(err)}`);
        },
      );
    }
    this.analyzeSoon(event.document, this.settings.get(event.document.uri).debounceMs);
  }

  private analyzeSoon(document: vscode.TextDocument, delayMs: number): void {
    const tracked = this.tracked.get(document.uri.toString());
    if (!tracked) return;
    tracked.document = document;
    const current = this.results.get(document.uri.toString());
    if (delayMs === 0 && current && current.version === document.version && this.isCurrent(current, document.version) && tracked.sentVersion === document.version) return; // up to date
    clearTimeout(tracked.timer);
    tracked.timer = setTimeout(() => {
      tracked.timer = undefined;
      background(this.log, `Auditing ${document.uri.fsPath}`, this.analyze(tracked));
    }, delayMs);
  }

  private async analyze(tracked: Tracked): Promise<void> {
    const document = tracked.document;
    const key = document.uri.toString();
    const settings = this.settings.get(document.uri);
    const generation = this.settings.generation;
    const started = performance.now();
    const length = documentLength(document);
    if (length > settings.audit.maxFileBytes) {
      this.skipTooLarge(tracked, length, settings.audit.maxFileBytes, generation);
      return;
    }
    if (tracked.tooLarge) tracked.sentVersion = -1;
    tracked.tooLarge = false;
    if (tracked.sentVersion !== document.version) {
      const text = document.getText();
      tracked.sentVersion = document.version;
      void this.engine.request({ kind: 'open', uri: key, language: tracked.language, version: document.version, text }).catch((err: unknown) => {
        tracked.sentVersion = -1;
        this.log.warn(`Could not send ${document.uri.fsPath} to the audit worker: ${describeError(err)}`);
      });
    }
    this.timings.record('index.prepareAnalysis', performance.now() - started);
    const analysis = await this.engine.request({ kind: 'analyze', uri: key, version: document.version, options: settings.audit });
    if (!analysis || this.tracked.get(key) !== tracked) return; // superseded by a newer version, or closed meanwhile
    this.timings.measure('index.storeResult', () =>
      this.store({
        uri: document.uri,
        version: analysis.version,
        result: analysis.result,
        engineMs: analysis.engineMs,
        skippedTooLarge: false,
        settingsGeneration: generation,
        missingVocabularies: analysis.missingVocabularies,
      }),
    );
  }

  private skipTooLarge(tracked: Tracked, length: number, limit: number, generation: number): void {
    const key = tracked.document.uri.toString();
    if (tracked.sentVersion >= 0) background(this.log, 'Releasing a large document in the audit worker', this.engine.request({ kind: 'close', uri: key }));
    tracked.sentVersion = -1;
    tracked.tooLarge = true;
    const note = `Not audited: ${formatBytes(length)} is over the size limit of ${formatBytes(limit)} (setting promptAuditor.maxFileSize).`;
    this.store({
      uri: tracked.document.uri,
      version: tracked.document.version,
      result: { language: tracked.language, directives: [], calls: [], prompts: [], diagnostics: [], syntaxErrors: 0, notes: [note] },
      engineMs: 0,
      skippedTooLarge: true,
      settingsGeneration: generation,
      missingVocabularies: [],
    });
    if (!this.noticeShown.has(key)) {
      this.noticeShown.add(key);
      this.log.info(`${tracked.document.uri.fsPath}: ${note}`);
      // Not awaited: a command or test must never wait for a notification to be dismissed.
      void vscode.window.showInformationMessage(`Prompt Auditor: ${vscode.workspace.asRelativePath(tracked.document.uri)} ${note.charAt(0).toLowerCase()}${note.slice(1)}`);
    }
  }

  private store(entry: IndexEntry): void {
    const key = entry.uri.toString();
    const previous = this.results.get(key);
    // Never replace a newer result by an older one (a slow audit finishing after a faster, later one).
    if (previous && (previous.version > entry.version || (previous.version === entry.version && previous.settingsGeneration > entry.settingsGeneration))) return;
    this.results.set(key, entry);
    this.emitter.fire(entry.uri);
    const waiting = this.waiters.get(key);
    if (!waiting) return;
    const remaining = waiting.filter((w) => {
      if (!this.isCurrent(entry, w.version)) return true;
      w.resolve(entry);
      return false;
    });
    if (remaining.length) this.waiters.set(key, remaining);
    else this.waiters.delete(key);
  }
}
