import { strict as assert } from 'node:assert';
import { compressPrompt } from '../../../src/engine/compress';
import { applyRule, ruleContext } from '../../../src/engine/compress/guard';
import { checkInvariants } from '../../../src/engine/compress/invariants';
import { findProtectedSpans, maskText, unmaskText, type ProtectedKind } from '../../../src/engine/compress/mask';
import { countNegations, negationsOf } from '../../../src/engine/compress/negation';
import type { CompressRule } from '../../../src/engine/compress/types';
import { countO200k } from './helpers';

function protectedValues(text: string, kind?: ProtectedKind): string[] {
  return findProtectedSpans(text)
    .filter((s) => !kind || s.kind === kind)
    .map((s) => text.slice(s.start, s.end));
}

describe('compress: protected spans', () => {
  const cases: Array<[ProtectedKind, string, string[]]> = [
    ['placeholder', 'Hi {name}, see {{doc}} and ${user.id} or $1 and %(count)s, %s in <context>.</context>', ['{name}', '{{doc}}', '${user.id}', '$1', '%(count)s', '%s', '<context>', '</context>']],
    ['placeholder', 'Stop at <|endoftext|> and {% if x %}.', ['<|endoftext|>', '{% if x %}']],
    ['code', 'Run `npm test` then:\n```py\nprint("please")\n```\nDone.', ['`npm test`', '```py\nprint("please")\n```']],
    ['url', 'See https://acme.com/refunds. Mail help@acme.com or www.acme.com/faq!', ['https://acme.com/refunds', 'help@acme.com', 'www.acme.com/faq']],
    ['quote', 'Say "I cannot help" or \'no\' or “maybe” — don\'t say it\'s fine.', ['"I cannot help"', "'no'", '“maybe”']],
    ['latex', 'Solve $x^2 + 1 = 0$ and $$\\frac{a}{b}$$ with \\alpha.', ['$x^2 + 1 = 0$', '$$\\frac{a}{b}$$', '\\alpha']],
    ['number', 'Within 30 days, 5-7 items, 3~5분, on 2024-01-05 at 10:30, 99.5% or 1,000.', ['30', '5-7', '3~5', '2024-01-05', '10:30', '99.5%', '1,000']],
    ['identifier', 'Ask ACME about ORD-123456 in PostgreSQL via gpt-4o and user_id, json.loads.', ['ACME', 'ORD-123456', 'PostgreSQL', 'gpt-4o', 'user_id', 'json.loads']],
    ['name', 'You work for Acme Store in Seoul. Reply in English.', ['Acme', 'Store', 'Seoul', 'English']],
  ];
  for (const [kind, text, expected] of cases) {
    it(`finds ${kind} spans in ${JSON.stringify(text.slice(0, 40))}`, () => {
      assert.deepEqual(protectedValues(text, kind), expected);
    });
  }

  it('keeps Korean endings out of protected numbers and identifiers ("9시까지입니다" protects only 9)', () => {
    assert.deepEqual(protectedValues('오전 9시까지입니다. JSON으로 답하세요.'), ['9', 'JSON']);
  });

  it('does not protect ordinary words, contractions or a capital at a sentence start', () => {
    assert.deepEqual(protectedValues("Please don't guess. Answer the user's question.\n- Always cite."), []);
  });

  it('masks and unmasks byte for byte', () => {
    for (const text of [
      'Hi {name}! ```\ncode {x}\n``` and `y` at https://x.io/a?b=1 (ORD-1) 3~5 "quoted" 당신은 $1 상담원입니다.',
      '',
      'plain text only',
      '{{a}}{b}${c}<d></d>',
    ]) {
      const masked = maskText(text)!;
      assert.equal(unmaskText(masked.text, masked.values), text);
      assert.equal(masked.text.length <= text.length, true);
    }
  });

  it('refuses to mask text that already holds private-use characters', () => {
    assert.equal(maskText('a \uE000 b'), null);
    assert.equal(compressPrompt('Please be very brief \uE001 now.', { countTokens: countO200k }), null);
  });
});

