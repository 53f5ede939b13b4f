import * as vscode from 'vscode';
import { describeError, type Log } from '../log';
import { readSettings, type ExtensionSettings } from './settings';

/** The project settings file the CLI reads too (`prompt-audit scan` in the folder). */
export const PROJECT_CONFIG_FILE = '.prompt-audit.json';

type ProjectFile = { json: unknown; problem?: string } | null;

/**
 * The current settings snapshot, per workspace folder (audit settings are resource-scoped and a folder may have its
 * own `.prompt-audit.json`). Rebuilt only when `promptAuditor.*` or a project file changes; listeners re-apply live.
 */
export class SettingsStore implements vscode.Disposable {
  private readonly cache = new Map<string, ExtensionSettings>();
  private readonly projectFiles = new Map<string, ProjectFile>();
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly reported = new Set<string>();
  private currentGeneration = 0;
  readonly onDidChange = this.emitter.event;
  /** Resolves once the workspace's `.prompt-audit.json` files are read. */
  readonly ready: Promise<void>;

  /** `contributedDefaults`: package.json's `promptAuditor.*` defaults (see readSettings). */
  constructor(
    private readonly log: Log,
    private readonly contributedDefaults: Readonly<Record<string, unknown>> = {},
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('promptAuditor')) this.changed();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.loadProjectFiles().then(() => this.changed())),
    );
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${PROJECT_CONFIG_FILE}`);
    const reload = (uri: vscode.Uri): void => {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (folder && vscode.Uri.joinPath(folder.uri, PROJECT_CONFIG_FILE).toString() === uri.toString()) {
        void this.loadProjectFile(folder).then(() => this.changed());
      }
    };
    this.disposables.push(watcher, watcher.onDidChange(reload), watcher.onDidCreate(reload), watcher.onDidDelete(reload));
    this.ready = this.loadProjectFiles();
  }

  /** Bumps on every change: results computed under an older generation are out of date. */
  get generation(): number {
    return this.currentGeneration;
  }

  /** The snapshot that applies to a document (its workspace folder's), or the window's. */
  get(uri?: vscode.Uri): ExtensionSettings {
    const folder = uri ? vscode.workspace.getWorkspaceFolder(uri) : vscode.workspace.workspaceFolders?.[0];
    const key = folder?.uri.toString() ?? '';
    let settings = this.cache.get(key);
    if (!settings) {
      const read = readSettings(
        // Outside every folder (untitled files): the window's values; `null` says so to VS Code.
        vscode.workspace.getConfiguration('promptAuditor', folder?.uri ?? null),
        this.projectFiles.get(key) ?? null,
        this.contributedDefaults,
        vscode.workspace.getConfiguration('promptAuditor'),
      );
      settings = read.settings;
      for (const problem of read.problems) {
        if (this.reported.has(problem)) continue;
        this.reported.add(problem);
        this.log.warn(`Setting ignored: ${problem}`);
      }
      this.cache.set(key, settings);
    }
    return settings;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.emitter.dispose();
  }

  private changed(): void {
    this.cache.clear();
    this.reported.clear();
    this.currentGeneration++;
    this.emitter.fire();
  }

  private async loadProjectFiles(): Promise<void> {
    this.projectFiles.clear();
    await Promise.all((vscode.workspace.workspaceFolders ?? []).map((folder) => this.loadProjectFile(folder)));
  }

  private async loadProjectFile(folder: vscode.WorkspaceFolder): Promise<void> {
    const uri = vscode.Uri.joinPath(folder.uri, PROJECT_CONFIG_FILE);
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      this.projectFiles.set(folder.uri.toString(), null); // no file: nothing to apply
      return;
    }
    try {
      this.projectFiles.set(folder.uri.toString(), { json: JSON.parse(new TextDecoder().decode(bytes)) as unknown });
    } catch (err) {
      this.projectFiles.set(folder.uri.toString(), { json: null, problem: `${PROJECT_CONFIG_FILE} in ${folder.name} is not valid JSON (${describeError(err).split('\n')[0]}); ignored.` });
    }
  }
}
