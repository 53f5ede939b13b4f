import * as vscode from 'vscode';
import type { AuditedCall, Fix } from '../../engine/model';
import type { SettingsStore } from '../config/settings-store';
import { toWorkspaceEdit } from '../convert/ranges';
import type { EngineClient } from '../engine-host/engine-client';
import type { DocumentIndex, IndexEntry } from '../index/document-index';
import { describeError, type Log } from '../log';
import type { UiTimings } from '../timing';
import { diagnosticsAt, fixKey, switchableCallAt } from './fix-plan';

/** How many cheaper models the refactor menu offers per call. */
const SWITCHES_PER_CALL = 3;
/**
 * "Switch to a cheaper comparable model (−N%)" as a `refactor.rewrite` anywhere inside a call whose model id is a
 * literal or a same-file constant, not only on a diagnostic. The edits come from the worker (the rules' own fix
 * builder on its copy of the text), so they match what the diagnostics offer; those already offered at the cursor
 * by a diagnostic's quick fixes are not repeated.
 */
export class SwitchModelProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.RefactorRewrite] };

  /** Per document: the version and settings they were computed for, and each call's switches. */
  private readonly cache = new Map<string, { version: number; generation: number; byCall: Map<number, Promise<Fix[] | null>> }>();

  constructor(
    private readonly index: DocumentIndex,
    private readonly engine: EngineClient,
    private readonly settings: SettingsStore,
    private readonly log: Log,
    private readonly timings: UiTimings,
  ) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> | vscode.CodeAction[] {
    const found = this.timings.provide('codeActions.switchModel', null, () => {
      if (context.only && !context.only.contains(vscode.CodeActionKind.RefactorRewrite)) return null;
      const entry = this.index.get(document.uri);
      if (!entry || entry.version !== document.version) return null;
      const span = { startOffset: document.offsetAt(range.start), endOffset: document.offsetAt(range.end) };
      const target = switchableCallAt(entry.result.calls, span);
      if (!target) return null;
      const offered = new Set(diagnosticsAt(entry.result.diagnostics, span).flatMap((d) => d.fixes.map(fixKey)));
      return { entry, ...target, offered };
    });
    if (!found) return [];
    return this.switches(document, found.entry, found.call, found.index).then(
      (fixes) => (fixes ?? []).filter((fix) => !found.offered.has(fixKey(fix))).map((fix) => this.toAction(document, fix)),
      (err: unknown) => {
        this.log.error(`Cheaper model suggestions failed: ${describeError(err)}`);
        return [];
      },
    );
  }

  private switches(document: vscode.TextDocument, entry: IndexEntry, call: AuditedCall, callIndex: number): Promise<Fix[] | null> {
    const key = document.uri.toString();
    const generation = this.settings.generation;
    let cached = this.cache.get(key);
    if (!cached || cached.version !== entry.version || cached.generation !== generation) {
      // Only the latest version of each open document is kept.
      if (this.cache.size > 50) this.cache.clear();
      cached = { version: entry.version, generation, byCall: new Map() };
      this.cache.set(key, cached);
    }
    let fixes = cached.byCall.get(callIndex);
    if (!fixes) {
      const request = this.engine.request({ kind: 'modelSwitches', uri: key, version: entry.version, call, options: this.settings.get(document.uri).audit, limit: SWITCHES_PER_CALL });
      fixes = request;
      cached.byCall.set(callIndex, request);
      // A worker that held another version (or failed) is asked again next time.
      const byCall = cached.byCall;
      request.then(
        (value) => {
          if (value === null) byCall.delete(callIndex);
        },
        () => byCall.delete(callIndex),
      );
    }
    return fixes;
  }

  private toAction(document: vscode.TextDocument, fix: Fix): vscode.CodeAction {
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.RefactorRewrite);
    action.edit = toWorkspaceEdit(document.uri, fix.edits);
    return action;
  }
}
