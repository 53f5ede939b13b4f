import type { Accuracy } from '../model';
import { InThreadTokenizer } from './in-thread';
import { countOpenAI, type OpenAIEncodingName } from './openai-encodings';
import type { ChatFraming, Tokenizer, TokenizerFamily } from './tokenizer';
import { VOCABULARIES, type VocabularyId } from './vocabularies';
import { loadVocabulary, vocabularySettingsGeneration, WorkerTokenizer } from './worker-client';

/**
 * How long a failed vocabulary load (offline, a hanging mirror) is remembered before it is tried again, so every
 * audit does not wait on the network again. A settings change (downloads turned on) retries at once.
 */
export const RETRY_FAILED_LOAD_AFTER_MS = 5 * 60_000;

/** A family counted on the caller's thread with an OpenAI encoding (OpenAI models exactly; others as an approximation). */
export function openAIEncodingFamily(spec: {
  id: string;
  name: string;
  encoding: OpenAIEncodingName;
  accuracy: Accuracy;
  framing: ChatFraming;
  matches: (modelId: string) => boolean;
}): TokenizerFamily {
  let tokenizer: Tokenizer | null = null;
  const get = () => (tokenizer ??= new InThreadTokenizer(spec.name, spec.accuracy, spec.framing, spec.encoding, (text) => countOpenAI(spec.encoding, text)));
  return { id: spec.id, accuracy: spec.accuracy, matches: spec.matches, load: async () => get(), loaded: get };
}

/** A family counted in the worker with a published tokenizer.json vocabulary. */
export function vocabularyFamily(spec: {
  id: string;
  vocabulary: VocabularyId;
  accuracy: Accuracy;
  framing: ChatFraming;
  matches: (modelId: string) => boolean;
}): TokenizerFamily {
  const vocab = VOCABULARIES[spec.vocabulary];
  let ready: Tokenizer | null = null;
  let loading: Promise<Tokenizer> | null = null;
  let failed: { error: unknown; at: number; generation: number } | null = null;
  return {
    id: spec.id,
    accuracy: spec.accuracy,
    matches: spec.matches,
    vocabulary: vocab,
    loaded: () => ready,
    load: () => {
      if (failed && failed.generation === vocabularySettingsGeneration() && Date.now() - failed.at < RETRY_FAILED_LOAD_AFTER_MS) {
        return Promise.reject(failed.error);
      }
      return (loading ??= loadVocabulary(vocab).then(
        () => {
          failed = null;
          return (ready = new WorkerTokenizer(vocab.id, spec.accuracy, spec.framing, vocab));
        },
        (err: unknown) => {
          loading = null; // a later call may succeed (file downloaded, network back)
          failed = { error: err, at: Date.now(), generation: vocabularySettingsGeneration() };
          throw err;
        },
      ));
    },
  };
}
