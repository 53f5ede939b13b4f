/**
 * The plain data that flows through the engine: extract -> count -> price -> rules -> AuditResult.
 * No behaviour lives here. Every stage adds to these shapes; adapters (extension, CLI) only read them.
 *
 * Conventions (see README "Architecture"):
 * - Positions are 0-based line / character in UTF-16 code units (what tree-sitter and VS Code both use);
 *   offsets are UTF-16 code-unit indexes into the document text. The CLI's JSON shows 1-based lines.
 * - Money is USD as plain numbers; catalog prices are per 1M tokens.
 * - Unknown is a value: an unknown model or price is `null`, never 0.
 */

/** VS Code language ids are the engine's language keys, so adapters never translate. */
export type LanguageId = 'python' | 'typescript' | 'typescriptreact' | 'javascript' | 'javascriptreact';

export const SUPPORTED_LANGUAGES: readonly LanguageId[] = [
  'python',
  'typescript',
  'typescriptreact',
  'javascript',
  'javascriptreact',
];

export interface Pos {
  line: number;
  character: number;
}

export interface Range {
  start: Pos;
  end: Pos;
  /** UTF-16 code-unit offsets into the document text. */
  startOffset: number;
  endOffset: number;
}

export type PromptRole = 'system' | 'developer' | 'user' | 'assistant' | 'example';

/** One source string literal that contributes text to a prompt. */
export interface PromptLiteral {
  /** The whole literal as written, prefix and quotes included (`f"..."`, `` `...` ``). */
  range: Range;
}

/** A stretch of a prompt's text: [start, end) as UTF-16 offsets into the text (not the document). */
export interface TextSpan {
  start: number;
  end: number;
}

/** A prompt as the engine understands it: the evaluated text plus where every piece of it came from. */
export interface Prompt {
  role: PromptRole;
  /** The expression that supplies the prompt where it is used (for a constant: its value). */
  range: Range;
  /** Evaluated text; placeholders are kept as written (`{name}`, `${user.name}`, `%(x)s`). */
  text: string;
  /** True when any part of the text is not known statically (interpolation, `.format`, a parameter...). */
  templated: boolean;
  /**
   * The placeholders in `text`, in order: interpolations and values not known statically, template fields filled in
   * later. Everything outside them is static. Absent: none known (the whole text is counted).
   */
  holes?: TextSpan[];
  /** Every literal that contributes, each with its own span, in text order. */
  literals: PromptLiteral[];
  /** The constant or variable the prompt reached the call through, if any. */
  name?: string;
}

/** A standalone prompt constant (`SYSTEM_PROMPT = """..."""`, `const PROMPT = `...``). */
export interface PromptConstant {
  name: string;
  /** The value expression. */
  range: Range;
  /** The name being defined. */
  nameRange: Range;
  text: string;
  templated: boolean;
  /** As Prompt.holes. */
  holes?: TextSpan[];
  literals: PromptLiteral[];
  /** The role the calls in this file send it with, else the one its name suggests (`SYSTEM_PROMPT` -> system), else 'user'. */
  role: PromptRole;
}

export type Provider =
  | 'openai'
  | 'anthropic'
  | 'google'
  | 'vercel-ai'
  | 'langchain'
  | 'deepseek'
  | 'mistral'
  | 'cohere'
  | 'xai'
  | 'groq'
  | 'openrouter'
  | 'together'
  | 'unknown';

export interface ModelRef {
  /** The model id as written or resolved (`gpt-4o`, `models/gemini-1.5-flash`, `claude-3-5-sonnet-20241022`). */
  value: string;
  /** The literal that holds it (may be a constant's or a default's literal elsewhere in the file). */
  range: Range | null;
  source: 'literal' | 'constant' | 'default' | 'constructor';
}

export interface MaxTokensRef {
  /** The key as written: max_tokens, max_completion_tokens, max_output_tokens, maxTokens, maxOutputTokens, max_tokens_to_sample. */
  key: string;
  /** The literal value, or null when it is not a literal (a variable, an expression). */
  value: number | null;
  /** The value expression as written at the call (or in the configured object it comes from): where findings point. */
  range: Range;
  /**
   * When the value is a same-file constant (`max_tokens=MAX_TOKENS`, `MAX_TOKENS = 4096`): the number literal at its
   * definition, what a "set max tokens" fix edits instead of the name (calls sharing the constant share this range).
   * Absent when the value is written at the call, is a parameter, or is not a single literal.
   */
  literal?: Range;
}

export type LoopKind = 'for' | 'while' | 'comprehension' | 'map' | 'forEach' | 'gather';

