// Held-out cases for every rule, written after the rules and apart from test/fixtures/rules/<rule>/: other SDKs
// (Anthropic TS, @google/genai and google-genai, the Vercel AI SDK v5, LangChain, DeepSeek through the OpenAI client's
// base_url), wrappers, constants in other shapes, async code, comprehensions / map / Promise.all, retry loops, per-line
// ignores, settings, near-miss model ids, small context windows, Korean prompts. Fixtures live flat in
// test/fixtures/rules/heldout/ as `<rule>.<positive|negative|settings-*>.<py|ts>`; `expect:` markers name the lines.
// A `heldout: {...}` comment on a settings fixture's first line gives the audit options and what the findings carry.
//
// For every finding: the right line, the configured severity, dollars or "price unknown" in the message; every fix,
// applied, leaves source the engine's own extraction parses without errors; fixes that resolve the finding (ignore,
// set/add max tokens, add cache_control, move the dynamic opening, change the model id) make it go away, and
// "Compress prompt" leaves fewer tokens and, for a padding-only finding, no finding.
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../../../src/engine/extract';
import type { AuditResult, Diagnostic, Fix } from '../../../src/engine/model';
import type { AuditOptions } from '../../../src/engine/options';
import { RULES } from '../../../src/engine/rules';
import { FIXTURES, applyFix, auditText, expectedLines, languageOf, readFixture, reportedLines } from './helpers';

const DIR = 'heldout';
const files = readdirSync(join(FIXTURES, DIR)).sort();

interface Header {
  options?: Partial<AuditOptions>;
  severity?: string;
  /** The exact title of a fix the finding must offer. */
  fixTitle?: string;
  /** How many "Change the model" fixes an unknown-model finding offers. */
  fixCount?: number;
}

