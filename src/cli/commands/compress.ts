import { readFile } from 'node:fs/promises';
import { tokenizerFor, tokenizerForEncoding, type Tokenizer } from '../../engine/count';
import { compressPromptAsync, unifiedDiff } from '../../engine/compress';
import { DEFAULT_OPTIONS } from '../../engine/options';
import type { CliCommand } from '../commands';
import { EXIT_OK, EXIT_USAGE, UsageError, helpLines, parseCommandLine } from '../options';
import { describeFsError } from '../../workspace/files';
import { processIO, readAllStdin, type CommandIO } from '../io';

const USAGE = 'compress [--json | --diff] [--model M] [--style faithful|terse] FILE|-';

const FLAGS = {
  json: { type: 'boolean' },
  diff: { type: 'boolean' },
  model: { type: 'string' },
  style: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Prompts are text; anything this large is not one. */
const MAX_BYTES = DEFAULT_OPTIONS.maxFileBytes;

function helpText(): string {
  return `Usage: prompt-audit ${USAGE}

Compresses a prompt (a text file, or standard input with -) with guarded rewrite rules for English and Korean and
prints the compressed text. Placeholders, code, quotes, URLs, numbers, names, negations, list structure and the
prompt's language are kept; a rewrite that would break one is refused. When no rewrite is both safe and shorter,
the text is printed unchanged, byte for byte.

Options:
${helpLines([
  ['--json', 'print {text, tokensBefore, tokensAfter, applied}'],
  ['--diff', 'print a unified diff of the prompt instead of the compressed text'],
  ['--model M', "count tokens with M's tokenizer (default o200k_base, as gpt-4o)"],
  ['--style S', 'faithful (default): remove padding, keep the wording; terse: also drop English articles'],
  ['-h, --help', 'show this help'],
])}

Token figures go to standard error unless --json is given. Exit codes: 0 done (compressed or not), 1 unreadable
input, 2 bad arguments.
`;
}

export async function runCompress(args: string[], io: CommandIO, readStdin: () => Promise<Buffer> = readAllStdin): Promise<number> {
  let values;
  let file: string;
  try {
    const parsed = parseCommandLine(args, FLAGS);
    values = parsed.values;
    if (values.help) {
      io.stdout(helpText());
      return EXIT_OK;
    }
    if (parsed.positionals.length !== 1) throw new UsageError(parsed.positionals.length === 0 ? 'give a FILE, or - for standard input' : 'give one FILE');
    file = parsed.positionals[0]!;
    if (values.json && values.diff) throw new UsageError('give --json or --diff, not both');
    if (values.model !== undefined && !values.model.trim()) throw new UsageError('--model needs a model id, e.g. --model gpt-4o');
    if (values.style !== undefined && values.style !== 'faithful' && values.style !== 'terse') throw new UsageError('--style must be faithful or terse');
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`prompt-audit compress: ${err.message}\nUsage: prompt-audit ${USAGE}\n`);
    return EXIT_USAGE;
  }

  let bytes: Buffer;
  try {
    bytes = file === '-' ? await readStdin() : await readFile(file);
  } catch (err) {
    io.stderr(`prompt-audit compress: cannot read ${file}: ${describeFsError(err)}\n`);
    return 1;
  }
  if (bytes.includes(0)) {
    io.stderr(`prompt-audit compress: ${file} looks binary (it contains NUL bytes); compress text prompts only\n`);
    return 1;
  }
  if (bytes.length > MAX_BYTES) {
    io.stderr(`prompt-audit compress: ${file} is ${(bytes.length / 1e6).toFixed(1)} MB; prompts above ${MAX_BYTES / 1e6} MB are not compressed\n`);
    return 1;
  }
  const text = bytes.toString('utf8');

  const tokenizer: Tokenizer = values.model !== undefined ? await tokenizerFor(values.model.trim()) : tokenizerForEncoding('o200k_base');
  if (tokenizer.note) io.stderr(`prompt-audit compress: ${tokenizer.note}\n`);
  const result = await compressPromptAsync(text, { countTokens: (t) => tokenizer.count(t), style: values.style === 'terse' ? 'terse' : 'faithful' });
  const tokensBefore = result?.tokensBefore ?? (await tokenizer.count(text));
  const output = {
    text: result?.text ?? text,
    tokensBefore,
    tokensAfter: result?.tokensAfter ?? tokensBefore,
    applied: result?.applied ?? [],
  };

  if (values.json) {
    io.stdout(`${JSON.stringify(output)}\n`);
    return EXIT_OK;
  }
  io.stdout(values.diff ? unifiedDiff(text, output.text, { fromLabel: `${file} (before)`, toLabel: `${file} (compressed)` }) : output.text);
  if (result) {
    const saved = ((1 - result.tokensAfter / result.tokensBefore) * 100).toFixed(1);
    io.stderr(
      `prompt-audit compress: ${result.tokensBefore} -> ${result.tokensAfter} tokens (-${saved}%, ${tokenizer.name}); rules: ${result.applied.join(', ')}\n`,
    );
  } else {
    io.stderr(`prompt-audit compress: no safe shorter rewrite found; text unchanged (${tokensBefore} tokens, ${tokenizer.name})\n`);
  }
  return EXIT_OK;
}

export const compress: CliCommand = {
  name: 'compress',
  usage: USAGE,
  summary: 'compress a prompt with guarded English/Korean rewrite rules',
  run: (args) =>
    runCompress(args, processIO()),
};
