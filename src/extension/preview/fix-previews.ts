import * as vscode from 'vscode';
import type { Fix } from '../../engine/model';
import { applyTextEdits } from '../codeactions/fix-plan';
import { toPosition, toWorkspaceEdit } from '../convert/ranges';
import { background, type Log } from '../log';
import type { VirtualDocuments } from '../report/virtual-documents';
import { previewMessage, previewTitle } from './preview-text';

/** Context key set while a preview waits for Apply or Discard (the diff editor's title buttons show then). */
export const PREVIEW_OPEN_CONTEXT = 'promptAuditor.fixPreviewOpen';

/** What a preview shows (returned by the preview command, for tests and callers). */
export interface FixPreviewShown {
  title: string;
  message: string;
  before: vscode.Uri;
  after: vscode.Uri;
}

interface Pending extends FixPreviewShown {
  id: number;
  uri: vscode.Uri;
  version: number;
  fix: Fix;
}

/**
 * "Review before applying": a fix that rewrites a prompt opens as a diff (the file before and after, read-only
 * snapshots), with its figures in the title and a notification asking to apply them. Apply writes the fix's edits in
 * one WorkspaceEdit (one undo step), only if the file is still the version that was previewed. One preview at a time;
 * closing its diff editor discards it.
 */
export class FixPreviews implements vscode.Disposable {
  private pending: Pending | null = null;
  private nextId = 1;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly documents: VirtualDocuments,
    private readonly log: Log,
  ) {
    this.subscription = vscode.window.tabGroups.onDidChangeTabs((e) => {
      const pending = this.pending;
      if (pending && e.closed.some((tab) => isPreviewTab(tab, pending))) background(this.log, 'Discarding the fix preview', this.clear(pending));
    });
  }

  /** The preview waiting for a decision, if any. */
  get current(): FixPreviewShown | null {
    return this.pending && { title: this.pending.title, message: this.pending.message, before: this.pending.before, after: this.pending.after };
  }

  async open(uri: vscode.Uri, version: number, fix: Fix): Promise<FixPreviewShown | undefined> {
    const document = await vscode.workspace.openTextDocument(uri);
    if (document.version !== version) {
      void vscode.window.showWarningMessage('Prompt Auditor: the file changed since this fix was computed; open the quick fixes again.');
      return undefined;
    }
    if (this.pending) await this.clear(this.pending);
    const text = document.getText();
    const after = applyTextEdits(text, fix.edits);
    const id = this.nextId++;
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1) || 'untitled';
    // The file's own name last, so the diff is highlighted as its language.
    const pending: Pending = {
      id,
      uri,
      version,
      fix,
      title: previewTitle(name, fix),
      message: previewMessage(fix),
      before: this.documents.set(`/fix-preview/${id}/before/${name}`, text),
      after: this.documents.set(`/fix-preview/${id}/after/${name}`, after),
    };
    this.pending = pending;
    await vscode.commands.executeCommand('setContext', PREVIEW_OPEN_CONTEXT, true);
    const first = fix.edits.reduce((a, b) => (b.range.startOffset < a.range.startOffset ? b : a));
    await vscode.commands.executeCommand('vscode.diff', pending.before, pending.after, pending.title, {
      // Not a preview tab: it must not replace the user's own editor of the file.
      preview: false,
      selection: new vscode.Range(toPosition(first.range.start), toPosition(first.range.start)),
    } satisfies vscode.TextDocumentShowOptions);
    // Not awaited: the command returns while the question is on screen (a test or the title buttons may answer it).
    void vscode.window.showInformationMessage(pending.message, 'Apply', 'Discard').then((choice) => {
      if (this.pending?.id !== id) return; // answered elsewhere already
      if (choice === 'Apply') background(this.log, 'Applying the previewed fix', this.apply());
      else if (choice === 'Discard') background(this.log, 'Discarding the fix preview', this.discard());
    });
    this.log.info(`Previewing "${fix.title}" on ${vscode.workspace.asRelativePath(uri)}.`);
    return this.current ?? undefined;
  }

  /** Applies the previewed fix; false when there is none or the file changed since. */
  async apply(): Promise<boolean> {
    const pending = this.pending;
    if (!pending) {
      void vscode.window.showInformationMessage('Prompt Auditor: no fix preview is open.');
      return false;
    }
    this.pending = null; // answered: a second Apply (title button and notification) finds nothing
    const document = await vscode.workspace.openTextDocument(pending.uri);
    let applied = false;
    if (document.version !== pending.version) {
      void vscode.window.showWarningMessage('Prompt Auditor: the file changed since the preview; nothing was applied. Open the quick fix again.');
    } else {
      applied = await vscode.workspace.applyEdit(toWorkspaceEdit(pending.uri, pending.fix.edits));
      this.log.info(`${applied ? 'Applied' : 'Could not apply'} "${pending.fix.title}" on ${vscode.workspace.asRelativePath(pending.uri)}.`);
    }
    // The file takes the diff's place; the diff closes last, when everything is done.
    await vscode.window.showTextDocument(document, { preserveFocus: false });
    await this.clear(pending);
    return applied;
  }

  /** Closes the preview without changing the file; false when none was open. */
  async discard(): Promise<boolean> {
    const pending = this.pending;
    if (!pending) return false;
    await this.clear(pending);
    return true;
  }

  dispose(): void {
    this.subscription.dispose();
  }

  private async clear(pending: Pending): Promise<void> {
    if (this.pending === pending) this.pending = null;
    const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => isPreviewTab(tab, pending));
    if (tabs.length) await vscode.window.tabGroups.close(tabs, true);
    this.documents.delete(pending.before);
    this.documents.delete(pending.after);
    if (!this.pending) await vscode.commands.executeCommand('setContext', PREVIEW_OPEN_CONTEXT, false);
  }
}

function isPreviewTab(tab: vscode.Tab, pending: Pending): boolean {
  return tab.input instanceof vscode.TabInputTextDiff && tab.input.modified.toString() === pending.after.toString();
}