function headerOf(text: string): Header {
  const m = /^(?:#|\/\/) heldout: (\{.*\})\s*$/m.exec(text.split('\n')[0] ?? '');
  return m ? (JSON.parse(m[1]!) as Header) : {};
}

/**
 * `fix: <title start>` after a line's `expect:` (or `expect-below:`) marker: the finding there must offer a fix whose
 * title starts so; `fix: none` means it offers none besides "ignore" and a model switch. 0-based reported line -> title.
 */
function fixMarkers(text: string): Map<number, string> {
  const out = new Map<number, string>();
  text.split('\n').forEach((line, i) => {
    const m = /(expect(?:-below)?): [\w, -]+?; fix: (.+?)\s*$/.exec(line);
    if (m) out.set(m[1] === 'expect' ? i : i + 1, m[2]!);
  });
  return out;
}

/** Fixes after which the finding they belong to must be gone (the others change cost, not the finding). */
const RESOLVING = /^(?:Ignore |Set |Add max|Add cache_control|Move the dynamic|Change the model to )/;

function promptTokens(result: AuditResult): number {
  return result.calls.reduce((n, c) => n + c.prompts.reduce((m, p) => m + p.tokens.tokens, 0), 0) + result.prompts.reduce((n, p) => n + p.tokens.tokens, 0);
}

async function checkFix(text: string, file: string, options: Partial<AuditOptions>, rule: string, d: Diagnostic, fix: Fix, before: AuditResult): Promise<void> {
  const language = languageOf(file);
  const after = applyFix(text, fix);
  assert.notEqual(after, text, `"${fix.title}" changes the text`);
  const parsed = await extract(after, language);
  assert.equal(parsed.syntaxErrors, 0, `"${fix.title}" keeps ${file} parseable:\n${after}`);
  const reaudit = await auditText(after, language, options);
  const count = (r: AuditResult): number => r.diagnostics.filter((x) => x.rule === rule).length;
  if (RESOLVING.test(fix.title)) {
    assert.equal(count(reaudit), count(before) - 1, `"${fix.title}" resolves the finding on line ${d.range.start.line + 1} of ${file} and only it`);
  }
  if (fix.title.startsWith('Compress prompt')) {
    assert.ok(fix.preview?.tokensBefore && fix.preview.tokensAfter !== undefined && fix.preview.tokensAfter < fix.preview.tokensBefore);
    assert.ok(promptTokens(reaudit) < promptTokens(before), `"${fix.title}" leaves fewer prompt tokens in ${file}`);
    assert.ok(count(reaudit) <= count(before), `"${fix.title}" adds no ${rule} finding`);
    if (!/\(threshold /.test(d.message)) {
      const same = reaudit.diagnostics.filter((x) => x.rule === rule && x.range.start.line === d.range.start.line);
      assert.deepEqual(same.map((x) => x.message), [], `a padding-only finding is gone after "${fix.title}"`);
    }
  }
}

describe('rules: held-out cases', () => {
  it('every rule has held-out positive and negative cases in Python and TypeScript', () => {
    for (const rule of RULES) {
      for (const kind of ['positive.py', 'negative.py', 'positive.ts', 'negative.ts']) {
        assert.ok(files.includes(`${rule.id}.${kind}`), `heldout/${rule.id}.${kind} missing`);
      }
    }
  });

  for (const file of files) {
    const [rule, kind] = file.split('.') as [string, string];
    const text = readFixture(DIR, file);
    const language = languageOf(file);
    const header = headerOf(text);
    const options = header.options ?? {};
    const expected = expectedLines(text, rule);
    const ruleDef = RULES.find((r) => r.id === rule);

    describe(`${rule} (${file})`, () => {
      it(`reports ${expected.length === 0 ? 'nothing' : `lines ${expected.map((l) => l + 1).join(', ')}`}`, async () => {
        assert.ok(ruleDef, `${rule} is a registered rule`);
        if (kind === 'negative') assert.deepEqual(expected, [], 'a negative case carries no expect markers');
        if (kind === 'positive') assert.ok(expected.length > 0, 'a positive case marks what it expects');
        const result = await auditText(text, language, options);
        assert.equal(result.syntaxErrors, 0, 'held-out cases are valid source');
        assert.deepEqual(result.notes.filter((n) => /rules\[|Rule .* failed/.test(n)), [], 'settings are valid and no rule failed');
        assert.deepEqual(reportedLines(result, rule).map((l) => l + 1), expected.map((l) => l + 1));
        const wantedFixes = fixMarkers(text);
        for (const d of result.diagnostics.filter((x) => x.rule === rule)) {
          const wanted = wantedFixes.get(d.range.start.line);
          const titles = d.fixes.map((f) => f.title);
          if (wanted === 'none') assert.deepEqual(titles.filter((t) => !/^(?:Ignore |Switch to )/.test(t)), [], `line ${d.range.start.line + 1} offers no fix`);
          else if (wanted) assert.ok(titles.some((t) => t.startsWith(wanted)), `line ${d.range.start.line + 1} offers "${wanted}...": ${titles.join(' | ')}`);
          assert.equal(d.severity, header.severity ?? ruleDef!.defaultSeverity, `severity of line ${d.range.start.line + 1}`);
          assert.match(d.message, /\$\d|price unknown/, `line ${d.range.start.line + 1} names dollars: ${d.message}`);
          if (d.usdPerMonth === null || d.usdPerMonth === undefined) assert.match(d.message, /price unknown/);
          if (header.fixTitle) assert.ok(d.fixes.some((f) => f.title === header.fixTitle), `offers "${header.fixTitle}": ${d.fixes.map((f) => f.title).join(' | ')}`);
          if (header.fixCount !== undefined) assert.equal(d.fixes.filter((f) => f.title.startsWith('Change the model to ')).length, header.fixCount);
        }
      });

      if (expected.length > 0) {
        it('every fix leaves parseable source; resolving fixes remove their finding', async function () {
          this.timeout(60_000);
          const before = await auditText(text, language, options);
          const findings = before.diagnostics.filter((x) => x.rule === rule);
          for (const d of findings) {
            assert.ok(d.fixes.some((f) => f.title === `Ignore ${rule} on this line`), 'every finding can be ignored on its line');
            for (const fix of d.fixes) await checkFix(text, file, options, rule, d, fix, before);
          }
        });
      }
    });
  }
});
