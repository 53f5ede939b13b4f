import * as vscode from 'vscode';
import { findPromptAt, hoverMarkdown } from '../present/hover-markdown';
import type { Services } from '../services';

/**
 * CodeLens click on a prompt constant: the hover's figures in a notification-free place (a modal-less markdown
 * message in the log + the cursor on the constant). Returns the markdown shown.
 */
export function createShowPromptDetails(services: Services) {
  return async (uri?: vscode.Uri, name?: string): Promise<string | undefined> => {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!target) return undefined;
    const document = await vscode.workspace.openTextDocument(target);
    const entry = await services.index.whenAnalyzed(document);
    const constant = entry.result.prompts.find((p) => p.name === name) ?? entry.result.prompts[0];
    if (!constant) return undefined;
    const found = findPromptAt(entry.result, constant.nameRange.startOffset);
    if (!found) return undefined;
    const markdown = hoverMarkdown(found, services.settings.get(document.uri).audit.defaultModel);
    const editor = await vscode.window.showTextDocument(document, { preserveFocus: false });
    const position = new vscode.Position(constant.nameRange.start.line, constant.nameRange.start.character);
    editor.selection = new vscode.Selection(position, position);
    // The hover shows the same figures where the user is looking.
    await vscode.commands.executeCommand('editor.action.showHover');
    return markdown;
  };
}
