import * as vscode from 'vscode';
import { formatBytes } from '../../engine/format';
import { COMMAND } from '../commands/ids';
import { SETTING } from '../config/settings';
import type { SettingsStore } from '../config/settings-store';
import type { EngineClient } from '../engine-host/engine-client';
import type { MissingVocabularyOf } from '../engine-host/protocol';
import type { DocumentIndex } from '../index/document-index';
import { describeError, type Log } from '../log';
import type { UiTimings } from '../timing';
import { failureMessage, FAILURE_ACTION, installedMessage, offerMessage, OfferPolicy, OFFER_ACTION, progressTitle } from './download-offer';

/** A question about a tokenizer download waiting for an answer: the offer, or a failed download's Retry. */
export interface TokenizerPrompt {
  kind: 'offer' | 'failure';
  /** Vocabulary id (`gemma3`). */
  vocabulary: string;
  message: string;
  actions: string[];
}

export type DownloadOutcome = { ok: true; tokenizer: string } | { ok: false; reason: string };

/** A 33 MB download on a slow link: the audit worker is not taken for stuck before this. */
const DOWNLOAD_TIMEOUT_MS = 10 * 60_000;

/**
 * Tokenizer vocabularies the extension does not ship (Gemma 3, for Gemini). Downloads are opt-in: the worker is
 * configured from `promptAuditor.tokenizers.allowDownload`, and while it is off, an audit whose figures fell back
 * for a missing vocabulary leads to one non-modal question per session per vocabulary. "Download" turns the setting
 * on (user settings), loads the vocabulary in the worker with a progress notification, and re-audits open documents.
 * Nothing here waits on the engine on the extension host's thread, and nothing rejects unhandled.
 */
