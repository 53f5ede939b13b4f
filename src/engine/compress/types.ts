/** Counts the tokens of a text with some tokenizer; the compressor never depends on a particular one. */
export type CountTokens = (text: string) => number;

/**
 * How far a compression goes. `faithful` (the default) only rewrites what reads as the author wrote it; `terse` also
 * runs the rules marked terse, which write telegraphic instructions (no articles: "Summarize article in one line").
 */
export type CompressionStyle = 'faithful' | 'terse';

/** The script a rule is written for; `any` rules are structural (whitespace, markdown, duplicates). */
export type RuleLanguage = 'en' | 'ko' | 'any';

/**
 * One guarded rewrite. A rule sees the prompt with every protected span masked (see mask.ts) and returns the
 * rewritten text; the pipeline verifies the invariants after it and refuses the whole rewrite when one breaks.
 */
export interface CompressRule {
  /** Stable id, reported in `applied` (CLI JSON, quick-fix preview). */
  id: string;
  language: RuleLanguage;
  /** What it rewrites, one line (docs/compression.md lists them). */
  description: string;
  /** A before/after pair; a unit test checks every rule against its own example. */
  example: { before: string; after: string };
  /** True for rules that may delete whole lines (duplicates, filler-only lines, blank-line runs). */
  mayRemoveLines?: boolean;
  /** `terse`: the rule runs only when the caller asks for the terse style. */
  style?: 'terse';
  apply(text: string, ctx: RuleContext): string;
}

/** What a rule may call: guarded regex replacement and the mask lookup. */
export interface RuleContext {
  /**
   * Like String.replace with a global regex, but each match's replacement is kept only when it keeps the match's
   * protected spans and negations (else that match stays as written). `replacer` gets the match and the offset.
   * When a removed match began with a capital letter at a sentence start, the next word is capitalised.
   */
  replace(text: string, pattern: RegExp, replacer: string | ((m: RegExpExecArray) => string)): string;
  /** True when `ch` stands for a protected span. */
  isMask(ch: string): boolean;
  /** The original text of a mask character (for duplicate detection). */
  maskValue(ch: string): string;
}

export interface CompressOptions {
  countTokens: CountTokens;
  /** Rule ids to skip. */
  disabledRules?: readonly string[];
  /** `faithful` (default) or `terse` (also the rules marked terse). */
  style?: CompressionStyle;
  /**
   * Spans of `text` that must come back untouched whatever they contain (a literal's interpolations), as
   * [start, end) UTF-16 offsets, sorted and non-overlapping.
   */
  protectedSpans?: ReadonlyArray<readonly [number, number]>;
  /** The text continues a sentence begun elsewhere (a later piece of a concatenated prompt): no capitalising at its start. */
  continuesSentence?: boolean;
}

export interface CompressResult {
  text: string;
  tokensBefore: number;
  tokensAfter: number;
  /** Ids of the rules whose rewrite was kept, in the order they ran. */
  applied: string[];
  /** Rules whose whole rewrite the guard refused, with the invariant it would have broken. */
  refused: { rule: string; reason: string }[];
}
