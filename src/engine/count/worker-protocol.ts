import type { VocabularyFile, VocabularySettings } from './vocabularies';

/** Messages between the main thread (worker-client.ts) and the counting worker (worker.ts). */
export type WorkerRequest =
  | { id: number; op: 'load'; vocab: VocabularyFile; settings: VocabularySettings; bundleDir: string }
  /** `vocabId` is a loaded vocabulary's id, or an OpenAI encoding name (large texts are counted off-thread too). */
  | { id: number; op: 'count'; vocabId: string; texts: string[] };

export type WorkerResponse =
  | { id: number; ok: true; counts?: number[]; from?: string }
  | { id: number; ok: false; error: string };
