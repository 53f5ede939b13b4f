import * as vscode from 'vscode';
import { formatUsd } from '../../engine/format';
import { SETTING } from '../config/settings';
import type { Services } from '../services';
import { settingTarget } from './setting-target';

async function setDefaultModel(services: Services, model: string): Promise<string> {
  const uri = vscode.window.activeTextEditor?.document.uri;
  const config = vscode.workspace.getConfiguration('promptAuditor', uri);
  await config.update(SETTING.defaultModel, model, settingTarget(config.inspect(SETTING.defaultModel)));
  services.log.info(`Default model set to ${model}.`);
  return model;
}

/**
 * Prompt Auditor: Choose Default Model. With a model id argument it sets it directly; otherwise a quick pick of the
 * price catalog's models (with their prices) opens, and the command returns without waiting for the choice.
 */
export function createChooseDefaultModel(services: Services) {
  return async (model?: string): Promise<string | undefined> => {
    if (typeof model === 'string' && model.trim()) return setDefaultModel(services, model.trim());
    const catalog = await services.engine.request({ kind: 'catalog' });
    const current = services.settings.get(vscode.window.activeTextEditor?.document.uri).audit.defaultModel;
    const byProvider = new Map<string, typeof catalog.models>();
    for (const m of catalog.models.filter((m) => !m.deprecated)) byProvider.set(m.provider, [...(byProvider.get(m.provider) ?? []), m]);
    const items: (vscode.QuickPickItem & { model?: string })[] = [];
    for (const [provider, models] of [...byProvider].sort(([a], [b]) => a.localeCompare(b))) {
      items.push({ label: provider, kind: vscode.QuickPickItemKind.Separator });
      for (const m of models.sort((a, b) => a.id.localeCompare(b.id))) {
        items.push({
          label: `${m.id === current ? '$(check) ' : ''}${m.id}`,
          description: `${formatUsd(m.inputPer1M)} in / ${formatUsd(m.outputPer1M)} out per 1M tokens`,
          detail: m.contextWindow ? `${m.name} · ${m.contextWindow.toLocaleString('en-US')}-token context` : m.name,
          model: m.id,
        });
      }
    }
    const pick = vscode.window.createQuickPick<(typeof items)[number]>();
    pick.title = `Default model for calls whose model is not in the code (now ${current}) — prices of ${catalog.catalogDate}`;
    pick.placeholder = 'Type a model id; any id is accepted (unknown ones are priced as "price unknown")';
    pick.items = items;
    pick.matchOnDescription = true;
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0]?.model ?? pick.value.trim();
      pick.hide();
      if (chosen) void setDefaultModel(services, chosen).catch((err: unknown) => services.log.error(`Setting the default model failed: ${String(err)}`));
    });
    pick.onDidHide(() => pick.dispose());
    pick.show();
    return undefined;
  };
}
