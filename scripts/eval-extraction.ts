/**
 * Measures extraction against hand-labelled real code, the way issue 2's "Done when" is judged:
 *
 *   node --import tsx scripts/eval-extraction.ts <files dir> <labels dir> [--tolerance N] [--only SUBSTRING] [--quiet]
 *
 * Each source file `<files dir>/NAME` is labelled by `<labels dir>/NAME.json` (format in docs/evaluation.md). The
 * corpus is public code, so it stays out of the repository. Prints per-file and total precision/recall for calls and
 * prompt strings, attachment accuracy, model and max-tokens accuracy, then every miss and false positive with its
 * file:line and source line. Exit code is 0 (this is a measurement, not a test).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../src/engine/extract';
import type { ExtractResult, PromptRole } from '../src/engine/model';
import { languageOf } from '../src/workspace/files';

// ---------------------------------------------------------------- label format

interface LabelCall {
  /** 1-based line of the API method name. */
  line: number;
  provider?: string;
  /** The model id when a literal (or a constant/default resolving to one) exists, null when none; absent = not judged. */
  model?: string | null;
  /** The max-tokens key and literal value (value null when not a literal); null when the call sets none; absent = not judged. */
  maxTokens?: { key: string; value: number | null } | null;
  /** Neither required nor a false positive when reported (embeddings, chain invokes...). */
  optional?: boolean;
  note?: string;
}

interface LabelPrompt {
  /** 1-based line of the first literal of the prompt string. */
  line: number;
  /** Last line on which a literal of the same prompt starts (concatenations, `+`, joined lists). */
  endLine?: number;
  role?: PromptRole;
  /** Lines of the calls it feeds; [] = feeds no call in this file; absent/null = attachment not judged. */
  calls?: number[] | null;
  optional?: boolean;
  note?: string;
}

interface Labels {
  calls: LabelCall[];
  prompts: LabelPrompt[];
}

// ---------------------------------------------------------------- predictions

interface PredCall {
  line: number;
  provider: string;
  api: string;
  model: string | null;
  maxTokens: { key: string; value: number | null } | null;
}

/** One reported prompt (a call's prompt or a standalone constant), reduced to the lines its literals start on. */
interface PredPrompt {
  lines: number[];
  role: PromptRole;
  /** The call it is attached to, or null for a standalone constant. */
  callLine: number | null;
  name?: string;
}

function predictionsOf(result: ExtractResult): { calls: PredCall[]; prompts: PredPrompt[] } {
  const calls: PredCall[] = [];
  const prompts: PredPrompt[] = [];
  for (const c of result.calls) {
    const line = c.nameRange.start.line + 1;
    calls.push({
      line,
      provider: c.provider,
      api: c.api,
      model: c.model?.value ?? null,
      maxTokens: c.maxTokens ? { key: c.maxTokens.key, value: c.maxTokens.value } : null,
    });
    for (const p of c.prompts) {
      const lines = p.literals.map((l) => l.range.start.line + 1);
      if (lines.length > 0) prompts.push({ lines, role: p.role, callLine: line, name: p.name });
    }
  }
  for (const p of result.prompts) {
    const lines = p.literals.map((l) => l.range.start.line + 1);
    if (lines.length > 0) prompts.push({ lines, role: p.role, callLine: null, name: p.name });
  }
  return { calls, prompts };
}

// ---------------------------------------------------------------- scoring

interface Tally {
  callsLabelled: number;
  callsFound: number;
  callsReported: number;
  callsReal: number;
  promptsLabelled: number;
  promptsFound: number;
  promptsReportedUnits: number;
  promptsRealUnits: number;
  attachJudged: number;
  attachRight: number;
  roleJudged: number;
  roleRight: number;
  modelJudged: number;
  modelRight: number;
  maxJudged: number;
  maxRight: number;
  providerJudged: number;
  providerRight: number;
}

