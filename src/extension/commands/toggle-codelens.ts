import * as vscode from 'vscode';
import { SETTING } from '../config/settings';
import type { Services } from '../services';
import { settingTarget } from './setting-target';

/** Prompt Auditor: Toggle CodeLens. Flips promptAuditor.codeLens.enabled where it is set. Returns the new value. */
export function createToggleCodeLens(services: Services) {
  return async (): Promise<boolean> => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const enabled = !services.settings.get(uri).codeLensEnabled;
    const config = vscode.workspace.getConfiguration('promptAuditor', uri);
    await config.update(SETTING.codeLensEnabled, enabled, settingTarget(config.inspect(SETTING.codeLensEnabled)));
    return enabled;
  };
}
