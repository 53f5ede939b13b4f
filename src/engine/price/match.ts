import type { MatchRule } from './catalog-types';

const regexCache = new Map<string, RegExp>();

/** genai-prices' matching semantics: case-insensitive equals / starts_with / ends_with / contains, regex, or, and. */
export function matches(rule: MatchRule, id: string): boolean {
  if ('or' in rule) return rule.or.some((r) => matches(r, id));
  if ('and' in rule) return rule.and.every((r) => matches(r, id));
  const lower = id.toLowerCase();
  if ('equals' in rule) return lower === rule.equals.toLowerCase();
  if ('starts_with' in rule) return lower.startsWith(rule.starts_with.toLowerCase());
  if ('ends_with' in rule) return lower.endsWith(rule.ends_with.toLowerCase());
  if ('contains' in rule) return lower.includes(rule.contains.toLowerCase());
  let re = regexCache.get(rule.regex);
  if (!re) regexCache.set(rule.regex, (re = new RegExp(rule.regex)));
  return re.test(id);
}
