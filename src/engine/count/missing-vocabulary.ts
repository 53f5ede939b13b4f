import { familyFor } from './registry';
import { downloadUrl, locate } from './vocabulary-files';
import type { VocabularyId } from './vocabularies';
import { vocabularyBundleDir, vocabularySettings } from './worker-client';

/** A published vocabulary a model's count needs and this machine does not have: what to offer to download. */
export interface MissingVocabulary {
  id: VocabularyId;
  /** The tokenizer as people name it: `Gemma 3`. */
  label: string;
  /** The models it counts: `Gemini`. */
  models: string;
  /** Size of the file a download fetches. */
  bytes: number;
  /** Where a download would fetch it from (the configured base URL or mirror). */
  url: string;
}

/**
 * The vocabulary `modelId`'s count needs when it is nowhere on this machine: not bundled, not in an installed package,
 * not in the download cache. Null for models counted in-thread or without a published vocabulary, and for a vocabulary
 * at hand. A few file-exists checks, no network: adapters call it after an approximate count to offer the download
 * (the editor) or name the flag (the CLI). `bundleDir` is where the bundle's tokenizers/ folder is looked for.
 */
export function missingVocabulary(modelId: string, bundleDir: string = vocabularyBundleDir()): MissingVocabulary | null {
  const vocab = familyFor(modelId).vocabulary;
  if (!vocab) return null;
  const settings = vocabularySettings();
  if (locate(vocab, settings, bundleDir)) return null;
  return { id: vocab.id as VocabularyId, label: vocab.label, models: vocab.models, bytes: vocab.bytes, url: downloadUrl(vocab, settings) };
}
