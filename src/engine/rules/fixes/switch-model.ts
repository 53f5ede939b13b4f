import type { AuditedCall, Fix } from '../../model';
import type { AuditOptions } from '../../options';
import { cheaperAlternatives, normalizeModelId } from '../../price';
import { percent } from '../money';
import type { SourceText } from '../source';

/**
 * "Switch to <model> (−N%)": a refactor replacing the model id inside its literal, when that literal is at the call,
 * in a same-file constant, or in the configured model object the call uses. The id keeps its path prefix
 * (`models/`, `openai/`) and quotes; an id whose spelling we cannot map (Bedrock ARNs, dated variants with suffixes)
 * is left alone. Same provider and capability tier only (cheaperAlternatives), so the SDK call stays valid.
 */
export function switchModelFixes(
  source: SourceText,
  call: AuditedCall,
  options: AuditOptions,
  memo: <T>(key: string, make: () => T) => T = (_key, make) => make(),
  limit = 2,
): Fix[] {
  const model = call.model;
  if (!model?.range || !['literal', 'constant', 'constructor'].includes(model.source)) return [];
  if (call.cost?.requestUsd == null) return [];
  const literal = source.slice(model.range);
  const quoted = /(['"`])([^'"`\\$]+)\1/.exec(literal);
  if (!quoted) return [];
  const written = quoted[2]!;
  const normalized = normalizeModelId(written);
  const slash = written.lastIndexOf('/');
  const prefix = slash >= 0 ? written.slice(0, slash + 1) : '';
  if (written.slice(prefix.length).toLowerCase() !== normalized) return [];
  const request = { inputTokens: call.inputTokens.tokens, outputTokens: call.outputTokens.tokens };
  const alternatives = memo(`alternatives:${call.effectiveModel}:${request.inputTokens}:${request.outputTokens}:${limit}`, () =>
    cheaperAlternatives(call.effectiveModel, request, { sameProviderOnly: true, limit, overrides: options.priceOverrides }),
  );
  const idStart = model.range.startOffset + quoted.index + 1 + prefix.length;
  const idEnd = model.range.startOffset + quoted.index + 1 + written.length;
  const shared = model.source === 'literal' ? '' : model.source === 'constant' ? ', edits the constant' : ', edits the model object';
  return alternatives.map((alt) => ({
    title: `Switch to ${alt.model} (−${percent(alt.saving)} per request${shared})`,
    kind: 'refactor.rewrite' as const,
    safe: false,
    edits: [{ range: source.range(idStart, idEnd), newText: alt.model }],
    preview: {
      usdPerMonthSaved: call.cost?.monthlyUsd == null ? null : call.cost.monthlyUsd * alt.saving,
    },
  }));
}
