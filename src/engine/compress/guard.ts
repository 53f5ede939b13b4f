import { countNegations } from './negation';
import { compareMasked, type Violation } from './invariants';
import { LIST_MARKER, MASK_FIRST, isBlank, isMaskChar, isSentenceStart, masksOf } from './text';
import type { CompressRule, RuleContext } from './types';

/** Stands before a text that continues a sentence, so `^` is not a sentence start; never a real mask. */
export const CONTINUATION_SENTINEL = '\uF8FF';

/** Number of line breaks in `s`. */
function breaks(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function expand(template: string, m: RegExpExecArray): string {
  return template.replace(/\$(\d)/g, (_, d: string) => m[Number(d)] ?? '');
}

function capitalizeFirstLetter(s: string): string {
  const i = s.search(/\S/);
  if (i < 0) return s;
  const ch = s[i];
  return ch >= 'a' && ch <= 'z' ? s.slice(0, i) + ch.toUpperCase() + s.slice(i + 1) : s;
}

/**
 * The context one rule runs with. `replace` keeps a match's replacement only when the match and the replacement have
 * the same masks in the same order, the same number of negations and (unless the rule may remove lines) the same line
 * breaks; otherwise that match stays as written.
 */
export function ruleContext(values: readonly string[], rule: CompressRule): RuleContext {
  return {
    isMask: isMaskChar,
    maskValue: (ch) => values[ch.charCodeAt(0) - MASK_FIRST] ?? '',
    replace(text, pattern, replacer) {
      if (!pattern.global) throw new Error(`rule ${rule.id}: replace() needs a global regex`);
      pattern.lastIndex = 0;
      let out = '';
      let last = 0;
      let capitalizeNext = false;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        if (m[0] === '') {
          pattern.lastIndex++;
          continue;
        }
        let gap = text.slice(last, m.index);
        if (capitalizeNext && /\S/.test(gap)) {
          gap = capitalizeFirstLetter(gap);
          capitalizeNext = false;
        }
        out += gap;
        let replacement = typeof replacer === 'string' ? expand(replacer, m) : replacer(m);
        const ok =
          replacement === m[0] ||
          (masksOf(replacement) === masksOf(m[0]) &&
            countNegations(replacement) === countNegations(m[0]) &&
            (rule.mayRemoveLines ? breaks(replacement) <= breaks(m[0]) : breaks(replacement) === breaks(m[0])));
        if (!ok) replacement = m[0];
        // "I" is capitalised anywhere: only a match opening a sentence hands its capital on.
        if (replacement !== m[0] && /^[A-Z]/.test(m[0]) && !/^[A-Z]/.test(replacement) && (!/^I\b/.test(m[0]) || isSentenceStart(text, m.index))) {
          // A removed capitalised opening ("Please answer" -> "Answer"): the sentence's next word takes the capital.
          if (/\S/.test(replacement)) replacement = capitalizeFirstLetter(replacement);
          else capitalizeNext = true;
        } else if (capitalizeNext && /\S/.test(replacement)) {
          replacement = capitalizeFirstLetter(replacement);
          capitalizeNext = false;
        }
        out += replacement;
        last = m.index + m[0].length;
      }
      if (last === 0) return text;
      let rest = text.slice(last);
      if (capitalizeNext) rest = capitalizeFirstLetter(rest);
      return out + rest;
    },
  };
}

/** A line with nothing left but indentation and perhaps a list or heading marker. */
const BARE_LINE = new RegExp(`^[ \\t]*${LIST_MARKER}?[ \\t]*$`);

/** After a rule that may remove lines: drops the lines it emptied (nothing left but indentation or a bare marker). */
function dropEmptiedLines(before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length !== b.length) return after;
  const kept: string[] = [];
  for (let i = 0; i < b.length; i++) {
    const emptied = !isBlank(a[i]) && BARE_LINE.test(b[i]);
    if (!emptied) kept.push(b[i]);
  }
  return kept.join('\n');
}

/** Above this many changed lines a refused rewrite is not retried line by line. */
const MAX_LINE_TRIALS = 200;

export interface RuleOutcome {
  text: string;
  /** True when at least part of the rule's rewrite was kept. */
  applied: boolean;
  /** Why (part of) the rewrite was refused, if it was. */
  refused: Violation | null;
}

/**
 * Runs one rule on masked text and verifies the invariants. When the whole rewrite breaks one, each changed line is
 * tried on its own and kept only if it passes, so a single bad spot does not cost the rule everywhere else.
 */
export function applyRule(rule: CompressRule, text: string, values: readonly string[]): RuleOutcome {
  const rewritten = rule.apply(text, ruleContext(values, rule));
  if (rewritten === text) return { text, applied: false, refused: null };
  const candidate = rule.mayRemoveLines ? dropEmptiedLines(text, rewritten) : rewritten;
  const mayRemoveLines = rule.mayRemoveLines === true;
  const violation = compareMasked(text, candidate, values, mayRemoveLines);
  if (!violation) return { text: candidate, applied: true, refused: null };

  const before = text.split('\n');
  const after = rewritten.split('\n');
  // Each trial re-checks the whole text: keep that bounded on very long prompts (the rule is then refused whole).
  const changed = after.reduce((n, line, i) => n + (line !== before[i] ? 1 : 0), 0);
  if (before.length !== after.length || changed > MAX_LINE_TRIALS) return { text, applied: false, refused: violation };
  // null marks a line the rule emptied and that is dropped.
  const lines: Array<string | null> = before.slice();
  const join = (ls: Array<string | null>): string => ls.filter((l): l is string => l !== null).join('\n');
  let applied = false;
  for (let i = 0; i < lines.length; i++) {
    if (after[i] === before[i]) continue;
    const trial = lines.slice();
    const emptied = mayRemoveLines && !isBlank(before[i]) && dropEmptiedLines(before[i], after[i]) === '';
    trial[i] = emptied ? null : after[i];
    if (!compareMasked(join(lines), join(trial), values, mayRemoveLines)) {
      lines[i] = trial[i];
      applied = true;
    }
  }
  return { text: applied ? join(lines) : text, applied, refused: violation };
}
