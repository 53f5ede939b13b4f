import { strict as assert } from 'node:assert';
import { checkInvariants, compressPrompt } from '../../../src/engine/compress';
import { pathologicalInputs } from './pathological';

describe('compress: pathological inputs', () => {
  // 30,000 characters each: any quadratic pattern takes seconds here (and minutes at 100 KB), linear ones milliseconds.
  // How long they take is measured by `npm run bench -- compress`; this only checks they finish and stay correct.
  for (const [name, text] of Object.entries(pathologicalInputs(30_000))) {
    it(`finishes on ${name} and keeps the invariants`, function () {
      this.timeout(20_000);
      const result = compressPrompt(text, { countTokens: (t) => t.length });
      if (result) assert.deepEqual(checkInvariants(text, result.text), []);
    });
  }
});
