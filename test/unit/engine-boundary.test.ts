import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('engine boundary', () => {
  const engineFiles = filesUnder(join(__dirname, '..', '..', 'src', 'engine'));

  it('has engine sources to check', () => {
    assert.ok(engineFiles.length > 0);
  });

  it('never imports vscode from src/engine', () => {
    const offenders = engineFiles.filter((f) =>
      /(from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\(\s*['"]vscode['"]\s*\))/.test(readFileSync(f, 'utf8')),
    );
    assert.deepEqual(offenders, []);
  });

  it('never imports the extension, the CLI or the workspace helpers from src/engine', () => {
    const offenders = engineFiles.filter((f) => /from\s+['"][./]*\/(extension|cli|workspace)\//.test(readFileSync(f, 'utf8')));
    assert.deepEqual(offenders, []);
  });
});
