import { strict as assert } from 'node:assert';
import { extract } from '../../../src/engine/extract';
import { usesDirectHeapAccess } from '../../../src/engine/extract/parser';
import { useDirectHeapAccess, type HeapModule } from '../../../src/engine/extract/wasm-heap';

/** A stand-in for the emscripten module: its own getValue/setValue count what reaches them. */
function fakeModule(): HeapModule & { own: string[] } {
  const own: string[] = [];
  return {
    own,
    HEAP32: new Int32Array(16),
    getValue: (ptr, type) => {
      own.push(`get ${type} ${ptr}`);
      return -1;
    },
    setValue: (ptr, value, type) => void own.push(`set ${type} ${ptr} ${value}`),
  };
}

describe('direct wasm heap access (web-tree-sitter glue)', () => {
  it('reads and writes 32-bit values in the HEAP32 view, other types through the module', () => {
    const mod = fakeModule();
    assert.equal(useDirectHeapAccess(mod, true), true);
    mod.setValue!(8, 42, 'i32');
    assert.equal(mod.HEAP32![2], 42);
    assert.equal(mod.getValue!(8, 'i32'), 42);
    assert.equal(mod.getValue!(8, 'i8'), -1);
    mod.setValue!(4, 1, 'i16');
    assert.deepEqual(mod.own, ['get i8 8', 'set i16 4 1']);
  });

  it('follows the view when wasm memory grows (a new HEAP32)', () => {
    const mod = fakeModule();
    useDirectHeapAccess(mod, true);
    mod.HEAP32 = new Int32Array(32);
    mod.HEAP32[20] = 7;
    assert.equal(mod.getValue!(80, 'i32'), 7);
  });

  it('leaves a big-endian host and a module without the members alone', () => {
    const big = fakeModule();
    const { getValue } = big;
    assert.equal(useDirectHeapAccess(big, false), false);
    assert.equal(big.getValue, getValue);
    assert.equal(useDirectHeapAccess({ getValue: () => 0 }, true), false);
  });

  it('extracts through the real runtime with it in place', async () => {
    const r = await extract('import anthropic\nc = anthropic.Anthropic()\nc.messages.create(model="claude-3-5-haiku-latest", max_tokens=64, system="Be brief.", messages=[{"role": "user", "content": "Hi"}])\n', 'python');
    assert.equal(usesDirectHeapAccess(), true);
    assert.equal(r.calls.length, 1);
    assert.deepEqual(r.calls[0].prompts.map((p) => [p.role, p.text]), [['system', 'Be brief.'], ['user', 'Hi']]);
    assert.equal(r.calls[0].maxTokens?.value, 64);
    assert.equal(r.calls[0].range.start.line, 2);
  });
});
