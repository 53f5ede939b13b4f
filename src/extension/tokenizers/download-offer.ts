import type { MissingVocabulary } from '../../engine/count';
import { formatBytes } from '../../engine/format';

/**
 * The wording of the tokenizer download question and its outcomes, and who gets asked: pure, so it is unit tested
 * without VS Code. The notification itself lives in tokenizer-downloads.ts.
 */

export const OFFER_ACTION = { download: 'Download', notNow: 'Not now', never: "Don't ask again" } as const;
export const FAILURE_ACTION = { retry: 'Retry', showLog: 'Show Log' } as const;

type Described = Pick<MissingVocabulary, 'label' | 'models' | 'bytes' | 'url'>;

/** `unpkg.com`, or the mirror's host: where the one request goes. */
export function downloadHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function offerMessage(m: Described): string {
  return (
    `Prompt Auditor: ${m.models} token counts are approximate (≈): the ${m.label} tokenizer (${formatBytes(m.bytes)}) is not installed. ` +
    `Download it once from ${downloadHost(m.url)}? Only the tokenizer file is fetched; your code and prompts never leave the machine.`
  );
}

export function progressTitle(m: Described): string {
  return `Prompt Auditor: downloading the ${m.label} tokenizer (${formatBytes(m.bytes)})…`;
}

export function installedMessage(m: Described): string {
  return `Prompt Auditor: the ${m.label} tokenizer is installed; ${m.models} token counts are now near-exact (~).`;
}

export function failureMessage(m: Described, reason: string): string {
  return `Prompt Auditor: ${m.models} token counts stay approximate (≈). ${reason.replace(/\.?$/, '.')}`;
}

/** The part of VS Code's Memento the policy uses (ExtensionContext.globalState). */
export interface SmallStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

/** globalState key: vocabulary ids the user answered "Don't ask again" for. */
export const DECLINED_KEY = 'promptAuditor.tokenizers.declinedDownloads';

/**
 * Whom to ask: never while downloads are allowed (the engine fetches on its own then), once per session per
 * vocabulary, never again for a vocabulary declined for good. A vocabulary installed and then lost (cache cleared)
 * may be offered again.
 */
export class OfferPolicy {
  private readonly offered = new Set<string>();

  constructor(private readonly store: SmallStore) {}

  shouldOffer(vocabulary: string, allowDownload: boolean): boolean {
    return !allowDownload && !this.offered.has(vocabulary) && !this.declined().includes(vocabulary);
  }

  markOffered(vocabulary: string): void {
    this.offered.add(vocabulary);
  }

  /** After a successful install: if the file goes missing later, asking again is right. */
  forget(vocabulary: string): void {
    this.offered.delete(vocabulary);
  }

  declined(): string[] {
    const value = this.store.get<unknown>(DECLINED_KEY);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  }

  async decline(vocabulary: string): Promise<void> {
    const declined = this.declined();
    if (!declined.includes(vocabulary)) await this.store.update(DECLINED_KEY, [...declined, vocabulary]);
  }
}
