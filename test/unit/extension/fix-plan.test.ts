import { strict as assert } from 'node:assert';
import type { Diagnostic, Fix, Range, TextEdit } from '../../../src/engine/model';
import { applyTextEdits, diagnosticsAt, editsConflict, fixAllTitle, fixKey, planFixAll, spansIntersect, switchableCallAt } from '../../../src/extension/codeactions/fix-plan';
import { auditSource, FIX_ALL, offsetOf, SUPPORT_BOT, UNKNOWN_MODEL } from './sources';

function range(startOffset: number, endOffset: number): Range {
  return { start: { line: 0, character: startOffset }, end: { line: 0, character: endOffset }, startOffset, endOffset };
}
function edit(start: number, end: number, newText: string): TextEdit {
  return { range: range(start, end), newText };
}
function fix(title: string, safe: boolean, ...edits: TextEdit[]): Fix {
  return { title, kind: 'quickfix', safe, edits };
}
function diagnostic(fixes: Fix[], at = range(0, 1)): Diagnostic {
  return { rule: 'r', severity: 'warning', range: at, message: 'm', docsUrl: 'docs/rules/r.md', fixes };
}

describe('fix plans (fix all, overlaps, edits)', () => {
  it('tells conflicting edits from compatible ones', () => {
    assert.equal(editsConflict(edit(0, 5, 'a'), edit(3, 8, 'b')), true, 'overlapping replacements');
    assert.equal(editsConflict(edit(0, 5, 'a'), edit(5, 8, 'b')), false, 'adjacent replacements');
    assert.equal(editsConflict(edit(4, 4, 'x'), edit(4, 4, 'y')), true, 'two insertions at one point: order unknown');
    assert.equal(editsConflict(edit(0, 5, 'a'), edit(5, 5, 'y')), true, 'an insertion at the edge of a replacement');
    assert.equal(editsConflict(edit(0, 5, 'a'), edit(2, 2, 'y')), true, 'an insertion inside a replacement');
    assert.equal(editsConflict(edit(0, 5, 'a'), edit(9, 9, 'y')), false);
  });

  it('applies edits in offset order whatever order they come in, and refuses overlapping ones', () => {
    assert.equal(applyTextEdits('hello big world', [edit(10, 15, 'there'), edit(0, 5, 'HELLO'), edit(6, 9, 'small')]), 'HELLO small there');
    assert.equal(applyTextEdits('ab', [edit(1, 1, '-'), edit(2, 2, '!')]), 'a-b!');
    assert.equal(applyTextEdits('abc', []), 'abc');
    assert.throws(() => applyTextEdits('abcdef', [edit(0, 3, 'x'), edit(2, 4, 'y')]), /Overlapping/);
  });

  it('takes every safe fix once, in document order, and leaves unsafe and conflicting ones out', () => {
    const shared = fix('compress', true, edit(10, 20, 'short'));
    const plan = planFixAll([
      diagnostic([fix('late safe', true, edit(40, 42, 'x')), fix('unsafe', false, edit(0, 1, 'no'))]),
      diagnostic([shared, fix('ignore', false, edit(0, 0, '# ignore\n'))]),
      diagnostic([{ ...shared }]), // the same prompt flagged on a second call
      diagnostic([fix('overlaps compress', true, edit(15, 25, 'y'))]),
      diagnostic([fix('no edits', true)]),
    ]);
    assert.deepEqual(plan.fixes.map((f) => f.title), ['compress', 'late safe']);
    assert.deepEqual(plan.conflicting.map((f) => f.title), ['overlaps compress']);
    assert.equal(plan.edits.length, 2);
    assert.equal(fixAllTitle(plan), 'Apply 2 safe Prompt Auditor fixes');
    assert.equal(fixAllTitle(planFixAll([diagnostic([fix('one', true, edit(0, 1, 'x'))])])), 'Apply 1 safe Prompt Auditor fix');
    assert.equal(fixKey(shared), fixKey(fix('another title', false, ...shared.edits)), 'the key is what the fix changes');
  });

  it('on a real file: the three safe fixes the rules offer apply together and leave nothing safe to fix', async () => {
    const result = await auditSource(FIX_ALL);
    const plan = planFixAll(result.diagnostics);
    const safe = result.diagnostics.flatMap((d) => d.fixes.filter((f) => f.safe));
    assert.equal(plan.fixes.length, safe.length);
    assert.equal(plan.fixes.length, 3);
    const fixed = applyTextEdits(FIX_ALL, plan.edits);
    assert.ok(fixed.includes('max_tokens=16384,'));
    assert.ok(fixed.includes('"cache_control": {"type": "ephemeral"}'));
    assert.ok(!fixed.includes('prompt-audit: ignore'), 'no unsafe fix');
    const again = await auditSource(fixed);
    assert.deepEqual(planFixAll(again.diagnostics).fixes, []);
  });

  it('finds the diagnostics at a cursor with closed ranges (a cursor at the end still counts)', () => {
    const d = diagnostic([], range(10, 20));
    assert.equal(spansIntersect(range(20, 20), d.range), true);
    assert.equal(spansIntersect(range(21, 21), d.range), false);
    assert.deepEqual(diagnosticsAt([d], { startOffset: 5, endOffset: 10 }), [d]);
    assert.deepEqual(diagnosticsAt([d], { startOffset: 0, endOffset: 9 }), []);
  });

  it('finds the call a model switch applies to: the innermost one around the cursor whose model is written here', async () => {
    const result = await auditSource(SUPPORT_BOT);
    const inside = offsetOf(SUPPORT_BOT, 'max_tokens=300');
    assert.equal(switchableCallAt(result.calls, { startOffset: inside, endOffset: inside })?.index, 0);
    const outside = offsetOf(SUPPORT_BOT, 'def answer');
    assert.equal(switchableCallAt(result.calls, { startOffset: outside, endOffset: outside }), null);
    // A selection that leaves the call is not "in" it.
    assert.equal(switchableCallAt(result.calls, { startOffset: outside, endOffset: inside }), null);
    const unknown = await auditSource(UNKNOWN_MODEL);
    const at = offsetOf(UNKNOWN_MODEL, 'Summarize');
    assert.equal(switchableCallAt(unknown.calls, { startOffset: at, endOffset: at }), null, 'an unpriced model has no cheaper alternative');
    const parameter = 'from openai import OpenAI\nclient = OpenAI()\ndef ask(model):\n    return client.chat.completions.create(model=model, messages=[{"role": "user", "content": "Hi"}])\n';
    const p = await auditSource(parameter);
    const atHi = offsetOf(parameter, 'Hi');
    assert.equal(switchableCallAt(p.calls, { startOffset: atHi, endOffset: atHi }), null, 'a model from a parameter cannot be rewritten here');
  });
});
