import * as vscode from 'vscode';
import type { SettingsStore } from '../config/settings-store';
import type { DocumentIndex } from '../index/document-index';
import { callLensTitle, constantLensTitle } from '../present/figures';
import { toRange } from '../convert/ranges';
import type { UiTimings } from '../timing';
import { COMMAND } from '../commands/ids';

/**
 * CodeLens above every LLM call (tokens, $ per request and per month, model) and above every prompt constant
 * (tokens, $ per 1,000 uses on the default model). Reads the document index only: no engine work here.
 */
export class CallLensProvider implements vscode.CodeLensProvider {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;

  constructor(
    private readonly index: DocumentIndex,
    private readonly settings: SettingsStore,
    private readonly timings: UiTimings,
  ) {}

  /** Lenses are re-asked for when results or the CodeLens setting change. */
  refresh(): void {
    this.emitter.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    return this.timings.provide('codeLens.provide', [], () => {
      const settings = this.settings.get(document.uri);
      if (!settings.codeLensEnabled) return [];
      const entry = this.index.get(document.uri);
      if (!entry) return [];
      const lenses: vscode.CodeLens[] = [];
      entry.result.calls.forEach((call, callIndex) => {
        lenses.push(
          new vscode.CodeLens(toRange(call.range), {
            title: callLensTitle(call),
            tooltip: 'Prompt Auditor: show the breakdown and the same request on comparable models',
            command: COMMAND.showCallBreakdown,
            arguments: [document.uri, callIndex],
          }),
        );
      });
      for (const constant of entry.result.prompts) {
        lenses.push(
          new vscode.CodeLens(toRange(constant.nameRange), {
            title: constantLensTitle(constant, settings.audit.defaultModel),
            tooltip: `Prompt Auditor: ${constant.name} as input on the default model (promptAuditor.defaultModel)`,
            command: COMMAND.showPromptDetails,
            arguments: [document.uri, constant.name],
          }),
        );
      }
      return lenses;
    });
  }
}
