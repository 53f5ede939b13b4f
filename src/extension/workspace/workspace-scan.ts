import * as vscode from 'vscode';
import { findSourceFiles, type SkippedPath } from '../../workspace/files';
import { summarize, type FileAudit, type ScanSummary } from '../../workspace/scan-report';
import type { SettingsStore } from '../config/settings-store';
import type { EngineClient } from '../engine-host/engine-client';
import { describeError, type Log } from '../log';

export interface WorkspaceScanResult {
  finishedAt: Date;
  files: (FileAudit & { uri: vscode.Uri })[];
  skipped: SkippedPath[];
  /** The same totals the CLI's `scan` prints. */
  totals: ScanSummary;
  cancelled: boolean;
}

/**
 * Scans the workspace folders the way `prompt-audit scan` does (same walker: .gitignore, skipped folders, binary and
 * size checks), auditing each file in the worker. Keeps the last result for the status bar tooltip and the report.
 */
export class WorkspaceScanner implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidScan = this.emitter.event;
  private lastResult: WorkspaceScanResult | null = null;
  private running: Promise<WorkspaceScanResult | null> | null = null;

  constructor(
    private readonly engine: EngineClient,
    private readonly settings: SettingsStore,
    private readonly log: Log,
  ) {}

  get last(): WorkspaceScanResult | null {
    return this.lastResult;
  }

  /** Runs a scan with a cancellable progress notification; a second call while one runs joins it. */
  scan(): Promise<WorkspaceScanResult | null> {
    this.running ??= Promise.resolve(
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Prompt Auditor: scanning the workspace', cancellable: true },
        (progress, token) => this.run(progress, token),
      ),
    ).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken): Promise<WorkspaceScanResult | null> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) {
      void vscode.window.showInformationMessage('Prompt Auditor: open a folder to scan it.');
      return null;
    }
    const started = performance.now();
    const files: WorkspaceScanResult['files'] = [];
    const skipped: SkippedPath[] = [];
    for (const folder of folders) {
      if (folder.uri.scheme !== 'file') {
        this.log.warn(`Scan: ${folder.uri.toString()} is not on the local file system; skipped.`);
        continue;
      }
      const walk = await findSourceFiles([folder.uri.fsPath]);
      skipped.push(...walk.skipped);
      const options = this.settings.get(folder.uri).audit;
      for (const [i, file] of walk.files.entries()) {
        if (token.isCancellationRequested) break;
        const display = vscode.workspace.asRelativePath(file.absPath, folders.length > 1);
        progress.report({ message: `${display} (${i + 1}/${walk.files.length})`, increment: 100 / walk.files.length / folders.length });
        try {
          const audited = await this.engine.request({ kind: 'auditFile', path: file.absPath, displayPath: display, language: file.language, options });
          if (audited.ok) files.push({ path: display, language: file.language, result: audited.result, uri: vscode.Uri.file(file.absPath) });
          else skipped.push(audited.skipped);
        } catch (err) {
          skipped.push({ path: display, kind: 'audit-failed', reason: describeError(err).split('\n')[0] ?? 'audit failed' });
        }
      }
    }
    const options = this.settings.get(folders[0]?.uri).audit;
    const result: WorkspaceScanResult = {
      finishedAt: new Date(),
      files,
      skipped,
      totals: summarize({ files, skipped, options }),
      cancelled: token.isCancellationRequested,
    };
    this.log.info(
      `Scan${result.cancelled ? ' (cancelled)' : ''}: ${files.length} files, ${result.totals.calls} calls, ${skipped.length} skipped in ${Math.round(performance.now() - started)} ms.`,
    );
    for (const s of skipped) this.log.info(`  skipped ${s.path}: ${s.reason}`);
    this.lastResult = result;
    this.emitter.fire();
    return result;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
