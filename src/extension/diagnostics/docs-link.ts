import * as vscode from 'vscode';
import type { Diagnostic } from '../../engine/model';

/**
 * Where a diagnostic's code links: the engine's docsUrl when it is a web address; otherwise the rule's page
 * shipped inside the extension (`docs/rules/<id>.md`), which opens in the editor and works offline.
 */
export function docsUri(diagnostic: Pick<Diagnostic, 'rule' | 'docsUrl'>, extensionUri: vscode.Uri): vscode.Uri {
  if (/^https?:\/\//i.test(diagnostic.docsUrl)) return vscode.Uri.parse(diagnostic.docsUrl);
  const relative = diagnostic.docsUrl && !diagnostic.docsUrl.includes('..') ? diagnostic.docsUrl.replace(/^\.?\//, '') : `docs/rules/${diagnostic.rule}.md`;
  return vscode.Uri.joinPath(extensionUri, ...relative.split('/'));
}
