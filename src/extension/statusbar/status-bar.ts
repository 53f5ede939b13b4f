import * as vscode from 'vscode';
import type { SettingsStore } from '../config/settings-store';
import type { EngineClient } from '../engine-host/engine-client';
import type { SelectionCount } from '../engine-host/protocol';
import { isAuditable, type DocumentIndex } from '../index/document-index';
import { background, type Log } from '../log';
import { fileStatusText, fileSummary, selectionStatusText, workspaceSummary } from '../present/status-text';
import type { UiTimings } from '../timing';
import type { WorkspaceScanner } from '../workspace/workspace-scan';
import { COMMAND } from '../commands/ids';

/** Selections longer than this are not counted (the status bar must stay cheap). */
const MAX_SELECTION_CHARS = 2_000_000;
const SELECTION_DELAY_MS = 150;

/**
 * The status bar item: the active file's calls (tokens, $ per request or per month), or the selection's tokens and
 * cost on the default model; the tooltip adds the workspace total from the last scan; a click opens the report.
 */
export class StatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('promptAuditor.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];
  private selectionTimer: NodeJS.Timeout | undefined;
  private shown = false;
  /** The selection figure, keyed by the exact selection it was counted for. */
  private selection: { key: string; count: SelectionCount | null } | null = null;

  constructor(
    private readonly index: DocumentIndex,
    private readonly settings: SettingsStore,
    private readonly engine: EngineClient,
    private readonly scanner: WorkspaceScanner,
    private readonly log: Log,
    private readonly timings: UiTimings,
  ) {
    this.item.name = 'Prompt Auditor';
    this.item.command = COMMAND.showReport;
    const update = (): void => this.timings.handle('statusBar.update', () => this.update());
    this.disposables.push(
      index.onDidUpdate((uri) => {
        if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) update();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => {
        this.selection = null;
        update();
        this.scheduleSelectionCount();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor === vscode.window.activeTextEditor) this.scheduleSelectionCount();
      }),
      settings.onDidChange(() => {
        this.selection = null;
        update();
        this.scheduleSelectionCount();
      }),
      scanner.onDidScan(update),
    );
    update();
    this.scheduleSelectionCount();
  }

  /** The text as shown (for tests and the log). */
  get text(): string {
    return this.item.text;
  }

  /** The command a click runs. */
  get commandId(): string | undefined {
    const command = this.item.command;
    return typeof command === 'string' ? command : command?.command;
  }

  get visible(): boolean {
    return this.shown;
  }

  get tooltipText(): string {
    const tooltip = this.item.tooltip;
    return typeof tooltip === 'string' ? tooltip : tooltip?.value ?? '';
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isAuditable(editor.document)) {
      this.item.hide();
      this.shown = false;
      return;
    }
    const document = editor.document;
    const settings = this.settings.get(document.uri);
    const selectionKey = this.selectionKey(editor);
    if (selectionKey && this.selection?.key === selectionKey) {
      const model = settings.audit.defaultModel;
      this.item.text = selectionStatusText(this.selection.count, model);
      this.item.tooltip = this.tooltip(document, `Selection on ${model} (promptAuditor.defaultModel): its tokens and its cost as one request's input.`);
    } else {
      const entry = this.index.get(document.uri);
      if (!entry) {
        this.item.text = '$(loading~spin) Prompt Auditor';
        this.item.tooltip = 'Prompt Auditor: auditing this file…';
      } else if (entry.skippedTooLarge) {
        this.item.text = '$(warning) Prompt Auditor: file too large';
        this.item.tooltip = this.tooltip(document, entry.result.notes.join('\n\n'));
      } else {
        this.item.text = fileStatusText(entry.result, settings.statusBarMode);
        this.item.tooltip = this.tooltip(document, fileSummary(entry.result, settings.statusBarMode));
      }
    }
    this.item.show();
    this.shown = true;
  }

  private tooltip(document: vscode.TextDocument, fileLine: string): vscode.MarkdownString {
    const md = new vscode.MarkdownString('', true);
    md.isTrusted = { enabledCommands: [COMMAND.scanWorkspace, COMMAND.showReport] };
    md.appendMarkdown(`**Prompt Auditor** · ${vscode.workspace.asRelativePath(document.uri)}\n\n${fileLine}\n\n`);
    const workspace = workspaceSummary(this.scanner.last);
    md.appendMarkdown(workspace ? `${workspace}\n\n` : `**Workspace:** not scanned yet — [Scan Workspace](command:${COMMAND.scanWorkspace})\n\n`);
    md.appendMarkdown(`[Show Report](command:${COMMAND.showReport})`);
    return md;
  }

  private selectionKey(editor: vscode.TextEditor): string | null {
    const selection = editor.selection;
    if (selection.isEmpty) return null;
    return `${editor.document.uri.toString()}@${editor.document.version}:${editor.document.offsetAt(selection.start)}-${editor.document.offsetAt(selection.end)}`;
  }

  private scheduleSelectionCount(): void {
    clearTimeout(this.selectionTimer);
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isAuditable(editor.document)) return;
    const key = this.selectionKey(editor);
    if (!key) {
      if (this.selection) {
        this.selection = null;
        this.timings.handle('statusBar.update', () => this.update());
      }
      return;
    }
    this.selectionTimer = setTimeout(() => background(this.log, 'Counting the selection', this.countSelection(editor, key)), SELECTION_DELAY_MS);
  }

  private async countSelection(editor: vscode.TextEditor, key: string): Promise<void> {
    const started = performance.now();
    const range = editor.selection;
    const length = editor.document.offsetAt(range.end) - editor.document.offsetAt(range.start);
    const text = length <= MAX_SELECTION_CHARS ? editor.document.getText(range) : null;
    this.timings.record('statusBar.readSelection', performance.now() - started);
    let count: SelectionCount | null = null;
    if (text !== null) count = await this.engine.request({ kind: 'count', text, options: this.settings.get(editor.document.uri).audit });
    if (vscode.window.activeTextEditor !== editor || this.selectionKey(editor) !== key) return; // the selection moved on
    this.selection = { key, count };
    this.timings.handle('statusBar.update', () => this.update());
  }

  dispose(): void {
    clearTimeout(this.selectionTimer);
    for (const d of this.disposables) d.dispose();
    this.item.dispose();
  }
}
