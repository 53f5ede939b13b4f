// The readers rules rely on: task kinds, few-shot examples, writing systems, dynamic prefixes, cache facts, ids.
import { strict as assert } from 'node:assert';
import type { AuditedPrompt } from '../../../src/engine/model';
import { cacheHitShare, minCacheableTokens } from '../../../src/engine/rules/cache';
import { dynamicLayout } from '../../../src/engine/rules/dynamic';
import { messageExamples, textExamples } from '../../../src/engine/rules/examples';
import { SourceText } from '../../../src/engine/rules/source';
import { dominantScript } from '../../../src/engine/rules/scripts';
import { shortTaskOf } from '../../../src/engine/rules/tasks';
import { closestModels } from '../../../src/engine/rules/unknown-model';

const prompt = (role: AuditedPrompt['role'], text: string, templated = false): AuditedPrompt =>
  ({ role, text, templated, literals: [], range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 }, startOffset: 0, endOffset: 0 }, tokens: { tokens: 5, accuracy: 'exact', tokenizer: 'o200k_base', lowerBound: templated } });

describe('rule readers', () => {
  it('short tasks: classification, one word, one extracted field (EN and KO); long answers never', () => {
    const kind = (text: string) => shortTaskOf({ prompts: [prompt('system', text)] })?.kind ?? null;
    assert.equal(kind('Classify the ticket into billing, shipping or returns.'), 'classification');
    assert.equal(kind('What is the sentiment? Answer with only the label.'), 'one-word');
    assert.equal(kind('Is this email spam? Answer yes or no.'), 'one-word');
    assert.equal(kind('Extract the order number from the email.'), 'extraction');
    assert.equal(kind('리뷰를 긍정 또는 부정으로 분류하세요.'), 'classification');
    assert.equal(kind('정답을 한 단어로 답하세요.'), 'one-word');
    assert.equal(kind('Classify the ticket and explain your reasoning step by step.'), null);
    assert.equal(kind('리뷰를 분류하고 그 이유를 설명하세요.'), null);
    assert.equal(kind('You are a friendly travel agent.'), null);
    // A long-output word the prompt rules out does not make the answer long.
    assert.equal(kind('You are a ticket classifier. Answer with exactly one word, the queue name. Do not explain your answer.'), 'one-word');
    assert.equal(kind('리뷰를 긍정 또는 부정으로 분류하세요. 설명 없이 라벨만 출력하세요.'), 'one-word');
  });

  it('few-shot examples in text: numbered headings, tags, label pairs, arrows; the query is not an example', () => {
    const numbered = Array.from({ length: 6 }, (_, i) => `Example ${i + 1}\nText: t${i}\nLabel: l${i}`).join('\n\n');
    assert.equal(textExamples(numbered)?.count, 6);
    assert.equal(textExamples(Array.from({ length: 7 }, (_, i) => `<example>\nQ: q${i}\nA: a${i}\n</example>`).join('\n'))?.count, 7);
    assert.equal(textExamples('Q: one\nA: 1\nQ: two\nA: 2\nQ: three\nA: 3\nQ: {question}\nA:')?.count, 3);
    assert.equal(textExamples('예시 1\n질문: 환불?\n답변: 환불\n\n예시 2\n질문: 배송?\n답변: 배송')?.count, 2);
    assert.equal(textExamples('"great" -> positive\n"awful" -> negative\n"fine" -> neutral')?.count, 3);
    assert.equal(textExamples('Role: support agent\nTone: friendly\nFormat: plain text'), null);
    assert.equal(textExamples('Name: {name}\nEmail: {email}\nPlan: Pro'), null);
  });

  it('few-shot examples as chat turns: fixed assistant answers count, history built at run time does not', () => {
    const turns = [prompt('system', 'Label'), prompt('user', 'a'), prompt('assistant', 'x'), prompt('user', 'b'), prompt('assistant', 'y'), prompt('user', '{q}', true)];
    assert.equal(messageExamples(turns).count, 2);
    assert.equal(messageExamples([prompt('user', 'a'), prompt('assistant', '{answer}', true), prompt('user', 'b')]).count, 0);
  });

  it('writing systems: Korean, Japanese (kana with kanji), Chinese, Cyrillic, and English with Korean terms', () => {
    assert.equal(dominantScript('당신은 고객 상담원입니다. 정중하게 답하세요.')?.language, 'ko');
    assert.equal(dominantScript('あなたはサポート担当者です。丁寧に答えてください。')?.language, 'ja');
    assert.equal(dominantScript('你是客服。请礼貌回答。')?.language, 'zh');
    assert.equal(dominantScript('Ты помощник службы поддержки.')?.language, 'cyrillic');
    const mixed = dominantScript('Answer questions about orders (주문) and refunds (환불) politely.')!;
    assert.ok(mixed.nonLatinShare < 0.5);
    assert.equal(dominantScript('1234 {} ()'), null);
  });

  it('dynamic layout: where a prompt stops being static, from its literals', () => {
    const py = 'x = f"Today is {day}. Rules follow."';
    const src = new SourceText(py, 'python');
    const lit = { range: src.range(4, py.length) };
    const layout = dynamicLayout(src, { text: 'Today is {day}. Rules follow.', templated: true, literals: [lit] })!;
    assert.equal(layout.firstDynamic, 'Today is '.length);
    assert.deepEqual(layout.spans, [[9, 14]]);
    const format = 'x = "Hello {name}, welcome."';
    const src2 = new SourceText(format, 'python');
    const l2 = dynamicLayout(src2, { text: 'Hello {name}, welcome.', templated: true, literals: [{ range: src2.range(4, format.length) }] })!;
    assert.equal(l2.firstDynamic, 6, '.format placeholders in a templated prompt are dynamic');
    assert.equal(dynamicLayout(src2, { text: 'Hello {name}, welcome.', templated: false, literals: [] })!.firstDynamic, null);
  });

  it('cache facts: minimum cacheable sizes per model and the hit share at a volume', () => {
    assert.equal(minCacheableTokens('claude-3-5-sonnet-20241022', 'anthropic'), 1024);
    assert.equal(minCacheableTokens('claude-3-5-haiku-latest', 'anthropic'), 2048);
    assert.equal(minCacheableTokens('claude-haiku-4-5', 'anthropic'), 4096);
    assert.equal(minCacheableTokens('claude-opus-4-5', 'anthropic'), 4096);
    assert.equal(minCacheableTokens('gpt-4o', 'openai'), 1024);
    assert.ok(Math.abs(cacheHitShare(1000, 300) - 0.9690) < 1e-3);
    assert.ok(cacheHitShare(20, 300) < 0.07);
    assert.equal(cacheHitShare(0, 300), 0);
  });

  it('closest known ids for a typo', () => {
    assert.equal(closestModels('gpt-4o-minii')[0], 'gpt-4o-mini');
    assert.equal(closestModels('claude-3-5-sonet-latest')[0], 'claude-3-5-sonnet');
    assert.equal(closestModels('gemini-1.5-flsh')[0], 'gemini-1.5-flash');
  });
});