export interface CallSite {
  /** The whole call expression. */
  range: Range;
  /** The API method's name (`create` in `client.chat.completions.create`): the reported line. */
  nameRange: Range;
  provider: Provider;
  /** A stable API label: `chat.completions.create`, `responses.create`, `messages.create`, `generateContent`, `generateText`, `invoke`... */
  api: string;
  model: ModelRef | null;
  maxTokens: MaxTokensRef | null;
  prompts: Prompt[];
  /** False when some arguments could not be read (`create(**params)`, a body built elsewhere). */
  argsResolved: boolean;
  /**
   * The innermost loop over data that encloses the call, if any. When the call sits in no loop itself but the
   * same-file function around it is called by name from inside one (directly, or through one more same-file function),
   * that loop is reported with `via`: the function called inside the loop, and that call's range. The request then
   * also runs once per item. (Cross-file callers are not followed.)
   */
  loop: { kind: LoopKind; range: Range; via?: { name: string; range: Range } } | null;
  /** True when any `cache_control` / `cacheControl` is present in the request. */
  cacheControl: boolean;
  /** Value ranges of named arguments as written at the call (`system`, `messages`, `model`...), for fixes. */
  args: Record<string, Range>;
  /** Where named arguments can be inserted (just inside the closing paren/brace of the arguments), for fixes. */
  insertAt: Pos | null;
}

/** A `prompt-audit:` comment: `# prompt-audit: ignore high-max-tokens`, `// prompt-audit: 5000/day`. */
export interface Directive {
  /** 0-based line of the comment; it applies to its own line and to the line below. */
  line: number;
  kind: 'ignore' | 'volume';
  /** For `ignore`: the rule ids named; empty means every rule. */
  rules: string[];
  /** For `volume`: requests per day. */
  requestsPerDay?: number;
  range: Range;
}

export interface ExtractResult {
  language: LanguageId;
  calls: CallSite[];
  prompts: PromptConstant[];
  directives: Directive[];
  /** Syntax errors seen by the parser; extraction still returns what it could read. */
  syntaxErrors: number;
  /** Why extraction read less than the whole file (binary content, a parse that ran out of time...). */
  notes?: string[];
}

// ---------------------------------------------------------------- counting

/** How much a figure can be trusted. */
export type Accuracy = 'exact' | 'near-exact' | 'approximate';

export interface TokenFigure {
  tokens: number;
  accuracy: Accuracy;
  /** Tokenizer name, e.g. `o200k_base`, `deepseek-v3`, `gemma3`, `claude (approx.)`. */
  tokenizer: string;
  /** True when placeholders made the figure a lower bound. */
  lowerBound: boolean;
}

// ---------------------------------------------------------------- pricing

export interface Cost {
  /** The model id as written. */
  model: string;
  /** The catalog id it resolved to, or null when unknown. */
  resolvedModel: string | null;
  /** All null when the price is unknown. */
  inputUsd: number | null;
  outputUsd: number | null;
  requestUsd: number | null;
  monthlyUsd: number | null;
  /** True when the output bound is the configured expected output (no max tokens at the call). */
  outputAssumed: boolean;
  accuracy: Accuracy;
  priceSource: string;
  catalogDate: string;
}

// ---------------------------------------------------------------- audit result

export interface AuditedPrompt extends Prompt {
  tokens: TokenFigure;
}

export interface AuditedPromptConstant extends PromptConstant {
  tokens: TokenFigure;
  /** Cost of 1,000 uses as input on the default model, null when unknown. */
  costPer1000Usd: number | null;
}

export interface AuditedCall extends Omit<CallSite, 'prompts'> {
  prompts: AuditedPrompt[];
  /** Billed input: prompts plus the provider's chat framing. */
  inputTokens: TokenFigure;
  /** Output bound used for the cost: max tokens, else the expected output (assumed). */
  outputTokens: { tokens: number; assumed: boolean };
  /** The model used for pricing (the call's, else the default model). */
  effectiveModel: string;
  requestsPerDay: number;
  cost: Cost | null;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  kind: 'quickfix' | 'refactor.rewrite';
  /** Safe fixes are preferred and take part in "fix all". */
  safe: boolean;
  edits: TextEdit[];
  /** What the user sees before applying (compress prompt, model switch). */
  preview?: { tokensBefore?: number; tokensAfter?: number; usdPerMonthSaved?: number | null; diff?: string };
}

export interface Diagnostic {
  rule: string;
  severity: Severity;
  range: Range;
  message: string;
  /** Dollars per month at stake, when known. */
  usdPerMonth?: number | null;
  docsUrl: string;
  fixes: Fix[];
}

export interface AuditResult {
  language: LanguageId;
  directives: Directive[];
  calls: AuditedCall[];
  prompts: AuditedPromptConstant[];
  diagnostics: Diagnostic[];
  syntaxErrors: number;
  /** Human-readable notes (skipped as too large, tokenizer still loading, ...). */
  notes: string[];
}