export class TokenizerDownloads implements vscode.Disposable {
  private readonly policy: OfferPolicy;
  private readonly prompts = new Map<string, { prompt: TokenizerPrompt; choose(action: string | undefined): Promise<DownloadOutcome | null> }>();
  private readonly downloads = new Map<string, Promise<DownloadOutcome>>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly engine: EngineClient,
    private readonly index: DocumentIndex,
    private readonly settings: SettingsStore,
    private readonly log: Log,
    private readonly timings: UiTimings,
  ) {
    this.policy = new OfferPolicy(context.globalState);
    this.disposables.push(index.onDidUpdate((uri) => this.timings.handle('tokenizers.offer', () => this.onResult(uri))));
  }

  /** Where downloaded vocabularies are kept: the extension's global storage (machine-local, removed with it). */
  get cacheDir(): string {
    return this.context.globalStorageUri.fsPath;
  }

  /** Sends the vocabulary settings to the worker (at start, on a settings change, after a worker restart). */
  configureWorker(allowDownload = this.settings.get().allowTokenizerDownload): Promise<void> {
    return this.engine.request({ kind: 'configure', vocabularies: { cacheDir: this.cacheDir, allowDownload } }).then(
      () => undefined,
      (err: unknown) => this.log.error(`Configuring the audit worker failed: ${describeError(err)}`),
    );
  }

  /** Questions on screen, waiting for an answer. */
  pending(): TokenizerPrompt[] {
    return [...this.prompts.values()].map((p) => p.prompt);
  }

  /** Answers a question as its button would; resolves with the download it started (if any) once it is done. */
  answer(vocabulary: string, action: string | undefined): Promise<DownloadOutcome | null> {
    const waiting = this.prompts.get(vocabulary);
    if (!waiting) return Promise.reject(new Error(`No tokenizer question about ${vocabulary} is waiting.`));
    return waiting.choose(action);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private onResult(uri: vscode.Uri): void {
    const missing = this.index.get(uri)?.missingVocabularies;
    if (!missing?.length) return;
    const allowDownload = this.settings.get(uri).allowTokenizerDownload;
    for (const vocabulary of missing) {
      if (this.downloads.has(vocabulary.id) || this.prompts.has(vocabulary.id) || !this.policy.shouldOffer(vocabulary.id, allowDownload)) continue;
      this.offer(vocabulary);
    }
  }

  private offer(missing: MissingVocabularyOf): void {
    this.policy.markOffered(missing.id);
    this.log.info(
      `${missing.models} counts are approximate: the ${missing.label} tokenizer is not on this machine and downloads are off (promptAuditor.tokenizers.allowDownload); asking whether to download it.`,
    );
    const actions = [OFFER_ACTION.download, OFFER_ACTION.notNow, OFFER_ACTION.never];
    this.ask({ kind: 'offer', vocabulary: missing.id, message: offerMessage(missing), actions }, async (choice) => {
      if (choice === OFFER_ACTION.download) return this.download(missing);
      if (choice === OFFER_ACTION.never) {
        await this.policy.decline(missing.id);
        this.log.info(`Not asking about the ${missing.label} tokenizer again; turn on promptAuditor.tokenizers.allowDownload to download it.`);
      }
      return null;
    });
  }

  /**
   * Shows a non-modal notification; the button's answer (or the API's, in tests) runs `handle`. A notification
   * closed without an answer counts as "Not now".
   */
  private ask(prompt: TokenizerPrompt, handle: (choice: string | undefined) => Promise<DownloadOutcome | null>): void {
    let settle: (choice: string | undefined) => void = () => undefined;
    const chosen = new Promise<string | undefined>((resolve) => (settle = resolve));
    const show = prompt.kind === 'offer' ? vscode.window.showInformationMessage : vscode.window.showErrorMessage;
    show(prompt.message, ...prompt.actions).then(settle, (err: unknown) => {
      this.log.error(`Showing "${prompt.message}" failed: ${describeError(err)}`);
      settle(undefined);
    });
    const done = chosen
      .then((choice) => {
        if (this.prompts.get(prompt.vocabulary)?.prompt === prompt) this.prompts.delete(prompt.vocabulary);
        return handle(choice);
      })
      .catch((err: unknown) => {
        this.log.error(`Answering "${prompt.message}" failed: ${describeError(err)}`);
        return null;
      });
    this.prompts.set(prompt.vocabulary, {
      prompt,
      choose: (action) => {
        settle(action);
        return done;
      },
    });
  }

  /** One download per vocabulary at a time; a second "Download" joins the running one. */
  private download(missing: MissingVocabularyOf): Promise<DownloadOutcome> {
    let running = this.downloads.get(missing.id);
    if (!running) {
      running = this.runDownload(missing).finally(() => this.downloads.delete(missing.id));
      this.downloads.set(missing.id, running);
    }
    return running;
  }

  private async runDownload(missing: MissingVocabularyOf): Promise<DownloadOutcome> {
    const started = performance.now();
    let outcome: DownloadOutcome;
    try {
      // The answer is the setting: on in the user settings (it is machine-scoped), as if turned on by hand. The
      // settings change re-audits open documents; configuring here too makes sure the load below sees it first.
      await vscode.workspace.getConfiguration('promptAuditor').update(SETTING.allowTokenizerDownload, true, vscode.ConfigurationTarget.Global);
      await this.configureWorker(true);
      this.log.info(`Downloading the ${missing.label} tokenizer (${formatBytes(missing.bytes)}) from ${missing.url}.`);
      const loaded = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: progressTitle(missing) }, () =>
        this.engine.request({ kind: 'loadTokenizer', model: missing.model }, { timeoutMs: DOWNLOAD_TIMEOUT_MS }),
      );
      outcome = loaded.ok ? { ok: true, tokenizer: loaded.tokenizer } : { ok: false, reason: loaded.reason };
    } catch (err) {
      outcome = { ok: false, reason: describeError(err).split('\n')[0]! };
    }
    if (outcome.ok) {
      this.policy.forget(missing.id);
      this.log.info(`The ${missing.label} tokenizer is installed (${Math.round(performance.now() - started)} ms); ${missing.models} counts are near-exact.`);
      this.index.reanalyzeAll();
      void vscode.window.showInformationMessage(installedMessage(missing));
      return outcome;
    }
    const reason = outcome.reason;
    this.log.error(`Downloading the ${missing.label} tokenizer failed: ${reason.replace(/\.?$/, '.')} ${missing.models} counts stay approximate (≈).`);
    this.ask({ kind: 'failure', vocabulary: missing.id, message: failureMessage(missing, reason), actions: [FAILURE_ACTION.retry, FAILURE_ACTION.showLog] }, async (choice) => {
      if (choice === FAILURE_ACTION.retry) return this.download(missing);
      if (choice === FAILURE_ACTION.showLog) await vscode.commands.executeCommand(COMMAND.showLog);
      return null;
    });
    return outcome;
  }
}
