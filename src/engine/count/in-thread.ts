import type { Accuracy } from '../model';
import { CountCache } from './cache';
import type { OpenAIEncodingName } from './openai-encodings';
import type { ChatFraming, Tokenizer } from './tokenizer';
import { countOpenAIInWorker } from './worker-client';

/** Above this many characters the async count runs in the worker (~2 ms of tokenizing on this machine). */
export const OFF_THREAD_CHARS = 32_768;

/**
 * An OpenAI encoding counted on the caller's thread (fast, small footprint), behind the count cache. The async
 * `count` sends texts over OFF_THREAD_CHARS to the worker so a 1 MB string never blocks an editor's thread.
 */
export class InThreadTokenizer implements Tokenizer {
  private readonly cache = new CountCache();

  constructor(
    readonly name: string,
    readonly accuracy: Accuracy,
    readonly framing: ChatFraming,
    private readonly encoding: OpenAIEncodingName,
    private readonly countRaw: (text: string) => number,
  ) {}

  countSync(text: string): number {
    const key = CountCache.key(text);
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const n = this.countRaw(text);
    this.cache.set(key, n);
    return n;
  }

  async count(text: string): Promise<number> {
    if (text.length <= OFF_THREAD_CHARS) return this.countSync(text);
    const key = CountCache.key(text);
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const n = await countOpenAIInWorker(this.encoding, text);
    this.cache.set(key, n);
    return n;
  }
}
