import { strict as assert } from 'node:assert';
import type { LanguageId } from '../../../src/engine/model';
import { compressLiteral, compressLiterals, parseLiteral } from '../../../src/engine/compress';
import { literalText } from '../../../src/engine/compress/literal';
import { encodePythonChar } from '../../../src/engine/compress/literal/python';
import { countO200k } from './helpers';

const options = { countTokens: countO200k };

/** [language, literal source, expected new source]. */
const REWRITES: ReadonlyArray<readonly [LanguageId, string, string]> = [
  // Python: escapes as written where the text did not change.
  ['python', String.raw`"You are a very helpful assistant. Please answer the user\'s question in order to help them.\nDo not lie."`, String.raw`"You are a helpful assistant. Answer the user\'s question to help them.\nDo not lie."`],
  ['python', String.raw`'Please write caf\u00e9 and \x41\t in order to match.'`, String.raw`'Write caf\u00e9 and \x41 to match.'`],
  ['python', String.raw`"Please note the \q escape in order to see."`, String.raw`"Note the \q escape to see."`],
  ['python', String.raw`"Please be very brief \N{EM DASH} and clear."`, String.raw`"Be brief \N{EM DASH} and clear."`],
  ['python', '"Please be very \\\nbrief."', '"Be \\\nbrief."'],
  // Triple quotes, dedent-style indentation kept.
  ['python', '"""\n    You are a highly knowledgeable assistant.\n    Please be very concise.\n    """', '"""\n    You are an assistant.\n    Be concise.\n    """'],
  ['python', "'''Please be very brief.\r\nDo not guess.\r\n'''", "'''Be brief.\r\nDo not guess.\r\n'''"],
  // Raw and bytes literals stay raw / bytes.
  ['python', String.raw`r'Please match \d+ digits in order to parse.'`, String.raw`r'Match \d+ digits to parse.'`],
  ['python', 'rb"Please be very brief."', 'rb"Be brief."'],
  ['python', 'BR"Please be very brief."', 'BR"Be brief."'],
  // f-strings: fields untouched, literal braces stay doubled.
  ['python', 'f"Please summarize {doc!r} in order to help {{user}}. Thank you!"', 'f"Summarize {doc!r} to help {{user}}."'],
  ['python', `f"Please greet {user['name']:>{width}} in order to be very polite."`, `f"Greet {user['name']:>{width}} to be polite."`],
  ['python', String.raw`f"Return {{\"a\": 1}} please in order to parse {x}."`, String.raw`f"Return {{\"a\": 1}} to parse {x}."`],
  ['python', 'rf"Please match {pattern} and \\d in order to parse."', 'rf"Match {pattern} and \\d to parse."'],
  // Korean.
  ['python', String.raw`"당신은 고객 상담원입니다.\n개인정보를 공유하지 마세요."`, String.raw`"역할: 고객 상담원\n개인정보 공유 금지."`],
  // JS / TS strings.
  ['typescript', String.raw`'Please be very brief and don\'t guess.'`, String.raw`'Be brief and don\'t guess.'`],
  ['javascript', String.raw`"Please say \"hi\" in order to start.\u{1F600}"`, String.raw`"Say \"hi\" to start.\u{1F600}"`],
  ['typescript', "'Please be very \\\nbrief.'", "'Be \\\nbrief.'"],
  // Template literals: ${} untouched, escaped backticks and \${ kept.
  ['typescript', '`Please summarize ${doc.title} in order to help. Use \\`code\\` and \\${notAField}.`', '`Summarize ${doc.title} to help. Use \\`code\\` and \\${notAField}.`'],
  ['typescript', '`Please be very brief about ${items.map((i) => `${i.name}}`).join("}")}.`', '`Be brief about ${items.map((i) => `${i.name}}`).join("}")}.`'],
  ['typescriptreact', '`\n  You are a highly skilled assistant.\n  Please be very brief.\n`', '`\n  You are an assistant.\n  Be brief.\n`'],
  ['javascript', '`당신은 ${company}의 상담원입니다.\n답변을 제공해 주세요.`', '`역할: ${company}의 상담원\n답변 제공.`'],
];

