import { catalogInfo, priceRequest, type RequestPrice } from '../../engine/price';
import { formatCount } from '../../engine/format';
import type { CliCommand } from '../commands';
import { EXIT_OK, EXIT_USAGE, UsageError, helpLines, loadAuditOptions, numberFlag, parseCommandLine } from '../options';
import { processIO, type CommandIO } from '../io';

const USAGE = 'price --model M --input N --output N [--requests R] [--cached-input N] [--batch] [--json]';

const FLAGS = {
  model: { type: 'string' },
  input: { type: 'string' },
  output: { type: 'string' },
  requests: { type: 'string' },
  'cached-input': { type: 'string' },
  batch: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function helpText(): string {
  return `Usage: prompt-audit ${USAGE}

Prints the cost of R requests of N input and N output tokens each on model M, from the bundled price catalog (or
priceOverrides in ./.prompt-audit.json). Tiered prices use the tier of one request's input (Gemini 1.5 Pro above
128K tokens).

Options:
${helpLines([
  ['--model M', 'model id as written in code: gpt-4o, claude-3-5-sonnet-20241022, models/gemini-1.5-pro, openai/gpt-4o...'],
  ['--input N', 'input tokens per request (cached ones included)'],
  ['--output N', 'output tokens per request'],
  ['--requests R', 'number of requests (default 1), e.g. requests per day x days per month'],
  ['--cached-input N', 'of the input tokens, how many are cache hits (billed at the cached-input price)'],
  ['--batch', "sent through the provider's batch API (50% at OpenAI, Anthropic, Google)"],
  ['--json', 'print {model, resolvedModel, inputUsd, outputUsd, totalUsd, priceSource, catalogDate, ...}'],
  ['-h, --help', 'show this help'],
])}

Exit codes: 0 priced, 1 price unknown for the model, 2 bad arguments.
`;
}

interface PriceArgs {
  model: string;
  input: number;
  output: number;
  requests: number;
  cachedInput: number;
  batch: boolean;
  json: boolean;
}

function parsePriceArgs(args: string[]): PriceArgs | 'help' {
  const { values, positionals } = parseCommandLine(args, FLAGS);
  if (values.help) return 'help';
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  if (values.model === undefined || !values.model.trim()) throw new UsageError('--model is required, e.g. --model gpt-4o');
  if (values.input === undefined) throw new UsageError('--input is required (input tokens per request)');
  if (values.output === undefined) throw new UsageError('--output is required (output tokens per request)');
  const input = numberFlag('--input', values.input, { min: 0, integer: true });
  const cachedInput = values['cached-input'] === undefined ? 0 : numberFlag('--cached-input', values['cached-input'], { min: 0, integer: true });
  if (cachedInput > input) throw new UsageError(`--cached-input (${cachedInput}) cannot exceed --input (${input})`);
  return {
    model: values.model.trim(),
    input,
    output: numberFlag('--output', values.output, { min: 0, integer: true }),
    requests: values.requests === undefined ? 1 : numberFlag('--requests', values.requests, { min: 0 }),
    cachedInput,
    batch: values.batch === true,
    json: values.json === true,
  };
}

export async function runPrice(args: string[], io: CommandIO, cwd = process.cwd()): Promise<number> {
  let parsed: PriceArgs | 'help';
  try {
    parsed = parsePriceArgs(args);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`prompt-audit price: ${err.message}\nUsage: prompt-audit ${USAGE}\n`);
    return EXIT_USAGE;
  }
  if (parsed === 'help') {
    io.stdout(helpText());
    return EXIT_OK;
  }
  // The same settings file `scan` reads (./.prompt-audit.json); its problems are named and the catalog stays in use.
  const loaded = await loadAuditOptions({}, cwd);
  for (const line of loaded.warnings) io.stderr(`prompt-audit: ${line}\n`);
  const overrides = loaded.options.priceOverrides;
  const price = priceRequest({
    model: parsed.model,
    inputTokens: parsed.input,
    outputTokens: parsed.output,
    cachedInputTokens: parsed.cachedInput,
    batch: parsed.batch,
    requests: parsed.requests,
    overrides,
    overrideSource: '.prompt-audit.json',
  });
  const catalog = catalogInfo();
  if (parsed.json) {
    io.stdout(
      `${JSON.stringify(
        {
          model: price.model,
          resolvedModel: price.resolvedModel,
          inputUsd: price.inputUsd,
          outputUsd: price.outputUsd,
          totalUsd: price.totalUsd,
          priceSource: price.priceSource,
          catalogDate: price.catalogDate,
          catalogStale: catalog.stale,
          // Dollars are exact for the token counts given; the counts here are the caller's, not measured.
          exact: price.totalUsd !== null,
          requests: parsed.requests,
          inputTokens: parsed.input,
          cachedInputTokens: parsed.cachedInput,
          outputTokens: parsed.output,
          batch: parsed.batch,
          rates: price.rates,
          notes: price.notes,
        },
        null,
        2,
      )}\n`,
    );
  } else {
    io.stdout(priceTable(parsed, price));
  }
  if (catalog.stale) io.stderr(`prompt-audit: the price catalog is ${catalog.ageDays} days old (${catalog.catalogDate}); prices may have changed.\n`);
  return price.totalUsd === null ? 1 : EXIT_OK;
}

function priceTable(a: PriceArgs, p: RequestPrice): string {
  if (p.totalUsd === null) return `${a.model}: price unknown. ${p.notes.join(' ')}\n`;
  const r = p.rates!;
  const fresh = a.input - a.cachedInput;
  const lines = [
    `${a.model}${p.resolvedModel !== a.model ? ` (priced as ${p.resolvedModel})` : ''}: ${formatCount(a.requests)} request${a.requests === 1 ? '' : 's'} x (${formatCount(a.input)} input + ${formatCount(a.output)} output tokens)${a.batch ? ', batch' : ''}`,
    `  input   ${money(p.inputUsd!).padStart(12)}   per request ${formatCount(fresh)} x ${rate(r.input)}${a.cachedInput ? ` + ${formatCount(a.cachedInput)} cached x ${rate(r.cachedInput)}` : ''}${r.tier ? ` (${r.tier})` : ''}`,
    `  output  ${money(p.outputUsd!).padStart(12)}   per request ${formatCount(a.output)} x ${rate(r.output)}`,
    `  total   ${money(p.totalUsd).padStart(12)}`,
    `  prices: ${p.priceSource}, ${p.catalogDate}`,
    ...p.notes.map((n) => `  note: ${n}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** Cents for amounts from a cent up (what a bill shows); two significant digits below. */
function money(usd: number): string {
  if (usd === 0) return '$0.00';
  if (usd < 0.01) return `$${Number(usd.toPrecision(2))}`;
  return `$${usd.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

function rate(perMillion: number): string {
  return `$${Number(perMillion.toPrecision(6))}/1M`;
}

export const price: CliCommand = {
  name: 'price',
  usage: USAGE,
  summary: 'cost of R requests of N input / N output tokens on a model',
  run: (args) =>
    runPrice(args, processIO()),
};
