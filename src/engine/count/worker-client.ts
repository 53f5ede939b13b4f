import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Accuracy } from '../model';
import { CountCache } from './cache';
import type { ChatFraming, Tokenizer } from './tokenizer';
import { DEFAULT_DOWNLOAD_BASE_URL, type VocabularyFile, type VocabularySettings } from './vocabularies';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';

/**
 * The main thread's side of the counting worker: one worker for all vocabularies, started on first use, kept
 * referenced only while requests are pending (an idle worker never keeps a CLI process alive).
 */

let settings: VocabularySettings = {
  cacheDir: defaultCacheDir(),
  downloadBaseUrl: process.env.PROMPT_AUDIT_TOKENIZER_MIRROR || DEFAULT_DOWNLOAD_BASE_URL,
  // Opt-in: the only network use the product has. Adapters turn it on from a setting or a flag.
  allowDownload: process.env.PROMPT_AUDIT_ALLOW_DOWNLOAD === '1',
};

/** Adapters set where downloaded vocabularies live (the extension: its global storage folder). */
let settingsGeneration = 0;

export function configureVocabularies(next: Partial<VocabularySettings>): void {
  settings = { ...settings, ...next };
  settingsGeneration++;
}

/** Changes whenever the settings do: a vocabulary that failed to load is tried again at once after a change. */
export function vocabularySettingsGeneration(): number {
  return settingsGeneration;
}

export function vocabularySettings(): Readonly<VocabularySettings> {
  return settings;
}

function defaultCacheDir(): string | null {
  const base = process.env.XDG_CACHE_HOME || (process.env.HOME ? join(process.env.HOME, '.cache') : null);
  return base ? join(base, 'prompt-audit', 'tokenizers') : null;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { worker: Worker; resolve: (r: WorkerResponse & { ok: true }) => void; reject: (e: Error) => void }>();

/** A request without its id (the id is assigned here). */
type WorkerRequestBody = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

/** dist/count-worker.js next to the bundle; from source (tests, bench) the .ts entry through tsx. */
function startWorker(): Worker {
  const bundled = join(__dirname, 'count-worker.js');
  const w = existsSync(bundled)
    ? new Worker(bundled)
    : new Worker(`require(${JSON.stringify(createRequire(__filename).resolve('tsx/cjs'))}); require(${JSON.stringify(join(__dirname, 'worker.ts'))});`, { eval: true });
  w.on('message', (message: WorkerResponse) => {
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (![...pending.values()].some((p) => p.worker === w)) w.unref();
    if (message.ok) waiter.resolve(message);
    else waiter.reject(new Error(message.error));
  });
  const fail = (err: Error) => {
    // A crashed worker (out of memory on a huge vocabulary) fails what it held; the next request starts a new one.
    if (worker === w) {
      worker = null;
      loadedVocabularies.clear();
    }
    for (const [id, waiter] of pending) {
      if (waiter.worker !== w) continue; // a newer worker's requests are not this one's to fail
      pending.delete(id);
      waiter.reject(err);
    }
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`The counting worker stopped (exit code ${code}).`)));
  w.unref();
  return w;
}

export function request(message: WorkerRequestBody): Promise<WorkerResponse & { ok: true }> {
  worker ??= startWorker();
  const id = nextId++;
  const w = worker;
  return new Promise((resolve, reject) => {
    pending.set(id, { worker: w, resolve, reject });
    w.ref();
    w.postMessage({ ...message, id } as WorkerRequest);
  });
}

/** Counts in the worker with an OpenAI encoding: large texts never tie up the caller's thread. */
export function countOpenAIInWorker(encoding: string, text: string): Promise<number> {
  return request({ op: 'count', vocabId: encoding, texts: [text] }).then((r) => r.counts![0]!);
}

/** Where `tokenizers/<id>.json` is looked for: next to the bundle (dist/), or this folder when run from source. */
export function vocabularyBundleDir(): string {
  return __dirname;
}

/** Vocabularies the current worker holds, by id: the load promise (shared by concurrent callers). */
const loadedVocabularies = new Map<string, Promise<void>>();

/** Loads a vocabulary in the worker (bundled, installed, cached or downloaded). Rejects with a readable reason. */
export function loadVocabulary(vocab: VocabularyFile): Promise<void> {
  let loading = loadedVocabularies.get(vocab.id);
  if (!loading) {
    loading = request({ op: 'load', vocab, settings, bundleDir: vocabularyBundleDir() }).then(() => undefined);
    loadedVocabularies.set(vocab.id, loading);
    loading.catch(() => loadedVocabularies.delete(vocab.id));
  }
  return loading;
}

/** Stops the worker (tests, extension deactivation). Pending requests fail. */
export async function stopCountingWorker(): Promise<void> {
  const w = worker;
  worker = null;
  loadedVocabularies.clear();
  if (w) await w.terminate();
}

/** A tokenizer whose vocabulary lives in the worker. Concurrent counts are sent in one message per tick. */
export class WorkerTokenizer implements Tokenizer {
  private readonly cache = new CountCache();
  private batch: { text: string; key: string; resolve: (n: number) => void; reject: (e: Error) => void }[] = [];

  constructor(
    readonly name: string,
    readonly accuracy: Accuracy,
    readonly framing: ChatFraming,
    private readonly vocab: VocabularyFile,
  ) {}

  countSync(text: string): number | null {
    return this.cache.get(CountCache.key(text)) ?? null;
  }

  count(text: string): Promise<number> {
    const key = CountCache.key(text);
    const hit = this.cache.get(key);
    if (hit !== undefined) return Promise.resolve(hit);
    return new Promise((resolve, reject) => {
      if (this.batch.length === 0) setImmediate(() => this.flush());
      this.batch.push({ text, key, resolve, reject });
    });
  }

  private flush(): void {
    const batch = this.batch;
    this.batch = [];
    // Loading is a resolved promise once done; after a worker crash it reloads the vocabulary in the new worker.
    loadVocabulary(this.vocab)
      .then(() => request({ op: 'count', vocabId: this.vocab.id, texts: batch.map((b) => b.text) }))
      .then(
      (response) => {
        batch.forEach((b, i) => {
          const n = response.counts![i]!;
          this.cache.set(b.key, n);
          b.resolve(n);
        });
      },
      (err: Error) => batch.forEach((b) => b.reject(err)),
    );
  }
}
