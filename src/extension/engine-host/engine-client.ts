import { Worker } from 'node:worker_threads';
import type { EngineRequest, EngineResponses, RequestMessage, ResponseMessage } from './protocol';
import type { Log } from '../log';

type Kind = EngineRequest['kind'];
type RequestOf<K extends Kind> = Extract<EngineRequest, { kind: K }>;

/** How long one request may take before the worker is considered stuck and replaced. */
const REQUEST_TIMEOUT_MS = 120_000;

/**
 * The extension host's handle on the audit worker. Starts it on first use; when it crashes or hangs, fails what was
 * pending, starts a fresh one on the next request and tells listeners (the document index re-sends open documents).
 */
export class EngineClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout; kind: Kind; patient: boolean }>();
  private readonly restartListeners = new Set<() => void>();
  private generation = 0;
  private disposed = false;

  constructor(
    private readonly workerPath: string,
    private readonly log: Log,
    /** How long an ordinary request may take (tests shorten it). */
    private readonly requestTimeoutMs = REQUEST_TIMEOUT_MS,
  ) {}

  /** Called after a replacement worker started: its state (configuration, open documents) is empty. */
  onDidRestart(listener: () => void): { dispose(): void } {
    this.restartListeners.add(listener);
    return { dispose: () => this.restartListeners.delete(listener) };
  }

  /**
   * `timeoutMs` lets a request that legitimately takes long (a tokenizer download) run past the usual limit; while one
   * is pending, other requests (audits waiting on the same download) are not taken for a stuck worker either.
   */
  request<K extends Kind>(message: RequestOf<K>, options: { timeoutMs?: number } = {}): Promise<EngineResponses[K]> {
    if (this.disposed) return Promise.reject(new Error('The audit worker is shut down.'));
    const worker = this.ensureWorker();
    const id = this.nextId++;
    const limitMs = options.timeoutMs ?? this.requestTimeoutMs;
    return new Promise<EngineResponses[K]>((resolve, reject) => {
      const onTimeout = (): void => {
        const waiter = this.pending.get(id);
        if (!waiter) return;
        if (!waiter.patient && [...this.pending.values()].some((p) => p.patient)) {
          waiter.timer = setTimeout(onTimeout, this.requestTimeoutMs);
          return;
        }
        this.replaceWorker(`a ${message.kind} request took over ${limitMs / 1000} s`);
      };
      const timer = setTimeout(onTimeout, limitMs);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer, kind: message.kind, patient: limitMs > this.requestTimeoutMs });
      worker.postMessage({ ...message, id } satisfies RequestMessage);
    });
  }

  /** The worker generation: bumps on each restart, so callers can tell their state was lost. */
  get currentGeneration(): number {
    return this.generation;
  }

  /** Stops the worker as a crash would: pending requests fail, listeners re-send their state, the next request starts a new one. */
  async restart(reason: string): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.log.warn(`Restarting the audit worker: ${reason}.`);
    this.onWorkerGone(worker, new Error(`The audit worker was restarted: ${reason}.`));
    await worker.terminate();
  }

  dispose(): void {
    this.disposed = true;
    this.failPending(new Error('The audit worker is shut down.'));
    void this.worker?.terminate();
    this.worker = null;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerPath, { stdout: false, stderr: false });
    worker.on('message', (message: ResponseMessage) => {
      const waiter = this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      clearTimeout(waiter.timer);
      if (message.ok) waiter.resolve(message.value);
      else waiter.reject(new Error(message.error));
    });
    worker.on('error', (err) => {
      this.log.error(`Audit worker crashed: ${err.stack ?? err.message}`);
      this.onWorkerGone(worker, err);
    });
    worker.on('exit', (code) => {
      if (this.worker === worker && !this.disposed) this.log.warn(`Audit worker exited (code ${code}); it restarts on the next request.`);
      this.onWorkerGone(worker, new Error(`The audit worker exited (code ${code}).`));
    });
    // The worker must not keep the extension host alive at shutdown.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private onWorkerGone(worker: Worker, err: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.failPending(err);
    if (this.disposed) return;
    this.generation++;
    for (const listener of this.restartListeners) {
      try {
        listener();
      } catch (listenerErr) {
        this.log.error(`Restart listener failed: ${String(listenerErr)}`);
      }
    }
  }

  private replaceWorker(reason: string): void {
    void this.restart(reason);
  }

  private failPending(err: Error): void {
    for (const [, waiter] of this.pending) {
      clearTimeout(waiter.timer);
      waiter.reject(err);
    }
    this.pending.clear();
  }
}