describe('compress: negations', () => {
  it('counts English negations, prohibitions and restrictions', () => {
    assert.deepEqual(negationsOf("Do not guess, never lie, don't share; only JSON, no markdown, without notes unless asked."), [
      'not', 'never', "n't", 'only', 'no', 'without', 'unless',
    ]);
  });

  it('counts Korean negations: 않, 말/마 prohibitions, 금지, 절대, 없, 못, standalone 안', () => {
    assert.deepEqual(negationsOf('공유하지 마세요. 추측하지 말아 주세요. 절대 금지. 쓰지 않습니다. 정보 없이 못 합니다. 안 됩니다. 하지 마.'), [
      '마', '말', '절대', '금지', '않', '없', '못', '안', '마',
    ]);
  });

  it('does not count words that only look like one (말씀, 존댓말을, 마지막, 안내)', () => {
    assert.equal(countNegations('말씀해 주세요. 존댓말을 쓰세요. 마지막으로 안내하세요.'), 0);
  });
});

describe('compress: invariant checker', () => {
  const base = 'You are an agent for {company}.\n- Never share the key.\n- Reply within 24 hours at https://x.io.\n## Tone\nBe brief.';

  it('accepts an unchanged text and a whitespace-only change', () => {
    assert.deepEqual(checkInvariants(base, base), []);
    assert.deepEqual(checkInvariants(base, base.replace('Be brief.', 'Be   brief.')), []);
  });

  const breaks: Array<[string, string, string]> = [
    ['a placeholder is dropped', base.replace(' for {company}', ''), 'protected'],
    ['placeholders swap order', 'Use {a} then {b}.', 'protected'],
    ['a URL is changed', base.replace('https://x.io', 'https://y.io'), 'protected'],
    ['a number is changed', base.replace('24', '48'), 'protected'],
    ['a negation is dropped', base.replace('Never share', 'Share'), 'negation'],
    ['a Korean prohibition is dropped', '개인정보를 공유하지 마세요.', 'negation'],
    ['a heading is removed', base.replace('## Tone\n', 'Tone\n'), 'structure'],
    ['two lines are merged', base.replace('key.\n- Reply', 'key. Reply'), 'structure'],
    ['the language changes', '모든 답변은 한국어로 작성하고 존댓말을 사용하세요.', 'language'],
  ];
  const afters: Record<string, string> = {
    'placeholders swap order': 'Use {b} then {a}.',
    'a Korean prohibition is dropped': '개인정보를 공유하세요.',
    'the language changes': 'Write every answer politely.',
  };
  for (const [what, changed, invariant] of breaks) {
    it(`reports it when ${what}`, () => {
      const [before, after] = afters[what] ? [changed, afters[what]] : [base, changed];
      const found = checkInvariants(before, after).map((v) => v.invariant);
      assert.ok(found.includes(invariant as never), `${what}: got ${JSON.stringify(found)}`);
    });
  }

  it('treats a bilingual prompt as the same language when English padding goes, not when a language disappears', () => {
    const before = 'You are a highly sophisticated assistant.\n당신은 상담원입니다.';
    assert.deepEqual(checkInvariants(before, 'You are an assistant.\n당신은 상담원입니다.'), []);
    assert.deepEqual(checkInvariants(before, 'You are an assistant.').map((v) => v.invariant), ['language']);
    const r = compressPrompt(`${before}\nPlease answer in order to help.`, { countTokens: countO200k })!;
    assert.equal(r.text, 'You are an assistant.\n역할: 상담원\nAnswer to help.');
  });

  it('lets an exact repeat of a kept sentence go (its negation and protected spans live on in the first)', () => {
    const before = 'Never share ORD-1. Be brief.\nRemember: never share ORD-1.';
    assert.deepEqual(checkInvariants(before, 'Never share ORD-1. Be brief.'), []);
  });
});

