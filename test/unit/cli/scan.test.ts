import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { auditFiles, runScan } from '../../../src/cli/commands/scan';
import type { CommandIO } from '../../../src/cli/io';
import { hasDiagnosticsAtOrAbove } from '../../../src/workspace/scan-report';
import type { ScanJson } from '../../../src/cli/format/json';
import { withDefaults } from '../../../src/engine/options';
import { diagnostic, report, result } from './audit-builders';

interface Captured extends CommandIO {
  out: string;
  err: string;
}

function capture(): Captured {
  const io: Captured = {
    out: '',
    err: '',
    color: false,
    stdout: (t) => void (io.out += t),
    stderr: (t) => void (io.err += t),
  };
  return io;
}

async function scan(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = capture();
  const code = await runScan(args, io);
  return { code, out: io.out, err: io.err };
}

describe('cli scan command', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'prompt-audit-scan-'));
    const files: Record<string, string | Buffer> = {
      'app.py': 'from openai import OpenAI\nclient = OpenAI()\n',
      'web/page.ts': 'export const x = 1;\n',
      'blob.py': Buffer.from([0, 1, 2, 3]),
      'node_modules/lib/index.js': 'module.exports = 1;\n',
    };
    for (const [rel, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, rel)), { recursive: true });
      writeFileSync(join(root, rel), content);
    }
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  describe('argument errors exit with 2 and say what is wrong', () => {
    const cases: [string[], RegExp][] = [
      [[], /give at least one file or folder to scan/],
      [['src', '--bogus'], /Unknown option '--bogus'/],
      [['src', '--format', 'xml'], /--format must be table or json, got 'xml'/],
      [['src', '--format'], /argument missing/],
      [['src', '--requests-per-day', 'lots'], /--requests-per-day expects a number, got 'lots'/],
      [['src', '--days-per-month', '40'], /--days-per-month expects a number from 0 to 31, got '40'/],
      [['src', '--expected-output', '2.5'], /--expected-output expects a whole number, got '2.5'/],
      [['src', '--max-file-bytes', '0'], /--max-file-bytes expects a whole number of at least 1, got '0'/],
      [['src', '--model', ' '], /--model needs a model id/],
      [['src', '--fail-on', 'critical'], /--fail-on must be one of error, warning, info, hint, got 'critical'/],
    ];
    for (const [args, message] of cases) {
      it(`scan ${args.join(' ') || '(no arguments)'}`, async () => {
        const { code, out, err } = await scan(args);
        assert.equal(code, 2);
        assert.equal(out, '');
        assert.match(err, message);
        assert.match(err, /Usage: prompt-audit scan PATH/);
      });
    }
  });

  it('prints help with --help and exits 0', async () => {
    const { code, out } = await scan(['--help']);
    assert.equal(code, 0);
    assert.match(out, /Usage: prompt-audit scan PATH/);
    assert.match(out, /--requests-per-day N/);
    assert.match(out, /--fail-on SEVERITY/);
  });

  it('writes the JSON contract for a folder, with skipped files listed', async () => {
    const { code, out, err } = await scan([root, '--format', 'json', '--requests-per-day', '5,000', '--model', 'gpt-4o']);
    assert.equal(code, 0, err);
    assert.equal(err, '');
    const json = JSON.parse(out) as ScanJson;
    assert.equal(json.version, 1);
    assert.deepEqual(
      json.files.map((f) => [f.path, f.language]),
      [
        [`${root}/app.py`, 'python'],
        [`${root}/web/page.ts`, 'typescript'],
      ],
    );
    for (const file of json.files) {
      assert.ok(Array.isArray(file.calls) && Array.isArray(file.prompts) && Array.isArray(file.diagnostics));
    }
    assert.deepEqual(json.skipped, [{ path: `${root}/blob.py`, kind: 'binary', reason: 'binary file (contains NUL bytes)' }]);
    assert.equal(json.options.requestsPerDay, 5000);
    assert.equal(json.options.defaultModel, 'gpt-4o');
  });

  it('skips files over --max-file-bytes with a note', async () => {
    const { code, out } = await scan([join(root, 'app.py'), '--format', 'json', '--max-file-bytes', '10']);
    assert.equal(code, 0);
    const json = JSON.parse(out) as ScanJson;
    assert.deepEqual(json.files, []);
    assert.equal(json.skipped[0]!.kind, 'too-large');
    assert.match(json.skipped[0]!.reason, /over the size limit of 10 B/);
  });

  it('prints results and exits 2 when a path does not exist', async () => {
    const missing = join(root, 'missing-folder');
    const { code, out, err } = await scan([missing, root]);
    assert.equal(code, 2);
    assert.match(err, new RegExp(`${missing}: no such file or folder`));
    assert.match(out, /Total: 2 files/);
    assert.match(out, /Skipped\n.*missing-folder +no such file or folder/);
  });

  it('turns a failing audit into a skipped entry, never a crash', async () => {
    const files = [
      { path: 'a.py', absPath: join(root, 'app.py'), language: 'python' as const },
      { path: 'b.ts', absPath: join(root, 'web/page.ts'), language: 'typescript' as const },
    ];
    const outcome = await auditFiles(files, withDefaults(), async (_text, language) => {
      if (language === 'python') throw new Error('grammar failed to load');
      return result({ language });
    });
    assert.deepEqual(outcome.files.map((f) => f.path), ['b.ts']);
    assert.deepEqual(outcome.skipped, [{ path: 'a.py', kind: 'audit-failed', reason: 'audit failed: grammar failed to load' }]);
  });

  it('keeps file order while auditing concurrently', async () => {
    const files = Array.from({ length: 20 }, (_, i) => ({ path: `f${String(i).padStart(2, '0')}.py`, absPath: join(root, 'app.py'), language: 'python' as const }));
    let active = 0;
    let peak = 0;
    const outcome = await auditFiles(files, withDefaults(), async (_text, language) => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
      return result({ language });
    });
    assert.deepEqual(outcome.files.map((f) => f.path), files.map((f) => f.path));
    assert.ok(peak > 1 && peak <= 8, `peak concurrency ${peak}`);
  });

  describe('settings file', () => {
    let workspace: string;
    before(() => {
      workspace = mkdtempSync(join(tmpdir(), 'prompt-audit-config-'));
      writeFileSync(join(workspace, 'app.py'), 'x = 1\n');
      writeFileSync(join(workspace, '.prompt-audit.json'), JSON.stringify({ defaultModel: 'gpt-4o', requestsPerDay: 250, daysPerMonth: 'thirty' }));
      writeFileSync(join(workspace, 'broken.json'), '{ "requestsPerDay": 10, }');
      writeFileSync(join(workspace, 'other.json'), JSON.stringify({ requestsPerDay: 42 }));
    });
    after(() => rmSync(workspace, { recursive: true, force: true }));

    const scanIn = async (args: string[]) => {
      const io = capture();
      const code = await runScan([...args, '--format', 'json'], io, workspace);
      return { code, json: io.out ? (JSON.parse(io.out) as ScanJson) : null, err: io.err };
    };

    it('reads ./.prompt-audit.json, reports a bad field by name and keeps the rest', async () => {
      const { code, json, err } = await scanIn([join(workspace, 'app.py')]);
      assert.equal(code, 0);
      assert.equal(json!.options.defaultModel, 'gpt-4o');
      assert.equal(json!.options.requestsPerDay, 250);
      assert.equal(json!.options.daysPerMonth, 30);
      assert.equal(json!.options.configFile, '.prompt-audit.json');
      assert.match(err, /\.prompt-audit\.json: daysPerMonth must be a number, got "thirty"; ignored/);
    });

    it('lets flags override the file, and --no-config ignore it', async () => {
      const flagged = await scanIn([join(workspace, 'app.py'), '--requests-per-day', '7']);
      assert.equal(flagged.json!.options.requestsPerDay, 7);
      assert.equal(flagged.json!.options.defaultModel, 'gpt-4o');
      const none = await scanIn([join(workspace, 'app.py'), '--no-config']);
      assert.equal(none.json!.options.defaultModel, 'gpt-4o-mini');
      assert.equal(none.json!.options.configFile, null);
      assert.equal(none.err, '');
    });

    it('reads --config FILE instead, and says when it is not valid JSON', async () => {
      const other = await scanIn([join(workspace, 'app.py'), '--config', 'other.json']);
      assert.equal(other.json!.options.requestsPerDay, 42);
      assert.equal(other.json!.options.configFile, 'other.json');
      const broken = await scanIn([join(workspace, 'app.py'), '--config', 'broken.json']);
      assert.equal(broken.code, 0);
      assert.equal(broken.json!.options.requestsPerDay, 1000);
      assert.match(broken.err, /broken\.json is not valid JSON \(.+\); ignored/);
    });

    it('exits 2 when --config names a file that cannot be read', async () => {
      const { code, json, err } = await scanIn([join(workspace, 'app.py'), '--config', 'nope.json']);
      assert.equal(code, 2);
      assert.equal(json, null);
      assert.match(err, /--config nope\.json: no such file or folder/);
    });
  });

  it('decides --fail-on from the most severe diagnostic', () => {
    const warned = report([{ path: 'a.py', result: result({ diagnostics: [diagnostic({ severity: 'warning' })] }) }]);
    assert.equal(hasDiagnosticsAtOrAbove(warned, 'error'), false);
    assert.equal(hasDiagnosticsAtOrAbove(warned, 'warning'), true);
    assert.equal(hasDiagnosticsAtOrAbove(warned, 'hint'), true);
    assert.equal(hasDiagnosticsAtOrAbove(report([]), 'hint'), false);
  });
});
