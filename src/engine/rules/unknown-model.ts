import type { AuditedCall, Fix } from '../model';
import { catalogModels, normalizeModelId, type ModelPrices } from '../price';
import { perMonth, volumeOf } from './money';
import { defineRule, type Finding } from './rule';
import type { SourceText } from './source';

/** Edit distance (Levenshtein), for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** An id without the suffixes that only pick a snapshot (`-latest`, `-20241022`, `-2024-08-06`). */
const bare = (id: string): string => id.replace(/-latest$/, '').replace(/-\d{4}-?\d{2}-?\d{2}$/, '');

/** The catalog ids nearest to `modelId`, nearest first: by edit distance (with and without snapshot suffixes), same family first. */
export function closestModels(modelId: string, limit = 3): string[] {
  const id = normalizeModelId(modelId);
  const family = id.split(/[-.:]/)[0] ?? id;
  const scored = catalogModels()
    .filter((m) => !m.deprecated)
    .map((m) => {
      const other = m.id.toLowerCase();
      const d = Math.min(distance(id, other), distance(bare(id), bare(other)));
      return { id: m.id, score: d - (other.startsWith(family) ? 2 : 0) };
    });
  scored.sort((a, b) => a.score - b.score || a.id.localeCompare(b.id));
  return [...new Set(scored.map((s) => s.id))].slice(0, limit);
}

/** Snapshot words a provider spells one way; a near miss (`latset`, `lastest`, `previw`) is a typo. */
const SUFFIX_WORDS = ['latest', 'preview'];

/**
 * Why an id the catalog prices is still not one the provider accepts: the catalog matched it only because a known id
 * is its prefix with letters or digits glued on (`deepseek-chatt` -> deepseek-chat, `claude-3-haikuu-20240307`), or
 * it misspells a snapshot word (`claude-3-5-sonnet-latset`). Suffixes after a separator (`-2024-08-06`,
 * `-search-preview`, `:free`) are variants and stay resolved; so do price overrides. Null when the id looks right.
 */
export function suspectId(modelId: string, prices: ModelPrices): { pricedAs: string; reason: string; corrected: string | null } | null {
  if (!prices.priceSource.startsWith('catalog')) return null;
  const id = normalizeModelId(modelId);
  const base = prices.resolvedModel.toLowerCase();
  if (id.length > base.length && id.startsWith(base) && /[a-z0-9]/.test(id[base.length]!)) {
    return { pricedAs: prices.resolvedModel, reason: `only because that id is its prefix`, corrected: null };
  }
  for (const segment of id.split(/[-._:@/]/)) {
    if (segment.length < 4 || !/^[a-z]+$/.test(segment)) continue;
    const word = SUFFIX_WORDS.find((w) => w !== segment && distance(w, segment) <= 2);
    if (!word) continue;
    const at = modelId.toLowerCase().lastIndexOf(segment);
    const corrected = at < 0 ? null : modelId.slice(0, at) + word + modelId.slice(at + segment.length);
    return { pricedAs: prices.resolvedModel, reason: `though '${segment}' looks like a misspelling of '${word}'`, corrected };
  }
  return null;
}

function replaceIdFix(source: SourceText, call: AuditedCall, id: string): Fix | null {
  const model = call.model;
  if (!model?.range || !['literal', 'constant', 'constructor'].includes(model.source)) return null;
  const literal = source.slice(model.range);
  const quoted = /(['"`])([^'"`\\$]+)\1/.exec(literal);
  if (!quoted || quoted[2] !== model.value) return null;
  const start = model.range.startOffset + quoted.index + 1;
  return {
    title: `Change the model to ${id}`,
    kind: 'quickfix',
    safe: false,
    edits: [{ range: source.range(start, start + quoted[2].length), newText: id }],
  };
}

/**
 * A model id the price catalog does not know (and no price override names): its cost is unknown, so every figure of
 * the call says "price unknown". Usually a typo, a retired id, or a self-hosted / fine-tuned model that needs a
 * price override.
 */
export const unknownModel = defineRule({
  id: 'unknown-model',
  description: 'A model id not in the price catalog: its price is unknown.',
  defaultSeverity: 'warning',
  offersModelSwitch: false,
  settings: {
    suggestions: { default: 3, min: 0, max: 10, description: 'How many of the closest known ids to name (and offer as fixes).' },
  },
  async check(ctx) {
    const findings: Finding[] = [];
    const byRange = new Map<string, Finding>();
    for (const call of ctx.calls) {
      if (!call.model) continue;
      const prices = ctx.prices(call.model.value);
      const suspect = prices ? suspectId(call.model.value, prices) : null;
      if (prices && !suspect) continue;
      const range = call.model.range ?? call.nameRange;
      const key = `${range.startOffset}:${range.endOffset}`;
      const existing = byRange.get(key);
      if (existing) {
        existing.calls!.push(call);
        continue;
      }
      const limit = ctx.settings.suggestions;
      const closest = limit > 0 ? [...new Set([...(suspect?.corrected ? [suspect.corrected] : []), ...closestModels(call.model.value, limit)])].slice(0, limit) : [];
      const hint = closest.length > 0 ? ` Closest known: ${closest.join(', ')}.` : '';
      const monthly = call.cost?.monthlyUsd ?? null;
      const message = suspect
        ? `Model '${call.model.value}' is not in the price catalog: it is priced as ${suspect.pricedAs} ${suspect.reason} ` +
          `(${perMonth(monthly)} ${volumeOf(call)}), and the provider is likely to reject it.${hint} If the id is right, add it to priceOverrides.`
        : `Model '${call.model.value}' is not in the price catalog: price unknown.${hint} If the id is right, add it to priceOverrides.`;
      const finding: Finding = {
        range,
        message,
        usdPerMonth: suspect ? monthly : null,
        fixes: closest.map((id) => replaceIdFix(ctx.source, call, id)).filter((f): f is Fix => f !== null),
        call,
        calls: [call],
      };
      byRange.set(key, finding);
      findings.push(finding);
    }
    return findings;
  },
});
