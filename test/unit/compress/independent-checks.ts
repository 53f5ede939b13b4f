// Checks independent of src/engine/compress: what a reader would verify by hand on a compressed prompt.
import { strict as assert } from 'node:assert';

const PLACEHOLDER = /\{\{[^{}\n]+\}\}|\{[A-Za-z_][\w.]*\}|<\/?[A-Za-z][\w-]*>/g;
const URL_OR_MAIL = /https?:\/\/[^\s)"'`]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const NUMBER = /\d+(?:[.,:~-]\d+)*%?/g;
const CODE = /```[\s\S]*?```|`[^`\n]+`/g;
const QUOTED = /"[^"\n]{1,200}"|“[^”\n]{1,200}”/g;
const EN_NEGATION = /\b(?:not|never|no|nor|none|nothing|without|cannot|only|unless|except|avoid)\b|n't\b/gi;
/** Korean negations in every form a rewrite may give them (하지 마세요 / banmal 하지 마. -> 금지; 말고 stays 말고). */
const KO_NEGATION = /않|못|없|아니|아닌|금지|절대|불가|제외|(?<![가-힣])안(?=[ \t])|마(?=세요|십시오|시오|시기|시고|시며|라)|(?<=지[ \t]?)마(?=[.!?]|[ \t]*(?:\n|$))|말(?=아|고|[ \t]*것)/g;
/** Headings and numbered items: their sequence is the prompt's skeleton. */
const SKELETON = /^[ \t]*(?:#{1,6}(?=[ \t])|\d{1,3}[.)](?=[ \t]))/gm;

function all(re: RegExp, text: string): string[] {
  return [...text.matchAll(re)].map((m) => m[0]);
}

export function negations(text: string): number {
  return all(EN_NEGATION, text).length + all(KO_NEGATION, text).length;
}

/** Every item of `before` found in `after`, in the same order. */
export function inOrder(items: readonly string[], after: string): string | null {
  let from = 0;
  for (const item of items) {
    const at = after.indexOf(item, from);
    if (at < 0) return item;
    from = at + item.length;
  }
  return null;
}

export function assertKeeps(before: string, after: string): void {
  for (const [what, re] of [
    ['placeholder', PLACEHOLDER],
    ['URL or e-mail', URL_OR_MAIL],
    ['number', NUMBER],
    ['code', CODE],
    ['quoted string', QUOTED],
  ] as const) {
    const missing = inOrder(all(re, before), after);
    assert.equal(missing, null, `${what} ${JSON.stringify(missing)} is kept, in order`);
  }
  assert.equal(negations(after), negations(before), 'every negation is kept');
  assert.deepEqual(all(SKELETON, after), all(SKELETON, before), 'headings and numbered items are kept');
  assert.equal(after.split('\n').length <= before.split('\n').length, true, 'no line is added');
}