const emptyTally = (): Tally => ({
  callsLabelled: 0,
  callsFound: 0,
  callsReported: 0,
  callsReal: 0,
  promptsLabelled: 0,
  promptsFound: 0,
  promptsReportedUnits: 0,
  promptsRealUnits: 0,
  attachJudged: 0,
  attachRight: 0,
  roleJudged: 0,
  roleRight: 0,
  modelJudged: 0,
  modelRight: 0,
  maxJudged: 0,
  maxRight: 0,
  providerJudged: 0,
  providerRight: 0,
});

type IssueKind =
  | 'missed call'
  | 'false call'
  | 'missed prompt'
  | 'false prompt'
  | 'wrong attachment'
  | 'wrong role'
  | 'wrong model'
  | 'wrong max tokens'
  | 'wrong provider';

interface Issue {
  kind: IssueKind;
  file: string;
  line: number;
  detail: string;
}

function within(line: number, from: number, to: number, tolerance: number): boolean {
  return line >= from - tolerance && line <= to + tolerance;
}

function sameMax(a: PredCall['maxTokens'], b: LabelCall['maxTokens']): boolean {
  if (!a || !b) return !a && !b;
  return a.key === b.key && a.value === b.value;
}

function show(v: unknown): string {
  return v === null || v === undefined ? 'none' : JSON.stringify(v);
}

