import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EngineClient } from '../../../src/extension/engine-host/engine-client';
import type { AuditOptions } from '../../../src/engine/options';

/**
 * The audit worker's stuck-request detection, against a real worker thread that answers each request kind after a
 * set delay: an ordinary request past its limit replaces the worker, unless a request allowed to take long (a
 * tokenizer download the audits are waiting on) is still within its own limit.
 */
describe('EngineClient timeouts', function () {
  this.timeout(20_000);
  let dir: string;
  let workerPath: string;
  const logged: string[] = [];
  const log = { info: () => undefined, warn: (m: string) => logged.push(m), error: (m: string) => logged.push(m) };
  const options = {} as AuditOptions;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'engine-client-'));
    workerPath = join(dir, 'slow-worker.js');
    // Answers `loadTokenizer` after 900 ms, `analyze` after 500 ms, anything else at once.
    writeFileSync(
      workerPath,
      `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (m) => {
  const delay = m.kind === 'loadTokenizer' ? 900 : m.kind === 'analyze' ? 500 : 0;
  setTimeout(() => parentPort.postMessage({ id: m.id, ok: true, value: m.kind }), delay);
});`,
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => (logged.length = 0));

  it('replaces a worker whose request takes longer than the limit', async () => {
    const client = new EngineClient(workerPath, log, 200);
    let restarts = 0;
    client.onDidRestart(() => restarts++);
    try {
      await assert.rejects(client.request({ kind: 'analyze', uri: 'file:///a.py', version: 1, options }), /restarted: a analyze request took over 0\.2 s/);
      assert.equal(restarts, 1);
      assert.ok(logged.some((m) => m.includes('Restarting the audit worker')), logged.join('\n'));
      // The next request starts a fresh worker.
      assert.equal(await client.request({ kind: 'catalog' }), 'catalog');
    } finally {
      client.dispose();
    }
  });

  it('lets audits wait past the limit while a long request (a download) is within its own', async () => {
    const client = new EngineClient(workerPath, log, 200);
    let restarts = 0;
    client.onDidRestart(() => restarts++);
    try {
      const download = client.request({ kind: 'loadTokenizer', model: 'gemini-2.0-flash' }, { timeoutMs: 5_000 });
      const audit = client.request({ kind: 'analyze', uri: 'file:///a.py', version: 1, options });
      assert.deepEqual(await Promise.all([download, audit]), ['loadTokenizer', 'analyze']);
      assert.equal(restarts, 0, logged.join('\n'));
    } finally {
      client.dispose();
    }
  });

  it('a long request past its own limit still replaces the worker', async () => {
    const client = new EngineClient(workerPath, log, 200);
    try {
      await assert.rejects(client.request({ kind: 'loadTokenizer', model: 'gemini-2.0-flash' }, { timeoutMs: 400 }), /a loadTokenizer request took over 0\.4 s/);
    } finally {
      client.dispose();
    }
  });
});
