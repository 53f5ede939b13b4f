import * as vscode from 'vscode';
import { formatUsd } from '../../engine/format';
import type { CatalogInfo } from '../engine-host/protocol';
import type { Services } from '../services';

export function catalogMarkdown(catalog: CatalogInfo, overrides: Record<string, { input: number; output: number }>): string {
  const lines = [
    `# Prompt Auditor — price catalog`,
    '',
    `- **Snapshot:** ${catalog.catalogDate} (${catalog.ageDays} days old${catalog.stale ? ' — stale: prices may have changed, update the extension or set promptAuditor.priceOverrides' : ''})`,
    `- **Source:** ${catalog.source}`,
    `- **Models:** ${catalog.models.length.toLocaleString('en-US')}`,
    `- **Your overrides (promptAuditor.priceOverrides):** ${Object.keys(overrides).length === 0 ? 'none' : Object.keys(overrides).join(', ')}`,
    '',
    'Prices are USD per 1M tokens. Batch and prompt-cache discounts are applied by provider rules, not listed here.',
    '',
    '| model | provider | input | output | context |',
    '|---|---|---:|---:|---:|',
  ];
  for (const [model, o] of Object.entries(overrides)) lines.push(`| ${model} (override) | — | ${formatUsd(o.input)} | ${formatUsd(o.output)} | |`);
  for (const m of [...catalog.models].sort((a, b) => a.provider.localeCompare(b.provider) || a.id.localeCompare(b.id))) {
    lines.push(`| ${m.id}${m.deprecated ? ' (deprecated)' : ''} | ${m.provider} | ${formatUsd(m.inputPer1M)} | ${formatUsd(m.outputPer1M)} | ${m.contextWindow?.toLocaleString('en-US') ?? ''} |`);
  }
  return lines.join('\n');
}

/** Prompt Auditor: Show Price Catalog Info. Opens a read-only markdown listing of the bundled catalog. */
export function createShowPriceCatalog(services: Services) {
  return async (): Promise<CatalogInfo> => {
    const catalog = await services.engine.request({ kind: 'catalog' });
    const overrides = services.settings.get(vscode.window.activeTextEditor?.document.uri).audit.priceOverrides;
    const uri = services.documents.set('/price-catalog.md', catalogMarkdown(catalog, overrides));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(document, 'markdown');
    await vscode.window.showTextDocument(document, { preview: true });
    services.log.info(`Price catalog ${catalog.catalogDate}: ${catalog.models.length} models (${catalog.source}).`);
    return catalog;
  };
}
