import type * as vscode from 'vscode';
import type { ExtensionSettings } from './config/settings';
import type { IndexEntry } from './index/document-index';
import type { FixPreviewShown } from './preview/fix-previews';
import type { TimingStat } from './timing';
import type { DownloadOutcome, TokenizerPrompt } from './tokenizers/tokenizer-downloads';
import type { WorkspaceScanResult } from './workspace/workspace-scan';

/**
 * What activate() returns (`vscode.extensions.getExtension('prompt-auditor.prompt-auditor').exports`): read-only
 * views for tests and other extensions. Figures are the engine's AuditResult; nothing here changes state but
 * restartEngine() and answerTokenizerPrompt(), which do what a crash or a click on a notification would.
 */
export interface PromptAuditorApi {
  /** Time activate() took, in ms (module loading happens before; the integration test measures both). */
  readonly activationMs: number;
  /** Resolves when the worker has loaded the parsers and the default model's tokenizer, with the time it took. */
  readonly warmUp: Promise<number | null>;
  /** The status bar item as shown: its text, tooltip (markdown), visibility and the command a click runs. */
  statusBar(): { text: string; tooltip: string; visible: boolean; command: string | undefined };
  result(uri: vscode.Uri): IndexEntry | undefined;
  /** The result of the document's current version (audited now if it is waiting on the debounce). */
  whenAnalyzed(document: vscode.TextDocument): Promise<IndexEntry>;
  readonly onDidUpdate: vscode.Event<vscode.Uri>;
  settings(uri?: vscode.Uri): ExtensionSettings;
  /** Longest and total time per piece of extension-host work (providers, event handlers). */
  uiTimings(): Record<string, TimingStat>;
  /** How long the extension host's event loop was blocked (by anyone) since the last reset. */
  eventLoopDelay(): { maxMs: number; p99Ms: number };
  /** Resets both uiTimings() and eventLoopDelay(). */
  resetUiTimings(): void;
  lastScan(): WorkspaceScanResult | null;
  /** The fix preview waiting for Apply or Discard, if any. */
  fixPreview(): FixPreviewShown | null;
  /** The latest errors written to the log channel (oldest first). */
  loggedErrors(): string[];
  /** Stops the audit worker as a crash would (it restarts on the next request and open documents are re-sent). */
  restartEngine(): Promise<void>;
  /** Tokenizer download questions on screen, unanswered: the offer for a missing vocabulary, a failed download's Retry. */
  tokenizerPrompts(): TokenizerPrompt[];
  /**
   * Answers one of them as clicking its button would (tests: the in-host suite cannot click a notification).
   * Resolves, once what the answer started is done, with the download's outcome (null when it started none).
   */
  answerTokenizerPrompt(vocabulary: string, action: string | undefined): Promise<DownloadOutcome | null>;
  /** Where downloaded tokenizer vocabularies are kept (the extension's global storage folder). */
  tokenizerCacheDir(): string;
}
