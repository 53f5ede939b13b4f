import * as vscode from 'vscode';
import { guarded } from '../log';
import type { Services } from '../services';
import { createApplyFixPreview } from './apply-fix-preview';
import { createChooseDefaultModel } from './choose-default-model';
import { createDiscardFixPreview } from './discard-fix-preview';
import { COMMAND } from './ids';
import { createPreviewFix } from './preview-fix';
import { createScanWorkspace } from './scan-workspace';
import { createShowCallBreakdown } from './show-call-breakdown';
import { createShowLog } from './show-log';
import { createShowPriceCatalog } from './show-price-catalog';
import { createShowPromptDetails } from './show-prompt-details';
import { createShowReport } from './show-report';
import { createToggleCodeLens } from './toggle-codelens';

/** One line per command. Each handler's errors are logged, never thrown at VS Code. */
const COMMANDS: [id: string, create: (services: Services) => (...args: never[]) => unknown][] = [
  [COMMAND.showReport, createShowReport],
  [COMMAND.scanWorkspace, createScanWorkspace],
  [COMMAND.toggleCodeLens, createToggleCodeLens],
  [COMMAND.chooseDefaultModel, createChooseDefaultModel],
  [COMMAND.showPriceCatalog, createShowPriceCatalog],
  [COMMAND.showLog, createShowLog],
  [COMMAND.showCallBreakdown, createShowCallBreakdown],
  [COMMAND.showPromptDetails, createShowPromptDetails],
  [COMMAND.previewFix, createPreviewFix],
  [COMMAND.applyFixPreview, createApplyFixPreview],
  [COMMAND.discardFixPreview, createDiscardFixPreview],
];

export function registerCommands(services: Services): vscode.Disposable[] {
  return COMMANDS.map(([id, create]) => vscode.commands.registerCommand(id, guarded(services.log, `Command ${id}`, create(services) as (...args: unknown[]) => unknown)));
}
