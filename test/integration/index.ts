/**
 * Entry module of the in-host test run. Follows `@vscode/test-electron`'s contract: VS Code loads this file
 * inside its extension host and awaits `run()`; a rejection makes the host exit with code 1. The same compiled
 * files run under test-electron (desktop VS Code) and under the offline VS Code server + Chromium.
 */
import * as vscode from 'vscode';
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { print } from './output';

export async function run(): Promise<void> {
  // The runner reads this line: the version of the host the tests really ran in.
  print(`VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web workbench' : 'desktop'})`);
  Mocha.reporters.Base.consoleLog = print;
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec' });
  const grep = process.env.PROMPT_AUDITOR_TEST_GREP;
  if (grep) mocha.grep(grep);
  const suiteDir = join(__dirname, 'suite');
  for (const file of readdirSync(suiteDir).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(join(suiteDir, file));
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
