/**
 * Rules stage speed: on the generated 5,000-line Python and TypeScript files, the median of 20 warm audits of an
 * extraction with every rule on, against the same audit with every rule off (count + price only, the same-run
 * reference). The rules read the audited calls and reuse cached counts, so they should cost about what pricing does.
 */
import { auditExtracted } from '../../src/engine/audit';
import { extract } from '../../src/engine/extract';
import type { LanguageId } from '../../src/engine/model';
import { withDefaults } from '../../src/engine/options';
import { RULES } from '../../src/engine/rules';
import { generatePython, generateTypeScript } from '../../test/fixtures/extract/generate';
import type { Bench } from './harness';

const LINES = 5000;

async function measure(bench: Bench, label: string, language: LanguageId, text: string): Promise<void> {
  const extraction = await extract(text, language);
  const on = withDefaults();
  const off = withDefaults({ rules: Object.fromEntries(RULES.map((r) => [r.id, { enabled: false }])) });
  const result = await auditExtracted(text, extraction, on);
  const referenceMs = await bench.median(() => auditExtracted(text, extraction, off), 20, 3);
  bench.record(`${label}: count + price, rules off (reference)`, referenceMs, 'ms');
  const rulesMs = await bench.median(() => auditExtracted(text, extraction, on), 20, 3);
  bench.record(`${label}: with all ${RULES.length} rules, ${result.diagnostics.length} diagnostics (x${(rulesMs / referenceMs).toFixed(2)})`, rulesMs, 'ms', { max: 60 });
  bench.record(`${label}: rules stage / reference`, (rulesMs - referenceMs) / referenceMs, 'x', { max: 6 });
}

export default async function (bench: Bench): Promise<void> {
  await measure(bench, `Python ${LINES} lines`, 'python', generatePython(LINES));
  await measure(bench, `TypeScript ${LINES} lines`, 'typescript', generateTypeScript(LINES));
}
