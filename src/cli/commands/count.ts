import { readFile } from 'node:fs/promises';
import { OPENAI_ENCODINGS, tokenizerFor, tokenizerForEncoding, type OpenAIEncodingName, type Tokenizer } from '../../engine/count';
import { accuracyMark, formatCount } from '../../engine/format';
import type { CliCommand } from '../commands';
import { DOWNLOAD_FLAG, DOWNLOAD_HELP, EXIT_OK, EXIT_USAGE, UsageError, applyDownloadFlag, helpLines, parseCommandLine } from '../options';
import { processIO, readAllStdin, type CommandIO } from '../io';

const USAGE = 'count [--model M | --encoding E] [--json] FILE|-';

const FLAGS = {
  model: { type: 'string' },
  encoding: { type: 'string' },
  json: { type: 'boolean' },
  ...DOWNLOAD_FLAG,
  help: { type: 'boolean', short: 'h' },
} as const;

function helpText(): string {
  return `Usage: prompt-audit ${USAGE}

Prints the token count of a file's raw text (or standard input with -), with no chat framing: the figure a
tokenizer gives for exactly these characters. Text such as <|endoftext|> counts as ordinary text.

Options:
${helpLines([
  ['--model M', "count with M's tokenizer (gpt-4o -> o200k_base, gpt-4 -> cl100k_base, deepseek-chat, qwen, llama-3, gemini...)"],
  ['--encoding E', `an OpenAI encoding by name (${OPENAI_ENCODINGS.join(', ')}); default o200k_base`],
  ['--json', 'print {file, tokens, tokenizer, accuracy, exact}'],
  DOWNLOAD_HELP,
  ['-h, --help', 'show this help'],
])}

Counts are exact for OpenAI, DeepSeek, Qwen and Llama 3 models, near-exact (~) for Gemini, approximate (≈) for
Claude and unknown models. Exit codes: 0 counted, 1 unreadable input, 2 bad arguments.
`;
}

export async function runCount(args: string[], io: CommandIO, readStdin: () => Promise<Buffer> = readAllStdin): Promise<number> {
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
    if (values.model !== undefined && values.encoding !== undefined) throw new UsageError('give --model or --encoding, not both');
    if (values.model !== undefined && !values.model.trim()) throw new UsageError('--model needs a model id, e.g. --model gpt-4o');
    if (values.encoding !== undefined && !(OPENAI_ENCODINGS as readonly string[]).includes(values.encoding)) {
      throw new UsageError(`unknown encoding '${values.encoding}' (known: ${OPENAI_ENCODINGS.join(', ')})`);
    }
    applyDownloadFlag(values);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`prompt-audit count: ${err.message}\nUsage: prompt-audit ${USAGE}\n`);
    return EXIT_USAGE;
  }

  let bytes: Buffer;
  try {
    bytes = file === '-' ? await readStdin() : await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    io.stderr(`prompt-audit count: cannot read ${file}: ${reason}\n`);
    return 1;
  }
  if (bytes.includes(0)) {
    io.stderr(`prompt-audit count: ${file} looks binary (it contains NUL bytes); count text files only\n`);
    return 1;
  }
  const text = bytes.toString('utf8');

  const tokenizer: Tokenizer = values.model !== undefined ? await tokenizerFor(values.model.trim()) : tokenizerForEncoding((values.encoding ?? 'o200k_base') as OpenAIEncodingName);
  const tokens = await tokenizer.count(text);
  if (tokenizer.note) io.stderr(`prompt-audit count: ${tokenizer.note}\n`);
  if (values.json) {
    io.stdout(`${JSON.stringify({ file, ...(values.model ? { model: values.model.trim() } : {}), tokens, tokenizer: tokenizer.name, accuracy: tokenizer.accuracy, exact: tokenizer.accuracy === 'exact' })}\n`);
  } else {
    io.stdout(`${accuracyMark(tokenizer.accuracy)}${formatCount(tokens)} tokens  (${tokenizer.name}, ${tokenizer.accuracy})\n`);
  }
  return EXIT_OK;
}

export const count: CliCommand = {
  name: 'count',
  usage: USAGE,
  summary: "token count of a file's raw text with a model's tokenizer",
  run: (args) =>
    runCount(args, processIO()),
};
