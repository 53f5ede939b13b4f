import { format } from 'node:util';

/**
 * Where the test run writes: the extension host's console. Under the web workbench that console arrives mixed with
 * the workbench's own log, so when the runner sets PROMPT_AUDITOR_OUTPUT_MARK every line carries that marker and the
 * runner keeps exactly these lines. (VS Code locks the console methods in the extension host, so they cannot be
 * wrapped; mocha's reporter and the tests call print() instead.)
 */
export function print(...args: unknown[]): void {
  const mark = process.env.PROMPT_AUDITOR_OUTPUT_MARK ?? '';
  const text = format(...args);
  console.log(mark ? text.split('\n').map((line) => `${mark}${line}`).join('\n') : text);
}
