// Every rule against its real-code fixtures (Python and TypeScript, positive and negative), through the real
// pipeline: extract -> count -> price -> rules. A fixture marks the lines its rule must report with `expect:`;
// the rule must report exactly those lines, and nothing in a negative fixture. Every fix offered there must
// leave source that still parses, and "ignore on this line" must silence the diagnostic it belongs to.
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../../../src/engine/extract';
import { RULES } from '../../../src/engine/rules';
import { FIXTURES, applyFix, auditText, expectedLines, languageOf, readFixture, reportedLines } from './helpers';

const ruleDirs = readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

describe('rule fixtures', () => {
  it('every registered rule has positive and negative fixtures in Python and TypeScript', () => {
    for (const rule of RULES) {
      assert.ok(ruleDirs.includes(rule.id), `no fixtures for ${rule.id}`);
      const files = readdirSync(join(FIXTURES, rule.id));
      for (const f of ['positive.py', 'negative.py', 'positive.ts', 'negative.ts']) assert.ok(files.includes(f), `${rule.id}/${f} missing`);
    }
  });

  for (const rule of ruleDirs) {
    describe(rule, () => {
      for (const file of readdirSync(join(FIXTURES, rule)).sort()) {
        const text = readFixture(rule, file);
        const language = languageOf(file);
        const expected = expectedLines(text, rule);

        it(`${file}: reports ${expected.length === 0 ? 'nothing' : `lines ${expected.map((l) => l + 1).join(', ')}`}`, async () => {
          if (file.startsWith('negative')) assert.deepEqual(expected, [], 'a negative fixture carries no expect markers');
          if (file.startsWith('positive')) assert.ok(expected.length > 0, 'a positive fixture marks what it expects');
          const result = await auditText(text, language);
          assert.equal(result.syntaxErrors, 0, 'fixtures are valid source');
          assert.deepEqual(reportedLines(result, rule).map((l) => l + 1), expected.map((l) => l + 1));
          for (const d of result.diagnostics.filter((x) => x.rule === rule)) {
            assert.equal(d.docsUrl, `docs/rules/${rule}.md`);
            assert.ok(d.message.length > 20);
            if (d.usdPerMonth === null) assert.match(d.message, /price unknown|Prompt is mostly/);
          }
        });

        if (file.startsWith('positive')) {
          it(`${file}: every fix leaves valid source; "ignore" silences its diagnostic`, async () => {
            const result = await auditText(text, language);
            const diagnostics = result.diagnostics.filter((d) => d.rule === rule);
            assert.ok(diagnostics.length > 0);
            for (const d of diagnostics) {
              for (const fix of d.fixes) {
                const after = applyFix(text, fix);
                assert.notEqual(after, text, `${fix.title} changes the text`);
                const parsed = await extract(after, language);
                assert.equal(parsed.syntaxErrors, 0, `${fix.title} keeps ${file} parseable:\n${after}`);
              }
              const ignore = d.fixes.find((f) => f.title === `Ignore ${rule} on this line`);
              assert.ok(ignore, 'every diagnostic can be ignored on its line');
              const silenced = await auditText(applyFix(text, ignore), language);
              const before = result.diagnostics.filter((x) => x.rule === rule).length;
              assert.equal(silenced.diagnostics.filter((x) => x.rule === rule).length, before - 1, `ignoring line ${d.range.start.line + 1} removes exactly that one`);
            }
          });
        }
      }
    });
  }
});