describe('compress: guard', () => {
  const dropNot: CompressRule = {
    id: 'test-drop-not',
    language: 'en',
    description: 'test rule that deletes "not " (must be refused)',
    example: { before: '', after: '' },
    apply: (text) => text.replace(/not /g, ''),
  };
  const dropVery: CompressRule = {
    id: 'test-drop-very-and-not',
    language: 'en',
    description: 'test rule that deletes "very " everywhere and "not " on the last line',
    example: { before: '', after: '' },
    apply: (text) => {
      const lines = text.replace(/very /g, '').split('\n');
      lines[lines.length - 1] = lines[lines.length - 1].replace(/not /g, '');
      return lines.join('\n');
    },
  };

  it('refuses a whole rewrite that drops a negation and keeps the text as it was', () => {
    const text = 'Do not guess.';
    const outcome = applyRule(dropNot, text, []);
    assert.equal(outcome.text, text);
    assert.equal(outcome.applied, false);
    assert.equal(outcome.refused?.invariant, 'negation');
  });

  it('keeps the lines of a refused rewrite that pass on their own', () => {
    const outcome = applyRule(dropVery, 'Be very brief.\nDo not be very slow.', []);
    assert.equal(outcome.text, 'Be brief.\nDo not be very slow.');
    assert.equal(outcome.applied, true);
    assert.equal(outcome.refused?.invariant, 'negation');
  });

  it('keeps a match as written when its replacement would lose a mask or a negation', () => {
    const ctx = ruleContext(['{x}'], dropNot);
    assert.equal(ctx.replace('a \uE000 b', /a \uE000 /g, ''), 'a \uE000 b');
    assert.equal(ctx.replace('never do it; always do it', /\b(?:never|always) /g, ''), 'never do it; do it');
  });

  it('capitalises the next word when a capitalised opening is removed', () => {
    const ctx = ruleContext([], dropNot);
    assert.equal(ctx.replace('Please answer now.', /please /gi, ''), 'Answer now.');
    assert.equal(ctx.replace('Note: please answer now.', /please /gi, ''), 'Note: answer now.');
  });
});

describe('compress: results', () => {
  it('offers nothing when the text is already tight (null, so the source stays byte-identical)', () => {
    for (const text of ['Answer in JSON.', '역할: 고객 상담원', '', '```\nplease be very polite\n```']) {
      assert.equal(compressPrompt(text, { countTokens: countO200k }), null, JSON.stringify(text));
    }
  });

  it('offers nothing unless the result is strictly fewer tokens', () => {
    const text = 'Please be very brief.';
    assert.ok(compressPrompt(text, { countTokens: countO200k }));
    assert.equal(compressPrompt(text, { countTokens: () => 7 }), null);
  });

  it('reports the rules it applied, in order, and the counts it used', () => {
    const r = compressPrompt('Please be very brief. You should answer in order to help.', { countTokens: countO200k })!;
    assert.equal(r.text, 'Be brief. Answer to help.');
    assert.deepEqual(r.applied, ['en-politeness', 'en-instruction-preamble', 'en-wordy-phrases', 'en-intensifiers']);
    assert.equal(r.tokensBefore, countO200k('Please be very brief. You should answer in order to help.'));
    assert.equal(r.tokensAfter, countO200k(r.text));
  });

  it('can switch rules off', () => {
    const r = compressPrompt('Please be very brief.', { countTokens: countO200k, disabledRules: ['en-intensifiers'] })!;
    assert.equal(r.text, 'Be very brief.');
  });

  it('changes only what the rules touch: the rest of the text comes back byte for byte', () => {
    const tail = '\n\n```json\n{"a":  1,   "b": "please"}\n```\n  - keep   this\tindent  ';
    const r = compressPrompt(`Please be very brief.${tail}`, { countTokens: countO200k })!;
    assert.ok(r.text.startsWith('Be brief.'));
    assert.ok(r.text.includes('```json\n{"a":  1,   "b": "please"}\n```'));
  });
});
