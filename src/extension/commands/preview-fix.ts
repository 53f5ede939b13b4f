import type * as vscode from 'vscode';
import type { Fix } from '../../engine/model';
import type { FixPreviewShown } from '../preview/fix-previews';
import type { Services } from '../services';

/**
 * The code action of a fix that rewrites a prompt: opens the diff and asks to apply (see FixPreviews). Returns what
 * is shown, without waiting for the answer.
 */
export function createPreviewFix(services: Services) {
  return (uri: vscode.Uri, version: number, fix: Fix): Promise<FixPreviewShown | undefined> => services.previews.open(uri, version, fix);
}
