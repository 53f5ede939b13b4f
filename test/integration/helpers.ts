import * as vscode from 'vscode';
import type { PromptAuditorApi } from '../../src/extension/api';
import type { IndexEntry } from '../../src/extension/index/document-index';

export const EXTENSION_ID = 'prompt-auditor.prompt-auditor';

export async function extensionApi(): Promise<PromptAuditorApi> {
  const extension = vscode.extensions.getExtension<PromptAuditorApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this host`);
  return extension.activate();
}

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The test host opened no workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** Opens a workspace file in an editor and waits for the extension's audit of it. */
export async function openAudited(relativePath: string): Promise<{ document: vscode.TextDocument; editor: vscode.TextEditor; entry: IndexEntry }> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(...relativePath.split('/')));
  const editor = await vscode.window.showTextDocument(document);
  const entry = await (await extensionApi()).whenAnalyzed(document);
  return { document, editor, entry };
}

export async function codeLensTitles(uri: vscode.Uri): Promise<string[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ?? [];
  return lenses.filter((l) => l.command?.command.startsWith('promptAuditor.')).map((l) => l.command!.title);
}

export async function codeLenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ?? [];
  return lenses.filter((l) => l.command?.command.startsWith('promptAuditor.'));
}

/** The text of our hover at a position ('' when there is none). */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')))
    .filter((text) => text.includes('Prompt Auditor'))
    .join('\n');
}

export function positionOf(document: vscode.TextDocument, needle: string, delta = 1): vscode.Position {
  const offset = document.getText().indexOf(needle);
  if (offset < 0) throw new Error(`"${needle}" not found in ${document.uri.fsPath}`);
  return document.positionAt(offset + delta);
}

/** Resolves with the next index update of `uri` that satisfies `accept` (subscribe before causing it). */
export function nextUpdate(uri: vscode.Uri, accept: (entry: IndexEntry) => boolean = () => true, timeoutMs = 20_000): Promise<IndexEntry> {
  return extensionApi().then(
    (api) =>
      new Promise<IndexEntry>((resolve, reject) => {
        const timer = setTimeout(() => {
          subscription.dispose();
          reject(new Error(`No update of ${uri.fsPath} within ${timeoutMs} ms`));
        }, timeoutMs);
        const subscription = api.onDidUpdate((updated) => {
          if (updated.toString() !== uri.toString()) return;
          const entry = api.result(uri);
          if (!entry || !accept(entry)) return;
          clearTimeout(timer);
          subscription.dispose();
          resolve(entry);
        });
      }),
  );
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      last = value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what} (last: ${String(last)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Sets a `promptAuditor.*` setting in the workspace and waits until the extension has seen the change. */
export async function setSetting(key: string, value: unknown): Promise<void> {
  const changed = new Promise<void>((resolve) => {
    const subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(`promptAuditor.${key}`)) return;
      subscription.dispose();
      resolve();
    });
  });
  await vscode.workspace.getConfiguration('promptAuditor').update(key, value, vscode.ConfigurationTarget.Workspace);
  await changed;
}

/** Every setting the extension contributes, after `promptAuditor.` (read from its manifest, so a new one is never missed). */
function contributedSettingKeys(): string[] {
  const manifest = vscode.extensions.getExtension('prompt-auditor.prompt-auditor')!.packageJSON as { contributes: { configuration: { properties: Record<string, unknown> } } };
  return Object.keys(manifest.contributes.configuration.properties).map((k) => k.slice('promptAuditor.'.length));
}

/** Removes every workspace-level promptAuditor setting a test set. */
export async function resetSettings(): Promise<void> {
  const config = vscode.workspace.getConfiguration('promptAuditor');
  for (const key of contributedSettingKeys()) {
    if (config.inspect(key)?.workspaceValue !== undefined) await setSetting(key, undefined);
  }
}

/** Closes every editor, reverting unsaved edits first (a "save changes?" dialog would hang the run). */
export async function closeAllEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** `$1,234/month` -> 1234; `$0.0031/request` -> 0.0031 (the first dollar figure after `label`, or the first at all). */
export function dollars(text: string, suffix: '/request' | '/month' | ' per 1,000 uses'): number {
  const escaped = suffix.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const match = new RegExp(`\\$([\\d,]+(?:\\.\\d+)?)${escaped}`).exec(text);
  if (!match) throw new Error(`No "$…${suffix}" in "${text}"`);
  return Number(match[1]!.replace(/,/g, ''));
}

/** `1,234 tokens` / `1,234+ tokens` -> 1234. */
export function tokensIn(text: string): number {
  const match = /([\d,]+)\+? tokens?/.exec(text);
  if (!match) throw new Error(`No token figure in "${text}"`);
  return Number(match[1]!.replace(/,/g, ''));
}

export function lineOf(document: vscode.TextDocument, needle: string): number {
  return positionOf(document, needle, 0).line;
}

/** Our code actions of `kind` (e.g. `source.fixAll`, `refactor.rewrite`) at a range, as VS Code's own code action request returns them. */
export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
}

/** Writes `files` (name -> text) into a folder of the test workspace and returns its uri. */
export async function writeFixtures(folder: string, files: Record<string, string>): Promise<vscode.Uri> {
  const uri = workspaceUri(folder);
  for (const [name, text] of Object.entries(files)) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(uri, name), new TextEncoder().encode(text));
  return uri;
}

/** Opens a file of the test workspace in an editor and waits for its audit. */
export async function openAuditedUri(uri: vscode.Uri): Promise<{ document: vscode.TextDocument; editor: vscode.TextEditor; entry: IndexEntry }> {
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  const entry = await (await extensionApi()).whenAnalyzed(document);
  return { document, editor, entry };
}

/** Runs `undo` in the document's editor and waits for its text to be `expected` again. */
export async function undoUntil(document: vscode.TextDocument, expected: string): Promise<void> {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('undo');
  await waitFor('undo to restore the text', () => document.getText() === expected);
}
