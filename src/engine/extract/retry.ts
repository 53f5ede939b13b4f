/**
 * Retry and fallback loops: a loop that repeats the same request until it succeeds (`for attempt in range(3)`,
 * `while retries < MAX_RETRIES`, `for model in FALLBACKS: try: return create(...)`) is not a loop over data, so a call
 * in it is not reported as running once per item.
 */
import type { Node } from 'web-tree-sitter';
import type { Evaluator } from './evaluate';
import type { LoopEntry } from './fileindex';
import { endOf, nameOf, sourceText } from './nodes';

/** Words of a retry counter or bound: `attempt`, `MAX_RETRIES`, `self.max_retries`, `maxAttempts`, `tries`, `backoff`. */
const RETRY_WORD = /^(?:attempts?|retry|retries|retrying|tries|backoff)$/i;
/** At most this many rounds is a retry budget rather than a walk over data. */
const MAX_RETRY_COUNT = 5;

/**
 * True when the loop around `call` repeats the request on failure rather than walking data. `inner` is the loop
 * between them, if any (what this loop repeats is then that loop, not the call).
 */
export function isRetryLoop(ev: Evaluator, loop: LoopEntry, loopNode: Node, call: Node, inner: Node | null): boolean {
  if (loop.kind !== 'for' && loop.kind !== 'while') return false;
  if (headerWords(loopNode, loop).some((w) => RETRY_WORD.test(w))) return true;
  const bound = ev.syntax.loopBound(loopNode);
  const count = bound ? ev.number(bound) : null;
  if (count !== null && count >= 1 && count <= MAX_RETRY_COUNT) return true;
  // Only a loop with a `try` in it can leave on success after a failure (the text says whether to look at all).
  const at = sourceText().indexOf('try', loop.bodyStart);
  return at >= 0 && at < loop.body.end && successLeaves(ev, loopNode, inner ?? call);
}

/** The words of the identifiers in the loop's header (everything but its body): `MAX_RETRIES` -> max, retries. */
function headerWords(loopNode: Node, loop: LoopEntry): string[] {
  const words: string[] = [];
  const visit = (n: Node): void => {
    for (const c of n.namedChildren) {
      if (!c || (c.startIndex >= loop.bodyStart && c.startIndex < loop.body.end)) continue;
      if (c.namedChildCount > 0) visit(c);
      else {
        const name = nameOf(c);
        if (/^[A-Za-z_$]/.test(name)) words.push(...name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').split(/[_$]+/).filter(Boolean));
      }
    }
  };
  visit(loopNode);
  return words;
}

/**
 * The call sits in a `try` inside the loop and success leaves the loop: the call is returned, or a `return` /
 * `break` follows it in the protected block.
 */
function successLeaves(ev: Evaluator, loopNode: Node, call: Node): boolean {
  // (`call` is the inner loop when there is one: the try must protect all of it.)
  const syntax = ev.syntax;
  let returned = false;
  for (let n: Node | null = call.parent; n && n.startIndex >= loopNode.startIndex && n.id !== loopNode.id; n = n.parent) {
    if (syntax.isFunction(n)) return false;
    if (syntax.leavesLoop(n)) returned = true;
    const body = syntax.tryBody(n);
    if (!body || call.startIndex < body.startIndex || call.startIndex >= endOf(body)) continue;
    if (returned) return true;
    const after = endOf(call);
    for (const st of body.namedChildren) if (st && st.startIndex >= after && leaves(st, ev)) return true;
  }
  return false;
}

function leaves(n: Node, ev: Evaluator): boolean {
  if (ev.syntax.leavesLoop(n)) return true;
  if (ev.syntax.isFunction(n)) return false;
  for (const c of n.namedChildren) if (c && leaves(c, ev)) return true;
  return false;
}
