/**
 * The counting worker: loads published tokenizer.json vocabularies (tens of MB, 0.5-2 s, hundreds of MB of heap) and
 * counts with them, off the caller's thread. Bundled as dist/count-worker.js; run from source through tsx in tests.
 */
import { parentPort } from 'node:worker_threads';
import { Tokenizer } from '@huggingface/tokenizers';
import { countOpenAI, type OpenAIEncodingName } from './openai-encodings';
import { readVocabulary } from './vocabulary-files';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';

const tokenizers = new Map<string, Tokenizer>();

function reply(message: WorkerResponse): void {
  parentPort!.postMessage(message);
}

async function handle(request: WorkerRequest): Promise<void> {
  try {
    if (request.op === 'load') {
      if (tokenizers.has(request.vocab.id)) return reply({ id: request.id, ok: true });
      const { json, from } = await readVocabulary(request.vocab, request.settings, request.bundleDir);
      // The second argument is tokenizer_config.json; counting raw text needs none of it (no BOS/EOS is added).
      tokenizers.set(request.vocab.id, new Tokenizer(JSON.parse(json), {}));
      return reply({ id: request.id, ok: true, from });
    }
    if (request.vocabId === 'o200k_base' || request.vocabId === 'cl100k_base') {
      const encoding: OpenAIEncodingName = request.vocabId;
      return reply({ id: request.id, ok: true, counts: request.texts.map((text) => countOpenAI(encoding, text)) });
    }
    const tokenizer = tokenizers.get(request.vocabId);
    if (!tokenizer) return reply({ id: request.id, ok: false, error: `${request.vocabId} is not loaded` });
    const counts = request.texts.map((text) => tokenizer.encode(text, { add_special_tokens: false }).ids.length);
    reply({ id: request.id, ok: true, counts });
  } catch (err) {
    reply({ id: request.id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
}

parentPort!.on('message', (request: WorkerRequest) => void handle(request));
