import { commands } from './commands';

/** Entry point of `prompt-audit`: dispatches to one file per command (see ./commands.ts). */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`prompt-audit: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  return command.run(rest);
}

declare const VERSION_FROM_BUILD: string | undefined;
const VERSION = typeof VERSION_FROM_BUILD === 'string' ? VERSION_FROM_BUILD : '0.0.0-dev';

function usage(): string {
  const lines = commands.map((c) => `  ${c.usage.padEnd(58)} ${c.summary}`);
  return `Usage: prompt-audit <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun 'prompt-audit <command> --help' for a command's options.\n`;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`prompt-audit: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