function scoreFile(file: string, labels: Labels, result: ExtractResult, tolerance: number, issues: Issue[]): Tally {
  const t = emptyTally();
  const { calls, prompts } = predictionsOf(result);
  const issue = (kind: IssueKind, line: number, detail: string): void => {
    issues.push({ kind, file, line, detail });
  };

  // Calls: each label takes the nearest unused prediction within the tolerance.
  const used = new Set<PredCall>();
  const predOfLabel = new Map<LabelCall, PredCall>();
  const byDistance = [...labels.calls].sort((a, b) => Number(!!a.optional) - Number(!!b.optional));
  for (const label of byDistance) {
    let best: PredCall | null = null;
    for (const c of calls) {
      if (used.has(c) || !within(c.line, label.line, label.line, tolerance)) continue;
      if (!best || Math.abs(c.line - label.line) < Math.abs(best.line - label.line)) best = c;
    }
    if (best) {
      used.add(best);
      predOfLabel.set(label, best);
    }
  }
  for (const label of labels.calls) {
    const pred = predOfLabel.get(label);
    if (!label.optional) {
      t.callsLabelled++;
      if (pred) t.callsFound++;
      else issue('missed call', label.line, `expected ${label.provider ?? '?'} call`);
    }
    if (!pred) continue;
    if (label.provider) {
      t.providerJudged++;
      if (pred.provider === label.provider) t.providerRight++;
      else issue('wrong provider', label.line, `expected ${label.provider}, got ${pred.provider}`);
    }
    // An absent key (undefined) means "not judged"; null means "no literal exists".
    const labelModel = label.model ?? null;
    if (label.model !== undefined && (labelModel !== null || pred.model !== null)) {
      t.modelJudged++;
      if (pred.model === labelModel) t.modelRight++;
      else issue('wrong model', label.line, `expected ${show(labelModel)}, got ${show(pred.model)}`);
    }
    const labelMax = label.maxTokens ?? null;
    if (label.maxTokens !== undefined && (labelMax !== null || pred.maxTokens !== null)) {
      t.maxJudged++;
      if (sameMax(pred.maxTokens, labelMax)) t.maxRight++;
      else issue('wrong max tokens', label.line, `expected ${show(labelMax)}, got ${show(pred.maxTokens)}`);
    }
  }
  t.callsReported = calls.length;
  for (const c of calls) {
    if (used.has(c)) t.callsReal++;
    else issue('false call', c.line, `${c.provider} ${c.api}`);
  }

  // Prompts: a label is found when a reported literal starts within its lines; a reported prompt's literals that
  // fall outside every label are one false positive per distinct set of lines.
  const callLabelOf = (predLine: number | null): LabelCall | null => {
    if (predLine === null) return null;
    for (const [label, pred] of predOfLabel) if (pred.line === predLine) return label;
    return null;
  };
  for (const label of labels.prompts) {
    const end = label.endLine ?? label.line;
    const hits = prompts.filter((p) => p.lines.some((l) => within(l, label.line, end, tolerance)));
    if (label.optional) continue;
    t.promptsLabelled++;
    if (hits.length === 0) {
      issue('missed prompt', label.line, `expected ${label.role ?? '?'} prompt${label.calls?.length ? ` feeding line ${label.calls.join(',')}` : ''}`);
      continue;
    }
    t.promptsFound++;
    if (label.role) {
      t.roleJudged++;
      if (hits.some((h) => h.role === label.role)) t.roleRight++;
      else issue('wrong role', label.line, `expected ${label.role}, got ${[...new Set(hits.map((h) => h.role))].join('/')}`);
    }
    if (label.calls !== undefined && label.calls !== null) {
      t.attachJudged++;
      const attached = hits.map((h) => callLabelOf(h.callLine)?.line ?? h.callLine).filter((l): l is number => l !== null);
      const right =
        label.calls.length === 0 ? attached.length === 0 : attached.some((l) => label.calls!.includes(l));
      if (right) t.attachRight++;
      else
        issue(
          'wrong attachment',
          label.line,
          `expected ${label.calls.length ? `call at ${label.calls.join(',')}` : 'no call'}, got ${attached.length ? `call at ${[...new Set(attached)].join(',')}` : 'no call'}`,
        );
    }
  }
  const labelled = (l: number): boolean => labels.prompts.some((p) => within(l, p.line, p.endLine ?? p.line, tolerance));
  const realLabels = labels.prompts.filter((p) =>
    prompts.some((pp) => pp.lines.some((l) => within(l, p.line, p.endLine ?? p.line, tolerance))),
  ).length;
  const falseSets = new Map<string, PredPrompt>();
  for (const p of prompts) {
    const outside = [...new Set(p.lines.filter((l) => !labelled(l)))].sort((a, b) => a - b);
    if (outside.length > 0) falseSets.set(outside.join(','), { ...p, lines: outside });
  }
  t.promptsRealUnits = realLabels;
  t.promptsReportedUnits = realLabels + falseSets.size;
  for (const p of falseSets.values()) {
    issue('false prompt', p.lines[0], `${p.role}${p.name ? ` ${p.name}` : ''}${p.callLine ? ` on call at ${p.callLine}` : ' (standalone)'}; lines ${p.lines.join(',')}`);
  }
  return t;
}

// ---------------------------------------------------------------- report

