// End to end on the built bundle: `node bin/prompt-audit.js scan ...`, as a user runs it after `npm run build`.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ScanJson } from '../../../src/cli/format/json';

const repo = join(__dirname, '..', '..', '..');
const bin = join(repo, 'bin', 'prompt-audit.js');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: repo, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const EXAMPLES = [
  ['examples/classify_tickets.ts', 'typescript'],
  ['examples/contract_review.py', 'python'],
  ['examples/hr_policy_faq.py', 'python'],
  ['examples/shop_assistant_ko.ts', 'typescript'],
  ['examples/summarize_incidents.ts', 'typescript'],
  ['examples/support_bot.py', 'python'],
];

describe('prompt-audit bundle (end to end)', () => {
  before(function () {
    // `npm test` builds first; a bare `npm run test:unit` on a fresh clone builds here.
    if (!existsSync(join(repo, 'dist', 'cli.js'))) {
      this.timeout(120_000);
      execFileSync(process.execPath, ['esbuild.mjs'], { cwd: repo, stdio: 'inherit' });
    }
  });

  it('scans examples/ to the JSON contract', () => {
    const { code, out, err } = run(['scan', 'examples/', '--format', 'json']);
    assert.equal(code, 0, err);
    const json = JSON.parse(out) as ScanJson;
    assert.equal(json.version, 1);
    assert.deepEqual(json.files.map((f) => [f.path, f.language]), EXAMPLES);
    assert.deepEqual(json.skipped, []);
    for (const file of json.files) {
      assert.deepEqual(Object.keys(file).slice(0, 5), ['path', 'language', 'calls', 'prompts', 'diagnostics']);
      for (const call of file.calls) {
        assert.ok(Number.isInteger(call.line) && call.line >= 1 && call.endLine >= call.line, `${file.path}: lines of ${call.api}`);
        assert.equal(typeof call.provider, 'string');
        assert.equal(typeof call.api, 'string');
        assert.ok(call.maxTokens === null || (typeof call.maxTokens.key === 'string' && call.maxTokens.line >= call.line));
        for (const p of call.prompts) assert.ok(p.startLine >= 1 && p.endLine >= p.startLine && typeof p.text === 'string');
      }
      for (const d of file.diagnostics) assert.ok(d.line >= 1 && d.endLine >= d.line && typeof d.rule === 'string');
    }
  });

  it('prints a table by default and exits 0', () => {
    const { code, out, err } = run(['scan', 'examples']);
    assert.equal(code, 0, err);
    assert.match(out, /^Total: 6 files, /m);
  });

  it('exits 2 with a message for bad arguments and unknown commands', () => {
    const bad = run(['scan', 'examples/', '--format', 'yaml']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--format must be table or json, got 'yaml'/);
    const unknown = run(['scna', 'examples/']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /unknown command 'scna'/);
    const missing = run(['scan', 'no-such-folder/']);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /no-such-folder\/: no such file or folder/);
  });
});
