import type * as vscode from 'vscode';
import type { SettingsStore } from './config/settings-store';
import type { EngineClient } from './engine-host/engine-client';
import type { DocumentIndex } from './index/document-index';
import type { ExtensionLog } from './log';
import type { FixPreviews } from './preview/fix-previews';
import type { UiTimings } from './timing';
import type { VirtualDocuments } from './report/virtual-documents';
import type { WorkspaceScanner } from './workspace/workspace-scan';

/** What features and commands are given by activate(): the shared pieces, created once. */
export interface Services {
  context: vscode.ExtensionContext;
  log: ExtensionLog;
  settings: SettingsStore;
  engine: EngineClient;
  index: DocumentIndex;
  scanner: WorkspaceScanner;
  timings: UiTimings;
  documents: VirtualDocuments;
  previews: FixPreviews;
}
