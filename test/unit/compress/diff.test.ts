import { strict as assert } from 'node:assert';
import { unifiedDiff } from '../../../src/engine/compress';
import { matchSequences } from '../../../src/engine/compress/diff';
import { pick, prng } from './prng';

function lcsLength(a: readonly string[], b: readonly string[]): number {
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) dp[i][j] = a[i - 1] === b[j - 1] ? dp[i - 1][j - 1] + 1 : Math.max(dp[i - 1][j], dp[i][j - 1]);
  }
  return dp[a.length][b.length];
}

describe('compress: diff', () => {
  it('matches a longest common subsequence, in order (checked against dynamic programming)', () => {
    const random = prng(7);
    for (let round = 0; round < 300; round++) {
      const a = Array.from({ length: Math.floor(random() * 30) }, () => pick(random, ['a', 'b', 'c', 'd']));
      const b = Array.from({ length: Math.floor(random() * 30) }, () => pick(random, ['a', 'b', 'c', 'd']));
      const matches = matchSequences(a, b);
      let last = -1;
      let count = 0;
      matches.forEach((i, j) => {
        if (i < 0) return;
        assert.equal(a[i], b[j]);
        assert.ok(i > last, 'matches must increase');
        last = i;
        count++;
      });
      assert.equal(count, lcsLength(a, b), `${a.join('')} / ${b.join('')}`);
    }
  });

  it('prints nothing for equal texts', () => {
    assert.equal(unifiedDiff('same\ntext', 'same\ntext'), '');
  });

  it('prints a unified diff, removed lines before added ones', () => {
    assert.equal(
      unifiedDiff('a\nb\nc', 'a\nB\nc'),
      ['--- before', '+++ after', '@@ -1,3 +1,3 @@', ' a', '-b', '+B', ' c', ''].join('\n'),
    );
  });

  it('splits far-apart changes into hunks with the requested context', () => {
    const before = Array.from({ length: 12 }, (_, i) => `line ${i + 1}`).join('\n');
    const after = before.replace('line 2', 'LINE 2').replace('line 11', 'LINE 11');
    assert.equal(
      unifiedDiff(before, after, { context: 1, fromLabel: 'prompt', toLabel: 'compressed' }),
      [
        '--- prompt',
        '+++ compressed',
        '@@ -1,3 +1,3 @@',
        ' line 1',
        '-line 2',
        '+LINE 2',
        ' line 3',
        '@@ -10,3 +10,3 @@',
        ' line 10',
        '-line 11',
        '+LINE 11',
        ' line 12',
        '',
      ].join('\n'),
    );
  });

  it('numbers pure insertions and deletions', () => {
    assert.equal(unifiedDiff('a\nc', 'a\nb\nc', { context: 0 }), ['--- before', '+++ after', '@@ -1,0 +2,1 @@', '+b', ''].join('\n'));
    assert.equal(unifiedDiff('a\nb\nc', 'a\nc', { context: 0 }), ['--- before', '+++ after', '@@ -2,1 +1,0 @@', '-b', ''].join('\n'));
  });
});
