import * as vscode from 'vscode';
import type { Pos, Range, TextEdit } from '../../engine/model';

/** Engine positions are 0-based line/character in UTF-16 units, exactly VS Code's: a plain copy. */
export function toPosition(pos: Pos): vscode.Position {
  return new vscode.Position(pos.line, pos.character);
}

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(toPosition(range.start), toPosition(range.end));
}

/** An engine fix's edits on one document, as one WorkspaceEdit (one undo step when applied). */
export function toWorkspaceEdit(uri: vscode.Uri, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(uri, toRange(e.range), e.newText);
  return edit;
}