function pct(n: number, d: number): string {
  return d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`;
}

function add(a: Tally, b: Tally): void {
  for (const k of Object.keys(a) as (keyof Tally)[]) a[k] += b[k];
}

function parseArgs(argv: string[]): { filesDir: string; labelsDir: string; tolerance: number; only: string | null; quiet: boolean } {
  const positional: string[] = [];
  let tolerance = 1;
  let only: string | null = null;
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--tolerance') tolerance = Number(argv[++i]);
    else if (a === '--only') only = argv[++i] ?? null;
    else if (a === '--quiet') quiet = true;
    else positional.push(a);
  }
  if (positional.length !== 2 || !Number.isInteger(tolerance) || tolerance < 0) {
    console.error('usage: node --import tsx scripts/eval-extraction.ts <files dir> <labels dir> [--tolerance N] [--only SUBSTRING] [--quiet]');
    process.exit(2);
  }
  return { filesDir: positional[0], labelsDir: positional[1], tolerance, only, quiet };
}

async function main(): Promise<void> {
  const { filesDir, labelsDir, tolerance, only, quiet } = parseArgs(process.argv.slice(2));
  const total = emptyTally();
  const issues: Issue[] = [];
  const sources = new Map<string, string[]>();
  const rows: string[] = [];
  const names = readdirSync(filesDir)
    .filter((n) => languageOf(n) !== null)
    .filter((n) => !only || n.includes(only))
    .sort();
  let evaluated = 0;
  for (const name of names) {
    const labelPath = join(labelsDir, `${name}.json`);
    if (!existsSync(labelPath)) {
      console.error(`no labels for ${name}: skipped`);
      continue;
    }
    let labels: Labels;
    try {
      labels = JSON.parse(readFileSync(labelPath, 'utf8')) as Labels;
    } catch (err) {
      console.error(`bad labels ${labelPath}: ${err instanceof Error ? err.message : String(err)}`);
      continue;
    }
    const text = readFileSync(join(filesDir, name), 'utf8');
    sources.set(name, text.split(/\r?\n/));
    const result = await extract(text, languageOf(name)!);
    for (const note of result.notes ?? []) console.error(`${name}: ${note}`);
    const t = scoreFile(name, { calls: labels.calls ?? [], prompts: labels.prompts ?? [] }, result, tolerance, issues);
    add(total, t);
    evaluated++;
    rows.push(
      `${name.padEnd(44).slice(0, 44)} calls ${String(t.callsFound).padStart(2)}/${String(t.callsLabelled).padEnd(2)} fp ${String(t.callsReported - t.callsReal).padStart(2)}` +
        `   prompts ${String(t.promptsFound).padStart(2)}/${String(t.promptsLabelled).padEnd(2)} fp ${String(t.promptsReportedUnits - t.promptsRealUnits).padStart(2)}` +
        `   attach ${t.attachRight}/${t.attachJudged}  model ${t.modelRight}/${t.modelJudged}  max ${t.maxRight}/${t.maxJudged}`,
    );
  }

  if (!quiet) {
    console.log('Per file');
    for (const r of rows) console.log(`  ${r}`);
    const order: IssueKind[] = ['missed call', 'false call', 'missed prompt', 'false prompt', 'wrong attachment', 'wrong role', 'wrong model', 'wrong max tokens', 'wrong provider'];
    for (const kind of order) {
      const list = issues.filter((i) => i.kind === kind);
      if (list.length === 0) continue;
      console.log(`\n${kind} (${list.length})`);
      for (const i of list) {
        const src = (sources.get(i.file)?.[i.line - 1] ?? '').trim().slice(0, 110);
        console.log(`  ${i.file}:${i.line}  ${i.detail}\n      | ${src}`);
      }
    }
  }

  console.log(`\nTotals over ${evaluated} files (line tolerance ±${tolerance})`);
  console.log(`  calls    recall ${pct(total.callsFound, total.callsLabelled)} (${total.callsFound}/${total.callsLabelled})   precision ${pct(total.callsReal, total.callsReported)} (${total.callsReal}/${total.callsReported})`);
  console.log(`  prompts  recall ${pct(total.promptsFound, total.promptsLabelled)} (${total.promptsFound}/${total.promptsLabelled})   precision ${pct(total.promptsRealUnits, total.promptsReportedUnits)} (${total.promptsRealUnits}/${total.promptsReportedUnits})`);
  console.log(`  attachment       ${pct(total.attachRight, total.attachJudged)} (${total.attachRight}/${total.attachJudged})`);
  console.log(`  role             ${pct(total.roleRight, total.roleJudged)} (${total.roleRight}/${total.roleJudged})`);
  console.log(`  model            ${pct(total.modelRight, total.modelJudged)} (${total.modelRight}/${total.modelJudged})`);
  console.log(`  max tokens       ${pct(total.maxRight, total.maxJudged)} (${total.maxRight}/${total.maxJudged})`);
  console.log(`  provider         ${pct(total.providerRight, total.providerJudged)} (${total.providerRight}/${total.providerJudged})`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
