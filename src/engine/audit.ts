import type {
  AuditedCall,
  AuditedPrompt,
  AuditedPromptConstant,
  AuditResult,
  CallSite,
  Directive,
  ExtractResult,
  LanguageId,
  Prompt,
  PromptConstant,
  TokenFigure,
} from './model';
import type { AuditOptions } from './options';
import { extract } from './extract';
import { countPrompt, requestInputTokens, tokenizerFor, type Tokenizer } from './count';
import { callCost, priceRequest, requestsPerDayFor } from './price';
import { runRules, SourceText } from './rules';
import { staticParts } from './extract/holes';

/**
 * The one entry point of the engine: (text, language, options) -> AuditResult.
 * Pipeline: extract -> count -> price -> rules. Never throws: bad input comes back as notes.
 */
export async function audit(text: string, language: LanguageId, options: AuditOptions): Promise<AuditResult> {
  if (text.length > options.maxFileBytes) {
    return emptyResult(language, [
      `File skipped: ${text.length.toLocaleString('en-US')} characters is over the size limit (${options.maxFileBytes.toLocaleString('en-US')}).`,
    ]);
  }
  const extracted = await extract(text, language);
  return auditExtracted(text, extracted, options);
}

/**
 * Count, price and check an extraction of `text` (the editor keeps an incremental extraction per document and calls
 * this after each edit; `text` is the document the extraction was made from, which the rules' fixes edit). Counts
 * are cached by content inside the tokenizers, so unchanged prompts cost nothing.
 */
export async function auditExtracted(text: string, extracted: ExtractResult, options: AuditOptions): Promise<AuditResult> {
  // Why a figure is approximate when it should not be (a vocabulary not installed, downloads off), said once per file.
  const tokenizerNotes = new Set<string>();
  const calls = await Promise.all(extracted.calls.map((call) => auditCall(call, options, extracted.directives, tokenizerNotes)));
  const prompts = await Promise.all(extracted.prompts.map((p) => auditConstant(p, options, tokenizerNotes)));
  const notes = [...(extracted.notes ?? []), ...tokenizerNotes];
  const rules = await runRules(
    { source: new SourceText(text, extracted.language), calls, prompts, directives: extracted.directives },
    options,
  );
  notes.push(...rules.notes);
  return {
    language: extracted.language,
    directives: extracted.directives,
    calls,
    prompts,
    diagnostics: rules.diagnostics,
    syntaxErrors: extracted.syntaxErrors,
    notes,
  };
}

async function auditCall(call: CallSite, options: AuditOptions, directives: readonly Directive[], tokenizerNotes: Set<string>): Promise<AuditedCall> {
  const effectiveModel = call.model?.value ?? options.defaultModel;
  const tokenizer = await tokenizerFor(effectiveModel);
  if (tokenizer.note) tokenizerNotes.add(tokenizer.note);
  const prompts: AuditedPrompt[] = await Promise.all(
    call.prompts.map(async (p) => ({ ...p, tokens: await countPromptOf(p, tokenizer, options) })),
  );
  const inputTokens = requestInputTokens(call.provider, prompts, tokenizer);
  const outputTokens =
    call.maxTokens?.value != null
      ? { tokens: call.maxTokens.value, assumed: false }
      : { tokens: options.expectedOutputTokens, assumed: true };
  const { requestsPerDay } = requestsPerDayFor(call.range.start.line, directives, options);
  const cost = callCost({ model: effectiveModel, inputTokens, outputTokens, requestsPerDay, options });
  return { ...call, prompts, inputTokens, outputTokens, effectiveModel, requestsPerDay, cost };
}

async function auditConstant(p: PromptConstant, options: AuditOptions, tokenizerNotes: Set<string>): Promise<AuditedPromptConstant> {
  const { tokens, inputUsd, note } = await priceInput(p, options.defaultModel, options);
  if (note) tokenizerNotes.add(note);
  return { ...p, tokens, costPer1000Usd: inputUsd === null ? null : inputUsd * 1000 };
}

/**
 * Tokens of a text on `model`'s tokenizer and what it costs as the input of one request (no chat framing): prompt
 * constants, and the editor's selection figure. `inputUsd` is null when the model's price is unknown.
 */
export async function priceInput(
  p: Pick<Prompt, 'text' | 'templated' | 'holes'>,
  model: string,
  options: AuditOptions,
): Promise<{ tokens: TokenFigure; inputUsd: number | null; note?: string }> {
  const tokenizer = await tokenizerFor(model);
  const tokens = await countPromptOf(p, tokenizer, options);
  const price = priceRequest({ model, inputTokens: tokens.tokens, outputTokens: 0, overrides: options.priceOverrides });
  return { tokens, inputUsd: price.inputUsd, ...(tokenizer.note ? { note: tokenizer.note } : {}) };
}

/**
 * A prompt's figure: the static text counts, its placeholders (`holes`) do not; each placeholder adds the configured
 * estimate (`placeholderTokens`), and a templated figure is a lower bound.
 */
function countPromptOf(p: Pick<Prompt, 'text' | 'templated' | 'holes'>, tokenizer: Tokenizer, options: AuditOptions): Promise<TokenFigure> {
  const holes = p.holes ?? [];
  if (holes.length === 0) return countPrompt(p.text, p.templated, 0, tokenizer, options);
  return countPrompt(staticParts(p.text, holes), p.templated, holes.length, tokenizer, options);
}

function emptyResult(language: LanguageId, notes: string[]): AuditResult {
  return { language, directives: [], calls: [], prompts: [], diagnostics: [], syntaxErrors: 0, notes };
}