describe('compress: literals', () => {
  for (const [language, source, expected] of REWRITES) {
    it(`rewrites ${language} ${source.slice(0, 50).replace(/\n/g, '\\n')}`, () => {
      const result = compressLiteral(source, language, options);
      assert.ok(result, 'expected a rewrite');
      assert.equal(result.newSource, expected);
      // The new source parses back to exactly the compressed text, interpolations included.
      const reparsed = parseLiteral(result.newSource, language);
      assert.ok(reparsed);
      assert.equal(literalText(reparsed), result.textAfter);
      assert.equal(result.textBefore, literalText(parseLiteral(source, language)!));
      assert.ok(result.tokensAfter < result.tokensBefore);
      assert.equal(result.tokensBefore, countO200k(result.textBefore));
    });
  }

  it('decodes what it parses (escapes, doubled braces, interpolations as written)', () => {
    const cases: Array<[LanguageId, string, string]> = [
      ['python', String.raw`"a\tb\\c\"d\x41\u00e9\101"`, 'a\tb\\c"dAéA'],
      ['python', String.raw`r"a\tb\"c"`, 'a\\tb\\"c'],
      ['python', 'f"{{x}} {y!r} {z:{w}}"', '{x} {y!r} {z:{w}}'],
      ['python', String.raw`b"\u00e9"`, '\\u00e9'],
      ['typescript', String.raw`'a\tb\\c\'d\x41\u00e9\u{1F600}\d'`, "a\tb\\c'dAé\u{1F600}d"],
      ['typescript', '`a ${b} \\${c} \\` \r\nd`', 'a ${b} ${c} ` \nd'],
    ];
    for (const [language, source, text] of cases) {
      const lit = parseLiteral(source, language);
      assert.ok(lit, source);
      assert.equal(literalText(lit), text, source);
    }
  });

  it('rejects what is not a string literal it can rewrite', () => {
    for (const [language, source] of [
      ['python', 'name'],
      ['python', '"unterminated'],
      ['python', "'line\nbreak'"],
      ['python', 'f"{unclosed"'],
      ['python', 'f"single } brace"'],
      ['python', 'ub"bad prefix"'],
      ['typescript', '`${never closed`'],
      ['typescript', "'a\nb'"],
      ['typescript', 'x'],
    ] as Array<[LanguageId, string]>) {
      assert.equal(parseLiteral(source, language), null, source);
      assert.equal(compressLiteral(source, language, options), null, source);
    }
  });

  it('offers nothing for a literal that is already tight', () => {
    assert.equal(compressLiteral('"Answer in JSON."', 'python', options), null);
    assert.equal(compressLiteral("'역할: 상담원'", 'typescript', options), null);
    assert.equal(compressLiteral('f"Answer about {topic}."', 'python', options), null);
  });

  it('cannot write a quote or a line break into a single-quoted raw string (so such a rewrite is never offered)', () => {
    const lit = parseLiteral("r'x'", 'python')!;
    assert.equal(encodePythonChar("'", lit), null);
    assert.equal(encodePythonChar('\n', lit), null);
    assert.equal(encodePythonChar('a', lit), 'a');
  });
});

describe('compress: prompts made of several literals', () => {
  it('compresses each literal on its own and totals the whole prompt', () => {
    const sources = ['"You are a very "', '"helpful assistant. "', '"Please answer briefly."'];
    const result = compressLiterals(sources, 'python', options)!;
    assert.equal(result.literals[0], null);
    assert.equal(result.literals[1], null);
    assert.equal(result.literals[2]!.newSource, '"Answer briefly."');
    assert.equal(result.textBefore, 'You are a very helpful assistant. Please answer briefly.');
    assert.equal(result.textAfter, 'You are a very helpful assistant. Answer briefly.');
    assert.equal(result.tokensBefore, countO200k(result.textBefore));
    assert.equal(result.tokensAfter, countO200k(result.textAfter));
  });

  it('does not capitalise a literal that continues a sentence, and keeps the spaces that join literals', () => {
    const result = compressLiterals(['"Answer the question and "', '"please be very brief. "', '"Thank you! "'], 'typescript', options)!;
    assert.equal(result.literals[1]!.newSource, '"be brief. "');
    assert.equal(result.textAfter.startsWith('Answer the question and be brief. '), true);
    assert.equal(result.literals[0], null);
  });

  it('returns null when no literal gets shorter', () => {
    assert.equal(compressLiterals(['"Answer "', '"in JSON."'], 'python', options), null);
  });
});
