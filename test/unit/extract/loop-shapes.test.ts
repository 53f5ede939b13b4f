// Loops over data written without a for statement (map(lambda), comprehensions, gather, callbacks, for await), and
// calls made by a same-file function that is called inside a loop (reported with the loop and `via`).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { callAfter, extractText, lineOf, load, source, type Fixture } from './helpers';

/** kind, loop's first line (1-based), and via as `name@line` (1-based), for a compact comparison. */
function loopOf(f: Fixture, header: string): [string, number, string | null] | null {
  const loop = callAfter(f, header).loop;
  if (!loop) return null;
  return [loop.kind, loop.range.start.line + 1, loop.via ? `${loop.via.name}@${loop.via.range.start.line + 1}` : null];
}

describe('extract: loop shapes', () => {
  describe('Python', () => {
    let f: Fixture;
    before(async () => {
      f = await load('python/loop_shapes.py');
    });
    const at = (needle: string) => lineOf(f.src, needle) + 1;

    it('map(lambda ...) and pool.map(lambda ...) are loops over the items', () => {
      assert.deepEqual(loopOf(f, 'def mapped'), ['map', at('return list(map(lambda t'), null]);
      assert.deepEqual(loopOf(f, 'def pooled'), ['map', at('return list(pool.map('), null]);
    });

    it('dict and set comprehensions and generator expressions', () => {
      assert.deepEqual(loopOf(f, 'def by_key'), ['comprehension', at('return {t: client'), null]);
      assert.deepEqual(loopOf(f, 'def unique'), ['comprehension', at('return {client'), null]);
      assert.deepEqual(loopOf(f, 'def lazily'), ['comprehension', at('return (client'), null]);
    });

    it('asyncio.gather(*[ask(q) for q in questions]): the helper that makes the request runs per item', () => {
      const loop = callAfter(f, 'async def ask(').loop!;
      assert.equal(loop.kind, 'gather');
      assert.equal(source(f, loop.range), '[ask(q) for q in questions]');
      assert.equal(loop.via?.name, 'ask');
      assert.equal(source(f, loop.via!.range), 'ask(q)');
    });

    it('a helper called from a helper called in a for loop (two levels): the loop, via the outer helper', () => {
      const loop = callAfter(f, 'def summarize(').loop!;
      assert.equal(loop.kind, 'for');
      assert.ok(source(f, loop.range).startsWith('for doc in docs:'));
      assert.equal(loop.via?.name, 'summarize_with_title');
      assert.equal(source(f, loop.via!.range), 'summarize_with_title(doc)');
    });

    it('a function passed by name to executor.map / map runs once per item', () => {
      assert.deepEqual(loopOf(f, 'def classify('), ['map', at('return list(ex.map(classify'), `classify@${at('return list(ex.map(classify')}`]);
      assert.deepEqual(loopOf(f, 'def describe('), ['map', at('return list(map(describe'), `describe@${at('return list(map(describe')}`]);
    });

    it('a helper called outside loops, or in a retry loop, is in no loop', () => {
      assert.equal(callAfter(f, 'def once(').loop, null);
    });
  });

  describe('TypeScript', () => {
    let f: Fixture;
    before(async () => {
      f = await load('ts/loop_shapes.ts');
    });
    const at = (needle: string) => lineOf(f.src, needle) + 1;

    it('Promise.all(xs.map(async ...)), forEach callbacks and for await', () => {
      assert.deepEqual(loopOf(f, 'function tagAll'), ['gather', at('return Promise.all(titles.map('), null]);
      assert.deepEqual(loopOf(f, 'function logAll'), ['forEach', at('titles.forEach('), null]);
      assert.deepEqual(loopOf(f, 'function streamAll'), ['for', at('for await (const t of titles)'), null]);
    });

    it('Promise.all(reviews.map(rate)): a function passed by name', () => {
      const loop = callAfter(f, 'async function rate(').loop!;
      assert.equal(loop.kind, 'gather');
      assert.equal(source(f, loop.range), 'reviews.map(rate)');
      assert.equal(loop.via?.name, 'rate');
    });

    it('an arrow helper called from a helper called in a for...of loop (two levels)', () => {
      const loop = callAfter(f, 'const headline =').loop!;
      assert.equal(loop.kind, 'for');
      assert.equal(loop.range.start.line + 1, at('for (const story of stories)'));
      assert.equal(loop.via?.name, 'headlineWithCheck');
      assert.equal(source(f, loop.via!.range), 'headlineWithCheck(story)');
    });

    it('a method called as this.check(t) in a loop of another method', () => {
      assert.deepEqual(loopOf(f, 'async check('), ['for', at('for (const t of texts)'), `check@${at('await this.check(t)')}`]);
    });

    it('a function nobody calls in a loop is in no loop', () => {
      assert.equal(callAfter(f, 'function welcome(').loop, null);
    });
  });

  it('examples/classify_tickets.ts: classifyTicket runs once per ticket in classifyBacklog', async () => {
    const src = readFileSync(join(__dirname, '..', '..', '..', 'examples', 'classify_tickets.ts'), 'utf8');
    const f = await extractText(src, 'typescript');
    const loop = f.result.calls[0].loop!;
    assert.equal(loop.kind, 'for');
    assert.ok(source(f, loop.range).startsWith('for (const ticket of tickets)'));
    assert.equal(source(f, loop.via!.range), 'classifyTicket(ticket)');
  });
});
